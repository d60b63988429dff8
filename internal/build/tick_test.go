package build_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/brief-dev/brief/internal/build"
	"golang.org/x/tools/txtar"
)

// endlessThemes are index.html overrides whose templates never end (or
// not in any useful time): issue 12 item 8.
var endlessThemes = map[string]string{
	"RangeEmpty":  `{{define "main"}}{{range 100000000000000}}{{end}}{{end}}`,
	"RangeOutput": `{{define "main"}}{{range 100000000000000}}<p>{{.}}</p>{{end}}{{end}}`,
	"RangeInJS":   `{{define "main"}}<script>var a = [{{range 100000000000000}}{{.}},{{end}}];</script>{{end}}`,
	"Nested":      `{{define "main"}}{{range 100000}}{{range 100000}}{{if .}}{{end}}{{end}}{{end}}{{end}}`,
	"Recursion":   `{{define "main"}}{{template "r" 0}}{{end}}{{define "r"}}{{if lt . 60}}{{template "r" (add . 1)}}{{template "r" (add . 1)}}{{end}}{{end}}`, // 2^60 calls
}

func endlessProject(t *testing.T, index string) string {
	t.Helper()
	return writeArchive(t, &txtar.Archive{Files: []txtar.File{
		{Name: "themes/default/index.html", Data: []byte(index)},
		{Name: "content/sources/a.md", Data: []byte("---\ntitle: A\n---\nThe talks began on Monday.\n")},
	}})
}

// TestTemplateLoopCancelled checks that a build whose theme loops
// without end stops soon after its context is cancelled (a signal in
// brief build, a newer change in brief serve): before, html/template
// ran on and the build never returned.
func TestTemplateLoopCancelled(t *testing.T) {
	for name, index := range endlessThemes {
		t.Run(name, func(t *testing.T) {
			root := endlessProject(t, index)
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(300*time.Millisecond, cancel)
			done := make(chan error, 1)
			start := time.Now()
			go func() {
				_, _, err := build.Build(ctx, build.Options{Root: root})
				done <- err
			}()
			select {
			case err := <-done:
				if !errors.Is(err, context.Canceled) {
					t.Fatalf("build: %v, want context.Canceled", err)
				}
				if d := time.Since(start); d > 1300*time.Millisecond {
					t.Errorf("build returned %v after the start, 1 s after the cancel at most", d)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("build did not stop within 10 s of its cancel")
			}
		})
	}
}

// TestTemplatePageTimeout checks that with Options.PageTimeout a theme
// that loops without end fails the build with an error naming the page
// (brief serve shows it in the overlay) and the next build with a
// fixed theme succeeds on the same Builder.
func TestTemplatePageTimeout(t *testing.T) {
	root := endlessProject(t, endlessThemes["RangeEmpty"])
	b := build.NewBuilder(build.Options{Root: root, PageTimeout: 300 * time.Millisecond})
	start := time.Now()
	_, _, err := b.Build(context.Background(), nil)
	if err == nil || !strings.Contains(err.Error(), "render index.html: the theme's templates ran longer than 300ms") {
		t.Fatalf("build: %v, want a time-out naming index.html", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("time-out after %v", d)
	}
	// Templates are reread when a theme file changes (by size and
	// mtime): make the change visible to both.
	fixed := filepath.Join(root, "themes", "default", "index.html")
	if err := os.WriteFile(fixed, []byte(`{{define "main"}}<p>fixed</p>{{end}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(2 * time.Second)
	os.Chtimes(fixed, later, later)
	site, _, err := b.Build(context.Background(), nil)
	if err != nil {
		t.Fatalf("build after the fix: %v", err)
	}
	if data, _ := site.Bytes("index.html"); !strings.Contains(string(data), "<p>fixed</p>") {
		t.Fatalf("index.html after the fix lacks the fixed template:\n%s", data)
	}
}
