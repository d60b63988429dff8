package serve

import (
	"context"
	"errors"
	"io/fs"
	"reflect"
	"testing"
	"time"

	"github.com/brief-dev/brief/internal/brief"
)

// buildCall is one call of a scripted BuildFunc, held until the test
// replies.
type buildCall struct {
	changed []string
	ctx     context.Context
	reply   chan error // nil: succeed with the site; else fail
}

// scriptedBuild returns a BuildFunc that hands each call to the test.
func scriptedBuild(calls chan<- *buildCall, files map[string]string) BuildFunc {
	return func(ctx context.Context, changed []string) (fs.FS, error) {
		c := &buildCall{changed: changed, ctx: ctx, reply: make(chan error)}
		calls <- c
		select {
		case err := <-c.reply:
			if err != nil {
				return nil, err
			}
			return mapSite(files), nil
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// loopHarness runs Server.loop with a scripted BuildFunc.
type loopHarness struct {
	t       *testing.T
	s       *Server
	calls   chan *buildCall
	batches chan batch
	files   map[string]string
}

func startLoop(t *testing.T) *loopHarness {
	h := &loopHarness{t: t, calls: make(chan *buildCall), batches: make(chan batch), files: map[string]string{"index.html": "<body>1</body>"}}
	h.s = New(Options{AllowHosts: []string{"example.com"}}, scriptedBuild(h.calls, h.files))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { h.s.loop(ctx, h.batches); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return h
}

func (h *loopHarness) next(want []string) *buildCall {
	h.t.Helper()
	select {
	case c := <-h.calls:
		if !reflect.DeepEqual(c.changed, want) {
			h.t.Fatalf("build got changed=%q, want %q", c.changed, want)
		}
		return c
	case <-time.After(5 * time.Second):
		h.t.Fatalf("no build, want one with %q", want)
		return nil
	}
}

// waitState waits until the published state satisfies ok.
func (h *loopHarness) waitState(ok func(*state) bool) *state {
	h.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if st := h.s.state.Load(); ok(st) {
			return st
		}
		time.Sleep(time.Millisecond)
	}
	h.t.Fatalf("state not reached: %+v", h.s.state.Load())
	return nil
}

func TestLoopCancelsAndUnites(t *testing.T) {
	h := startLoop(t)
	h.batches <- batch{Paths: []string{"content/a.md"}}
	first := h.next([]string{"content/a.md"})
	// A save during the build cancels it; the next build gets both.
	h.batches <- batch{Paths: []string{"content/b.md"}}
	select {
	case <-first.ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("build in flight not cancelled")
	}
	second := h.next([]string{"content/a.md", "content/b.md"})
	second.reply <- nil
	h.waitState(func(st *state) bool { return st.version == 1 })
}

func TestLoopRetriesFailedPaths(t *testing.T) {
	h := startLoop(t)
	h.batches <- batch{Paths: []string{"content/a.md"}}
	h.next([]string{"content/a.md"}).reply <- brief.ErrorList{{Pos: brief.Pos{File: "content/a.md", Line: 2, Col: 1}, Msg: "front matter: bad"}}
	st := h.waitState(func(st *state) bool { return st.errs != nil })
	if got := st.errs[0]; got.File != "content/a.md" || got.Line != 2 || got.Message != "front matter: bad" {
		t.Errorf("error = %+v", got)
	}
	// The failed build's paths come again with the next change.
	h.batches <- batch{Paths: []string{"content/b.md"}}
	h.next([]string{"content/a.md", "content/b.md"}).reply <- nil
	h.waitState(func(st *state) bool { return st.errs == nil && st.version == 1 })
	// And once built, they are not passed again.
	h.batches <- batch{Paths: []string{"content/c.md"}}
	h.next([]string{"content/c.md"}).reply <- nil
}

func TestLoopFullBuild(t *testing.T) {
	h := startLoop(t)
	h.batches <- batch{Paths: []string{"content/a.md"}, All: true}
	h.next(nil).reply <- nil
	h.batches <- batch{Paths: []string{"content/a.md"}}
	first := h.next([]string{"content/a.md"})
	h.batches <- batch{All: true}
	<-first.ctx.Done()
	h.next(nil).reply <- errors.New("boom")
	h.waitState(func(st *state) bool { return st.errs != nil })
	// A failed full build makes the next one full too.
	h.batches <- batch{Paths: []string{"content/b.md"}}
	h.next(nil).reply <- nil
}

func TestPublishDecisions(t *testing.T) {
	s := newTestServer(t, Options{}, map[string]string{"index.html": "<body>1</body>", "a.css": "x"})
	st := s.state.Load()
	if st.version != 1 || st.reloadAt != 1 {
		t.Fatalf("after first build: version %d reloadAt %d, want 1 1", st.version, st.reloadAt)
	}
	steps := []struct {
		name              string
		files             map[string]string
		version, reloadAt uint64
	}{
		{"Unchanged", map[string]string{"index.html": "<body>1</body>", "a.css": "x"}, 1, 1},
		{"CSSOnly", map[string]string{"index.html": "<body>1</body>", "a.css": "y"}, 2, 1},
		{"Page", map[string]string{"index.html": "<body>2</body>", "a.css": "y"}, 3, 3},
		{"NewCSS", map[string]string{"index.html": "<body>2</body>", "a.css": "y", "b.css": "z"}, 4, 4},
		{"RemovedCSS", map[string]string{"index.html": "<body>2</body>", "a.css": "y"}, 5, 5},
	}
	for _, step := range steps {
		setSite(t, s, step.files)
		st := s.state.Load()
		if st.version != step.version || st.reloadAt != step.reloadAt {
			t.Errorf("%s: version %d reloadAt %d, want %d %d", step.name, st.version, st.reloadAt, step.version, step.reloadAt)
		}
	}
}

func TestStreamClientNext(t *testing.T) {
	good := &state{version: 5, reloadAt: 3}
	bad := &state{version: 5, reloadAt: 3, errs: []errorInfo{{Message: "x"}}}
	tests := []struct {
		name   string
		client streamClient
		st     *state
		want   string
	}{
		{"Current", streamClient{run: "r", version: 5}, good, ""},
		{"CSSBehind", streamClient{run: "r", version: 3}, good, evCSS},
		{"PageBehind", streamClient{run: "r", version: 2}, good, evReload},
		{"OtherRun", streamClient{run: "q", version: 5}, good, evReload},
		{"NoVersion", streamClient{}, good, evReload},
		{"Ahead", streamClient{run: "r", version: 9}, good, evReload},
		{"Error", streamClient{run: "r", version: 5}, bad, evError},
		{"ErrorShown", streamClient{run: "r", version: 5, shown: bad}, bad, ""},
		{"Fixed", streamClient{run: "r", version: 5, shown: bad}, good, evOK},
		{"FixedAndChanged", streamClient{run: "r", version: 2, shown: bad}, good, evReload},
		{"FixedAndRestyled", streamClient{run: "r", version: 4, shown: bad}, good, evCSS},
	}
	for _, tt := range tests {
		c := tt.client
		if got, _ := c.next("r", tt.st); got != tt.want {
			t.Errorf("%s: event %q, want %q", tt.name, got, tt.want)
		}
		if got, _ := c.next("r", tt.st); got != "" {
			t.Errorf("%s: second event %q, want none", tt.name, got)
		}
	}
}

func TestLoopFailedBuildWaitsForChange(t *testing.T) {
	h := startLoop(t)
	h.batches <- batch{Paths: []string{"content/a.md"}}
	h.next([]string{"content/a.md"}).reply <- errors.New("broken")
	h.waitState(func(st *state) bool { return st.errs != nil })
	select {
	case c := <-h.calls:
		t.Fatalf("a failed build was retried without a change: %q", c.changed)
	case <-time.After(50 * time.Millisecond):
	}
}

// TestLoopSupersededSuccess checks that a build that finished just as a
// change came in is shown, and that the next build is told only about
// the new change.
func TestLoopSupersededSuccess(t *testing.T) {
	files := map[string]string{"index.html": "<body>1</body>"}
	s := New(Options{AllowHosts: []string{"example.com"}}, nil)
	batches := make(chan batch)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	// The build returns without waiting for the test, so the batch below
	// races with its result; whichever the loop sees first, a's build
	// succeeded and b alone is built next.
	builds := make(chan []string, 4)
	s.build = func(ctx context.Context, changed []string) (fs.FS, error) {
		builds <- changed
		return mapSite(files), nil
	}
	go func() { s.loop(ctx, batches); close(done) }()
	defer func() { cancel(); <-done }()
	batches <- batch{Paths: []string{"content/a.md"}}
	batches <- batch{Paths: []string{"content/b.md"}}
	var got [][]string
	for len(got) < 2 {
		select {
		case c := <-builds:
			got = append(got, c)
		case <-time.After(5 * time.Second):
			t.Fatalf("builds %q", got)
		}
	}
	if want := [][]string{{"content/a.md"}, {"content/b.md"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("builds %q, want %q", got, want)
	}
}
