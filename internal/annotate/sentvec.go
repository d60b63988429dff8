package annotate

import "math"

// sentenceEncoder is implemented by lexicons that embed a whole sentence
// (internal/lexicon's SIF vectors over counter-fitted word vectors). The
// cosine of two sentences' vectors is a paraphrase signal that needs no
// shared word: "military attire" / "combat gear", "chopped off" / "cuts
// off".
type sentenceEncoder interface {
	SentenceVector(words []string) []float32
}

func (l wordLexicon) SentenceVector(words []string) []float32 { return l.lx.SentenceVector(words) }

// encoderOf returns lex's sentence encoder, looking through the caches
// that wrap it, or nil.
func encoderOf(lex Lexicon) sentenceEncoder {
	for {
		switch l := lex.(type) {
		case sentenceEncoder:
			return l
		case *keyCache:
			lex = l.Lexicon
		case *memo:
			if l.noSentences {
				return nil
			}
			lex = l.Lexicon
		case vecMemo:
			if l.noSentences {
				return nil
			}
			lex = l.Lexicon
		default:
			return nil
		}
	}
}

// vecScale quantises a unit sentence vector to int8: every component of a
// unit vector lies in [-1, 1]. A claim keeps its vector in 100 bytes
// rather than 400; cosines move by about 0.005.
const vecScale = 127

// sentVec returns the quantised sentence vector of toks, or nil when the
// lexicon has no encoder or no word has a vector.
func sentVec(toks []token, lex Lexicon) []int8 {
	enc := encoderOf(lex)
	if enc == nil {
		return nil
	}
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Lower
	}
	return quantise(enc.SentenceVector(words))
}

func quantise(v []float32) []int8 {
	if v == nil {
		return nil
	}
	out := make([]int8, len(v))
	for i, x := range v {
		out[i] = int8(math.Round(float64(max(-1, min(1, x))) * vecScale))
	}
	return out
}

// sumVec is the vector of two sentences read as one: the normalised sum
// of their vectors (either may be nil).
func sumVec(a, b []int8) []int8 {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	s := make([]float32, len(a))
	var norm float64
	for i := range s {
		s[i] = float32(a[i]) + float32(b[i])
		norm += float64(s[i]) * float64(s[i])
	}
	if norm == 0 {
		return nil
	}
	k := float32(1 / math.Sqrt(norm))
	for i := range s {
		s[i] *= k
	}
	return quantise(s)
}

// vecCos is the cosine of two quantised vectors, 0 if either is missing.
func vecCos(a, b []int8) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	var dot, na, nb int32
	for i, x := range a {
		y := b[i]
		dot += int32(x) * int32(y)
		na += int32(x) * int32(x)
		nb += int32(y) * int32(y)
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return float64(dot) / math.Sqrt(float64(na)*float64(nb))
}
