package annotate

import (
	"math"
	"sync"
)

// Weights of the signals inside the combined alignment (pairFeat.mix).
const (
	entityWeight = 1.6 // a shared name counts more than a shared word
	numberWeight = 1.5 // a shared quantity with the same value
)

// scorer computes the similarity of two claims from corpus-wide
// statistics: IDF weights of words, names and quantities, and a cache of
// word relatedness.
type scorer struct {
	ix  *index
	lex Lexicon
	// The corpus vocabulary: ids of match keys, their lemmas and IDF.
	ids   map[string]int32
	lemma []string
	idf   []float64
	small bool               // the corpus is small: the nodes' entS and numS differ from entW and numW (see smallCorpus)
	rel   map[uint64]float64 // lex.Related of two ids, lower id first
	memo  *memo              // if lex is a memo: it, and the memo's ids of lemma
	mids  []uint32
	nodes []*node // the nodes scored: claims and their clauses
	// best remembers matches of the previous pass, fresh collects those
	// of this one (see bestMemo); each scoring goroutine has its own
	// fresh, merged when scoring ends (see worker).
	best, fresh map[uint64]bestEntry
}

// concurrent reports whether features may be called from several
// goroutines at once: the relatedness cache must be the memo (safe for
// concurrent use) and the lexicon one of brief's own, whose tables are
// read-only. A Lexicon from Options makes no such promise.
func (s *scorer) concurrent() bool { return concurrentLexicon(s.lex) }

// bestEntry is a remembered alignment: best is what bests returns, reps
// the lemmas that stood for the words' match keys (the corpus's first
// lemma with that key, so they may change when sources are added or
// removed; the entry is used only if they did not).
type bestEntry struct {
	best []float64
	// repsA and repsB are the two nodes' reps, shared by every entry
	// of the node (a copy for each pair was 86 MB of allocation in
	// BenchmarkAnnotate/1000).
	repsA, repsB []string
}

// bestMemo keeps, for each scored pair of claims, how well each content
// word of one is matched in the other (1 for the same key, else the best
// relatedness): a pure function of the two claims' words, and most of
// the cost of alignment. Pairs are keyed by the sequences of their
// words' match keys (each given a number by start), not by claim, so
// that after an edit the unchanged sentences of the edited source, which
// are extracted anew, still find their alignments: only pairs involving
// a new or changed sentence are aligned word by word again. Each pass
// keeps only the pairs it scored.
type bestMemo struct {
	mu   sync.Mutex
	m    map[uint64]bestEntry
	sigs map[string]int32 // match keys of a node's words, joined -> number
}

// start numbers the word sequences of nodes (node.sig) and returns the
// table of the previous pass; the caller must not modify it.
func (b *bestMemo) start(nodes []*node) map[uint64]bestEntry {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.sigs == nil || len(b.sigs) > maxMemo {
		b.sigs = map[string]int32{}
		b.m = nil
	}
	var buf []byte
	for _, n := range nodes {
		buf = buf[:0]
		for _, w := range n.f.words {
			buf = append(buf, w.key...)
			buf = append(buf, 0)
		}
		id, ok := b.sigs[string(buf)]
		if !ok {
			id = int32(len(b.sigs))
			b.sigs[string(buf)] = id
		}
		n.sig = id
	}
	return b.m
}

// set stores the table of the latest pass.
func (b *bestMemo) set(m map[uint64]bestEntry) {
	b.mu.Lock()
	b.m = m
	b.mu.Unlock()
}

// newScorer assigns vocabulary ids to the nodes' words and computes their
// IDF: the corpus IDF, averaged with a prior from the word's frequency
// rank when the lexicon has one (a corpus of a few articles says little
// about how common "arrive" is).
//
// With keep, the pass keeps its word alignments for the next (bestMemo),
// and each node gets the lemmas standing for its words (node.reps), which
// the memo's entries hold; without, no node needs them.
func newScorer(nodes []*node, ix *index, lex Lexicon, keep bool) *scorer {
	s := &scorer{ix: ix, lex: lex, ids: map[string]int32{}, rel: map[uint64]float64{}, nodes: nodes}
	vl, hasRank := lex.(vectorLexicon)
	switch m := lex.(type) {
	case *memo:
		s.memo = m
	case vecMemo:
		s.memo = m.memo
	}
	for _, n := range nodes {
		n.wids = make([]int32, 0, len(n.f.words))
		for _, w := range n.f.words {
			id, ok := s.ids[w.key]
			if !ok {
				id = int32(len(s.lemma))
				s.ids[w.key] = id
				s.lemma = append(s.lemma, w.lemma)
				if s.memo != nil {
					s.mids = append(s.mids, s.memo.id(w.lemma))
				}
				idf := ix.idfOf("w:" + w.key)
				if hasRank {
					r := vl.Rank(w.lemma)
					if r < 0 {
						r = 60000
					}
					idf = 0.5*idf + 0.5*math.Log(1+float64(r)/100)
				}
				s.idf = append(s.idf, idf)
			}
			n.wids = append(n.wids, id)
		}
		// A new slice each pass: the memo's entries keep the old one.
		if keep {
			n.reps = make([]string, len(n.wids))
			for k, id := range n.wids {
				n.reps[k] = s.lemma[id]
			}
		}
		n.weigh(ix)
	}
	s.small = ix.claims < smallCorpus
	return s
}

// related returns the cached relatedness of two vocabulary words. The
// scorer's own table comes first: it needs no lock, and a pass asks for
// the same pairs again and again. The memo keeps them across passes.
func (s *scorer) related(x, y int32) float64 {
	if x == y {
		return 1
	}
	if y < x {
		x, y = y, x
	}
	k := uint64(x)<<32 | uint64(y)
	r, ok := s.rel[k]
	if ok {
		return r
	}
	a, b := s.lemma[x], s.lemma[y]
	if s.memo != nil && a != b {
		r = s.memo.relID(a, b, s.mids[x], s.mids[y])
	} else {
		r = s.lex.Related(a, b)
	}
	s.rel[k] = r
	return r
}

// worker returns a copy of the scorer for one of several goroutines
// scoring at once: it shares everything but the table of related and
// the fresh alignments, which each fills without locking (see merge).
func (s *scorer) worker() *scorer {
	w := *s
	w.rel = map[uint64]float64{}
	if s.fresh != nil {
		w.fresh = map[uint64]bestEntry{}
	}
	return &w
}

// merge adds the fresh alignments of a worker to s. Equal keys hold
// equal entries: an alignment is a function of the two word sequences.
func (s *scorer) merge(w *scorer) {
	for k, e := range w.fresh {
		s.fresh[k] = e
	}
}

// pairFeat are the signals the decision combines for one pair of claims.
// Each "lo"/"hi" pair is the weaker and the stronger of the two
// directions (how much of a is found in b, and of b in a).
type pairFeat struct {
	wordLo, wordHi float64 // IDF-weighted soft alignment of content words
	entLo, entHi   float64 // IDF-weighted share of names found in the other
	mixLo, mixHi   float64 // words, names and quantities together
	num            float64 // a quantity with the same value is shared
	noNames        float64 // 1 when neither claim names anyone or anything
	quote          float64 // share of quotation trigrams shared
	cos            float64 // cosine of the sentence vectors (sentvec.go)
	slot           float64 // a name fills the same slot of a like predicate in both
}

// bests returns, for a pair, the best counterpart of every content word
// of a in b (1 for the same key, the lexicon's relatedness otherwise),
// followed by that of every content word of b in a.
func (s *scorer) bests(a, b *node) []float64 {
	k := uint64(uint32(a.sig))<<32 | uint64(uint32(b.sig))
	if e, ok := s.best[k]; ok && s.sameReps(e, a, b) {
		if s.fresh != nil {
			s.fresh[k] = e
		}
		return e.best
	}
	r := s.bestBoth(a, b)
	if s.fresh != nil {
		s.fresh[k] = bestEntry{best: r, repsA: a.reps, repsB: b.reps}
	}
	return r
}

// sameReps reports whether the words of a and b stand for the lemmas of
// e's nodes.
func (s *scorer) sameReps(e bestEntry, a, b *node) bool {
	if len(e.repsA) != len(a.wids) || len(e.repsB) != len(b.wids) {
		return false
	}
	for i, x := range a.wids {
		if s.lemma[x] != e.repsA[i] {
			return false
		}
	}
	for i, x := range b.wids {
		if s.lemma[x] != e.repsB[i] {
			return false
		}
	}
	return true
}

// bestBoth is bestIn(a, b) followed by bestIn(b, a), asking related
// once for each pair of words rather than once in each direction (it
// is symmetric): a word found as it is in the other claim scores 1,
// any other its best relatedness there.
func (s *scorer) bestBoth(a, b *node) []float64 {
	na, nb := len(a.wids), len(b.wids)
	if na > 64 || nb > 64 {
		r := make([]float64, 0, na+nb)
		r = s.bestIn(r, a, b)
		return s.bestIn(r, b, a)
	}
	r := make([]float64, na+nb)
	ra, rb := r[:na], r[na:]
	// The words of each found as they are in the other, as bits.
	var sameA, sameB uint64
	for i, x := range a.wids {
		for j, y := range b.wids {
			if x == y {
				sameA |= 1 << i
				sameB |= 1 << j
			}
		}
	}
	for i, x := range a.wids {
		doneA := sameA&(1<<i) != 0
		if doneA {
			ra[i] = 1
		}
		for j, y := range b.wids {
			doneB := sameB&(1<<j) != 0
			if doneA && doneB {
				continue
			}
			rel := s.related(x, y)
			if !doneA {
				ra[i] = max(ra[i], rel)
			}
			if !doneB {
				rb[j] = max(rb[j], rel)
			}
		}
	}
	for j := range rb {
		if sameB&(1<<j) != 0 {
			rb[j] = 1
		}
	}
	return r
}

func (s *scorer) bestIn(out []float64, a, b *node) []float64 {
	for _, x := range a.wids {
		best := 0.0
		for _, y := range b.wids {
			if y == x {
				best = 1
				break
			}
		}
		if best < 1 {
			for _, y := range b.wids {
				best = max(best, s.related(x, y))
			}
		}
		out = append(out, best)
	}
	return out
}

// direction aligns a's features into b: every content word takes its best
// counterpart in b (best, from bests), weighted by IDF.
func (s *scorer) direction(a, b *node, best []float64) (word, ent, mix float64) {
	var wn, wd float64
	for k, x := range a.wids {
		w := s.idf[x]
		wd += w
		wn += w * best[k]
	}
	var en, ed float64
	for i, e := range a.ents {
		if containsStr(b.ents, e) {
			en += a.entS[i]
			ed += a.entS[i]
		} else {
			ed += a.entW[i]
		}
	}
	var nn, nd float64
	for i, x := range a.f.nums {
		if sameAmount(b.f.nums, x) {
			nn += a.numS[i]
			nd += a.numS[i]
		} else {
			nd += a.numW[i]
		}
	}
	word, ent = ratio0(wn, wd), ratio0(en, ed)
	mix = ratio0(wn+en+nn, wd+ed+nd)
	return word, ent, mix
}

func ratio0(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// features computes the signals of a pair.
func (s *scorer) features(a, b *node) pairFeat {
	best := s.bests(a, b)
	w1, e1, m1 := s.direction(a, b, best[:len(a.wids)])
	w2, e2, m2 := s.direction(b, a, best[len(a.wids):])
	p := pairFeat{
		wordLo: min(w1, w2), wordHi: max(w1, w2),
		entLo: min(e1, e2), entHi: max(e1, e2),
		mixLo: min(m1, m2), mixHi: max(m1, m2),
	}
	for _, x := range a.f.nums {
		if sameAmount(b.f.nums, x) {
			p.num = 1
		}
	}
	if len(a.ents) == 0 && len(b.ents) == 0 {
		p.noNames = 1
	}
	p.quote = quoteOverlap(a, b)
	p.cos = vecCos(a.f.vec, b.f.vec)
	p.slot = sharedSlot(a, b)
	return p
}

// sharedSlot is 1 when a name fills the slot of the same predicate in
// both claims ("arrived in Moscow" / "landed in Moscow": both "arrive"),
// the predicates' relatedness when they differ but are related, else 0.
func sharedSlot(a, b *node) float64 {
	best := 0.0
	for _, x := range a.slots {
		for _, y := range b.slots {
			if x.ent != y.ent {
				continue
			}
			if x.gov == y.gov {
				return 1
			}
			if a.f.related != nil {
				if r := a.f.related(x.gov, y.gov); r >= 0.5 {
					best = max(best, r)
				}
			}
		}
	}
	return best
}

// sameAmount reports whether ns states x's value in x's unit, whatever
// it counts ("more than 200 people" and "more than 200 injured people").
// Small counts without a unit are too common to count.
func sameAmount(ns []number, x number) bool {
	if x.Unit == "" && x.Value < 10 && x.Value == math.Trunc(x.Value) {
		return hasValue(ns, x)
	}
	for _, n := range ns {
		if n.Value == x.Value && n.Unit == x.Unit {
			return true
		}
	}
	return false
}

// quoteOverlap is the share of the smaller quotation's trigrams that the
// other claim's quotations share.
func quoteOverlap(a, b *node) float64 {
	qa, qb := a.qkeys, b.qkeys
	if len(qa) == 0 || len(qb) == 0 {
		return 0
	}
	shared := 0
	for _, k := range qa {
		if containsInt32(qb, k) {
			shared++
		}
	}
	return float64(shared) / float64(min(len(qa), len(qb)))
}

// Logistic weights of the decision, fitted on the seed annotation
// (testdata/gold.yaml) with TestFitWeights and checked on the storm and
// quake corpora: the probability that two claims report the same fact
// is σ(bias + Σ weight·signal). They come from the fit before titles were
// dropped from the content words; refitting now moves each weight by less
// than 0.4 and the seed and quake F1 by 0.02-0.06 (down), so they were kept.
// noNames came out near zero: names missing on both sides is neutral.
var decisionWeights = weights{
	bias: -5.81, wordLo: 3.33, wordHi: 2.09, entLo: 0.84, entHi: 1.21, mixLo: 2.84, mixHi: 2.20,
	num: 0.67, noNames: -0.03, quote: 2.10,
}

// weights are the logistic weights of the decision.
type weights struct {
	bias, wordLo, wordHi, entLo, entHi, mixLo, mixHi, num, noNames, quote, cos, slot float64
}

// prob is the probability that the pair reports one fact.
func (p pairFeat) prob(w *weights) float64 {
	z := w.bias + w.wordLo*p.wordLo + w.wordHi*p.wordHi + w.entLo*p.entLo + w.entHi*p.entHi +
		w.mixLo*p.mixLo + w.mixHi*p.mixHi + w.num*p.num + w.noNames*p.noNames + w.quote*p.quote + w.cos*p.cos +
		w.slot*p.slot
	return 1 / (1 + math.Exp(-z))
}

func containsStr(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}
