package serve

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

func TestPoller(t *testing.T) {
	root := project(t)
	clk := newFakeClock()
	p := newPoller(root, defaultRoots, newIgnorer([]string{"public"}), clk, time.Second)
	p.start()
	out := make(chan change, 64)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { p.run(ctx, out); close(done) }()
	defer func() { cancel(); <-done }()
	clk.WaitArmed(t, 1)

	// poll advances the clock by one interval and returns what the
	// poller reported.
	poll := func() []string {
		t.Helper()
		n := clk.Armed()
		clk.Advance(time.Second)
		clk.WaitArmed(t, n+1) // re-armed once the walk is done
		var got []string
		for {
			select {
			case c := <-out:
				got = append(got, c.Path)
			default:
				return got
			}
		}
	}
	path := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }

	if got := poll(); len(got) != 0 {
		t.Fatalf("nothing changed, reported %q", got)
	}
	writeFile(t, path("content/sources/a.md"), "---\ntitle: A\n---\nA longer body.\n")
	writeFile(t, path("content/sources/.a.md.swp"), "swap")
	writeFile(t, path("public/index.html"), "ignored")
	writeFile(t, path("content/sources/2026/new.md"), "new")
	os.Remove(path("content/briefing.md"))
	want := []string{"content/briefing.md", "content/sources/2026/new.md", "content/sources/a.md"}
	if got := poll(); !reflect.DeepEqual(got, want) {
		t.Errorf("reported %q, want %q", got, want)
	}
	// Same size, new modification time: still a change.
	future := time.Now().Add(time.Hour)
	os.Chtimes(path("brief.yaml"), future, future)
	if got, want := poll(), []string{"brief.yaml"}; !reflect.DeepEqual(got, want) {
		t.Errorf("reported %q, want %q", got, want)
	}
	if got := poll(); len(got) != 0 {
		t.Errorf("nothing changed, reported %q", got)
	}
}
