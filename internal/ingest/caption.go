package ingest

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A picture's caption often ends with its credit: "GdP-Vize René
// Klemmer. Foto: GdP/Hagen Immel", "… gesegnet. | © Augusta
// National/Getty Images", "… getarnt. (mlharing / iStock.com)". The
// caption describes the picture and may carry a claim; the credit is
// furniture. removeCaptionCredits keeps the one and drops the other.

// creditSuffix matches a credit at the end of a caption: a copyright
// sign or a credit label after a separator, or a picture agency (as the
// agency writes its name) after a slash or parenthesis. It is tried on
// raw text, so it takes any white space.
var creditSuffix = lazyRegexp(`(?i)(?:` +
	`(?:^|[\s|–—-])\(?\s*(?:©|\(c\)|copyright\s*(?:©|:|by\b|\d{4})|(?:(?:titel|symbol)?(?:foto|photo|bild|image|picture)s?(?:[ -]?(?:credits?|nachweis|quelle))?|bildnachweis|bildquelle|fotonachweis|quelle|source|credits?|cr[ée]ditos?|photographer|fotograf|zdjęcie|crédit photo)\s*:|fot\.)` +
	`(?:[^.!?]|[.!?]\S){0,80}[.!?]?\)?` +
	`|[(/|]\s*(?:[\pL.'\s-]{1,40}/\s*)?` + agencies + `[^()]{0,30}\)?` +
	`)\s*$`)

// creditLabel matches a credit's label left at the end of a caption's
// text when the credit itself is cut.
var creditLabel = lazyRegexp(`(?i)(?:^|[\s|–—(-])(?:photo |image )?(?:credits?|foto|photo|bild|image|quelle|source|copyright)\s*:?\s*$`)

// agencies are picture agencies whose names end credits, written as
// they write them ("WENN", not the German word "wenn").
const agencies = `(?-i:Getty ?Images|Shutterstock|ShutterStock|shutterstock|iStock(?:photo)?|istock|IMAGO|imago|dpa|AFP|AP|Reuters|REUTERS|EPA|KEYSTONE|Keystone|[Pp]icture[ -]alliance|Adobe ?Stock|stock\.adobe\.com|Unsplash|Pixabay|WENN)\b`

// captionNames are class and id words of the elements that hold a
// picture's caption.
var captionNames = map[string]bool{"caption": true, "captions": true, "figcaption": true, "bildunterschrift": true, "legend": true, "legende": true}

// Limits for removeCaptionCredits.
const (
	maxCaptionWords    = 60 // the most words of an element taken for a caption
	maxCreditNameWords = 4  // the most words of a name before an agency's
)

// removeCaptionCredits removes the credit from the end of each caption
// under root, or the caption when it is only a credit. A caption is a
// <figcaption>, an element named like one (captionNames), a short
// block in a <figure>, or a short block right after a picture.
func removeCaptionCredits(root *html.Node) {
	var walk func(n *html.Node, inFigure bool)
	walk = func(n *html.Node, inFigure bool) {
		afterImage := false
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type != html.ElementNode {
				if c.Type == html.TextNode && strings.TrimFunc(c.Data, invisible) != "" {
					afterImage = false
				}
				c = next
				continue
			}
			img := hasImage(c)
			if !img && (tag(c) == atom.Figcaption || hasNameIn(c, captionNames) || (inFigure || afterImage) && isBlockAtom(tag(c))) &&
				len(strings.Fields(textOf(c))) <= maxCaptionWords {
				cutCredit(c)
			} else {
				walk(c, inFigure || tag(c) == atom.Figure)
			}
			afterImage = img
			c = next
		}
	}
	walk(root, false)
}

// cutCredit removes a credit (creditSuffix) from the end of the text
// under the caption c, and c itself when nothing but the credit and
// punctuation is left.
func cutCredit(c *html.Node) {
	var texts []*html.Node
	var collect func(*html.Node)
	collect = func(n *html.Node) {
		if n.Type == html.TextNode {
			texts = append(texts, n)
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			collect(k)
		}
	}
	collect(c)
	var b strings.Builder
	for _, t := range texts {
		b.WriteString(t.Data)
	}
	all := b.String()
	loc := creditSuffix().FindStringIndex(all)
	if loc == nil {
		return
	}
	start := loc[0]
	if strings.ContainsRune("/(|", rune(all[start])) {
		// "Thomas Jackson/Digital Vision/Getty Images": the photographer
		// goes with the agency when the credit starts its own text.
		at := 0
		for _, t := range texts {
			if end := at + len(t.Data); start < end {
				if before := all[at:start]; len(strings.Fields(before)) <= maxCreditNameWords && !strings.ContainsAny(before, ".!?:") {
					start = at
				}
				break
			} else {
				at = end
			}
		}
	}
	if m := creditLabel().FindStringIndex(all[:start]); m != nil {
		start = m[0] // the label before the name: "Credit" of "CreditKevin Frayer/Getty Images"
	}
	loc[0] = start
	if strings.TrimFunc(all[:loc[0]], func(r rune) bool { return invisible(r) || strings.ContainsRune("|–—-:.,;", r) }) == "" {
		if c.Parent != nil {
			c.Parent.RemoveChild(c)
		}
		return
	}
	// Cut the text nodes from the credit's start on; elements left
	// without text are removed by removeEmptyLinks or render as nothing.
	at := 0
	for _, t := range texts {
		end := at + len(t.Data)
		switch {
		case end <= loc[0]:
		case at >= loc[0]:
			t.Data = ""
		default:
			t.Data = t.Data[:loc[0]-at]
		}
		at = end
	}
	// The separator before the credit goes with it ("… Becken, Foto:
	// X", "… hall / (C) Y").
	for i := len(texts) - 1; i >= 0; i-- {
		if texts[i].Data = strings.TrimRightFunc(texts[i].Data, func(r rune) bool { return invisible(r) || strings.ContainsRune("|/–—-,;:", r) }); texts[i].Data != "" {
			break
		}
	}
}
