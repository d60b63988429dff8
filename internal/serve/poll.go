package serve

import (
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"time"
)

// poller finds changes by walking the watch roots every interval and
// comparing each file's size, modification time and mode with the
// previous walk. It is the fallback for file systems that deliver no
// events: network shares, some container bind mounts and VM shared
// folders. It reports the same paths the fsWatcher would.
type poller struct {
	root     string
	roots    []string
	ig       ignorer
	clock    clock
	interval time.Duration

	prev map[string]stamp
}

// stamp is what the poller compares between walks.
type stamp struct {
	size int64
	mod  time.Time
	mode fs.FileMode
}

func newPoller(root string, roots []string, ig ignorer, c clock, interval time.Duration) *poller {
	return &poller{root: root, roots: cleanRoots(roots), ig: ig, clock: c, interval: interval}
}

// start takes the first snapshot, against which the first poll compares.
func (p *poller) start() { p.prev = p.scan() }

// run polls until ctx is done, sending changed paths to out.
func (p *poller) run(ctx context.Context, out chan<- change) {
	t := p.clock.NewTimer(p.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C():
		}
		for _, c := range p.poll() {
			select {
			case out <- c:
			case <-ctx.Done():
				return
			}
		}
		t.Reset(p.interval)
	}
}

// poll walks the roots once and returns the files added, changed or
// removed since the previous walk, sorted by path.
func (p *poller) poll() []change {
	cur := p.scan()
	changed := map[string]bool{} // path -> added
	for rel, s := range cur {
		if old, ok := p.prev[rel]; !ok || old != s {
			changed[rel] = !ok
		}
	}
	for rel := range p.prev {
		if _, ok := cur[rel]; !ok {
			changed[rel] = false
		}
	}
	p.prev = cur
	var out []change
	for _, rel := range sortedKeys(changed) {
		out = append(out, change{Path: rel, Created: changed[rel]})
	}
	return out
}

// scan stamps every file under the roots.
func (p *poller) scan() map[string]stamp {
	files := map[string]stamp{}
	for _, r := range p.roots {
		filepath.WalkDir(filepath.Join(p.root, filepath.FromSlash(r)), func(fp string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // a root that does not exist (yet), or a file that vanished
			}
			rel := path.Join(r, filepath.ToSlash(mustRel(filepath.Join(p.root, filepath.FromSlash(r)), fp)))
			if p.ig.skip(rel) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			fi, err := d.Info()
			if err != nil {
				return nil
			}
			if fi.Mode()&fs.ModeSymlink != 0 {
				// Stamp what the link points to, so editing a linked
				// file is seen.
				if t, err := os.Stat(fp); err == nil {
					fi = t
				}
			}
			files[rel] = stamp{fi.Size(), fi.ModTime(), fi.Mode()}
			return nil
		})
	}
	return files
}

// mustRel is filepath.Rel for a path known to be under base.
func mustRel(base, p string) string {
	r, err := filepath.Rel(base, p)
	if err != nil {
		return p
	}
	return r
}
