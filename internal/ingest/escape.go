package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The escaping below keeps article text from turning into Markdown
// syntax or raw HTML. It is minimal on purpose: a character is escaped
// only where it could start syntax, so that the file stays readable and
// goldmark (CommonMark, with or without GFM) renders the visible text of
// the article unchanged. Every block written by the text importer is a
// single line, which rules out setext headings, tables and lazy
// continuation lines.

var (
	// entityRef matches an HTML entity or numeric character reference,
	// which Markdown would decode.
	entityRef = lazyRegexp(`^&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});`)
	// orderedStart matches what CommonMark reads as an ordered list item.
	orderedStart = lazyRegexp(`^[0-9]{1,9}[.)](?:[ \t]|$)`)
	// thematicBreak matches a line CommonMark reads as a thematic break.
	thematicBreak = lazyRegexp(`^(?:(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})$`)
)

// escapeInline backslash-escapes the characters of one line of text that
// could form inline Markdown syntax: code spans, emphasis, links,
// footnotes, strikethrough, raw HTML, autolinks and entity references.
func escapeInline(s string) string {
	tildes := strings.Count(s, "~") >= 2
	closeAt := -1 // index of the next "]" at or after i, or len(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		next := s[i+size:]
		switch r {
		case '\\':
			if next != "" && isASCIIPunct(next[0]) {
				b.WriteByte('\\')
			}
		case '`', '*':
			b.WriteByte('\\')
		case '_':
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			nr, _ := utf8.DecodeRuneInString(next)
			if !isAlnum(prev) || !isAlnum(nr) {
				b.WriteByte('\\')
			}
		case '~':
			if tildes {
				b.WriteByte('\\')
			}
		case '<':
			if next != "" && (isASCIILetter(next[0]) || strings.IndexByte("/!?", next[0]) >= 0) {
				b.WriteByte('\\')
			}
		case '&':
			if entityRef().MatchString(s[i:]) {
				b.WriteByte('\\')
			}
		case '[':
			if closeAt < i {
				closeAt = len(s)
				if j := strings.IndexByte(s[i:], ']'); j >= 0 {
					closeAt = i + j
				}
			}
			if linkLike(next, s[min(closeAt+1, len(s)):]) {
				b.WriteByte('\\')
			}
		}
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String()
}

// linkLike reports whether a "[" followed by s could open a link, image,
// footnote or reference definition: "[^", or a "]" followed by "(", "["
// or ":". rest is the text after the next "]".
func linkLike(s, rest string) bool {
	if strings.HasPrefix(s, "^") {
		return true
	}
	return rest != "" && strings.IndexByte("([:", rest[0]) >= 0
}

// escapeBlockStart escapes the start of a line that has been through
// escapeInline so that it cannot open a block: ATX heading, block quote,
// bullet or ordered list, thematic break. raw is the unescaped line.
func escapeBlockStart(escaped, raw string) string {
	if escaped == "" {
		return escaped
	}
	switch {
	case escaped[0] == '#' || escaped[0] == '>':
		return `\` + escaped
	case (escaped[0] == '-' || escaped[0] == '+') && (len(escaped) == 1 || escaped[1] == ' ' || escaped[1] == '\t'):
		return `\` + escaped
	case escaped[0] != '\\' && thematicBreak().MatchString(raw):
		return `\` + escaped
	}
	if m := orderedStart().FindString(escaped); m != "" {
		n := len(strings.TrimRight(m, " \t")) - 1
		return escaped[:n] + `\` + escaped[n:]
	}
	return escaped
}

// escapeParagraph escapes a line of text that becomes a paragraph or a
// list item's text.
func escapeParagraph(s string) string {
	return escapeBlockStart(escapeInline(s), s)
}

// escapeHeading escapes the text of an ATX heading. A trailing run of
// "#" after a space would be read as the closing sequence.
func escapeHeading(s string) string {
	e := escapeInline(s)
	t := strings.TrimRight(e, "#")
	if t != e && (t == "" || strings.HasSuffix(t, " ") || strings.HasSuffix(t, "\t")) {
		e = t + `\` + e[len(t):]
	}
	return e
}

func isASCIIPunct(c byte) bool {
	return c < utf8.RuneSelf && unicode.IsPunct(rune(c)) || strings.IndexByte("$+<=>^`|~", c) >= 0
}

func isASCIILetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isAlnum(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
