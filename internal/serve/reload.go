package serve

import (
	"context"
	"errors"
	"fmt"
	"path"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/brief-dev/brief/internal/brief"
)

// state is what the server shows at one moment. It is replaced whole,
// never modified, and read with one atomic load per request.
type state struct {
	// site is the last site that built successfully.
	site *site
	// version counts the builds whose output differed from the one
	// before; a tab that loaded an older version must update.
	version uint64
	// reloadAt is the latest version that changed more than stylesheets.
	// A tab at version v < reloadAt must reload; one at reloadAt or later
	// only needs its stylesheets swapped.
	reloadAt uint64
	// errs is the error of the latest build, nil if it succeeded.
	errs []errorInfo
}

// errorInfo is one build error as sent to the browser overlay.
type errorInfo struct {
	File     string `json:"file,omitempty"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Message  string `json:"message"`
	LineText string `json:"lineText,omitempty"`
}

// errorInfos flattens a build error into overlay entries, keeping the
// positions of brief.Error and brief.ErrorList.
func errorInfos(err error) []errorInfo {
	var list brief.ErrorList
	var one *brief.Error
	switch {
	case errors.As(err, &list) && len(list) > 0:
	case errors.As(err, &one):
		list = brief.ErrorList{one}
	default:
		return []errorInfo{{Message: err.Error()}}
	}
	infos := make([]errorInfo, 0, len(list))
	for _, e := range list {
		infos = append(infos, errorInfo{e.Pos.File, e.Pos.Line, e.Pos.Col, e.Msg, e.LineText})
	}
	return infos
}

// hub wakes the event streams when the state changes. Each subscriber
// has a one-slot channel: a stream that is busy misses no update, since
// on waking it reads the latest state, whatever happened in between.
type hub struct {
	mu   sync.Mutex
	subs map[chan struct{}]struct{}
}

// subscribe returns a channel that receives a value after each state
// change, and a function that ends the subscription.
func (h *hub) subscribe() (<-chan struct{}, func()) {
	c := make(chan struct{}, 1)
	h.mu.Lock()
	if h.subs == nil {
		h.subs = map[chan struct{}]struct{}{}
	}
	h.subs[c] = struct{}{}
	h.mu.Unlock()
	return c, func() {
		h.mu.Lock()
		delete(h.subs, c)
		h.mu.Unlock()
	}
}

// notify wakes every subscriber.
func (h *hub) notify() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.subs {
		select {
		case c <- struct{}{}:
		default: // already pending
		}
	}
}

// result is the outcome of one build.
type result struct {
	site    *site
	err     error
	elapsed time.Duration
}

// runBuild calls the BuildFunc and snapshots its output. A panic in the
// BuildFunc becomes an error, so that the server keeps serving the last
// good site.
func (s *Server) runBuild(ctx context.Context, changed []string, prev *site) (r result) {
	start := time.Now()
	defer func() {
		r.elapsed = time.Since(start)
		if v := recover(); v != nil {
			s.logf("build panicked: %v\n%s", v, debug.Stack())
			r = result{err: fmt.Errorf("build panicked: %v", v), elapsed: time.Since(start)}
		}
	}()
	fsys, err := s.build(ctx, changed)
	if err != nil {
		return result{err: err}
	}
	site, err := snapshot(fsys, prev, s.newTag)
	return result{site: site, err: err}
}

// newTag returns a new ETag, unique to this run of the server.
func (s *Server) newTag() string {
	return `"` + s.run + "-" + strconv.FormatUint(s.tags.Add(1), 36) + `"`
}

// publish makes the result of a build the current state, wakes the
// event streams and prints the rebuild's line. changed is what the build
// was given (nil for a full build).
func (s *Server) publish(r result, changed []string) {
	old := s.state.Load()
	what := describeInput(changed)
	ms := r.elapsed.Round(time.Millisecond)
	if r.err != nil {
		st := *old
		st.errs = errorInfos(r.err)
		s.state.Store(&st)
		s.hub.notify()
		s.logf("error: %s", errorLine(st.errs))
		return
	}
	out, cssOnly := diff(old.site, r.site)
	st := &state{site: r.site, version: old.version, reloadAt: old.reloadAt}
	if len(out) > 0 {
		st.version++
		if !cssOnly {
			st.reloadAt = st.version
		}
	}
	s.state.Store(st)
	if len(out) > 0 || old.errs != nil {
		s.hub.notify()
	}
	if changed == nil && old.version == 0 {
		s.logf("built in %v (%s)", ms, describeOutput(r.site, nil))
		return
	}
	s.logf("rebuilt in %v: %s (%s)", ms, what, describeOutput(r.site, out))
}

// loop runs one build at a time for the batches it receives until ctx
// is done. A batch that arrives during a build cancels it; the next build
// gets the union of the cancelled build's paths and the new ones. Paths
// of a failed build are passed again to the next one, since a BuildFunc
// is told what changed since its last success. So every change reaches
// a build that runs to its end: the last save is never lost.
func (s *Server) loop(ctx context.Context, batches <-chan batch) {
	var (
		pending    = map[string]bool{} // changes not yet given to a build
		pendingAll bool
		inflight   []string // the running build's paths; nil means all
		cancel     context.CancelFunc
		done       chan result
	)
	start := func() {
		var changed []string
		if !pendingAll {
			changed = sortedKeys(pending)
		}
		inflight = changed
		pending, pendingAll = map[string]bool{}, false
		var bctx context.Context
		bctx, cancel = context.WithCancel(ctx)
		done = make(chan result, 1)
		prev := s.state.Load().site
		go func(done chan<- result) { done <- s.runBuild(bctx, changed, prev) }(done)
	}
	// requeue returns the running build's paths to pending.
	requeue := func() {
		if inflight == nil {
			pendingAll = true
		}
		for _, p := range inflight {
			pending[p] = true
		}
	}
	for {
		select {
		case <-ctx.Done():
			if cancel != nil {
				cancel()
				<-done
			}
			return
		case b := <-batches:
			pendingAll = pendingAll || b.All
			for _, p := range b.Paths {
				pending[p] = true
			}
			if cancel != nil {
				cancel() // restarted when it returns
			} else {
				start()
			}
		case r := <-done:
			cancel()
			cancel, done = nil, nil
			// Changes that came in during the build supersede it.
			superseded := len(pending) > 0 || pendingAll
			switch {
			case r.err == nil:
				// A build that succeeded is shown even if superseded: the
				// builder has moved on to its inputs, and the next build
				// is told only what changed since.
				s.publish(r, inflight)
			case superseded:
				// Cancelled, or failed on inputs that have changed since:
				// its paths go to the next build, its error nowhere.
				requeue()
			default:
				requeue()
				s.publish(r, inflight)
			}
			if superseded {
				start()
			}
		}
	}
}

// describeInput names the changed inputs for the terminal.
func describeInput(changed []string) string {
	const show = 3
	switch {
	case changed == nil:
		return "all files"
	case len(changed) <= show:
		return strings.Join(changed, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(changed[:show], ", "), len(changed)-show)
}

// describeOutput summarises the changed output files: "2 pages changed",
// "1 stylesheet changed", "no output changed". With out nil it counts the
// whole site.
func describeOutput(st *site, out []string) string {
	verb := " changed"
	if out == nil {
		verb = ""
		for p := range st.files {
			out = append(out, p)
		}
		if len(out) == 0 {
			return "no files"
		}
	}
	if len(out) == 0 {
		return "no output changed"
	}
	var pages, css, other int
	for _, p := range out {
		switch path.Ext(p) {
		case ".html", ".htm":
			pages++
		case ".css":
			css++
		default:
			other++
		}
	}
	var parts []string
	add := func(n int, one, many string) {
		switch {
		case n == 1:
			parts = append(parts, "1 "+one)
		case n > 1:
			parts = append(parts, fmt.Sprintf("%d %s", n, many))
		}
	}
	add(pages, "page", "pages")
	add(css, "stylesheet", "stylesheets")
	add(other, "other file", "other files")
	return strings.Join(parts, ", ") + verb
}

// errorLine formats a build error on one terminal line: the first error
// and how many more there are (the overlay lists them all).
func errorLine(errs []errorInfo) string {
	if len(errs) == 0 {
		return "unknown error"
	}
	e := errs[0]
	pos := brief.Pos{File: e.File, Line: e.Line, Col: e.Col}.String()
	line := e.Message
	if pos != "" {
		line = pos + ": " + line
	}
	line = strings.ReplaceAll(line, "\n", " ")
	switch n := len(errs) - 1; {
	case n == 1:
		line += " (and 1 more error)"
	case n > 1:
		line += fmt.Sprintf(" (and %d more errors)", n)
	}
	return line
}
