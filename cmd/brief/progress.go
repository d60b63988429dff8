package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progressLine shows one line on a terminal while a build runs longer
// than a second: the phase and, while pages render, the sources done of
// the total, rewritten in place a few times a second and erased at the
// end. On anything but a terminal it writes nothing.
type progressLine struct {
	w     io.Writer
	start time.Time

	mu          sync.Mutex
	phase       string
	done, total int
	shown       bool
	stop        chan struct{}
	stopped     sync.WaitGroup
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// newProgress returns a progressLine writing to w, or nil if w is not a
// terminal; the methods of a nil progressLine do nothing.
func newProgress(w io.Writer) *progressLine {
	if !isTerminal(w) {
		return nil
	}
	p := &progressLine{w: w, start: time.Now(), stop: make(chan struct{})}
	p.stopped.Add(1)
	go p.run()
	return p
}

// set records the state; it is build.Options.Progress.
func (p *progressLine) set(phase string, done, total int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.phase, p.done, p.total = phase, done, total
	p.mu.Unlock()
}

func (p *progressLine) run() {
	defer p.stopped.Done()
	t := time.NewTicker(150 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
		}
		if time.Since(p.start) < time.Second {
			continue
		}
		p.mu.Lock()
		line := fmt.Sprintf("brief: %s", p.phase)
		if p.total > 0 {
			line += fmt.Sprintf(" %d/%d sources", p.done, p.total)
		}
		line += fmt.Sprintf(" (%s)", time.Since(p.start).Round(time.Second))
		p.shown = true
		p.mu.Unlock()
		fmt.Fprintf(p.w, "\r\x1b[K%s", line)
	}
}

// end stops the display and erases its line.
func (p *progressLine) end() {
	if p == nil {
		return
	}
	close(p.stop)
	p.stopped.Wait()
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
