package serve_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/brief-dev/brief/internal/browsertest"
	"github.com/brief-dev/brief/internal/serve"
)

// writeRename saves data the way many editors do: into a temporary file
// that is then renamed over name.
func writeRename(t *testing.T, name, data string) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(name), "."+filepath.Base(name)+".tmp")
	serve.WriteFile(t, tmp, data)
	if err := os.Rename(tmp, name); err != nil {
		t.Fatal(err)
	}
}

func TestBrowserLiveReload(t *testing.T) {
	ctx := browsertest.New(t)
	root := t.TempDir()
	page := filepath.Join(root, "content/page.md")
	css := filepath.Join(root, "themes/style.css")
	serve.WriteFile(t, page, "---\ntitle: P\n---\nThe talks began on Monday.\n")
	serve.WriteFile(t, css, "p { color: rgb(0, 0, 0); }\n")

	sctx, stop := context.WithCancel(context.Background())
	s := serve.New(serve.Options{Root: root, Watch: []string{"content", "themes"}, Port: -1}, serve.FakeBuild(root))
	done := make(chan error, 1)
	go func() { done <- s.Run(sctx) }()
	defer func() {
		stop()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	}()
	<-s.Ready()

	browsertest.Navigate(t, ctx, s.URL())
	text := func(want string) string { return `document.getElementById("s").textContent === ` + jsString(want) }
	browsertest.Wait(t, ctx, "first page", text("The talks began on Monday."), 5*time.Second)
	browsertest.MustEval[any](t, ctx, `window.scrollTo(0, 600), window.marker = 1`)

	// Written in place: the tab reloads and keeps its scroll position.
	serve.WriteFile(t, page, "---\ntitle: P\n---\nThe talks began on Tuesday.\n")
	browsertest.Wait(t, ctx, "text written in place", text("The talks began on Tuesday."), 10*time.Second)
	browsertest.Wait(t, ctx, "scroll position kept", `window.scrollY === 600 && window.marker === undefined`, 5*time.Second)

	// Written to a temporary file and renamed over the source.
	writeRename(t, page, "---\ntitle: P\n---\nThe talks began on Wednesday.\n")
	browsertest.Wait(t, ctx, "text renamed over", text("The talks began on Wednesday."), 10*time.Second)

	// A stylesheet change restyles the page without reloading it.
	browsertest.MustEval[any](t, ctx, `window.marker = 2`)
	serve.WriteFile(t, css, "p { color: rgb(200, 0, 0); }\n")
	browsertest.Wait(t, ctx, "new style", `getComputedStyle(document.getElementById("s")).color === "rgb(200, 0, 0)"`, 10*time.Second)
	if m := browsertest.MustEval[float64](t, ctx, `window.marker || 0`); m != 2 {
		t.Errorf("the page reloaded for a stylesheet change")
	}

	// A broken front matter shows the overlay with file and line.
	serve.WriteFile(t, page, "---\ntitle: P\nThe talks began on Thursday.\n")
	overlay := `document.querySelector('#brief-error-overlay[role="alert"]')`
	browsertest.Wait(t, ctx, "error overlay", overlay+` && `+overlay+`.textContent.includes("content/page.md:1:1")`, 10*time.Second)
	if got := browsertest.MustEval[string](t, ctx, overlay+`.textContent`); !strings.Contains(got, "front matter") {
		t.Errorf("overlay text %q", got)
	}
	// The last good page is still shown beneath it.
	browsertest.Wait(t, ctx, "last good page", text("The talks began on Wednesday."), time.Second)

	// Fixing it removes the overlay and shows the new text.
	serve.WriteFile(t, page, "---\ntitle: P\n---\nThe talks began on Thursday.\n")
	browsertest.Wait(t, ctx, "fixed page", text("The talks began on Thursday.")+` && !`+overlay, 10*time.Second)
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

// TestLatency measures serve's own share of the time from a save to the
// reloaded page, with a build that takes no time: the file event, the
// debounce, the snapshot, the event stream and the browser's reload. It
// reports p50 and p95 over 20 edits and asserts nothing. Run it with
//
//	BRIEF_LATENCY=1 go test ./internal/serve -run TestLatency -v
//
// Without chromium it measures from the save to the reload event.
func TestLatency(t *testing.T) {
	if os.Getenv("BRIEF_LATENCY") == "" {
		t.Skip("set BRIEF_LATENCY=1 to measure latency")
	}
	root := t.TempDir()
	page := filepath.Join(root, "content/page.md")
	serve.WriteFile(t, page, "---\ntitle: P\n---\nProbe 0.\n")
	serve.WriteFile(t, filepath.Join(root, "themes/style.css"), "p { color: black; }\n")
	sctx, stop := context.WithCancel(context.Background())
	defer stop()
	s := serve.New(serve.Options{Root: root, Watch: []string{"content", "themes"}, Port: -1}, serve.FakeBuild(root))
	go s.Run(sctx)
	<-s.Ready()

	var ctx context.Context
	if _, err := exec.LookPath("chromium"); err == nil {
		ctx = browsertest.New(t)
		browsertest.Navigate(t, ctx, s.URL())
	}
	var lat []float64
	for i := 1; i <= 20; i++ {
		time.Sleep(150 * time.Millisecond)
		var events <-chan string
		var cancel func()
		if ctx == nil {
			events, cancel = streamEvents(t, s.URL())
		}
		want := fmt.Sprintf("Probe %d.", i)
		saved := float64(time.Now().UnixMicro()) / 1000
		serve.WriteFile(t, page, "---\ntitle: P\n---\n"+want+"\n")
		if ctx == nil {
			for ev := range events {
				if ev == "reload" {
					break
				}
			}
			lat = append(lat, float64(time.Now().UnixMicro())/1000-saved)
			cancel()
			continue
		}
		browsertest.Wait(t, ctx, want, `document.readyState !== "loading" && document.getElementById("s").textContent === `+jsString(want), 10*time.Second)
		loaded, err := browsertest.LoadedAt(ctx)
		if err != nil {
			t.Fatal(err)
		}
		lat = append(lat, loaded-saved)
	}
	slices.Sort(lat)
	what := "save to reloaded page"
	if ctx == nil {
		what = "save to reload event"
	}
	t.Logf("%s over %d edits: p50 %.0f ms, p95 %.0f ms (min %.0f, max %.0f)",
		what, len(lat), lat[len(lat)/2-1], lat[int(0.95*float64(len(lat)))-1], lat[0], lat[len(lat)-1])
}

// streamEvents returns the names of the events on a new event stream
// for the version the site has now, so that the first event is the next
// change.
func streamEvents(t *testing.T, base string) (<-chan string, func()) {
	t.Helper()
	resp, err := http.Get(base + "_brief/events?v=" + currentVersion(t, base))
	if err != nil {
		t.Fatal(err)
	}
	out := make(chan string, 16)
	go func() {
		defer close(out)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if ev, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				out <- ev
			}
		}
	}()
	return out, func() { resp.Body.Close() }
}

// currentVersion returns the version a page of the site is served with.
func currentVersion(t *testing.T, base string) string {
	t.Helper()
	resp, err := http.Get(base)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	m := regexp.MustCompile(`data-brief-version="([^"]*)"`).FindSubmatch(b)
	if m == nil {
		t.Fatalf("no version in %s", b)
	}
	return string(m[1])
}
