package serve

import (
	"context"
	"reflect"
	"testing"
	"time"
)

// debounceHarness runs a debouncer on a fake clock.
type debounceHarness struct {
	t     *testing.T
	clock *fakeClock
	in    chan change
	out   chan batch
	// gone lists paths that do not exist when the batch is flushed.
	gone map[string]bool
}

func newDebounceHarness(t *testing.T, delay, maxWait time.Duration) *debounceHarness {
	h := &debounceHarness{t: t, clock: newFakeClock(), in: make(chan change), out: make(chan batch, 8), gone: map[string]bool{}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	// The test sets gone before it advances the clock, which the
	// debouncer waits for before it calls exists.
	d := &debouncer{clock: h.clock, delay: delay, maxWait: maxWait, exists: func(p string) bool { return !h.gone[p] }}
	go func() { d.run(ctx, h.in, h.out); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return h
}

// send hands a change of p to the debouncer and waits until it has
// re-armed its timer.
func (h *debounceHarness) send(p string) { h.t.Helper(); h.sendChange(change{Path: p}) }

func (h *debounceHarness) sendChange(c change) {
	h.t.Helper()
	n := h.clock.Armed()
	h.in <- c
	h.clock.WaitArmed(h.t, n+1)
}

// expect waits for the next batch.
func (h *debounceHarness) expect(want batch) {
	h.t.Helper()
	select {
	case got := <-h.out:
		if !reflect.DeepEqual(got, want) {
			h.t.Fatalf("batch = %+v, want %+v", got, want)
		}
	case <-time.After(5 * time.Second):
		h.t.Fatalf("no batch, want %+v", want)
	}
}

// expectNone checks that no batch is ready.
func (h *debounceHarness) expectNone() {
	h.t.Helper()
	// The debouncer sends only from a timer fire, which happens inside
	// Advance; give its goroutine a moment to pass it on.
	select {
	case got := <-h.out:
		h.t.Fatalf("unexpected batch %+v", got)
	case <-time.After(20 * time.Millisecond):
	}
}

func TestDebounceCoalescesBurst(t *testing.T) {
	h := newDebounceHarness(t, 50*time.Millisecond, time.Second)
	// An editor's save: write the temp file, rename it over, drop the backup.
	h.send("content/a.md.tmp")
	h.clock.Advance(10 * time.Millisecond)
	h.send("content/a.md")
	h.clock.Advance(10 * time.Millisecond)
	h.send("content/a.md")
	h.clock.Advance(49 * time.Millisecond)
	h.expectNone()
	h.clock.Advance(time.Millisecond)
	h.expect(batch{Paths: []string{"content/a.md", "content/a.md.tmp"}})
	h.expectNone()
}

func TestDebounceSeparateSaves(t *testing.T) {
	h := newDebounceHarness(t, 50*time.Millisecond, time.Second)
	h.send("content/a.md")
	h.clock.Advance(50 * time.Millisecond)
	h.expect(batch{Paths: []string{"content/a.md"}})
	// The last save comes after the flush: it gets a batch of its own.
	h.send("content/b.md")
	h.clock.Advance(50 * time.Millisecond)
	h.expect(batch{Paths: []string{"content/b.md"}})
}

func TestDebounceMaxWait(t *testing.T) {
	h := newDebounceHarness(t, 50*time.Millisecond, 200*time.Millisecond)
	// A file written every 40ms never goes quiet; it is flushed after
	// 200ms all the same.
	for range 5 {
		h.send("content/log.md")
		h.clock.Advance(40 * time.Millisecond)
	}
	h.expect(batch{Paths: []string{"content/log.md"}})
}

func TestDebounceAll(t *testing.T) {
	h := newDebounceHarness(t, 50*time.Millisecond, time.Second)
	h.send("content/a.md")
	h.sendChange(allPaths)
	h.clock.Advance(50 * time.Millisecond)
	h.expect(batch{Paths: []string{"content/a.md"}, All: true})
}

func TestDebounceFlushesOnClose(t *testing.T) {
	c := newFakeClock()
	in, out := make(chan change), make(chan batch, 1)
	d := &debouncer{clock: c, delay: time.Hour}
	done := make(chan struct{})
	go func() { d.run(context.Background(), in, out); close(done) }()
	in <- change{Path: "brief.yaml"}
	close(in)
	<-done
	if got, want := <-out, (batch{Paths: []string{"brief.yaml"}}); !reflect.DeepEqual(got, want) {
		t.Fatalf("batch = %+v, want %+v", got, want)
	}
}

func TestDebounceDropsTransientFiles(t *testing.T) {
	h := newDebounceHarness(t, 50*time.Millisecond, time.Second)
	// An editor writes a temporary file and renames it over the source;
	// sed -i does the same. The temporary file is gone by the flush.
	h.sendChange(change{Path: "content/.a.md.tmp", Created: true})
	h.sendChange(change{Path: "content/.a.md.tmp"})
	h.sendChange(change{Path: "content/a.md", Created: true})
	// A deleted source is gone too, but its first event was no creation.
	h.sendChange(change{Path: "content/b.md"})
	h.gone["content/.a.md.tmp"] = true
	h.gone["content/b.md"] = true
	h.clock.Advance(50 * time.Millisecond)
	h.expect(batch{Paths: []string{"content/a.md", "content/b.md"}})

	// A batch of transient files only builds nothing.
	h.sendChange(change{Path: "content/4914", Created: true})
	h.gone["content/4914"] = true
	h.clock.Advance(50 * time.Millisecond)
	h.expectNone()
}
