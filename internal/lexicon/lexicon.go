package lexicon

import (
	"embed"
	"io/fs"
	"strings"
	"sync"
	"sync/atomic"
)

// data holds the generated tables; see doc.go for their formats.
//
//go:embed data
var data embed.FS

// defaultLexicon loads the embedded tables once, on first use.
var defaultLexicon = sync.OnceValue(func() *Lexicon {
	sub, err := fs.Sub(data, "data")
	if err == nil {
		var l *Lexicon
		if l, err = Load(sub); err == nil {
			return l
		}
	}
	// The embedded data is fixed at build time and checked by the tests.
	panic("lexicon: internal error: embedded data: " + err.Error())
})

// Default returns the lexicon built from the embedded data, loading it on
// the first call. It is safe for concurrent use.
func Default() *Lexicon { return defaultLexicon() }

// Lexicon holds read-only WordNet and GloVe tables. Its methods are safe
// for concurrent use.
type Lexicon struct {
	wordNet
	vectors
	antonymLemmas sync.Once    // adds the lemma pairs to vectors.anton on first use
	tags          sync.Map     // word -> Tags's answer, base | inflected<<4
	ntags         atomic.Int64 // words stored in tags (or tried to)
}

// Load reads the data files (wordnet.txt, exceptions.txt, words.txt,
// vectors.bin, paraphrase.bin, sif.txt and antonyms.txt, as written by
// tools/lexicon) from fsys.
func Load(fsys fs.FS) (*Lexicon, error) {
	l := &Lexicon{}
	if err := l.wordNet.load(fsys); err != nil {
		return nil, err
	}
	if err := l.vectors.load(fsys); err != nil {
		return nil, err
	}
	return l, nil
}

// Lemma returns the lowercase base form of word, or word itself lowercased
// when it is not an inflection of a WordNet lemma. See [Lexicon.Lemma].
func Lemma(word string) string { return Default().Lemma(word) }

// Synonyms reports whether a and b have the same lemma, share a WordNet
// synset among their first senses, are derivationally related or one is a
// direct verb hypernym of the other. See [Lexicon.Synonyms].
func Synonyms(a, b string) bool { return Default().Synonyms(a, b) }

// Similarity returns the cosine of the GloVe vectors of a and b, in [-1, 1].
// ok is false when either word has no vector. See [Lexicon.Similarity].
func Similarity(a, b string) (cos float32, ok bool) { return Default().Similarity(a, b) }

// Vector returns the quantised GloVe vector of word (see [VectorScale]).
// The slice is shared and must not be modified. See [Lexicon.Vector].
func Vector(word string) (v []int8, ok bool) { return Default().Vector(word) }

// Rank returns the 0-based frequency rank of word among the GloVe words
// kept, or -1 if it has none. See [Lexicon.Rank].
func Rank(word string) int { return Default().Rank(word) }

// Antonym reports whether a and b are antonyms in WordNet or PPDB 2.0.
// See [Lexicon.Antonym].
func Antonym(a, b string) bool { return Default().Antonym(a, b) }

// SentenceVector returns the SIF embedding of a sentence's words over the
// counter-fitted vectors, a unit vector to compare with [Cosine], or nil.
// See [Lexicon.SentenceVector].
func SentenceVector(words []string) []float32 { return Default().SentenceVector(words) }

// ParaphraseSimilarity returns the cosine of the counter-fitted vectors of
// a and b. See [Lexicon.ParaphraseSimilarity].
func ParaphraseSimilarity(a, b string) (cos float32, ok bool) {
	return Default().ParaphraseSimilarity(a, b)
}

// normalize lowercases word, folds typographic apostrophes to ASCII and
// removes a possessive ending ("Putin's" -> "putin", "officials'" -> "officials").
func normalize(word string) string {
	w := strings.ToLower(word)
	if strings.ContainsRune(w, '\u2019') {
		w = strings.ReplaceAll(w, "\u2019", "'")
	}
	switch {
	case len(w) > 2 && strings.HasSuffix(w, "'s"):
		w = w[:len(w)-2]
	case len(w) > 1 && strings.HasSuffix(w, "'"):
		w = w[:len(w)-1]
	}
	return w
}

// lines calls fn for each non-empty, non-comment line of text, with its
// 1-based line number, and stops at the first error.
func lines(text string, fn func(lineno int, line string) error) error {
	lineno := 0
	for len(text) > 0 {
		lineno++
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(lineno, line); err != nil {
			return err
		}
	}
	return nil
}
