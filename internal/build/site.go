package build

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// Site is a built site in memory: slash-separated paths such as
// "index.html", "sources/x/index.html", "claims.json" or
// "assets/style.css", each with its bytes. Site implements fs.FS
// (directories included), so brief serve can serve it with
// http.FileServerFS without importing build. A Site is immutable once
// returned by Build and safe for concurrent reads.
type Site struct {
	mu    sync.Mutex // guards put while building
	files map[string][]byte
	paths []string // sorted
}

func newSite() *Site { return &Site{files: map[string][]byte{}} }

// put stores a file; it is used only while building, and safe for
// concurrent use until seal.
func (s *Site) put(name string, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.files[name]; !ok {
		s.paths = append(s.paths, name)
	}
	s.files[name] = data
	return nil
}

func (s *Site) seal() { sort.Strings(s.paths) }

// reuse implements sink.
func (s *Site) reuse(name string, c pageCache) error { return s.put(name, c.data) }

// Paths returns the paths of all files, sorted.
func (s *Site) Paths() []string { return append([]string(nil), s.paths...) }

// Bytes returns the content of the file at path; the caller must not
// modify it.
func (s *Site) Bytes(path string) ([]byte, bool) {
	b, ok := s.files[path]
	return b, ok
}

// Open implements fs.FS.
func (s *Site) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if b, ok := s.files[name]; ok {
		return &memFile{name: path.Base(name), r: bytes.NewReader(b), size: int64(len(b))}, nil
	}
	// A directory: collect its direct children.
	prefix := name + "/"
	if name == "." {
		prefix = ""
	}
	seen := map[string]bool{}
	var entries []fs.DirEntry
	i := sort.SearchStrings(s.paths, prefix)
	for ; i < len(s.paths) && strings.HasPrefix(s.paths[i], prefix); i++ {
		rest := s.paths[i][len(prefix):]
		child, _, isDir := strings.Cut(rest, "/")
		if seen[child] {
			continue
		}
		seen[child] = true
		info := memInfo{name: child, dir: isDir}
		if !isDir {
			info.size = int64(len(s.files[s.paths[i]]))
		}
		entries = append(entries, fs.FileInfoToDirEntry(info))
	}
	if len(entries) == 0 && name != "." {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &memDir{name: path.Base(name), entries: entries}, nil
}

type memInfo struct {
	name string
	size int64
	dir  bool
}

func (i memInfo) Name() string { return i.name }
func (i memInfo) Size() int64  { return i.size }
func (i memInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return i.dir }
func (i memInfo) Sys() any           { return nil }

type memFile struct {
	name string
	r    *bytes.Reader
	size int64
}

func (f *memFile) Stat() (fs.FileInfo, error) { return memInfo{name: f.name, size: f.size}, nil }
func (f *memFile) Read(p []byte) (int, error) { return f.r.Read(p) }
func (f *memFile) Seek(off int64, whence int) (int64, error) {
	return f.r.Seek(off, whence)
}
func (f *memFile) ReadAt(p []byte, off int64) (int, error) { return f.r.ReadAt(p, off) }
func (f *memFile) Close() error                            { return nil }

type memDir struct {
	name    string
	entries []fs.DirEntry
	off     int
}

func (d *memDir) Stat() (fs.FileInfo, error) { return memInfo{name: d.name, dir: true}, nil }
func (d *memDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.name, Err: fs.ErrInvalid}
}
func (d *memDir) Close() error { return nil }
func (d *memDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	if n > len(rest) {
		n = len(rest)
	}
	d.off += n
	return rest[:n], nil
}

// WriteDir writes the site to the folder out atomically: into a
// temporary folder next to out (same parent), which replaces out by
// renames only once complete; the previous out is then removed. On any
// error, ctx's end included, out is left untouched and the temporary
// folder removed. out need not exist yet; its parent is created if
// missing. WriteDir refuses an out that brief did not write (see
// CheckOutDir), writes MarkerFile into the new folder, waits for any
// other build writing next to out, and removes what killed builds left
// there. If only the removal of the previous output fails, the error is
// a *LeftoverError and the new site is in place.
func (s *Site) WriteDir(ctx context.Context, out string) (err error) {
	d, err := openOutDir(ctx, out)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			d.abort()
		}
	}()
	for _, p := range s.paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := d.put(p, s.files[p]); err != nil {
			return err
		}
	}
	return d.commit()
}

// outDir is an output folder being written: files go into a temporary
// folder next to it as they are made (see put), which replaces the
// folder on commit. It holds the lock of the folder's parent until
// commit or abort.
type outDir struct {
	out, tmp string
	unlock   func()
	mu       sync.Mutex
	dirs     map[string]bool // folders made under tmp
	names    map[string]bool // top-level names written
}

// openOutDir checks that out may be replaced, takes the lock of its
// parent, removes what killed builds left and makes the temporary
// folder.
func openOutDir(ctx context.Context, out string) (*outDir, error) {
	out = filepath.Clean(out)
	parent, base := filepath.Split(out)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	unlock, err := lockParent(ctx, parent)
	if err != nil {
		return nil, err
	}
	cleanStale(parent, base)
	if err := checkReplaceable(out); err != nil {
		unlock()
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, tempPrefix(base))
	if err != nil {
		unlock()
		return nil, fmt.Errorf("create temporary folder: %w", err)
	}
	// MkdirTemp creates 0700; a published site should be readable.
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		unlock()
		return nil, err
	}
	return &outDir{out: out, tmp: tmp, unlock: sync.OnceFunc(unlock), dirs: map[string]bool{".": true}, names: map[string]bool{}}, nil
}

// put writes the file at slash path p; it is safe for concurrent use.
func (d *outDir) put(p string, data []byte) error {
	dir := path.Dir(p)
	top, _, _ := strings.Cut(p, "/")
	d.mu.Lock()
	d.names[top] = true
	made := d.dirs[dir]
	if !made {
		d.dirs[dir] = true
	}
	d.mu.Unlock()
	dst := filepath.Join(d.tmp, filepath.FromSlash(p))
	if !made {
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return fmt.Errorf("write %s: %w", p, err)
		}
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", p, err)
	}
	return nil
}

// reuse implements sink; a single build has no last build to reuse.
func (d *outDir) reuse(p string, c pageCache) error { return d.put(p, c.data) }

// abort removes the temporary folder and leaves out as it was (after
// a successful swap there is nothing left to remove).
func (d *outDir) abort() {
	os.RemoveAll(d.tmp)
	d.unlock()
}

// commit writes MarkerFile, keeps out's git files and swaps the
// temporary folder in. On an error other than a *LeftoverError the
// caller must abort.
func (d *outDir) commit() error {
	out, tmp := d.out, d.tmp
	if !d.names[MarkerFile] {
		if err := os.WriteFile(filepath.Join(tmp, MarkerFile), []byte(markerText), 0o644); err != nil {
			return fmt.Errorf("write %s: %w", MarkerFile, err)
		}
	}

	// Keep the output folder's git files (a placeholder such as
	// .gitkeep, or a .git of a gh-pages checkout): they are not part of
	// the site but belong to the folder. They are moved, not copied, and
	// moved back if the swap fails.
	kept, err := keepGitFiles(out, tmp, d.names)
	if err != nil {
		return fmt.Errorf("keep git files of %s: %w", out, err)
	}
	restore := func() {
		for _, name := range kept {
			os.Rename(filepath.Join(tmp, name), filepath.Join(out, name))
		}
	}

	// Swap: move the old folder aside, move the new one in, then
	// remove the old one. If the second rename fails, put the old back.
	old := ""
	if _, err := os.Lstat(out); err == nil {
		old = tmp + ".old"
		if err := os.Rename(out, old); err != nil {
			restore()
			return fmt.Errorf("move previous %s aside: %w", out, err)
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			os.Rename(old, out)
		}
		restore()
		return fmt.Errorf("move new site into %s: %w", out, err)
	}
	d.unlock()
	if old != "" {
		if err := removeAll(old); err != nil {
			return &LeftoverError{Path: old, Err: err}
		}
	}
	return nil
}

// removeAll is os.RemoveAll; a test makes it fail.
var removeAll = os.RemoveAll

// keepGitFiles moves the top-level entries of out whose names start with
// ".git" into tmp, unless the site has a file of that name (in names),
// and returns their names.
func keepGitFiles(out, tmp string, names map[string]bool) ([]string, error) {
	entries, err := os.ReadDir(out)
	if err != nil {
		return nil, nil // no previous output: nothing to keep
	}
	var kept []string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, ".git") {
			continue
		}
		if names[name] {
			continue
		}
		if err := os.Rename(filepath.Join(out, name), filepath.Join(tmp, name)); err != nil {
			for _, k := range kept {
				os.Rename(filepath.Join(tmp, k), filepath.Join(out, k))
			}
			return nil, err
		}
		kept = append(kept, name)
	}
	return kept, nil
}
