package annotate

import (
	"strings"

	"github.com/brief-dev/brief/internal/brief"
)

// Two claims about one thing can say opposite things of it: "the Nasdaq
// added 1.92 points" / "the Nasdaq dipped 0.08 of a point", "the border
// crossing reopened" / "the border crossing closed", "Smith won the
// runoff" / "Smith lost the runoff". Word vectors put such words close
// together (they occur in the same contexts), so the pair aligns and
// would agree.
//
// The words are a short list of opposites that cannot both hold of one
// subject at one time, not the antonym lists of WordNet and PPDB: those
// pair colours, "war" and "peace", "sit" and "stand", "lost territory" and
// "regained", which two reports of one event use side by side (tried on
// SICK train: 10 more contradictions found for 50 neutral pairs made
// disagreements, and three false ones in the seeds).

// opposites maps a lemma (or, for comparatives, a word) to its scale and
// side: two words of one scale and different sides are opposites.
var opposites = func() map[string][2]int {
	m := map[string][2]int{}
	for scale, sides := range [][2][]string{
		// The direction of a change.
		{{"rise", "increase", "gain", "climb", "jump", "grow", "advance", "surge", "soar", "rally", "rebound",
			"spike", "swell", "expand", "widen", "accelerate", "higher"},
			{"fall", "decrease", "decline", "drop", "dip", "slip", "slide", "sink", "plunge", "tumble", "shrink",
				"slump", "ease", "retreat", "narrow", "plummet", "lower"}},
		{{"open", "reopen"}, {"close", "shut"}},
		{{"alive", "survive"}, {"dead", "die"}},
		{{"win"}, {"lose"}},
		{{"accept", "approve"}, {"reject", "refuse", "veto"}},
		{{"guilty", "convict"}, {"innocent", "acquit"}},
		{{"succeed", "success", "successful"}, {"fail", "failure", "unsuccessful"}},
		{{"legal", "lawful"}, {"illegal", "unlawful"}},
	} {
		for side, words := range sides {
			for _, w := range words {
				m[w] = [2]int{scale, side}
			}
		}
	}
	return m
}()

// oppositeOf returns the scale and side of a content word, by its lemma
// or its lower-case form.
func oppositeOf(w cword) ([2]int, bool) {
	if s, ok := opposites[w.lemma]; ok {
		return s, true
	}
	s, ok := opposites[strings.ToLower(w.text)]
	return s, ok
}

// opposite reports two claims that say opposite things of one subject: a
// content word of each that the other lacks, of one scale and different
// sides ("added" / "dipped"), after a name or word the two share in both
// ("Smith won the runoff" / "Smith lost the runoff"; not "Spain won the
// final" / "England lost the final to Spain"). A claim with a negation
// is left to the polarity detectors: "not guilty" / "innocent" say the
// same.
func opposite(a, b *node, canon func(string) string) (finding, bool) {
	if len(a.f.pols) > 0 || len(b.f.pols) > 0 || a.f.negWords || b.f.negWords || timesDiffer(a, b) {
		return finding{}, false
	}
	for _, x := range a.f.words {
		sx, ok := oppositeOf(x)
		if !ok || b.f.hasKey(x.key) || hasSide(b, sx) {
			continue
		}
		for _, y := range b.f.words {
			sy, ok := oppositeOf(y)
			if !ok || sy[0] != sx[0] || sy[1] == sx[1] || a.f.hasKey(y.key) || hasSide(a, sy) {
				continue
			}
			if sharedSubject(a, b, wordIndex(a.f.claim.Text, x.text), wordIndex(b.f.claim.Text, y.text), canon) {
				return finding{rel: brief.Disagree, kind: brief.KindOpposite, score: 0.6,
					reason: "opposite: " + q(x.text) + " vs " + q(y.text)}, true
			}
		}
	}
	return finding{}, false
}

// hasSide reports whether a claim has a word of the scale and side s:
// "ended the day down 10.89, after advancing 111.04 Wednesday" speaks of
// both directions, so "fell 10.89 points" is not its opposite.
func hasSide(n *node, s [2]int) bool {
	for _, w := range n.f.words {
		if t, ok := oppositeOf(w); ok && t == s {
			return true
		}
	}
	if s[0] == 0 { // the direction of a change
		return wordIndex(strings.ToLower(n.f.claim.Text), [2]string{"up", "down"}[s[1]]) >= 0
	}
	return false
}

// sharedSubject reports whether a name or content word of both claims
// comes shortly before byte i of a's text and byte j of b's: at most
// maxRoleSpan words before, with no clause break between.
func sharedSubject(a, b *node, i, j int, canon func(string) string) bool {
	if i < 0 || j < 0 {
		return false
	}
	ta, tb := a.f.claim.Text, b.f.claim.Text
	near := func(text string, k, at int) bool { return k >= 0 && k < at && tight(text[k:at]) }
	for _, m := range a.f.ments {
		if !near(ta, m.Start, i) {
			continue
		}
		k := canon(m.Key)
		for _, n := range b.f.ments {
			if near(tb, n.Start, j) && canon(n.Key) == k {
				return true
			}
		}
	}
	for _, x := range a.f.words {
		if !near(ta, wordIndex(ta, x.text), i) {
			continue
		}
		for _, y := range b.f.words {
			if y.key == x.key && near(tb, wordIndex(tb, y.text), j) {
				return true
			}
		}
	}
	return false
}
