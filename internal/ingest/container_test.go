package ingest

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestNamesContent(t *testing.T) {
	tests := []struct {
		class, id string
		want      bool
	}{
		{"entry-content", "", true},
		{"td-post-content clearfix", "", true},
		{"c-article-body__text", "", true},
		{"", "story_body", true},
		{"Article-Body", "", true},                     // case
		{"crayon article-texte-6869 texte", "", false}, // a longer word
		{"content", "main-content", false},             // whole pages or columns
		{"sidebar", "comments", false},
		{"", "", false},
	}
	for _, tt := range tests {
		n := &html.Node{Type: html.ElementNode, Data: "div", Attr: []html.Attribute{{Key: "class", Val: tt.class}, {Key: "id", Val: tt.id}}}
		if got := namesContent(n); got != tt.want {
			t.Errorf("namesContent(class=%q id=%q) = %v, want %v", tt.class, tt.id, got, tt.want)
		}
	}
}

func TestContentContainer(t *testing.T) {
	tests := []struct {
		name, page, want string // want: the id of the container, "" for none
	}{
		{"ArticleBody", `<article id="a"><div id="b" itemprop="articleBody"><p>one two</p></div><p>three</p></article>`, "b"},
		{"ClassOverArticle", `<article id="a"><div id="b" class="entry-content"><p>one two</p></div><p>three</p></article>`, "b"},
		{"LargestArticle", `<article id="a"><p>one</p></article><article id="b"><p>one two</p></article>`, "b"},
		{"Main", `<main id="m"><p>one</p></main>`, "m"},
		{"EmptyMarked", `<div class="entry-content"></div><p>text</p>`, ""},
		{"None", `<div><p>text</p></div>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if n, _ := contentContainer(doc); n != nil {
				got = attr(n, "id")
			}
			if got != tt.want {
				t.Errorf("contentContainer = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWrongBlock(t *testing.T) {
	story := "<p>The council voted on Tuesday to close the old bridge for repairs that will take most of next year.</p>"
	other := "<p>Jane writes about fashion, travel and food, and lives in Berlin with her family and two cats.</p>"
	tests := []struct {
		name, art, container string
		kind                 containerKind
		want                 bool
	}{
		{"Same", story, story + "<p>More of it.</p>", namedBody, false},
		{"Inside", story, "<p>A lead of the story, told in a few words.</p>" + story, namedBody, false},
		{"Disjoint", other, story + story + "<p>The mayor said the work could not wait any longer, whatever it costs.</p>", namedBody, true},
		{"DisjointShorter", other + "<p>Her first book, on the markets of Naples and Palermo, came out in spring and sold well in Italy.</p>", "<p>The council voted on Tuesday.</p>", namedBody, false},
		{"DisjointHalf", other, "<p>The council voted on Tuesday to close the old bridge.</p>", namedBody, true},
		// An <article> or <main> must be longer: they also mark teasers.
		{"DisjointHalfArticle", other, "<p>The council voted on Tuesday to close the old bridge.</p>", articleElement, false},
		{"DisjointLongerMain", other, story + "<p>The mayor said the work could not wait.</p>", mainElement, true},
		{"EmptyContainer", story, "", markedBody, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parse := func(s string) *html.Node {
				nodes, err := html.ParseFragment(strings.NewReader("<div>"+s+"</div>"), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
				if err != nil {
					t.Fatal(err)
				}
				return nodes[0]
			}
			if got := wrongBlock(parse(tt.art), parse(tt.container), tt.kind); got != tt.want {
				t.Errorf("wrongBlock = %v, want %v", got, tt.want)
			}
		})
	}
}
