package ingest

import (
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
)

// Web pages are hostile input and html-to-markdown does not sanitise.
// The DOM is therefore cut down to a list of harmless elements and
// attributes before conversion, and the Markdown that comes out is parsed
// again and stripped of anything that would render as raw HTML or an
// unsafe link.

// droppedElements are removed together with their content.
var droppedElements = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"iframe": true, "frame": true, "frameset": true, "object": true,
	"embed": true, "applet": true, "form": true, "input": true,
	"button": true, "select": true, "textarea": true, "option": true,
	"svg": true, "math": true, "canvas": true, "video": true, "audio": true,
	"source": true, "track": true, "map": true, "area": true, "link": true,
	"meta": true, "base": true, "head": true, "title": true, "nav": true,
	"aside": true, "dialog": true,
	// Ruby annotations (furigana) show above the text they gloss; inline
	// they would split its words: "子<rt>こ</rt>ども" is "子ども".
	"rt": true, "rp": true,
}

// keptElements stay; elements in neither list are replaced by their
// content.
var keptElements = map[string]bool{
	"p": true, "br": true, "hr": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "ul": true, "ol": true, "li": true,
	"blockquote": true, "pre": true, "code": true, "em": true, "i": true,
	"strong": true, "b": true, "a": true, "img": true, "figure": true,
	"figcaption": true, "div": true, "span": true, "section": true,
	"article": true, "main": true, "table": true, "thead": true,
	"tbody": true, "tfoot": true, "tr": true, "td": true, "th": true,
	"caption": true, "sup": true, "sub": true, "q": true, "cite": true,
	"abbr": true, "time": true, "mark": true, "del": true, "s": true,
	"dl": true, "dt": true, "dd": true, "kbd": true, "samp": true,
	"body": true, "html": true,
}

// keptAttrs lists the attributes kept on an element; all others go.
var keptAttrs = map[string][]string{
	"a":   {"href", "title"},
	"img": {"src", "alt", "title"},
	"ol":  {"start"},
}

// safeURL reports whether a link or image target is safe to keep: a
// relative URL or one with the http, https or mailto scheme. Browsers
// ignore white space and control characters inside a scheme
// ("java\tscript:"), so those are removed before looking.
func safeURL(raw string) bool {
	s := strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, raw)
	i := strings.IndexAny(s, ":/?#")
	if i < 0 || s[i] != ':' {
		return true // relative
	}
	switch strings.ToLower(s[:i]) {
	case "http", "https", "mailto":
		return true
	}
	return false
}

// sanitizeDOM cuts the tree under n down to keptElements and keptAttrs,
// turns links with unsafe or page-internal targets into their text and
// removes images with unsafe sources.
func sanitizeDOM(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch c.Type {
		case html.ElementNode:
			sanitizeElement(c)
		case html.TextNode:
		default:
			n.RemoveChild(c) // comments, doctypes
		}
		c = next
	}
}

func sanitizeElement(c *html.Node) {
	parent := c.Parent
	name := strings.ToLower(c.Data)
	if c.Namespace != "" || droppedElements[name] {
		parent.RemoveChild(c)
		return
	}
	keep := keptElements[name]
	switch name {
	case "a":
		href := strings.TrimSpace(attr(c, "href"))
		keep = href != "" && !strings.HasPrefix(href, "#") && safeURL(href)
	case "img":
		if src := attr(c, "src"); src == "" || !safeURL(src) {
			parent.RemoveChild(c)
			return
		}
	}
	sanitizeDOM(c)
	if !keep {
		// Replace the element by its children.
		for gc := c.FirstChild; gc != nil; {
			next := gc.NextSibling
			c.RemoveChild(gc)
			parent.InsertBefore(gc, c)
			gc = next
		}
		parent.RemoveChild(c)
		return
	}
	var attrs []html.Attribute
	for _, a := range c.Attr {
		if a.Namespace == "" && slices.Contains(keptAttrs[name], strings.ToLower(a.Key)) {
			attrs = append(attrs, a)
		}
	}
	c.Attr = attrs
}

// maxSanitizePasses bounds sanitizeMarkdown: removing one piece of HTML
// can make another appear (for example "<<b>script>").
const maxSanitizePasses = 4

// sanitizeMarkdown removes raw HTML (blocks and inline) from Markdown, and
// any block holding a link, image or autolink with an unsafe target. It
// parses with goldmark's CommonMark parser, the parser the site is built
// with, and repeats until nothing changes; if that takes too long it
// turns every "<" into "&lt;", which can open no HTML.
func sanitizeMarkdown(md string) string {
	p := goldmark.DefaultParser()
	for range maxSanitizePasses {
		src := []byte(md)
		cuts := unsafeSpans(p.Parse(text.NewReader(src)), src)
		if len(cuts) == 0 {
			return md
		}
		md = cutSpans(md, cuts)
	}
	return strings.ReplaceAll(md, "<", "&lt;")
}

// span is a byte range [start, stop) of Markdown source.
type span struct{ start, stop int }

// unsafeSpans returns the source ranges to remove from a parsed document.
func unsafeSpans(doc ast.Node, src []byte) []span {
	var cuts []span
	lines := func(n ast.Node) {
		for i := 0; i < n.Lines().Len(); i++ {
			s := n.Lines().At(i)
			cuts = append(cuts, span{s.Start, s.Stop})
		}
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest string
		switch n := n.(type) {
		case *ast.HTMLBlock:
			lines(n)
			if n.HasClosure() {
				cuts = append(cuts, span{n.ClosureLine.Start, n.ClosureLine.Stop})
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				s := n.Segments.At(i)
				cuts = append(cuts, span{s.Start, s.Stop})
			}
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			dest = string(n.Destination)
		case *ast.Image:
			dest = string(n.Destination)
		case *ast.AutoLink:
			dest = string(n.URL(src))
		default:
			return ast.WalkContinue, nil
		}
		if safeURL(dest) {
			return ast.WalkContinue, nil
		}
		// Drop the whole block: the link's own source range is not
		// recorded by the parser. sanitizeDOM makes this unreachable
		// for converted pages; it is the second line of defence.
		for b := n.Parent(); b != nil; b = b.Parent() {
			if b.Type() == ast.TypeBlock {
				lines(b)
				break
			}
		}
		return ast.WalkSkipChildren, nil
	})
	return cuts
}

// cutSpans removes the given ranges from s.
func cutSpans(s string, cuts []span) string {
	slices.SortFunc(cuts, func(a, b span) int { return a.start - b.start })
	var b strings.Builder
	at := 0
	for _, c := range cuts {
		if c.start > at {
			b.WriteString(s[at:c.start])
		}
		at = max(at, c.stop)
	}
	if at < len(s) {
		b.WriteString(s[at:])
	}
	return b.String()
}
