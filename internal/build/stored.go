package build

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"sync"
)

// Stored is a built site kept in a folder on disk rather than in
// memory, for brief serve (see Builder.BuildTo): memory holds only its
// paths and a sum of each file's bytes, and the files are read from the
// folder when they are asked for (the operating system's page cache
// keeps the ones in use). The folder is written once and never changed:
// a later build writes a folder of its own, so a reader never sees half
// of a build. Stored implements fs.FS. It is safe for concurrent use.
type Stored struct {
	dir   string
	fsys  fs.FS
	files map[string]storedFile
	paths []string // sorted
}

// storedFile is what is kept in memory of one file of a Stored site.
type storedFile struct {
	sum  [16]byte // of the bytes (see sumBytes)
	size int64
}

// Dir returns the folder holding the site.
func (s *Stored) Dir() string { return s.dir }

// Paths returns the paths of all files, sorted.
func (s *Stored) Paths() []string { return append([]string(nil), s.paths...) }

// Sum returns a sum of the bytes of the file at path, equal for equal
// bytes within one process (a 128-bit hash), and whether the file
// exists.
func (s *Stored) Sum(path string) (string, bool) {
	f, ok := s.files[path]
	if !ok {
		return "", false
	}
	return string(f.sum[:]), true
}

// Open implements fs.FS: it opens a file of the site (or one of its
// folders) in the site's folder.
func (s *Stored) Open(name string) (fs.File, error) { return s.fsys.Open(name) }

// Remove deletes the site's folder. The caller must be done reading it,
// and it must not be the last site of a Builder that builds again.
func (s *Stored) Remove() error { return os.RemoveAll(s.dir) }

// sumSeeds seed sumBytes for the life of the process.
var sumSeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

// sumBytes returns a 128-bit hash of data.
func sumBytes(data []byte) [16]byte {
	var s [16]byte
	binary.LittleEndian.PutUint64(s[:], maphash.Bytes(sumSeeds[0], data))
	binary.LittleEndian.PutUint64(s[8:], maphash.Bytes(sumSeeds[1], data))
	return s
}

// BuildTo builds like Build, but writes the site into a new folder
// under dir instead of keeping it in memory, the way BuildDir streams
// its pages: a file whose bytes are those of the last site BuildTo
// returned is a hard link to that site's file, so that a rebuild after
// an edit writes only what changed. The Builder keeps no rendered page,
// only what it needs to know one is unchanged. On an error the new
// folder is removed and the last site is left as it was.
//
// The Builder reads the last site's folder in its next BuildTo, so the
// caller may remove a site (Stored.Remove) only once a later one has
// been returned. All calls of a Builder must give the same dir.
func (b *Builder) BuildTo(ctx context.Context, changed []string, dir string) (*Stored, *Report, error) {
	if b.stored == nil || b.keepsBytes() {
		// The pages kept are those of a build in memory, or of none:
		// none can be linked to.
		b.pages, b.sourceSigs = map[string]pageCache{}, nil
	}
	b.onDisk = true
	gen := b.pagesGen
	var g *storedDir
	rep, err := b.build(ctx, changed, func() (sink, error) {
		var err error
		g, err = newStoredDir(dir, b.stored)
		return g, err
	})
	if err != nil {
		if g != nil {
			os.RemoveAll(g.dir)
		}
		if b.pagesGen != gen {
			// The pages kept are this build's, which its folder held:
			// render anew rather than link to a folder removed.
			b.pages, b.sourceSigs = map[string]pageCache{}, nil
		}
		return nil, rep, err
	}
	s := g.seal()
	b.stored = s
	return s, rep, nil
}

// storedDir is a Stored site being written.
type storedDir struct {
	dir  string
	prev *Stored // the last site, whose unchanged files are linked

	mu    sync.Mutex
	dirs  map[string]bool // folders made
	files map[string]storedFile
}

func newStoredDir(parent string, prev *Stored) (*storedDir, error) {
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(parent, "site-")
	if err != nil {
		return nil, fmt.Errorf("create a folder for the site: %w", err)
	}
	return &storedDir{dir: dir, prev: prev, dirs: map[string]bool{".": true}, files: map[string]storedFile{}}, nil
}

// mkdir makes the folder of the file at slash path p.
func (g *storedDir) mkdir(p string) error {
	d := path.Dir(p)
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.dirs[d] {
		return nil
	}
	if err := os.MkdirAll(filepath.Join(g.dir, filepath.FromSlash(d)), 0o755); err != nil {
		return err
	}
	g.dirs[d] = true
	return nil
}

func (g *storedDir) record(p string, f storedFile) {
	g.mu.Lock()
	g.files[p] = f
	g.mu.Unlock()
}

// put implements sink: a file whose bytes are those of the last site's
// file at p is linked to it, others are written.
func (g *storedDir) put(p string, data []byte) error {
	f := storedFile{sum: sumBytes(data), size: int64(len(data))}
	if err := g.mkdir(p); err != nil {
		return fmt.Errorf("write %s: %w", p, err)
	}
	if g.prev != nil && g.prev.files[p] == f && g.link(p) == nil {
		g.record(p, f)
		return nil
	}
	if err := os.WriteFile(filepath.Join(g.dir, filepath.FromSlash(p)), data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", p, err)
	}
	g.record(p, f)
	return nil
}

// reuse implements sink: the page at p is the last site's.
func (g *storedDir) reuse(p string, _ pageCache) error {
	f, ok := storedFile{}, false
	if g.prev != nil {
		f, ok = g.prev.files[p]
	}
	if !ok {
		return fmt.Errorf("write %s: the page is not in the last site", p)
	}
	if err := g.mkdir(p); err != nil {
		return fmt.Errorf("write %s: %w", p, err)
	}
	if err := g.link(p); err != nil {
		// A file system without hard links: copy.
		data, rerr := os.ReadFile(filepath.Join(g.prev.dir, filepath.FromSlash(p)))
		if rerr != nil {
			return fmt.Errorf("write %s: %w", p, errors.Join(err, rerr))
		}
		if err := os.WriteFile(filepath.Join(g.dir, filepath.FromSlash(p)), data, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", p, err)
		}
	}
	g.record(p, f)
	return nil
}

// link makes the file at p a hard link to the last site's.
func (g *storedDir) link(p string) error {
	native := filepath.FromSlash(p)
	return os.Link(filepath.Join(g.prev.dir, native), filepath.Join(g.dir, native))
}

// seal returns the site written.
func (g *storedDir) seal() *Stored {
	s := &Stored{dir: g.dir, fsys: os.DirFS(g.dir), files: g.files, paths: make([]string, 0, len(g.files))}
	for p := range g.files {
		s.paths = append(s.paths, p)
	}
	sort.Strings(s.paths)
	return s
}
