package serve

import (
	"context"
	"sort"
	"time"
)

// A batch is a set of changed paths that the debouncer hands to the build
// loop. Paths are relative to the project root and slash-separated. All
// is set when the watcher cannot say what changed (an overflowing event
// queue, a watch root that appeared), and the next build must be full.
type batch struct {
	Paths []string
	All   bool
}

// sortedKeys returns the keys of set in order.
func sortedKeys(set map[string]bool) []string {
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// change is one event from a watcher: a path, relative to the root and
// slash-separated, and whether the event created it.
type change struct {
	Path    string
	Created bool
}

// allPaths is the change a watcher sends when it does not know what
// changed; the debouncer turns it into batch.All.
var allPaths = change{}

// debouncer coalesces a burst of file events into one batch. Editors
// write a file in several steps (truncate, write, chmod; or write a temp
// file, rename it over, delete a backup), so the batch is sent only once
// no event has arrived for Delay. Like fsnotify's cmd/fsnotify/dedup.go
// it restarts the timer on every event; unlike it, it also flushes after
// MaxWait so that a file written continuously still gets built.
//
// A file created and gone again within one batch, such as an editor's
// temporary file, was never seen by a build: it is left out of the
// batch, and a batch of nothing else is not sent.
type debouncer struct {
	clock   clock
	delay   time.Duration
	maxWait time.Duration
	// exists reports whether a path exists now; nil keeps every path.
	exists func(path string) bool
}

// run reads changed paths from in and sends batches to out until ctx is
// done or in is closed. A batch pending when in is closed is sent first,
// so the last save is never lost.
func (d *debouncer) run(ctx context.Context, in <-chan change, out chan<- batch) {
	var (
		t timer
		// pending maps a changed path to whether its first event in
		// this batch created it.
		pending = map[string]bool{}
		all     bool
		first   time.Time // when the oldest pending event arrived
	)
	defer func() {
		if t != nil {
			t.Stop()
		}
	}()
	flush := func() bool {
		b := batch{All: all}
		for _, p := range sortedKeys(pending) {
			if pending[p] && d.exists != nil && !d.exists(p) {
				continue // transient
			}
			b.Paths = append(b.Paths, p)
		}
		pending, all = map[string]bool{}, false
		if len(b.Paths) == 0 && !b.All {
			return true
		}
		select {
		case out <- b:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for {
		var fire <-chan time.Time
		if t != nil && (len(pending) > 0 || all) {
			fire = t.C()
		}
		select {
		case <-ctx.Done():
			return
		case c, ok := <-in:
			if !ok {
				if len(pending) > 0 || all {
					flush()
				}
				return
			}
			now := d.clock.Now()
			if len(pending) == 0 && !all {
				first = now
			}
			if c == allPaths {
				all = true
			} else if _, seen := pending[c.Path]; !seen {
				pending[c.Path] = c.Created
			}
			// Wait for Delay of quiet, but never past first+MaxWait.
			wait := d.delay
			if d.maxWait > 0 {
				if left := first.Add(d.maxWait).Sub(now); left < wait {
					wait = max(left, 0)
				}
			}
			if t == nil {
				t = d.clock.NewTimer(wait)
			} else {
				t.Stop()
				t.Reset(wait)
			}
		case <-fire:
			if !flush() {
				return
			}
		}
	}
}
