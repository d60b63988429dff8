package serve

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/fsnotify/fsnotify"
)

// fsWatcher turns fsnotify events under the watch roots into changed
// paths (slash-separated, relative to the project root).
//
// fsnotify is not recursive, and editors save in ways that defeat a watch
// on a file (rename a temp file over it, delete and recreate), so, as the
// fsnotify README advises, fsWatcher watches folders only: every folder
// under a folder root, including folders created later, and the parent
// of every root, filtered to the root's name, so that a root that is
// deleted and recreated (or renamed over) is picked up again. One watch
// per folder, not per file, keeps a large content tree within the
// system's limits.
//
// The project folder itself is watched from its parent too. inotify
// drops the watch on a folder that is renamed (fsnotify removes it on
// IN_MOVE_SELF), so after the project is renamed away and back, its
// own folder, which holds brief.yaml and the roots, would go unwatched:
// when the project reappears under its name, every watch is made anew
// and a full build is asked for.
type fsWatcher struct {
	root  string   // absolute project root
	roots []string // slash-separated, relative to root, cleaned
	ig    ignorer
	logf  func(format string, args ...any)

	w *fsnotify.Watcher
	// tree holds the folders watched recursively; parents maps a watched
	// parent folder to the root names it was added for.
	tree    map[string]bool
	parents map[string]map[string]bool
}

func newFSWatcher(root string, roots []string, ig ignorer, logf func(string, ...any)) *fsWatcher {
	if abs, err := filepath.Abs(root); err == nil {
		root = abs // the parent of "." has a name only as an absolute path
	}
	return &fsWatcher{
		root:    root,
		roots:   cleanRoots(roots),
		ig:      ig,
		logf:    logf,
		tree:    map[string]bool{},
		parents: map[string]map[string]bool{},
	}
}

// cleanRoots makes each root slash-separated and clean.
func cleanRoots(roots []string) []string {
	var out []string
	for _, r := range roots {
		out = append(out, path.Clean(filepath.ToSlash(r)))
	}
	return out
}

// start creates the fsnotify watcher and adds the initial watches. An
// error wrapping syscall.ENOSPC or syscall.EMFILE means a system limit
// was hit; see watchLimitHint.
func (fw *fsWatcher) start() error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	fw.w = w
	if err := fw.addRoots(); err != nil {
		w.Close()
		return err
	}
	// The project's parent, filtered to the project's name (see handle).
	if up := filepath.Dir(fw.root); up != fw.root {
		if err := w.Add(up); err != nil && isLimit(err) {
			w.Close()
			return fmt.Errorf("watch %s: %w", up, err)
		}
	}
	return nil
}

// addRoots watches every root.
func (fw *fsWatcher) addRoots() error {
	for _, r := range fw.roots {
		if err := fw.addRoot(r, nil); err != nil {
			return err
		}
	}
	return nil
}

// rewatch drops every watch below the project's parent and adds them
// again: the project folder was renamed back or recreated, and the
// watches left are on folders that may no longer be under the root.
func (fw *fsWatcher) rewatch() error {
	for d := range fw.tree {
		fw.w.Remove(fw.abs(d)) // gone already if fsnotify dropped it
	}
	for d := range fw.parents {
		fw.w.Remove(fw.abs(d))
	}
	fw.tree = map[string]bool{}
	fw.parents = map[string]map[string]bool{}
	return fw.addRoots()
}

// addRoot watches root r: its parent (filtered to r's name) and, if r is
// a folder, every folder beneath it.
func (fw *fsWatcher) addRoot(r string, emit func(change)) error {
	if dir := path.Dir(r); r != "." && !fw.tree[dir] {
		if fw.parents[dir] == nil {
			if err := fw.w.Add(fw.abs(dir)); err != nil {
				if isLimit(err) {
					return fmt.Errorf("watch %s: %w", dir, err)
				}
				// The parent does not exist: the root cannot appear later
				// either, unless its parent does; that is rare enough to
				// ignore.
			} else {
				fw.parents[dir] = map[string]bool{}
			}
		}
		if fw.parents[dir] != nil {
			fw.parents[dir][path.Base(r)] = true
		}
	}
	fi, err := os.Stat(fw.abs(r))
	if err != nil || !fi.IsDir() {
		return nil // a file root, or a root that does not exist yet
	}
	return fw.addTree(r, emit)
}

// addTree watches the folder rel and every folder beneath it. If emit is
// not nil it is called for every file found, because files created in a
// new folder before its watch was added send no event of their own.
func (fw *fsWatcher) addTree(rel string, emit func(change)) error {
	return filepath.WalkDir(fw.abs(rel), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // vanished while walking: its removal is an event of its own
		}
		r := fw.rel(p)
		if fw.ig.skip(r) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			if emit != nil {
				emit(change{Path: r, Created: true})
			}
			return nil
		}
		if fw.tree[r] {
			return nil
		}
		if err := fw.w.Add(p); err != nil {
			if isLimit(err) {
				return fmt.Errorf("watch %s: %w", r, err)
			}
			return nil
		}
		fw.tree[r] = true
		return nil
	})
}

// removeTree forgets the folder rel and every folder beneath it. inotify
// keeps watching a renamed folder under its old name, so the watches are
// removed explicitly.
func (fw *fsWatcher) removeTree(rel string) {
	for d := range fw.tree {
		if d == rel || strings.HasPrefix(d, rel+"/") {
			fw.w.Remove(fw.abs(d)) // already gone if the folder was deleted
			delete(fw.tree, d)
		}
	}
}

// run sends changes to out until ctx is done, then closes the fsnotify
// watcher. allPaths means the watcher lost track of what changed and the
// next build must be full.
func (fw *fsWatcher) run(ctx context.Context, out chan<- change) {
	defer fw.w.Close()
	send := func(c change) {
		select {
		case out <- c:
		case <-ctx.Done():
		}
	}
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-fw.w.Events:
			if !ok {
				return
			}
			fw.handle(ev, send)
		case err, ok := <-fw.w.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				send(allPaths)
				continue
			}
			fw.logf("watch: %v", err)
		}
	}
}

// handle turns one fsnotify event into changed paths.
func (fw *fsWatcher) handle(ev fsnotify.Event, send func(change)) {
	if ev.Op == fsnotify.Chmod || ev.Op == 0 {
		return // editors and indexers touch modes and times; content is unchanged
	}
	if ev.Name == fw.root {
		// The project folder, seen from its parent (or its own watch
		// when it is renamed or deleted). When it reappears under its
		// name, renamed back or recreated, watch it anew and build
		// everything: what changed while it was away was not seen.
		if ev.Has(fsnotify.Create) {
			if err := fw.rewatch(); err != nil {
				fw.logf("%v\n%s", err, watchLimitHint(err))
			}
			send(allPaths)
		}
		return
	}
	rel := fw.rel(ev.Name)
	if rel == "" || rel == ".." || strings.HasPrefix(rel, "../") || fw.ig.skip(rel) {
		return // a sibling of the project in its parent folder
	}
	dir, name := path.Dir(rel), path.Base(rel)
	isRoot := fw.parents[dir][name]
	if !fw.tree[dir] && !isRoot && !fw.tree[rel] {
		return // a sibling of a root in its parent folder
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		if fw.tree[rel] {
			// A folder went away: its files did too, and fsnotify
			// cannot list them; ask for a full build.
			fw.removeTree(rel)
			send(allPaths)
			return
		}
	}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
			// A new folder (or one renamed into the tree): watch it and
			// report what it already holds.
			if err := fw.addTree(rel, send); err != nil {
				fw.logf("%v\n%s", err, watchLimitHint(err))
			}
			if isRoot {
				// A root folder came back (content/ renamed away and
				// back): what the last build saw of it is gone, so
				// build everything rather than trust the files listed.
				send(allPaths)
			}
			return
		}
	}
	send(change{Path: rel, Created: ev.Has(fsnotify.Create)})
}

// abs returns the OS path of rel.
func (fw *fsWatcher) abs(rel string) string {
	return filepath.Join(fw.root, filepath.FromSlash(rel))
}

// rel returns the slash-separated path of p relative to the root, or ""
// if p cannot be expressed that way.
func (fw *fsWatcher) rel(p string) string {
	r, err := filepath.Rel(fw.root, p)
	if err != nil {
		return ""
	}
	return filepath.ToSlash(r)
}

// isLimit reports whether err means a system limit on watches or open
// files was reached.
func isLimit(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE)
}

// watchLimitHint explains a watch error caused by a system limit and how
// to raise the limit, or returns "" for other errors.
func watchLimitHint(err error) string {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return "the system's limit on watched folders is reached (fs.inotify.max_user_watches).\n" +
			"Raise it with:  sudo sysctl fs.inotify.max_user_watches=524288\n" +
			"(add fs.inotify.max_user_watches=524288 to /etc/sysctl.d/90-inotify.conf to keep it), or run with --poll 1s."
	case errors.Is(err, syscall.EMFILE), errors.Is(err, syscall.ENFILE):
		return "the system's limit on file watchers or open files is reached (fs.inotify.max_user_instances, ulimit -n).\n" +
			"Raise it with:  sudo sysctl fs.inotify.max_user_instances=512  and  ulimit -n 8192, or run with --poll 1s."
	}
	return ""
}
