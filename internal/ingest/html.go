package ingest

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/strikethrough"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"github.com/gogs/chardet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/unicode/norm"
)

// maxElements bounds the size of a page readability will look at.
const maxElements = 50000

// convertHTML imports a web page: readability finds the article and its
// metadata, the article's DOM is sanitised (sanitizeDOM), converted to
// Markdown, and the Markdown is checked once more for raw HTML and unsafe
// links (sanitizeMarkdown), since the converter does not sanitise. When
// readability picks a block other than the page's own content container
// (wrongBlock), the container is taken; when it gives nothing that
// survives sanitizing, the container, else the page's text (pageBody):
// only a page with no text at all is refused.
func convertHTML(name string, data []byte, base *url.URL) (*Article, error) {
	doc, err := parseHTML(data)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", name, err)
	}

	// What the page says about itself is read before anything is removed:
	// some sites put the canonical link or the date in the body.
	pi := readPage(doc)
	pageURL := pi.pageURL(base)
	removed := removeBoilerplate(doc)
	// Readability changes the page; its container is kept apart first.
	var container *html.Node
	c, kind := contentContainer(doc)
	if c != nil {
		container = cloneTree(c)
	}
	if countElements(doc) > maxElements {
		// Markup that shows no text (inline SVG icons, scripts, styles)
		// is most of the elements of some pages: readability is given
		// the rest.
		pruneHidden(doc)
	}
	p := readability.NewParser()
	p.MaxElemsToParse = maxElements
	// Classes are kept for removeFurniture (picture credits); sanitizeDOM
	// removes them before conversion.
	p.KeepClasses = true
	art, err := p.ParseAndMutate(doc, pageURL)
	if err != nil {
		// Readability refuses a page of more than maxElements elements:
		// the page's container or its text is imported instead (below).
		art = readability.Article{}
	}
	if kept := nodeWords(art.Node); removed > kept {
		// The filter removed more words than the article kept: many
		// short blocks named like furniture may be the article (a live
		// report's "live-match-comment" entries). Readability.js retries
		// without its own name filter when its result is short; here the
		// page is read again unfiltered, and that article is taken when
		// it is more than twice as long.
		if doc2, err := parseHTML(data); err == nil {
			if countElements(doc2) > maxElements {
				pruneHidden(doc2)
			}
			if art2, err := p.ParseAndMutate(doc2, pageURL); err == nil && nodeWords(art2.Node) > 2*kept {
				art = art2
			}
		}
	}
	if container != nil && art.Node != nil && wrongBlock(art.Node, container, kind) {
		art.Node = container
	}
	meta := pi.meta(art, pageURL)
	restoreLead(doc, art.Node, pi.descriptions)
	body := ""
	if art.Node != nil {
		if body, err = articleMarkdown(art.Node, pageURL, pi.bios); err != nil {
			return nil, fmt.Errorf("convert %s to markdown: %w", name, err)
		}
	}
	if body == "" && container != nil && art.Node != container {
		// Readability found nothing, or only what sanitizing removes (a
		// sign-up form): the page's own content container, if it marks
		// one, is taken instead of failing.
		if body, err = articleMarkdown(container, pageURL, pi.bios); err != nil {
			return nil, fmt.Errorf("convert %s to markdown: %w", name, err)
		}
	}
	if body == "" {
		// Nor that: the text of the page itself, less its header,
		// footer and navigation, is better than no article.
		if doc, err := parseHTML(data); err == nil {
			if body, err = articleMarkdown(pageBody(doc), pageURL, pi.bios); err != nil {
				return nil, fmt.Errorf("convert %s to markdown: %w", name, err)
			}
		}
	}
	if body == "" {
		return nil, emptyArticle(name, 1)
	}
	a := &Article{Meta: meta, Body: body}
	if a.Meta.Title == "" {
		a.Meta.Title, a.Body, a.Meta.TitleDerived = markdownTitle(a.Body)
	}
	return a, nil
}

// articleMarkdown cleans the extracted article n (author boxes showing
// one of bios, furniture, unsafe markup, empty links) and converts it
// to normalised Markdown; "" when nothing is left.
func articleMarkdown(n *html.Node, pageURL *url.URL, bios []string) (string, error) {
	// Detach the article so that sanitizeDOM sees it as a child too.
	if n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	root.AppendChild(n)
	removeBios(root, bios)
	removeFurniture(root)
	sanitizeDOM(root)
	removeEmptyLinks(root)
	md, err := toMarkdown(root, pageURL)
	if err != nil {
		return "", err
	}
	return normalizeMarkdown(sanitizeMarkdown(normalizeNewlines(md))), nil
}

// meta combines what the page declares with what readability found.
func (pi pageInfo) meta(art readability.Article, pageURL *url.URL) Meta {
	var m Meta
	if pageURL != nil {
		m.URL = pageURL.String()
	}

	// Outlet: the JSON-LD publisher, og:site_name, readability's site
	// name, else the host.
	for _, s := range []string{pi.publisher, pi.siteName, art.SiteName()} {
		if s = strings.Join(strings.Fields(s), " "); s != "" {
			m.Outlet = s
			break
		}
	}
	if m.Outlet == "" && pageURL != nil {
		m.Outlet = strings.TrimPrefix(pageURL.Hostname(), "www.")
	}

	// Readability's title, else (when it read nothing) the page's.
	title := art.Title()
	if title == "" {
		title = pi.title
	}
	m.Title = cleanTitle(title, m.Outlet, pageURL)
	if pi.ogTitle != "" {
		if t := cleanTitle(pi.ogTitle, m.Outlet, pageURL); t != "" && len(t) < len(m.Title) && strings.HasPrefix(m.Title, t) {
			m.Title = t
		}
	}

	// Author: JSON-LD names (several joined), readability's byline,
	// <meta name=author>.
	if len(pi.authors) > 0 {
		m.Author = cleanAuthor(strings.Join(pi.authors, ", "))
	}
	for _, s := range []string{art.Byline(), pi.metaAuthor} {
		if m.Author != "" {
			break
		}
		m.Author = cleanAuthor(s)
	}

	// Date: JSON-LD, meta, itemprop, readability, <time>, the URL.
	for _, d := range pi.dates {
		if m.Date = parseDate(d); m.Date != "" {
			break
		}
	}
	if m.Date == "" {
		if t, err := art.PublishedTime(); err == nil && t.Year() > 1600 {
			m.Date = t.Format(time.DateOnly)
		}
	}
	for _, d := range pi.timeDates {
		if m.Date != "" {
			break
		}
		m.Date = parseDate(d)
	}
	if m.Date == "" {
		m.Date = urlDate(pageURL)
	}

	m.Language = cleanLanguage(pi.language)
	if m.Language == "" {
		m.Language = cleanLanguage(art.Language())
	}
	return m
}

// toMarkdown converts the sanitised article to Markdown: CommonMark with
// GFM tables and strikethrough; links and images resolved against
// pageURL.
func toMarkdown(root *html.Node, pageURL *url.URL) ([]byte, error) {
	conv := converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(),
		table.NewTablePlugin(table.WithSpanCellBehavior(table.SpanBehaviorMirror)),
		strikethrough.NewStrikethroughPlugin(),
	))
	var opts []converter.ConvertOptionFunc
	if pageURL != nil {
		opts = append(opts, converter.WithDomain(pageURL.String()))
	}
	swapped := swapBrackets(root)
	md, err := conv.ConvertNode(root, opts...)
	if err != nil {
		return nil, err
	}
	if swapped {
		md = bytes.ReplaceAll(md, []byte(bracketStandIn), []byte(`\[`))
	}
	return md, nil
}

// parseHTML decodes the page (DecodeHTML), parses it and normalises its
// text (normalizeText).
func parseHTML(data []byte) (*html.Node, error) {
	doc, err := html.Parse(bytes.NewReader(DecodeHTML(data)))
	if err != nil {
		return nil, err
	}
	normalizeText(doc)
	return doc, nil
}

// normalizeText puts the text and attribute values of the tree n (but
// for link and image targets) in Unicode normalization form C and
// removes soft hyphens (U+00AD): they show nothing but break words for
// search and for matching a claim against other sources ("Ita\u00adli\u00adens"
// is not "Italiens"), and the same word written precomposed by one site
// and with combining marks by another is then the same. Readability's
// own Parse does the same, ParseAndMutate does not.
func normalizeText(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		n.Data = normalizeString(n.Data)
	case html.ElementNode:
		for i, a := range n.Attr {
			if a.Key != "href" && a.Key != "src" && a.Key != "srcset" {
				n.Attr[i].Val = normalizeString(a.Val)
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		normalizeText(c)
	}
}

// normalizeString is normalizeText for one string.
func normalizeString(s string) string {
	if strings.Contains(s, "\u00ad") {
		s = strings.ReplaceAll(s, "\u00ad", "")
	}
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// DecodeHTML returns the page as UTF-8. Input that is valid UTF-8 is taken
// as UTF-8: charset detection falls back to windows-1252 for pages that
// declare nothing in their first 1024 bytes, and many UTF-8 pages do that.
// Otherwise the charset the page declares is used, and for a page that
// declares none the one its bytes point to (windows-1251 Cyrillic,
// Shift_JIS, ...), with windows-1252 as the last resort.
func DecodeHTML(data []byte) []byte {
	data = bytes.TrimPrefix(data, bom)
	if utf8.Valid(data) {
		return data
	}
	if mostlyUTF8(data) {
		// A UTF-8 page with a stray invalid byte or two (a cut-off
		// snippet): read as any other encoding, all of its letters
		// would be wrong ("siÄ™" for "się").
		return bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	enc, _, certain := charset.DetermineEncoding(data, "")
	if !certain {
		if r, err := chardet.NewHtmlDetector().DetectBest(data); err == nil && r.Confidence >= 30 {
			if e, _ := charset.Lookup(r.Charset); e != nil {
				enc = e
			}
		}
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(out) {
		return bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	return out
}

// mostlyUTF8 reports whether data, which is not valid UTF-8, is UTF-8
// but for a few invalid sequences: at least ten valid multi-byte
// characters for each invalid byte. Text in a single-byte encoding
// forms almost no valid multi-byte sequences.
func mostlyUTF8(data []byte) bool {
	multi, invalid := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
		} else {
			multi++
		}
		i += size
	}
	return multi > 0 && multi >= 10*invalid
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// boilerplateNames are class and id words of page furniture that
// readability sometimes keeps when it sits inside the article: inline
// advertisements, cookie banners, share buttons, newsletter boxes,
// related links and comments. A class or id matches when one of its
// words, split at "-" and "_", is in the list ("ad-inline").
var boilerplateNames = map[string]bool{
	"ad": true, "ads": true, "advert": true, "advertisement": true,
	"sponsor": true, "sponsored": true, "promo": true, "cookie": true,
	"cookies": true, "consent": true, "newsletter": true, "share": true,
	"sharing": true, "social": true, "related": true, "comment": true,
	"comments": true, "paywall": true, "subscribe": true,
}

// maxBoilerplateWords is the most words an element named like furniture
// may hold and still be removed. Wrappers and columns of real pages carry
// such names too ("div.Page-ad-margins", "section.non-ad-column-l",
// "div.paywall" around the story), and removing one of those removed the
// article; furniture itself (an ad slot, a share bar, a newsletter box)
// is short.
const maxBoilerplateWords = 100

// removeBoilerplate removes elements of the body whose class or id names
// page furniture (see boilerplateNames) and that hold at most
// maxBoilerplateWords words, so that an element holding the article is
// never removed, whatever its classes say. The body and the main article
// container are never removed either. It returns the number of words
// removed.
func removeBoilerplate(doc *html.Node) (removed int) {
	words := map[*html.Node]int{}
	countWords(doc, words)
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				switch c.DataAtom {
				case atom.Html, atom.Body, atom.Main, atom.Article, atom.Head:
					walk(c)
				default:
					if words[c] <= maxBoilerplateWords && isBoilerplate(c) {
						removed += words[c]
						n.RemoveChild(c)
					} else {
						walk(c)
					}
				}
			}
			c = next
		}
	}
	walk(doc)
	return removed
}

// nodeWords returns the number of words of text under n (0 for nil).
func nodeWords(n *html.Node) int {
	if n == nil {
		return 0
	}
	return countWords(n, map[*html.Node]int{})
}

// countWords records in words the number of words of text under each
// element of the tree n and returns the count for n, in one pass.
func countWords(n *html.Node, words map[*html.Node]int) int {
	if n.Type == html.TextNode {
		return len(strings.Fields(n.Data))
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += countWords(c, words)
	}
	if n.Type == html.ElementNode {
		words[n] = total
	}
	return total
}

func isBoilerplate(n *html.Node) bool {
	words := strings.FieldsFunc(strings.ToLower(attr(n, "class")+" "+attr(n, "id")), func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '-' || r == '_'
	})
	for _, w := range words {
		if boilerplateNames[w] {
			return true
		}
	}
	return false
}

// bracketStandIn replaces "[" in the text of pages with very many of
// them: html-to-markdown's escaping takes time quadratic in their number
// (64k brackets take seconds). After conversion each stand-in becomes
// "\[", which is always a literal bracket.
const (
	bracketStandIn  = "\uFDD0" // a noncharacter, not expected in text
	maxBracketsFast = 256
)

// swapBrackets replaces "[" by bracketStandIn in the text under n when
// there are more than maxBracketsFast of them and the stand-in does not
// occur already. It reports whether it did.
func swapBrackets(n *html.Node) bool {
	var texts []*html.Node
	count := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			if strings.Contains(n.Data, bracketStandIn) {
				count = -1 << 40
			}
			count += strings.Count(n.Data, "[")
			texts = append(texts, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	if count <= maxBracketsFast {
		return false
	}
	for _, t := range texts {
		t.Data = strings.ReplaceAll(t.Data, "[", bracketStandIn)
	}
	return true
}
