package build

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/brief-dev/brief/internal/brief"
)

// noteView is one numbered note: a reference from a sentence on the
// page to a claim in a source, shown as an endnote, a sidenote and a
// hover preview.
type noteView struct {
	N            int
	ID, RefID    string // the note's and its marker's element IDs
	Kind         string // "agree" or "disagree"
	Label        string // "Agrees", "Disagrees", "Reported by"
	Outlet       string // the source's label (see label)
	HasOutlet    bool   // the front matter names the outlet; else Outlet is cut from Title
	Title        string
	Date         string
	Text         string // the other source's sentence
	Href         string // to the claim, relative to the page
	URL          string // the source's original URL, http(s) only
	Reason       string
	SourceHref   string // the source's page, relative to the page
	SourceSymbol string
}

// notes numbers notes on one page; prefix keeps IDs unique when pages
// are combined.
type notes struct {
	prefix string
	list   []noteView
}

// add numbers n and returns it.
func (ns *notes) add(n noteView) noteView {
	n.N = len(ns.list) + 1
	n.ID = fmt.Sprintf("n-%s%d", ns.prefix, n.N)
	n.RefID = fmt.Sprintf("r-%s%d", ns.prefix, n.N)
	ns.list = append(ns.list, n)
	return n
}

// newNote describes claim c of source s, linked from a page whose
// path to the site root is root.
func newNote(kind string, s *brief.Source, c *brief.Claim, root, reason string) noteView {
	n := noteView{
		Kind:       kind,
		Outlet:     label(s),
		HasOutlet:  s.Outlet != "",
		Title:      s.Title,
		Date:       s.Date,
		Text:       c.Text,
		Href:       root + "sources/" + s.ID + "/#" + c.ID,
		SourceHref: root + "sources/" + s.ID + "/",
		URL:        httpURL(s.URL),
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

// httpURL returns u if it is an absolute http(s) URL, else "".
func httpURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}
