package annotate

import (
	"cmp"
	"math"
	"math/bits"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/brief-dev/brief/internal/lexicon"
)

// maxPosting bounds the postings a claim's candidates are drawn from.
// Features shared by more claims than this (a stop-list by document
// frequency) do not propose candidates, so the number of candidates per
// claim is bounded and the cost grows linearly with the number of claims.
const maxPosting = 48

// maxCandidates is how many candidates each claim keeps, those sharing
// the most IDF weight with it; a pair is scored when either claim keeps
// the other.
const maxCandidates = 24

// Semantic keys: each content word with a vector is also indexed under
// the sign pattern of its vector against semTables sets of semBits fixed
// random hyperplanes (locality-sensitive hashing), so that "truce" and
// "ceasefire" or "rubble" and "wreckage" can meet without a shared word.
// A semantic key proposes with semWeight times its IDF.
const (
	semTables = 4
	semBits   = 8
	semWeight = 0.3
)

// hyperplanes are the fixed random directions of the semantic keys,
// drawn from a seeded generator so that keys are the same in every run.
var hyperplanes = sync.OnceValue(func() [][]float32 {
	r := rand.New(rand.NewPCG(20250313, 7))
	hs := make([][]float32, semTables*semBits)
	for i := range hs {
		hs[i] = make([]float32, lexicon.Dims)
		for d := range hs[i] {
			hs[i][d] = float32(r.NormFloat64())
		}
	}
	return hs
})

// semKeys returns the semantic index keys of a word vector.
func semKeys(v []int8) []string {
	hs := hyperplanes()
	keys := make([]string, semTables)
	for t := range semTables {
		code := 0
		for b := range semBits {
			h := hs[t*semBits+b]
			var dot float32
			for d, x := range v {
				dot += float32(x) * h[d]
			}
			if dot > 0 {
				code |= 1 << b
			}
		}
		keys[t] = "h" + strconv.Itoa(t) + ":" + strconv.Itoa(code)
	}
	return keys
}

// node is a claim in the corpus-wide pass.
type node struct {
	f     *claimFeat
	src   int      // index of the source
	draft bool     // the claim belongs to the author's draft
	keys  []int32  // index key ids (see index.id), in the order of the keys
	ents  []string // canonical entity keys, sorted, unique
	wids  []int32  // vocabulary ids of f.words
	reps  []string // the lemmas standing for wids in the pass (see bestEntry)
	sig   int32    // number of the match keys of f.words (see bestMemo)
	// Per pass, for scoring (see weigh): the IDF weights of ents and
	// f.nums, and the quotation keys among keys.
	entW, numW []float64
	// entS and numS are entW and numW for a name or quantity the other
	// claim of a pair shares (see index.idfShared).
	entS, numS []float64
	qkeys      []int32
	// slots are the slots names fill (see claimFeat.govs): the
	// governing lemma and the canonical name ("arrive", "moscow").
	slots []slot
	// events are the index keys of the arrivals the claim states as done
	// (see eventKeys).
	events []string
	// cueNames are, parallel to f.pols, the canonical keys of each cue's
	// names, or nil (then polarityConflict folds them itself): debunked
	// asks for them for every pair it checks.
	cueNames [][]string
}

// slot is a name filling a predicate's slot ("arrived in Moscow").
type slot struct{ gov, ent string }

// weigh computes the node's weights and quotation keys from the index,
// once a pass rather than once for each pair scored.
func (n *node) weigh(ix *index) {
	small := ix.claims < smallCorpus
	n.entW, n.entS = n.entW[:0], n.entS[:0]
	for _, e := range n.ents {
		n.entW = append(n.entW, ix.idfOf("e:"+e)*entityWeight)
		if small {
			n.entS = append(n.entS, ix.idfShared("e:"+e)*entityWeight)
		}
	}
	n.numW, n.numS = n.numW[:0], n.numS[:0]
	for _, x := range n.f.nums {
		n.numW = append(n.numW, numberWeight*ix.idfOf("n:"+x.Key()))
		if small {
			n.numS = append(n.numS, numberWeight*ix.idfShared("n:"+x.Key()))
		}
	}
	if !small {
		// The same weights (see idfShared): no copy.
		n.entS, n.numS = n.entW, n.numW
	}
	n.qkeys = n.qkeys[:0]
	for _, k := range n.keys {
		if ix.quote[k] {
			n.qkeys = append(n.qkeys, k)
		}
	}
}

// index is an inverted index from feature keys to claims. Each key has
// an id, its place in the slices: a claim holds 40 keys on average, as
// 4-byte ids rather than 16-byte strings.
type index struct {
	ids      map[string]int32
	postings [][]int32 // by id: the claims with the key, in order
	idf      []float64 // by id
	total    float64   // the IDF's number of documents (see idfTotal)
	claims   int       // the number of claims indexed
	weight   []float64 // by id: how much sharing the key says
	// sem marks the semantic keys ("h…"), quote the quotation
	// trigrams ("q:…"), by id.
	sem, quote []bool
}

// id returns the id of key k, adding it if it is new.
func (ix *index) id(k string) int32 {
	id, ok := ix.ids[k]
	if !ok {
		id = int32(len(ix.postings))
		ix.ids[k] = id
		ix.postings = append(ix.postings, nil)
		ix.sem = append(ix.sem, k[0] == 'h')
		ix.quote = append(ix.quote, len(k) > 2 && k[:2] == "q:")
	}
	return id
}

// idfShared is the IDF weight of a name's or quantity's key k in a claim
// whose pair shares it, in a small corpus (fewer than smallCorpus
// claims): the two count as one document, since how rare a name is
// should not depend on whether the pair compared has it twice. Without
// that, what two claims share weighs least: in two one-sentence sources
// a shared name has df 2 of 2, the lowest IDF there is (0.18), and one
// only one of them has the highest (0.69), so "ISIS beheads
// photojournalist James Wright Foley …" and "ISIS beheads American
// photo-journalist James Wright Foley …" shared a fifth of their names'
// weight. Words lean half on their frequency rank (see newScorer) and
// keep the corpus weights: counting their shared ones once too made
// SICK's near-identical neutral pairs agree (macro-F1 0.701 -> 0.686). In
// a larger corpus the pair's own share of a key's frequency matters
// little, and the weights are the corpus's.
func (ix *index) idfShared(k string) float64 {
	id, ok := ix.ids[k]
	if !ok {
		return 0
	}
	if df := len(ix.postings[id]); df >= 2 && ix.claims < smallCorpus {
		return math.Max(0.1, math.Log(ix.total/(float64(df-1)+0.5)))
	}
	return ix.idf[id]
}

// smallCorpus is the number of claims below which idfShared counts a
// pair's shared key once.
const smallCorpus = 50

// idfOf returns the IDF weight of key k, 0 for a key no claim has.
func (ix *index) idfOf(k string) float64 {
	if id, ok := ix.ids[k]; ok {
		return ix.idf[id]
	}
	return 0
}

// features returns the index keys of a claim: match keys of its words
// and their semantic keys, entities, numbers (with their value),
// quotation trigrams. names holds the word and entity keys made so far
// in the pass, so that the claims sharing one share its string.
func (n *node) features(lex Lexicon, sem map[string][]string, names *keyNames) []string {
	f := n.f
	// Made to their number once (growing them was a fifth of the time).
	size := len(f.words)*(1+semTables) + len(n.ents) + len(n.events) + 2*len(f.nums)
	for _, q := range f.quotes {
		size += max(1, len(q.Words)-2)
	}
	keys := make([]string, 0, size)
	vl, hasVec := lex.(vectorLexicon)
	for _, w := range f.words {
		keys = append(keys, names.get(names.w, "w:", w.key))
		if m, ok := lex.(vecMemo); ok {
			keys = append(keys, m.semKeys(w.lemma)...)
		} else if hasVec {
			ks, ok := sem[w.lemma]
			if !ok {
				if v, found := vl.Vector(w.lemma); found {
					ks = semKeys(v)
				}
				sem[w.lemma] = ks
			}
			keys = append(keys, ks...)
		}
	}
	for _, e := range n.ents {
		keys = append(keys, names.get(names.e, "e:", e))
	}
	keys = append(keys, n.events...)
	for _, x := range f.nums {
		keys = append(keys, "n:"+x.Key())
		keys = append(keys, "v:"+x.Key()+"="+strconv.FormatFloat(x.Value, 'g', -1, 64))
	}
	for _, q := range f.quotes {
		for i := 0; i+3 <= len(q.Words); i++ {
			keys = append(keys, "q:"+strings.Join(q.Words[i:i+3], " "))
		}
		if len(q.Words) < 3 {
			keys = append(keys, "q:"+strings.Join(q.Words, " "))
		}
	}
	slices.Sort(keys)
	return uniq(keys)
}

// keyNames interns the word and entity keys of a pass (see features):
// a word's key is made once, not once for each claim with the word.
type keyNames struct{ w, e map[string]string }

// get returns prefix+k, made once for each k in m.
func (keyNames) get(m map[string]string, prefix, k string) string {
	s, ok := m[k]
	if !ok {
		s = prefix + k
		m[k] = s
	}
	return s
}

func uniq(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// buildIndex indexes the nodes and computes IDF weights over claims.
// With keep, each claim keeps its keys for the next pass, which makes
// them again only if its canonical names change.
//
// Without keep, the claims' keys are made on all CPUs when the lexicon
// allows it (see concurrentLexicon), a block of claims at a time, and
// given their ids in the order of the claims, as one loop would.
func buildIndex(nodes []*node, lex Lexicon, keep bool) *index {
	ix := &index{ids: map[string]int32{}}
	add := func(i int, keys []string) {
		n := nodes[i]
		n.keys = make([]int32, len(keys))
		for k, key := range keys {
			id := ix.id(key)
			n.keys[k] = id
			ix.postings[id] = append(ix.postings[id], int32(i))
		}
	}
	workers := 1
	if !keep && concurrentLexicon(lex) && len(nodes) >= 2*indexBlock {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers == 1 {
		sem := map[string][]string{} // semantic keys by lemma
		names := &keyNames{w: map[string]string{}, e: map[string]string{}}
		for i, n := range nodes {
			// A claim's keys are those of the last pass unless its
			// canonical names changed (aliases are corpus-wide).
			f := n.f
			keys := f.ixKeys
			if keys == nil || !slices.Equal(f.ixEnts, n.ents) {
				keys = n.features(lex, sem, names)
				f.ixKeys, f.ixEnts = nil, nil
				if keep {
					// Kept for the next pass: without the room append
					// left, which was a third of the keys' memory.
					keys = slices.Clone(keys)
					f.ixKeys, f.ixEnts = keys, n.ents
				}
			}
			add(i, keys)
		}
	} else {
		// Each goroutine has tables of its own; a block's keys are
		// all that is held at once.
		type tables struct {
			sem   map[string][]string
			names *keyNames
		}
		ts := make([]tables, workers)
		for w := range ts {
			ts[w] = tables{map[string][]string{}, &keyNames{w: map[string]string{}, e: map[string]string{}}}
		}
		block := make([][]string, indexBlock)
		for lo := 0; lo < len(nodes); lo += indexBlock {
			hi := min(lo+indexBlock, len(nodes))
			var next atomic.Int64
			next.Store(int64(lo))
			onWorkers(workers, func(w int) {
				for {
					i0 := int(next.Add(indexChunk)) - indexChunk
					if i0 >= hi {
						return
					}
					for i := i0; i < min(i0+indexChunk, hi); i++ {
						n := nodes[i]
						n.f.ixKeys, n.f.ixEnts = nil, nil
						block[i-lo] = n.features(lex, ts[w].sem, ts[w].names)
					}
				}
			})
			for i := lo; i < hi; i++ {
				add(i, block[i-lo])
				block[i-lo] = nil
			}
		}
	}
	total := float64(idfTotal(len(nodes) + 1))
	ix.total, ix.claims = total, len(nodes)
	ix.idf = make([]float64, len(ix.postings))
	ix.weight = make([]float64, len(ix.postings))
	for id, p := range ix.postings {
		ix.idf[id] = math.Max(0.1, math.Log(total/(float64(len(p))+0.5)))
		// Semantic keys propose with less weight than shared words.
		ix.weight[id] = ix.idf[id]
		if ix.sem[id] {
			ix.weight[id] = semWeight * ix.idf[id]
		}
	}
	return ix
}

// idfTotal is the number of documents the IDF weights are computed
// over, for n (the claims and one): n itself up to idfExact, above it n
// with all but its idfBits highest bits cleared, which is less than n
// by under 1/2^(idfBits-1) of it. So adding or removing a sentence in
// a large corpus seldom changes the total, and the weights of the keys
// whose document frequency the edit did not change stay as they were,
// which is what lets a pass keep the scores of the pairs it did not
// touch (see pairMemo); with the exact total every weight moved with
// every sentence. A weight is then off by at most log(1+2^(1-idfBits)),
// 0.008 at 8 bits, against weights of 0.1 to 10.
func idfTotal(n int) int {
	if n <= idfExact {
		return n
	}
	shift := bits.Len(uint(n)) - idfBits
	return n >> shift << shift
}

// idfExact and idfBits set idfTotal: the evaluation corpora (pairs of
// sentences, the seed articles) stay below idfExact.
const (
	idfExact = 1024
	idfBits  = 8
)

// indexBlock is the number of claims whose keys buildIndex makes at once
// on several goroutines, which take indexChunk of them at a time.
const (
	indexBlock = 256
	indexChunk = 32
)

// concurrentLexicon reports whether lex may be asked from several
// goroutines at once: the memo (safe for concurrent use) over one of
// brief's own lexicons, whose tables are read-only (see
// scorer.concurrent).
func concurrentLexicon(lex Lexicon) bool {
	var m *memo
	switch x := lex.(type) {
	case *memo:
		m = x
	case vecMemo:
		m = x.memo
	default:
		return false
	}
	switch m.Lexicon.(type) {
	case wordLexicon, stemLexicon:
		return true
	}
	return false
}

// candidates returns, for node i, the nodes of other sources that share
// the most key weight with it (at most maxCandidates), in index order.
// Keys with postings longer than maxPosting are skipped; draft claims are
// never paired with each other. acc must be zero and len(nodes) long; it
// is left zero.
func (ix *index) candidates(nodes []*node, i int, acc []float64, out []int32) []int32 {
	n := nodes[i]
	out = out[:0]
	for _, k := range n.keys {
		p := ix.postings[k]
		if len(p) > maxPosting {
			continue
		}
		w := ix.weight[k]
		for _, j := range p {
			m := nodes[j]
			if int(j) == i || m.src == n.src || (m.draft && n.draft) {
				continue
			}
			if acc[j] == 0 {
				out = append(out, j)
			}
			acc[j] += w
		}
	}
	if len(out) > maxCandidates {
		// The most shared weight first; ties by index, so the cut is
		// the same in every run.
		slices.SortFunc(out, func(x, y int32) int {
			if c := cmp.Compare(acc[y], acc[x]); c != 0 {
				return c
			}
			return cmp.Compare(x, y)
		})
		for _, j := range out {
			acc[j] = 0
		}
		out = out[:maxCandidates]
	} else {
		for _, j := range out {
			acc[j] = 0
		}
	}
	slices.Sort(out)
	return out
}
