package build

import (
	"fmt"
	"strconv"
)

// The briefing's long sections (established facts, contested points,
// claims of one source, quotations) hold thousands of items in a large
// project: 92 MB of index.html at 10,000 articles when each was written
// on one page. Each section is therefore split into pages: the first,
// with the most-reported items, on the index, the others at
// <dir>/2/index.html, <dir>/3/index.html, … with links to the previous
// and the next page. A page holds at most the section's count of items
// and about sectionBudget bytes of HTML, estimated from the items' text
// (see the size functions below), so no page of the site grows with the
// project.

// section names one of the briefing's paged sections.
type section struct {
	id      string // the element ID of the section on the index
	dir     string // the folder of its later pages
	heading string // the section's heading
	max     int    // items a page holds at most
}

// The paged sections; variables for tests.
var (
	establishedSection = section{id: "established", dir: "established", heading: "Established", max: 100}
	contestedSection   = section{id: "contested", dir: "contested", heading: "Contested", max: 40}
	singleSection      = section{id: "single", dir: "one-source", heading: "Reported by one source", max: 60}
	quotesSection      = section{id: "quotations", dir: "quotations", heading: "Quotations", max: 40}
)

// sectionBudget bounds the estimated HTML of one page of a section. The
// estimates count the text and the fixed markup of each item; they err
// on the high side, and even three times over the budget a page stays
// well under 2 MB.
var sectionBudget = 200_000

// indexSourceRows is how many rows of the source table the index shows;
// the whole table is the source list (sources/).
var indexSourceRows = 100

// partView describes a later page of one section of the briefing.
type partView struct {
	ID, Heading string
	Briefing    string // the section on the index, relative to this page
}

// split cuts n items into pages of at most max items and about budget
// bytes, the size of item i being size(i), and returns the index of the
// first item of each page after the first. A page holds at least one
// item, so an item larger than the budget has a page of its own.
func split(n, max, budget int, size func(int) int) []int {
	var starts []int
	count, bytes := 0, 0
	for i := 0; i < n; i++ {
		s := size(i)
		if count > 0 && (count >= max || bytes+s > budget) {
			starts = append(starts, i)
			count, bytes = 0, 0
		}
		count++
		bytes += s
	}
	return starts
}

// pageRange returns the items [from, to) of page p (from 1) given the
// starts of split over n items.
func pageRange(starts []int, n, p int) (from, to int) {
	if p-2 >= len(starts) {
		return n, n // no such page
	}
	if p > 1 {
		from = starts[p-2]
	}
	to = n
	if p-1 < len(starts) {
		to = starts[p-1]
	}
	return from, to
}

// sectionPath is the file of page p of section s; page 1 is the index.
func sectionPath(s section, p int) string {
	if p <= 1 {
		return "index.html"
	}
	return s.dir + "/" + strconv.Itoa(p) + "/index.html"
}

// sectionHref links to page p of section s (at its section's element on
// the index) from a page whose path to the site root is root.
func sectionHref(s section, p int, root string) string {
	if p <= 1 {
		return root + "#" + s.id
	}
	return fmt.Sprintf("%s%s/%d/", root, s.dir, p)
}

// sectionPager places page p of pages in section s, holding items
// [from, to) of total; nil when the section has one page.
func sectionPager(s section, p, pages, from, to, total int, root string) *pagerView {
	if pages <= 1 {
		return nil
	}
	v := &pagerView{Page: p, Pages: pages, Total: total, First: from + 1, Last: to}
	if p > 1 {
		v.Prev = sectionHref(s, p-1, root)
	}
	if p < pages {
		v.Next = sectionHref(s, p+1, root)
	}
	return v
}

// The size functions estimate the HTML of an item: its text and links,
// plus the fixed markup around them (counted from the default theme).

func contestSize(v contestView) int {
	n := 400
	for _, r := range v.Reasons {
		n += 80 + len(r.Text)
	}
	for _, x := range v.Variants {
		n += 250 + len(x.Href) + wordsSize(x.Words) + refsSize(x.Sources)
	}
	for _, c := range v.More {
		n += 30 + len(c.Text) + len(c.Href)
	}
	return n
}

func singleSize(g singleGroup) int {
	n := 300 + len(g.Source.Outlet)
	for _, c := range g.Claims {
		n += 160 + len(c.Text) + len(c.Href)
	}
	return n
}

func speakerSize(v speakerView) int {
	n := 100 + len(v.Speaker)
	for _, g := range v.Groups {
		n += 60
		for _, x := range g.Variants {
			n += 120 + wordsSize(x.Words) + refsSize(x.Sources)
		}
	}
	return n
}

func wordsSize(ws []wordView) int {
	n := 0
	for _, w := range ws {
		n += len(w.Space) + len(w.Text)
		if w.Diff {
			n += 13
		}
	}
	return n
}

func refsSize(rs []srcRef) int {
	n := 0
	for _, r := range rs {
		n += 20 + len(r.Href) + len(r.Outlet)
	}
	return n
}

// maxSpeakerGroups is how many quotation groups of one speaker make one
// item of the quotations section: a speaker quoted in hundreds of
// sources is split into several items, which may fall on several pages.
const maxSpeakerGroups = 40

// chunkSpeakers splits speakers with more than maxSpeakerGroups groups.
func chunkSpeakers(list []speakerView) []speakerView {
	var out []speakerView
	for _, sp := range list {
		for len(sp.Groups) > maxSpeakerGroups {
			out = append(out, speakerView{Speaker: sp.Speaker, Groups: sp.Groups[:maxSpeakerGroups:maxSpeakerGroups]})
			sp.Groups = sp.Groups[maxSpeakerGroups:]
		}
		out = append(out, sp)
	}
	return out
}

// The rebase functions prefix the links of an item made with root ""
// with the root of the page it is shown on.

func rebaseContest(v *contestView, root string) {
	for i := range v.Variants {
		x := &v.Variants[i]
		x.Href = root + x.Href
		rebaseRefs(x.Sources, root)
	}
	for i := range v.More {
		v.More[i].Href = root + v.More[i].Href
	}
}

func rebaseSingle(g *singleGroup, root string) {
	g.Source.Href = root + g.Source.Href
	for i := range g.Claims {
		g.Claims[i].Href = root + g.Claims[i].Href
	}
}

func rebaseSpeaker(v *speakerView, root string) {
	for _, g := range v.Groups {
		for _, x := range g.Variants {
			rebaseRefs(x.Sources, root)
		}
	}
}

func rebaseRefs(rs []srcRef, root string) {
	for i := range rs {
		rs[i].Href = root + rs[i].Href
	}
}
