package build

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"github.com/brief-dev/brief/internal/brief"
)

// noteView is the note of one sentence: the sources that report or
// contradict it. The sentence carries one marker (✓4 ✗1) that opens the
// note; the note is written once per page, in a list at the end that
// the theme shows in the margin, in a popover, or as endnotes in print.
type noteView struct {
	N               int
	ID, RefID       string // the note's and its marker's element IDs
	Agree, Disagree int    // sources of each kind (an Again item is not counted)
	Items           []noteItem
}

// noteItem is one source's entry in a note: a sentence of that source
// that agrees or disagrees with the sentence the note belongs to.
type noteItem struct {
	Kind       string // "agree" or "disagree"
	Label      string // "Agrees", "Disagrees", "Reported by"
	Outlet     string // the source's label (see label)
	HasOutlet  bool   // the front matter names the outlet; else Outlet is cut from Title
	Title      string
	Date       string
	Text       string // the other source's sentence
	Shown      bool   // Text is the sentence the note belongs to (an established fact's wording)
	Same       bool   // Text has the words of the sentence the note belongs to (see sameWords)
	Again      bool   // an earlier item of the same kind is from the same source
	Href       string // to the claim, relative to the page
	Reason     string
	SourceHref string // the source's page, relative to the page
	srcURL     string // the source's url as its front matter gives it (see URL)
}

// URL returns the source's original URL if it is an absolute http(s)
// URL, else "". It is a method, worked out when a theme asks for it:
// the default theme does not show it in notes, and parsing it for each
// of a large project's note items cost 0.8 s of CPU at 10,000 articles.
func (n noteItem) URL() string { return httpURL(n.srcURL) }

// notes numbers notes on one page. Their IDs are the page's own (n-1
// for note 1, r-1 for its marker), unique on the page only: with the
// source's ID in them (n-report-00000-1) the five IDs of each note were
// 1.2 MB of the 1,000-article site's source pages. A sentence is linked
// to from other pages by its claim ID (#c-1a2b3c4d), never by its note.
type notes struct {
	list []noteView
}

// add numbers the note of one sentence, made of items, and returns it.
func (ns *notes) add(items []noteItem) noteView {
	n := noteView{N: len(ns.list) + 1, Items: items}
	n.ID = "n-" + strconv.Itoa(n.N)
	n.RefID = "r-" + strconv.Itoa(n.N)
	seen := map[string]bool{}
	for i, it := range items {
		k := it.Kind + "\x00" + it.SourceHref
		items[i].Again = seen[k]
		seen[k] = true
		// The marker counts sources, as its legend says, not claims:
		// a source with two agreeing sentences is one ✓.
		if items[i].Again {
			continue
		}
		if it.Kind == "disagree" {
			n.Disagree++
		} else {
			n.Agree++
		}
	}
	ns.list = append(ns.list, n)
	return n
}

// newNote describes claim c of source s, linked from a page whose
// path to the sources folder is dir ("../" from a source page,
// root + "sources/" from the briefing).
func newNote(kind string, s *brief.Source, c *brief.Claim, dir, reason string) noteItem {
	n := noteItem{
		Kind:       kind,
		Outlet:     label(s),
		HasOutlet:  s.Outlet != "",
		Title:      s.Title,
		Date:       s.Date,
		Text:       c.Text,
		Href:       dir + s.ID + "/#" + c.ID,
		SourceHref: dir + s.ID + "/",
		srcURL:     s.URL,
		Reason:     reason,
	}
	switch kind {
	case "agree":
		n.Label = "Agrees"
	case "disagree":
		n.Label = "Disagrees"
	case "support":
		n.Kind, n.Label = "agree", "Reported by"
	}
	return n
}

// sameWords reports whether a and b are the same words in the same
// order, whatever their case, punctuation and spacing ("o'clock" and
// "o’clock" are the same words; "3,200" and "3200" are not). A note
// says "same words" for another source's sentence that is word for
// word the one the note is on, rather than quoting it again: on the
// 1,000-article build a tenth of the source pages' excerpts were.
func sameWords(a, b string) bool {
	for {
		var wa, wb string
		wa, a = nextWord(a)
		wb, b = nextWord(b)
		if wa == "" || wb == "" {
			return wa == wb
		}
		if !strings.EqualFold(wa, wb) {
			return false
		}
	}
}

// nextWord returns the first run of letters and digits in s and what
// follows it, or "" if there is none.
func nextWord(s string) (word, rest string) {
	start := -1
	for i, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case w && start < 0:
			start = i
		case !w && start >= 0:
			return s[start:i], s[i:]
		}
	}
	if start < 0 {
		return "", ""
	}
	return s[start:], ""
}

// httpURL returns u if it is an absolute http(s) URL, else "".
func httpURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}

// quoted returns s in curly double quotes for display. Quotation marks
// inside s become single ones, so that a sentence that opens with a
// quotation reads “‘We urge…,’ he said.” and not ““We urge…,” he said.”.
func quoted(s string) string {
	s = strings.TrimSpace(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString("“")
	prev := ' '
	for _, r := range s {
		switch r {
		case '“':
			r = '‘'
		case '”':
			r = '’'
		case '"':
			// A straight quote opens at the start or after a space or an
			// opening bracket, and closes elsewhere.
			if prev == ' ' || prev == '(' || prev == '[' || prev == '\n' || prev == '\t' || prev == '‘' {
				r = '‘'
			} else {
				r = '’'
			}
		}
		b.WriteRune(r)
		prev = r
	}
	b.WriteString("”")
	return b.String()
}
