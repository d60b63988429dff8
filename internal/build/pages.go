package build

import (
	"encoding/binary"
	"hash/maphash"
	"html/template"
	"reflect"
	"sort"
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
		var cn []noteView
		for _, l := range a.links[c.ID] {
			o := a.other(l, c.ID)
			os := a.src[o.Source]
			if os == nil || os.Draft || o.Source == s.ID {
				continue
			}
			kind := "agree"
			if l.Relation == brief.Disagree {
				kind = "disagree"
			}
			cn = append(cn, newNote(kind, os, o, "../../", l.Reason))
		}
		// Agreements first, then disagreements, each by outlet.
		sort.SliceStable(cn, func(i, j int) bool {
			if cn[i].Kind != cn[j].Kind {
				return cn[i].Kind == "agree"
			}
			return cn[i].Outlet < cn[j].Outlet
		})
		for i := range cn {
			cn[i] = ns.add(cn[i])
		}
		if len(cn) > 0 {
			h, err := refs(refsView{Notes: cn})
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
	h := &keyHasher{u: &fieldUse{all: true}}
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

// matrixView is the fact × source table.
type matrixView struct {
	Sources []sourceRow
	Rows    []matrixRow
}

type matrixRow struct {
	ID, Text, Href string
	Count          int // sources that agree
	Contested      bool
	Cells          []matrixCell
}

type matrixCell struct {
	State string // "agree", "disagree" or "silent"
	Href  string
	Label string // for screen readers: "Reuters agrees"
	Text  string // the source's sentence, as a tooltip
}

// matrix returns the fact × source table without its cells, and
// the cells that are not silent (cells[r] for m.Rows[r], each with its
// column): a large project's table has hundreds of thousands of cells,
// nearly all silent, so the page key is taken from this sparse form
// (see matrixKey) and the full rows are made by fillCells only when the
// page is rendered.
func (a *analysis) matrix(root string) (m *matrixView, cells [][]sparseCell) {
	m = &matrixView{}
	labels := make([]string, len(a.sources))
	for i, s := range a.sources {
		m.Sources = append(m.Sources, a.sourceRow(s, root))
		labels[i] = label(s)
	}
	for _, f := range a.facts {
		contested := a.contested(f)
		if len(f.sources) < 2 && !contested {
			continue
		}
		row := matrixRow{ID: f.id, Text: f.best.Text, Href: root + "sources/" + f.best.Source + "/#" + f.best.ID,
			Count: len(f.sources), Contested: contested}
		// The first claim of each source in f, and the first claim of
		// each source that disagrees with one in f.
		reports, disagrees := map[string]*brief.Claim{}, map[string]*brief.Claim{}
		for _, c := range f.claims {
			if reports[c.Source] == nil {
				reports[c.Source] = c
			}
			for _, l := range a.links[c.ID] {
				if o := a.other(l, c.ID); l.Relation == brief.Disagree && disagrees[o.Source] == nil {
					disagrees[o.Source] = o
				}
			}
		}
		var rc []sparseCell
		for i, s := range a.sources {
			if c := reports[s.ID]; c != nil {
				rc = append(rc, sparseCell{i, matrixCell{State: "agree", Href: root + "sources/" + s.ID + "/#" + c.ID,
					Label: labels[i] + ": reports it", Text: c.Text}})
			} else if c := disagrees[s.ID]; c != nil {
				rc = append(rc, sparseCell{i, matrixCell{State: "disagree", Href: root + "sources/" + s.ID + "/#" + c.ID,
					Label: labels[i] + ": disagrees", Text: c.Text}})
			}
		}
		m.Rows = append(m.Rows, row)
		cells = append(cells, rc)
	}
	order := make([]int, len(m.Rows))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return m.Rows[order[i]].Count > m.Rows[order[j]].Count })
	rows, sorted := make([]matrixRow, len(order)), make([][]sparseCell, len(order))
	for i, k := range order {
		rows[i], sorted[i] = m.Rows[k], cells[k]
	}
	m.Rows = rows
	return m, sorted
}

// sparseCell is a cell of the matrix that is not silent, and its column.
type sparseCell struct {
	col  int
	cell matrixCell
}

// matrixKey hashes the sparse cells and the sources' labels, which
// with the view's own key (pageKey of the view without cells) determine
// the whole table.
func (a *analysis) matrixKey(cells [][]sparseCell) uint64 {
	var h maphash.Hash
	h.SetSeed(keySeeds[0])
	var n [8]byte
	num := func(x int) {
		binary.LittleEndian.PutUint64(n[:], uint64(x))
		h.Write(n[:])
	}
	str := func(s string) {
		num(len(s))
		h.WriteString(s)
	}
	for _, s := range a.sources {
		str(label(s))
	}
	for _, rc := range cells {
		num(len(rc))
		for _, c := range rc {
			num(c.col)
			str(c.cell.State)
			str(c.cell.Href)
			str(c.cell.Label)
			str(c.cell.Text)
		}
	}
	return h.Sum64()
}

// fillCells gives every row of m its cells, silent ones included.
func (a *analysis) fillCells(m *matrixView, cells [][]sparseCell) {
	silent := make([]matrixCell, len(a.sources))
	for i, s := range a.sources {
		silent[i] = matrixCell{State: "silent", Label: label(s) + ": not reported"}
	}
	for r := range m.Rows {
		row := append([]matrixCell(nil), silent...)
		for _, c := range cells[r] {
			row[c.col] = c.cell
		}
		m.Rows[r].Cells = row
	}
}
