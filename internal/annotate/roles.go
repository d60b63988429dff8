package annotate

import (
	"slices"
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
	// The participants both claims have, with their places in each: a
	// verb and two others at least. Content words are sorted by match
	// key, so they are met in one pass.
	var shared []sharedPart
	ta, tb := a.f.claim.Text, b.f.claim.Text
	for i, j := 0, 0; i < len(a.f.words) && j < len(b.f.words); {
		x, y := a.f.words[i], b.f.words[j]
		switch {
		case x.key < y.key:
			i++
		case x.key > y.key:
			j++
		default:
			if pa, pb := wordIndex(ta, x.text), wordIndex(tb, y.text); pa >= 0 && pb >= 0 {
				shared = append(shared, sharedPart{x.key, x.lemma, pa, pb, strings.EqualFold(x.text, y.text)})
			}
			i++
			j++
		}
	}
	if len(shared) == 0 {
		return false // no verb
	}
	for _, m := range a.f.ments {
		k := "e:" + canon(m.Key)
		if slices.ContainsFunc(shared, func(p sharedPart) bool { return p.key == k }) {
			continue
		}
		for _, n := range b.f.ments {
			if "e:"+canon(n.Key) == k {
				shared = append(shared, sharedPart{k, "", m.Start, n.Start, false})
				break
			}
		}
	}
	if len(shared) < 3 {
		return false
	}
	for _, v := range shared {
		// The same form in both: "ISIS beheads James Foley" / "James
		// Foley Beheaded in ISIS Video" changes the voice, not the roles.
		if !v.sameForm || symmetricVerbs[v.lemma] {
			continue
		}
		// Each claim's own form: EqualFold may match words of other
		// byte lengths.
		wa, wb := ta[v.a:v.a+wordLen(ta[v.a:])], tb[v.b:v.b+wordLen(tb[v.b:])]
		for _, x := range shared {
			if x.key == v.key || !(x.a < v.a && v.b < x.b) {
				continue
			}
			for _, y := range shared {
				// x before the verb and y after it in a, the other
				// way round in b.
				if y.key == v.key || y.key == x.key || !(v.a < y.a && y.b < v.b) {
					continue
				}
				if !tight(ta[x.a:y.a]) || !tight(tb[y.b:x.b]) || symmetricLink(ta[v.a:y.a]) || symmetricLink(tb[v.b:x.b]) {
					continue
				}
				if passive(ta[:v.a], ta[v.a:y.a]) == passive(tb[:v.b], tb[v.b:x.b]) &&
					verbAt(ta, v.a, wa) && verbAt(tb, v.b, wb) {
					return true
				}
			}
		}
	}
	return false
}

// sharedPart is a participant of two claims (see rolesSwapped): a
// content word's match key and lemma, or "e:" and a canonical name, its byte
// offsets in each claim, and whether the word is written alike in both.
type sharedPart struct {
	key, lemma string
	a, b       int
	sameForm   bool
}

// wordLen is the length of the word s starts with.
func wordLen(s string) int {
	for i := 0; i < len(s); i++ {
		if !isWordByte(s[i]) && s[i] != '-' && s[i] != '\'' {
			return i
		}
	}
	return len(s)
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

// otherQuotes reports two claims that quote one speaker saying two
// different things: every quotation of each shares no word triple with
// any of the other's, and each has one of at least four words. Two
// statements are two facts, however alike the reporting around them
// ("“We urge Russia to accept this plan,” Leavitt stated" / Leavitt
// described the push as “part of our continued efforts to press Russia
// to agree to a ceasefire”).
func otherQuotes(a, b *node) bool {
	if a.f.speakerKey == "" || a.f.speakerKey != b.f.speakerKey || len(a.qkeys) == 0 || len(b.qkeys) == 0 {
		return false
	}
	long := func(n *node) bool {
		return slices.ContainsFunc(n.f.quotes, func(q quote) bool { return len(q.Words) >= 4 })
	}
	return long(a) && long(b) && quoteOverlap(a, b) == 0
}
