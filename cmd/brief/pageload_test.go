package main

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/brief-dev/brief/internal/browsertest"
)

// TestPageLoads opens every HTML page of a built site in headless
// Chromium and reports the slowest loads (navigation start to the load
// event, from the page's own timing). It measures and asserts nothing
// by default: a shared machine's timing varies. Run it on a site built
// by tools/scalebench with
//
//	BRIEF_PAGELOAD_DIR=/tmp/briefscale/p1000/public go test ./cmd/brief -run TestPageLoads -v
//
// BRIEF_PAGELOAD_MAX (for example 2s) makes a slower page an error.
func TestPageLoads(t *testing.T) {
	dir := os.Getenv("BRIEF_PAGELOAD_DIR")
	if dir == "" {
		t.Skip("set BRIEF_PAGELOAD_DIR to a built site to time its pages")
	}
	var limit time.Duration
	if s := os.Getenv("BRIEF_PAGELOAD_MAX"); s != "" {
		var err error
		if limit, err = time.ParseDuration(s); err != nil {
			t.Fatal(err)
		}
	}
	var pages []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(dir, p)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	ctx := browsertest.New(t)
	browsertest.Quiet(t, ctx)
	type timing struct {
		page string
		ms   float64
	}
	var all []timing
	for _, p := range pages {
		u := srv.URL + "/" + strings.TrimSuffix(p, "index.html")
		tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
		err := chromedp.Do(tctx, chromedp.Navigate(u))
		cancel()
		if err != nil {
			t.Fatalf("navigate %s: %v", u, err)
		}
		ms, err := browsertest.Eval[float64](ctx, `(() => { const n = performance.getEntriesByType("navigation")[0]; return n.loadEventEnd - n.startTime; })()`)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, timing{p, ms})
		if limit > 0 && time.Duration(ms*float64(time.Millisecond)) > limit {
			t.Errorf("%s loaded in %.0f ms, over %v", p, ms, limit)
		}
	}
	slices.SortFunc(all, func(a, b timing) int { return int(b.ms - a.ms) })
	var top []string
	for _, x := range all[:min(8, len(all))] {
		top = append(top, fmt.Sprintf("%s %.0f ms", x.page, x.ms))
	}
	t.Logf("%d pages; slowest: %s", len(all), strings.Join(top, ", "))
}
