package serve

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// listSite is an immutable site that lists its files, as build.Site
// does; snapshot never opens its files.
type listSite struct {
	paths []string
	files map[string][]byte
}

func (s listSite) Open(name string) (fs.File, error) { return nil, fs.ErrNotExist }
func (s listSite) Paths() []string                   { return s.paths }
func (s listSite) Bytes(name string) ([]byte, bool)  { b, ok := s.files[name]; return b, ok }

// BenchmarkSnapshot measures what serve adds to each rebuild of a large
// site: taking the snapshot and comparing it with the previous one,
// for 1,000 pages of 20 kB of which one changed.
func BenchmarkSnapshot(b *testing.B) {
	const n = 1000
	page := strings.Repeat("<p>A sentence of a page.</p>\n", 700)
	mk := func(changed int) listSite {
		s := listSite{files: map[string][]byte{}}
		for i := range n {
			name := fmt.Sprintf("sources/s%04d/index.html", i)
			data := "<html><body>" + page + "</body></html>"
			if i == changed {
				data = "<html><body>changed " + page + "</body></html>"
			}
			s.paths = append(s.paths, name)
			s.files[name] = []byte(data)
		}
		return s
	}
	tag := func() string { return `"x"` }
	old, err := snapshot(mk(-1), nil, tag)
	if err != nil {
		b.Fatal(err)
	}
	next := mk(7)
	b.ResetTimer()
	for b.Loop() {
		cur, _ := snapshot(next, old, tag)
		if out, _ := diff(old, cur); len(out) != 1 {
			b.Fatalf("diff %q", out)
		}
	}
}

// storedTestSite is a site kept in a folder, as build.Stored is: serve
// lists it with its sums and reads the files on request.
type storedTestSite struct {
	fs.FS
	sums map[string]string
}

func (s storedTestSite) Paths() []string {
	var out []string
	for p := range s.sums {
		out = append(out, p)
	}
	return out
}

func (s storedTestSite) Sum(name string) (string, bool) { v, ok := s.sums[name]; return v, ok }

// writeStored writes files into a new folder and returns them as a
// stored site whose sums are the files' contents.
func writeStored(t *testing.T, files map[string]string) storedTestSite {
	dir := t.TempDir()
	s := storedTestSite{FS: os.DirFS(dir), sums: map[string]string{}}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		s.sums[name] = data
	}
	return s
}

// TestStoredSite serves a site from its folder: pages get the reload
// script and their assets' versions, a file unchanged in the next build
// keeps its ETag, a changed one gets another, and nothing is kept in
// memory.
func TestStoredSite(t *testing.T) {
	files := map[string]string{
		"index.html":       `<!doctype html><link rel="stylesheet" href="assets/style.css"><body><p>One</p></body>`,
		"assets/style.css": "p { color: red }",
		"claims.json":      `{"claims":[]}`,
	}
	s := New(Options{AllowHosts: []string{"example.com"}}, nil)
	build := func(files map[string]string, changed []string) {
		st := writeStored(t, files)
		s.build = func(context.Context, []string) (fs.FS, error) { return st, nil }
		s.publish(s.runBuild(context.Background(), changed, s.state.Load().site), changed)
		if errs := s.state.Load().errs; errs != nil {
			t.Fatalf("build: %v", errs)
		}
	}
	build(files, nil)
	page := get(t, s, "GET", "/")
	if body := page.Body.String(); !strings.Contains(body, `href="assets/style.css?v=`) || !strings.Contains(body, "_brief/live.js") ||
		stripScript(body) != files["index.html"] {
		t.Errorf("page %q", body)
	}
	css := get(t, s, "GET", "/assets/style.css")
	if css.Body.String() != files["assets/style.css"] || css.Header().Get("Content-Type") != "text/css; charset=utf-8" {
		t.Errorf("stylesheet %q, %q", css.Body.String(), css.Header().Get("Content-Type"))
	}
	for name, f := range s.state.Load().site.files {
		if f.data != nil {
			t.Errorf("%s is held in memory", name)
		}
	}

	files["index.html"] = strings.Replace(files["index.html"], "One", "Two", 1)
	build(files, []string{"content/x.md"})
	if got := get(t, s, "GET", "/assets/style.css").Header().Get("ETag"); got != css.Header().Get("ETag") {
		t.Errorf("unchanged stylesheet: ETag %s, then %s", css.Header().Get("ETag"), got)
	}
	again := get(t, s, "GET", "/")
	if again.Header().Get("ETag") == page.Header().Get("ETag") || !strings.Contains(again.Body.String(), "Two") {
		t.Errorf("changed page: ETag %s, then %s: %q", page.Header().Get("ETag"), again.Header().Get("ETag"), again.Body.String())
	}
}
