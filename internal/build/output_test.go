package build

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

func testSite() *Site {
	s := newSite()
	s.put("index.html", []byte("<!doctype html>index"))
	s.put("sources/a/index.html", []byte("<!doctype html>a"))
	s.seal()
	return s
}

// tree lists the files under dir, by slash path.
func tree(t *testing.T, dir string) []string {
	t.Helper()
	var got []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(got)
	return got
}

// TestWriteDirCleansStale checks that the temporary folders of killed
// builds are removed by the next build (issue 12, item 11), and that a
// previous site moved aside by a build killed before its last rename is
// put back first, so its git files are kept.
func TestWriteDirCleansStale(t *testing.T) {
	for _, outExists := range []bool{true, false} {
		dir := t.TempDir()
		out := filepath.Join(dir, "public")
		if outExists {
			os.MkdirAll(out, 0o755)
			os.WriteFile(filepath.Join(out, MarkerFile), nil, 0o644)
		} else {
			// Killed between "move old aside" and "move new in".
			old := filepath.Join(dir, ".public.tmp-111.old")
			os.MkdirAll(filepath.Join(old, ".git"), 0o755)
			os.WriteFile(filepath.Join(old, ".git", "HEAD"), []byte("ref"), 0o644)
			os.WriteFile(filepath.Join(old, MarkerFile), nil, 0o644)
		}
		os.MkdirAll(filepath.Join(dir, ".public.tmp-222", "sources"), 0o755)
		os.MkdirAll(filepath.Join(dir, ".public.tmp-333.old"), 0o755)
		os.MkdirAll(filepath.Join(dir, ".other.tmp-444"), 0o755) // another output's: kept
		if err := testSite().WriteDir(context.Background(), out); err != nil {
			t.Fatal(err)
		}
		entries, _ := os.ReadDir(dir)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		if want := []string{".other.tmp-444", "public"}; !slices.Equal(names, want) {
			t.Errorf("out exists %v: next to out: %v, want %v", outExists, names, want)
		}
		want := []string{MarkerFile, "index.html", "sources/a/index.html"}
		if !outExists {
			want = []string{MarkerFile, ".git/HEAD", "index.html", "sources/a/index.html"}
		}
		if got := tree(t, out); !slices.Equal(got, want) {
			t.Errorf("out exists %v: out holds %v, want %v", outExists, got, want)
		}
	}
}

// TestWriteDirLocked checks that a build waits while another holds the
// output folder's lock (issue 12, item 12), and gives up when its
// context ends, leaving nothing behind.
func TestWriteDirLocked(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	unlock, ok, err := tryLock(dir)
	if err != nil || !ok {
		t.Skipf("no lock on this system: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	err = testSite().WriteDir(ctx, out)
	unlock()
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("WriteDir while locked: %v, want it to wait until the deadline", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("%d entries left, want none", len(entries))
	}
}

// TestWriteDirConcurrent runs builds into one folder at once: every one
// succeeds, and the folder ends whole with its .gitkeep (issue 12,
// item 12: unserialised builds once dropped it).
func TestWriteDirConcurrent(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, ".gitkeep"), nil, 0o644)
	site := testSite()
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Go(func() {
			for range 10 {
				if err := site.WriteDir(context.Background(), out); err != nil {
					errs[i] = err
					return
				}
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	want := []string{".brief-output", ".gitkeep", "index.html", "sources/a/index.html"}
	if got := tree(t, out); !slices.Equal(got, want) {
		t.Errorf("out holds %v, want %v", got, want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d entries next to out, want 1", len(entries))
	}
}

// TestWriteDirLeftover checks the exit status is truthful when only the
// removal of the previous output fails: the new site is in place and
// the error says so (issue 12, item 11).
func TestWriteDirLeftover(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	site := testSite()
	if err := site.WriteDir(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	removeAll = func(string) error { return errors.New("permission denied") }
	defer func() { removeAll = os.RemoveAll }()
	err := site.WriteDir(context.Background(), out)
	var left *LeftoverError
	if !errors.As(err, &left) || !strings.Contains(err.Error(), "site written") {
		t.Fatalf("error %v, want a *LeftoverError", err)
	}
	if got := tree(t, out); len(got) != 3 {
		t.Errorf("out holds %v, want the new site", got)
	}
	removeAll = os.RemoveAll
	if err := site.WriteDir(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d entries next to out after the next build, want 1", len(entries))
	}
}
