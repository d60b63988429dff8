package ingest

import (
	"strings"
	"unicode/utf8"
)

// convertMarkdown imports a Markdown article, with or without front
// matter. Re-importing a file that Markdown wrote gives it back unchanged.
func convertMarkdown(name string, data []byte) (*Article, error) {
	s := normalizeNewlines(data)
	if err := checkUTF8(name, s); err != nil {
		return nil, err
	}
	src, body, bodyLine, found, err := splitFrontMatter(name, s)
	if err != nil {
		return nil, err
	}
	var fm frontMatter
	if found {
		if fm, err = parseFrontMatter(name, src, 2); err != nil {
			return nil, err
		}
	}
	body = normalizeMarkdown(body)
	if body == "" {
		return nil, emptyArticle(name, bodyLine)
	}
	a := &Article{Meta: fm.meta, Body: body}
	if a.Meta.Title == "" {
		a.Meta.Title, a.Body, a.Meta.TitleDerived = markdownTitle(a.Body)
	}
	return a, nil
}

// fenceOpen matches the opening line of a fenced code block.
var fenceOpen = lazyRegexp("^ {0,3}(`{3,}|~{3,})")

// normalizeMarkdown trims trailing white space from every line, collapses
// runs of blank lines and removes leading and trailing blank lines; the
// result is empty or ends with exactly one "\n". Lines inside fenced code
// blocks are kept as they are. A trailing double space (a hard line
// break) becomes a trailing backslash, the other way to write one; lines
// of only invisible characters count as blank. normalizeMarkdown is
// idempotent.
func normalizeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	fence := "" // the opening fence while inside a fenced code block
	blank := false
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		if fence != "" {
			if t := strings.TrimSpace(line); strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				fence = ""
				line = trimRight(line)
			}
			if blank {
				b.WriteByte('\n')
				blank = false
			}
			b.WriteString(line)
			b.WriteByte('\n')
			continue
		}
		hard := strings.HasSuffix(line, "  ")
		line = trimRight(line)
		if strings.TrimFunc(line, invisible) == "" {
			// Blank, or only zero-width and other invisible characters.
			blank = b.Len() > 0
			continue
		}
		if hard && i+1 < len(lines) && !strings.HasSuffix(line, "\\") && !atxHeading().MatchString(line) && continuesParagraph(lines[i+1]) {
			// A hard line break ("<br>"), written as a backslash so
			// that it survives the trimming of trailing spaces.
			line += "\\"
		}
		if m := fenceOpen().FindStringSubmatch(line); m != nil && !(m[1][0] == '`' && strings.Contains(line[len(m[0]):], "`")) {
			fence = m[1]
		}
		if blank {
			b.WriteByte('\n')
			blank = false
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	// An unclosed fence may end in blank lines.
	out := strings.TrimRight(b.String(), "\n")
	if strings.TrimSpace(out) == "" {
		return ""
	}
	return out + "\n"
}

// newBlock matches a line that starts a block of its own, after which a
// hard break at the end of the line before would show as a backslash.
var newBlock = lazyRegexp(`^ {0,3}(?:#|>|[-*+](?:[ \t]|$)|[0-9]{1,9}[.)](?:[ \t]|$)|` + "```" + `|~~~|\||(?:[-*_][ \t]*){3,}$|=+[ \t]*$)`)

// continuesParagraph reports whether a line after a paragraph line
// continues that paragraph.
func continuesParagraph(next string) bool {
	return strings.TrimFunc(next, invisible) != "" && !newBlock().MatchString(next) && !strings.HasPrefix(next, "    ") && !strings.HasPrefix(next, "\t")
}

// atxHeading matches an ATX heading and captures its level and text.
var atxHeading = lazyRegexp(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))??(?:[ \t]+#+)?[ \t]*$`)

// blockMarker matches the block syntax that may open a paragraph's first
// line: block quote markers and list markers.
var blockMarker = lazyRegexp(`^ {0,3}(?:(?:>[ \t]?)+|[-*+][ \t]+|[0-9]{1,9}[.)][ \t]+)`)

// markdownTitle finds a title for a Markdown body that has none: the text
// of a first heading (a level-1 heading is then removed from the body),
// or else a title derived from the first sentence.
func markdownTitle(body string) (title, rest string, derived bool) {
	first, after, _ := strings.Cut(body, "\n")
	if m := atxHeading().FindStringSubmatch(first); m != nil {
		if t := plainMarkdown(m[2]); t != "" {
			if rest := normalizeMarkdown(after); m[1] == "#" && rest != "" {
				return t, rest, false
			}
			return t, body, false
		}
	}
	// The first paragraph: lines up to the first blank one.
	para, _, _ := strings.Cut(body, "\n\n")
	para = blockMarker().ReplaceAllString(para, "")
	t := deriveTitle(plainMarkdown(strings.Join(strings.Fields(para), " ")))
	return t, body, true
}

// mdLink matches an inline link or image, capturing its text.
var mdLink = lazyRegexp(`!?\[([^\]\n]*)\]\([^)\n]*\)`)

// plainMarkdown reduces one line of Markdown to the text a reader sees,
// well enough for a title: links become their text, backslash escapes
// and emphasis and code markers are removed.
func plainMarkdown(s string) string {
	s = mdLink().ReplaceAllString(s, "$1")
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			b.WriteByte(s[i+1])
			i += 2
			continue
		case r == '*' || r == '`':
		case r == '_':
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			if isAlnum(prev) && isAlnum(next) {
				b.WriteByte('_')
			}
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
