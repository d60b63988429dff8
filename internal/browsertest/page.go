package browsertest

// Helpers for tests that drive a page: navigate, evaluate, wait.

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"

	"github.com/chromedp/chromedp"
)

// Navigate opens url in the tab and waits for it to load.
func Navigate(t testing.TB, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigate %s: %v", url, err)
	}
}

// Viewport sets the tab's viewport to width CSS px by 900 and its
// prefers-color-scheme to scheme ("light" or "dark").
func Viewport(t testing.TB, ctx context.Context, width int64, scheme string) {
	t.Helper()
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(width, 900),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
			})
			return err
		}),
	); err != nil {
		t.Fatal(err)
	}
}

// Eval evaluates a JavaScript expression in the tab.
func Eval[T any](ctx context.Context, expr string) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr))
}

// MustEval is Eval that fails the test on error.
func MustEval[T any](t testing.TB, ctx context.Context, expr string) T {
	t.Helper()
	v, err := Eval[T](ctx, expr)
	if err != nil {
		t.Fatalf("eval %s: %v", expr, err)
	}
	return v
}

// Wait evaluates expr every few milliseconds until it is true, and fails
// the test after timeout. Evaluation errors count as false: they happen
// while the page reloads.
func Wait(t testing.TB, ctx context.Context, what, expr string, timeout time.Duration) {
	t.Helper()
	if err := WaitErr(ctx, expr, timeout); err != nil {
		t.Fatalf("waiting for %s: %v", what, err)
	}
}

// WaitErr is Wait returning an error.
func WaitErr(ctx context.Context, expr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	var last error
	for time.Now().Before(deadline) {
		ectx, cancel := context.WithTimeout(ctx, time.Second)
		ok, err := Eval[bool](ectx, "!!("+expr+")")
		cancel()
		if err == nil && ok {
			return nil
		}
		if err != nil {
			last = err
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		time.Sleep(pollInterval)
	}
	if last != nil {
		return fmt.Errorf("%s: still false after %v (last error: %v)", expr, timeout, last)
	}
	return fmt.Errorf("%s: still false after %v", expr, timeout)
}

// LoadedAt returns when the current page finished parsing (its
// DOMContentLoaded event), as Unix milliseconds, to measure how long after
// a save the reloaded page was there.
func LoadedAt(ctx context.Context) (float64, error) {
	return Eval[float64](ctx, `performance.timeOrigin + performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd`)
}

// pollInterval is how often WaitErr evaluates its expression. Each
// evaluation is a round trip into the page's main thread, so polling
// much faster than this slows down the very page load being waited for;
// measurements read the page's own timing (LoadedAt), not the poll.
const pollInterval = 25 * time.Millisecond

// Quiet turns off the DevTools domains that chromedp enables for every
// tab (DOM, CSS, Network, Log) and that tests measuring page loads do
// not use: with them on, Chromium records every node, style sheet and
// request of each new document for the driver, work that a reader's
// browser does not do and that would be counted in the load. Evaluate
// and navigation keep working; queries by selector do not.
func Quiet(t testing.TB, ctx context.Context) {
	t.Helper()
	for _, c := range []cdp.Command[cdp.Empty, cdp.Empty]{css.Disable, dom.Disable, network.Disable, log.Disable} {
		// A domain already off says so; that is not an error.
		if _, err := chromedp.Call(ctx, c, cdp.Empty{}); err != nil && !strings.Contains(err.Error(), "enabled") {
			t.Fatalf("%s: %v", c.Method, err)
		}
	}
}
