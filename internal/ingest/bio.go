package ingest

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// Many publishing systems (WordPress with Yoast, for one) describe the
// article's author in the page's JSON-LD, a Person with a description,
// and show the same text in an author box below the story: "Senior
// Editor with a focus on all things tech and gaming. You can keep up
// with me on Twitter". The box is about the writer, not the story, and
// readability keeps it; removeBios takes it out.

// Limits for removeBios.
const (
	minBioChars = 40  // shorter descriptions are a job title, which bylines show
	bioKeyChars = 60  // characters of a description looked for in the article
	maxBioExtra = 30  // words an author box may hold beside the description
	maxBioWords = 200 // the most words of an element looked at
)

// ldBios returns the descriptions of the JSON-LD Person objects anywhere
// in v, as plain text with single spaces.
func ldBios(v any) []string {
	var bios []string
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			if d, ok := v["description"].(string); ok && isPersonType(v["@type"]) {
				if t := plainText(d); len(t) >= minBioChars {
					bios = append(bios, t)
				}
			}
			for _, k := range slices.Sorted(mapKeys(v)) {
				walk(v[k])
			}
		}
	}
	walk(v)
	return bios
}

func isPersonType(t any) bool {
	switch t := t.(type) {
	case string:
		return t == "Person"
	case []any:
		for _, e := range t {
			if isPersonType(e) {
				return true
			}
		}
	}
	return false
}

// plainText returns the text of s, which may hold HTML ("… on Twitter:
// <a href=…>@name</a>"), with single spaces.
func plainText(s string) string {
	if !strings.Contains(s, "<") {
		return strings.Join(strings.Fields(html.UnescapeString(s)), " ")
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), nil)
	if err != nil {
		return ""
	}
	var b strings.Builder
	for _, n := range nodes {
		b.WriteString(textOf(n))
		b.WriteByte(' ')
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// removeBios removes from the article under root the outermost element
// that shows one of bios (its first bioKeyChars characters) and holds
// at most maxBioExtra words more: the author box with its heading.
func removeBios(root *html.Node, bios []string) {
	type bio struct {
		key   string
		words int
	}
	var keys []bio
	for _, b := range bios {
		keys = append(keys, bio{strings.ToLower(prefixRunes(b, bioKeyChars)), len(strings.Fields(b))})
	}
	if len(keys) == 0 {
		return
	}
	words := map[*html.Node]int{}
	countWords(root, words)
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				removed := false
				if w := words[c]; w <= maxBioWords {
					text := strings.ToLower(textOf(c))
					for _, k := range keys {
						if w <= k.words+maxBioExtra && strings.Contains(text, k.key) {
							n.RemoveChild(c)
							removed = true
							break
						}
					}
				}
				if !removed {
					walk(c)
				}
			}
			c = next
		}
	}
	walk(root)
}
