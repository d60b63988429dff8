package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"time"
)

// A build's live heap peaks while annotation decides the links: about
// liveBase plus liveRatio bytes for each byte of the sources' Markdown
// (generated stories, go run ./tools/scalebench: 174 MB for 4.3 MB at
// 1,000 articles, 1.27 GB for 43.5 MB at 10,000). With the Go
// runtime's default pacing the heap grows to twice the live heap before
// each collection, so the process would reach twice the peak.
const (
	liveBase  = 56 << 20
	liveRatio = 30
	// limitHeadroom is how far above the expected peak the limit is:
	// the collector runs more often only near the peak.
	limitHeadroom = 1.3
	// minLimit is the smallest limit set: below it a build is small
	// enough that the default pacing costs little memory, and a limit
	// would only cost collections.
	minLimit = 512 << 20
)

// setBuildMemoryLimit gives the Go runtime a soft memory limit sized
// from the bytes of the Markdown files under dir (see buildMemoryLimit),
// unless GOMEMLIMIT is set, and returns a function that restores the
// previous limit. The limit is soft: over it the collector works
// harder (at most half the CPU), it never fails the build.
func setBuildMemoryLimit(dir string) (restore func()) {
	return setMemoryLimit(dir, buildMemoryLimit)
}

// setServeMemoryLimit is setBuildMemoryLimit for brief serve (see
// serveMemoryLimit). raise, called after each build, lifts the limit
// to liveFloor if that is more, and collects the build's garbage once
// the page has had time to reload (see idleCollect); it does nothing if
// GOMEMLIMIT is set.
func setServeMemoryLimit(dir string) (raise, restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}, func() {}
	}
	restore = setMemoryLimit(dir, serveMemoryLimit)
	base := debug.SetMemoryLimit(-1)
	return func() {
		debug.SetMemoryLimit(max(base, liveFloor()))
		time.AfterFunc(idleCollect, runtime.GC)
	}, restore
}

// idleCollect is how long after a build serve collects its garbage.
// Under the limit the collector runs whenever the heap nears it, and a
// rebuild that starts with the last one's garbage still on the heap
// starts with a collection, with the live heap at its largest and the
// rebuild's goroutines assisting it: at 1,000 articles 3 to 4
// collections a rebuild (GODEBUG=gctrace=1), 40% more CPU than without
// the limit. Collected while serve is idle, a rebuild starts from the
// live heap alone. The delay keeps the collection off the reload of
// the page (about 100 ms after the build).
const idleCollect = 300 * time.Millisecond

// liveFloor is the least limit that serve is given after a build:
// 1.25 times the live heap as of the last collection (which may have
// run in the build, at its peak), so that a project whose state
// outgrows the limit from its sources' size is not collected without
// end. At 1,000 articles it is at most 440 MiB, under minLimit.
func liveFloor() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(1.25 * float64(s[0].Value.Uint64()))
}

func setMemoryLimit(dir string, limit func(int64) int64) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	var n int64
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	old := debug.SetMemoryLimit(limit(n))
	return func() { debug.SetMemoryLimit(old) }
}

// buildMemoryLimit returns the soft memory limit of a build of sources
// of n bytes: limitHeadroom times the expected peak of the live heap,
// at least minLimit.
func buildMemoryLimit(n int64) int64 {
	return max(minLimit, int64(limitHeadroom*float64(liveBase+liveRatio*n)))
}

// serveRatio is how much more than a build brief serve may take: it
// keeps the annotator's memos and the last site's state while it makes
// the next (about 215 MiB live at 1,000 articles, 350 MiB inside a
// rebuild, against a build's 174 MB peak). At 1,000 articles the
// build peaks below minLimit, so serve gets minLimit (brief serve at
// 1,000 articles: VmHWM 550 MB after the first build and 6 edits,
// against 804 MB without a limit and a build's 394 MB peak); at 10,000
// 1.4 times a build's limit (2.4 GiB) was below serve's live heap and
// the collector ran without end (the first build took 7 minutes and
// the process passed 3 GB all the same), so it is twice.
const serveRatio = 2

// serveMemoryLimit returns the soft memory limit of brief serve for
// sources of n bytes: serveRatio times a build's, at least minLimit.
func serveMemoryLimit(n int64) int64 {
	return max(minLimit, int64(serveRatio*limitHeadroom*float64(liveBase+liveRatio*n)))
}
