package annotate

import (
	"sync"

	"github.com/brief-dev/brief/internal/lexicon"
	"github.com/kljensen/snowball/english"
)

// DefaultLexicon returns the lexicon Annotate uses: WordNet lemmas and
// synonyms and GloVe word vectors from internal/lexicon (loaded on first
// use, about 70 ms).
func DefaultLexicon() Lexicon { return wordLexicon{lexicon.Default()} }

// StemLexicon returns a Lexicon that only stems words with Snowball and
// knows no synonyms or vectors: fast, and what the aligner falls back to
// for words a richer lexicon does not know.
func StemLexicon() Lexicon { return stemLexicon{} }

// vectorLexicon is implemented by lexicons that also have word vectors
// (used for the semantic index keys) and frequency ranks (an IDF prior).
type vectorLexicon interface {
	Vector(w string) ([]int8, bool)
	Rank(w string) int
}

// Relatedness of two words that are not the same lemma.
const (
	synonymScore = 0.9 // WordNet synonyms or derivationally related
	// A GloVe cosine c counts (c-minCosine)/(1-minCosine)*vectorCap. GloVe
	// cosines are associative (Tuesday/Wednesday 0.99, war/peace 0.61),
	// so only high cosines count and never as much as a synonym.
	minCosine = 0.55
	vectorCap = 0.8
)

// wordLexicon adapts internal/lexicon.
type wordLexicon struct{ lx *lexicon.Lexicon }

func (l wordLexicon) Lemma(w string) string { return l.lx.Lemma(w) }

func (l wordLexicon) Related(a, b string) float64 {
	if a == b {
		return 1
	}
	if l.lx.Synonyms(a, b) {
		return synonymScore
	}
	c, ok := l.lx.Similarity(a, b)
	if !ok || float64(c) <= minCosine {
		return 0
	}
	return (float64(c) - minCosine) / (1 - minCosine) * vectorCap
}

func (l wordLexicon) Vector(w string) ([]int8, bool) { return l.lx.Vector(w) }
func (l wordLexicon) Rank(w string) int              { return l.lx.Rank(w) }

// matchKey is the key under which content words match exactly: the
// Snowball stem of the lexicon's lemma, so that irregular forms ("flew")
// meet through the lemma and derived forms ("arrival", "arrived") through
// the stem.
func matchKey(lex Lexicon, w string) (key, lemma string) {
	switch m := lex.(type) {
	case *memo:
		return m.matchKey(w)
	case vecMemo:
		return m.matchKey(w)
	}
	if c, ok := lex.(*keyCache); ok {
		if k, ok := c.keys[w]; ok {
			return k[0], k[1]
		}
		key, lemma = matchKey(c.Lexicon, w)
		c.keys[w] = [2]string{key, lemma}
		return key, lemma
	}
	lemma = lex.Lemma(w)
	if len(lemma) < 3 {
		return lemma, lemma
	}
	return english.Stem(lemma, false), lemma
}

// keyCache memoises matchKey while one source is extracted: news text
// repeats its words, and lemmatising and stemming dominate extraction.
type keyCache struct {
	Lexicon
	keys map[string][2]string
	// related is the wrapped lexicon's Related, made once for the
	// source's claims to share (see claimFeat.related).
	related func(a, b string) float64
}

func newKeyCache(lex Lexicon) *keyCache {
	return &keyCache{Lexicon: lex, keys: map[string][2]string{}, related: lex.Related}
}

// maxMemo bounds each table of a memo: past it the table is cleared, so
// a long brief serve session does not grow without limit. A table of a
// million entries takes about 100 MB.
const maxMemo = 1 << 20

// memo wraps an Annotator's lexicon and remembers the results of the
// pure per-word computations of alignment (relatedness of two lemmas,
// match keys, semantic index keys, frequency ranks) across Annotation
// calls: after an edit, brief serve re-aligns the whole corpus, but
// nearly every word and word pair was seen by the previous pass. The
// results are pure functions of the words, so remembering them does not
// change any output. A memo is safe for concurrent use.
type memo struct {
	Lexicon
	vl vectorLexicon // Lexicon's vectors, or nil
	// noSentences hides Lexicon's sentence encoder: the decision in use
	// gives sentence vectors no weight, so they are not computed.
	noSentences bool

	mu   sync.RWMutex
	ids  map[string]uint32    // lemma -> id, for relID
	lem  []string             // id -> lemma
	rel  map[uint64]float64   // relatedness of two lemma ids, lower first
	keys map[string][2]string // word -> match key and lemma
	sem  map[string][]string  // lemma -> semantic keys (nil: no vector)
	rank map[string]int
}

// newMemo wraps lex. The result implements vectorLexicon exactly when
// lex does, since alignment branches on it.
func newMemo(lex Lexicon) Lexicon {
	m := &memo{Lexicon: lex}
	m.reset()
	if vl, ok := lex.(vectorLexicon); ok {
		m.vl = vl
		return vecMemo{m}
	}
	return m
}

func (m *memo) reset() {
	m.ids = map[string]uint32{}
	m.lem = nil
	m.rel = map[uint64]float64{}
	m.keys = map[string][2]string{}
	m.sem = map[string][]string{}
	m.rank = map[string]int{}
}

// full clears the tables when one of them has grown past maxMemo; m.mu
// must be held. Lemma ids handed out before stay valid until the next
// clear; relID checks them.
func (m *memo) full() {
	if len(m.rel) > maxMemo || len(m.ids) > maxMemo || len(m.keys) > maxMemo || len(m.sem) > maxMemo || len(m.rank) > maxMemo {
		m.reset()
	}
}

// id returns the memo's id of a lemma.
func (m *memo) id(lemma string) uint32 {
	m.mu.Lock()
	defer m.mu.Unlock()
	id, ok := m.ids[lemma]
	if !ok {
		m.full()
		id = uint32(len(m.lem))
		m.ids[lemma] = id
		m.lem = append(m.lem, lemma)
	}
	return id
}

// Related implements Lexicon.
func (m *memo) Related(a, b string) float64 {
	if a == b {
		return m.Lexicon.Related(a, b)
	}
	return m.relID(a, b, m.id(a), m.id(b))
}

// relID is Related of lemmas a and b, whose ids (from id) are x and y.
func (m *memo) relID(a, b string, x, y uint32) float64 {
	if b < a {
		a, b, x, y = b, a, y, x
	}
	k := uint64(x)<<32 | uint64(y)
	// A read lock: scoring goroutines look up pairs at once.
	m.mu.RLock()
	r, ok := m.rel[k]
	if ok && (int(max(x, y)) >= len(m.lem) || m.lem[x] != a || m.lem[y] != b) {
		ok = false // the ids are from before a clear
	}
	m.mu.RUnlock()
	if ok {
		return r
	}
	// Related is symmetric for every Lexicon in use; computing it in
	// byte order makes the memo's answer independent of call order.
	r = m.Lexicon.Related(a, b)
	m.mu.Lock()
	if int(max(x, y)) < len(m.lem) && m.lem[x] == a && m.lem[y] == b {
		m.full()
		m.rel[k] = r
	}
	m.mu.Unlock()
	return r
}

// matchKey is matchKey of the wrapped lexicon, remembered.
func (m *memo) matchKey(w string) (key, lemma string) {
	m.mu.RLock()
	k, ok := m.keys[w]
	m.mu.RUnlock()
	if ok {
		return k[0], k[1]
	}
	key, lemma = matchKey(m.Lexicon, w)
	m.mu.Lock()
	m.full()
	m.keys[w] = [2]string{key, lemma}
	m.mu.Unlock()
	return key, lemma
}

// semKeys returns the semantic keys of a lemma, nil if it has no vector.
func (m *memo) semKeys(lemma string) []string {
	m.mu.RLock()
	ks, ok := m.sem[lemma]
	m.mu.RUnlock()
	if ok {
		return ks
	}
	if v, found := m.vl.Vector(lemma); found {
		ks = semKeys(v)
	}
	m.mu.Lock()
	m.full()
	m.sem[lemma] = ks
	m.mu.Unlock()
	return ks
}

// vecMemo is a memo over a lexicon with vectors.
type vecMemo struct{ *memo }

func (m vecMemo) Vector(w string) ([]int8, bool) { return m.vl.Vector(w) }

func (m vecMemo) Rank(w string) int {
	m.mu.RLock()
	r, ok := m.rank[w]
	m.mu.RUnlock()
	if ok {
		return r
	}
	r = m.vl.Rank(w)
	m.mu.Lock()
	m.full()
	m.rank[w] = r
	m.mu.Unlock()
	return r
}
