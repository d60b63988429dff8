package build_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/build"
)

// TestBuildDirSameAsBuild checks that the site BuildDir streams to disk
// is the site Build makes in memory, file for file and byte for byte,
// and that a build with an input error leaves the folder as it was.
func TestBuildDirSameAsBuild(t *testing.T) {
	root := t.TempDir()
	copyExample(t, root)
	ctx := context.Background()
	site, _, err := build.Build(ctx, build.Options{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "public")
	rep, err := build.NewBuilder(build.Options{Root: root}).BuildDir(ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Pages == 0 {
		t.Errorf("Pages = 0")
	}
	want := append([]string{build.MarkerFile}, site.Paths()...)
	got := tree(t, out)
	if len(got) != len(want) {
		t.Fatalf("BuildDir wrote %d files, Build made %d (+ marker)", len(got), len(want)-1)
	}
	for _, p := range site.Paths() {
		data, _ := site.Bytes(p)
		disk, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(disk, data) {
			t.Errorf("%s differs between BuildDir and Build", p)
		}
	}

	// A bad source: the build fails and the site stays.
	bad := filepath.Join(root, "content", "sources", "zz-bad.md")
	if err := os.WriteFile(bad, []byte("---\noutlte: x\n---\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := build.NewBuilder(build.Options{Root: root}).BuildDir(ctx, out); err == nil {
		t.Fatal("BuildDir with a bad source: no error")
	}
	if after := tree(t, out); len(after) != len(got) {
		t.Errorf("after a failed build the folder has %d files, want %d", len(after), len(got))
	}
	left, _ := filepath.Glob(filepath.Join(root, ".public.tmp-*"))
	if len(left) > 0 {
		t.Errorf("temporary folders left: %v", left)
	}
}

// tree lists the files under dir, by slash path, sorted.
func tree(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSourceListPages splits the example's source list into pages of
// two: every source is listed once, and each page links to the next.
func TestSourceListPages(t *testing.T) {
	defer build.SetSourcesPerPage(2)()
	root := t.TempDir()
	copyExample(t, root)
	site, rep, err := build.Build(context.Background(), build.Options{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	pages := []string{"sources/index.html", "sources/index-2.html", "sources/index-3.html"}
	listed := map[string]int{}
	for i, p := range pages {
		data, ok := site.Bytes(p)
		if !ok {
			t.Fatalf("no %s", p)
		}
		body := data[bytes.Index(data, []byte("<tbody>")):]
		for _, m := range sourceLink.FindAllSubmatch(body, -1) {
			listed[string(m[1])]++
		}
		if want := fmt.Sprintf("Page %d of %d", i+1, len(pages)); !bytes.Contains(data, []byte(want)) {
			t.Errorf("%s: no %q", p, want)
		}
		if i+1 < len(pages) && !bytes.Contains(data, []byte(`href="index-`+fmt.Sprint(i+2)+`.html" rel="next"`)) {
			t.Errorf("%s: no link to the next page", p)
		}
	}
	if _, ok := site.Bytes("sources/index-4.html"); ok {
		t.Errorf("a fourth page for %d sources", rep.Sources)
	}
	if len(listed) != rep.Sources {
		t.Errorf("%d sources listed, want %d: %v", len(listed), rep.Sources, listed)
	}
	for id, n := range listed {
		if n != 1 {
			t.Errorf("%s listed %d times", id, n)
		}
	}
}

var sourceLink = regexp.MustCompile(`<a href="\.\./sources/([^"/]+)/"`)

// TestIncrementalGenerated is TestIncremental on 16 generated articles
// (two stories; more than 12 sources, so the matrix has two tables):
// after each edit the incremental build equals a full build.
func TestIncrementalGenerated(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	generated(t, root, 16)
	b := build.NewBuilder(build.Options{Root: root})
	if _, _, err := b.Build(ctx, nil); err != nil {
		t.Fatal(err)
	}
	src := func(n int) string { return fmt.Sprintf("content/sources/report-%05d.md", n) }
	steps := []struct {
		name  string
		apply func() []string
	}{
		{"AppendSentence", func() []string {
			p := filepath.Join(root, src(3))
			data, _ := os.ReadFile(p)
			os.WriteFile(p, append(data, "\nAn extra sentence about the talks was added on Monday.\n"...), 0o644)
			return []string{src(3)}
		}},
		{"ChangeNumber", func() []string {
			p := filepath.Join(root, src(9))
			data, _ := os.ReadFile(p)
			os.WriteFile(p, []byte(strings.Replace(string(data), " days", "0 days", 1)), 0o644)
			return []string{src(9)}
		}},
		{"RemoveSource", func() []string {
			os.Remove(filepath.Join(root, src(12)))
			return []string{src(12)}
		}},
	}
	for _, st := range steps {
		changed := st.apply()
		inc, _, err := b.Build(ctx, changed)
		if err != nil {
			t.Fatalf("%s: incremental: %v", st.name, err)
		}
		full, _, err := build.Build(ctx, build.Options{Root: root})
		if err != nil {
			t.Fatalf("%s: full: %v", st.name, err)
		}
		if !equalSites(inc, full) {
			t.Errorf("%s: incremental build differs from full build", st.name)
		}
		if _, ok := full.Bytes("matrix/2/index.html"); !ok {
			t.Errorf("%s: the matrix of 16 sources has no second table", st.name)
		}
	}
}
