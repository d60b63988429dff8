package lexicon

import "strings"

// POS is a set of WordNet parts of speech.
type POS uint8

// Parts of speech.
const (
	Noun POS = 1 << iota
	Verb
	Adjective
	Adverb
)

// Has reports whether p includes q.
func (p POS) Has(q POS) bool { return p&q != 0 }

// Tags returns the parts of speech word has in WordNet: base holds those
// of which it is a lemma itself ("check": noun and verb), inflected those
// of which it is a regular or irregular inflection of another lemma
// ("arrived", "says", "flew": verb; "talks": noun and verb). It
// normalises word as [Lexicon.Lemma] does. Forms of "be", "have" and
// "do" are verbs (inflected unless they are the base form); other
// function words have no part of speech.
//
// The answers are remembered (Tags is asked for most words of every
// sentence): a lookup rather than WordNet's morphology, for up to
// maxTags words.
func (l *Lexicon) Tags(word string) (base, inflected POS) {
	if v, ok := l.tags.Load(word); ok {
		b := v.(uint8)
		return POS(b & 0xf), POS(b >> 4)
	}
	base, inflected = l.tagsOf(word)
	if l.ntags.Add(1) <= maxTags {
		// A copy: word is often a slice of a whole article.
		l.tags.Store(strings.Clone(word), uint8(base)|uint8(inflected)<<4)
	}
	return base, inflected
}

// maxTags bounds the words Tags remembers (a few MB).
const maxTags = 1 << 17

// tagsOf is Tags, computed.
func (l *Lexicon) tagsOf(word string) (base, inflected POS) {
	w := normalize(word)
	if lem, ok := functionLemma(w); ok {
		switch {
		case lem == w && (w == "be" || w == "have" || w == "do"):
			return Verb, 0
		case lem != w:
			return 0, Verb
		}
		return 0, 0
	}
	for pos := range numPOS {
		if l.has(w, pos) {
			base |= 1 << pos
		}
		if bases, ok := l.exceptions[pos][w]; ok {
			for _, b := range bases {
				if b != w && l.has(b, pos) {
					inflected |= 1 << pos
				}
			}
			continue
		}
		for _, d := range l.rules[pos] {
			stem, ok := strings.CutSuffix(w, d.suffix)
			if !ok || len(stem) < 2 {
				continue
			}
			if pos == verb && d.suffix == "es" && d.repl == "" && !sibilant(stem) {
				continue
			}
			if l.has(stem+d.repl, pos) {
				inflected |= 1 << pos
				break
			}
		}
	}
	return base, inflected
}

// Tags returns the parts of speech of word in the default lexicon. See
// [Lexicon.Tags].
func Tags(word string) (base, inflected POS) { return Default().Tags(word) }
