package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Lexicon supplies word knowledge to the scorer. Lemma maps a lower-case
// word to its dictionary form; Related scores two lemmas 0..1 (1 for the
// same word, about 0.9 for synonyms, less for a vector similarity, 0 if
// unrelated or unknown). A Lexicon that also has Vector(word) ([]int8,
// bool) and Rank(word) int, as DefaultLexicon does, adds semantic index
// keys and a frequency prior to the IDF weights.
type Lexicon interface {
	Lemma(w string) string
	Related(a, b string) float64
}

// stemLexicon is the fallback Lexicon: Snowball stems, no relatedness.
type stemLexicon struct{}

func (stemLexicon) Lemma(w string) string {
	if len(w) < 3 {
		return w
	}
	return english.Stem(w, false)
}

func (stemLexicon) Related(a, b string) float64 { return 0 }

// token is one word of a claim's text.
type token struct {
	Text    string // as written, possessive removed
	Lower   string
	Start   int  // byte offset in the claim text
	End     int  // byte offset in the claim text
	Cap     bool // starts with an upper-case letter
	Initial bool // first word of the sentence, a quotation or a list item
	InQuote bool
	Poss    bool // a possessive "’s" followed the word
}

// tokenize splits text into words. A word keeps inner hyphens, dots and
// apostrophes ("30-day", "U.S.", "don’t"); possessive "’s" is dropped.
func tokenize(s string) []token {
	inQ := quoteDepth(s)
	// About a token for each space: made once rather than grown (the
	// growing was half of tokenize's time).
	toks := make([]token, 0, strings.Count(s, " ")+1)
	initial := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if strings.ContainsRune("“\"‘:•([", r) {
				initial = true
			}
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
				j += sz
				continue
			}
			if strings.ContainsRune("-'’.,%", r2) && j+sz < len(s) {
				r3, _ := utf8.DecodeRuneInString(s[j+sz:])
				if r2 == ',' && !(unicode.IsDigit(r3) && j > i && unicode.IsDigit(rune(s[j-1]))) {
					break
				}
				if r2 == '.' && !(unicode.IsLetter(r3) || unicode.IsDigit(r3)) {
					// "U.S." keeps its last dot when the word is an acronym.
					if j-i <= 4 && strings.Contains(s[i:j], ".") {
						j += sz
					}
					break
				}
				if unicode.IsLetter(r3) || unicode.IsDigit(r3) {
					j += sz
					continue
				}
			}
			if r2 == '%' {
				j += sz
			}
			break
		}
		w := s[i:j]
		poss := false
		for _, suf := range []string{"’s", "'s", "’", "'"} {
			if len(w) > len(suf)+1 && strings.HasSuffix(w, suf) {
				w = w[:len(w)-len(suf)]
				poss = true
				break
			}
		}
		first, _ := utf8.DecodeRuneInString(w)
		toks = append(toks, token{
			Text: w, Lower: strings.ToLower(w), Start: i, End: i + len(w), Poss: poss,
			Cap: unicode.IsUpper(first) || particleName(w), Initial: initial, InQuote: inQ[i],
		})
		initial = false
		i = j
	}
	return toks
}

// nameParticles are the lower-case articles and patronymics that Arabic
// names join to the next part with a hyphen: "al-Baghdadi", "el-Sisi",
// "bin-Talal".
var nameParticles = setOf("al", "el", "ad", "ar", "as", "ash", "at", "az", "ibn", "bin", "bint", "abd", "ul")

// particleName reports a word of a name that starts with a particle:
// "al-Baghdadi" is capitalised as a name is, so that "Abu Bakr
// al-Baghdadi" is one name and a Title Case headline holding it is still
// Title Case.
func particleName(w string) bool {
	p, rest, ok := strings.Cut(w, "-")
	if !ok || !nameParticles[p] || rest == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r)
}

// contractions expands common English contractions so that "we’ve" and
// "we have" compare equal.
var contractions = map[string][]string{
	"n't": {"not"}, "'ve": {"have"}, "'re": {"are"}, "'ll": {"will"}, "'m": {"am"}, "'d": {"would"},
}

// words returns the lower-case words of s with contractions expanded and
// apostrophes normalised, for comparing quotations.
func words(s string) []string {
	w, _ := wordSpans(s)
	return w
}

// wordSpans is words with, for each word, the byte range in s of the
// token it comes from (both halves of "we’ve" point at "we’ve").
func wordSpans(s string) ([]string, [][2]int) {
	var out []string
	var spans [][2]int
	for _, t := range tokenize(s) {
		n := len(out)
		out = appendWord(out, t)
		for range len(out) - n {
			spans = append(spans, [2]int{t.Start, t.End})
		}
	}
	return out, spans
}

// appendWord appends the lower-case words of one token.
func appendWord(out []string, t token) []string {
	w := strings.ReplaceAll(t.Lower, "’", "'")
	switch w {
	case "won't":
		return append(out, "will", "not")
	case "can't":
		return append(out, "can", "not")
	case "it's", "that's", "what's", "there's", "he's", "she's", "let's":
		return append(out, strings.TrimSuffix(w, "'s"), map[bool]string{true: "us", false: "is"}[w == "let's"])
	}
	done := false
	for suf, exp := range contractions {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			out = append(out, strings.TrimSuffix(w, suf))
			out = append(out, exp...)
			done = true
			break
		}
	}
	if !done {
		out = append(out, w)
	}
	return out
}

// stopwords are function words that carry no checkable content.
var stopwords = setOf(
	"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by", "with",
	"about", "as", "into", "onto", "over", "under", "after", "before", "during", "since", "until", "than",
	"then", "that", "this", "these", "those", "there", "here", "it", "its", "he", "him", "his", "she", "her",
	"hers", "they", "them", "their", "theirs", "we", "us", "our", "ours", "you", "your", "i", "me", "my",
	"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does",
	"did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no", "so",
	"such", "which", "who", "whom", "whose", "what", "when", "where", "why", "how", "all", "any", "both",
	"each", "few", "more", "most", "other", "some", "own", "same", "too", "very", "just", "also", "only",
	"if", "while", "because", "though", "although", "whether", "up", "down", "out", "off", "again",
	"further", "once", "between", "through", "against", "among", "per", "via", "yet", "still", "even",
	"said", "says", "say", "saying", "stated", "stating", "told", "according", "reported", "added",
	"noted", "meanwhile", "however", "additionally", "also", "itself", "himself", "herself", "themselves",
	"one", "s", "t", "now", "already", "later", "ago", "would", "being", "including", "like", "within",
	"without", "around", "across", "toward", "towards", "upon", "amid", "ahead", "well", "much", "many",
)

// isStop reports whether a lower-case word is a function word.
func isStop(w string) bool { return stopwords[w] }
