package ingest

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Readability scores blocks by their commas and paragraphs, and now and
// then the best-scoring block is not the story: a table of names, a list
// of reader reviews, a newsletter form, a sidebar's teasers. Most pages
// also say where their story is, in the markup their publishing system
// writes around it (itemprop="articleBody", WordPress's "entry-content",
// "article-body", "story-body", an <article>). The article readability
// found is checked against that container: when the two share almost no
// text and the container holds more, readability chose the wrong block.

// contentNames are the class and id names publishing systems give the
// element that holds the story's body, matched as parts of a class or
// id ("td-post-content", "c-article-body__text"). Names that also mark
// whole pages or columns ("content", "main-content") are not among them.
var contentNames = []string{
	"entry-content", "entry_content", "post-content", "post_content", "postcontent",
	"post-body", "post_body", "postbody", "post-text", "post_text", "post-entry",
	"article-body", "article_body", "article__body", "articlebody",
	"article-content", "article_content", "article__content", "articlecontent",
	"article-text", "article_text", "article__text", "articletext",
	"story-body", "story_body", "storybody", "story-content", "storycontent",
	"body-text", "bodytext", "blog-content", "single-content", "field-body", "fulltext",
	"content-body", "content__body", "text-content",
}

// A containerKind says how a page marks its content container, surest
// first.
type containerKind int

const (
	markedBody     containerKind = iota // itemprop="articleBody"
	namedBody                           // a class or id in contentNames
	articleElement                      // <article>
	mainElement                         // <main>
)

// contentContainer returns the element the page marks as holding its
// story, the one with the most words of its kind, and the kind: an
// element with itemprop="articleBody", else a block whose class or id
// is in contentNames, else an <article>, else <main>; nil if the page
// marks none or it holds no words.
func contentContainer(doc *html.Node) (*html.Node, containerKind) {
	best := [mainElement + 1]*html.Node{}
	bestWords := [mainElement + 1]int{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			kind := containerKind(-1)
			switch {
			case hasToken(attr(n, "itemprop"), "articleBody"):
				kind = markedBody
			case isContainerAtom(n.DataAtom) && namesContent(n):
				kind = namedBody
			case n.DataAtom == atom.Article:
				kind = articleElement
			case n.DataAtom == atom.Main:
				kind = mainElement
			}
			// Words are counted for the few candidates only.
			if kind >= 0 {
				if w := nodeWords(n); w > 0 && (best[kind] == nil || w > bestWords[kind]) {
					best[kind], bestWords[kind] = n, w
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for kind, n := range best {
		if n != nil {
			return n, containerKind(kind)
		}
	}
	return nil, 0
}

func isContainerAtom(a atom.Atom) bool {
	return a == atom.Div || a == atom.Section || a == atom.Article || a == atom.Main
}

// namesContent reports whether n's class or id holds one of
// contentNames as a part of its own: bounded by the ends of a class or
// by "-" or "_" ("td-post-content", not "article-texte").
func namesContent(n *html.Node) bool {
	class, id := attr(n, "class"), attr(n, "id")
	if class == "" && id == "" {
		return false
	}
	names := strings.ToLower(class + " " + id)
	// Every name in contentNames holds one of these words.
	if !strings.Contains(names, "content") && !strings.Contains(names, "body") && !strings.Contains(names, "text") && !strings.Contains(names, "entry") {
		return false
	}
	for _, c := range contentNames {
		for i := 0; ; {
			j := strings.Index(names[i:], c)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(c)
			if (start == 0 || isNameBreak(names[start-1])) && (end == len(names) || isNameBreak(names[end])) {
				return true
			}
			i = start + 1
		}
	}
	return false
}

func isNameBreak(b byte) bool {
	return b == ' ' || b == '-' || b == '_' || b == '\t' || b == '\n'
}

// Limits for wrongBlock.
const (
	// maxSharedShare is the most of either text the other may share
	// for the two to count as different blocks.
	maxSharedShare = 0.1
)

// wrongBlock reports whether readability's article art is a different
// block from the page's content container c, of the given kind: they
// share at most maxSharedShare of either's word triples, and c has more
// than half as many when the page names it as the story's body
// (markedBody, namedBody), more when it is only an <article> or <main>
// (which also mark teaser cards and columns). A container shorter than
// that is a box of its own (a teaser, a caption) and readability's
// choice stands.
func wrongBlock(art, c *html.Node, kind containerKind) bool {
	a, b := wordTriples(art), wordTriples(c)
	if kind <= namedBody && 2*len(b) <= len(a) || kind > namedBody && len(b) <= len(a) {
		return false
	}
	return shared(a, b) <= maxSharedShare && shared(b, a) <= maxSharedShare
}

// wordTriples returns the set of runs of three words of the text under
// n, lower-cased, leaving out what sanitizeDOM drops (scripts, forms,
// navigation), each run as a 64-bit FNV-1a hash of its words.
func wordTriples(n *html.Node) map[uint64]bool {
	var words []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			for _, w := range strings.FieldsFunc(n.Data, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
				words = append(words, strings.ToLower(w))
			}
			return
		case n.Type == html.ElementNode && droppedElements[strings.ToLower(n.Data)]:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	set := make(map[uint64]bool, len(words))
	for i := 0; i+3 <= len(words); i++ {
		h := uint64(fnvOffset)
		for _, w := range words[i : i+3] {
			for j := 0; j < len(w); j++ {
				h = (h ^ uint64(w[j])) * fnvPrime
			}
			h *= fnvPrime // a 0 byte between words
		}
		set[h] = true
	}
	return set
}

// FNV-1a parameters (64 bits), for wordTriples.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// shared returns the share of a's members that b holds (0 for empty a).
func shared(a, b map[uint64]bool) float64 {
	if len(a) == 0 {
		return 0
	}
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// hiddenElements show no text of the article; pruneHidden removes them.
// Scripts holding JSON-LD stay: readability reads its metadata there.
var hiddenElements = map[atom.Atom]bool{
	atom.Svg: true, atom.Math: true, atom.Template: true, atom.Style: true, atom.Script: true,
}

// pruneHidden removes from the tree n the elements of hiddenElements.
func pruneHidden(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			if hiddenElements[c.DataAtom] && !(c.DataAtom == atom.Script && strings.Contains(strings.ToLower(attr(c, "type")), "ld+json")) {
				n.RemoveChild(c)
			} else {
				pruneHidden(c)
			}
		}
		c = next
	}
}

// countElements returns the number of elements in the tree n.
func countElements(n *html.Node) int {
	count := 0
	if n.Type == html.ElementNode {
		count++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		count += countElements(c)
	}
	return count
}

// pageChrome holds the elements around a page's content: its banner,
// footer and navigation (sanitizeDOM drops <nav>, <aside> and forms).
var pageChrome = map[atom.Atom]bool{atom.Header: true, atom.Footer: true, atom.Nav: true, atom.Aside: true}

// pageBody returns the <body> of doc (or doc itself if it has none)
// with its headers, footers and navigation removed: the page's text,
// imported when neither readability nor the page's container gives an
// article.
func pageBody(doc *html.Node) *html.Node {
	body := doc
	var find func(*html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil && body == doc; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Body {
				body = c
				return
			}
			find(c)
		}
	}
	find(doc)
	var strip func(*html.Node)
	strip = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				switch role := strings.ToLower(attr(c, "role")); {
				case pageChrome[c.DataAtom], role == "navigation", role == "banner", role == "contentinfo":
					n.RemoveChild(c)
				default:
					strip(c)
				}
			}
			c = next
		}
	}
	strip(body)
	return body
}
