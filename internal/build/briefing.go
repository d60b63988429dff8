package build

import (
	"bytes"
	"fmt"
	"html/template"
	"sort"
	"strings"
	"unicode"

	"github.com/brief-dev/brief/internal/brief"
)

// indexView is the briefing: what is established, what is contested,
// what only one source says, who is quoted how, and the sources.
type indexView struct {
	Title      string
	DateRange  string
	Sources    []sourceRow // every source (their number is len)
	ClaimCount int
	Overview   string
	Draft      template.HTML // the author's briefing, rendered; "" if none
	DraftTitle string        // the title: of content/briefing.md, if any
	// The sections' items on this page (see sections.go): on the index
	// the first page of each, on a later page of a section (Part) that
	// page's items of that section only.
	Established []factView
	Contested   []contestView
	Single      []singleGroup
	Quotes      []speakerView
	Notes       []noteView
	Threshold   int // sources a fact needs to be established
	// The sections' sizes: facts, points, claims of one source and
	// speakers.
	EstablishedCount, ContestedCount, SingleCount, SpeakerCount int
	// The sections' pagers, nil for a section of one page.
	EstablishedPager, ContestedPager, SinglePager, QuotesPager *pagerView
	// SourceTable is the sources the index lists, at most
	// indexSourceRows; the source list (sources/) has them all.
	SourceTable []sourceRow
	// Part is set on a later page of one section (established/2/).
	Part *partView
}

type factView struct {
	ID, Text, Href string
	Count          int
	Contested      bool   // the fact is a version of a contested point
	ContestHref    string // the point's address from this page (pointHref)
	Refs           refsView
}

// refsView is what the theme's "refs" template renders after a
// sentence: one marker that opens the sentence's note, or the draft's
// mark of a sentence no source reports.
type refsView struct {
	Note      *noteView // nil when no source is linked
	Unsourced bool
}

// contestView is one contested point: one question about one fact
// (its number, status, title, quotation, time, place or a denial),
// answered by 2-4 versions that do not agree with one another. Each
// reason joins two versions, named by their numbers.
type contestView struct {
	ID       string
	Kinds    []string // the slot: one of "number", "quote", …
	Reasons  []reasonView
	Variants []variantView // the versions; the first is the fact asked about
	More     []claimRef    // further sentences that differ from version 1 on the same slot
}

// variantView is one version of a contested point: the sentence of the
// fact (Words, with the words the reasons name marked) and its sources.
type variantView struct {
	N          int // 1-based number the reasons use
	Text, Href string
	Words      []wordView
	Sources    []srcRef
}

// reasonView explains why versions A and B (1-based) differ.
type reasonView struct {
	A, B int
	Kind string
	Text string
}

type srcRef struct{ Outlet, Href, Title string }

type singleGroup struct {
	Source sourceRow
	Claims []claimRef
}

type claimRef struct {
	Text, Href string
	Contested  bool
}

type speakerView struct {
	Speaker string
	Groups  []quoteGroup
}

type quoteGroup struct {
	Differ   bool
	Variants []quoteVariant
}

type quoteVariant struct {
	Words   []wordView
	Sources []srcRef
}

// wordView is one word of a quotation; Diff marks words that differ
// from the other wording. Space is the whitespace before the word.
type wordView struct {
	Space, Text string
	Diff        bool
}

// refsHTML renders a refsView with the theme's "refs" template.
type refsHTML func(refsView) ([]byte, error)

// briefing is the briefing's sections split into pages (see
// sections.go), made once per build; its pages are made from it one at
// a time.
type briefing struct {
	a         *analysis
	threshold int
	est       []*fact // established facts, the most reported first
	contests  []contestView
	singles   []singleGroup
	quotes    []speakerView // chunked (see chunkSpeakers)
	speakers  int
	// starts of each section's pages after the first (see split)
	estStarts, conStarts, sinStarts, quoStarts []int
}

func (a *analysis) briefing() *briefing {
	br := &briefing{a: a, threshold: a.established()}
	for _, f := range a.facts {
		if len(f.sources) >= br.threshold {
			br.est = append(br.est, f)
		}
	}
	sort.SliceStable(br.est, func(i, j int) bool { return len(br.est[i].sources) > len(br.est[j].sources) })
	br.estStarts = split(len(br.est), establishedSection.max, sectionBudget, func(i int) int { return a.factSize(br.est[i]) })

	// Contested points, one-source claims and quotations are made with
	// links from the site root and rebased onto the page that shows them.
	br.contests = a.contests("")
	br.conStarts = split(len(br.contests), contestedSection.max, sectionBudget, func(i int) int { return contestSize(br.contests[i]) })
	a.pointPage = map[string]string{}
	for p := 2; p <= len(br.conStarts)+1; p++ {
		from, to := pageRange(br.conStarts, len(br.contests), p)
		for _, c := range br.contests[from:to] {
			a.pointPage[c.ID] = sectionHref(contestedSection, p, "")
		}
	}
	br.singles, _ = a.singles("")
	br.sinStarts = split(len(br.singles), singleSection.max, sectionBudget, func(i int) int { return singleSize(br.singles[i]) })
	quotes := a.quotes("")
	br.speakers = len(quotes)
	br.quotes = chunkSpeakers(quotes)
	br.quoStarts = split(len(br.quotes), quotesSection.max, sectionBudget, func(i int) int { return speakerSize(br.quotes[i]) })
	return br
}

// factSize estimates the HTML of an established fact and its note.
func (a *analysis) factSize(f *fact) int {
	n := 300 + 2*len(f.best.Text) + 2*len(f.best.Source) + len(f.best.ID)
	for _, c := range f.claims {
		s := a.src[c.Source]
		n += 500 + len(c.Text) + len(s.Title) + 2*len(label(s)) + 4*len(s.ID) + len(c.ID) + len(s.URL)
	}
	return n
}

// facts returns the views of established facts est on a page whose path
// to the root is root and which is page p of the established section,
// numbering their notes in ns.
func (br *briefing) facts(est []*fact, root string, p int, ns *notes) []factView {
	a := br.a
	var out []factView
	for _, f := range est {
		fv := factView{ID: "fact-" + f.id, Text: f.best.Text, Href: root + "sources/" + f.best.Source + "/#" + f.best.ID,
			Count: len(f.sources), Contested: a.contested(f)}
		// The point this fact is a version of may be on another page.
		from := ""
		if p > 1 {
			from = sectionHref(establishedSection, p, "")
		}
		if fv.ContestHref = a.pointHref(from, root, f); fv.ContestHref == "" {
			fv.ContestHref = sectionHref(contestedSection, 1, root)
		}
		var items []noteItem
		for _, c := range f.claims {
			it := newNote("support", a.src[c.Source], c, root+"sources/", "")
			it.Shown = c == f.best
			it.Same = !it.Shown && sameWords(c.Text, f.best.Text)
			items = append(items, it)
		}
		n := ns.add(items)
		fv.Refs.Note = &n
		out = append(out, fv)
	}
	return out
}

// counts sets the sections' sizes and the overview of v.
func (br *briefing) counts(v *indexView) {
	v.Threshold = br.threshold
	v.EstablishedCount = len(br.est)
	v.ContestedCount = len(br.contests)
	v.SingleCount = 0
	for _, g := range br.singles {
		v.SingleCount += len(g.Claims)
	}
	v.SpeakerCount = br.speakers
}

func (b *Builder) indexView(md markdownRenderer, a *analysis, in *input, refs refsHTML, br *briefing) (*indexView, error) {
	const root = "./"
	v := &indexView{Title: b.opts.Title}
	if v.Title == "" {
		v.Title = "Briefing"
	}
	ns := &notes{}
	var dates []string
	for _, s := range a.sources {
		v.Sources = append(v.Sources, a.sourceRow(s, root))
		if s.Date != "" {
			dates = append(dates, s.Date)
		}
	}
	v.SourceTable = v.Sources[:min(len(v.Sources), indexSourceRows)]
	sort.Strings(dates)
	// A date range stands for the sources only when most have a date.
	if len(dates) > 0 && len(dates)*2 > len(a.sources) {
		v.DateRange = dateLabel(dates[0])
		if last := dates[len(dates)-1]; last != dates[0] {
			v.DateRange = dateLabel(dates[0]) + " – " + dateLabel(last)
		}
	}
	v.ClaimCount = claimCount(a.ann)

	// The author's briefing leads, each sentence checked like a claim.
	if a.draft != nil && in.files[a.draft.ID] != nil {
		marks, err := a.draftMarks(ns, refs)
		if err != nil {
			return nil, err
		}
		html, err := b.article(md, in.files[a.draft.ID], "fn-draft-", marks)
		if err != nil {
			return nil, err
		}
		v.Draft = html
		v.DraftTitle = a.draft.Title
	}

	// The first page of each section: established facts, each written
	// once with a note per source, the most widely reported first.
	br.counts(v)
	br.part(v, 1, root, ns, "")
	v.Notes = ns.list
	v.Overview = overview(v)
	return v, nil
}

// part fills v with page p of section only, or of every section if
// only is "", for a page whose path to the root is root: the index
// (p = 1) or a later page of one section. Each page is made once: the
// items are rebased in place.
func (br *briefing) part(v *indexView, p int, root string, ns *notes, only string) {
	want := func(s section) bool { return only == "" || only == s.id }
	if from, to := pageRange(br.estStarts, len(br.est), p); from < to && want(establishedSection) {
		v.Established = br.facts(br.est[from:to], root, p, ns)
		v.EstablishedPager = sectionPager(establishedSection, p, len(br.estStarts)+1, from, to, len(br.est), root)
	}
	if from, to := pageRange(br.conStarts, len(br.contests), p); from < to && want(contestedSection) {
		v.Contested = br.contests[from:to]
		for i := range v.Contested {
			rebaseContest(&v.Contested[i], root)
		}
		v.ContestedPager = sectionPager(contestedSection, p, len(br.conStarts)+1, from, to, len(br.contests), root)
	}
	if from, to := pageRange(br.sinStarts, len(br.singles), p); from < to && want(singleSection) {
		v.Single = br.singles[from:to]
		for i := range v.Single {
			rebaseSingle(&v.Single[i], root)
		}
		v.SinglePager = sectionPager(singleSection, p, len(br.sinStarts)+1, from, to, len(br.singles), root)
	}
	if from, to := pageRange(br.quoStarts, len(br.quotes), p); from < to && want(quotesSection) {
		v.Quotes = br.quotes[from:to]
		for i := range v.Quotes {
			rebaseSpeaker(&v.Quotes[i], root)
		}
		v.QuotesPager = sectionPager(quotesSection, p, len(br.quoStarts)+1, from, to, len(br.quotes), root)
	}
}

// sectionPage is a later page of one section of the briefing.
type sectionPage struct {
	path string
	make func() *page
}

// sectionPages returns the later pages of every section, each made
// when its make is called.
func (br *briefing) sectionPages(title string) []sectionPage {
	var out []sectionPage
	for _, s := range []struct {
		sec    section
		starts []int
	}{{establishedSection, br.estStarts}, {contestedSection, br.conStarts}, {singleSection, br.sinStarts}, {quotesSection, br.quoStarts}} {
		pages := len(s.starts) + 1
		for p := 2; p <= pages; p++ {
			out = append(out, sectionPage{path: sectionPath(s.sec, p), make: func() *page {
				const root = "../../"
				v := &indexView{Title: title, Part: &partView{ID: s.sec.id, Heading: s.sec.heading, Briefing: root + "#" + s.sec.id}}
				br.counts(v)
				ns := &notes{}
				br.part(v, p, root, ns, s.sec.id)
				v.Notes = ns.list
				return &page{Root: root, Nav: "briefing", Title: fmt.Sprintf("%s, page %d of %d", s.sec.heading, p, pages), Index: v}
			}})
		}
	}
	return out
}

// claimCount is the number of claims the sources make: sentences of
// KindClaim outside the author's draft. The index page and brief
// build's summary line both show it.
func claimCount(ann *brief.Annotation) int {
	draft := map[string]bool{}
	for _, s := range ann.Sources {
		if s.Draft {
			draft[s.ID] = true
		}
	}
	n := 0
	for _, c := range ann.Claims {
		if c.Kind == brief.KindClaim && !draft[c.Source] {
			n++
		}
	}
	return n
}

// draftMarks annotates the author's briefing: notes to the sources
// that support each sentence, a disputed mark where one disagrees, an
// unsourced mark where none supports it.
func (a *analysis) draftMarks(ns *notes, refs refsHTML) ([]mark, error) {
	var marks []mark
	for _, c := range a.bySource[a.draft.ID] {
		marks = append(marks, mark{off: c.Start, id: c.ID})
		var rv refsView
		var agree, disagree []noteItem
		for _, l := range a.links[c.ID] {
			o := a.other(l, c.ID)
			os := a.src[o.Source]
			if os == nil || os.Draft {
				continue
			}
			if l.Relation == brief.Disagree {
				disagree = append(disagree, newNote("disagree", os, o, "./sources/", l.Reason))
			} else {
				agree = append(agree, newNote("support", os, o, "./sources/", ""))
			}
		}
		var items []noteItem
		for _, list := range [][]noteItem{agree, disagree} {
			sort.SliceStable(list, func(i, j int) bool { return list[i].Outlet < list[j].Outlet })
			items = append(items, list...)
		}
		if len(items) > 0 {
			n := ns.add(items)
			rv.Note = &n
		} else if c.Kind == brief.KindClaim {
			rv.Unsourced = true
		} else {
			continue
		}
		h, err := refs(rv)
		if err != nil {
			return nil, err
		}
		marks = append(marks, mark{off: c.End, end: true, html: h})
	}
	sortMarks(marks)
	return marks, nil
}

// endsWithName reports whether the name full ends with the name short,
// allowing a one-letter difference in spelling in a long last word
// ("Volodymyr Zelensky" ends with "Zelenskyy").
func endsWithName(full, short string) bool {
	if strings.HasSuffix(full, " "+short) {
		return true
	}
	fw, sw := strings.Fields(full), strings.Fields(short)
	if len(fw) <= len(sw) || len(sw) == 0 {
		return false
	}
	for i := range sw {
		a, b := fw[len(fw)-len(sw)+i], sw[i]
		if a != b && (i < len(sw)-1 || min(len(a), len(b)) < 6 || !oneInsertion(a, b)) {
			return false
		}
	}
	return true
}

// oneInsertion reports whether a and b differ by one inserted letter.
func oneInsertion(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b) != len(a)+1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return a[i:] == b[i+1:]
}

// singles lists, per source, the claims no other source makes.
func (a *analysis) singles(root string) ([]singleGroup, int) {
	var out []singleGroup
	n := 0
	for _, s := range a.sources {
		g := singleGroup{Source: a.sourceRow(s, root)}
		for _, c := range a.bySource[s.ID] {
			if c.Kind != brief.KindClaim || a.agreed(c) {
				continue
			}
			cr := claimRef{Text: c.Text, Href: root + "sources/" + s.ID + "/#" + c.ID}
			for _, l := range a.links[c.ID] {
				if l.Relation == brief.Disagree && !a.isDraft(a.other(l, c.ID)) {
					cr.Contested = true
				}
			}
			g.Claims = append(g.Claims, cr)
		}
		if len(g.Claims) > 0 {
			n += len(g.Claims)
			out = append(out, g)
		}
	}
	return out, n
}

// quotes groups direct quotations by speaker; quotations linked to one
// another form a group whose wordings are compared word by word.
func (a *analysis) quotes(root string) []speakerView {
	var qs []*brief.Claim
	idx := map[string]int{}
	for _, c := range a.ann.Claims {
		if c.Quote != "" && !a.isDraft(c) {
			idx[c.ID] = len(qs)
			qs = append(qs, c)
		}
	}
	parent := make([]int, len(qs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			i = parent[i]
		}
		return i
	}
	// One person, one name: fold a name into a longer one that ends with
	// it ("Peskov" into "Dmitry Peskov").
	all := map[string]bool{}
	for _, c := range qs {
		all[c.Speaker] = true
	}
	fullName := fullNames(all)
	speakerOf := make([]string, len(qs))
	for i, c := range qs {
		speakerOf[i] = fullName[c.Speaker]
	}
	// Linked quotations of one speaker (or of an unnamed one) are one
	// quotation in several wordings.
	for _, l := range a.ann.Links {
		i, ok1 := idx[l.A]
		j, ok2 := idx[l.B]
		if ok1 && ok2 && (speakerOf[i] == speakerOf[j] || speakerOf[i] == "" || speakerOf[j] == "") {
			parent[find(j)] = find(i)
		}
	}
	comp := map[int][]*brief.Claim{}
	var roots []int
	for i, c := range qs {
		r := find(i)
		if comp[r] == nil {
			roots = append(roots, r)
		}
		comp[r] = append(comp[r], c)
	}
	// A group is named after its speaker; an unnamed quotation linked to
	// a named one takes that name.
	names := make(map[int]string, len(roots))
	for i := range qs {
		if r := find(i); speakerOf[i] != "" {
			if _, ok := names[r]; !ok {
				names[r] = speakerOf[i]
			}
		}
	}
	bySpeaker := map[string]*speakerView{}
	var speakers []string
	for _, r := range roots {
		cs := comp[r]
		sp := names[r]
		if sp == "" {
			sp = "Unattributed"
		}
		sv := bySpeaker[sp]
		if sv == nil {
			sv = &speakerView{Speaker: sp}
			bySpeaker[sp] = sv
			speakers = append(speakers, sp)
		}
		// One variant per distinct wording.
		var g quoteGroup
		var texts []string
		byText := map[string]int{}
		for _, c := range cs {
			k := normQuote(c.Quote)
			i, ok := byText[k]
			if !ok {
				i = len(g.Variants)
				byText[k] = i
				texts = append(texts, c.Quote)
				g.Variants = append(g.Variants, quoteVariant{})
			}
			g.Variants[i].Sources = append(g.Variants[i].Sources, srcRef{Outlet: label(a.src[c.Source]),
				Title: a.src[c.Source].Title, Href: root + "sources/" + c.Source + "/#" + c.ID})
		}
		g.Differ = len(texts) > 1
		for i, t := range texts {
			other := ""
			if g.Differ {
				other = texts[0]
				if i == 0 {
					other = texts[1]
				}
			}
			g.Variants[i].Words = joinDiff(diffWords(t, other))
		}
		sv.Groups = append(sv.Groups, g)
	}
	// The most-quoted speakers first (by the sources quoting them), so
	// that a long section shows them before its disclosure.
	sort.Strings(speakers)
	quoting := func(sp string) int {
		seen := map[string]bool{}
		for _, g := range bySpeaker[sp].Groups {
			for _, v := range g.Variants {
				for _, s := range v.Sources {
					seen[s.Href] = true
				}
			}
		}
		return len(seen)
	}
	n := make(map[string]int, len(speakers))
	for _, sp := range speakers {
		n[sp] = quoting(sp)
	}
	sort.SliceStable(speakers, func(i, j int) bool { return n[speakers[i]] > n[speakers[j]] })
	var out []speakerView
	for _, sp := range speakers {
		out = append(out, *bySpeaker[sp])
	}
	return out
}

// normQuote reduces a quotation to lower-case letters and digits, so
// that wordings differing only in punctuation count as one.
func normQuote(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		} else if unicode.IsSpace(r) {
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// diffWords splits s into words and marks those not in the longest
// common subsequence with other. An empty other marks nothing.
func diffWords(s, other string) []wordView {
	ws := strings.Fields(s)
	out := make([]wordView, len(ws))
	for i, w := range ws {
		out[i] = wordView{Text: w}
		if i > 0 {
			out[i].Space = " "
		}
	}
	if other == "" {
		return out
	}
	os := strings.Fields(other)
	key := func(w string) string { return normQuote(w) }
	// LCS table over words.
	n, m := len(ws), len(os)
	dp := make([][]int, n+1)
	for i := range dp {
		dp[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if key(ws[i]) == key(os[j]) {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n {
		switch {
		case j < m && key(ws[i]) == key(os[j]):
			i, j = i+1, j+1
		case j < m && dp[i][j+1] > dp[i+1][j]:
			j++
		default:
			out[i].Diff = true
			i++
		}
	}
	return out
}

// joinDiff merges each run of differing words into one, so that the
// theme marks "previously served as" as one phrase rather than three
// words with gaps between their highlights.
func joinDiff(ws []wordView) []wordView {
	out := ws[:0]
	for _, w := range ws {
		if n := len(out); n > 0 && w.Diff && out[n-1].Diff {
			out[n-1].Text += w.Space + w.Text
			continue
		}
		out = append(out, w)
	}
	return out
}

// overview writes the briefing's summary paragraph.
func overview(v *indexView) string {
	var b bytes.Buffer
	n := len(v.Sources)
	b.WriteString(plural(n, "source", "sources"))
	switch {
	case strings.Contains(v.DateRange, " – "):
		fmt.Fprintf(&b, ", published %s,", strings.Replace(v.DateRange, " – ", " to ", 1))
	case v.DateRange != "":
		fmt.Fprintf(&b, ", published on %s,", v.DateRange)
	}
	fmt.Fprintf(&b, " make %s. ", plural(v.ClaimCount, "claim", "claims"))
	fmt.Fprintf(&b, "%s reported by at least %d of them; ", isAre(v.EstablishedCount, "fact is", "facts are"), v.Threshold)
	fmt.Fprintf(&b, "%s; ", isAre(v.ContestedCount, "point is contested", "points are contested"))
	fmt.Fprintf(&b, "%s by one source only.", isAre(v.SingleCount, "claim is made", "claims are made"))
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

func isAre(n int, one, many string) string {
	s := plural(n, one, many)
	return strings.ToUpper(s[:1]) + s[1:]
}
