package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/brief-dev/brief/internal/browsertest"
	"github.com/brief-dev/brief/internal/corpus"
)

// generateProject writes a project of n generated articles (see
// internal/corpus) into a temporary folder.
func generateProject(t testing.TB, n int) string {
	t.Helper()
	dir := t.TempDir()
	if err := corpus.Write(dir, n); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestServeLatency measures the time from saving a source to the
// reloaded page in the browser, over 20 edits, for the example project
// and a generated project of 1,000 articles. It reports p50 and p95 and
// asserts nothing: timing depends on the machine. Run it with
//
//	BRIEF_LATENCY=1 go test ./cmd/brief -run TestServeLatency -v
//
// BRIEF_LATENCY_N sets the size of the generated project (default 1000).
// The tab runs without the DevTools domains chromedp turns on for every
// tab (browsertest.Quiet): with them, Chromium hands the driver every
// node and style sheet of each new document, which slowed the measured
// reload of the example's source page from about 50 to about 100 ms, a
// cost no reader's browser pays. Polling the page (browsertest.Wait)
// still runs in the page; the load is read from its own timing.
func TestServeLatency(t *testing.T) {
	if os.Getenv("BRIEF_LATENCY") == "" {
		t.Skip("set BRIEF_LATENCY=1 to measure rebuild latency")
	}
	n := 1000
	if s := os.Getenv("BRIEF_LATENCY_N"); s != "" {
		fmt.Sscan(s, &n)
	}
	if n > 1000 {
		// The first build of 10,000 articles took over 2 minutes
		// on a busy 2-core machine.
		defer func(d time.Duration) { serveStartTimeout = d }(serveStartTimeout)
		serveStartTimeout = time.Duration(n/1000) * 2 * time.Minute
	}
	ctx := browsertest.New(t)
	t.Run("Example", func(t *testing.T) { measureLatency(t, ctx, serveProject(t)) })
	t.Run(fmt.Sprintf("Generated%d", n), func(t *testing.T) { measureLatency(t, ctx, generateProject(t, n)) })
}

func measureLatency(t *testing.T, ctx context.Context, dir string) {
	const edits = 20
	src, text := firstSource(t, dir)
	file := filepath.Join(dir, filepath.FromSlash(src))
	id := strings.TrimSuffix(filepath.Base(src), ".md")
	start := time.Now()
	url, stop := startServe(t, "--source", dir)
	t.Logf("first build and start: %v", time.Since(start).Round(time.Millisecond))
	browsertest.Navigate(t, ctx, url+"sources/"+id+"/")
	browsertest.Quiet(t, ctx)

	var lat []float64
	for i := range edits {
		sentence := fmt.Sprintf("Probe number %d was added to the article.", i+1)
		data := appendSentence(text, sentence)
		time.Sleep(150 * time.Millisecond) // let the previous page settle
		saved := float64(time.Now().UnixMicro()) / 1000
		if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		browsertest.Wait(t, ctx, "probe "+fmt.Sprint(i+1), `document.readyState !== "loading" && document.body.textContent.includes(`+jsQuote(sentence)+`)`, 60*time.Second)
		loaded, err := browsertest.LoadedAt(ctx)
		if err != nil {
			t.Fatal(err)
		}
		lat = append(lat, loaded-saved)
		if os.Getenv("BRIEF_LATENCY_DEBUG") != "" {
			origin, _ := browsertest.Eval[float64](ctx, "performance.timeOrigin")
			timing, _ := browsertest.Eval[string](ctx, `(n => ["requestStart","responseStart","responseEnd","domInteractive","domContentLoadedEventEnd"].map(k => k + " " + Math.round(n[k])).join(", ") + ", " + n.transferSize + " bytes")(performance.getEntriesByType("navigation")[0])`)
			t.Logf("edit %d: navigation started +%.0f ms, page loaded +%.0f ms (%s)", i+1, origin-saved, loaded-saved, timing)
		}
	}
	out := stop()
	slices.Sort(lat)
	p := func(q float64) float64 { return lat[int(q*float64(len(lat))+0.999999)-1] }
	t.Logf("save to reloaded page over %d edits of %s: p50 %.0f ms, p95 %.0f ms (min %.0f, max %.0f)",
		edits, src, p(0.50), p(0.95), lat[0], lat[len(lat)-1])
	var builds []string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "rebuilt in ") {
			builds = append(builds, strings.Fields(line)[2])
		}
	}
	t.Logf("server rebuild times: %s", strings.Join(builds, " "))
}
