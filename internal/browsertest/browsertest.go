// Package browsertest starts headless Chromium for tests, driven with
// chromedp. Tests that need a browser call New, which skips the test with
// a message when no Chromium is installed (CI installs Debian's chromium).
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/chromedp/chromedp"
)

// candidates are the Chromium executables tried, in order.
var candidates = []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"}

// Path returns the Chromium executable, or "" when none is installed.
// BRIEF_CHROMIUM overrides the search.
func Path() string {
	if p := os.Getenv("BRIEF_CHROMIUM"); p != "" {
		return p
	}
	for _, c := range candidates {
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	return ""
}

// New starts a headless Chromium for the test and returns a browser
// context (one tab) that is cancelled when the test ends. It skips the
// test when no Chromium is installed. The browser runs with a fresh
// profile, no sandbox (tests run as root in CI) and no background
// networking: the machine has no network but loopback.
func New(t testing.TB) context.Context {
	t.Helper()
	exe := Path()
	if exe == "" {
		t.Skip("chromium not installed: apt-get install chromium (or set BRIEF_CHROMIUM)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	// Start the browser now, so a broken install fails here, clearly. The
	// first Run must not have a timeout: it would stop the whole browser.
	if err := chromedp.Do(ctx); err != nil {
		cancelCtx()
		cancelAlloc()
		t.Fatalf("start chromium %s: %v", exe, err)
	}
	t.Cleanup(func() {
		cancelCtx()
		cancelAlloc()
	})
	return ctx
}

// ModuleRoot returns the repository root (the folder holding go.mod),
// found from this source file, so tests can find node_modules/.
func ModuleRoot() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "."
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Axe returns the source of axe-core (node_modules/axe-core/axe.min.js,
// installed by `npm ci`), or skips the test when it is not installed.
func Axe(t testing.TB) string {
	t.Helper()
	p := filepath.Join(ModuleRoot(), "node_modules", "axe-core", "axe.min.js")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Skip("axe-core not installed: run npm ci in the repository root")
	}
	return string(b)
}
