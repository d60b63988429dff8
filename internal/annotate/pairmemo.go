package annotate

import (
	"encoding/binary"
	"hash/maphash"
	"maps"
	"math"
	"sync"
	"sync/atomic"

	"github.com/brief-dev/brief/internal/brief"
)

// pairMemo keeps, between passes, what scoring found for each candidate
// pair (pairResult, or that the pair was not kept) and what the
// decision made of each pair of sources, so that a pass after an edit
// scores and decides again only what the edit can change.
//
// A pair's score and its safe detectors' finding are a function of the
// two claims' features, of the weights the scorer gives their words,
// names and quantities, the lemmas standing for their words and whether
// the portfolios of their titles are names in the corpus (the node's
// signature, see nodeSig), and of the corpus-wide tables the detectors
// read: the name aliases and the names kept apart. The weights are IDF weights
// over a total that moves in steps (see idfTotal), so an edit leaves
// the weights of every key whose document frequency it did not change
// as they were. A claim is clean if its features are those of the last
// pass (the same *claimFeat: an unchanged source keeps its extraction)
// and so is its signature; a pair of clean claims scored by the last
// pass takes its result from there.
//
// A pair of sources' links are a function of its results, in order, of
// the two sources' claims and of the same tables: a pair of sources
// both unchanged (and not read again by retitle) whose results are the
// last pass's takes its links from there.
//
// Both sums hold the claims' signatures. Everything is scored and
// decided again when the tables differ or the corpus reads sentences in
// windows (see sentenceWindows), whose
// features this does not follow.
type pairMemo struct {
	mu   sync.Mutex
	last *pairState
}

// pairState is what one pass leaves to the next.
type pairState struct {
	roots     map[string]string
	different map[[2]string]bool
	claims    map[*claimFeat]claimMemo
	nextID    uint32
	pairs     map[uint64]int32 // by pairKey: index in kept, or -1: scored, not kept
	kept      []pairResult     // i and j not meaningful
	groups    map[[2]*docFeat]groupMemo
	// reused and groupsReused count the pairs and the pairs of sources
	// the pass took from the last (for tests).
	reused, groupsReused int
}

// claimMemo is a claim's number in the memo and its signature.
type claimMemo struct {
	id  uint32
	sig uint64
}

// groupMemo is the decision of one pair of sources: a sum of its
// results (see groupSum) and the links made, by place in its results.
type groupMemo struct {
	sum   uint64
	links []groupLink
}

type groupLink struct {
	k    int32
	link brief.Link
}

// pairPass is a pairMemo in use by one pass.
type pairPass struct {
	prev *pairState // nil: nothing holds
	cur  *pairState
	// ids, sigs and clean are by node.
	ids   []uint32
	sigs  []uint64
	clean []bool
	seed  maphash.Seed
	// hits and groupHits count what the pass takes from the last.
	hits, groupHits atomic.Int64
}

// memoSeed seeds the signatures for the life of the process (a memo
// never outlives it).
var memoSeed = maphash.MakeSeed()

// start returns the memo for the pass of c.
func (m *pairMemo) start(c *corpus) *pairPass {
	m.mu.Lock()
	prev := m.last
	m.mu.Unlock()
	p := &pairPass{seed: memoSeed}
	cur := &pairState{roots: c.roots, different: c.different,
		claims: make(map[*claimFeat]claimMemo, len(c.nodes)), groups: map[[2]*docFeat]groupMemo{}}
	if prev != nil && c.lone == nil && maps.Equal(prev.roots, c.roots) && maps.Equal(prev.different, c.different) {
		p.prev = prev
		cur.nextID = prev.nextID
	}
	p.ids = make([]uint32, len(c.nodes))
	p.sigs = make([]uint64, len(c.nodes))
	p.clean = make([]bool, len(c.nodes))
	for i, n := range c.nodes {
		sig := p.nodeSig(c, i)
		p.sigs[i] = sig
		var old claimMemo
		ok := false
		if p.prev != nil {
			old, ok = p.prev.claims[n.f]
		}
		if ok {
			p.clean[i] = old.sig == sig
		} else {
			old.id = cur.nextID
			cur.nextID++
		}
		p.ids[i] = old.id
		cur.claims[n.f] = claimMemo{id: old.id, sig: sig}
	}
	p.cur = cur
	return p
}

// set keeps the pass's state for the next.
func (m *pairMemo) set(p *pairPass) {
	p.cur.reused, p.cur.groupsReused = int(p.hits.Load()), int(p.groupHits.Load())
	m.mu.Lock()
	m.last = p.cur
	m.mu.Unlock()
}

// nodeSig sums what the scorer and the detectors read of node i beyond
// its features: the weight and the standing lemma of each word, the
// weights of its names and quantities, the same for each of its
// clauses, and whether each portfolio of its titles is a name of the
// corpus (see differentRole).
func (p *pairPass) nodeSig(c *corpus, i int) uint64 {
	var h maphash.Hash
	h.SetSeed(p.seed)
	var buf [8]byte
	f64 := func(x float64) {
		binary.LittleEndian.PutUint64(buf[:], math.Float64bits(x))
		h.Write(buf[:])
	}
	add := func(n *node) {
		for _, id := range n.wids {
			f64(c.sc.idf[id])
			h.WriteString(c.sc.lemma[id])
			h.WriteByte(0)
		}
		h.WriteByte(1)
		for _, w := range n.entW {
			f64(w)
		}
		h.WriteByte(2)
		for _, w := range n.numW {
			f64(w)
		}
		if c.sc.small {
			// The weights of shared names and quantities (see
			// index.idfShared).
			for _, w := range n.entS {
				f64(w)
			}
			for _, w := range n.numS {
				f64(w)
			}
		}
		h.WriteByte(3)
	}
	add(c.nodes[i])
	for _, cn := range c.clauses[i] {
		add(cn)
	}
	for _, m := range c.nodes[i].f.ments {
		if m.Role == "" {
			continue
		}
		if x := portfolio(m.Title); x != "" {
			h.WriteString(x)
			if c.isEntity(x) {
				h.WriteByte(1)
			}
			h.WriteByte(0)
		}
	}
	return h.Sum64()
}

// key returns the key of the pair of nodes i < j.
func (p *pairPass) key(i, j int) uint64 { return uint64(p.ids[i])<<32 | uint64(p.ids[j]) }

// get returns the last pass's result for the pair of nodes i < j, and
// whether it kept it; ok is false if it does not hold.
func (p *pairPass) get(i, j int) (r pairResult, kept, ok bool) {
	if p.prev == nil || !p.clean[i] || !p.clean[j] {
		return pairResult{}, false, false
	}
	k, ok := p.prev.pairs[p.key(i, j)]
	if !ok {
		return pairResult{}, false, false
	}
	p.hits.Add(1)
	if k < 0 {
		return pairResult{}, false, true
	}
	r = p.prev.kept[k]
	r.i, r.j = i, j
	return r, true, true
}

// setPairs records the pass's scored pairs (in the order of pairs) and
// its results (those kept, in the same order).
func (p *pairPass) setPairs(pairs [][2]int32, keptOf func(k int) bool, results []pairResult) {
	cur := p.cur
	cur.pairs = make(map[uint64]int32, len(pairs))
	cur.kept = make([]pairResult, 0, len(results))
	r := 0
	for k, pr := range pairs {
		key := p.key(int(pr[0]), int(pr[1]))
		if !keptOf(k) {
			cur.pairs[key] = -1
			continue
		}
		res := results[r]
		r++
		res.i, res.j = 0, 0
		cur.pairs[key] = int32(len(cur.kept))
		cur.kept = append(cur.kept, res)
	}
}

// groupSum sums the results of one pair of sources, in order: the two
// claims and their signatures, their probability, similarity and
// finding.
func (p *pairPass) groupSum(results []pairResult, order []int32) uint64 {
	var h maphash.Hash
	h.SetSeed(p.seed)
	var buf [8]byte
	u64 := func(x uint64) {
		binary.LittleEndian.PutUint64(buf[:], x)
		h.Write(buf[:])
	}
	for _, ri := range order {
		r := results[ri]
		u64(p.key(r.i, r.j))
		u64(p.sigs[r.i])
		u64(p.sigs[r.j])
		u64(math.Float64bits(r.p))
		u64(math.Float64bits(r.sim))
		if f := r.f; f != nil {
			h.WriteString(string(f.rel))
			h.WriteByte(0)
			h.WriteString(string(f.kind))
			h.WriteByte(0)
			u64(math.Float64bits(f.score))
			h.WriteString(f.reason)
		}
		h.WriteByte(0xff)
	}
	return h.Sum64()
}

// groupKey returns the key of the pair of sources si, sj, false if
// either's features are not the extraction's (see corpus.docs).
func groupKey(c *corpus, si, sj int) ([2]*docFeat, bool) {
	k := [2]*docFeat{c.docs[min(si, sj)], c.docs[max(si, sj)]}
	return k, k[0] != nil && k[1] != nil
}
