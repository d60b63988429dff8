package ingest

import (
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

// chromeItem matches the label of one gallery, player, share or print
// control, in the languages of the test pages.
const chromeItem = `(?:(?:image|photo|picture|slide|foto|bild)\s*\d+(?:\s*(?:of|/|von|de|sur)(?:\s*\d+)?)?|\d+\s*(?:of|/)\s*\d+|close|caption|show caption|hide caption|toggle caption|expand|enlarge this image|open gallery|view gallery|fullscreen|full screen|next|previous|prev|share|share this|share on \w+|tweet|email|e-mail|print|copy link|link copied|pin it|whatsapp|facebook|twitter|linkedin|reddit|pinterest|telegram|xing|advertisement|ad|sponsored|scroll to continue|continue reading|read more|listen|listen to this article|play|pause|mute|unmute|back to top|skip to (?:main )?(?:content|navigation)|skip navigation` +
	// German, French, Spanish, Portuguese, Italian, Polish
	`|(?:artikel |rezept |seite )?drucken|drukuj|imprim(?:ir|er)|stampa|anzeige|werbung|reklama|publicidad|publicité|pubblicità|publicidade|(?:artikel |beitrag |jetzt )?teilen|(?:auf|bei) \w+ (?:teilen|speichern|merken)|partager|compartir|compartilhar|condividi|udostępnij|schließen|fermer|cerrar|chiudi|zamknij|weiterlesen|mehr lesen|lire la suite|leer más|leia mais|czytaj dalej|continua a leggere|nach oben|zum seitenanfang|(?:zum |zur )?(?:haupt)?(?:inhalt|navigation|suche|menü) springen|aller au contenu|ir al contenido|quellen (?:ausblenden|einblenden|anzeigen)|(?:diese |esta )?(?:noticia|nachricht|artikel|beitrag) (?:bewerten|valorar)|valora esta noticia|rate this (?:article|story)` +
	// comment counters and reading times
	`|(?:\d+\s*)?(?:comments?|kommentare?|commentaires?|comentarios?|comentários?|commenti|komentarze?)(?:\s*insgesamt)?\s*:?\s*\(?\d*\)?|(?:kommentar (?:schreiben|verfassen)|leave a (?:comment|reply)|write a comment)` +
	`|(?:reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura|czas czytania)\s*:?\s*(?:ca\.\s*)?\d+\s*(?:min\w*|minuten?)\.?|\d+\s*(?:min\.?|minutes?|minuten?)\s*(?:read|lesezeit|lesedauer|de lecture|de lectura)|ten tekst przeczytasz w [^.]*minut\pL*)`

// chromeText matches the whole text of a block of controls: one label
// or several ("Rezept drucken Bei Pinterest speichern", "Share | Tweet").
var chromeText = lazyRegexp(`(?i)^` + chromeItem + `(?:\s*[|·•/]?\s*` + chromeItem + `)*\s*[:.…]*$`)

// relatedHeading matches the heading of a block of links to other
// articles, in the languages of the test pages (English, German,
// French, Spanish, Portuguese, Italian, Polish).
var relatedHeading = lazyRegexp(`(?i)^(?:` +
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

// months are the names of the months (and their abbreviations and
// Polish genitives) in the languages of the test pages.
const months = `(?:jan(?:uary|uar|vier|eiro)?|feb(?:ruary|ruar)?|fév(?:rier)?|mar(?:ch|s|zo|ço)?|märz|apr(?:il|ile)?|avr(?:il)?|may|mai|maggio|mayo|maio|jun(?:e|i|io|ho)?|juin|giugno|jul(?:y|i|io|ho)?|juil(?:let)?|luglio|aug(?:ust)?|août|agosto|sep(?:t(?:ember|embre)?)?|septiembre|setembro|settembre|oct(?:ober|obre|ubre)?|okt(?:ober)?|outubro|ottobre|nov(?:ember|embre)?|novembro|dec(?:ember)?|dez(?:ember)?|déc(?:embre)?|dic(?:iembre|embre)?|dezembro|enero|ene|febrero|febbraio|fevereiro|gennaio|marca|stycznia|lutego|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia)\.?`

// dateLine matches a line that is only a date or time, with the label
// sites put before it ("Aktualisiert: 11.04.2020, 10:27", "Published
// March 3, 2021", "16 marca 2021", "3:59 PM").
var dateLine = lazyRegexp(`(?i)^(?:(?:published|updated|posted|last updated|first published|aktualisiert|zuletzt aktualisiert|publiziert|veröffentlicht|erschienen|stand|erstellt|geändert|datum|publié|mis à jour|publicado|actualizado|atualizado|pubblicato|aggiornato|opublikowano|aktualizacja)(?:\s+(?:on|am|le|el|em|il|at))?\s*:?\s*)?` +
	`(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*\.?,?\s*|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag),?\s*(?:den\s*)?)?` +
	`(?:(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.?\s+(?:de\s+)?` + months + `(?:\s+de)?,?\s+\d{4}|` + months + `\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})` +
	`(?:\s*(?:,|um|at|à|a las|-|–|\|)?\s*\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|uhr|h))?(?:\s*(?:cet|cest|mez|mesz|utc|gmt|et|est|edt|pt|pst|pdt|bst))?)?` +
	`|\d{1,2}:\d{2}\s*(?:am|pm)(?:\s*(?:utc|gmt|et|est|edt|pt|pst|pdt|bst))?)\s*[.|]?$`)

// edgeBlocks is how many blocks at each end of the article
// removeEdgeDates looks at.
const edgeBlocks = 3

// removeEdgeDates removes, among the first and last edgeBlocks blocks of
// text of the article under root, those that are only a date or time
// (dateLine): the publication line sites put above or below the story.
// brief keeps the date in the front matter. A date line inside the
// story (a live report's timestamps) is left alone.
func removeEdgeDates(root *html.Node) {
	blocks := leafBlocks(root, func(c *html.Node) bool { return layoutBlock[tag(c)] || tag(c) == atom.Time },
		func(c *html.Node) bool { return strings.TrimFunc(textOf(c), invisible) != "" || hasImage(c) })
	for i, b := range blocks {
		if i >= edgeBlocks && i < len(blocks)-edgeBlocks {
			continue
		}
		if t := textOf(b); len(strings.Fields(t)) <= 12 && dateLine().MatchString(t) && b.Parent != nil {
			b.Parent.RemoveChild(b)
		}
	}
}

// leafBlocks returns, in document order, the elements under root that
// block says are blocks and that hold no block element themselves (see
// hasBlockChild), those of them keep takes; it does not look inside a
// leaf block.
func leafBlocks(root *html.Node, block, keep func(*html.Node) bool) []*html.Node {
	var blocks []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if block(c) && !hasBlockChild(c) {
				if keep(c) {
					blocks = append(blocks, c)
				}
				continue
			}
			walk(c)
		}
	}
	walk(root)
	return blocks
}

// minProseRunes is the fewest letters of text outside links a block
// must hold for removeTrailingLinks to take it for a paragraph of the
// story (counted in runes, so that it works for scripts written without
// spaces).
const minProseRunes = 80

// removeTrailingLinks removes the run of link blocks below the story's
// last paragraph (teasers of other stories, link lists): leaf blocks
// that are mostly link text, when there are at least two of them after
// the last block with minProseRunes of text outside links.
func removeTrailingLinks(root *html.Node) {
	blocks := leafBlocks(root, func(c *html.Node) bool { return layoutBlock[tag(c)] },
		func(c *html.Node) bool { return strings.TrimFunc(textOf(c), invisible) != "" })
	last := -1
	for i, b := range blocks {
		if len([]rune(textOf(b)))-linkedRunes(b) >= minProseRunes {
			last = i
		}
	}
	if last < 0 {
		return
	}
	var trailing []*html.Node
	for _, b := range blocks[last+1:] {
		if linkDense(b) {
			trailing = append(trailing, b)
		}
	}
	if len(trailing) < 2 {
		return
	}
	for _, b := range trailing {
		if b.Parent != nil {
			b.Parent.RemoveChild(b)
		}
	}
}

// layoutBlock holds the elements a browser lays out as blocks.
var layoutBlock = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Footer: true, atom.Main: true, atom.Aside: true, atom.Ul: true, atom.Ol: true,
	atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Table: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Blockquote: true, atom.Pre: true,
	atom.Figure: true, atom.Figcaption: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Hr: true, atom.Address: true,
	atom.Details: true, atom.Summary: true, atom.Tbody: true, atom.Thead: true,
}

// hasBlockChild reports whether an element child of n is a block.
func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && layoutBlock[tag(c)] {
			return true
		}
	}
	return false
}

// bareCount matches a number standing alone, as galleries show them.
var bareCount = lazyRegexp(`^\d{1,4}(?:\s*/\s*\d{1,4})?$`)

// signUpText matches a newsletter or sign-up prompt.
var signUpText = lazyRegexp(`(?i)(?:\bsign[ -]?up\b|\bsubscribe\b|\bnewsletter\b|\bregister\b|\bjoin\b)[^.]*\b(?:newsletter|inbox|e-?mail|updates|alerts|briefing|free|today|now)\b|\bdelivered (?:straight )?to your inbox\b|\bget (?:our|the) [^.]*newsletter\b`)

// promptText matches an app, social or subscriber prompt.
var promptText = lazyRegexp(`(?i)\b(?:download|get|install) (?:our|the)(?: free)?(?: [\pL-]+){0,3} apps?\b|\bwith the [\pL ]{1,30} app\b|\bfollow us on (?:twitter|facebook|instagram|linkedin|x|youtube|tiktok)\b|\b(?:like|find) us on facebook\b|\balready a (?:subscriber|member)\b|\b(?:to (?:view|read|continue reading|see) (?:the|this) (?:full|whole|entire) (?:story|article)|subscribe to (?:read|continue|view|unlock))\b` +
	// German
	`|\b(?:abonnieren sie|melden sie sich)[^.]*\b(?:newsletter|an)\b|\bfolgen sie uns auf\b` +
	// support and donation appeals
	`|\b(?:support (?:our|independent|quality) journalism|would you consider (?:supporting|a donation|donating|a contribution)|become a (?:member|supporter|patron)|make a (?:donation|contribution) (?:to|today)|donate (?:now|today))\b`)

// Words one of which a prompt holds, looked for before the patterns
// are tried: most short blocks hold none.
var (
	signUpWords = []string{"sign", "subscri", "newsletter", "regist", "join", "deliver"}
	promptWords = []string{"app", "follow", "like us", "find us", "already a", "full", "entire", "whole", "subscri", "abonnieren", "melden", "folgen", "support", "consider", "become a", "donat", "contribution"}
)

// isPrompt reports whether text is a sign-up, app, social or
// subscriber prompt.
func isPrompt(text string) bool {
	lower := strings.ToLower(text)
	return containsAny(lower, signUpWords) && signUpText().MatchString(text) ||
		containsAny(lower, promptWords) && promptText().MatchString(text)
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// creditText matches the whole text of a picture credit: "© Jane Doe",
// "Foto: dpa", "Photo credit: Getty Images".
var creditText = lazyRegexp(`(?i)^[(\[]?\s*(?:©|\(c\)|copyright\b|(?:(?:foto|photo|bild|image|picture|video|titel|header|cover)s?(?:[ -]?(?:credits?|nachweis|quelle))?|bildnachweis|bildquelle|fotonachweis|credits?|zdjęcie|fot\.)\s*(?::|©|\|))`)

// copyrightNotice matches a copyright notice: "Copyright 2023 Sunbeam
// Television Corp. All rights reserved. This material may not be
// published, broadcast, rewritten or redistributed."
var copyrightNotice = lazyRegexp(`(?i)^\s*(?:©|\(c\)|copyright\b).*\b(?:all rights reserved|alle rechte vorbehalten|todos los derechos reservados|tous droits réservés|may not be (?:published|reproduced|redistributed))\b`)

// postMeta matches the line blog themes write below a post: "This
// entry was posted in News and tagged Berlin. Bookmark the permalink.",
// "Der Beitrag wurde am Mittwoch, den 27. November 2019 veröffentlicht
// und wurde unter Allgemein abgelegt."
var postMeta = lazyRegexp(`(?i)^(?:this entry was posted\b|this entry is filed under\b|dieser (?:eintrag|beitrag) wurde\b.*\bveröffentlicht\b|der beitrag wurde am\b.*\bveröffentlicht\b)|\bbookmark the permalink\b|\bden permalink zu ihren favoriten\b`)

// creditNames are class and id words of the elements that hold a
// picture's credit.
var creditNames = map[string]bool{"credit": true, "credits": true, "copyright": true, "photographer": true, "photocredit": true, "imagecredit": true}

// navNames are class and id words of navigation that readability keeps
// inside an article: breadcrumbs, page links, toolbars and ratings.
var navNames = map[string]bool{"breadcrumb": true, "breadcrumbs": true, "pagination": true, "pager": true, "toolbar": true, "rating": true}

// Limits for the elements removeFurniture may remove.
const (
	maxChromeWords   = 8  // a control's label
	maxPromptWords   = 40 // a sign-up prompt
	maxCreditWords   = 15 // a picture credit
	maxNoticeWords   = 40 // a copyright notice
	maxPostMetaWords = 60 // a blog post's filing line, with its comment note
	maxNavWords      = 50 // a breadcrumb trail, a pager
	maxTeaserWords   = 40 // a labelled link to another story
)

// removeFurniture removes gallery and share controls, related-links
// blocks, sign-up prompts, caption credits, edge dates and the link
// blocks below the story from the article under root, and tidies
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
			case inFigure && words > 0 && words <= 2 && bareCount().MatchString(text) && !hasImage(c):
				// A gallery's "23" (of "Image 1 of / 23").
				n.RemoveChild(c)
			case words > 0 && words <= maxChromeWords && standsAlone(c) && chromeText().MatchString(text) && !hasImage(c):
				n.RemoveChild(c)
			case words > 0 && words <= maxCreditWords && !hasImage(c) && (hasNameIn(c, creditNames) || standsAlone(c) && creditText().MatchString(text)):
				n.RemoveChild(c)
			case words > 0 && standsAlone(c) && (words <= maxNoticeWords && copyrightNotice().MatchString(text) || words <= maxPostMetaWords && postMeta().MatchString(text)):
				n.RemoveChild(c)
			case words <= maxNavWords && hasNameIn(c, navNames) && !isProse(c):
				n.RemoveChild(c)
			case isHeadingAtom(tag(c)) && relatedHeading().MatchString(text):
				// The heading and the link lists or teasers after it.
				for l := nextElement(c); l != nil && isLinkBlock(l); l = nextElement(c) {
					n.RemoveChild(l)
				}
				next = c.NextSibling
				n.RemoveChild(c)
			case words > 0 && words <= 200 && linkDense(c) && relatedHeading().MatchString(firstLine(c)):
				n.RemoveChild(c)
			case words > 0 && words <= maxTeaserWords && isBlockAtom(tag(c)) && isInlineTeaser(c, text):
				// "Lea también: <link to another story>".
				n.RemoveChild(c)
			case words > 0 && words <= maxPromptWords && isBlockAtom(tag(c)) && isPrompt(text) && !hasLongParagraphs(c):
				n.RemoveChild(c)
			default:
				walk(c, inFigure || tag(c) == atom.Figure)
			}
			c = next
		}
	}
	walk(root, false)
	removeCaptionCredits(root)
	removeEdgeDates(root)
	removeTrailingLinks(root)
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

// teaserLabel matches the label a site puts before a link to another of
// its stories inside the article ("Read more:", "Lea también:", "Lesen
// Sie auch:"), in the languages of the test pages.
var teaserLabel = lazyRegexp(`(?i)^(?:` +
	// English
	`read (?:more|also|next)|also read|related(?: (?:story|stories|article|articles|coverage|content|reading))?|see also|more|more (?:on|about|from) [\pL ]{1,30}|recommended|watch|(?:don't|do not) miss|must read|further reading|previously` +
	// Spanish, Portuguese, Italian, French
	`|lea(?: también| más| aquí| además)?|lee(?: también| más)?|(?:le|te) puede interesar|(?:nota|noticia)s? relacionadas?|relacionad[oa]s?|vea(?: también)?|ver (?:también|más)|mir[ae](?: también)?|más información|leia(?: também| mais)?|veja(?: também)?|saiba mais|leggi(?: anche)?|vedi anche|potrebbe interessarti|(?:à )?lire aussi|(?:à )?voir aussi` +
	// German, Polish
	`|weiterlesen|lesen sie (?:auch|hier|mehr)|auch lesen|siehe auch|passend dazu|mehr dazu|mehr zum thema|czytaj (?:też|także|więcej)|zobacz (?:też|także)` +
	`)\s*:\s*`)

// isInlineTeaser reports whether the block n, whose text is text, is a
// teaser label (teaserLabel) followed by a link: most of the text after
// the label is link text.
func isInlineTeaser(n *html.Node, text string) bool {
	m := teaserLabel().FindStringIndex(text)
	if m == nil {
		return false
	}
	rest := len([]rune(text[m[1]:]))
	return rest > 0 && linkedRunes(n)*10 >= rest*7
}

// linkedRunes returns the number of runes of link text under n.
func linkedRunes(n *html.Node) int {
	if n.Type == html.ElementNode && tag(n) == atom.A {
		return len([]rune(textOf(n)))
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += linkedRunes(c)
	}
	return total
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
