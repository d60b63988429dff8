package build

import (
	"html/template"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A source page of a large project holds hundreds of note items, the
// briefing thousands: executed as a template, each item cost a dozen
// reflective field lookups and calls (3.4 s of the 1,000-article
// build's CPU profile). The default theme therefore writes its list of
// notes with the template function "notes", which appends the HTML
// below directly. Escaping follows html/template's own rules for the
// same places (htmlEscape for text and attribute values, urlNormalize
// for an href, urlEscape after its '#'), so article text, outlets and
// IDs are escaped exactly as a template would escape them. A theme that
// wants other markup defines "endnotes" with its own range over .Notes.

// notesHTML is the template function "notes": the list of notes at the
// end of a page, or nothing if there are none.
func notesHTML(list []noteView) template.HTML {
	if len(list) == 0 {
		return ""
	}
	n := 200
	for _, nv := range list {
		n += 300 + 200*len(nv.Items)
	}
	b := make([]byte, 0, n)
	b = append(b, "\n<section class=\"notes\" role=\"doc-endnotes\" aria-labelledby=\"notes-heading\">\n<h2 id=\"notes-heading\">Notes</h2>\n<ol class=\"notes-list\">"...)
	for i := range list {
		b = appendNote(b, &list[i])
	}
	b = append(b, "\n</ol>\n</section>"...)
	return template.HTML(b)
}

// appendNote appends one note: its number, which links back to the
// sentence, and its items.
func appendNote(b []byte, n *noteView) []byte {
	num := strconv.Itoa(n.N)
	b = append(b, "\n<li id=\""...)
	b = htmlEscape(b, n.ID)
	b = append(b, "\" class=\"note"...)
	if n.Disagree > 0 {
		b = append(b, " note-disputed"...)
	}
	b = append(b, "\" value=\""...)
	b = append(b, num...)
	b = append(b, "\" tabindex=\"-1\" aria-label=\"Note "...)
	b = append(b, num...)
	// The marker's anchor name (the "refs" template): the theme's
	// stylesheet places the note beside its marker without script.
	b = append(b, "\" style=\"position-anchor:--n"...)
	b = append(b, num...)
	b = append(b, "\">\n<a class=\"backref\" href=\"#"...)
	b = htmlEscape(b, urlEscape(n.RefID))
	b = append(b, "\" role=\"doc-backlink\" aria-label=\"Back to the sentence of note "...)
	b = append(b, num...)
	b = append(b, "\">"...)
	b = append(b, num...)
	b = append(b, "</a>\n<ul class=\"ni-list\">"...)
	label := ""
	groups := groupItems(n.Items)
	chooseExcerpts(groups)
	for _, run := range byReason(groups) {
		b = appendNoteGroups(b, run, run[0].items[0].Label != label)
		label = run[0].items[0].Label
	}
	return append(b, "\n</ul>\n</li>"...)
}

// chooseExcerpts sets which groups of a note write their excerpt: one
// per distinct wording of each kind. Another sentence of the kind that
// starts alike (with its own reason) has only its links, which lead to
// it whole: on the 1,000-article build such repeats were 1.2 MB. (A
// cap of six excerpts of each kind took 5.8 MB more off that build's
// 14.6 MB of excerpts, but only 0.9 MB after a522371 gave it fewer
// links; with the output well under the target it is not applied.)
func chooseExcerpts(groups []noteGroup) {
	var written [2][]string // by kind: agree, disagree
	for i := range groups {
		g := &groups[i]
		if g.quote == "" {
			continue
		}
		k := 0
		if g.items[0].Kind == "disagree" {
			k = 1
		}
		if !slices.Contains(written[k], g.quote) {
			written[k] = append(written[k], g.quote)
			g.show = true
		}
	}
}

// byReason gathers the groups of a note that give the same reason under
// the same label (sources that say the same thing in different words
// agree for the same reason) into runs, each at the place of its first
// group, so that a note writes each reason once: on the 1,000-article
// build half the reasons of the source pages' notes repeated one just
// above them in the same note (8 MB). Groups without a reason stay
// alone.
func byReason(groups []noteGroup) [][]noteGroup {
	type key struct{ label, reason string }
	runs := make([][]noteGroup, 0, len(groups))
	at := make(map[key]int, len(groups))
	for _, g := range groups {
		it := g.items[0]
		if it.Reason == "" {
			runs = append(runs, []noteGroup{g})
			continue
		}
		k := key{it.Label, it.Reason}
		if j, ok := at[k]; ok {
			runs[j] = append(runs[j], g)
			continue
		}
		at[k] = len(runs)
		runs = append(runs, []noteGroup{g})
	}
	return runs
}

// groupItems groups the items of a note that would show the same
// words: of one kind, with the same excerpt and reason (several outlets
// carrying one wire story, or one source saying a thing twice). Groups
// keep the order of their first items, and items their order within a
// group; items come sorted by kind, so groups do too.
func groupItems(items []noteItem) []noteGroup {
	type key struct {
		kind, label, quote, reason string
		shown, same                bool
	}
	groups := make([]noteGroup, 0, len(items))
	at := make(map[key]int, len(items))
	for i := range items {
		it := &items[i]
		k := key{kind: it.Kind, label: it.Label, reason: it.Reason, shown: it.Shown, same: it.Same && !it.Shown}
		if !it.Shown && !k.same {
			k.quote = excerpt(it.Text)
		}
		if j, ok := at[k]; ok {
			groups[j].items = append(groups[j].items, it)
			continue
		}
		at[k] = len(groups)
		groups = append(groups, noteGroup{quote: k.quote, items: []*noteItem{it}})
	}
	return groups
}

// noteGroup is the items of a note that show the same words, and the
// excerpt they show (see excerpt; "" for the wording shown and for the
// same words as the note's sentence).
type noteGroup struct {
	quote string
	items []*noteItem
	show  bool // the group writes its excerpt (see chooseExcerpts)
}

// appendNoteGroups appends one item of a note, for a run of groups
// that give the same reason (see byReason), each group the items that
// show the same words (see groupItems):
//
//	<li class="ni-a"><span class="sr">Agrees:</span> <a href="…">AP</a>, <a href="…">Reuters</a><span class="qt">: “excerpt…”</span>, <a href="…">BBC News</a><span class="qt">: “other excerpt…”</span><span class="reason"> reason</span></li>
//
// ni-a (agree, reported by) or ni-d (disagree) draws the item's ✓ or ✗
// (style.css); the spoken label is written once, on the first item of a
// run of one kind (items come sorted by kind), since the list then reads
// "Agrees: AP …, Reuters …". Each group's links are followed by its
// excerpt of the other sentence (see excerpt): the link leads to it
// whole. A sentence word for word the note's own says "same words"
// instead, and a group whose excerpt the note already wrote for its
// kind has none (see chooseExcerpts). The reason, which holds for
// every link of the item, comes once at its end; an agreement's drops its "agree: " prefix, which
// the ✓ already says. A link to a source already named in the note
// (Again) is marked ni-again, with its comma, so that the compact
// margin note can hide it; so is the item if all its links are.
func appendNoteGroups(b []byte, run []noteGroup, first bool) []byte {
	it := run[0].items[0]
	if it.Kind == "disagree" {
		b = append(b, "<li class=\"ni-d"...)
	} else {
		b = append(b, "<li class=\"ni-a"...)
	}
	again := true
	for _, ng := range run {
		for _, x := range ng.items {
			again = again && x.Again
		}
	}
	if again {
		b = append(b, " ni-again"...)
	}
	b = append(b, "\">"...)
	if first {
		b = append(b, "<span class=\"sr\">"...)
		b = htmlEscape(b, it.Label)
		b = append(b, ":</span>"...)
	}
	b = append(b, ' ')
	// i counts the links written, shown the ones the compact note shows:
	// a comma the compact note would start with is marked with the
	// links it hides.
	i, shown := 0, 0
	for _, ng := range run {
		for _, x := range ng.items {
			marked := x.Again && !again
			switch {
			case marked && i > 0:
				b = append(b, "<span class=\"ni-again\">, "...)
			case marked:
				b = append(b, "<span class=\"ni-again\">"...)
			case shown > 0:
				b = append(b, ", "...)
			case i > 0:
				b = append(b, "<span class=\"ni-again\">, </span>"...)
			}
			i++
			if !marked {
				shown++
			}
			b = append(b, "<a href=\""...)
			b = htmlEscape(b, urlNormalize(x.Href))
			b = append(b, "\">"...)
			if x.HasOutlet || x.Title == "" {
				b = htmlEscape(b, x.Outlet)
			} else {
				// Without an outlet the label is the headline cut short:
				// show the whole headline.
				b = append(b, "<cite>"...)
				b = htmlEscape(b, x.Title)
				b = append(b, "</cite>"...)
			}
			b = append(b, "</a>"...)
			if marked {
				b = append(b, "</span>"...)
			}
		}
		switch x := ng.items[0]; {
		case x.Shown:
			b = append(b, "<span class=\"ni-shown\">: the wording shown</span>"...)
		case x.Same:
			b = append(b, "<span class=\"ni-shown\">: same words</span>"...)
		case ng.show:
			b = append(b, "<span class=\"qt\">: "...)
			b = htmlEscape(b, quoted(ng.quote))
			b = append(b, "</span>"...)
		}
	}
	if r := it.Reason; r != "" {
		if it.Kind == "agree" {
			r = strings.TrimPrefix(r, "agree: ")
		}
		b = append(b, "<span class=\"reason\"> "...)
		b = htmlEscape(b, r)
		b = append(b, "</span>"...)
	}
	return append(b, "</li>"...)
}

// Excerpt bounds: a sentence of at most excerptMax runes is quoted
// whole; a longer one is cut at the last space within excerptCut runes.
const (
	excerptMax = 80
	excerptCut = 64
)

// excerpt returns the start of sentence s for a note: s itself if it
// is short, else its first words up to excerptCut runes and "…". A note
// quotes the other sentence so that the reader sees what it is about;
// the link beside it leads to the whole sentence, and a disagreement's
// reason names the words that differ.
func excerpt(s string) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= excerptMax {
		return s
	}
	cut, end, runes := 0, len(s), 0
	for i, r := range s {
		if runes == excerptCut {
			end = i
			break
		}
		runes++
		if r == ' ' || r == '\n' || r == '\t' {
			cut = i
		}
	}
	if cut == 0 { // one long word
		cut = end
	}
	return strings.TrimRight(s[:cut], " \t\n,;:–—-") + "…"
}

// htmlEscape appends s escaped as html/template escapes text and
// attribute values (its htmlReplacementTable): NUL becomes U+FFFD, and
// " & ' + < > become references. Every byte it changes is ASCII, so
// the bytes of other UTF-8 sequences are copied unchanged.
func htmlEscape(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '+':
			r = "&#43;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, r...)
		last = i + 1
	}
	return append(b, s[last:]...)
}

// urlNormalize returns the URL s as html/template writes a value that
// starts an href: a URL with a scheme other than http, https or mailto
// becomes "#ZgotmplZ", and bytes that may not appear in a URL are
// percent-encoded, valid escapes kept.
func urlNormalize(s string) string {
	if i := strings.IndexByte(s, ':'); i >= 0 && !strings.Contains(s[:i], "/") {
		switch strings.ToLower(s[:i]) {
		case "http", "https", "mailto":
		default:
			return "#ZgotmplZ"
		}
	}
	return urlProcess(s, true)
}

// urlEscape returns s percent-encoded as html/template writes a value
// in a URL's fragment or query: reserved characters are encoded too.
func urlEscape(s string) string { return urlProcess(s, false) }

// urlProcess is html/template's processURLOnto: it keeps the unreserved
// bytes of RFC 3986 (and, if norm, the reserved ones and valid %
// escapes) and percent-encodes the others.
func urlProcess(s string, norm bool) string {
	var b []byte
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '.', c == '_', c == '~':
			continue
		case strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0:
			if norm {
				continue
			}
		case c == '%':
			if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		}
		if b == nil {
			b = make([]byte, 0, len(s)+16)
		}
		b = append(b, s[written:i]...)
		b = append(b, '%', "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
		written = i + 1
	}
	if b == nil {
		return s
	}
	return string(append(b, s[written:]...))
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// markerHTML is the template function "marker": the default theme's
// "refs", the marker after a sentence that opens its note (or the
// draft's "unsourced" badge), written as the template wrote it. A large
// project has a marker after most of its tens of thousands of claims.
func markerHTML(v refsView) template.HTML {
	b := make([]byte, 0, 512)
	b = append(b, "<span class=\"refs\">&#8288;"...)
	if n := v.Note; n != nil {
		num := strconv.Itoa(n.N)
		b = append(b, "<a class=\"mk"...)
		if n.Disagree > 0 {
			b = append(b, " mk-disputed"...)
		}
		b = append(b, "\" id=\""...)
		b = htmlEscape(b, n.RefID)
		b = append(b, "\" href=\"#"...)
		b = htmlEscape(b, urlEscape(n.ID))
		b = append(b, "\" style=\"anchor-name:--n"...)
		b = append(b, num...)
		b = append(b, "\" role=\"doc-noteref\" aria-controls=\""...)
		b = htmlEscape(b, n.ID)
		b = append(b, "\" aria-label=\"Note "...)
		b = append(b, num...)
		b = append(b, ": "...)
		if n.Agree > 0 {
			b = strconv.AppendInt(b, int64(n.Agree), 10)
			if n.Agree == 1 {
				b = append(b, " source agrees"...)
			} else {
				b = append(b, " sources agree"...)
			}
		}
		if n.Agree > 0 && n.Disagree > 0 {
			b = append(b, ", "...)
		}
		if n.Disagree > 0 {
			b = strconv.AppendInt(b, int64(n.Disagree), 10)
			if n.Disagree == 1 {
				b = append(b, " disagrees"...)
			} else {
				b = append(b, " disagree"...)
			}
		}
		b = append(b, "\"><span class=\"mk-n\">"...)
		b = append(b, num...)
		b = append(b, "</span>"...)
		if n.Agree > 0 {
			b = append(b, "<span class=\"mk-a\">✓"...)
			b = strconv.AppendInt(b, int64(n.Agree), 10)
			b = append(b, "</span>"...)
		}
		if n.Disagree > 0 {
			b = append(b, "<span class=\"mk-d\">✗"...)
			b = strconv.AppendInt(b, int64(n.Disagree), 10)
			b = append(b, "</span>"...)
		}
		b = append(b, "</a>"...)
	}
	if v.Unsourced {
		b = append(b, "<span class=\"badge badge-unsourced\">unsourced</span>"...)
	}
	return template.HTML(append(b, "</span>"...))
}

// cellsHTML is the template function "cells": the cells of one row of
// the matrix that are not silent, each a mark linking to the source's
// sentence. The link is empty: its accessible name ("BBC News
// disagrees") is its column's head (id hN) and the table's words for
// the mark (m-a or m-d, see matrix.html), and the stylesheet draws the
// mark and, on narrow screens, the outlet. A name and a hidden label in
// every cell were 2.1 MB of the 1,000-article matrix. A disagreement's
// mark has its reason as a tooltip; a report's has none, the row being
// the fact it reports. A table has up to 200 rows of up to 12 cells.
func cellsHTML(cells []matrixCell) template.HTML {
	b := make([]byte, 0, 400*len(cells))
	for i := range cells {
		c := &cells[i]
		col := strconv.Itoa(c.Col)
		b = append(b, "<span class=\"mc c"...)
		b = append(b, col...)
		b = append(b, " cell-"...)
		b = htmlEscape(b, c.State)
		b = append(b, "\" role=\"cell\" aria-colindex=\""...)
		b = append(b, col...)
		b = append(b, "\"><a href=\""...)
		b = htmlEscape(b, urlNormalize(c.Href))
		if c.Reason != "" {
			b = append(b, "\" title=\""...)
			b = htmlEscape(b, c.Reason)
		}
		// The mark itself, ✓ or ✗, is the stylesheet's (.cell-agree and
		// .cell-disagree): 1.6 MB of spans at 1,000 articles.
		b = append(b, "\" aria-labelledby=\"h"...)
		b = append(b, col...)
		if c.State == "disagree" {
			b = append(b, " m-d\"></a></span>"...)
		} else {
			b = append(b, " m-a\"></a></span>"...)
		}
	}
	return template.HTML(b)
}
