package build_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/build"
)

var relRx = regexp.MustCompile(`<a href="([^"]*)" rel="(prev|next)">`)

// pagerLinks returns the prev and next links of the pagers of page p
// ("" for none), keyed by "prev"/"next", for the first pager after the
// section's element.
func pagerLinks(t *testing.T, site *build.Site, p, section string) map[string]string {
	t.Helper()
	data, ok := site.Bytes(p)
	if !ok {
		t.Fatalf("no %s", p)
	}
	s := string(data)
	i := strings.Index(s, `id="`+section+`"`)
	if i < 0 {
		t.Fatalf("%s: no section %q", p, section)
	}
	s = s[i:]
	if j := strings.Index(s, "</section>"); j >= 0 {
		s = s[:j]
	}
	out := map[string]string{}
	for _, m := range relRx.FindAllStringSubmatch(s, -1) {
		out[m[2]] = m[1]
	}
	return out
}

// TestBriefingPaged splits every section of the briefing into pages of
// one item: the index shows the first of each, established/2/,
// contested/2/, one-source/2/ and on the others, each page links to its
// neighbours, and every link resolves, under a sub-path too ("also
// contested" points to the page holding its point).
func TestBriefingPaged(t *testing.T) {
	defer build.SetSectionPaging(1, 1<<20)()
	for _, base := range []string{"/", "/repo/"} {
		site := smallSite(t, base)
		for _, sec := range []struct {
			id, dir string
			pages   int
		}{{"established", "established", 2}, {"contested", "contested", 2}, {"single", "one-source", 3}, {"quotations", "quotations", 1}} {
			// Follow the next links from the index to the last page,
			// and the prev link of each page back.
			p, n := "index.html", 1
			for {
				links := pagerLinks(t, site, p, sec.id)
				next, ok := links["next"]
				if !ok {
					break
				}
				n++
				want := sec.dir + "/" + string(rune('0'+n)) + "/"
				if p == "index.html" && next != "./"+want || p != "index.html" && next != "../../"+want {
					t.Errorf("%s %s: next %q, want page %d", base, p, next, n)
				}
				p = want + "index.html"
				prev := pagerLinks(t, site, p, sec.id)["prev"]
				wantPrev := "../../#" + sec.id
				if n > 2 {
					wantPrev = "../../" + sec.dir + "/" + string(rune('0'+n-1)) + "/"
				}
				if prev != wantPrev {
					t.Errorf("%s %s: prev %q, want %q", base, p, prev, wantPrev)
				}
			}
			if n != sec.pages {
				t.Errorf("%s %s: %d pages, want %d", base, sec.id, n, sec.pages)
			}
			if _, ok := site.Bytes(sec.dir + "/" + string(rune('0'+n+1)) + "/index.html"); ok {
				t.Errorf("%s %s: a page after the last", base, sec.id)
			}
		}
		if checked := checkLinks(t, site, base); checked < 50 {
			t.Errorf("only %d links checked", checked)
		}
	}
}

// TestBriefingPageBound builds the small site with a small budget: the
// section pages must stay within a bound of it, whatever the number of
// items, since each page is cut at the budget by its items' estimated
// HTML.
func TestBriefingPageBound(t *testing.T) {
	const budget = 1500
	defer build.SetSectionPaging(1000, budget)()
	site := smallSite(t, "/")
	chrome := 0 // an empty page of the layout: the largest without items
	n := 0
	for _, p := range site.Paths() {
		for _, dir := range []string{"established/", "contested/", "one-source/", "quotations/"} {
			if !strings.HasPrefix(p, dir) {
				continue
			}
			n++
			data, _ := site.Bytes(p)
			// The page's items: between the section and the notes.
			s := string(data)
			i, j := strings.Index(s, `<section id=`), strings.LastIndex(s, `<nav class="pager" aria-label="Pages of this section"`)
			if i < 0 || j < i {
				t.Fatalf("%s: no section or pager", p)
			}
			items := j - i
			if k := strings.Index(s, `<section class="notes"`); k > 0 {
				items += strings.Index(s[k:], "</section>")
			}
			if items > 2*budget {
				t.Errorf("%s: %d bytes of items, budget %d", p, items, budget)
			}
			chrome = max(chrome, len(s)-items)
		}
	}
	if n < 3 {
		t.Errorf("%d section pages, want the budget to split the sections", n)
	}
	t.Logf("%d section pages, largest chrome %d bytes", n, chrome)
}
