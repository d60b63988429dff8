package main

// Browser tests of the built site, as a reader sees it: headless Chromium
// (Debian's chromium, installed by .ci/run) loads every page from a server
// under a sub-path, follows every footnote link and back-link, and checks
// that no link is broken, no asset is missing, no console error is logged,
// no script from article text runs, and that axe-core finds no serious or
// critical accessibility violation. They skip when Chromium is missing.

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/brief-dev/brief/internal/browsertest"
	"github.com/brief-dev/brief/internal/corpus"
)

// evilArticle is an adversarial source: every field tries to inject markup
// or script. The page must show all of it as inert text.
const evilArticle = `---
title: "<script>window.__pwned='title';alert('title')</script> Evil <b>bold</b>"
outlet: "<img src=x onerror=\"window.__pwned='outlet'\">"
author: "\"><svg onload=alert('author')>"
date: "2025-03-13"
url: "javascript:alert('url')"
---

Officials arrived in Moscow on Thursday for talks <script>window.__pwned='body';alert('body')</script> on a ceasefire.

Click [here](javascript:window.__pwned='link') or <a href="javascript:alert('a')" onclick="alert('click')">there</a> for details.

<img src="x" onerror="window.__pwned='img';alert('img')"> An image tried to load.

<div onmouseover="alert('div')">Hover text</div>

The envoy said: “<iframe src=javascript:alert('iframe')></iframe>” before leaving.
`

// siteServer serves dir under prefix ("/demo/"), with the site's 404.html
// for missing files, as GitHub Pages does.
func siteServer(t *testing.T, dir, prefix string) (base string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	files := http.FileServer(http.Dir(dir))
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if !strings.HasPrefix(p, prefix) {
			http.NotFound(w, r)
			return
		}
		rel := strings.TrimPrefix(p, prefix)
		name := filepath.Join(dir, filepath.FromSlash(path.Clean("/"+rel)))
		st, err := os.Stat(name)
		if err == nil && st.IsDir() {
			_, err = os.Stat(filepath.Join(name, "index.html"))
		}
		if err != nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			b, _ := os.ReadFile(filepath.Join(dir, "404.html"))
			w.Write(b)
			return
		}
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/" + rel
		files.ServeHTTP(w, r2)
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String() + prefix
}

// builtSite builds a copy of the example project (plus extra files) with
// the given base URL's server, and returns the site's URL and public dir.
func builtSite(t *testing.T, extra map[string]string) (siteURL, public string) {
	t.Helper()
	dir := copyExample(t)
	for name, data := range extra {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	public = filepath.Join(dir, "public")
	siteURL = siteServer(t, public, "/demo/")
	if code, _, stderr := runBrief(t, "build", "--source", dir, "--quiet", "--base-url", siteURL); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	return siteURL, public
}

// htmlPages lists the site's pages (but 404.html) as paths relative to
// the site root, "" for the index.
func htmlPages(t *testing.T, public string) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(public, p)
		rel = filepath.ToSlash(rel)
		if rel == "404.html" {
			return nil
		}
		pages = append(pages, strings.TrimSuffix(rel, "index.html"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(pages)
	return pages
}

// firstSourcePage returns the first source page of the site in public
// (in htmlPages' order), or "" when it has none.
func firstSourcePage(t *testing.T, public string) string {
	t.Helper()
	for _, p := range htmlPages(t, public) {
		if strings.HasPrefix(p, "sources/") && p != "sources/" {
			return p
		}
	}
	return ""
}

// pageWatch records what goes wrong while a tab loads pages.
type pageWatch struct {
	mu       sync.Mutex
	problems []string
	dialogs  []string
}

func (w *pageWatch) add(format string, args ...any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.problems = append(w.problems, fmt.Sprintf(format, args...))
}

// take returns the problems recorded so far and clears them.
func (w *pageWatch) take() (problems, dialogs []string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	problems, dialogs = w.problems, w.dialogs
	w.problems, w.dialogs = nil, nil
	return problems, dialogs
}

// report fails the test for every problem and dialog recorded while
// page was loaded, and clears them.
func (w *pageWatch) report(t *testing.T, page string) {
	t.Helper()
	problems, dialogs := w.take()
	for _, pr := range problems {
		t.Errorf("%s: %s", page, pr)
	}
	for _, d := range dialogs {
		t.Errorf("%s: a dialog opened: %q", page, d)
	}
}

// watchTab listens to the tab for console errors, exceptions, failed
// requests and dialogs (which it dismisses, so the page never blocks).
func watchTab(t *testing.T, ctx context.Context) *pageWatch {
	t.Helper()
	w := &pageWatch{}
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				w.add("console error: %s", strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			w.add("exception: %s", ev.ExceptionDetails.Text)
		case *network.EventResponseReceived:
			if ev.Response.Status >= 400 {
				w.add("HTTP %d for %s", ev.Response.Status, ev.Response.URL)
			}
		case *network.EventLoadingFailed:
			if !ev.Canceled {
				w.add("request failed: %s (%s)", ev.ErrorText, ev.Type)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			w.mu.Lock()
			w.dialogs = append(w.dialogs, ev.Message)
			w.mu.Unlock()
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	return w
}

// load navigates to u and waits until the page has loaded.
func load(t *testing.T, ctx context.Context, u string) {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(tctx, chromedp.Navigate(u)); err != nil {
		t.Fatalf("navigate %s: %v", u, err)
	}
}

// eval runs a script in the page and decodes its result.
func eval[T any](t *testing.T, ctx context.Context, script string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(tctx, chromedp.Evaluate[T](script, opts...))
	if err != nil {
		t.Fatalf("evaluate %.60q: %v", script, err)
	}
	return v
}

// linkReport is what the page says about its own links.
type linkReport struct {
	Internal     []string `json:"internal"`     // absolute URLs of same-origin links and assets
	MissingFrags []string `json:"missingFrags"` // in-page #fragments with no element
	Javascript   []string `json:"javascript"`   // javascript: URLs anywhere
	Handlers     []string `json:"handlers"`     // elements with on* attributes
	NoteRefs     int      `json:"noteRefs"`     // footnote markers
}

const linkScript = `(() => {
  const r = {internal: [], missingFrags: [], javascript: [], handlers: [], noteRefs: 0};
  const here = location.href.split('#')[0];
  for (const el of document.querySelectorAll('[href],[src]')) {
    for (const attr of ['href', 'src']) {
      const raw = el.getAttribute(attr);
      if (raw === null) continue;
      if (/^\s*(javascript|vbscript|data):/i.test(raw)) { r.javascript.push(el.outerHTML.slice(0, 120)); continue; }
      const u = new URL(raw, document.baseURI);
      if (u.origin !== location.origin) continue;
      const page = u.href.split('#')[0];
      if (page === here && u.hash) {
        const id = decodeURIComponent(u.hash.slice(1));
        if (!document.getElementById(id)) r.missingFrags.push(raw);
      } else {
        r.internal.push(u.href);
      }
    }
  }
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) if (/^on/i.test(a.name)) r.handlers.push(el.tagName + ' ' + a.name);
  }
  r.noteRefs = document.querySelectorAll('a[role="doc-noteref"], a.fn-ref, sup a[href^="#"]').length;
  return r;
})()`

// TestSiteInBrowser loads every page of the example briefing, served
// under /demo/, and checks links, assets, console and script injection.
func TestSiteInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	siteURL, public := builtSite(t, map[string]string{"content/sources/zz-evil.md": evilArticle})
	w := watchTab(t, ctx)

	pages := htmlPages(t, public)
	if len(pages) < 5 {
		t.Fatalf("only %d pages built: %v", len(pages), pages)
	}
	checked := map[string]bool{}
	totalRefs := 0
	for _, p := range pages {
		u := siteURL + p
		load(t, ctx, u)
		rep := eval[linkReport](t, ctx, linkScript)
		totalRefs += rep.NoteRefs
		for _, f := range rep.MissingFrags {
			t.Errorf("%s: link %s points at no element", p, f)
		}
		for _, j := range rep.Javascript {
			t.Errorf("%s: script URL in the page: %s", p, j)
		}
		for _, h := range rep.Handlers {
			t.Errorf("%s: event-handler attribute in the page: %s", p, h)
		}
		if v := eval[string](t, ctx, `String(window.__pwned)`); v != "undefined" {
			t.Errorf("%s: injected script ran (window.__pwned=%s)", p, v)
		}
		for _, link := range rep.Internal {
			if !checked[link] {
				checked[link] = true
				checkLink(t, p, link)
			}
		}
		w.report(t, p)
	}
	if totalRefs == 0 {
		t.Errorf("no footnote markers found on any page")
	}
	followNotes(t, ctx, w, siteURL, pages)
}

// checkLink fetches an internal link and, if it has a fragment, checks
// that the target page has an element with that id.
func checkLink(t *testing.T, from, link string) {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil {
		t.Errorf("%s: bad link %q", from, link)
		return
	}
	frag := u.Fragment
	u.Fragment = ""
	resp, err := http.Get(u.String())
	if err != nil {
		t.Errorf("%s: GET %s: %v", from, u, err)
		return
	}
	defer resp.Body.Close()
	var body bytes.Buffer
	body.ReadFrom(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Errorf("%s: broken link %s: HTTP %d", from, link, resp.StatusCode)
		return
	}
	if frag != "" && !bytes.Contains(body.Bytes(), []byte(`id="`+frag+`"`)) {
		t.Errorf("%s: link %s: no element with id %q in the target page", from, link, frag)
	}
}

// followNotes clicks the note markers on the source pages: a marker
// must point at its note, the click must open it, and the note's
// back-link must close it and return focus to the marker.
func followNotes(t *testing.T, ctx context.Context, w *pageWatch, siteURL string, pages []string) {
	t.Helper()
	followed := 0
	for _, p := range pages {
		if !strings.HasPrefix(p, "sources/") || p == "sources/" || strings.Contains(p, "evil") {
			continue
		}
		load(t, ctx, siteURL+p)
		n := eval[int](t, ctx, `document.querySelectorAll('a[role="doc-noteref"]').length`)
		for i := 0; i < n; i++ {
			// Open note i from its marker, then close it by its back-link.
			res := eval[[]string](t, ctx, fmt.Sprintf(`(() => {
  const m = document.querySelectorAll('a[role="doc-noteref"]')[%d];
  if (!m.id) return ['marker without id', m.outerHTML];
  const note = document.getElementById(decodeURIComponent(m.getAttribute('href').slice(1)));
  if (!note) return ['no note for', m.getAttribute('href')];
  if (m.getAttribute('aria-controls') !== note.id) return ['marker does not control its note', m.outerHTML];
  const back = [...note.querySelectorAll('a[role="doc-backlink"]')]
    .find(a => decodeURIComponent(a.getAttribute('href').slice(1)) === m.id);
  if (!back) return ['note has no back-link to', m.id];
  m.click();
  if (!note.classList.contains('open') || m.getAttribute('aria-expanded') !== 'true') return ['a click did not open', note.id];
  back.click();
  if (note.classList.contains('open')) return ['the back-link did not close', note.id];
  if (document.activeElement !== m) return ['focus did not return to', m.id];
  return [];
})()`, i))
			if len(res) > 0 {
				t.Errorf("%s: footnote %d: %s", p, i, strings.Join(res, " "))
			}
			followed++
		}
		w.report(t, p)
	}
	if followed == 0 {
		t.Errorf("no footnote marker (a[role=doc-noteref]) on any source page")
	}
	t.Logf("followed %d footnote markers and their back-links", followed)
}

// axeViolations injects axe-core (its source) into the loaded page and
// returns its serious and critical violations, each with up to three of
// the elements it found.
func axeViolations(t *testing.T, ctx context.Context, axe string) []string {
	t.Helper()
	eval[chromedp.Void](t, ctx, axe)
	return eval[[]string](t, ctx, `axe.run(document, {resultTypes: ['violations']}).then(r =>
  r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))`,
		chromedp.EvalAwaitPromise)
}

// TestAccessibility runs axe-core on every kind of page (the briefing,
// with and without a note open, a source page, the source list, the
// matrix and the 404 page), in light and dark colour schemes and at
// 1280 px and phone width, and the briefing and a source page again
// without brief.js, and fails on any serious or critical violation.
func TestAccessibility(t *testing.T) {
	ctx := browsertest.New(t)
	axe := browsertest.Axe(t)
	siteURL, public := builtSite(t, nil)
	source := firstSourcePage(t, public)
	audit := func(p, scheme string, width int64, script string) {
		t.Helper()
		for _, v := range axeViolations(t, ctx, axe) {
			t.Errorf("%s (%s, %dpx%s): %s", "/"+p, scheme, width, script, v)
		}
	}
	for _, scheme := range []string{"light", "dark"} {
		for _, width := range []int64{1280, 375} {
			browsertest.Viewport(t, ctx, width, scheme)
			// Every page kind: the briefing (also with a note open), a
			// source, the source list, the matrix, and the 404 page.
			for _, p := range []string{"", "#open", source, "sources/", "matrix/", "no-such-page/"} {
				if p == "#open" {
					load(t, ctx, siteURL)
					eval[chromedp.Void](t, ctx, `document.querySelector('#main a.mk').click()`)
				} else {
					load(t, ctx, siteURL+p)
				}
				audit(p, scheme, width, "")
			}
		}
	}
	// Without brief.js the notes are laid out by the stylesheet alone (in
	// the margin on wide screens, a note opened as the link's target).
	// The script is blocked rather than script turned off, which would
	// stop axe too.
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{
			URLPatterns: []*network.BlockPattern{{URLPattern: "*://*:*/*brief.js", Block: true}},
		})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	for _, scheme := range []string{"light", "dark"} {
		for _, width := range []int64{1280, 375} {
			browsertest.Viewport(t, ctx, width, scheme)
			for _, p := range []string{"", "#n-1", source} {
				load(t, ctx, siteURL+p)
				if eval[bool](t, ctx, `document.documentElement.classList.contains('js')`) {
					t.Fatal("brief.js ran: blocking it failed")
				}
				audit(p, scheme, width, ", no script")
			}
		}
	}
}

// TestPrintPDF prints the briefing and a source page to PDF with
// Chromium and checks the text with pdftotext: the endnotes are there,
// and no page is blank.
func TestPrintPDF(t *testing.T) {
	ctx := browsertest.New(t)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed: apt-get install poppler-utils")
	}
	siteURL, public := builtSite(t, nil)
	source := firstSourcePage(t, public)
	for _, p := range []string{"", source} {
		load(t, ctx, siteURL+p)
		pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
		if err != nil {
			t.Fatalf("print %s: %v", p, err)
		}
		file := filepath.Join(t.TempDir(), "page.pdf")
		if err := os.WriteFile(file, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		if dir := os.Getenv("BRIEF_PDF_DIR"); dir != "" { // keep the PDFs to look at
			name := strings.Trim(strings.ReplaceAll(p, "/", "-"), "-")
			if name == "" {
				name = "briefing"
			}
			os.WriteFile(filepath.Join(dir, name+".pdf"), pdf, 0o644)
		}
		out, err := exec.Command("pdftotext", "-layout", file, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		text := string(out)
		pagesText := strings.Split(strings.TrimRight(text, "\f"), "\f")
		for i, pt := range pagesText {
			if strings.TrimSpace(pt) == "" {
				t.Errorf("%s: printed page %d of %d is blank", "/"+p, i+1, len(pagesText))
			}
		}
		// Endnotes are printed; nav chrome is gone.
		if !strings.Contains(text, "Notes") && !strings.Contains(text, "notes") {
			t.Errorf("%s: no endnotes section in the printed text", "/"+p)
		}
		if strings.Contains(text, "Skip to content") {
			t.Errorf("%s: navigation chrome printed", "/"+p)
		}
		t.Logf("%s: %d printed pages", "/"+p, len(pagesText))
	}
}

// TestAccessibilityPaged runs axe-core on the page kinds a large project
// adds to those of the example: a later page of the contested points,
// of the one-source claims and of the quotations, the list of the
// matrix's tables and one table, in light and dark and at 1280 and 375
// px, on a generated project of 100 articles (internal/corpus).
func TestAccessibilityPaged(t *testing.T) {
	ctx := browsertest.New(t)
	axe := browsertest.Axe(t)
	dir := t.TempDir()
	if err := corpus.Write(dir, 100); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(dir, "public")
	siteURL := siteServer(t, public, "/demo/")
	if code, _, stderr := runBrief(t, "build", "--source", dir, "--quiet", "--base-url", siteURL); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	pages := []string{"contested/2/", "one-source/2/", "quotations/2/", "matrix/", "matrix/1/"}
	for _, p := range pages {
		if _, err := os.Stat(filepath.Join(public, filepath.FromSlash(p), "index.html")); err != nil {
			t.Fatalf("the generated project has no page %s: %v", p, err)
		}
	}
	for _, scheme := range []string{"light", "dark"} {
		for _, width := range []int64{1280, 375} {
			browsertest.Viewport(t, ctx, width, scheme)
			for _, p := range pages {
				load(t, ctx, siteURL+p)
				for _, v := range axeViolations(t, ctx, axe) {
					t.Errorf("/%s (%s, %dpx): %s", p, scheme, width, v)
				}
			}
		}
	}
}
