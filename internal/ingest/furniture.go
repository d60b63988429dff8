package ingest

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Readability keeps some page furniture that sits inside the article:
// gallery controls, share links, "related" blocks and newsletter
// prompts. removeFurniture takes it out of the extracted article, by
// what the text says rather than by class names, and only from short
// elements, so that no paragraph of the story can match.

// chromeText matches the whole text of a gallery or player control.
var chromeText = regexp.MustCompile(`(?i)^(?:(?:image|photo|picture|slide|foto|bild)\s*\d+(?:\s*(?:of|/|von|de|sur)(?:\s*\d+)?)?|\d+\s*(?:of|/)\s*\d+|close|caption|show caption|hide caption|toggle caption|expand|enlarge this image|open gallery|view gallery|fullscreen|full screen|next|previous|prev|share|share this|share on \w+|tweet|email|print|copy link|link copied|pin it|whatsapp|facebook|twitter|linkedin|reddit|advertisement|ad|sponsored|scroll to continue|continue reading|read more|listen|listen to this article|play|pause|mute|unmute)\s*[:.…]*$`)

// relatedHeading matches the heading of a block of links to other
// articles, in the languages of the test pages (English, German,
// French, Spanish, Portuguese, Italian, Polish).
var relatedHeading = regexp.MustCompile(`(?i)^(?:` +
	// English
	`you (?:may|might) also (?:like|enjoy)|related(?: (?:articles?|stories|posts|content|coverage|news|reading|links|topics))?|read (?:more|also|next)|more (?:from|on|about|stories|news)\b.*|recommended(?: for you| stories| reading)?|most (?:read|popular|viewed|shared)|popular (?:now|stories)?|trending(?: now)?|what to read next|further reading|see also|also read|top stories|latest news|more news` +
	// German
	`|(?:das )?(?:könnte|dürfte) (?:dich|sie|ihnen|dir) (?:auch |ebenfalls )?(?:interessieren|gefallen)|(?:auch )?interessant|(?:weitere|mehr|weiterführende|verwandte|ähnliche|passende|empfohlene) (?:artikel|beiträge|links?|themen|nachrichten|news|inhalte|meldungen|informationen)(?: zum thema\b.*)?|(?:weitere |mehr )?(?:beiträge|artikel|news|nachrichten) zum thema\b.*|mehr zum thema\b.*|meist(?:gelesen|diskutiert|geklickt|kommentiert)e?(?: artikel| beiträge| news| nachrichten)?|viel gelesen\b.*|lesen sie (?:auch|mehr|weiter)|auch lesenswert|top-?(?:artikel|themen)` +
	// French
	`|(?:à )?lire aussi|sur le même sujet|articles? (?:similaires|liés|connexes)|dans la même rubrique|les plus lus|voir aussi` +
	// Spanish, Portuguese, Italian
	`|(?:artículos|noticias|notas) relacionad[ao]s|(?:también )?te puede interesar|lo más (?:leído|visto)|más noticias|lee también|(?:veja|leia) também|mais lidas|(?:notícias|matérias) relacionadas|articoli correlati|leggi anche|potrebbe interessarti|i più letti` +
	// Polish
	`|czytaj (?:też|także|więcej)|zobacz (?:też|także)|najczęściej czytane|polecane(?: artykuły)?` +
	`)\s*[:.…]*$`)

// bareCount matches a number standing alone, as galleries show them.
var bareCount = regexp.MustCompile(`^\d{1,4}(?:\s*/\s*\d{1,4})?$`)

// signUpText matches a newsletter or sign-up prompt.
var signUpText = regexp.MustCompile(`(?i)(?:\bsign[ -]?up\b|\bsubscribe\b|\bnewsletter\b|\bregister\b|\bjoin\b)[^.]*\b(?:newsletter|inbox|e-?mail|updates|alerts|briefing|free|today|now)\b|\bdelivered (?:straight )?to your inbox\b|\bget (?:our|the) [^.]*newsletter\b`)

// creditText matches the whole text of a picture credit: "© Jane Doe",
// "Foto: dpa", "Photo credit: Getty Images".
var creditText = regexp.MustCompile(`(?i)^[(\[]?\s*(?:©|\(c\)|copyright\b|(?:(?:foto|photo|bild|image|picture|video|titel|header|cover)s?(?:[ -]?(?:credits?|nachweis|quelle))?|bildnachweis|bildquelle|fotonachweis|credits?|zdjęcie|fot\.)\s*(?::|©|\|))`)

// creditNames are class and id words of the elements that hold a
// picture's credit.
var creditNames = map[string]bool{"credit": true, "credits": true, "copyright": true, "photographer": true, "photocredit": true, "imagecredit": true}

// Limits for the elements removeFurniture may remove.
const (
	maxChromeWords = 8  // a control's label
	maxPromptWords = 40 // a sign-up prompt
	maxCreditWords = 15 // a picture credit
)

// removeFurniture removes gallery and share controls, related-links
// blocks and sign-up prompts from the article under root, and tidies
// emphasis (see tidyEmphasis).
func removeFurniture(root *html.Node) {
	words := map[*html.Node]int{}
	countWords(root, words)
	var walk func(n *html.Node, inFigure bool)
	walk = func(n *html.Node, inFigure bool) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type != html.ElementNode {
				c = next
				continue
			}
			words := words[c]
			text := ""
			if words <= 200 {
				// Only short elements are looked at as a whole, which
				// keeps this linear in the size of the article.
				text = textOf(c)
			}
			switch {
			case words > 200 || tag(c) == atom.Img || tag(c) == atom.Br || tag(c) == atom.Hr || tag(c) == atom.Figcaption:
				walk(c, inFigure)
			case inFigure && words > 0 && words <= 2 && bareCount.MatchString(text) && !hasImage(c):
				// A gallery's "23" (of "Image 1 of / 23").
				n.RemoveChild(c)
			case words > 0 && words <= maxChromeWords && standsAlone(c) && chromeText.MatchString(text) && !hasImage(c):
				n.RemoveChild(c)
			case words > 0 && words <= maxCreditWords && !hasImage(c) && (hasNameIn(c, creditNames) || standsAlone(c) && creditText.MatchString(text)):
				n.RemoveChild(c)
			case isHeadingAtom(tag(c)) && relatedHeading.MatchString(text):
				// The heading and the link lists or teasers after it.
				for l := nextElement(c); l != nil && isLinkBlock(l); l = nextElement(c) {
					n.RemoveChild(l)
				}
				next = c.NextSibling
				n.RemoveChild(c)
			case words > 0 && words <= 200 && linkDense(c) && relatedHeading.MatchString(firstLine(c)):
				n.RemoveChild(c)
			case words > 0 && words <= maxPromptWords && isBlockAtom(tag(c)) && signUpText.MatchString(text) && !hasLongParagraphs(c):
				n.RemoveChild(c)
			default:
				walk(c, inFigure || tag(c) == atom.Figure)
			}
			c = next
		}
	}
	walk(root, false)
	tidyEmphasis(root)
}

// removeEmptyLinks unwraps or removes links with no text and no image
// (social buttons whose icon was an SVG), after sanitizeDOM.
func removeEmptyLinks(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			removeEmptyLinks(c)
			if tag(c) == atom.A && strings.TrimFunc(textOf(c), invisible) == "" && !hasImage(c) {
				n.RemoveChild(c)
			}
		}
		c = next
	}
	// A list item or paragraph left empty goes too.
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && (tag(c) == atom.Li || tag(c) == atom.P) &&
			strings.TrimFunc(textOf(c), invisible) == "" && !hasImage(c) {
			n.RemoveChild(c)
		}
		c = next
	}
}

// emphasisKind groups elements that render the same way.
func emphasisKind(a atom.Atom) int {
	switch a {
	case atom.Strong, atom.B:
		return 1
	case atom.Em, atom.I:
		return 2
	}
	return 0
}

// tidyEmphasis makes emphasis convertible to Markdown that renders as
// written: empty emphasis is removed, emphasis nested in the same kind is
// unwrapped, and adjacent elements of the same kind are merged. Pages
// that wrap each word or letter in its own <strong> otherwise give
// "**Dia****mond**", which renders as asterisks.
func tidyEmphasis(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		tidyEmphasis(c)
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		k := emphasisKind(tag(c))
		if c.Type != html.ElementNode || k == 0 {
			c = next
			continue
		}
		if strings.TrimFunc(textOf(c), invisible) == "" && !hasImage(c) {
			unwrap(c)
			c = next
			continue
		}
		// Unwrap emphasis of the same kind inside c.
		var inner func(p *html.Node)
		inner = func(p *html.Node) {
			for d := p.FirstChild; d != nil; {
				dn := d.NextSibling
				inner(d)
				if d.Type == html.ElementNode && emphasisKind(tag(d)) == k {
					unwrap(d)
				}
				d = dn
			}
		}
		inner(c)
		// Merge following siblings of the same kind.
		for next != nil && next.Type == html.ElementNode && emphasisKind(tag(next)) == k {
			for d := next.FirstChild; d != nil; {
				dn := d.NextSibling
				next.RemoveChild(d)
				c.AppendChild(d)
				d = dn
			}
			gone := next
			next = next.NextSibling
			n.RemoveChild(gone)
		}
		c = next
	}
}

// unwrap replaces n by its children.
func unwrap(n *html.Node) {
	p := n.Parent
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		n.RemoveChild(c)
		p.InsertBefore(c, n)
		c = next
	}
	p.RemoveChild(n)
}

// standsAlone reports whether n is a block of its own: a block element,
// or an element with no text beside it, as a button label is.
func standsAlone(n *html.Node) bool {
	if isBlockAtom(tag(n)) && tag(n) != atom.Span {
		return true
	}
	if n.Parent == nil {
		return true
	}
	for s := n.Parent.FirstChild; s != nil; s = s.NextSibling {
		switch {
		case s == n:
		case s.Type == html.TextNode && strings.TrimFunc(s.Data, invisible) != "":
			return false
		case s.Type == html.ElementNode && !isBlockAtom(tag(s)) && tag(s) != atom.A && tag(s) != atom.Span && s.FirstChild != nil:
			return false
		}
	}
	return true
}

func hasImage(n *html.Node) bool {
	if n.Type == html.ElementNode && (tag(n) == atom.Img || tag(n) == atom.Picture) {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasImage(c) {
			return true
		}
	}
	return false
}

// hasLongParagraphs reports whether n holds a paragraph of more than 25
// words: prose, not a prompt.
func hasLongParagraphs(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && tag(c) == atom.P && len(strings.Fields(textOf(c))) > 25 {
			return true
		}
		if hasLongParagraphs(c) {
			return true
		}
	}
	return false
}

// linkDense reports whether most of the text under n is link text.
func linkDense(n *html.Node) bool {
	all := len([]rune(textOf(n)))
	if all == 0 {
		return false
	}
	linked := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && tag(n) == atom.A {
			linked += len([]rune(textOf(n)))
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return linked*2 > all
}

// hasNameIn reports whether one of the words of n's class or id, split
// at "-" and "_", is in names.
func hasNameIn(n *html.Node, names map[string]bool) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(attr(n, "class")+" "+attr(n, "id")), func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '-' || r == '_'
	}) {
		if names[w] {
			return true
		}
	}
	return false
}

// isLinkBlock reports whether n is a list of links or of teasers: most
// of its text is link text, or it links somewhere and holds no
// paragraph of prose (a teaser's title and image link).
func isLinkBlock(n *html.Node) bool {
	return linkDense(n) || (hasLink(n) && !isProse(n))
}

// isProse reports whether n is or holds a paragraph of more than 25
// words.
func isProse(n *html.Node) bool {
	return tag(n) == atom.P && len(strings.Fields(textOf(n))) > 25 || hasLongParagraphs(n)
}

func hasLink(n *html.Node) bool {
	if n.Type == html.ElementNode && tag(n) == atom.A && attr(n, "href") != "" {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasLink(c) {
			return true
		}
	}
	return false
}

// firstLine returns the text of n's first child element or text.
func firstLine(n *html.Node) string {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if t := textOf(c); t != "" {
			return t
		}
	}
	return ""
}

func nextElement(n *html.Node) *html.Node {
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return nil
		}
	}
	return nil
}

func isHeadingAtom(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

func isBlockAtom(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Aside, atom.Li, atom.Ul, atom.Figure, atom.Blockquote, atom.Span:
		return true
	}
	return isHeadingAtom(a)
}

// invisible reports runes that show nothing: white space, zero-width
// and other format characters.
func invisible(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || r == '\u2800' || r == '\u3164'
}

// tag is the element's name as an atom. Readability renames elements
// ("div" to "p") without updating their DataAtom, so the name is looked
// up again.
func tag(n *html.Node) atom.Atom {
	if n.Type != html.ElementNode {
		return 0
	}
	return atom.Lookup([]byte(n.Data))
}
