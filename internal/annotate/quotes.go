package annotate

import "strings"

// quote is a direct quotation inside a claim.
type quote struct {
	Text       string      // without the quotation marks
	Words      []string    // lower case, contractions expanded
	Parts      []quotePart // each sentence of the quotation
	Start, End int         // byte range in the claim text, marks excluded
}

// quotePart is one sentence of a quotation: its words (as in
// quote.Words) and, for reasons, its text and each word's byte range in it.
type quotePart struct {
	Words []string
	Text  string
	Spans [][2]int
}

// extractQuotes returns the quotations of a claim: text between curly or
// straight double quotation marks.
func extractQuotes(s string) []quote {
	var out []quote
	open, openStraight := -1, -1
	for i, r := range s {
		switch r {
		case '“':
			open = i + len("“")
		case '”':
			if open >= 0 {
				out = appendQuote(out, s, open, i)
				open = -1
			}
		case '"':
			if openStraight < 0 {
				openStraight = i + 1
			} else {
				out = appendQuote(out, s, openStraight, i)
				openStraight = -1
			}
		}
	}
	return out
}

func appendQuote(out []quote, s string, a, b int) []quote {
	t := strings.TrimSpace(s[a:b])
	if t == "" {
		return out
	}
	qt := quote{Text: t, Words: words(t), Start: a, End: b}
	spaced := strings.ReplaceAll(t, "…", "… ")
	for _, sp := range splitPlain(spaced) {
		part := spaced[sp[0]:sp[1]]
		if w, spans := wordSpans(part); len(w) > 0 {
			qt.Parts = append(qt.Parts, quotePart{Words: w, Text: part, Spans: spans})
		}
	}
	return append(out, qt)
}

// speechVerbs introduce reported speech.
var speechVerbs = setOf("said", "says", "say", "saying", "stated", "states", "stating", "added", "adding",
	"told", "tells", "wrote", "writes", "writing", "declared", "declares", "warned", "warning", "warns",
	"remarked", "noted", "noting", "asserted", "asserting", "asserts", "claimed", "claiming", "claims",
	"explained", "insisted", "argued", "described", "describing", "calling", "called", "urged",
	"announced", "tweeted", "posted", "confirmed", "acknowledged", "according", "mentioned", "stressed",
	"emphasized", "emphasised", "cautioned", "replied", "responded", "admitted", "promised", "vowed",
	"indicated", "suggested", "suggesting", "revealed", "insists", "explains", "continued", "asked", "asking")

var pronouns = setOf("he", "she", "they", "we", "i")

// speakerOf finds who utters the quotations of a claim: the name next to
// a speech verb ("X said", "said X", "according to X", "X: “…”"), else
// the first person named outside the quotation. It returns the mention
// index or -1, and whether the speaker is a pronoun ("he said").
func speakerOf(text string, toks []token, ms []mention, qs []quote) (int, bool) {
	if len(qs) == 0 {
		return -1, false
	}
	inQuote := func(off int) bool {
		for _, q := range qs {
			if off >= q.Start && off < q.End {
				return true
			}
		}
		return false
	}
	hasPerson := false
	for _, m := range ms {
		if m.Person && !inQuote(m.Start) {
			hasPerson = true
		}
	}
	mentionAt := func(lo, hi int) int {
		// The nearest mention in [lo, hi) outside the quotation; when the
		// sentence names a person, only a person can speak.
		best := -1
		for k, m := range ms {
			if m.Start < lo || m.End > hi || inQuote(m.Start) || m.Place || (hasPerson && !m.Person) {
				continue
			}
			best = k
		}
		return best
	}
	for k, t := range toks {
		if t.InQuote || inQuote(t.Start) || !speechVerbs[t.Lower] {
			continue
		}
		// "said X" / "according to X".
		if k+1 < len(toks) {
			lo := toks[k+1].Start
			hi := toks[min(k+7, len(toks)-1)].End
			if t.Lower == "according" && k+2 < len(toks) {
				lo = toks[k+2].Start
			}
			if m := mentionAt(lo, hi); m >= 0 && (ms[m].Start == nextNameStart(toks, k+1) || t.Lower == "according") {
				return m, false
			}
		}
		// "X said": the nearest name before the verb in the same clause.
		lo := 0
		if k > 8 {
			lo = toks[k-8].Start
		}
		if m := mentionAt(lo, t.Start); m >= 0 {
			return m, false
		}
		if k > 0 && pronouns[toks[k-1].Lower] {
			return -1, true
		}
	}
	// "X: “…”" and other forms: the first person outside the quotation.
	for k, m := range ms {
		if !inQuote(m.Start) && m.Person {
			return k, false
		}
	}
	return -1, false
}

// nextNameStart returns the start of the first capitalised token at or
// after k, skipping lower-case title words ("said Press Secretary …").
func nextNameStart(toks []token, k int) int {
	for ; k < len(toks); k++ {
		if toks[k].Cap {
			return toks[k].Start
		}
		if !roleNouns[toks[k].Lower] && !isStop(toks[k].Lower) {
			return -1
		}
	}
	return -1
}

// quoteRelation compares two quotations of one speaker. It returns
// same=true when one contains the other word for word, and otherwise the
// share of the shorter quotation's words found in order in the longer
// (0..1).
func quoteRelation(a, b []string) (same bool, overlap float64) {
	if len(a) == 0 || len(b) == 0 {
		return false, 0
	}
	if containsSeq(a, b) || containsSeq(b, a) {
		return true, 1
	}
	// Longest common subsequence on words.
	n, m := len(a), len(b)
	if n*m > 40000 {
		return false, 0
	}
	dp := make([][]int, n+1)
	for i := range dp {
		dp[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	lcs := dp[0][0]
	overlap = float64(lcs) / float64(min(n, m))
	return false, overlap
}

// diffWords renders the stretch where two quotation parts differ, in
// their original words, with one word of context and "…" for the elided
// common parts: "… peace in this war" vs "… peace since the war began".
func diffWords(a, b quotePart) (string, string) {
	p := 0
	for p < len(a.Words) && p < len(b.Words) && a.Words[p] == b.Words[p] {
		p++
	}
	s := 0
	for s < len(a.Words)-p && s < len(b.Words)-p && a.Words[len(a.Words)-1-s] == b.Words[len(b.Words)-1-s] {
		s++
	}
	render := func(x quotePart) string {
		lo, hi := p, len(x.Words)-s // the differing words are lo..hi-1
		first, last := max(lo-1, 0), min(hi, len(x.Words)-1)
		if last < first {
			last = first
		}
		out := strings.TrimSpace(x.Text[x.Spans[first][0]:x.Spans[last][1]])
		if lo > 1 {
			out = "… " + out
		}
		if s > 1 {
			out += " …"
		}
		return out
	}
	return render(a), render(b)
}

// containsSeq reports whether short occurs contiguously in long.
func containsSeq(long, short []string) bool {
	if len(short) > len(long) {
		return false
	}
outer:
	for i := 0; i+len(short) <= len(long); i++ {
		for j := range short {
			if long[i+j] != short[j] {
				continue outer
			}
		}
		return true
	}
	return false
}
