package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildOutRefusals checks that `brief build -o DIR` replaces only a
// folder that brief wrote (issue 12, item 2): the content, sources,
// theme and project folders, a file, a link and a non-empty folder
// without the marker are refused with exit 1, an error saying what to
// do, and nothing changed.
func TestBuildOutRefusals(t *testing.T) {
	tests := []struct {
		name  string
		out   string
		setup func(t *testing.T, dir string)
		want  string
	}{
		{name: "Content", out: "content", want: "inside the project's content folder"},
		{name: "Sources", out: "content/sources", want: "inside the project's content"},
		{name: "InsideContent", out: "content/site", want: "inside the project's content folder"},
		{name: "Theme", out: "themes/default", want: "inside the project's themes folder",
			setup: func(t *testing.T, dir string) { writeFile(t, filepath.Join(dir, "themes/default/base.html"), "x") }},
		{name: "Project", out: ".", want: "is the project folder or contains it"},
		{name: "AboveProject", out: "..", want: "is the project folder or contains it"},
		{name: "File", out: "brief.yaml", want: "is a file, not a folder"},
		{name: "ForeignFolder", out: "docs", want: `not empty and was not written by brief build (it has "notes.txt" but no .brief-output file)`,
			setup: func(t *testing.T, dir string) { writeFile(t, filepath.Join(dir, "docs/notes.txt"), "mine") }},
		{name: "Link", out: "site", want: "is a symbolic link",
			setup: func(t *testing.T, dir string) {
				os.Mkdir(filepath.Join(dir, "elsewhere"), 0o755)
				if err := os.Symlink("elsewhere", filepath.Join(dir, "site")); err != nil {
					t.Skip(err)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyExample(t)
			if tt.setup != nil {
				tt.setup(t, dir)
			}
			before := treeWithLinks(t, dir)
			code, _, stderr := runBrief(t, "build", "--quiet", "--source", dir, "-o", tt.out)
			if code != 1 || !strings.Contains(stderr, tt.want) {
				t.Fatalf("exit %d, stderr %q; want exit 1 and %q", code, stderr, tt.want)
			}
			after := treeWithLinks(t, dir)
			if len(after) != len(before) {
				t.Fatalf("project has %d files after the refused build, %d before", len(after), len(before))
			}
			for k, v := range before {
				if after[k] != v {
					t.Errorf("%s changed", k)
				}
			}
		})
	}
}

// TestBuildOutAccepts checks the folders -o may replace: a missing
// one, one holding only git files, and one brief wrote before.
func TestBuildOutAccepts(t *testing.T) {
	dir := copyExample(t)
	writeFile(t, filepath.Join(dir, "public/.gitkeep"), "")
	for i := 0; i < 2; i++ { // the second build replaces the first one's output
		if code, _, stderr := runBrief(t, "build", "--quiet", "--source", dir); code != 0 {
			t.Fatalf("build %d: exit %d: %s", i, code, stderr)
		}
	}
	for _, f := range []string{"public/.gitkeep", "public/.brief-output", "public/index.html"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	if code, _, stderr := runBrief(t, "build", "--quiet", "--source", dir, "-o", filepath.Join(t.TempDir(), "new", "site")); code != 0 {
		t.Fatalf("build into a new folder: exit %d: %s", code, stderr)
	}
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// treeWithLinks is readTree that records a symbolic link by its target
// instead of reading through it.
func treeWithLinks(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := os.Readlink(p)
			files[filepath.ToSlash(rel)] = "-> " + target
			return err
		}
		b, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestBuildWriteErrors checks that an output folder that cannot be
// written gives exit 1 and an error naming the path once, each action
// once (issue 12, item 13: write errors read "write site: write site:").
func TestBuildWriteErrors(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "content/sources/a.md"), "---\ntitle: A\n---\nThe talks began on Monday.\n")
	writeFile(t, filepath.Join(dir, "notes.txt"), "x")
	// doubled reports a part of a "a: b: c" chain that comes twice.
	doubled := func(msg string) bool {
		seen := map[string]bool{}
		for _, part := range strings.Split(strings.TrimSpace(msg), ": ") {
			if seen[part] {
				return true
			}
			seen[part] = true
		}
		return false
	}
	for _, out := range []string{"notes.txt/site", filepath.Join(dir, "notes.txt", "site", "deeper")} {
		code, _, stderr := runBrief(t, "build", "--source", dir, "-o", out)
		if code != 1 || !strings.Contains(stderr, "notes.txt") || !strings.Contains(stderr, "not a directory") {
			t.Errorf("-o %s: exit %d, stderr %q; want 1 and the path with 'not a directory'", out, code, stderr)
		}
		if doubled(stderr) {
			t.Errorf("-o %s: an action repeated in %q", out, stderr)
		}
	}
}
