package build

import (
	"encoding/binary"
	"html/template"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/brief-dev/brief/internal/brief"
)

// page is what every layout is executed with. Exactly one of the
// page-specific fields is set.
type page struct {
	Site  siteView
	Root  string // relative path from this page to the site root: "./", "../../"; a path from the host for 404.html
	Nav   string // "briefing", "sources", "matrix" or ""
	Title string // the page's own title, "" on the briefing

	Index   *indexView
	Source  *sourceView
	Sources []sourceRow
	Matrix  *matrixView
	// Pager is set on a list split into pages (the source list).
	Pager *pagerView
}

// pagerView places a page in a list split into pages.
type pagerView struct {
	Page, Pages int
	Total       int    // items in the whole list
	First, Last int    // the items on this page, from 1
	Prev, Next  string // links to the neighbours, "" for none
}

// siteView holds the site-wide settings.
type siteView struct {
	Title, Language, Author string
	BasePath                string // "/" or "/demo/"
}

// sourceRow describes a source in lists and tables.
type sourceRow struct {
	ID, Href       string
	Outlet, Title  string // Outlet is the source's label (see label)
	HasOutlet      bool   // the front matter names the outlet
	Author, Date   string
	DateLabel      string
	URL            string // original, http(s) only
	Claims         int    // claims (KindClaim sentences)
	Confirmed      int    // claims another source agrees with
	Disputed       int    // claims another source disagrees with
	TitleDerived   bool
	ConfirmedShare int // percent of Claims
}

// sourceView is a source page.
type sourceView struct {
	sourceRow
	Body  template.HTML // goldmark output from the safe configuration
	Notes []noteView
	Prev  *sourceRow
	Next  *sourceRow
}

func (a *analysis) sourceRow(s *brief.Source, root string) sourceRow {
	r := sourceRow{
		ID: s.ID, Href: root + "sources/" + s.ID + "/",
		Outlet: label(s), HasOutlet: s.Outlet != "", Title: s.Title, Author: s.Author, Date: s.Date,
		DateLabel: dateLabel(s.Date), URL: httpURL(s.URL), TitleDerived: s.TitleDerived,
	}
	if r.Title == "" {
		r.Title = s.ID
	}
	for _, c := range a.bySource[s.ID] {
		if c.Kind != brief.KindClaim {
			continue
		}
		r.Claims++
		if a.agreed(c) {
			r.Confirmed++
		}
		for _, l := range a.links[c.ID] {
			if l.Relation == brief.Disagree && !a.isDraft(a.other(l, c.ID)) {
				r.Disputed++
				break
			}
		}
	}
	if r.Claims > 0 {
		r.ConfirmedShare = r.Confirmed * 100 / r.Claims
	}
	return r
}

// dateLabel formats a YYYY-MM-DD date as "13 March 2025"; other dates
// are shown as written.
func dateLabel(d string) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return d
	}
	return t.Format("2 January 2006")
}

// sourceMarks returns the marks for a source page: an anchor at every
// claim, and after each linked claim its markers; notes collects the
// notes in reading order.
func (a *analysis) sourceMarks(s *brief.Source, ns *notes, refs refsHTML) ([]mark, error) {
	var marks []mark
	for _, c := range a.bySource[s.ID] {
		marks = append(marks, mark{off: c.Start, id: c.ID})
		var cn []noteItem
		for _, l := range a.links[c.ID] {
			o, os := a.other(l, c.ID), l.otherSrc
			if os == nil || os.Draft || o.Source == s.ID {
				continue
			}
			kind := "agree"
			if l.Relation == brief.Disagree {
				kind = "disagree"
			}
			it := newNote(kind, os, o, "../", l.Reason)
			it.Same = sameWords(o.Text, c.Text)
			cn = append(cn, it)
		}
		// Agreements first, then disagreements, each by outlet.
		slices.SortStableFunc(cn, func(x, y noteItem) int {
			if x.Kind != y.Kind {
				if x.Kind == "agree" {
					return -1
				}
				return 1
			}
			return strings.Compare(x.Outlet, y.Outlet)
		})
		if len(cn) > 0 {
			n := ns.add(cn)
			h, err := refs(refsView{Note: &n})
			if err != nil {
				return nil, err
			}
			marks = append(marks, mark{off: c.End, end: true, html: h})
		}
	}
	sortMarks(marks)
	return marks, nil
}

// sourceSig returns a hash of everything the page of source s (the
// i-th of rows) is made from: the theme, the site's settings, the
// source's file, its row and its neighbours', and what sourceMarks
// reads: its claims' offsets, their links and the claims and sources at
// the other end. Equal signatures mean equal pages, so after an edit
// the pages of sources the edit did not touch are copied without
// making their notes or keying their views. TestSourceSig changes each
// input in turn.
func (a *analysis) sourceSig(th *theme, sv siteView, s *brief.Source, f *parsedFile, rows []sourceRow, i int) [32]byte {
	// The hashers of valueKey, with their buffers: a buffer grown from
	// nothing for each page was a fifth of what a rebuild allocated.
	h, _ := th.hashers.Get().(*keyHasher)
	if h == nil {
		h = &keyHasher{buf: make([]byte, 0, 2*flushAt)}
	}
	defer th.hashers.Put(h)
	h.u, h.buf = &fieldUse{all: true}, h.buf[:0]
	h.h1.SetSeed(keySeeds[0])
	h.h2.SetSeed(keySeeds[1])
	h.buf = append(h.buf, th.sum[:]...)
	h.value(reflect.ValueOf(sv), true)
	h.buf = binary.AppendUvarint(h.buf, uint64(len(f.data)))
	h.flush()
	h.h1.Write(f.data) // not through buf: a file can be large
	h.h2.Write(f.data)
	h.buf = binary.AppendVarint(h.buf, int64(f.bodyOff))
	for _, j := range []int{i - 1, i, i + 1} {
		if j < 0 || j >= len(rows) {
			h.buf = append(h.buf, 0)
			continue
		}
		h.buf = append(h.buf, 1)
		h.value(reflect.ValueOf(rows[j]), true)
	}
	for _, c := range a.bySource[s.ID] {
		h.str(c.ID)
		h.buf = binary.AppendVarint(h.buf, int64(c.Start))
		h.buf = binary.AppendVarint(h.buf, int64(c.End))
		for _, l := range a.links[c.ID] {
			o := a.other(l, c.ID)
			h.str(string(l.Relation))
			h.str(l.Reason)
			h.str(o.ID)
			h.str(o.Text)
			h.str(o.Source)
			if os := a.src[o.Source]; os != nil {
				h.buf = append(h.buf, 1)
				if os.Draft {
					h.buf = append(h.buf, 1)
				}
				for _, x := range []string{label(os), os.Title, os.Date, os.URL, os.ID} {
					h.str(x)
				}
			} else {
				h.buf = append(h.buf, 0)
			}
		}
		h.buf = append(h.buf, 0xff)
	}
	h.flush()
	var k [32]byte
	binary.LittleEndian.PutUint64(k[:], h.h1.Sum64())
	binary.LittleEndian.PutUint64(k[8:], h.h2.Sum64())
	h.u = nil
	return k
}

// sortMarks orders marks by offset; at one offset the markers closing
// a claim come before the anchor opening the next.
func sortMarks(marks []mark) {
	sort.SliceStable(marks, func(i, j int) bool {
		if marks[i].off != marks[j].off {
			return marks[i].off < marks[j].off
		}
		return marks[i].end && !marks[j].end
	})
}
