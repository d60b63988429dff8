package main

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/brief-dev/brief/internal/browsertest"
)

// TestMatrixFits opens the example's matrix at 1280 px, where the page
// must not scroll sideways and every source has its column, and at 390
// px, where the column heads are hidden and each fact lists its sources,
// each mark followed by its column's outlet; a mark's link is named by
// its column's head and what it says.
func TestMatrixFits(t *testing.T) {
	ctx := browsertest.New(t)
	siteURL, _ := builtSite(t, nil)
	for _, tc := range []struct {
		width      int64
		headsShown bool
	}{{1280, true}, {390, false}} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(tc.width, 900)); err != nil {
			t.Fatal(err)
		}
		load(t, ctx, siteURL+"matrix/")
		// Neither the page nor any box around or in the table scrolls.
		if got := eval[int](t, ctx, `(() => {
  const scrolls = e => e === document.documentElement || ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
  let worst = 0;
  for (let e = document.querySelector('.matrix'); e; e = e.parentElement) if (scrolls(e)) worst = Math.max(worst, e.scrollWidth - e.clientWidth);
  for (const e of document.querySelectorAll('.matrix *')) if (scrolls(e)) worst = Math.max(worst, e.scrollWidth - e.clientWidth);
  return worst;
})()`); got > 0 {
			t.Errorf("%d px: the matrix scrolls sideways by %d px", tc.width, got)
		}
		if got := eval[int](t, ctx, `document.querySelectorAll('.matrix [role=row]:not(.mhead)').length`); got == 0 {
			t.Fatalf("%d px: no row in the matrix", tc.width)
		}
		heads := eval[bool](t, ctx, `getComputedStyle(document.querySelector('.mhead')).display !== 'none'`)
		if heads != tc.headsShown {
			t.Errorf("%d px: column heads shown = %v, want %v", tc.width, heads, tc.headsShown)
		}
		// Every mark lies inside the table's box and under the middle of
		// its column's head (wide) or shows its source's name (narrow).
		bad := eval[[]string](t, ctx, `(() => {
  const out = [], table = document.querySelector('.matrix').getBoundingClientRect();
  const heads = [...document.querySelectorAll('.mhead [role=columnheader]')];
  for (const c of document.querySelectorAll('.matrix [role=cell]')) {
    const r = c.getBoundingClientRect();
    if (r.right > table.right + 1 || r.left < table.left - 1) out.push('outside the table: ' + c.textContent);
    if (`+wide(tc.headsShown)+`) {
      const h = heads[+c.getAttribute('aria-colindex') - 1].getBoundingClientRect();
      const mid = (h.left + h.right) / 2;
      if (mid < r.left || mid > r.right) out.push('not under its head: ' + c.textContent);
    } else {
      // The outlet drawn after the mark is its column's (--oN).
      const a = c.querySelector('a'), shown = getComputedStyle(a, '::after').content;
      const head = heads[+c.getAttribute('aria-colindex') - 1].textContent;
      if (!shown.startsWith(JSON.stringify(head)) || a.getBoundingClientRect().width < 20) out.push('source name ' + shown + ' shown, want ' + head + ': ' + a.href);
    }
    // The link's name is its column's outlet and what the mark says.
    const a = c.querySelector('a');
    const name = a.getAttribute('aria-labelledby').split(' ').map(id => document.getElementById(id).textContent).join(' ');
    const want = heads[+c.getAttribute('aria-colindex') - 1].textContent + (c.classList.contains('cell-agree') ? ' reports it' : ' disagrees');
    if (name !== want) out.push('mark named ' + JSON.stringify(name) + ', want ' + JSON.stringify(want));
  }
  for (const h of heads) if (h.querySelector('a') && getComputedStyle(h.querySelector('a'), '::after').display !== 'none') out.push('head writes its outlet twice: ' + h.textContent);
  return out.slice(0, 5);
})()`)
		for _, b := range bad {
			t.Errorf("%d px: %s", tc.width, b)
		}
	}
}

func wide(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
