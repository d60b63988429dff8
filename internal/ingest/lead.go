package ingest

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Readability takes the block of the page with the best paragraphs and
// the siblings that score like it; a lead (standfirst) set apart above
// the story, in a block of its own, is often left out. The page usually
// repeats its lead in its description (og:description, description):
// restoreLead finds the block of the page that shows that text just
// above the story and puts it back at the top of the article.

// Limits for restoreLead.
const (
	minLeadChars  = 40 // shorter descriptions are slogans, not leads
	maxLeadBlocks = 20 // most blocks between the lead and the story's first
	leadKeyChars  = 60 // characters of the description matched in the page
)

// restoreLead inserts at the top of the article art (readability's
// result) a copy of the page's lead when doc shows it shortly before the
// story's first block and art lacks it. descriptions are the page's
// own summaries. The lead may be a paragraph or a heading below the
// title (some sites set it as an h2), never the title (h1) itself.
func restoreLead(doc, art *html.Node, descriptions []string) {
	if art == nil || len(descriptions) == 0 {
		return
	}
	artText := strings.ToLower(textOf(art))
	first := firstProse(art)
	if first == "" {
		return
	}
	firstKey := strings.ToLower(prefixRunes(first, leadKeyChars))
	var blocks []*html.Node
	collectLeafBlocks(doc, &blocks)
	storyAt := -1
	for i, b := range blocks {
		if strings.Contains(strings.ToLower(textOf(b)), firstKey) {
			storyAt = i
			break
		}
	}
	if storyAt < 0 {
		return
	}
	for _, d := range descriptions {
		d = strings.TrimRight(strings.Join(strings.Fields(d), " "), " .…[]")
		if len([]rune(d)) < minLeadChars {
			continue
		}
		key := strings.ToLower(prefixRunes(d, leadKeyChars))
		if strings.Contains(artText, key) {
			return // the article has its lead
		}
		for i := max(0, storyAt-maxLeadBlocks); i < storyAt; i++ {
			b := blocks[i]
			t := textOf(b)
			lt := strings.ToLower(t)
			if len([]rune(t)) < minLeadChars || tag(b) == atom.H1 || linkDense(b) {
				continue
			}
			if strings.Contains(lt, key) || strings.Contains(strings.ToLower(d), lt) {
				art.InsertBefore(cloneTree(b), art.FirstChild)
				return
			}
		}
	}
}

// firstProse returns the text of the first block under n with at least
// minLeadChars characters.
func firstProse(n *html.Node) string {
	var blocks []*html.Node
	collectLeafBlocks(n, &blocks)
	for _, b := range blocks {
		if t := textOf(b); len([]rune(t)) >= minLeadChars {
			return t
		}
	}
	return ""
}

// collectLeafBlocks appends to blocks, in document order, the block
// elements under n that hold no other block.
func collectLeafBlocks(n *html.Node, blocks *[]*html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.Data {
		case "head", "script", "style", "noscript", "template":
			continue
		}
		if layoutBlock[tag(c)] && !hasBlockChild(c) {
			*blocks = append(*blocks, c)
			continue
		}
		collectLeafBlocks(c, blocks)
	}
}

// prefixRunes returns the first n runes of s.
func prefixRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// cloneTree returns a deep copy of n, detached.
func cloneTree(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace, Attr: append([]html.Attribute(nil), n.Attr...)}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.AppendChild(cloneTree(k))
	}
	return c
}
