package annotate

import (
	"strings"
	"unicode"

	"github.com/brief-dev/brief/internal/lexicon"
)

// "Russia accused Ukraine of violating the truce" and "Ukraine accused
// Russia of violating the truce" share every word, and are two claims:
// who does what to whom is reversed. rolesSwapped finds such a pair, so
// that it does not agree (both may be true: two sides accusing each
// other); it is no disagreement either.

// symmetricVerbs say the same of their subject and object: "Putin met
// Trump" is "Trump met Putin".
var symmetricVerbs = setOf("meet", "talk", "speak", "negotiate", "agree", "disagree", "clash", "fight",
	"battle", "marry", "divorce", "play", "face", "draw", "tie", "compete", "trade", "exchange", "discuss",
	"join", "partner", "hug", "kiss", "phone", "call", "resemble", "collide", "differ", "debate", "argue",
	"confer", "consult", "wrestle", "match", "rival", "date", "embrace", "greet", "visit")

// rolesSwapped reports whether two claims put the same two participants
// on opposite sides of the same verb: in a, X comes before the verb and Y
// after it, in b, Y before and X after, both in the active or both in
// the passive voice ("The food is being eaten by the kittens" / "The
// kittens are eating the food" is one event; "The monkey is brushing a
// bull dog" / "A bull dog is brushing the monkey" two). Participants are
// names (by their canonical keys) and content words (by match key).
// A verb linked to its object by "with" or "and" ("met with",
// "talks between … and") is symmetric, as are symmetricVerbs.
func rolesSwapped(a, b *node, canon func(string) string) bool {
	pa, pb := participants(a, canon), participants(b, canon)
	for _, v := range a.f.words {
		if symmetricVerbs[v.lemma] {
			continue
		}
		// The same form in both: "ISIS beheads James Foley" / "James
		// Foley Beheaded in ISIS Video" changes the voice, not the roles.
		va, vb := wordIndex(a.f.claim.Text, v.text), -1
		for _, w := range b.f.words {
			if w.key == v.key && strings.EqualFold(w.text, v.text) {
				vb = wordIndex(b.f.claim.Text, w.text)
			}
		}
		if va < 0 || vb < 0 || !verbAt(a.f.claim.Text, va, v.text) || !verbAt(b.f.claim.Text, vb, v.text) {
			continue
		}
		for x, xa := range pa {
			xb, ok := pb[x]
			if !ok || x == v.key {
				continue
			}
			for y, ya := range pa {
				yb, ok := pb[y]
				if !ok || y == x || y == v.key {
					continue
				}
				// x before the verb and y after it in a, the other
				// way round in b.
				if !(xa < va && va < ya && yb < vb && vb < xb) {
					continue
				}
				ta, tb := a.f.claim.Text, b.f.claim.Text
				if !tight(ta[xa:ya]) || !tight(tb[yb:xb]) || symmetricLink(ta[va:ya]) || symmetricLink(tb[vb:xb]) {
					continue
				}
				if passive(ta[:va], ta[va:ya]) == passive(tb[:vb], tb[vb:xb]) {
					return true
				}
			}
		}
	}
	return false
}

// verbAt reports whether w, at byte i of s, reads as a verb: an
// inflected verb form ("accused", "is brushing"), a word that is only a
// verb, or one that is also a noun followed by a determiner or a name
// ("beat the Celtics", not "the Fluor company of the US").
func verbAt(s string, i int, w string) bool {
	base, infl := lexicon.Tags(w)
	switch {
	case infl.Has(lexicon.Verb), base.Has(lexicon.Verb) && !base.Has(lexicon.Noun):
		return true
	case !base.Has(lexicon.Verb):
		return false
	}
	next, _, _ := strings.Cut(strings.TrimLeft(s[i+len(w):], " "), " ")
	return objectStarts[strings.ToLower(next)] || next != "" && unicode.IsUpper([]rune(next)[0])
}

// objectStarts are words that open a verb's object.
var objectStarts = setOf("the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "that",
	"these", "those")

// participants returns the byte offset of the first mention of each of
// a claim's names (by canonical key) and content words (by match key).
func participants(n *node, canon func(string) string) map[string]int {
	m := map[string]int{}
	for _, x := range n.f.ments {
		k := "e:" + canon(x.Key)
		if _, ok := m[k]; !ok {
			m[k] = x.Start
		}
	}
	for _, w := range n.f.words {
		if i := wordIndex(n.f.claim.Text, w.text); i >= 0 {
			m[w.key] = i
		}
	}
	return m
}

// symmetricLink reports whether the text between a verb and its object
// makes the two sides alike: "met with", "talks between Russia and".
func symmetricLink(between string) bool {
	s := " " + strings.ToLower(between) + " "
	return strings.Contains(s, " with ") || strings.Contains(s, " and ") || strings.Contains(s, " between ") ||
		strings.Contains(s, " each other") || strings.Contains(s, " one another")
}

// tight reports whether the text from one participant to the other is
// one short stretch of a clause: at most maxRoleSpan words, no comma or
// other clause break. Farther apart, the two are seldom the verb's
// subject and object ("The Saudi newspaper Okaz reported Monday that
// suspects who escaped Saturday's raid fled in a car …").
func tight(span string) bool {
	return len(strings.Fields(span)) <= maxRoleSpan && !strings.ContainsAny(span, ",;:()–—\"“”")
}

// maxRoleSpan is the most words from the first participant to the
// second (the first included) that rolesSwapped reads as subject, verb
// and object: "Russia accused Ukraine", "The monkey is brushing a bull".
const maxRoleSpan = 6

// passive reports whether the verb that starts after is in the passive
// voice: a form of "be" right before it ("is being eaten", "was
// attacked"; not "is eating") or "by" before the participant after it
// ("eaten by the kittens").
func passive(before, after string) bool {
	if strings.Contains(" "+strings.ToLower(after)+" ", " by ") {
		return true
	}
	verb, _, _ := strings.Cut(after, " ")
	f := strings.Fields(strings.ToLower(before))
	return len(f) > 0 && passiveAux[f[len(f)-1]] && !strings.HasSuffix(verb, "ing")
}

// wordIndex returns the byte offset of the first occurrence of w in s
// as a whole word, or -1.
func wordIndex(s, w string) int {
	if w == "" {
		return -1
	}
	for off := 0; off < len(s); {
		k := strings.Index(s[off:], w)
		if k < 0 {
			return -1
		}
		k += off
		end := k + len(w)
		if (k == 0 || !isWordByte(s[k-1])) && (end == len(s) || !isWordByte(s[end])) {
			return k
		}
		off = k + 1
	}
	return -1
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
