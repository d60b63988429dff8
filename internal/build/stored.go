package build

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
)

// Stored is a built site kept on disk rather than in memory, for brief
// serve (see Builder.BuildTo): memory holds only its paths and a sum of
// each file's bytes, and the files are read from disk when they are
// asked for (the operating system's page cache keeps the ones in use).
// A file's bytes are kept once in the Builder's folder of files (see
// pool), named by their sum, and shared by every site that has them; a
// file is never changed once written, so a reader never sees half of a
// build. Stored implements fs.FS. It is safe for concurrent use.
type Stored struct {
	pool   *pool
	files  map[string]storedFile
	paths  []string // sorted
	remove sync.Once
}

// storedFile is what is kept in memory of one file of a Stored site.
type storedFile struct {
	sum  [16]byte // of the bytes (see sumBytes)
	size int64
}

// Dir returns the folder holding the site's files, each named by the
// sum of its bytes; it holds the files of the Builder's other sites
// too.
func (s *Stored) Dir() string { return s.pool.dir }

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

// Open implements fs.FS: it opens a file of the site. The site's
// folders cannot be opened (serve reads files by the paths listed).
func (s *Stored) Open(name string) (fs.File, error) {
	f, ok := s.files[name]
	if !ok || !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return os.Open(s.pool.path(f.sum))
}

// Remove gives up the site: the files no other site of the Builder
// has are deleted. The caller must be done reading it, and it must not
// be the last site of a Builder that builds again. Calling it again
// does nothing.
func (s *Stored) Remove() error {
	var err error
	s.remove.Do(func() {
		sums := make([][16]byte, 0, len(s.files))
		for _, f := range s.files {
			sums = append(sums, f.sum)
		}
		err = s.pool.release(sums)
	})
	return err
}

// sumSeeds seed sumBytes for the life of the process.
var sumSeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

// sumBytes returns a 128-bit hash of data.
func sumBytes(data []byte) [16]byte {
	var s [16]byte
	binary.LittleEndian.PutUint64(s[:], maphash.Bytes(sumSeeds[0], data))
	binary.LittleEndian.PutUint64(s[8:], maphash.Bytes(sumSeeds[1], data))
	return s
}

// pool is the folder of a Builder's sites on disk: one file for each
// distinct content, named by its sum, and a count of the paths of live
// sites (and of the site being built) that hold each. A rebuild after
// an edit writes the few files whose bytes are new and nothing for the
// others: no folder and no link for each page, which at 1,000 articles
// (1,220 files, 1,000 folders) took a third of a rebuild's render
// phase. A file is deleted when its count falls to zero, under the
// lock, so a build never counts on a file being deleted.
type pool struct {
	dir  string
	mu   sync.Mutex
	refs map[[16]byte]int
}

// newPool makes a folder for a pool under parent.
func newPool(parent string) (*pool, error) {
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(parent, "site-")
	if err != nil {
		return nil, fmt.Errorf("create a folder for the site: %w", err)
	}
	return &pool{dir: dir, refs: map[[16]byte]int{}}, nil
}

// path returns the file of the bytes with the given sum.
func (p *pool) path(sum [16]byte) string {
	return filepath.Join(p.dir, hex.EncodeToString(sum[:]))
}

// hold counts one more holder of sum and reports whether it is the
// first, whose caller must write the file.
func (p *pool) hold(sum [16]byte) (first bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.refs[sum]++
	return p.refs[sum] == 1
}

// held counts one more holder of sum if it has one, and reports
// whether it had.
func (p *pool) held(sum [16]byte) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.refs[sum] == 0 {
		return false
	}
	p.refs[sum]++
	return true
}

// release counts one holder less for each of sums and deletes the files
// no one holds any more.
func (p *pool) release(sums [][16]byte) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	var errs []error
	for _, sum := range sums {
		switch n := p.refs[sum]; {
		case n > 1:
			p.refs[sum] = n - 1
		case n == 1:
			delete(p.refs, sum)
			if err := os.Remove(p.path(sum)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// BuildTo builds like Build, but writes the site to disk under dir
// instead of keeping it in memory, the way BuildDir streams its pages:
// a file whose bytes some site of the Builder already has is not
// written again (see pool), so that a rebuild after an edit writes only
// what changed. The Builder keeps no rendered page, only what it needs
// to know one is unchanged. On an error the files written for the
// build are removed and the last site is left as it was.
//
// The Builder reads the last site in its next BuildTo, so the caller
// may remove a site (Stored.Remove) only once a later one has been
// returned. All calls of a Builder must give the same dir.
func (b *Builder) BuildTo(ctx context.Context, changed []string, dir string) (*Stored, *Report, error) {
	if b.stored == nil || b.keepsBytes() {
		// The pages kept are those of a build in memory, or of none:
		// none can be reused.
		b.pages, b.sourceSigs = map[string]pageCache{}, nil
	}
	b.onDisk = true
	gen := b.pagesGen
	var g *storedDir
	rep, err := b.build(ctx, changed, func() (sink, error) {
		if b.pool == nil {
			p, err := newPool(dir)
			if err != nil {
				return nil, err
			}
			b.pool = p
		}
		g = &storedDir{pool: b.pool, prev: b.stored, files: map[string]storedFile{}}
		return g, nil
	})
	if err != nil {
		if g != nil {
			g.abort()
		}
		if b.pagesGen != gen {
			// The pages kept are this build's, whose files are gone:
			// render anew rather than reuse them.
			b.pages, b.sourceSigs = map[string]pageCache{}, nil
		}
		return nil, rep, err
	}
	s := g.seal()
	b.stored = s
	return s, rep, nil
}

// storedDir is a Stored site being written. Each file it records holds
// its bytes in the pool from then on (see pool.hold), so that the
// removal of an older site cannot delete them.
type storedDir struct {
	pool *pool
	prev *Stored // the last site, whose unchanged pages are reused

	mu    sync.Mutex
	files map[string]storedFile
}

// record adds the file at p, already held.
func (g *storedDir) record(p string, f storedFile) {
	g.mu.Lock()
	old, dup := g.files[p]
	g.files[p] = f
	g.mu.Unlock()
	if dup {
		g.pool.release([][16]byte{old.sum})
	}
}

// put implements sink: a file whose bytes the pool has is not written
// again.
func (g *storedDir) put(p string, data []byte) error {
	f := storedFile{sum: sumBytes(data), size: int64(len(data))}
	if g.pool.hold(f.sum) {
		if err := os.WriteFile(g.pool.path(f.sum), data, 0o644); err != nil {
			g.pool.release([][16]byte{f.sum})
			return fmt.Errorf("write %s: %w", p, err)
		}
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
	if !ok || !g.pool.held(f.sum) {
		return fmt.Errorf("write %s: the page is not in the last site", p)
	}
	g.record(p, f)
	return nil
}

// abort gives up the files of a failed build.
func (g *storedDir) abort() {
	g.mu.Lock()
	sums := make([][16]byte, 0, len(g.files))
	for _, f := range g.files {
		sums = append(sums, f.sum)
	}
	g.files = map[string]storedFile{}
	g.mu.Unlock()
	g.pool.release(sums)
}

// seal returns the site written.
func (g *storedDir) seal() *Stored {
	s := &Stored{pool: g.pool, files: g.files, paths: make([]string, 0, len(g.files))}
	for p := range g.files {
		s.paths = append(s.paths, p)
	}
	sort.Strings(s.paths)
	return s
}
