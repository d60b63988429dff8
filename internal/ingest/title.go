package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits for lines that read as a title or a heading.
const (
	maxTitleWords   = 15
	maxTitleRunes   = 150
	maxHeadingWords = 14
	maxHeadingRunes = 100
)

// Limits for a title derived from a first sentence: a sentence up to
// derivedMax runes is used whole; a longer one is cut at the last clause
// boundary before clauseMax runes, or else at a word before wordMax.
const (
	derivedMax = 110
	clauseMin  = 30
	clauseMax  = 140
	wordMax    = 100
)

// closers are characters that may follow the final punctuation of a
// sentence: closing quotes and brackets.
const closers = "\"'”’»)]›"

// openers are characters that may open a quotation.
const openers = "\"'“‘«(["

// wordPunct is what surrounds a word: openers, closers and punctuation.
const wordPunct = "\"'“‘«([”’»)]›,:;?!."

// lastMark returns the last rune of s after skipping trailing closing
// quotes and brackets, and whether any were skipped.
func lastMark(s string) (r rune, quoted bool) {
	t := strings.TrimRight(s, closers)
	r, _ = utf8.DecodeLastRuneInString(t)
	return r, t != s
}

// isTitleLine reports whether a line reads as a headline: short, with
// words, starting with a capital letter or digit, and not ending like a
// sentence, a clause or a lead-in. A question is a headline only when
// it is written in title case ("What’s Next?").
func isTitleLine(s string, maxWords, maxRunes int) bool {
	if s == "" || utf8.RuneCountInString(s) > maxRunes || isListItem(s) {
		return false
	}
	words := strings.Fields(s)
	if len(words) > maxWords || !hasLetter(s) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLower(first) {
		return false
	}
	if strings.ContainsRune(openers, first) {
		// A line wholly inside quotes is a quotation, not a headline.
		if _, quoted := lastMark(s); quoted {
			return false
		}
	}
	last, _ := lastMark(s)
	switch {
	case last == '?':
		return len(words) >= 2 && titleCase(words)
	case unicode.IsLetter(last) || unicode.IsDigit(last):
		return true
	}
	return false
}

// isHeading reports whether a line that stands on its own is a section
// heading.
func isHeading(s string) bool {
	return isTitleLine(s, maxHeadingWords, maxHeadingRunes)
}

// isTitle reports whether the first line of an article is its title.
func isTitle(s string) bool {
	return isTitleLine(s, maxTitleWords, maxTitleRunes)
}

// titleCase reports whether the last word and every word of four letters
// or more start with a capital letter, as in "Who is Leading the Moscow
// Talks?".
func titleCase(words []string) bool {
	last, _ := utf8.DecodeRuneInString(strings.TrimLeft(words[len(words)-1], openers))
	if !unicode.IsUpper(last) && !unicode.IsDigit(last) {
		return false
	}
	long := 0
	for _, w := range words {
		w = strings.Trim(w, wordPunct)
		if letterCount(w) < 4 {
			continue
		}
		long++
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return long > 0
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"jr": true, "sr": true, "gen": true, "gov": true, "sen": true, "rep": true,
	"lt": true, "col": true, "capt": true, "sgt": true, "no": true, "vs": true,
	"etc": true, "inc": true, "ltd": true, "co": true, "corp": true, "mt": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "approx": true,
}

// firstSentence returns the first sentence of a paragraph of plain text.
// A sentence ends at ".", "!", "?" or "…" (with any closing quotes)
// followed by a space and a capital letter, digit or opening quote; a
// period after an abbreviation or an initial ("U.S.", "Dr.") does not
// end one.
func firstSentence(s string) string {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !strings.ContainsRune(".!?…", r) {
			continue
		}
		end := i
		for {
			c, n := utf8.DecodeRuneInString(s[end:])
			if n == 0 || !strings.ContainsRune(closers, c) {
				break
			}
			end += n
		}
		rest := s[end:]
		if rest == "" {
			return s
		}
		if rest[0] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "))
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune(openers, next) {
			continue
		}
		if r == '.' && isAbbreviation(s[:i-1]) {
			continue
		}
		return s[:end]
	}
	return s
}

// isAbbreviation reports whether the word at the end of s (just before a
// period) is an abbreviation or an initial.
func isAbbreviation(s string) bool {
	w := s[strings.LastIndexAny(s, " \t(“\"")+1:]
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") {
		return true // U.S, a.m
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return abbreviations[strings.ToLower(w)]
}

// deriveTitle makes a title from the first sentence of a paragraph of
// plain text, shortened at a clause or word boundary when it is long.
func deriveTitle(paragraph string) string {
	s := strings.Join(strings.Fields(firstSentence(paragraph)), " ")
	s = strings.TrimRight(s, ".")
	if utf8.RuneCountInString(s) <= derivedMax {
		return s
	}
	// Only the first clauseMax runes matter from here on.
	if len(s) > 4*clauseMax+4 {
		s = strings.ToValidUTF8(s[:4*clauseMax+4], "")
	}
	// Cut at the last clause boundary that leaves a useful title.
	best := -1
	for _, sep := range []string{", ", "; ", ": ", " – ", " — ", " - "} {
		for off := 0; ; {
			j := strings.Index(s[off:], sep)
			if j < 0 {
				break
			}
			j += off
			n := utf8.RuneCountInString(s[:j])
			if n >= clauseMin && n <= clauseMax && j > best {
				best = j
			}
			off = j + len(sep)
		}
	}
	if best > 0 {
		return s[:best]
	}
	// Cut at a word boundary.
	cut, n := 0, 0
	for i, r := range s {
		if n >= wordMax {
			break
		}
		if r == ' ' {
			cut = i
		}
		n++
	}
	if cut == 0 {
		// One long word: cut it at wordMax runes.
		cut, n = len(s), 0
		for i := range s {
			if n == wordMax {
				cut = i
				break
			}
			n++
		}
	}
	return strings.TrimRight(s[:cut], " ,;:–—-") + "…"
}
