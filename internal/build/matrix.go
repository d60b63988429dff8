package build

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/brief-dev/brief/internal/brief"
)

// The fact × source matrix of a large project cannot be one table: a
// thousand sources make a thousand columns, nearly every cell silent.
// So the sources are split into groups of at most matrixCols that
// report the same facts (see sourceGroups), each group gets a table of
// the facts its sources report, and a table longer than matrixRows is
// split into pages. Only cells that say something exist, in memory and
// in the HTML; the theme places each in its column.
const (
	matrixCols = 12  // sources in one table: a table of 12 fits 1280 px
	matrixRows = 200 // facts on one page
)

// matrixView is one page of the matrix: a table, or (for projects with
// more than one group of sources) the list of tables.
type matrixView struct {
	Sources []sourceRow // the table's columns
	Rows    []matrixRow
	// Page and Pages number the tables' pages; Prev, Next and Contents
	// link to the neighbours and the list ("" where there is none).
	Page, Pages          int
	Prev, Next, Contents string
	Groups               []matrixGroup // on the list only
	Facts                int           // facts in the whole matrix
}

type matrixRow struct {
	ID, Text, Href string
	Count          int // sources that report it, in all groups
	Others         int // of them, sources outside this table
	Contested      bool
	Cells          []matrixCell // in column order, silent cells left out
	// Also are the marks of sources in other tables that alone mark
	// the fact there: those tables leave the row out, and the fact's
	// table (the one where most of its sources are) names them instead.
	Also []matrixCell
}

// matrixCell is a cell that is not silent.
type matrixCell struct {
	Col    int    // the column in the table, 2 for the first source (1 is the fact)
	State  string // "agree" or "disagree"
	Href   string
	Outlet string
	Label  string // "reports it" or "disagrees"
	Text   string // the source's sentence
	// Reason is a disagreement's reason (what differs), the mark's
	// tooltip; "" for a source that reports the fact, whose sentence
	// the link leads to. A tooltip of each sentence whole was 5.9 MB
	// of the 1,000-article matrix.
	Reason string
}

// matrixGroup is an entry of the list of tables.
type matrixGroup struct {
	Href    string
	Page    int
	Sources []string // outlets
	Rows    int
}

// matrixPage is a page of the matrix and its path. view makes the
// page's view when it is rendered: a table's rows carry their links
// relative to the page, and a large project's tables hold hundreds of
// thousands of cells (114 MB of HTML at 10,000 articles), so they are
// not all made at once.
type matrixPage struct {
	path string
	root string
	view func() *matrixView
}

// matrixPages returns the pages of the matrix: matrix/index.html, the
// only table when the project has one group of sources and else the
// list of tables, which are then matrix/<n>/index.html.
func (a *analysis) matrixPages() []matrixPage {
	groups := a.sourceGroups()
	colOf := make([]int, len(a.sources))   // column of each source in its group
	groupOf := make([]int, len(a.sources)) // group of each source
	for g, members := range groups {
		for k, i := range members {
			groupOf[i], colOf[i] = g, k+2
		}
	}
	index := make(map[string]int, len(a.sources))
	for i, s := range a.sources {
		index[s.ID] = i
	}

	// Each fact's cells, distributed to the groups of their sources.
	rows := make([][]matrixRow, len(groups))
	facts := 0
	for _, f := range a.facts {
		contested := a.contested(f)
		if len(f.sources) < 2 && !contested {
			continue
		}
		facts++
		// The first claim of each source in f, then the first claim of
		// each other source that disagrees with one in f.
		var cells []sourceCell
		seen := map[int]bool{}
		for _, c := range f.claims {
			if i, ok := index[c.Source]; ok && !seen[i] {
				seen[i] = true
				cells = append(cells, sourceCell{i, "agree", c, ""})
			}
		}
		for _, c := range f.claims {
			for _, l := range a.links[c.ID] {
				o := a.other(l, c.ID)
				if i, ok := index[o.Source]; ok && l.Relation == brief.Disagree && !seen[i] {
					seen[i] = true
					cells = append(cells, sourceCell{i, "disagree", o, l.Reason})
				}
			}
		}
		slices.SortFunc(cells, func(x, y sourceCell) int { return cmp.Compare(x.src, y.src) })
		// The fact's table is that of the group with the most of its
		// marks (the first of them on a tie). A group with one mark of
		// it has no row for it: its mark is named in the fact's row (a
		// fact reported across a corpus, by one source of each of many
		// groups, was a row of one mark in each of their tables, half
		// the matrix's HTML at 1,000 articles).
		marks := map[int]int{} // group -> marks
		home := -1
		for _, sc := range cells {
			g := groupOf[sc.src]
			marks[g]++
			if home < 0 || marks[g] > marks[home] || marks[g] == marks[home] && g < home {
				home = g
			}
		}
		byGroup := map[int]int{} // group -> index in rows[group]
		row := func(g int) *matrixRow {
			k, ok := byGroup[g]
			if !ok {
				k = len(rows[g])
				byGroup[g] = k
				rows[g] = append(rows[g], matrixRow{ID: f.id, Text: f.best.Text,
					Href: "sources/" + f.best.Source + "/#" + f.best.ID, Count: len(f.sources), Contested: contested})
			}
			return &rows[g][k]
		}
		row(home) // first, so that it exists for the names of other groups
		for _, sc := range cells {
			s := a.sources[sc.src]
			says := "reports it"
			if sc.state == "disagree" {
				says = "disagrees"
			}
			c := matrixCell{Col: colOf[sc.src], State: sc.state,
				Href: "sources/" + s.ID + "/#" + sc.claim.ID, Outlet: label(s), Label: says, Text: sc.claim.Text, Reason: sc.reason}
			if g := groupOf[sc.src]; g != home && marks[g] == 1 {
				r := row(home)
				r.Also = append(r.Also, c)
			} else {
				r := row(g)
				r.Cells = append(r.Cells, c)
			}
		}
	}

	// Pages: each group's rows, the most reported first, in pages of
	// matrixRows.
	type chunk struct{ group, from, to int }
	var chunks []chunk
	for g := range groups {
		rs := rows[g]
		slices.SortStableFunc(rs, func(x, y matrixRow) int { return cmp.Compare(y.Count, x.Count) })
		for i := range rs {
			n := 0
			for _, c := range rs[i].Cells {
				if c.State == "agree" {
					n++
				}
			}
			rs[i].Others = rs[i].Count - n
		}
		if len(rs) == 0 {
			continue
		}
		for from := 0; from < len(rs); from += matrixRows {
			chunks = append(chunks, chunk{g, from, min(from+matrixRows, len(rs))})
		}
	}
	single := len(groups) <= 1 && len(chunks) <= 1
	pagePath := func(n int) (path, root string) {
		if single {
			return "matrix/index.html", "../"
		}
		return fmt.Sprintf("matrix/%d/index.html", n), "../../"
	}
	var pages []matrixPage
	list := &matrixView{Pages: len(chunks), Facts: facts}
	for n, ch := range chunks {
		path, root := pagePath(n + 1)
		view := func() *matrixView {
			v := &matrixView{Page: n + 1, Pages: len(chunks), Facts: facts}
			for _, i := range groups[ch.group] {
				v.Sources = append(v.Sources, a.sourceRow(a.sources[i], root))
			}
			for _, r := range rows[ch.group][ch.from:ch.to] {
				r.Href = root + r.Href
				r.Cells = slices.Clone(r.Cells)
				for j := range r.Cells {
					r.Cells[j].Href = root + r.Cells[j].Href
				}
				r.Also = slices.Clone(r.Also)
				for j := range r.Also {
					r.Also[j].Href = root + r.Also[j].Href
				}
				v.Rows = append(v.Rows, r)
			}
			if !single {
				v.Contents = root + "matrix/"
				if n > 0 {
					v.Prev = fmt.Sprintf("%smatrix/%d/", root, n)
				}
				if n+1 < len(chunks) {
					v.Next = fmt.Sprintf("%smatrix/%d/", root, n+2)
				}
			}
			return v
		}
		if !single {
			g := matrixGroup{Href: fmt.Sprintf("%d/", n+1), Page: n + 1, Rows: ch.to - ch.from}
			for _, i := range groups[ch.group] {
				g.Sources = append(g.Sources, label(a.sources[i]))
			}
			list.Groups = append(list.Groups, g)
		}
		pages = append(pages, matrixPage{path: path, root: root, view: view})
	}
	if single {
		if len(pages) == 0 { // no fact: an empty table
			v := &matrixView{}
			for _, s := range a.sources {
				v.Sources = append(v.Sources, a.sourceRow(s, "../"))
			}
			pages = append(pages, matrixPage{path: "matrix/index.html", root: "../", view: func() *matrixView { return v }})
		}
		return pages
	}
	return append([]matrixPage{{path: "matrix/index.html", root: "../", view: func() *matrixView { return list }}}, pages...)
}

// sourceCell is a non-silent cell while the matrix is made: the index
// of its source in a.sources, its state, its claim and, for a
// disagreement, the link's reason.
type sourceCell struct {
	src    int
	state  string
	claim  *brief.Claim
	reason string
}

// sourceGroups splits the sources (indexes into a.sources) into groups
// of at most matrixCols that report the same facts, so that most of a
// fact's cells fall into one table. Sources that share more facts are
// joined first (Kruskal's algorithm with a cap on the size of a group);
// only facts of at most matrixCols sources count, so the pairs counted
// are linear in the number of facts. Groups too small to fill a table
// are then packed together in order. The result is deterministic and
// ordered by each group's first source.
func (a *analysis) sourceGroups() [][]int {
	n := len(a.sources)
	if n <= matrixCols {
		all := make([]int, n)
		for i := range all {
			all[i] = i
		}
		if n == 0 {
			return nil
		}
		return [][]int{all}
	}
	index := make(map[string]int, n)
	for i, s := range a.sources {
		index[s.ID] = i
	}
	type pair struct{ a, b int }
	weight := map[pair]int{}
	for _, f := range a.facts {
		if len(f.sources) < 2 || len(f.sources) > matrixCols {
			continue
		}
		var ix []int
		for _, id := range f.sources {
			if i, ok := index[id]; ok {
				ix = append(ix, i)
			}
		}
		for x := range ix {
			for y := x + 1; y < len(ix); y++ {
				weight[pair{ix[x], ix[y]}]++
			}
		}
	}
	pairs := make([]pair, 0, len(weight))
	for p := range weight {
		pairs = append(pairs, p)
	}
	slices.SortFunc(pairs, func(x, y pair) int {
		if c := cmp.Compare(weight[y], weight[x]); c != 0 {
			return c
		}
		if c := cmp.Compare(x.a, y.a); c != 0 {
			return c
		}
		return cmp.Compare(x.b, y.b)
	})
	parent := make([]int, n)
	size := make([]int, n)
	for i := range parent {
		parent[i], size[i] = i, 1
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, p := range pairs {
		ra, rb := find(p.a), find(p.b)
		if ra == rb || size[ra]+size[rb] > matrixCols {
			continue
		}
		if rb < ra {
			ra, rb = rb, ra
		}
		parent[rb] = ra
		size[ra] += size[rb]
	}
	members := map[int][]int{}
	var roots []int
	for i := range n {
		r := find(i)
		if members[r] == nil {
			roots = append(roots, r)
		}
		members[r] = append(members[r], i)
	}
	// Pack groups in order of their first source while they fit.
	var out [][]int
	for _, r := range roots {
		m := members[r]
		if k := len(out) - 1; k >= 0 && len(out[k])+len(m) <= matrixCols {
			out[k] = append(out[k], m...)
			continue
		}
		out = append(out, m)
	}
	for _, g := range out {
		slices.Sort(g)
	}
	return out
}
