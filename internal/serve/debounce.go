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

// allPaths is the path a watcher sends when it does not know what
// changed; the debouncer turns it into batch.All.
const allPaths = ""

// debouncer coalesces a burst of file events into one batch. Editors
// write a file in several steps (truncate, write, chmod; or write a temp
// file, rename it over, delete a backup), so the batch is sent only once
// no event has arrived for Delay. Like fsnotify's cmd/fsnotify/dedup.go
// it restarts the timer on every event; unlike it, it also flushes after
// MaxWait so that a file written continuously still gets built.
type debouncer struct {
	clock   clock
	delay   time.Duration
	maxWait time.Duration
}

// run reads changed paths from in and sends batches to out until ctx is
// done or in is closed. A batch pending when in is closed is sent first,
// so the last save is never lost.
func (d *debouncer) run(ctx context.Context, in <-chan string, out chan<- batch) {
	var (
		t       timer
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
		b := batch{Paths: sortedKeys(pending), All: all}
		pending, all = map[string]bool{}, false
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
		case p, ok := <-in:
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
			if p == allPaths {
				all = true
			} else {
				pending[p] = true
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
