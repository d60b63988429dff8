package serve

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// project makes a temporary project with a content tree, a theme and a
// config file.
func project(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for name, data := range map[string]string{
		"brief.yaml":                       "title: Test\n",
		"content/briefing.md":              "# Briefing\n",
		"content/sources/a.md":             "---\ntitle: A\n---\nOne.\n",
		"themes/default/style.css":         "body{}\n",
		"themes/default/layouts/page.tmpl": "{{.}}\n",
		"public/index.html":                "old\n",
	} {
		writeFile(t, filepath.Join(root, name), data)
	}
	return root
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

// watchHarness runs an fsWatcher on a project.
type watchHarness struct {
	t    *testing.T
	root string
	out  chan change
}

func startWatch(t *testing.T, root string, roots, ignore []string) *watchHarness {
	t.Helper()
	fw := newFSWatcher(root, roots, newIgnorer(ignore), t.Logf)
	if err := fw.start(); err != nil {
		t.Fatal(err)
	}
	h := &watchHarness{t: t, root: root, out: make(chan change, 1024)}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { fw.run(ctx, h.out); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return h
}

// collect returns the distinct paths reported until none arrives for a
// while.
func (h *watchHarness) collect() []string {
	h.t.Helper()
	seen := map[string]bool{}
	quiet := 300 * time.Millisecond
	deadline := time.After(10 * time.Second)
	for {
		select {
		case c := <-h.out:
			p := c.Path
			if c == allPaths {
				p = "*"
			}
			seen[p] = true
		case <-time.After(quiet):
			return sortedKeys(seen)
		case <-deadline:
			return sortedKeys(seen)
		}
	}
}

// await waits (generously, for a loaded machine) until every path in
// want has been reported, fails the test if one is not, and then drains
// what else the same change reports.
func (h *watchHarness) await(want ...string) {
	h.t.Helper()
	seen := map[string]bool{}
	deadline := time.After(20 * time.Second)
	for missing := len(want); missing > 0; {
		select {
		case c := <-h.out:
			p := c.Path
			if c == allPaths {
				p = "*"
			}
			if slices.Contains(want, p) && !seen[p] {
				missing--
			}
			seen[p] = true
		case <-deadline:
			h.t.Errorf("reported %q, want %q among them", sortedKeys(seen), want)
			return
		}
	}
	h.collect()
}

func (h *watchHarness) path(rel string) string { return filepath.Join(h.root, filepath.FromSlash(rel)) }

func (h *watchHarness) write(rel, data string) { writeFile(h.t, h.path(rel), data) }

// expect checks that the reported paths include want and none of avoid.
func (h *watchHarness) expect(got, want, avoid []string) {
	h.t.Helper()
	for _, w := range want {
		if !slices.Contains(got, w) {
			h.t.Errorf("reported %q, want %q among them", got, w)
		}
	}
	for _, a := range avoid {
		if slices.Contains(got, a) {
			h.t.Errorf("reported %q, want no %q", got, a)
		}
	}
}

var defaultRoots = []string{"content", "themes", "brief.yaml"}

func TestWatchSaveStyles(t *testing.T) {
	root := project(t)
	h := startWatch(t, root, defaultRoots, []string{"public"})
	const src = "content/sources/a.md"

	t.Run("WriteInPlace", func(t *testing.T) {
		f, err := os.OpenFile(h.path(src), os.O_WRONLY|os.O_TRUNC, 0)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprint(f, "---\ntitle: A\n---\nTwo.\n")
		f.Close()
		h.expect(h.collect(), []string{src}, nil)
	})
	t.Run("TempAndRename", func(t *testing.T) {
		tmp := h.path("content/sources/.a.md.tmp123")
		writeFile(t, tmp, "three")
		if err := os.Rename(tmp, h.path(src)); err != nil {
			t.Fatal(err)
		}
		h.expect(h.collect(), []string{src}, nil)
		// The file is still watched after the rename.
		h.write(src, "four")
		h.expect(h.collect(), []string{src}, nil)
	})
	t.Run("DeleteAndRecreate", func(t *testing.T) {
		if err := os.Remove(h.path(src)); err != nil {
			t.Fatal(err)
		}
		h.write(src, "five")
		h.expect(h.collect(), []string{src}, nil)
		h.write(src, "six")
		h.expect(h.collect(), []string{src}, nil)
	})
	t.Run("VimBackupDance", func(t *testing.T) {
		// Vim with backupcopy=no: probe with 4913, rename the original to
		// a~, write the new file, delete the backup; plus its swap file.
		h.write("content/sources/4913", "")
		os.Remove(h.path("content/sources/4913"))
		h.write("content/sources/.a.md.swp", "swap")
		os.Rename(h.path(src), h.path(src+"~"))
		h.write(src, "seven")
		os.Remove(h.path(src + "~"))
		got := h.collect()
		h.expect(got, []string{src}, []string{"content/sources/4913", "content/sources/.a.md.swp", src + "~"})
	})
	t.Run("JunkOnly", func(t *testing.T) {
		h.write("content/.#a.md", "lock")
		h.write("content/#a.md#", "autosave")
		h.write("content/.DS_Store", "x")
		h.write("content/sources/b.md.swx", "x")
		if got := h.collect(); len(got) != 0 {
			t.Errorf("reported %q for editor files, want nothing", got)
		}
	})
	t.Run("NewFolder", func(t *testing.T) {
		h.write("content/sources/2026/b.md", "b")
		h.expect(h.collect(), []string{"content/sources/2026/b.md"}, nil)
		// The new folder is watched from now on.
		h.write("content/sources/2026/c.md", "c")
		h.expect(h.collect(), []string{"content/sources/2026/c.md"}, nil)
		// And so are folders created inside it at once (mkdir -p).
		if err := os.MkdirAll(h.path("content/x/y/z"), 0o755); err != nil {
			t.Fatal(err)
		}
		h.collect()
		h.write("content/x/y/z/d.md", "d")
		h.expect(h.collect(), []string{"content/x/y/z/d.md"}, nil)
	})
	t.Run("RenamedFolder", func(t *testing.T) {
		if err := os.Rename(h.path("content/sources/2026"), h.path("content/sources/y2026")); err != nil {
			t.Fatal(err)
		}
		h.expect(h.collect(), []string{"*"}, nil)
		h.write("content/sources/y2026/e.md", "e")
		h.expect(h.collect(), []string{"content/sources/y2026/e.md"}, []string{"content/sources/2026/e.md"})
	})
	t.Run("Config", func(t *testing.T) {
		tmp := h.path("brief.yaml.new")
		writeFile(t, tmp, "title: New\n")
		os.Rename(tmp, h.path("brief.yaml"))
		h.expect(h.collect(), []string{"brief.yaml"}, []string{"brief.yaml.new"})
	})
	t.Run("Theme", func(t *testing.T) {
		h.write("themes/default/style.css", "body{color:red}")
		h.expect(h.collect(), []string{"themes/default/style.css"}, nil)
	})
	t.Run("OutputAndSiblingsIgnored", func(t *testing.T) {
		h.write("public/index.html", "new")
		h.write("public/sources/a/index.html", "new")
		h.write("notes.txt", "x")
		if got := h.collect(); len(got) != 0 {
			t.Errorf("reported %q, want nothing", got)
		}
	})
	t.Run("RootRecreated", func(t *testing.T) {
		if err := os.RemoveAll(h.path("themes")); err != nil {
			t.Fatal(err)
		}
		h.collect()
		h.write("themes/default/style.css", "body{color:blue}")
		h.expect(h.collect(), []string{"themes/default/style.css"}, nil)
		h.write("themes/default/style.css", "body{color:green}")
		h.expect(h.collect(), []string{"themes/default/style.css"}, nil)
	})
}

// TestWatchProjectRenamedAwayAndBack renames the project folder away
// and back, as a file manager's undo or a checkout tool does: inotify
// drops the watch on a renamed folder, and the watcher used to lose
// brief.yaml and the project folder's entries for good, so that moving
// content/ away and back then left an empty site (issue 12, item 7).
func TestWatchProjectRenamedAwayAndBack(t *testing.T) {
	for _, roots := range [][]string{defaultRoots, {"."}} {
		t.Run(strings.Join(roots, ","), func(t *testing.T) {
			root := project(t)
			h := startWatch(t, root, roots, []string{"public"})
			away := root + ".away"
			if err := os.Rename(root, away); err != nil {
				t.Fatal(err)
			}
			h.collect()
			if err := os.Rename(away, root); err != nil {
				t.Fatal(err)
			}
			h.await("*")

			// brief.yaml, edited in place and saved by rename.
			h.write("brief.yaml", "title: Edited\n")
			h.await("brief.yaml")
			writeFile(t, h.path("brief.yaml.new"), "title: Saved\n")
			if err := os.Rename(h.path("brief.yaml.new"), h.path("brief.yaml")); err != nil {
				t.Fatal(err)
			}
			h.await("brief.yaml")

			// content/ renamed away and back: a full build each time.
			if err := os.Rename(h.path("content"), h.path("content.away")); err != nil {
				t.Fatal(err)
			}
			h.await("*")
			if err := os.Rename(h.path("content.away"), h.path("content")); err != nil {
				t.Fatal(err)
			}
			h.await("*")
			h.write("content/sources/a.md", "changed")
			h.await("content/sources/a.md")

			// The same again: the watches made anew are renamed too.
			if err := os.Rename(root, away); err != nil {
				t.Fatal(err)
			}
			h.collect()
			if err := os.Rename(away, root); err != nil {
				t.Fatal(err)
			}
			h.await("*")
			h.write("themes/default/style.css", "body{color:red}")
			h.await("themes/default/style.css")
		})
	}
}

func TestWatchWholeProjectIgnoresOutput(t *testing.T) {
	root := project(t)
	h := startWatch(t, root, []string{"."}, []string{"public"})
	h.write("public/index.html", "new")
	h.write("public/deep/er/x.html", "new")
	h.write("content/sources/a.md", "changed")
	h.expect(h.collect(), []string{"content/sources/a.md"}, []string{"public/index.html", "public/deep/er/x.html", "public/deep"})
}

func TestWatchFoldersNotFiles(t *testing.T) {
	root := project(t)
	for i := range 50 {
		writeFile(t, filepath.Join(root, "content/sources", fmt.Sprintf("s%02d.md", i)), "x")
	}
	fw := newFSWatcher(root, defaultRoots, newIgnorer(nil), t.Logf)
	if err := fw.start(); err != nil {
		t.Fatal(err)
	}
	defer fw.w.Close()
	// content, content/sources, themes, themes/default,
	// themes/default/layouts, the project root for brief.yaml, and its
	// parent for the project folder itself.
	if got, want := len(fw.w.WatchList()), 7; got != want {
		t.Errorf("%d watches (%q), want %d: one per folder", got, fw.w.WatchList(), want)
	}
}

func TestWatchLimitHint(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{fmt.Errorf("watch content/x: %w", syscall.ENOSPC), "sysctl fs.inotify.max_user_watches=524288"},
		{fmt.Errorf("watch: %w", syscall.EMFILE), "sysctl fs.inotify.max_user_instances"},
		{fmt.Errorf("watch: %w", os.ErrPermission), ""},
	}
	for _, tt := range tests {
		got := watchLimitHint(tt.err)
		if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
			t.Errorf("watchLimitHint(%v) = %q, want it to mention %q", tt.err, got, tt.want)
		}
	}
}

func TestIgnorer(t *testing.T) {
	ig := newIgnorer([]string{"public", "./out/"})
	tests := []struct {
		path string
		skip bool
	}{
		{"content/sources/a.md", false},
		{"content/sources/a.md~", true},
		{"content/sources/.a.md.swp", true},
		{"content/sources/.a.md.swx", true},
		{"content/sources/4913", true},
		{"content/sources/.#a.md", true},
		{"content/#a.md#", true},
		{"content/.DS_Store", true},
		{"public", true},
		{"public/index.html", true},
		{"publication/x.md", false},
		{"out/x.html", true},
		{".git/index", true},
		{"themes/default/node_modules/x.css", true},
		{"themes/default/style.css", false},
	}
	for _, tt := range tests {
		if got := ig.skip(tt.path); got != tt.skip {
			t.Errorf("skip(%q) = %v, want %v", tt.path, got, tt.skip)
		}
	}
}
