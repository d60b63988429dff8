package annotate

import (
	"cmp"
	"maps"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/brief-dev/brief/internal/brief"
)

// An article that debunks a story also retells it: "Dylan Thomas says he
// had a spider crawl underneath his skin" beside "Spiders don't burrow
// in skin" and "it is not plausible". The retelling agrees, sentence by
// sentence, with the articles that report the story as true, and its
// denial rarely looks like them: it names the story with its most
// common words, and in a corpus about one story those propose no
// candidates (maxPosting), so the article was counted among the sources
// of the fact it denies.
//
// debunkFloor is the probability above which a pair of claims says that
// their two sources speak of one story, for debunked: lower than
// statusFloor, since a retelling in a debunking article is often hedged
// or partial ("The frightening story about a spider that reportedly
// burrowed through an Australian man's surgery scar …", p 0.07 against
// the headline it retells).
const debunkFloor = 0.05

// debunked reads the article as a whole. For an agree link between a
// claim r of source S and a claim h of another source, every negation or
// denial d of S is checked against h (polarityConflict, as for an
// aligned pair): when d denies what h states, d and h disagree, and r's
// agreement with h is dropped, since S states h only to deny it (as a
// hedged report is no agreement, see hedgedOnly). An agree link is also
// dropped when S already has such a disagreement with h from the pass.
// The cost is the agree links times the negations of their sources.
func (c *corpus) debunked(links []brief.Link, ends [][2]int, results []pairResult) []brief.Link {
	// The claims of each source with a negation or denial.
	neg := map[int][]int{}
	for k, n := range c.nodes {
		if len(n.f.pols) > 0 {
			neg[n.src] = append(neg[n.src], k)
		}
	}
	if len(neg) == 0 {
		return links
	}
	// Pairs of ints as map keys: maps of uint64 keys are the fastest,
	// and the loop below is the cost of debunked.
	pair := func(a, b int) uint64 { return uint64(a)<<32 | uint64(uint32(b)) }
	linked := make(map[uint64]bool, len(ends))
	denies := map[uint64]bool{} // source, claim of another source it denies
	for k, e := range ends {
		linked[pair(min(e[0], e[1]), max(e[0], e[1]))] = true
		if l := links[k]; l.Relation == brief.Disagree && (l.Kind == brief.KindDenial || l.Kind == brief.KindNegation) {
			denies[pair(c.nodes[e[0]].src, e[1])] = true
			denies[pair(c.nodes[e[1]].src, e[0])] = true
		}
	}
	// Whether a negation d of source S denies h (polarityConflict, and
	// no claim of h's source negates it too) is a function of d and h
	// alone, and the loop below asks it for every negation of S once for
	// each agreement of S with h. So the answers are found first, once
	// for each pair (S, h), on all CPUs (checks), and the loop, which
	// decides in the order of the results, reads them: the links are
	// those of one loop that computed each answer when it needed it.
	// The pairs (S, h) to check are numbers, pair(s, h): first those of
	// the results, sorted (found by binary search: a map of the 2.2
	// million pairs at 10,000 articles, with a struct for each, was the
	// largest thing the decision held), then those of the most reported
	// claims (below). The answers are pure, so their order is free; the
	// few pairs with hits keep them in a map.
	keys := make([]uint64, 0, 2*len(results))
	for _, res := range results {
		if res.p < debunkFloor {
			continue
		}
		for _, side := range [2][2]int{{res.i, res.j}, {res.j, res.i}} {
			r, h := side[0], side[1]
			if s := c.nodes[r].src; len(neg[s]) > 0 {
				keys = append(keys, pair(s, h))
			}
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	// The corpus's most reported claims, against every source with a
	// negation that speaks of their story (a pair of the two sources
	// scored at debunkFloor or more): a debunking article's denial often
	// meets none of them in the pairs, when its retellings align with
	// other sentences of the supporting articles.
	fromResults := len(keys)
	top := c.mostReported(links, ends)
	topSrc := map[int]bool{}
	for _, h := range top {
		topSrc[c.nodes[h].src] = true
	}
	related := map[uint64]bool{} // (source, source of a top claim)
	for _, res := range results {
		if res.p >= debunkFloor {
			si, sj := c.nodes[res.i].src, c.nodes[res.j].src
			if topSrc[sj] {
				related[pair(si, sj)] = true
			}
			if topSrc[si] {
				related[pair(sj, si)] = true
			}
		}
	}
	var srcs []int
	for s := range neg {
		srcs = append(srcs, s)
	}
	slices.Sort(srcs)
	extra := map[uint64]bool{}
	for _, h := range top {
		for _, s := range srcs {
			if s == c.nodes[h].src || !related[pair(s, c.nodes[h].src)] {
				continue
			}
			k := pair(s, h)
			if _, found := slices.BinarySearch(keys[:fromResults], k); !found && !extra[k] {
				extra[k] = true
				keys = append(keys, k)
			}
		}
	}
	// The answers for a pair are those of the last pass when its two
	// sources and h are (see denialPass); they hold the negations linked
	// to h by the pass too, which the loops below skip as they skip
	// every pair linked.
	var mu sync.Mutex
	hitsOf := map[uint64][]denial{} // the negations of s that deny h, in neg[s] order
	c.checks(len(keys), func(g int, states statesMemo, negated map[uint64]bool) {
		s, h := int(keys[g]>>32), int(uint32(keys[g]))
		hits, ok := c.denials.get(c, s, h)
		if !ok {
			for k, d := range neg[s] {
				f, ok := polarityConflict(c.nodes[d], c.nodes[h], c.canon, c.lex, states, false)
				if !ok {
					continue
				}
				na := pair(c.nodes[h].src, d)
				no, seen := negated[na]
				if !seen {
					no = c.sourceNegates(c.nodes[h].src, c.nodes[d])
					negated[na] = no
				}
				if !no {
					hits = append(hits, denial{k, f})
				}
			}
		}
		if len(hits) > 0 {
			mu.Lock()
			hitsOf[keys[g]] = hits
			mu.Unlock()
		}
	})
	if c.denials != nil {
		for _, k := range keys {
			c.denials.put(c, int(k>>32), int(uint32(k)), hitsOf[k])
		}
	}
	// New disagreements, in the order of the agree links they come from.
	var added []brief.Link
	for _, res := range results {
		if res.p < debunkFloor {
			continue
		}
		for _, side := range [2][2]int{{res.i, res.j}, {res.j, res.i}} {
			r, h := side[0], side[1]
			s := c.nodes[r].src
			if len(neg[s]) == 0 {
				continue
			}
			for _, hit := range hitsOf[pair(s, h)] {
				d := neg[s][hit.k]
				p := pair(min(d, h), max(d, h))
				if d == r || linked[p] {
					continue
				}
				linked[p] = true
				denies[pair(s, h)] = true
				denies[pair(c.nodes[h].src, d)] = true
				added = append(added, makeLink(c.nodes[d].f.claim.ID, c.nodes[h].f.claim.ID, hit.f))
			}
		}
	}
	for _, k := range keys[fromResults:] {
		s, h := int(k>>32), int(uint32(k))
		for _, hit := range hitsOf[k] {
			d := neg[s][hit.k]
			p := pair(min(d, h), max(d, h))
			if linked[p] {
				continue
			}
			linked[p] = true
			denies[pair(s, h)] = true
			denies[pair(c.nodes[h].src, d)] = true
			added = append(added, makeLink(c.nodes[d].f.claim.ID, c.nodes[h].f.claim.ID, hit.f))
		}
	}
	out := links[:0]
	for k, l := range links {
		e := ends[k]
		if l.Relation == brief.Agree && (denies[pair(c.nodes[e[0]].src, e[1])] || denies[pair(c.nodes[e[1]].src, e[0])]) {
			continue
		}
		out = append(out, l)
	}
	slices.SortFunc(added, func(x, y brief.Link) int {
		if c := cmp.Compare(x.A, y.A); c != 0 {
			return c
		}
		return cmp.Compare(x.B, y.B)
	})
	return append(out, added...)
}

// maxReported is how many of the most reported claims debunked checks
// every related source's negations against.
const maxReported = 64

// mostReported returns the claims with agree links to two or more other
// claims, the most first (ties by index), at most maxReported: the facts
// a corpus reports most, which a debunking article is most likely about.
func (c *corpus) mostReported(links []brief.Link, ends [][2]int) []int {
	support := map[int]int{}
	for k, e := range ends {
		if links[k].Relation == brief.Agree {
			support[e[0]]++
			support[e[1]]++
		}
	}
	var top []int
	for k, n := range support {
		if n >= 2 {
			top = append(top, k)
		}
	}
	slices.SortFunc(top, func(x, y int) int {
		if c := cmp.Compare(support[y], support[x]); c != 0 {
			return c
		}
		return cmp.Compare(x, y)
	})
	if len(top) > maxReported {
		top = top[:maxReported]
	}
	return top
}

// denial is a negation (its index k in its source's list) that denies a
// claim, with the finding.
type denial struct {
	k int
	f finding
}

// onWorkers calls run(w) for every w < workers, the last on the calling
// goroutine and the others on goroutines of their own, and waits for
// them all. A panic in any is raised again on the calling goroutine.
func onWorkers(workers int, run func(w int)) {
	panics := make([]any, workers)
	var wg sync.WaitGroup
	for w := range workers {
		f := func() {
			defer func() { panics[w] = recover() }()
			run(w)
		}
		if w == workers-1 {
			f()
		} else {
			wg.Go(f)
		}
	}
	wg.Wait()
	for _, v := range panics {
		if v != nil {
			panic(v)
		}
	}
}

// checks calls check(i, ...) for every i < n, on GOMAXPROCS goroutines
// when the lexicon allows it (see scorer.concurrent), each goroutine
// with memos of its own. A panic is raised again on the calling
// goroutine.
func (c *corpus) checks(n int, check func(i int, states statesMemo, negated map[uint64]bool)) {
	workers := 1
	if c.sc.concurrent() && n >= 2*checkChunk {
		workers = runtime.GOMAXPROCS(0)
	}
	var next atomic.Int64
	onWorkers(workers, func(int) {
		states, negated := statesMemo{}, map[uint64]bool{}
		for {
			lo := int(next.Add(checkChunk)) - checkChunk
			if lo >= n {
				return
			}
			for i := lo; i < min(lo+checkChunk, n); i++ {
				check(i, states, negated)
			}
		}
	})
}

// checkChunk is how many checks a goroutine takes at a time.
const checkChunk = 256

// passMemo is what an Annotator keeps of an alignment pass for the
// next: word alignments (bestMemo), debunked's answers (denialMemo),
// the reasons of agreements (reasonMemo), and the scored pairs and the
// decisions of pairs of sources (pairMemo).
type passMemo struct {
	best    bestMemo
	denials denialMemo
	reasons reasonMemo
	pairs   pairMemo
}

// denialMemo keeps, between passes, debunked's answer for each pair of
// a source S and a claim h of another source: which negations of S deny
// h (polarityConflict, and no claim of h's source negates it too). The
// answer is a function of the features of S's claims, h and the claims
// of h's source, and of the name aliases (canon): so it is kept by S's
// and h's source's extractions and h's features, and used only while
// the aliases are those of the pass that found it and neither source
// had a line read again by retitle (whose features are new each pass).
// An edit changes the extractions of one source: the answers of every
// other pair stand. Each pass keeps only the answers it used.
type denialMemo struct {
	mu    sync.Mutex
	roots map[string]string // the aliases of the pass that made m
	m     map[denialKey][]denial
}

type denialKey struct {
	s, hs *docFeat
	h     *claimFeat
}

// denialPass is a denialMemo in use by one pass: the last pass's
// answers, if its aliases were these, and the answers of this one.
type denialPass struct {
	prev, fresh map[denialKey][]denial
}

// start returns the memo for a pass with the aliases roots.
func (m *denialMemo) start(roots map[string]string) *denialPass {
	m.mu.Lock()
	defer m.mu.Unlock()
	p := &denialPass{}
	if maps.Equal(m.roots, roots) {
		p.prev = m.m
	}
	p.fresh = make(map[denialKey][]denial, len(p.prev))
	return p
}

// set keeps the answers of the pass with the aliases roots.
func (m *denialMemo) set(roots map[string]string, fresh map[denialKey][]denial) {
	m.mu.Lock()
	m.roots, m.m = roots, fresh
	m.mu.Unlock()
}

// key returns the key of source s and claim h, false if either's
// source had a line retitled.
func (p *denialPass) key(c *corpus, s, h int) (denialKey, bool) {
	hn := c.nodes[h]
	k := denialKey{s: c.docs[s], hs: c.docs[hn.src], h: hn.f}
	return k, k.s != nil && k.hs != nil
}

// get returns the last pass's answer for s and h; it is safe for
// concurrent use.
func (p *denialPass) get(c *corpus, s, h int) ([]denial, bool) {
	if p == nil || p.prev == nil {
		return nil, false
	}
	k, ok := p.key(c, s, h)
	if !ok {
		return nil, false
	}
	hits, ok := p.prev[k]
	return hits, ok
}

// put records the answer for s and h of this pass.
func (p *denialPass) put(c *corpus, s, h int, hits []denial) {
	if p == nil {
		return
	}
	if k, ok := p.key(c, s, h); ok {
		p.fresh[k] = hits
	}
}

// reasonMemo keeps, between passes, the reason of each agree link
// (agreeReason), by the two claims' features. A reason is a function of
// the two claims' features, the name aliases and the lemma standing for
// each word's match key (the corpus's first with the key, see
// bestEntry): it is used only while the aliases are those of the pass
// that made it and no match key of that pass stands for another lemma
// now. Each pass keeps only the reasons it used.
type reasonMemo struct {
	mu    sync.Mutex
	roots map[string]string
	ids   map[string]int32 // the match keys of the pass that made m, and their lemmas
	lemma []string
	m     map[[2]*claimFeat]string
}

// reasonPass is a reasonMemo in use by one pass.
type reasonPass struct {
	prev, fresh map[[2]*claimFeat]string
}

// start returns the memo for a pass with the aliases roots and the
// vocabulary of sc.
func (m *reasonMemo) start(roots map[string]string, sc *scorer) *reasonPass {
	m.mu.Lock()
	defer m.mu.Unlock()
	p := &reasonPass{}
	if m.m != nil && maps.Equal(m.roots, roots) && m.sameLemmas(sc) {
		p.prev = m.m
	}
	p.fresh = make(map[[2]*claimFeat]string, len(p.prev))
	return p
}

// sameLemmas reports whether every match key of the last pass that sc
// has stands for the same lemma in both.
func (m *reasonMemo) sameLemmas(sc *scorer) bool {
	for k, id := range sc.ids {
		if old, ok := m.ids[k]; ok && m.lemma[old] != sc.lemma[id] {
			return false
		}
	}
	return true
}

// set keeps the reasons of the pass.
func (m *reasonMemo) set(roots map[string]string, sc *scorer, fresh map[[2]*claimFeat]string) {
	m.mu.Lock()
	m.roots, m.ids, m.lemma, m.m = roots, sc.ids, sc.lemma, fresh
	m.mu.Unlock()
}

// reason returns agreeReason(a, b), from the last pass if it found it.
func (p *reasonPass) reason(c *corpus, a, b *node) string {
	if p == nil {
		return c.agreeReason(a, b)
	}
	k := [2]*claimFeat{a.f, b.f}
	r, ok := p.prev[k]
	if !ok {
		r = c.agreeReason(a, b)
	}
	p.fresh[k] = r
	return r
}
