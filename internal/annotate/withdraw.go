package annotate

import (
	"strings"

	"github.com/brief-dev/brief/internal/brief"
)

// withdrawWords are single verbs by which someone leaves or refuses what
// they were to do ("Christian Bale quits Steve Jobs movie"), by form.
var withdrawWords = setOf("quit", "quits", "quitting", "exit", "exits", "exited", "exiting",
	"withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing", "ditch", "ditches", "ditched",
	"abandon", "abandons", "abandoned")

// withdrawPhrases are the phrasal verbs of withdrawing: the verb's
// forms, each with the particle that makes it one.
var withdrawPhrases = map[string]string{
	"drop": "out", "drops": "out", "dropped": "out", "dropping": "out",
	"pull": "out", "pulls": "out", "pulled": "out", "pulling": "out",
	"back": "out", "backs": "out", "backed": "out", "backing": "out",
	"bail": "on", "bails": "on", "bailed": "on", "bailing": "on",
	"walk": "away", "walks": "away", "walked": "away", "walking": "away",
	"step": "down", "steps": "down", "stepped": "down", "stepping": "down",
	"turn": "down", "turns": "down", "turned": "down", "turning": "down",
	"pass": "on", "passes": "on", "passed": "on", "passing": "on",
}

// joinLemmas are predicates of taking part in something: what a
// withdrawal undoes ("to play Steve Jobs", "will star in", "signed to
// lead").
var joinLemmas = setOf("play", "star", "portray", "join", "sign", "lead", "compete", "attend",
	"headline", "participate")

// participation is what a claim says of taking part: a withdrawal
// verb and the predicates of taking part, by byte range in its text.
// Most claims have neither, and then claimFeat.part is nil.
type participation struct {
	withdraw     byteRange   // the withdrawal verb, or the zero byteRange
	withdrawText string      // the words stating it
	joins        []byteRange // predicates of taking part, not negated, with a "to"/"will" before them
}

// byteRange is a range of bytes in a claim's text.
type byteRange struct{ start, end int }

// participationOf finds a claim's withdrawal and predicates of taking
// part, outside quotations; a negated withdrawal ("did not quit") is
// none, and so is a negated predicate ("will not play").
func participationOf(text string, toks []token, lex Lexicon) *participation {
	var p participation
	found := false
	for i, t := range toks {
		if t.InQuote {
			continue
		}
		w := strings.ReplaceAll(t.Lower, "’", "'")
		end := -1
		switch {
		case withdrawWords[w]:
			end = t.End
		case withdrawPhrases[w] != "" && i+1 < len(toks) && toks[i+1].Lower == withdrawPhrases[w]:
			end = toks[i+1].End
		}
		if end >= 0 {
			if !negatedJustBefore(toks, i) && p.withdrawText == "" {
				p.withdraw, p.withdrawText, found = byteRange{t.Start, end}, text[t.Start:end], true
			}
			continue
		}
		if !joinWords[w] {
			continue
		}
		if _, l := matchKey(lex, w); !joinLemmas[l] || negatedJustBefore(toks, i) {
			continue
		}
		start := t.Start
		if i > 0 {
			switch toks[i-1].Lower {
			case "to", "will", "would":
				start = toks[i-1].Start
			}
		}
		p.joins = append(p.joins, byteRange{start, t.End})
		found = true
	}
	if !found {
		return nil
	}
	return &p
}

// joinWords are the forms of joinLemmas, checked before the lexicon is
// asked for a lemma.
var joinWords = func() map[string]bool {
	m := map[string]bool{}
	for l := range joinLemmas {
		for _, f := range []string{l, l + "s", l + "ed", l + "ing", l + "ning", l + "ned", l + "red", l + "ring", strings.TrimSuffix(l, "e") + "ed", strings.TrimSuffix(l, "e") + "ing"} {
			m[f] = true
		}
	}
	for _, f := range []string{"starred", "starring", "led"} {
		m[f] = true
	}
	return m
}()

// negatedJustBefore reports a negation among the three words before
// token i: a negation cue of polarity.go, or a contraction with "n't".
func negatedJustBefore(toks []token, i int) bool {
	for k := max(0, i-3); k < i; k++ {
		w := strings.ReplaceAll(toks[k].Lower, "’", "'")
		if negationCues[w] || strings.HasSuffix(w, "n't") {
			return true
		}
	}
	return false
}

// withdrawal reports w saying someone withdrew from or turned down what
// j says they take part in: the one who withdraws is named in j before
// its predicate of taking part ("Christian Bale Exits Steve Jobs Movie" /
// "Christian Bale to play Steve Jobs"), the two name or say something
// else in common (what is left), neither is hedged or a question, and j
// does not withdraw itself.
func withdrawal(w, j *node, canon func(string) string) (finding, bool) {
	pw, pj := w.f.part, j.f.part
	if pw == nil || pw.withdrawText == "" || pj == nil || len(pj.joins) == 0 || pj.withdrawText != "" {
		return finding{}, false
	}
	if w.f.hedge != "" || j.f.hedge != "" || question(w) || question(j) {
		return finding{}, false
	}
	// Who withdraws: a name before the verb that j names too.
	who := ""
	for _, m := range w.f.ments {
		// A Title Case line may read the verb into the name ("Christian
		// Bale Bails on …"): the name need only start before it.
		if m.Start >= pw.withdraw.start || inAnyQuote(w.f.quotes, m.Start) {
			continue
		}
		key := canon(m.Key)
		for _, e := range j.ents {
			if sharesNameWord(key, e) {
				who = e
			}
		}
	}
	if who == "" {
		return finding{}, false
	}
	// What is left: another name the two share.
	other := false
	for _, e := range w.ents {
		if sharesNameWord(e, who) {
			continue
		}
		for _, x := range j.ents {
			if sharesNameWord(e, x) {
				other = true
			}
		}
	}
	for _, x := range w.f.words {
		// or a word (a Title Case line's names are not always read as
		// names: "… To Play Steve Jobs In Sony's Next Biopic").
		if !other && !withdrawWords[x.lemma] && !joinLemmas[x.lemma] && j.f.hasKey(x.key) {
			other = true
		}
	}
	if !other {
		return finding{}, false
	}
	// j's predicate of taking part, after the name of who withdraws.
	whoEnd := -1
	for _, m := range j.f.ments {
		if sharesNameWord(canon(m.Key), who) {
			whoEnd = m.End
			break
		}
	}
	for _, sp := range pj.joins {
		if whoEnd < 0 || sp.start < whoEnd {
			continue
		}
		return finding{rel: brief.Disagree, kind: brief.KindStatus, score: 0.6,
			reason: "status: " + q(pw.withdrawText) + " vs " + q(j.f.claim.Text[sp.start:sp.end])}, true
	}
	return finding{}, false
}

// question reports a claim that asks rather than states.
func question(n *node) bool {
	return strings.HasSuffix(strings.TrimSpace(n.f.claim.Text), "?")
}
