package annotate

import (
	"slices"
	"strings"
	"unicode"
)

// commonRank is the GloVe frequency rank below which a word of a Title
// Case line, written in lower case nowhere in the corpus and capitalised
// inside no sentence, is taken for a common word rather than a name.
const commonRank = 20000

// titleCase reports whether a line is set in Title Case or ALL CAPS, as
// headlines are: at least three words, and either no lower-case letter
// at all or every word of four letters or more capitalised. Such a line
// says nothing about which of its words are names.
func titleCase(toks []token) bool {
	words, caps, long, longCaps := 0, 0, 0, 0
	hasLower := false
	for _, t := range toks {
		if t.Lower == "" || t.Lower[0] <= '9' {
			continue
		}
		words++
		if t.Cap {
			caps++
		}
		if strings.IndexFunc(t.Text, unicode.IsLower) >= 0 {
			hasLower = true
		}
		if len(t.Lower) >= 4 {
			long++
			if t.Cap {
				longCaps++
			}
		}
	}
	if words < 3 {
		return false
	}
	return !hasLower && caps == words || long >= 2 && longCaps == long && caps*4 >= words*3
}

// truecase returns a Title Case or ALL CAPS line's tokens with Cap kept
// only on words that look like names: written capitalised inside a
// sentence somewhere (capMid), or neither written in lower case anywhere
// (lower) nor among the commonest words by rank (-1: no rank).
func truecase(toks []token, capMid, lower func(string) bool, rank func(string) int) []token {
	out := make([]token, len(toks))
	copy(out, toks)
	for k := range out {
		t := &out[k]
		if !t.Cap {
			continue
		}
		w := strings.ReplaceAll(t.Lower, "’", "'")
		if capMid(w) {
			continue
		}
		if lower(w) || isStop(w) || strings.HasSuffix(w, "n't") || contraction(w) {
			// A contracted auxiliary ("Hasn’t", "They’re") is no name.
			t.Cap = false
			continue
		}
		if r := rank(w); r >= 0 && r < commonRank {
			t.Cap = false
		}
	}
	return out
}

// caseVocab records how a source writes its words outside Title Case
// lines: capitalised inside a sentence (not first of a sentence or a
// quotation), or in lower case.
type caseVocab struct {
	capMid, lower map[string]bool
}

func (v *caseVocab) add(toks []token) {
	for _, t := range toks {
		w := strings.ReplaceAll(t.Lower, "’", "'")
		switch {
		case !t.Cap:
			v.lower[w] = true
		case !t.Initial && !shouted(t.Text):
			v.capMid[w] = true
		}
	}
}

// shouted reports a word in capitals longer than an acronym ("OMG
// BANKSY WAS ARRESTED"): emphasis, which says nothing of whether the
// word is a name.
func shouted(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 4
}

// rankOf returns the lexicon's frequency rank function, or one that
// knows no word.
func rankOf(lex Lexicon) func(string) int {
	for {
		switch l := lex.(type) {
		case vectorLexicon:
			return l.Rank
		case *keyCache:
			lex = l.Lexicon
			continue
		}
		return func(string) int { return -1 }
	}
}

// retitle reads the Title Case lines of the corpus again with the
// capitals of every source: a headline's "Christian Bale" stays a name
// when another source writes "Christian Bale" inside a sentence, and its
// "Man" becomes a word when another writes "man". It returns the new
// features of the lines whose reading changed; the cached ones are left
// alone.
func retitle(docs []*docFeat, lex Lexicon) map[*claimFeat]*claimFeat {
	if len(docs) < 2 || !slices.ContainsFunc(docs, func(d *docFeat) bool { return d.titled }) {
		return nil
	}
	capMid := func(w string) bool {
		for _, d := range docs {
			if d.vocab.capMid[w] {
				return true
			}
		}
		return false
	}
	lower := func(w string) bool {
		for _, d := range docs {
			if d.vocab.lower[w] {
				return true
			}
		}
		return false
	}
	rank := rankOf(lex)
	out := map[*claimFeat]*claimFeat{}
	for _, d := range docs {
		if !d.titled {
			continue
		}
		for _, f := range d.feats {
			if !f.titled {
				continue
			}
			toks := truecase(tokenize(f.claim.Text), capMid, lower, rank)
			same := len(toks) == len(f.toks)
			for k := 0; same && k < len(toks); k++ {
				same = toks[k].Cap == f.toks[k].Cap
			}
			if same {
				continue
			}
			g := extractClaim(f.claim, toks, extractMentions(f.claim.Text, toks, d.vocab.lower), lex)
			g.titled = true
			out[f] = g
		}
	}
	return out
}
