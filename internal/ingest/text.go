package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Plain text has no markup, so its structure is read from the layout:
//
//   - Blocks are runs of non-blank lines. Within a block each line is a
//     paragraph of its own (many sources put one paragraph on a line),
//     unless the block is hard-wrapped (see isWrapped), in which case a
//     line that fills most of the width continues on the next one.
//   - The first line is the title when it reads as a headline.
//   - A short line that stands on its own and does not end like a
//     sentence is a section heading.
//   - Lines that start with a bullet or a number are list items;
//     consecutive items form one list even with blank lines between them.

// kind is the role of a unit of plain text.
type kind int

const (
	kindParagraph kind = iota
	kindHeading
	kindBullet
	kindOrdered
)

// unit is a paragraph, heading or list item of plain text, joined to a
// single line.
type unit struct {
	kind kind
	text string
	num  string // number of an ordered list item
}

// orderedItem matches a numbered list item: "1. text" or "1) text".
var orderedItem = lazyRegexp(`^([0-9]{1,3})[.)][ \t]+(\S.*)$`)

// bullets start unordered list items.
var bullets = []string{"•", "-", "*", "–"}

// listItem reports whether a trimmed line is a list item and returns its
// kind, number (for ordered items) and text.
func listItem(s string) (k kind, num, text string, ok bool) {
	if m := orderedItem().FindStringSubmatch(s); m != nil {
		return kindOrdered, m[1], m[2], true
	}
	if thematicBreak().MatchString(s) {
		return 0, "", "", false // a separator such as "* * *"
	}
	for _, b := range bullets {
		rest, found := strings.CutPrefix(s, b)
		if !found {
			continue
		}
		r, _ := utf8.DecodeRuneInString(rest)
		if b != "•" && r != ' ' && r != '\t' {
			continue // "-5 degrees", "*emphasis*"
		}
		if text := strings.TrimSpace(rest); text != "" {
			return kindBullet, "", text, true
		}
	}
	return 0, "", "", false
}

func isListItem(s string) bool {
	_, _, _, ok := listItem(s)
	return ok
}

// classify returns the unit a single line of text forms on its own:
// list item, heading or paragraph. last says whether nothing follows it.
func classify(s string, last bool) unit {
	if k, num, text, ok := listItem(s); ok {
		return unit{kind: k, num: num, text: text}
	}
	if !last && isHeading(s) {
		return unit{kind: kindHeading, text: s}
	}
	return unit{kind: kindParagraph, text: s}
}

// convertText imports a plain-text article.
func convertText(name string, data []byte) (*Article, error) {
	s := normalizeNewlines(data)
	if err := checkUTF8(name, s); err != nil {
		return nil, err
	}
	blocks := splitBlocks(s)
	if len(blocks) == 0 {
		return nil, emptyArticle(name, 1)
	}

	var meta Meta
	// The first line is the title when it reads as one and something
	// follows it; it is not a title when the next line continues it.
	first := blocks[0]
	first[0] = strings.TrimSpace(first[0])
	if isTitle(first[0]) && (len(first) > 1 || len(blocks) > 1) &&
		(len(first) == 1 || !startsLower(first[1])) {
		meta.Title = first[0]
		blocks[0] = first[1:]
		if len(blocks[0]) == 0 {
			blocks = blocks[1:]
		}
	}

	units := parseUnits(blocks)
	if meta.Title == "" {
		meta.Title = deriveTitle(firstParagraph(units))
		meta.TitleDerived = true
	}
	return &Article{Meta: meta, Body: renderUnits(units)}, nil
}

// splitBlocks splits text into runs of non-blank lines, with trailing
// white space removed from each line. Leading white space is kept: it
// tells a list item's continuation line (see parseUnits).
func splitBlocks(s string) [][]string {
	var blocks [][]string
	var cur []string
	for line := range strings.SplitSeq(s, "\n") {
		line = trimRight(line)
		if strings.TrimFunc(line, invisible) == "" {
			// Blank, or only zero-width and other format characters
			// (U+0600, U+200B): blank to the Markdown reader too, so
			// such a line must not be the article's only text.
			if cur != nil {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, line)
	}
	if cur != nil {
		blocks = append(blocks, cur)
	}
	return blocks
}

// isWrapped reports whether a block is hard-wrapped prose: no line is
// longer than a typical wrap width, and some line that fills most of the
// width runs on into the next (it ends without sentence punctuation, or
// the next line starts in lower case).
func isWrapped(block []string) bool {
	if len(block) < 2 {
		return false
	}
	width := maxWidth(block)
	if width > 100 || width < 30 {
		return false
	}
	for i := 0; i < len(block)-1; i++ {
		t, next := strings.TrimSpace(block[i]), strings.TrimSpace(block[i+1])
		if isListItem(t) || isListItem(next) || !fills(t, width) {
			continue
		}
		last, _ := lastMark(t)
		if startsLower(next) || !strings.ContainsRune(".!?…:", last) {
			return true
		}
	}
	return false
}

func maxWidth(block []string) int {
	width := 0
	for _, l := range block {
		width = max(width, utf8.RuneCountInString(strings.TrimSpace(l)))
	}
	return width
}

// fills reports whether a line fills most of a block's wrap width, so
// that the paragraph it belongs to probably goes on.
func fills(line string, width int) bool {
	return utf8.RuneCountInString(line)*10 >= width*6
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s))
	return unicode.IsLower(r)
}

// parseUnits turns blocks of lines into paragraphs, headings and list
// items.
func parseUnits(blocks [][]string) []unit {
	type pending struct {
		unit
		lines []string
	}
	var all []pending
	for _, block := range blocks {
		wrapped := isWrapped(block)
		width := maxWidth(block)
		start := len(all)
		for i, line := range block {
			t := strings.TrimSpace(line)
			if i > 0 && len(all) > start {
				prev := &all[len(all)-1]
				indented := line != strings.TrimLeftFunc(line, unicode.IsSpace)
				cont := false
				switch prev.kind {
				case kindBullet, kindOrdered:
					cont = indented && !isListItem(t)
				case kindParagraph:
					cont = wrapped && !isListItem(t) && fills(strings.TrimSpace(block[i-1]), width)
				}
				if cont {
					prev.lines = append(prev.lines, t)
					continue
				}
			}
			k := kindParagraph
			if isListItem(t) {
				k = kindBullet // the exact kind is found below
			}
			all = append(all, pending{unit: unit{kind: k}, lines: []string{t}})
		}
	}
	units := make([]unit, len(all))
	for i, p := range all {
		p.text = strings.Join(p.lines, " ")
		if len(p.lines) == 1 {
			units[i] = classify(p.text, i == len(all)-1)
			continue
		}
		// A unit of several lines is a paragraph or a list item whose
		// text goes on; it is never a heading.
		if k, num, text, ok := listItem(p.text); ok {
			units[i] = unit{kind: k, num: num, text: text}
		} else {
			units[i] = p.unit
		}
	}
	return units
}

// firstParagraph returns the text of the first paragraph, or of the
// first unit when there is no paragraph.
func firstParagraph(units []unit) string {
	for _, u := range units {
		if u.kind == kindParagraph {
			return u.text
		}
	}
	if len(units) > 0 {
		return units[0].text
	}
	return ""
}

// renderUnits writes units as Markdown: blocks separated by one blank
// line, consecutive list items of one kind as one tight list.
func renderUnits(units []unit) string {
	var b strings.Builder
	for i, u := range units {
		if i > 0 {
			b.WriteByte('\n')
			if p := units[i-1]; p.kind != u.kind || u.kind != kindBullet && u.kind != kindOrdered {
				b.WriteByte('\n')
			}
		}
		switch u.kind {
		case kindHeading:
			b.WriteString("## " + escapeHeading(u.text))
		case kindBullet:
			b.WriteString(bulletLine(u.text))
		case kindOrdered:
			b.WriteString(u.num + ". " + escapeParagraph(u.text))
		default:
			b.WriteString(escapeParagraph(u.text))
		}
	}
	b.WriteByte('\n')
	return b.String()
}

// bulletLine writes a bullet list item. An item whose text is made of
// dashes, such as "--" from the line "* --", would make "- --", which
// CommonMark reads as a thematic break: its first dash is escaped.
func bulletLine(text string) string {
	line := "- " + escapeParagraph(text)
	if thematicBreak().MatchString(line) {
		line = "- \\" + line[2:]
	}
	return line
}
