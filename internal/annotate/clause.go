package annotate

import "strings"

// clauseOpeners are the words that, after a comma, open a new clause of a
// sentence that reports several facts: coordinating and subordinating
// conjunctions and relative pronouns ("…, and ordered troops…", "…,
// while raising…", "…, which…"). Participles after a comma ("…, having
// travelled from Doha", "…, signaling…") open one too (see clauseStart).
var clauseOpeners = setOf("and", "but", "with", "as", "while", "whereas", "which", "who", "where",
	"though", "although", "after", "before", "since", "because", "following", "amid", "despite", "even",
	"yet", "so", "a", "an", "the")

// minClauseWords is the least number of content words and names a
// clause needs to be compared on its own.
const minClauseWords = 3

// maxClauses bounds the clauses of one sentence.
const maxClauses = 6

// clauseStart reports whether token k opens a new clause: it follows a
// semicolon, a dash or a comma and is a clause opener or a participle,
// outside quotations.
func clauseStart(text string, toks []token, k int) bool {
	t := toks[k]
	if t.InQuote || toks[k-1].InQuote {
		return false
	}
	gap := text[toks[k-1].End:t.Start]
	if strings.ContainsAny(gap, ";—–") {
		return true
	}
	if !strings.Contains(gap, ",") || strings.ContainsAny(gap, "“\"‘") {
		return false
	}
	w := t.Lower
	if clauseOpeners[w] && w != "a" && w != "an" && w != "the" {
		return true
	}
	return !t.Cap && len(w) > 5 && (strings.HasSuffix(w, "ing") || (strings.HasSuffix(w, "ed") && k+1 < len(toks) && toks[k+1].Lower == "by"))
}

// extractClauses splits a sentence that reports several facts into its
// clauses and extracts the words, names and quantities of each, so that
// the fact one article states in a long sentence can be matched with the
// short sentence another gives it ("Witkoff flew into Moscow’s Vnukovo
// airport on Thursday morning, having travelled from Doha…" / "Witkoff
// arrived in Moscow"). Clauses with fewer than minClauseWords content
// words and names join the one before (or after); a sentence of one
// clause has none.
func extractClauses(f *claimFeat, lex Lexicon) []*claimFeat {
	toks := f.toks
	text := f.claim.Text
	var cuts []int // token index where each clause starts
	cuts = append(cuts, 0)
	for k := 1; k < len(toks); k++ {
		if clauseStart(text, toks, k) {
			cuts = append(cuts, k)
		}
	}
	if len(cuts) < 2 {
		return nil
	}
	build := func(i, j int) *claimFeat {
		lo, hi := toks[i].Start, toks[j-1].End
		c := &claimFeat{claim: f.claim, toks: toks[i:j], speaker: -1}
		for _, m := range f.ments {
			if m.Start >= lo && m.End <= hi {
				c.ments = append(c.ments, m)
			}
		}
		inName := func(t token) bool {
			for _, m := range f.ments {
				if t.Start >= min(m.Start, m.TitleStart) && t.End <= m.End {
					return true
				}
			}
			return false
		}
		c.nums = extractNumbers(f.claim.Text, c.toks, lex.Lemma)
		c.words = contentWords(c.toks, inName, lex)
		return c
	}
	final := func(i, j int) *claimFeat {
		c := build(i, j)
		c.vec = sentVec(c.toks, lex)
		return c
	}
	size := func(c *claimFeat) int {
		n := len(c.words)
		seen := map[string]bool{}
		for _, m := range c.ments {
			if !seen[m.Key] {
				seen[m.Key] = true
				n++
			}
		}
		return n
	}
	// Merge clauses too small to stand alone into their neighbour.
	var spans [][2]int
	for x, s := range cuts {
		e := len(toks)
		if x+1 < len(cuts) {
			e = cuts[x+1]
		}
		if len(spans) > 0 && size(build(s, e)) < minClauseWords {
			spans[len(spans)-1][1] = e
			continue
		}
		spans = append(spans, [2]int{s, e})
	}
	if len(spans) > 1 && size(build(spans[0][0], spans[0][1])) < minClauseWords {
		spans[1][0] = spans[0][0]
		spans = spans[1:]
	}
	if len(spans) < 2 || len(spans) > maxClauses {
		return nil
	}
	out := make([]*claimFeat, len(spans))
	for x, sp := range spans {
		out[x] = final(sp[0], sp[1])
	}
	return out
}
