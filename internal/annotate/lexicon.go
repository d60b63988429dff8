package annotate

import (
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
}

func newKeyCache(lex Lexicon) *keyCache { return &keyCache{Lexicon: lex, keys: map[string][2]string{}} }
