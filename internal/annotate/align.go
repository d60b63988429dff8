package annotate

import (
	"cmp"
	"context"
	"errors"
	"maps"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/brief-dev/brief/internal/brief"
)

// Decision thresholds on the probability that two claims report one
// fact (see pairFeat.prob). A claim's best match in another source needs
// agreeLow; further matches in the same source need agreeHigh, since a
// sentence usually has one counterpart, at most two, in another article.
const (
	agreeHigh = 0.3
	agreeLow  = 0.2
)

// statusFloor is the probability above which a pair that is not aligned
// is still checked for a status disagreement, when the two claims share a
// name.
const statusFloor = 0.08

// polarityFloor is the probability above which a pair that is not
// aligned and shares no name is still checked for a denial or negation.
const polarityFloor = 0.08

// strictFloor is the probability above which a pair that shares a name
// is checked for a negation or status of the same predicate in the same
// word (see strictConflict).
const strictFloor = 0.03

// sharesName reports whether two claims name one entity.
func sharesName(a, b *node) bool {
	for _, e := range a.ents {
		if containsStr(b.ents, e) {
			return true
		}
	}
	return false
}

// otherActors reports two claims whose actors are different people or
// bodies: each names a person who acts in it (a name known in its
// source as a person's, with a title there or speaking, not after a
// preposition, not a possessor, not who speaks, not inside a
// quotation) and no actor of either is named in the other.
// "Travelling from Cairo, Jonas Dmitriev landed in Muscat on Tuesday"
// and "…, Yuri Rutte landed in Muscat on Friday" are two journeys, not
// one journey on two days; "Witkoff's plane landed" names no actor.
func otherActors(a, b *node, canon func(string) string, rank func(string) int) bool {
	if len(a.f.quotes) > 0 || len(b.f.quotes) > 0 {
		// Who speaks acts; two speakers of one quotation are a
		// quotation's question (see sameQuote), not two events.
		return false
	}
	if hasActors(a, b, canon, rank) && hasActors(b, a, canon, rank) {
		return true
	}
	// Two places and nothing else named in common: "48 civilians died
	// in shelling around Dhaka on Friday" and "… around Istanbul on
	// Thursday" are two attacks.
	return otherPlace(a, b, canon) && otherPlace(b, a, canon) && !sharesNameWords(a, b, canon, rank)
}

// sharesNameWords reports whether two claims name one entity, allowing
// for its names' variants (see sharesNameWord). A common word opening
// the sentence ("Markets in Dhaka …", "Shelling near Cairo …") is no
// name, though a source that never writes it in lower case lists it
// among its names.
func sharesNameWords(a, b *node, canon func(string) string, rank func(string) int) bool {
	for _, m := range a.f.ments {
		if m.Start == 0 && !strings.Contains(m.Name, " ") {
			if r := rank(strings.ToLower(m.Name)); r >= 0 && r < commonRank {
				continue
			}
		}
		x := canon(m.Key)
		for _, y := range b.ents {
			if sharesNameWord(x, y) {
				return true
			}
		}
	}
	return false
}

// otherPlace reports whether n names a place, outside quotations, that
// other does not name.
func otherPlace(n, other *node, canon func(string) string) bool {
	for _, m := range n.f.ments {
		if !m.Place || m.Person || inAnyQuote(n.f.quotes, m.Start) {
			continue
		}
		key, shared := canon(m.Key), false
		for _, e := range other.ents {
			if sharesNameWord(key, e) {
				shared = true
				break
			}
		}
		if !shared {
			return true
		}
	}
	return false
}

// hasActors reports whether n names an actor and every actor it names is
// missing from other.
func hasActors(n, other *node, canon func(string) string, rank func(string) int) bool {
	found := false
	text := n.f.claim.Text
	for k, m := range n.f.ments {
		if !m.Person && !nameLike(n, m, rank) || k == n.f.speaker || m.Start < 0 || m.End > len(text) || m.Start >= m.End || inAnyQuote(n.f.quotes, m.Start) {
			continue
		}
		start := m.Start
		if m.Title != "" && m.TitleStart < start {
			start = m.TitleStart
		}
		before := strings.ToLower(lastWordBefore(text, start))
		if before == "the" || before == "a" || before == "an" {
			// "in the Ukraine War"
			before = strings.ToLower(lastWordBefore(text, max(0, start-len(before)-1)))
		}
		if actorPreps[before] || possessive(text[m.End:]) || speaks(text[m.End:]) {
			continue
		}
		key := canon(m.Key)
		for _, e := range other.ents {
			if sharesNameWord(key, e) {
				return false
			}
		}
		found = true
	}
	return found
}

// sharesNameWord reports whether two name keys share a word of three
// letters or more: "jim eisenbrandt" and "james eisenbrandt", "kim" and
// "kim jong-un", "manto tshabalala-msimang" and "manto-tshabalala
// msimang" may be one person, and then the pair is not about two.
func sharesNameWord(x, y string) bool {
	if x == y {
		return true
	}
	// The words of x and of y as strings.FieldsFunc would give them,
	// without making the slices (this is asked for many pairs).
	split := func(r rune) bool { return r == ' ' || r == '-' || r == '.' || r == '\'' || r == '’' }
	for x != "" {
		var w string
		w, x = nextField(x, split)
		if len(w) < 3 || w == "jr" || w == "sr" {
			continue
		}
		for z := y; z != ""; {
			var v string
			if v, z = nextField(z, split); v == w {
				return true
			}
		}
	}
	return false
}

// nextField returns the first field of s, as strings.FieldsFunc(s, sep)
// would, and the rest of s after it; the field is "" when s has none.
func nextField(s string, sep func(rune) bool) (field, rest string) {
	s = strings.TrimLeftFunc(s, sep)
	if i := strings.IndexFunc(s, sep); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

// nameLike reports whether a mention not known as a person's is still
// surely a name: two words or more, in a line that is not Title Case,
// and not a common word opening the sentence ("Missing Mexican students
// …" is no name).
func nameLike(n *node, m mention, rank func(string) int) bool {
	name := strings.TrimSpace(m.Name)
	sp := strings.IndexByte(name, ' ')
	if sp < 0 || n.f.titled {
		return false
	}
	if m.Start == 0 {
		if r := rank(strings.ToLower(name[:sp])); r >= 0 && r < commonRank {
			return false
		}
	}
	return true
}

// speaks reports whether rest, the text after a name, starts with a verb
// of speech: who says something is a source, not an actor.
func speaks(rest string) bool {
	// "Reuters said", "the Mirror newspaper reported", "Peskov confirmed
	// the arrival"; "announced that" reports, "announced 500 million
	// dollars of aid" acts.
	// The first three words (strings.Fields), without the slice of all.
	var buf [3]string
	ws := buf[:0]
	for rest != "" && len(ws) < len(buf) {
		var w string
		if w, rest = nextField(rest, unicode.IsSpace); w != "" {
			ws = append(ws, w)
		}
	}
	for i, w := range ws {
		if i == 2 {
			break
		}
		w = strings.ToLower(strings.Trim(w, ".,;:"))
		if reportVerbs[w] || w == "announced" && i+1 < len(ws) && ws[i+1] == "that" {
			return true
		}
	}
	return false
}

// reportVerbs report what someone said or knows ("announced" is also a
// thing an actor does).
var reportVerbs = setOf("said", "says", "say", "told", "tells", "reported", "reports", "wrote", "writes",
	"added", "stated", "according", "confirmed", "confirms", "acknowledged", "denied", "denies", "revealed",
	"suggested")

// mayBeDemonym reports whether x ends as a demonym can (see demonymOf):
// a cheap test before comparing it with every name and word.
func mayBeDemonym(x string) bool {
	return len(x) >= 5 && (x[len(x)-1] == 'n' || x[len(x)-1] == 'i' || strings.HasSuffix(x, "ese"))
}

// demonymOf reports whether word x is the demonym of name y, by their
// spelling: "nicaraguan" / "nicaragua", "mexican" / "mexico", "iraqi" /
// "iraq", "chinese" / "china", "ukrainian" / "ukraine".
func demonymOf(x, y string) bool {
	// The stem is four letters or more and begins y: most pairs differ
	// in their first four bytes (asked for every word of a denial's
	// scope against every name and word of the other claim).
	if len(x) < 5 || len(y) < 4 || x[:4] != y[:4] {
		return false
	}
	if len(x) <= len(y)-2 || strings.ContainsRune(y, ' ') {
		return false
	}
	for _, suf := range []string{"ian", "an", "n", "ese", "i"} {
		stem, ok := strings.CutSuffix(x, suf)
		if ok && len(stem) >= 4 && strings.HasPrefix(y, stem) && len(y)-len(stem) <= 2 {
			return true
		}
	}
	return false
}

// actorPreps are the prepositions after which a name is not who acts.
var actorPreps = setOf("in", "at", "to", "into", "from", "near", "outside", "inside", "across",
	"throughout", "toward", "towards", "of", "by", "with", "for", "against", "on", "about",
	"between", "and", "or", "than", "like", "via", "over", "under", "after", "before")

// lastWordBefore returns the word that ends just before offset i of s
// (over spaces only), or "".
func lastWordBefore(s string, i int) string {
	j := i
	for j > 0 && s[j-1] == ' ' {
		j--
	}
	k := j
	for k > 0 && s[k-1] != ' ' && s[k-1] != ',' && s[k-1] != '(' && s[k-1] != '"' {
		k--
	}
	return s[k:j]
}

// possessive reports whether rest, the text after a name, starts with a
// possessive ending ("'s", "’s" or a bare apostrophe).
func possessive(rest string) bool {
	return strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "’")
}

// sharesAnchor reports whether two claims name one entity or state one
// value of one quantity with a unit or of 100 or more ("$72 million"):
// either ties two short claims to
// one story (see strictConflict).
func sharesAnchor(a, b *node) bool {
	if sharesName(a, b) {
		return true
	}
	for _, x := range a.f.nums {
		if (x.Unit != "" || x.Value >= 100) && statesValue(b.f.nums, x) {
			return true
		}
	}
	return false
}

// thresholds are the decision thresholds in use.
type thresholds struct {
	high, low float64
	w         *weights // nil means decisionWeights
	event     float64  // see Decision.Event; 0: off
}

// pairResult is the scored judgement of one candidate pair.
type pairResult struct {
	i, j int
	sim  float64 // combined alignment score, for the detectors
	p    float64 // probability of one fact
	// f is the disagreement or quotation agreement found, or nil: few
	// pairs have one, and a result without the finding inline is 40
	// bytes instead of 96 (the results are most of what scoring keeps).
	f *finding
}

// align runs the corpus-wide pass: alias folding, the index, candidate
// scoring and the per-source-pair decision. It returns the links sorted.
// memo, if not nil, keeps word alignments of claim pairs, debunked's
// answers and the reasons of agreements between passes (see passMemo),
// and the claims keep their index keys for the next pass (see
// buildIndex); with nil, a pass keeps nothing for the next.
//
// With draftOnly, only pairs with a claim of the author's draft are
// scored: the pass that checks the draft needs no other links. With
// last, no later pass reads the sources' case vocabularies (see
// retitle), and they are dropped once read (Options.Once).
func align(ctx context.Context, docs []*docFeat, lex Lexicon, ov *Overrides, th thresholds, memo *passMemo, draftOnly, last bool) ([]brief.Link, brief.ErrorList, error) {
	c, warnings := prepare(docs, lex, ov, memo != nil, last)
	c.draftOnly = draftOnly
	if memo != nil {
		c.sc.best = memo.best.start(c.sc.nodes)
		c.sc.fresh = make(map[uint64]bestEntry, len(c.sc.best))
		c.denials = memo.denials.start(c.roots)
		c.reasons = memo.reasons.start(c.roots, c.sc)
		c.memo = memo.pairs.start(c)
	}
	results, err := c.score(ctx, th)
	if err != nil {
		return nil, nil, err
	}
	if memo != nil {
		memo.best.set(c.sc.fresh)
	}
	links := c.decide(results, th)
	if memo != nil {
		memo.denials.set(c.roots, c.denials.fresh)
		memo.reasons.set(c.roots, c.sc, c.reasons.fresh)
		memo.pairs.set(c.memo)
	}
	sortLinks(links)
	return links, warnings, nil
}

// corpus is the state of one alignment pass.
type corpus struct {
	draftOnly bool // score only pairs with a draft claim
	nodes     []*node
	clauses   [][]*node // per node, its clauses (see extractClauses)
	// windows are, per node, the node and the next sentence of its
	// source read as one (nil for the last), and lone marks the nodes
	// of sources of one claim (a headline): see windowDiscount.
	windows     []*node
	lone        []bool
	ix          *index
	sc          *scorer
	lex         Lexicon
	canon       func(string) string
	isDifferent func(x, y string) bool
	entities    map[string]bool // canonical keys of every name in the corpus
	// roots are the names canon folds into another (name -> its key),
	// and docs, per source, its extraction if no line of it was read
	// again by retitle (so its nodes are its features), else nil: what
	// decides whether an answer of the last pass still holds (see
	// denialMemo).
	roots   map[string]string
	docs    []*docFeat
	denials *denialPass // nil: nothing kept between passes
	reasons *reasonPass // likewise
	memo    *pairPass   // likewise
	// different holds the pairs of names the overrides keep apart.
	different map[[2]string]bool
}

// isEntity reports whether a word is (the key of) a name in the corpus.
func (c *corpus) isEntity(w string) bool { return c.entities[c.canon(entityKey(w))] }

// prepare folds name aliases and builds the index and the scorer; with
// keep, the claims keep their index keys for the next pass; with last,
// the sources' case vocabularies are dropped once retitle has read them.
func prepare(docs []*docFeat, lex Lexicon, ov *Overrides, keep, last bool) (*corpus, brief.ErrorList) {
	var warnings brief.ErrorList
	// Nodes in source order, then document order.
	var nodes []*node
	var perSource [][]mention
	retitled := retitle(docs, lex)
	stable := slices.Clone(docs)
	if last {
		// The largest part of an extraction that the pass does not read
		// (91 MB at 10,000 articles).
		for _, d := range docs {
			d.vocab = caseVocab{}
		}
	}
	for si, d := range docs {
		var ms []mention
		for _, f := range d.feats {
			if g, ok := retitled[f]; ok {
				f = g
				stable[si] = nil
			}
			nodes = append(nodes, &node{f: f, src: si, draft: d.src.Draft})
			ms = append(ms, f.ments...)
		}
		perSource = append(perSource, ms)
	}
	same, different := ov.entityPairs()
	al := buildAliases(perSource, same, different)
	warnings = append(warnings, ov.checkEntities(perSource)...)
	canon := al.find
	roots := map[string]string{}
	for k := range al.parent {
		if r := canon(k); r != k {
			roots[k] = r
		}
	}
	isDifferent := func(x, y string) bool {
		return different[[2]string{canon(x), canon(y)}] || different[[2]string{canon(y), canon(x)}] ||
			different[[2]string{x, y}] || different[[2]string{y, x}]
	}
	entities := map[string]bool{}
	for _, n := range nodes {
		for _, m := range n.f.ments {
			n.ents = append(n.ents, canon(m.Key))
			entities[canon(m.Key)] = true
		}
		sort.Strings(n.ents)
		n.ents = uniq(n.ents)
		if n.f.speakerKey != "" {
			n.f.speakerKey = canon(n.f.speakerKey)
		}
		for k, m := range n.f.ments {
			if k < len(n.f.govs) && n.f.govs[k] != "" && !inList(n.f.claim.Text, n.f.ments, k) {
				n.slots = append(n.slots, slot{n.f.govs[k], canon(m.Key)})
			}
		}
		n.events = eventKeys(n, canon)
		if len(n.f.pols) > 0 {
			n.cueNames = make([][]string, len(n.f.pols))
			for k, c := range n.f.pols {
				for _, name := range c.names {
					n.cueNames[k] = append(n.cueNames[k], canon(name))
				}
			}
		}
	}
	ix := buildIndex(nodes, lex, keep)
	// Clause nodes: scored, never indexed.
	clauses := make([][]*node, len(nodes))
	scored := nodes
	for i, n := range nodes {
		for _, cf := range n.f.clauses {
			cn := &node{f: cf, src: n.src, draft: n.draft}
			for _, m := range cf.ments {
				cn.ents = append(cn.ents, canon(m.Key))
			}
			sort.Strings(cn.ents)
			cn.ents = uniq(cn.ents)
			clauses[i] = append(clauses[i], cn)
		}
		if len(clauses[i]) > 0 {
			if len(scored) == len(nodes) {
				scored = append([]*node(nil), nodes...)
			}
			scored = append(scored, clauses[i]...)
		}
	}
	windows, lone := sentenceWindows(nodes, len(docs))
	for _, w := range windows {
		if w != nil {
			if len(scored) == len(nodes) {
				scored = append([]*node(nil), nodes...)
			}
			scored = append(scored, w)
		}
	}
	return &corpus{nodes: nodes, clauses: clauses, windows: windows, lone: lone, ix: ix, sc: newScorer(scored, ix, lex, keep), lex: lex,
		canon: canon, isDifferent: isDifferent, entities: entities, roots: roots, docs: stable, different: different}, warnings
}

// clauseDiscount is subtracted from the probability a pair of clauses
// (or a clause and a sentence) gets: a part of a sentence matches more
// easily than the whole, and the weights were fitted on whole sentences.
// Chosen on the seed annotation (gold.yaml): 0.1 and 0.15 find as many
// pairs with more false links, 0.25 and more lose pairs.
const clauseDiscount = 0.2

// windowDiscount is subtracted from the probability of a one-claim
// source's claim against two adjacent sentences of another source read
// as one: like a clause, a window matches more easily than a sentence.
const windowDiscount = 0.1

// sentenceWindows returns, when the corpus has a source of one claim and
// one of several, each node of a source of several merged with the next
// node of its source, and which nodes are alone in their source.
func sentenceWindows(nodes []*node, nsrc int) ([]*node, []bool) {
	count := make([]int, nsrc)
	for _, n := range nodes {
		count[n.src]++
	}
	hasLone, hasMany := false, false
	for _, k := range count {
		hasLone = hasLone || k == 1
		hasMany = hasMany || k > 1
	}
	if !hasLone || !hasMany {
		return nil, nil
	}
	windows := make([]*node, len(nodes))
	lone := make([]bool, len(nodes))
	for i, n := range nodes {
		lone[i] = count[n.src] == 1
		if i+1 < len(nodes) && nodes[i+1].src == n.src && !n.draft {
			windows[i] = mergeNodes(n, nodes[i+1])
		}
	}
	return windows, lone
}

// mergeNodes reads two sentences as one claim: their words, names and
// quantities together.
func mergeNodes(a, b *node) *node {
	// The window's text is both sentences, so that every mention's byte
	// range (b's shifted past a's text) indexes it.
	cl := *a.f.claim
	cl.Text = a.f.claim.Text + " " + b.f.claim.Text
	f := &claimFeat{claim: &cl, speaker: -1}
	f.ments = slices.Clip(a.f.ments)
	shift := len(a.f.claim.Text) + 1
	for _, m := range b.f.ments {
		m.Start += shift
		m.End += shift
		m.TitleStart += shift
		f.ments = append(f.ments, m)
	}
	f.nums = append(slices.Clip(a.f.nums), b.f.nums...)
	f.vec = sumVec(a.f.vec, b.f.vec)
	seen := map[string]bool{}
	for _, w := range slices.Concat(a.f.words, b.f.words) {
		if !seen[w.key] {
			seen[w.key] = true
			f.words = append(f.words, w)
		}
	}
	sort.Slice(f.words, func(i, j int) bool { return f.words[i].key < f.words[j].key })
	ents := slices.Concat(a.ents, b.ents)
	sort.Strings(ents)
	return &node{f: f, src: a.src, draft: a.draft, ents: uniq(ents)}
}

// prob is the probability that claims i and j report one fact: that of
// the two sentences, or, if higher, that of the best-matching clause of
// one (a long sentence often states several facts) with the other
// sentence or one of its clauses, less clauseDiscount.
func (c *corpus) prob(i, j int, pf pairFeat, w *weights) float64 {
	p, _, _ := c.bestPart(i, j, pf, w)
	return p
}

// Parts of two claims that bestPart compares.
const (
	partSentence = "sentence"
	partClause   = "clause"
	partWindow   = "window"
)

// bestPart is prob with the signals of the parts that gave it and which
// parts they were.
func (c *corpus) bestPart(i, j int, pf pairFeat, w *weights) (float64, pairFeat, string) {
	p, best, part := pf.prob(w), pf, partSentence
	try := func(f pairFeat, discount float64, kind string) {
		if q := f.prob(w) - discount; q > p {
			p, best, part = q, f, kind
		}
	}
	if c.lone != nil && c.lone[i] != c.lone[j] {
		// A headline against two sentences of an article: the fact is
		// often spread over both ("… was attacked by a bear. But the
		// bear fled when his phone rang.").
		h, k := i, j
		if c.lone[j] {
			h, k = j, i
		}
		for _, x := range []int{k - 1, k} {
			if x >= 0 && c.windows[x] != nil {
				try(c.sc.features(c.nodes[h], c.windows[x]), windowDiscount, partWindow)
			}
		}
	}
	ci, cj := c.clauses[i], c.clauses[j]
	if len(ci) == 0 && len(cj) == 0 {
		return p, best, part
	}
	xs := append([]*node{c.nodes[i]}, ci...)
	ys := append([]*node{c.nodes[j]}, cj...)
	for x, a := range xs {
		for y, b := range ys {
			if x == 0 && y == 0 {
				continue
			}
			try(c.sc.features(a, b), clauseDiscount, partClause)
		}
	}
	return p, best, part
}

// pairs returns the candidate pairs (i < j), each once, in order.
func (c *corpus) pairs(ctx context.Context) ([][2]int32, error) {
	acc := make([]float64, len(c.nodes))
	var cands []int32
	var out [][2]int32
	for i := range c.nodes {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		cands = c.ix.candidates(c.nodes, i, acc, cands)
		for _, j := range cands {
			out = append(out, [2]int32{min(int32(i), j), max(int32(i), j)})
		}
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a][0] != out[b][0] {
			return out[a][0] < out[b][0]
		}
		return out[a][1] < out[b][1]
	})
	k := 0
	for i, p := range out {
		if i == 0 || p != out[k-1] {
			out[k] = p
			k++
		}
	}
	return out[:k], nil
}

// score scores every candidate pair and runs the detectors that are safe
// on any pair. It keeps pairs that may become links.
func (c *corpus) score(ctx context.Context, th thresholds) ([]pairResult, error) {
	pairs, err := c.pairs(ctx)
	if err != nil {
		return nil, err
	}
	// The index has proposed its candidates: its postings and the
	// claims' key ids are not read again, and at 10,000 articles they
	// are several hundred MB that scoring and the decision need not
	// hold.
	c.ix, c.sc.ix = nil, nil
	for _, n := range c.nodes {
		n.keys = nil
	}
	if c.draftOnly {
		pairs = slices.DeleteFunc(pairs, func(p [2]int32) bool {
			return !c.nodes[p[0]].draft && !c.nodes[p[1]].draft
		})
	}
	if th.w == nil {
		th.w = &decisionWeights
	}
	// Pairs are scored independently, so a large corpus is split among
	// the processors in contiguous runs whose results are concatenated
	// in order: the output is that of one loop.
	workers := 1
	if c.sc.concurrent() && len(pairs) >= minParallelPairs {
		workers = min(runtime.GOMAXPROCS(0), len(pairs)/(minParallelPairs/2))
	}
	parts := make([][]pairResult, workers)
	var kept []bool // by pair: whether it has a result, for the memo
	if c.memo != nil {
		kept = make([]bool, len(pairs))
	}
	errs := make([]error, workers)
	scorers := make([]*scorer, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(pairs)/workers, (w+1)*len(pairs)/workers
		cw := c
		if w > 0 {
			cp := *c
			cp.sc = c.sc.worker()
			scorers[w] = cp.sc
			cw = &cp
		}
		run := func() {
			defer catch(&errs[w])
			var k []bool
			if kept != nil {
				k = kept[lo:hi]
			}
			parts[w], errs[w] = cw.scoreRun(ctx, pairs[lo:hi], th, k)
		}
		if w == workers-1 {
			run()
		} else {
			wg.Go(run)
		}
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if c.sc.fresh != nil {
		for _, w := range scorers[1:] {
			c.sc.merge(w)
		}
	}
	results := slices.Concat(parts...)
	if c.memo != nil {
		c.memo.setPairs(pairs, func(k int) bool { return kept[k] }, results)
	}
	return results, nil
}

// minParallelPairs is the number of candidate pairs below which scoring
// stays on one goroutine: fewer are done before a second one would help.
const minParallelPairs = 512

// scoreRun scores a run of candidate pairs (see score); kept, if not
// nil, is set for each pair with a result.
func (c *corpus) scoreRun(ctx context.Context, pairs [][2]int32, th thresholds, kept []bool) ([]pairResult, error) {
	// Nearly every pair is kept (150,651 of 150,662 at 1,000
	// articles): made to their number once rather than grown.
	results := make([]pairResult, 0, len(pairs))
	for k, pr := range pairs {
		if k%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		i, j := int(pr[0]), int(pr[1])
		if c.memo != nil {
			if r, ok, found := c.memo.get(i, j); found {
				if ok {
					results = append(results, r)
					kept[k] = true
				}
				continue
			}
		}
		a, b := c.nodes[i], c.nodes[j]
		pf := c.sc.features(a, b)
		r := pairResult{i: i, j: j, sim: 0.65*pf.mixLo + 0.35*pf.mixHi, p: c.prob(i, j, pf, th.w)}
		if r.p < th.event && c.sharedEvent(a, b) {
			r.p = th.event
		}
		f, ok := c.judge(a, b, r.sim, false)
		if ok {
			r.f = &f
		}
		if ok || r.p >= min(th.low, statusFloor, debunkFloor) || r.p >= strictFloor && sharesAnchor(a, b) {
			results = append(results, r)
			if kept != nil {
				kept[k] = true
			}
		}
	}
	return results, nil
}

// decide turns scored pairs into links, deciding per pair of sources:
// pairs are taken most probable first; a claim's first match in the
// other source needs th.low, any further match th.high. Aligned pairs go
// through all detectors; a pair without a finding agrees.
//
// What a pair becomes depends only on the pairs of its two sources
// before it (a claim's matches in the other source), so the pairs of
// different pairs of sources are decided independently: on all CPUs
// when the lexicon allows it (see scorer.concurrent), each pair of
// sources on one goroutine in the order of the results, and the links
// are gathered in that order, those of one loop.
func (c *corpus) decide(results []pairResult, th thresholds) []brief.Link {
	// (i, j) identifies a pair, so the order is total and needs no
	// stable sort (whose merging dominated large corpora).
	slices.SortFunc(results, func(x, y pairResult) int {
		if c := cmp.Compare(y.p, x.p); c != 0 {
			return c
		}
		if c := cmp.Compare(x.i, y.i); c != 0 {
			return c
		}
		return cmp.Compare(x.j, y.j)
	})
	// Most results become links: made to their number once rather
	// than grown (growing them was a tenth of a rebuild's allocation).
	// Result r's link, if it makes one, is links[r] until the links
	// are gathered.
	links := make([]brief.Link, len(results))
	made := make([]bool, len(results))
	workers := 1
	if c.sc.concurrent() && len(results) >= minParallelPairs {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers == 1 {
		c.decideRun(results, nil, th, links, made, make(map[uint64]int32, len(results)))
	} else {
		c.decideGroups(results, workers, th, links, made)
	}
	n := 0
	for _, ok := range made {
		if ok {
			n++
		}
	}
	ends := make([][2]int, 0, n) // the claims of each link
	n = 0
	for r, ok := range made {
		if ok {
			links[n] = links[r]
			ends = append(ends, [2]int{results[r].i, results[r].j})
			n++
		}
	}
	clear(links[n:]) // the reasons they held
	return c.debunked(links[:n], ends, results)
}

// decideGroups is decide's loop on workers goroutines: the results are
// grouped by their pair of sources, and each group is decided by one
// goroutine with a scorer (whose table of related words is its own)
// and, if the pass keeps reasons, a table of fresh reasons of its own.
func (c *corpus) decideGroups(results []pairResult, workers int, th thresholds, links []brief.Link, made []bool) {
	// The results of each pair of sources, in the order of results: a
	// counting sort by group, groups numbered as they first appear.
	group := make([]int32, len(results))
	ids := map[uint64]int32{}
	var count []int32
	for r, res := range results {
		si, sj := c.nodes[res.i].src, c.nodes[res.j].src
		k := uint64(min(si, sj))<<32 | uint64(uint32(max(si, sj)))
		g, ok := ids[k]
		if !ok {
			g = int32(len(count))
			ids[k] = g
			count = append(count, 0)
		}
		group[r] = g
		count[g]++
	}
	ids = nil
	startOf := make([]int32, len(count)+1)
	for g, n := range count {
		startOf[g+1] = startOf[g] + n
	}
	order := make([]int32, len(results))
	fill := slices.Clone(startOf[:len(count)])
	for r, g := range group {
		order[fill[g]] = int32(r)
		fill[g]++
	}
	group, fill, count = nil, nil, nil
	ngroups := len(startOf) - 1
	var next atomic.Int64
	passes := make([]*reasonPass, workers)
	cws := make([]corpus, workers)
	for w := range workers {
		cws[w] = *c
		cws[w].sc = c.sc.worker()
		if c.reasons != nil {
			passes[w] = &reasonPass{prev: c.reasons.prev, fresh: map[[2]*claimFeat]string{}}
			cws[w].reasons = passes[w]
		}
	}
	var groups [][]groupEntry // by worker, if the pass keeps them
	if c.memo != nil {
		groups = make([][]groupEntry, workers)
	}
	onWorkers(workers, func(w int) {
		matched := map[uint64]int32{}
		const chunk = 64 // groups taken at once
		for {
			lo := int(next.Add(chunk)) - chunk
			if lo >= ngroups {
				return
			}
			hi := min(lo+chunk, ngroups)
			if groups == nil {
				cws[w].decideRun(results, order[startOf[lo]:startOf[hi]], th, links, made, matched)
				continue
			}
			for g := lo; g < hi; g++ {
				groups[w] = c.decideGroup(&cws[w], results, order[startOf[g]:startOf[g+1]], th, links, made, matched, groups[w])
			}
		}
	})
	if c.reasons != nil {
		for _, p := range passes {
			maps.Copy(c.reasons.fresh, p.fresh)
		}
	}
	if groups != nil {
		n := 0
		for _, es := range groups {
			n += len(es)
		}
		m := make(map[[2]*docFeat]groupMemo, n)
		for _, es := range groups {
			for _, e := range es {
				m[e.key] = e.memo
			}
		}
		c.memo.cur.groups = m
	}
}

// groupEntry is a pair of sources' decision, for the memo.
type groupEntry struct {
	key  [2]*docFeat
	memo groupMemo
}

// decideGroup decides the results of one pair of sources, whose
// indices are order, with cw (see decideRun), or takes the links of the
// last pass if they hold (see pairMemo); it appends them to fresh.
func (c *corpus) decideGroup(cw *corpus, results []pairResult, order []int32, th thresholds, links []brief.Link, made []bool, matched map[uint64]int32, fresh []groupEntry) []groupEntry {
	r0 := results[order[0]]
	gk, ok := groupKey(c, c.nodes[r0.i].src, c.nodes[r0.j].src)
	if !ok {
		cw.decideRun(results, order, th, links, made, matched)
		return fresh
	}
	sum := c.memo.groupSum(results, order)
	if prev := c.memo.prev; prev != nil {
		if gm, found := prev.groups[gk]; found && gm.sum == sum {
			for _, l := range gm.links {
				ri := order[l.k]
				links[ri], made[ri] = l.link, true
			}
			c.memo.groupHits.Add(1)
			return append(fresh, groupEntry{gk, gm})
		}
	}
	cw.decideRun(results, order, th, links, made, matched)
	gm := groupMemo{sum: sum}
	n := 0
	for _, ri := range order {
		if made[ri] {
			n++
		}
	}
	gm.links = make([]groupLink, 0, n)
	for k, ri := range order {
		if made[ri] {
			gm.links = append(gm.links, groupLink{int32(k), links[ri]})
		}
	}
	return append(fresh, groupEntry{gk, gm})
}

// decideRun decides the results whose indices are in order (nil: all
// of them), which holds, for each of its pairs of sources, every result
// of the pair, in the order of results. matched counts, by claim and
// other source, the links made so far. Result r's link is put in
// links[r], and made[r] set.
func (c *corpus) decideRun(results []pairResult, order []int32, th thresholds, links []brief.Link, made []bool, matched map[uint64]int32) {
	// A claim and another source, as a map key: maps of uint64 keys
	// are the fastest (a struct key was a tenth of a rebuild's time).
	key := func(node, src int) uint64 { return uint64(node)<<32 | uint64(uint32(src)) }
	m := matched
	rank := rankOf(c.lex)
	n := len(results)
	if order != nil {
		n = len(order)
	}
	for k := range n {
		ri := k
		if order != nil {
			ri = int(order[k])
		}
		r := results[ri]
		a, b := c.nodes[r.i], c.nodes[r.j]
		ka, kb := key(r.i, b.src), key(r.j, a.src)
		first := m[ka] == 0 && m[kb] == 0
		aligned := r.p >= th.high || (r.p >= th.low && first)
		var f finding
		ok := r.f != nil
		if ok {
			f = *r.f
		}
		switch {
		case aligned:
			// Detectors that need the two claims to report one event.
			if g, found := c.judge(a, b, r.sim, true); found {
				f, ok = g, true
			}
		case !ok && r.p >= statusFloor && sharesName(a, b):
			// A claim that something is done and one that it is pending
			// rarely look alike: "arrived in Moscow" / "heading to Moscow".
			// The predicates must match (see differentStatus).
			f, ok = differentStatus(a, b, c.lex, c.canon, c.retold)
			if !ok {
				f, ok = c.polarity(a, b)
			}
		case !ok && r.p >= polarityFloor:
			// A denial shares few words with what it denies ("Reports
			// that Comcast will cut off Tor users are false").
			f, ok = c.polarity(a, b)
		case !ok && r.p >= strictFloor && sharesAnchor(a, b):
			f, ok = c.strictConflict(a, b)
		}
		agrees := !ok
		if agrees {
			if !aligned || hedgedOnly(a, b) || c.oppositePolarity(a, b) || timesDiffer(a, b) || rolesSwapped(a, b, c.canon) || twoStages(a, b, c.lex) || otherQuotes(a, b) {
				// A hedged report ("reportedly") is not agreement with
				// the claim it reports, nor a negation with what it
				// does not state; two claims on different days that are
				// no time conflict (see differentTime) are two events,
				// and so are two that swap who does what to whom, or
				// that have one mover there and another on the way.
				continue
			}
			f = finding{rel: brief.Agree, score: r.p}
		}
		// Asked last, of the pairs that would make a link (59,444 of
		// the 150,651 decided at 1,000 articles): it changes nothing
		// else, and it was the largest part of the decision.
		if otherActors(a, b, c.canon, rank) && (r.f == nil || r.f.kind != brief.KindQuote) {
			// Two people doing alike things: neither agreement nor a
			// conflict of their times, places or numbers.
			continue
		}
		if agrees {
			f.reason = c.reasons.reason(c, a, b)
		}
		m[ka]++
		m[kb]++
		links[ri] = makeLink(a.f.claim.ID, b.f.claim.ID, f)
		made[ri] = true
	}
}

// judge runs the disagreement detectors. With aligned unset it runs those
// that are safe on any candidate pair (quotation, role, number); with
// aligned set, those that need the pair to be about one event as well.
func (c *corpus) judge(a, b *node, sim float64, aligned bool) (finding, bool) {
	canon, different, lex := c.canon, c.isDifferent, c.lex
	// Safe on any candidate pair; numbers compare related nouns only
	// when the pair is aligned.
	if f, ok := sameQuote(a, b, sim); ok {
		return f, true
	}
	if f, ok := differentRole(a, b, canon, c.isEntity, lex); ok {
		return f, true
	}
	if f, ok := c.formerRole(a, b); ok {
		return f, true
	}
	if f, ok := differentNumber(a, b, sim, lex, aligned); ok {
		return f, true
	}
	if !aligned {
		return finding{}, false
	}
	// Only for a pair about one event.
	if f, ok := differentStatus(a, b, lex, canon, c.retold); ok {
		return f, true
	}
	if f, ok := c.polarity(a, b); ok {
		return f, true
	}
	if f, ok := differentTime(a, b, lex, canon); ok {
		return f, true
	}
	if f, ok := differentPlace(a, b, canon, different); ok {
		return f, true
	}
	if f, ok := opposite(a, b, canon); ok {
		return f, true
	}
	return finding{}, false
}

// polarity reports one claim negating or denying the other (see
// polarityConflict), in either direction.
//
// A source that itself denies what a claims is not contradicted by its
// own report of the denied claim: an article saying "WHO says the reports
// are untrue" also says "there were reports of Ebola cases", and that
// sentence is context, not its stance.
func (c *corpus) polarity(a, b *node) (finding, bool) {
	return c.polarityExact(a, b, false)
}

// polarityExact is polarity; with exact set the negated or denied head
// must be stated in the same word (see polarityConflict).
func (c *corpus) polarityExact(a, b *node, exact bool) (finding, bool) {
	if f, ok := polarityConflict(a, b, c.canon, c.lex, nil, exact); ok && !c.sourceNegates(b.src, a) {
		return f, true
	}
	if f, ok := polarityConflict(b, a, c.canon, c.lex, nil, exact); ok && !c.sourceNegates(a.src, b) {
		return f, true
	}
	return finding{}, false
}

// strictConflict is the check of a pair below the floors that names one
// entity: short claims share few words however close they are ("Banksy
// wasn't arrested" / "Banksy arrested in London", p 0.07), so one of
// them negating the other's very predicate, in the same word, is a
// disagreement; synonyms and arrivals are left to pairs above the
// floors.
func (c *corpus) strictConflict(a, b *node) (finding, bool) {
	if f, ok := statusClash(a, b, c.lex, c.canon, true, c.retold); ok {
		return f, true
	}
	if f, ok := statusClash(b, a, c.lex, c.canon, true, c.retold); ok {
		return f, true
	}
	if f, ok := withdrawal(a, b, c.canon); ok {
		return f, true
	}
	if f, ok := withdrawal(b, a, c.canon); ok {
		return f, true
	}
	return c.polarityExact(a, b, true)
}

// retold reports whether another claim of d's source denies or negates
// the predicate with match key k (see statusClash).
func (c *corpus) retold(d *node, k string) bool {
	lo, _ := slices.BinarySearchFunc(c.nodes, d.src, func(x *node, s int) int { return cmp.Compare(x.src, s) })
	for i := lo; i < len(c.nodes) && c.nodes[i].src == d.src; i++ {
		if n := c.nodes[i]; n != d && n.f != d.f && deniesKey(n, k) {
			return true
		}
	}
	return false
}

// sourceNegates reports whether a claim of source src negates or
// denies what one of n's cues does.
func (c *corpus) sourceNegates(src int, n *node) bool {
	lo, _ := slices.BinarySearchFunc(c.nodes, src, func(x *node, s int) int { return cmp.Compare(x.src, s) })
	for k := lo; k < len(c.nodes) && c.nodes[k].src == src; k++ {
		for i := range n.f.pols {
			if negates(c.nodes[k], &n.f.pols[i], c.lex) {
				return true
			}
		}
	}
	return false
}

// formerRole reports one claim saying a person held an office before and
// the other giving it as the person's title (see formerAndCurrent).
func (c *corpus) formerRole(a, b *node) (finding, bool) {
	if f, ok := formerAndCurrent(a, b, c.canon, c.lex); ok {
		return f, true
	}
	return formerAndCurrent(b, a, c.canon, c.lex)
}

// agreeReason names what two agreeing claims share: names, quantities
// and words as the first claim writes them, identical words first, then
// words the lexicon relates ("truce" ~ "ceasefire").
func (c *corpus) agreeReason(a, b *node) string {
	sc := c.sc
	var shared []string
	for _, m := range a.f.ments {
		if containsStr(b.ents, c.canon(m.Key)) && !containsStr(shared, q(m.Name)) {
			shared = append(shared, q(m.Name))
		}
	}
	for _, x := range a.f.nums {
		if hasValue(b.f.nums, x) {
			shared = append(shared, q(x.Text))
		}
	}
	for k, x := range a.wids {
		if containsInt32(b.wids, x) {
			shared = append(shared, q(a.f.words[k].text))
		}
	}
	for k, x := range a.wids {
		if containsInt32(b.wids, x) {
			continue
		}
		best, bk := 0.0, -1
		for l, y := range b.wids {
			if r := sc.related(x, y); r > best {
				best, bk = r, l
			}
		}
		if best >= 0.5 {
			shared = append(shared, q(a.f.words[k].text)+" ~ "+q(b.f.words[bk].text))
		}
	}
	if len(shared) > 6 {
		shared = shared[:6]
	}
	if len(shared) == 0 {
		return "agree: same fact in other words"
	}
	return "agree: both report " + strings.Join(shared, ", ")
}

func containsInt32(s []int32, x int32) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

func makeLink(x, y string, f finding) brief.Link {
	if y < x {
		x, y = y, x
	}
	l := brief.Link{A: x, B: y, Relation: f.rel, Score: round3(f.score), Reason: f.reason}
	if f.rel == brief.Disagree {
		l.Kind = f.kind
	}
	return l
}

func round3(x float64) float64 {
	x = math.Max(0, math.Min(1, x))
	return math.Round(x*1000) / 1000
}

func sortLinks(ls []brief.Link) {
	sort.Slice(ls, func(i, j int) bool {
		if ls[i].A != ls[j].A {
			return ls[i].A < ls[j].A
		}
		return ls[i].B < ls[j].B
	})
}
