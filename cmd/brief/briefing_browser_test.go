package main

// Browser tests of the briefing's design (issue 10): how long the page
// is on screen and on paper, that each note is shown once, that the
// marker after a sentence opens its note by mouse and by keyboard, and
// that margin notes sit beside their line.

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/brief-dev/brief/internal/browsertest"
)

// Limits of issue 10, acceptance 2, for the example project.
const (
	maxIndexHeight = 8000 // CSS px at 1280 px wide
	maxPrintPages  = 8    // A4
)

// pdfPages counts the pages of a PDF, with pdfinfo when it is installed
// and otherwise by its page objects (Chromium writes no object streams).
func pdfPages(t *testing.T, pdf []byte) int {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err == nil {
		f := filepath.Join(t.TempDir(), "x.pdf")
		if err := os.WriteFile(f, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdfinfo", f).Output()
		if err == nil {
			if m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out); m != nil {
				n, _ := strconv.Atoi(string(m[1]))
				return n
			}
		}
	}
	return len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1))
}

// TestBriefingLength checks acceptance 2 of issue 10 on the example: the
// briefing is at most 8,000 px tall at 1280 px and prints on at most 8
// A4 pages, and on every page no note's text is shown twice.
func TestBriefingLength(t *testing.T) {
	ctx := browsertest.New(t)
	siteURL, public := builtSite(t, nil)
	browsertest.Viewport(t, ctx, 1280, "light")
	load(t, ctx, siteURL)
	h := eval[int](t, ctx, `document.documentElement.scrollHeight`)
	t.Logf("index: %d px tall at 1280 px", h)
	if h > maxIndexHeight {
		t.Errorf("index is %d px tall at 1280 px, want at most %d", h, maxIndexHeight)
	}
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("BRIEF_PDF_DIR"); dir != "" {
		os.WriteFile(filepath.Join(dir, "briefing.pdf"), pdf, 0o644)
	}
	n := pdfPages(t, pdf)
	t.Logf("index: %d printed pages", n)
	if n > maxPrintPages {
		t.Errorf("index prints on %d pages, want at most %d", n, maxPrintPages)
	}
	if n == 0 {
		t.Errorf("no page in the printed PDF")
	}

	// No note text twice: every sentence quoted in a note is visible at
	// most once (innerText holds only what is rendered), and no list of
	// notes is shown on screen beside the margin notes.
	for _, width := range []int64{1280, 390} {
		browsertest.Viewport(t, ctx, width, "light")
		for _, p := range htmlPages(t, public) {
			load(t, ctx, siteURL+p)
			dup := eval[[]string](t, ctx, `(() => {
  const text = document.body.innerText.replace(/\s+/g, ' ');
  const out = [];
  for (const q of new Set([...document.querySelectorAll('.note .qt')].map(q => q.textContent.replace(/\s+/g, ' ').trim()))) {
    if (q.length < 20) continue;
    const n = text.split(q).length - 1;
    if (n > 1) out.push('note text shown ' + n + '× ' + q.slice(0, 60));
  }
  // Until a note is opened, no sentence of a note is shown: the list at
  // the end is not on screen, margin notes show names only.
  const h = document.getElementById('notes-heading');
  if (h && h.checkVisibility()) out.push('the Notes list is shown');
  const shown = [...document.querySelectorAll('.note .qt')].filter(q => q.checkVisibility()).length;
  if (shown) out.push(shown + ' sentences of closed notes shown');
  return out.slice(0, 5);
})()`)
			for _, d := range dup {
				t.Errorf("%d px /%s: %s", width, p, d)
			}
		}
	}
}

// markerState is what the page says about a sentence's marker and note.
type markerState struct {
	Expanded string `json:"expanded"`
	Shown    bool   `json:"shown"`
	Focus    string `json:"focus"`
}

const markerStateJS = `(() => {
  const m = document.querySelector('#main .mk');
  const n = document.getElementById(m.getAttribute('aria-controls'));
  const a = document.activeElement;
  return {expanded: m.getAttribute('aria-expanded') || '', shown: n.classList.contains('open') && n.getBoundingClientRect().height > 0 && getComputedStyle(n).visibility !== 'hidden',
    focus: a === m ? 'marker' : (n.contains(a) ? 'note' : (a ? a.tagName : ''))};
})()`

// TestMarkerPanel opens and closes the note of the draft's first
// sentence by mouse and by keyboard, wide and narrow, and checks that
// focus returns to the marker.
func TestMarkerPanel(t *testing.T) {
	ctx := browsertest.New(t)
	siteURL, _ := builtSite(t, nil)
	key := func(k string) chromedp.Action[chromedp.Void] { return chromedp.KeyEvent(k) }
	state := func() markerState { return eval[markerState](t, ctx, markerStateJS) }
	for _, width := range []int64{1280, 390} {
		browsertest.Viewport(t, ctx, width, "light")
		load(t, ctx, siteURL)
		if s := state(); s.Expanded != "false" || s.Shown {
			t.Fatalf("%d px: before any action: %+v, want a closed note", width, s)
		}
		// Mouse: a click opens, a second click closes.
		if err := chromedp.Do(ctx, chromedp.ScrollIntoView(chromedp.CSS("#main .mk")), chromedp.Click(chromedp.CSS("#main .mk"))); err != nil {
			t.Fatal(err)
		}
		if s := state(); s.Expanded != "true" || !s.Shown {
			t.Errorf("%d px: after a click: %+v, want the note open", width, s)
		}
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#main .mk"))); err != nil {
			t.Fatal(err)
		}
		if s := state(); s.Expanded != "false" || s.Shown {
			t.Errorf("%d px: after a second click: %+v, want the note closed", width, s)
		}
		// Keyboard: Enter opens and moves focus into the note; Escape
		// closes it and returns focus to the marker.
		eval[chromedp.Void](t, ctx, `document.querySelector('#main .mk').focus()`)
		if err := chromedp.Do(ctx, key("\r")); err != nil {
			t.Fatal(err)
		}
		if s := state(); s.Expanded != "true" || !s.Shown || s.Focus != "note" {
			t.Errorf("%d px: after Enter: %+v, want the note open with focus in it", width, s)
		}
		if err := chromedp.Do(ctx, key(kb.Escape)); err != nil {
			t.Fatal(err)
		}
		if s := state(); s.Expanded != "false" || s.Shown || s.Focus != "marker" {
			t.Errorf("%d px: after Escape: %+v, want the note closed and focus on the marker", width, s)
		}
		// A click elsewhere closes an open note.
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#main .mk"))); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.MouseClickXY(5, 5)); err != nil {
			t.Fatal(err)
		}
		if s := state(); s.Shown {
			t.Errorf("%d px: after a click outside: %+v, want the note closed", width, s)
		}
	}
}

// notedPages lists the built pages that carry margin notes: the
// briefing and each source page (not the list of sources).
func notedPages(t *testing.T, public string) []string {
	t.Helper()
	var pages []string
	for _, p := range htmlPages(t, public) {
		if p == "" || strings.HasPrefix(p, "sources/") && p != "sources/" {
			pages = append(pages, p)
		}
	}
	return pages
}

// TestMarginNotes checks, at 1280 px, that every margin note's top lies
// within one line of its marker's line and that no two notes overlap,
// on the briefing and on every source page; and at 390 px that markers
// are never split across lines nor alone on a line.
func TestMarginNotes(t *testing.T) {
	ctx := browsertest.New(t)
	siteURL, public := builtSite(t, nil)
	for _, width := range []int64{1280, 390} {
		browsertest.Viewport(t, ctx, width, "light")
		for _, p := range notedPages(t, public) {
			load(t, ctx, siteURL+p)
			res := eval[[]string](t, ctx, `(() => {
  const out = [];
  const wide = `+strconv.FormatBool(width >= 1120)+`;
  const marks = [...document.querySelectorAll('#main .mk')];
  if (!marks.length) return ['no marker on the page'];
  let prev = null, placed = 0, far = 0, crowded = 0;
  const line = parseFloat(getComputedStyle(document.querySelector('#main .prose, #main')).lineHeight) || 29;
  for (const m of marks) {
    if (!m.checkVisibility()) continue; // in a closed disclosure
    const rects = m.getClientRects();
    if (rects.length !== 1) out.push('marker split over ' + rects.length + ' boxes: ' + m.textContent);
    // The text just before the marker ends on the marker's line.
    const r = document.createRange();
    const refs = m.closest('.refs');
    let t = refs.previousSibling;
    while (t && !(t.textContent || '').trim()) t = t.previousSibling;
    if (t) {
      r.selectNodeContents(t);
      const tr = [...r.getClientRects()].filter(x => x.width > 0).pop();
      if (tr && Math.abs(tr.top - rects[0].top) > line / 2 && Math.abs(tr.bottom - rects[0].bottom) > line / 2) out.push('marker alone on its line: ' + m.textContent);
    }
    if (!wide) continue;
    const n = document.getElementById(m.getAttribute('aria-controls'));
    const nr = n.getBoundingClientRect(), mr = rects[0];
    if (nr.height === 0) { out.push('note ' + n.id + ' not shown in the margin'); continue; }
    if (nr.left < document.querySelector('#main .prose, #main .facts, #main').getBoundingClientRect().right - 1 && nr.left < mr.right) out.push('note ' + n.id + ' is not in the margin');
    if (prev && nr.top < prev.bottom - 0.5) out.push('note ' + n.id + ' overlaps the one above it');
    // The marker counts the sources on each side, not their sentences.
    for (const [k, cls] of [['a', 'ni-a'], ['d', 'ni-d']]) {
      const shown = +((m.querySelector('.mk-' + k) || {textContent: '0'}).textContent.replace(/\D/g, ''));
      const srcs = new Set([...n.querySelectorAll('.' + cls + ' a')].map(a => a.getAttribute('href').split('#')[0]));
      if (shown !== srcs.size) out.push('marker ' + m.textContent + ' counts ' + shown + ' ' + cls + ', its note has ' + srcs.size + ' sources');
    }
    // A closed note names each source once on each side.
    const names = [...n.querySelectorAll('.ni-list a')].filter(a => a.checkVisibility()).map(a => a.closest('li').classList[0] + ' ' + a.textContent);
    if (new Set(names).size !== names.length) out.push('note ' + n.id + ' names a source twice: ' + names.join(', '));
    // A note lies within a line of its marker, unless the margin has
    // no room there: the note above reaches down to it.
    const packed = prev && nr.top - prev.bottom <= 8;
    prev = nr;
    placed++;
    if (Math.abs(nr.top - mr.top) > line && !packed) far++;
    if (nr.top < mr.top - line) far++;
    if (Math.abs(nr.top - mr.top) > line && packed) crowded++;
  }
  if (wide && far) out.push(far + ' of ' + placed + ' notes more than a line from their marker with room to be nearer');
  if (wide) out.push('log: ' + crowded + ' of ' + placed + ' notes pushed down by the one above');
  return out.slice(0, 8);
})()`)
			for _, r := range res {
				if msg, ok := strings.CutPrefix(r, "log: "); ok {
					t.Logf("%d px /%s: %s", width, p, msg)
					continue
				}
				t.Errorf("%d px /%s: %s", width, p, r)
			}
		}
	}
}

// TestScreenshots writes screenshots of the briefing, a source page
// and the matrix at 1280 and 390 px, light and dark, whole pages, and
// of the briefing with its first note open, with script and without,
// into $BRIEF_SCREENSHOT_DIR
// (issue 10, acceptance 1: look at them). It is skipped without it.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("BRIEF_SCREENSHOT_DIR")
	if dir == "" {
		t.Skip("set BRIEF_SCREENSHOT_DIR to write screenshots")
	}
	ctx := browsertest.New(t)
	siteURL, public := builtSite(t, nil)
	source := firstSourcePage(t, public)
	shot := func(name string, full bool) {
		t.Helper()
		var png []byte
		var err error
		if full {
			png, err = chromedp.Run(ctx, chromedp.FullScreenshot(100))
		} else {
			png, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, scheme := range []string{"light", "dark"} {
		for _, width := range []int64{1280, 390} {
			browsertest.Viewport(t, ctx, width, scheme)
			for name, p := range map[string]string{"index": "", "source": source, "matrix": "matrix/"} {
				load(t, ctx, siteURL+p)
				shot(fmt.Sprintf("%s-%d-%s", name, width, scheme), true)
			}
			load(t, ctx, siteURL)
			if err := chromedp.Do(ctx, chromedp.ScrollIntoView(chromedp.CSS("#main .mk")), chromedp.Click(chromedp.CSS("#main .mk"))); err != nil {
				t.Fatal(err)
			}
			shot(fmt.Sprintf("index-open-%d-%s", width, scheme), false)
		}
	}
	// Without script: the notes placed by the stylesheet alone, and a
	// note opened by following its marker.
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	for _, scheme := range []string{"light", "dark"} {
		for _, width := range []int64{1280, 390} {
			browsertest.Viewport(t, ctx, width, scheme)
			for name, p := range map[string]string{"index": "", "source": source} {
				load(t, ctx, siteURL+p)
				shot(fmt.Sprintf("noscript-%s-%d-%s", name, width, scheme), true)
			}
			load(t, ctx, siteURL)
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#main .mk"))); err != nil {
				t.Fatal(err)
			}
			shot(fmt.Sprintf("noscript-index-open-%d-%s", width, scheme), false)
		}
	}
}

// TestMarginNotesNoScript checks the notes with script off (issue 10:
// "a CSS-only fallback"). At 1280 px every note whose marker is shown
// lies in the margin beside its marker's line, placed by the stylesheet
// alone; no two overlap; the list's heading is not shown, nor any
// note's text twice; a note whose marker is hidden in a closed
// disclosure is hidden too; and a marker, a plain link to its note,
// opens the note with its sentences. At 390 px the notes are the list at
// the end of the page that the markers jump to.
func TestMarginNotesNoScript(t *testing.T) {
	ctx := browsertest.New(t)
	siteURL, public := builtSite(t, nil)
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int64{1280, 390} {
		browsertest.Viewport(t, ctx, width, "light")
		for _, p := range notedPages(t, public) {
			load(t, ctx, siteURL+p)
			res := eval[[]string](t, ctx, `(() => {
  const out = [];
  if (document.documentElement.classList.contains('js')) return ['brief.js ran: script is not off'];
  const wide = `+strconv.FormatBool(width >= 1120)+`;
  const marks = [...document.querySelectorAll('#main a.mk[aria-controls]')];
  if (!marks.length) return ['no marker on the page'];
  const heading = document.getElementById('notes-heading');
  const headingShown = heading && heading.getBoundingClientRect().height > 1;
  if (wide === headingShown) out.push('the Notes heading is ' + (headingShown ? 'shown' : 'hidden'));
  const line = parseFloat(getComputedStyle(document.querySelector('#main .prose, #main')).lineHeight) || 29;
  const placed = [];
  let hiddenShown = 0, shown = 0;
  for (const m of marks) {
    const n = document.getElementById(m.getAttribute('aria-controls'));
    const nr = n.getBoundingClientRect();
    const visible = nr.height > 0 && n.checkVisibility({visibilityProperty: true});
    if (!m.checkVisibility()) { if (wide && visible) hiddenShown++; continue; }
    if (!wide) continue;
    const mr = m.getClientRects()[0];
    if (!visible) { out.push('note ' + n.id + ' not shown'); continue; }
    shown++;
    const column = m.closest('p, li').getBoundingClientRect().right;
    if (nr.left < column - 1) out.push('note ' + n.id + ' is not in the margin (left ' + Math.round(nr.left) + ' < ' + Math.round(column) + ')');
    if (Math.abs(nr.top - mr.top) > line) out.push('note ' + n.id + ' is ' + Math.round(nr.top - mr.top) + ' px from its marker');
    // Its one line starts with the sources that disagree.
    const d = n.querySelector('.ni-d a');
    if (d) { const dr = d.getBoundingClientRect(); if (dr.top < nr.top - 0.5 || dr.bottom > nr.bottom + 0.5) out.push('note ' + n.id + ' hides the sources that disagree'); }
    placed.push({id: n.id, top: nr.top, bottom: nr.bottom, line: mr.top});
  }
  // Without script nothing stacks the notes: two sentences ending on
  // one line share it (logged); on different lines, they must not meet.
  placed.sort((a, b) => a.top - b.top);
  let sameLine = 0;
  for (let i = 1; i < placed.length; i++) {
    if (placed[i].top >= placed[i-1].bottom - 0.5) continue;
    if (Math.abs(placed[i].line - placed[i-1].line) < line / 2) sameLine++;
    else out.push('note ' + placed[i].id + ' overlaps ' + placed[i-1].id);
  }
  if (sameLine) out.push('log: ' + sameLine + ' notes share their line with another');
  if (hiddenShown) out.push(hiddenShown + ' notes shown whose marker is hidden');
  // No note text twice on screen.
  const text = document.body.innerText.replace(/\s+/g, ' ');
  for (const q of new Set([...document.querySelectorAll('.note .qt')].map(q => q.textContent.replace(/\s+/g, ' ').trim()))) {
    if (q.length >= 20 && text.split(q).length > 2) out.push('note text shown twice: ' + q.slice(0, 60));
  }
  if (wide) out.push('log: ' + shown + ' notes in the margin');
  return out.slice(0, 8);
})()`)
			for _, r := range res {
				if msg, ok := strings.CutPrefix(r, "log: "); ok {
					t.Logf("%d px /%s: %s", width, p, msg)
					continue
				}
				t.Errorf("%d px /%s: %s", width, p, r)
			}
		}
	}
	// A marker is a link to its note: followed, the note shows its
	// sources' sentences (wide: in the margin; narrow: in the list).
	for _, width := range []int64{1280, 390} {
		browsertest.Viewport(t, ctx, width, "light")
		load(t, ctx, siteURL)
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#main a.mk"))); err != nil {
			t.Fatal(err)
		}
		got := eval[string](t, ctx, `(() => {
  const m = document.querySelector('#main a.mk'), n = document.getElementById(m.getAttribute('aria-controls'));
  if (location.hash !== '#' + n.id) return 'location is ' + location.hash + ', want #' + n.id;
  const q = n.querySelector('.qt');
  if (!q || !q.checkVisibility() || q.getBoundingClientRect().height === 0) return 'the note does not show its sentences';
  const r = n.getBoundingClientRect();
  if (r.top < 0 || r.top > innerHeight) return 'the note is not in view';
  return '';
})()`)
		if got != "" {
			t.Errorf("%d px: after following the first marker: %s", width, got)
		}
	}
}
