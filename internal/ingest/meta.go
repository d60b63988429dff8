package ingest

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// pageInfo is what the page itself says about the article, read from the
// whole document (head and body) before readability changes it.
type pageInfo struct {
	canonical, ogURL, base string
	title, ogTitle         string
	siteName, publisher    string
	authors                []string // JSON-LD author names, in order
	metaAuthor             string
	dates                  []string // candidates, best first
	timeDates              []string // <time datetime> values
	language               string
	// descriptions are the page's summaries of itself (og:description,
	// description, twitter:description), which often repeat its lead.
	descriptions []string
	// bios are the JSON-LD descriptions of people (the author's), which
	// author boxes below the story repeat.
	bios []string
}

// metaDateNames are meta names and properties that hold the publication
// date, best first.
var metaDateNames = []string{
	"article:published_time", "og:published_time", "og:pubdate", "pubdate",
	"publishdate", "publish-date", "publish_date", "datepublished",
	"date", "dc.date.issued", "dc.date", "dcterms.created", "dcterms.date",
	"sailthru.date", "parsely-pub-date", "citation_publication_date", "citation_date",
}

// readPage collects pageInfo in one walk of the document.
func readPage(doc *html.Node) pageInfo {
	var pi pageInfo
	metaDates := map[string]string{}
	var itemDates []string
	var ldTexts []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html":
				pi.language = strings.TrimSpace(attr(n, "lang"))
			case "base":
				if pi.base == "" {
					pi.base = strings.TrimSpace(attr(n, "href"))
				}
			case "link":
				if pi.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
					pi.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case "title":
				if pi.title == "" && n.FirstChild != nil {
					pi.title = textOf(n)
				}
			case "meta":
				key := strings.ToLower(strings.TrimSpace(attr(n, "property")))
				if key == "" {
					key = strings.ToLower(strings.TrimSpace(attr(n, "name")))
				}
				if key == "" {
					key = strings.ToLower(strings.TrimSpace(attr(n, "itemprop")))
				}
				val := strings.TrimSpace(attr(n, "content"))
				switch {
				case val == "":
				case key == "og:url" && pi.ogURL == "":
					pi.ogURL = val
				case key == "og:title" && pi.ogTitle == "":
					pi.ogTitle = val
				case key == "og:site_name" && pi.siteName == "":
					pi.siteName = val
				case (key == "author" || key == "article:author" || key == "dc.creator") && pi.metaAuthor == "" && !isURL(val):
					pi.metaAuthor = val
				case key == "og:description" || key == "description" || key == "twitter:description":
					if !slices.Contains(pi.descriptions, val) {
						pi.descriptions = append(pi.descriptions, val)
					}
				case key == "og:locale" && pi.language == "":
					pi.language = val
				case strings.EqualFold(attr(n, "http-equiv"), "content-language") && pi.language == "":
					pi.language = val
				}
				if slices.Contains(metaDateNames, key) {
					if _, ok := metaDates[key]; !ok {
						metaDates[key] = val
					}
				}
			case "script":
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
					ldTexts = append(ldTexts, textOf(n))
				}
				return
			case "time":
				if v := strings.TrimSpace(attr(n, "datetime")); v != "" {
					if strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate") {
						itemDates = append(itemDates, v)
					} else {
						pi.timeDates = append(pi.timeDates, v)
					}
				}
			}
			if strings.EqualFold(attr(n, "itemprop"), "datePublished") && n.Data != "meta" && n.Data != "time" {
				v := strings.TrimSpace(attr(n, "content"))
				if v == "" {
					v = strings.TrimSpace(attr(n, "datetime"))
				}
				if v == "" {
					v = textOf(n)
				}
				itemDates = append(itemDates, v)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)

	// JSON-LD: every object anywhere in every block; the first that is
	// an article wins, else the first that has the field at all.
	var ld ldInfo
	for _, t := range ldTexts {
		var v any
		if json.Unmarshal([]byte(t), &v) == nil {
			ld.collect(v)
			pi.bios = append(pi.bios, ldBios(v)...)
		}
	}
	pi.authors = ld.authors()
	pi.publisher = ld.pick(func(o ldObject) string { return ldName(o["publisher"]) })
	if pi.language == "" {
		pi.language = ld.pick(func(o ldObject) string { s, _ := o["inLanguage"].(string); return s })
	}
	if d := ld.pick(func(o ldObject) string { s, _ := o["datePublished"].(string); return s }); d != "" {
		pi.dates = append(pi.dates, d)
	}
	for _, k := range metaDateNames {
		if v, ok := metaDates[k]; ok {
			pi.dates = append(pi.dates, v)
		}
	}
	pi.dates = append(pi.dates, itemDates...)
	if d := ld.pick(func(o ldObject) string { s, _ := o["dateCreated"].(string); return s }); d != "" {
		pi.dates = append(pi.dates, d)
	}
	return pi
}

type ldObject = map[string]any

// ldInfo holds the JSON-LD objects of a page, articles first.
type ldInfo struct{ articles, others []ldObject }

// collect adds every object in v, however deeply nested (@graph, arrays,
// mainEntity).
func (l *ldInfo) collect(v any) {
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			l.collect(e)
		}
	case map[string]any:
		if isArticleType(v["@type"]) {
			l.articles = append(l.articles, v)
		} else {
			l.others = append(l.others, v)
		}
		for _, k := range slices.Sorted(mapKeys(v)) {
			switch k {
			case "@graph", "mainEntity", "mainEntityOfPage", "hasPart", "itemListElement", "item":
				l.collect(v[k])
			}
		}
	}
}

func mapKeys(m map[string]any) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// pick returns the first non-empty value of f over the articles, then
// over the other objects.
func (l *ldInfo) pick(f func(ldObject) string) string {
	for _, list := range [][]ldObject{l.articles, l.others} {
		for _, o := range list {
			if s := strings.TrimSpace(f(o)); s != "" {
				return s
			}
		}
	}
	return ""
}

// authors returns the author names of the first article that has any.
func (l *ldInfo) authors() []string {
	for _, list := range [][]ldObject{l.articles, l.others} {
		for _, o := range list {
			var names []string
			switch a := o["author"].(type) {
			case []any:
				for _, e := range a {
					if n := ldName(e); n != "" {
						names = append(names, n)
					}
				}
			default:
				if n := ldName(a); n != "" {
					names = append(names, n)
				}
			}
			if len(names) > 0 {
				return names
			}
		}
	}
	return nil
}

// ldName is the name of a JSON-LD person or organisation (or the string
// itself).
func ldName(v any) string {
	switch v := v.(type) {
	case string:
		if isURL(v) {
			return ""
		}
		return strings.TrimSpace(v)
	case map[string]any:
		s, _ := v["name"].(string)
		return strings.TrimSpace(s)
	case []any:
		if len(v) > 0 {
			return ldName(v[0])
		}
	}
	return ""
}

func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		return strings.HasSuffix(t, "Article") || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting"
	case []any:
		for _, e := range t {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

// textOf returns the text under n, white space collapsed.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// pageURL returns the page's own address: its canonical link (in the head
// or, on some sites, the body), else og:url, resolved against base (the
// address it was fetched from, if any) and the page's <base>. Only http
// and https addresses count.
func (pi pageInfo) pageURL(base *url.URL) *url.URL {
	if pi.base != "" {
		if b, err := url.Parse(pi.base); err == nil {
			if base != nil {
				b = base.ResolveReference(b)
			}
			if b.IsAbs() {
				base = b
			}
		}
	}
	for _, raw := range []string{pi.canonical, pi.ogURL} {
		u, err := url.Parse(raw)
		if raw == "" || err != nil {
			continue
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		if (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			u.Fragment = ""
			return u
		}
	}
	if base != nil && (base.Scheme == "http" || base.Scheme == "https") && base.Host != "" {
		return base
	}
	return nil
}

// dateInURL matches a date in an article's address: /2018/09/16/,
// /2018-09-16/ or 20180916 between separators.
var dateInURL = lazyRegexp(`(?:^|[/_-])((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)`)

// urlDate returns the YYYY-MM-DD date in an article's path, if any.
func urlDate(u *url.URL) string {
	if u == nil {
		return ""
	}
	m := dateInURL().FindStringSubmatch(u.Path)
	if m == nil {
		return ""
	}
	d := m[1] + "-" + m[2] + "-" + m[3]
	if _, err := time.Parse(time.DateOnly, d); err != nil {
		return ""
	}
	return d
}

// dateLayouts are the forms parseDate reads beyond ISO 8601.
var dateLayouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC850, time.RFC822Z, time.RFC822,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"January 2, 2006", "January 2 2006", "Jan 2, 2006", "Jan. 2, 2006",
	"2 January 2006", "2 Jan 2006", "02.01.2006", "2006/01/02", "2006.01.02",
	"January 2, 2006 15:04", "January 2, 2006 3:04 PM", "Jan 2, 2006 3:04 PM",
	"Monday, January 2, 2006", "Mon Jan 2 15:04:05 MST 2006",
}

// isoDate matches the date at the start of an ISO 8601 date or date and
// time ("2018-09-16", "2018-09-16T10:00:00Z", "20180916T100000").
var isoDate = lazyRegexp(`^((?:1[6-9]|2\d)\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?:$|[T ])`)

// parseDate turns a date as pages write it into YYYY-MM-DD: the calendar
// date as written, not converted to another time zone. It returns "" for
// anything it cannot read as a real date.
func parseDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return ""
	}
	if m := isoDate().FindStringSubmatch(s); m != nil {
		d := m[1] + "-" + m[2] + "-" + m[3]
		if _, err := time.Parse(time.DateOnly, d); err == nil {
			return d
		}
		return ""
	}
	// Drop "Published", "Updated:" and the like before the date.
	for _, p := range []string{"published on", "published:", "published", "posted on", "posted", "on"} {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			s = strings.TrimSpace(s[len(p):])
			break
		}
	}
	s = strings.Join(strings.Fields(s), " ")
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return ""
}

// ValidDate reports whether s is a date brief accepts in front matter and
// flags: YYYY-MM-DD or an RFC 3339 date and time, each a real calendar
// date.
func ValidDate(s string) bool {
	if _, err := time.Parse(time.DateOnly, s); err == nil {
		return true
	}
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}

// NormalizeDate returns a valid date (see ValidDate) as YYYY-MM-DD, the
// calendar date as written.
func NormalizeDate(s string) string {
	if len(s) >= 10 && ValidDate(s) {
		return s[:10]
	}
	return s
}

// bylinePrefix matches the words that introduce a byline.
var bylinePrefix = lazyRegexp(`(?i)^(?:written\s+by|posted\s+by|reported\s+by|by|von|par|por|di|door|av|af)(?:\s+|:\s*|$)`)

// bylineDate matches a date or time at the end of a byline, with what
// separates it: "admin - 2018-09-16", "Jane Doe | March 3, 2025".
var bylineDate = lazyRegexp(`(?i)\s*(?:[-–—|,•·]|\bon\b|\bupdated\b|\bpublished\b)\s*(?:(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d|\d{1,2}:\d\d).*$`)

// notAuthors are bylines that name no one.
var notAuthors = map[string]bool{
	"admin": true, "administrator": true, "staff": true, "editor": true,
	"unknown": true, "anonymous": true, "guest": true, "user": true,
}

// cleanAuthor turns a byline into author names: "By Jane Doe" is "Jane
// Doe", "admin - 2018-09-16" and "By" alone are "", "Reuters," is
// "Reuters"; names joined by "and", "&" or commas are kept, joined by
// ", ".
func cleanAuthor(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for range 3 {
		t := bylinePrefix().ReplaceAllString(s, "")
		t = bylineDate().ReplaceAllString(t, "")
		t = strings.TrimSpace(t)
		if t == s {
			break
		}
		s = t
	}
	if strings.Contains(s, "@") && !strings.Contains(s, " ") {
		return "" // an e-mail address or a handle
	}
	var names []string
	for _, part := range splitNames(s) {
		part = strings.TrimFunc(part, func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '.' && r != ')' && r != '’' && r != '\''
		})
		part = strings.TrimRight(part, " ,;:")
		if part == "" || notAuthors[strings.ToLower(part)] || !hasLetter(part) || utf8.RuneCountInString(part) > 80 {
			continue
		}
		if !slices.Contains(names, part) {
			names = append(names, part)
		}
	}
	return strings.Join(names, ", ")
}

// nameSeparator splits a list of names.
var nameSeparator = lazyRegexp(`\s*(?:,|;|\s&\s|\sand\s|\sund\s|\set\s|\sy\s)\s*`)

func splitNames(s string) []string {
	return nameSeparator().Split(s, -1)
}

// titleSeparators part a page title from the site name around it.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " / "}

// cleanTitle removes the site's name from the start or end of a title
// ("Talks resume | The Daily Ledger" -> "Talks resume") when that part
// names the outlet or the host.
func cleanTitle(title, outlet string, u *url.URL) string {
	title = strings.Join(strings.Fields(title), " ")
	names := []string{simplify(outlet)}
	if u != nil {
		host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		names = append(names, simplify(host))
		if i := strings.IndexByte(host, '.'); i > 0 {
			names = append(names, simplify(host[:i]))
		}
	}
	isSite := func(part string) bool {
		p := simplify(part)
		if p == "" {
			return false
		}
		for _, n := range names {
			if n != "" && (p == n || strings.HasPrefix(p, n) && len(n) >= 4 || strings.HasPrefix(n, p) && len(p) >= 4) {
				return true
			}
		}
		return false
	}
	for range 2 {
		changed := false
		for _, sep := range titleSeparators {
			if i := strings.LastIndex(title, sep); i > 0 && isSite(title[i+len(sep):]) {
				title, changed = strings.TrimSpace(title[:i]), true
				break
			}
			if i := strings.Index(title, sep); i > 0 && isSite(title[:i]) {
				title, changed = strings.TrimSpace(title[i+len(sep):]), true
				break
			}
		}
		if !changed {
			break
		}
	}
	return title
}

// simplify lower-cases s and keeps only its letters and digits, so that
// "The Daily-Ledger" and "thedailyledger.example" compare.
func simplify(s string) string {
	s = strings.TrimPrefix(strings.ToLower(s), "the ")
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cleanLanguage turns "en_US" or "EN-us" into "en-US"; anything that is
// not a language tag gives "".
func cleanLanguage(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "_", "-"))
	if i := strings.IndexAny(s, ",; "); i >= 0 {
		s = s[:i]
	}
	parts := strings.Split(s, "-")
	if len(parts[0]) < 2 || len(parts[0]) > 3 {
		return ""
	}
	for i, p := range parts {
		for _, r := range p {
			if r > unicode.MaxASCII || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return ""
			}
		}
		switch {
		case i == 0:
			parts[i] = strings.ToLower(p)
		case len(p) == 2:
			parts[i] = strings.ToUpper(p)
		}
	}
	return strings.Join(parts, "-")
}
