package annotate

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brief-dev/brief/internal/brief"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// sentence is one sentence of a Markdown body: its plain text and the
// byte range of its Markdown in the body.
type sentence struct {
	Kind       brief.SentenceKind
	Text       string
	Start, End int
	block      int // index of its leaf block in the body
}

// plain is the text of one leaf block as the reader sees it, with the
// body offset of every byte.
type plain struct {
	buf []byte
	off []int // off[i] is the body offset of buf[i]
}

func (p *plain) add(b []byte, at func(i int) int) {
	for i := range b {
		p.buf = append(p.buf, b[i])
		p.off = append(p.off, at(i))
	}
}

// splitMarkdown splits a Markdown body into sentences. It never returns
// a sentence that straddles two blocks, and sentences are in body order.
func splitMarkdown(body []byte) []sentence {
	doc := goldmark.New().Parser().Parse(text.NewReader(body))
	var out []sentence
	block := 0
	var p plain // the blocks' text, one after the other
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
			ss := splitBlock(body, n, &p)
			for i := range ss {
				ss[i].block = block
			}
			out = append(out, ss...)
			block++
			return
		case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock, ast.KindThematicBreak:
			return
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// splitBlock splits one leaf block (paragraph, heading, list text). p
// holds its text while it is split: its buffers are reused from block
// to block (the text is copied into strings).
func splitBlock(body []byte, n ast.Node, p *plain) []sentence {
	lines := n.Lines()
	if lines.Len() == 0 {
		return nil
	}
	blockStart := lines.At(0).Start
	blockEnd := lines.At(lines.Len() - 1).Stop
	for blockEnd > blockStart && isSpaceByte(body[blockEnd-1]) {
		blockEnd--
	}
	for blockStart < blockEnd && isSpaceByte(body[blockStart]) {
		blockStart++
	}
	// The visible text is about as long as the block: room made for it
	// at once, not grown from nothing (the offsets take 8 bytes a byte).
	size := max(0, blockEnd-blockStart) + 16
	p.buf = slices.Grow(p.buf[:0], size)
	p.off = slices.Grow(p.off[:0], size)
	collectInline(body, n, p)
	if len(bytes.TrimSpace(p.buf)) == 0 {
		return nil
	}
	if n.Kind() == ast.KindHeading {
		return []sentence{{Kind: brief.KindHeading, Text: cleanText(string(p.buf)), Start: blockStart, End: blockEnd}}
	}
	spans := splitPlain(string(p.buf))
	out := make([]sentence, 0, len(spans))
	prevEnd := blockStart
	for i, sp := range spans {
		start := prevEnd
		if i == 0 {
			start = blockStart
		}
		var end int
		if i == len(spans)-1 {
			end = blockEnd
		} else {
			_, size := utf8.DecodeRuneInString(string(p.buf[sp[1]-1:]))
			last := sp[1] - size
			end = p.off[last] + size
			limit := p.off[spans[i+1][0]]
			// Take closing markup (emphasis, link syntax) that follows the
			// sentence's last character up to the next blank.
			for end < limit && !isSpaceByte(body[end]) {
				end++
			}
			if end > limit {
				end = limit
			}
		}
		if end < start {
			end = start
		}
		// Keep offsets on rune boundaries of the body.
		for start > blockStart && !utf8.RuneStart(body[start]) {
			start--
		}
		for end < blockEnd && end < len(body) && !utf8.RuneStart(body[end]) {
			end++
		}
		txt := cleanText(string(p.buf[sp[0]:sp[1]]))
		out = append(out, sentence{Kind: sentenceKind(txt), Text: txt, Start: start, End: end})
		prevEnd = end
		// The next sentence starts after the blanks that follow this one.
		for prevEnd < blockEnd && isSpaceByte(body[prevEnd]) {
			prevEnd++
		}
	}
	return out
}

// collectInline appends the visible text of n's inline descendants.
func collectInline(src []byte, n ast.Node, p *plain) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Text:
			seg := t.Segment
			v := seg.Value(src)
			if t.IsRaw() {
				p.add(v, func(i int) int { return seg.Start + i })
			} else {
				addUnescaped(p, v, seg.Start)
			}
			if t.SoftLineBreak() || t.HardLineBreak() {
				p.add([]byte{' '}, func(int) int { return seg.Stop })
			}
		case *ast.String:
			at := 0
			if len(p.off) > 0 {
				at = p.off[len(p.off)-1]
			}
			p.add(t.Value, func(int) int { return at })
		case *ast.RawHTML, *ast.Image:
			// Not visible as text.
		case *ast.AutoLink:
			at := 0
			if len(p.off) > 0 {
				at = p.off[len(p.off)-1] + 1
			}
			p.add(t.Label(src), func(int) int { return at })
		default:
			collectInline(src, c, p)
		}
	}
}

// addUnescaped appends v with backslash escapes resolved, as goldmark
// renders them.
func addUnescaped(p *plain, v []byte, base int) {
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) && isASCIIPunct(v[i+1]) {
			i++
		}
		p.buf = append(p.buf, v[i])
		p.off = append(p.off, base+i)
	}
}

func isASCIIPunct(c byte) bool {
	return c < 0x80 && unicode.IsPunct(rune(c)) || strings.IndexByte("$+<=>^`|~", c) >= 0
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// cleanText collapses runs of white space, as a browser shows them.
func cleanText(s string) string {
	// Most text is clean already (single spaces between words, none at
	// either end): then it is returned as it is, without the words and
	// the joined copy.
	space := true // before the text, a space would be a leading one
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if !unicode.IsSpace(r) {
			space = false
			continue
		}
		if r != ' ' || space {
			return strings.Join(strings.Fields(s), " ")
		}
		space = true
	}
	if space && s != "" {
		return strings.Join(strings.Fields(s), " ") // a trailing space
	}
	return s
}

// sentenceKind tells questions from claims: a question ends with "?"
// outside quotation marks.
func sentenceKind(s string) brief.SentenceKind {
	t := strings.TrimRight(s, " ")
	if strings.HasSuffix(t, "?") {
		return brief.KindQuestion
	}
	if strings.HasSuffix(t, "?)") {
		return brief.KindQuestion
	}
	return brief.KindClaim
}

// Abbreviations after which a period never ends a sentence, and those
// after which it ends one only if a common sentence opener follows.
var (
	titleAbbrevs = setOf("mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt",
		"adm", "prof", "rev", "st", "mt", "ft", "hon", "pres", "supt", "cmdr", "maj", "atty", "insp", "gens",
		"jan", "feb", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "cf", "approx", "fig", "no", "nos",
		"e.g", "i.e", "al", "ca", "vol", "pp", "mssrs", "messrs", "brig", "cpl", "pvt", "det", "insp", "sr", "jr")
	endAbbrevs = setOf("etc", "inc", "ltd", "co", "corp", "plc", "llc", "bros")
	// openers are words that commonly start a sentence; after an
	// abbreviation such as "U.S." a sentence break is assumed only before one.
	openers = setOf("the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "on",
		"this", "that", "these", "those", "there", "his", "her", "their", "its", "our", "however", "meanwhile",
		"after", "before", "as", "at", "for", "if", "when", "while", "with", "some", "many", "most", "officials",
		"still", "yet", "so", "then", "also", "according", "earlier", "later", "no", "not", "one", "what", "who")
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// quoteDepth returns, for every byte of s, whether it lies inside a
// quotation whose closing mark is in s. Unbalanced marks are ignored so
// that one stray quote cannot swallow a paragraph.
func quoteDepth(s string) []bool {
	in := make([]bool, len(s)+1)
	open := -1
	straight := -1
	for i, r := range s {
		switch r {
		case '“':
			if open < 0 {
				open = i
			}
		case '”':
			if open >= 0 {
				for j := open; j < i; j++ {
					in[j] = true
				}
				open = -1
			}
		case '"':
			if straight < 0 {
				straight = i
			} else {
				for j := straight; j < i; j++ {
					in[j] = true
				}
				straight = -1
			}
		}
	}
	return in
}

// splitPlain splits plain text into sentences, returned as byte ranges
// with surrounding blanks trimmed.
func splitPlain(s string) [][2]int {
	inQ := quoteDepth(s)
	var out [][2]int
	start := 0
	emit := func(end int) {
		a, b := start, end
		for a < b && isSpaceByte(s[a]) {
			a++
		}
		for b > a && isSpaceByte(s[b-1]) {
			b--
		}
		if a < b {
			out = append(out, [2]int{a, b})
		}
		start = end
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += size
			continue
		}
		term := i
		j := i
		// The run of terminators: "?!", "...", "….".
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if r2 != '.' && r2 != '!' && r2 != '?' && r2 != '…' {
				break
			}
			j += sz
		}
		// Closing quotation marks and brackets.
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if !strings.ContainsRune("”’\")]»'", r2) {
				break
			}
			j += sz
		}
		i = j
		if j < len(s) && !isSpaceByte(s[j]) {
			continue
		}
		k := j
		for k < len(s) && isSpaceByte(s[k]) {
			k++
		}
		if k == len(s) {
			break
		}
		if inQ[term] && inQ[j-1] {
			// Inside a quotation that continues: "… are planned. Let's not …"
			continue
		}
		if !breakBefore(s, term, j, k) {
			continue
		}
		emit(j)
	}
	emit(len(s))
	return out
}

// breakBefore decides whether the terminator at s[term] (its run and
// closing marks ending at j) ends a sentence, the next one starting at k.
func breakBefore(s string, term, j, k int) bool {
	next, _ := utf8.DecodeRuneInString(s[k:])
	if unicode.IsLower(next) {
		return false
	}
	if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune("“\"‘'([•-*–—", next) || unicode.IsLetter(next)) {
		return false
	}
	if s[term] != '.' || strings.HasPrefix(s[term:], "...") {
		// "!", "?", "…", "...": a break when followed by a capital.
		return true
	}
	if j > term+1 && s[term+1] != '.' {
		// ".”" or ".)" — the closing mark makes the break clear.
		return true
	}
	// The word before the period, with inner dots ("U.S", "e.g").
	w := term
	for w > 0 {
		r, sz := utf8.DecodeLastRuneInString(s[:w])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		w -= sz
	}
	word := strings.ToLower(s[w:term])
	if word == "" {
		return true // "3." after a number, "... 2025."
	}
	nextWord := strings.ToLower(firstWord(s[k:]))
	if titleAbbrevs[word] {
		return false
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(s[w:])
		if unicode.IsUpper(r) {
			return false // an initial: "J. D. Vance"
		}
	}
	if strings.Contains(word, ".") || endAbbrevs[word] {
		return openers[nextWord]
	}
	return true
}

func firstWord(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) && r != '\'' && r != '’' {
			if i == 0 {
				continue
			}
			return strings.TrimLeftFunc(s[:i], func(r rune) bool { return !unicode.IsLetter(r) })
		}
	}
	return s
}

// normText is the form of a sentence that its ID is derived from: case,
// quotation marks and blanks folded.
func normText(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case '“', '”', '„', '«', '»':
			r = '"'
		case '‘', '’':
			r = '\''
		case '—', '–':
			r = '-'
		}
		b.WriteRune(r)
	}
	return cleanText(b.String())
}

// claimID derives a stable, URL-fragment-safe ID from the source ID and
// the normalised sentence text.
func claimID(source, text string) string {
	h := sha256.Sum256([]byte(source + "\x00" + normText(text)))
	return "c-" + hex.EncodeToString(h[:4])
}

// sourceClaims splits src and returns its sentences as claims, with IDs
// de-duplicated in document order. Bylines, captions, code and fragments
// are told from claims with tags (see classifySentence). The tokens of
// each sentence are returned too, parallel to the claims.
func sourceClaims(src *brief.Source, tags tagFunc) ([]*brief.Claim, [][]token) {
	sents := splitMarkdown(src.Body)
	// Each sentence is tokenized once, for its kind and its features.
	toks := make([][]token, len(sents))
	for i, s := range sents {
		toks[i] = tokenize(s.Text)
	}
	classifySentences(sents, toks, tags)
	seen := make(map[string]int, len(sents))
	claims := make([]*brief.Claim, 0, len(sents))
	line, lineAt := max(src.BodyLine, 1), 0
	for _, s := range sents {
		line += bytes.Count(src.Body[lineAt:s.Start], []byte{'\n'})
		lineAt = s.Start
		id := claimID(src.ID, s.Text)
		seen[id]++
		if n := seen[id]; n > 1 {
			id += "-" + strconv.Itoa(n)
		}
		claims = append(claims, &brief.Claim{
			ID: id, Source: src.ID, Kind: s.Kind, Text: s.Text,
			Start: s.Start, End: s.End, Line: line,
		})
	}
	return claims, toks
}
