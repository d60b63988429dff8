package ingest_test

import (
	"os"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/ingest"
)

// TestHTMLMarkedArticleFallback imports two real pages of trafilatura's
// test set on which readability finds no article (rnz.de) or only a
// sign-up form that sanitizing removes (france.attac.org), while the page
// marks its article (itemprop="articleBody", <article>): the marked
// article is imported instead of failing with "empty article". The
// snippets are those trafilatura's evaldata.json says the text must and
// must not hold.
func TestHTMLMarkedArticleFallback(t *testing.T) {
	tests := []struct {
		file          string
		with, without []string
	}{
		{"testdata/html/trafilatura-rnz.de.witzel.html",
			[]string{"Für einen Roman", "Auszeichnung der Branche."}, []string{"Ihre RNZ.", "WHATSAPP"}},
		{"testdata/html/trafilatura-france.attc.org-privatisations.html",
			[]string{"Aurélie Trouvé, porte-parole", "partagé pour empêcher", " pour parler du"}, []string{"Dans la même rubrique", "Je fais un don à Attac", "Abandon du projet"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) { checkSnippets(t, tt.file, tt.with, tt.without) })
	}
}

// TestHTMLWrongBlock imports a real page of trafilatura's test set on
// which readability takes the blog's footer (a licence note and a
// source link) for the article, while the page's entry-content holds
// the post, a list of linked headlines: the page's container is taken.
func TestHTMLWrongBlock(t *testing.T) {
	checkSnippets(t, "testdata/html/trafilatura-nurmeinstandpunkt.wordpress.com.blogposting.html",
		[]string{"Presseförderung: Studie zweifelt an Stütze vom Staat", "via netzpolitik.org", "via t3n News"},
		[]string{"Hier könnte Ihre Meinung stehen", "Ein Fehler ist aufgetaucht", "Es heißt SOCIAL Media"})
}

// checkSnippets imports the page file and checks that the body holds
// each of with and none of without.
func checkSnippets(t *testing.T, file string, with, without []string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	a, err := ingest.Convert("page.html", data, ingest.Options{})
	if err != nil {
		t.Fatalf("Convert: %v", err)
	}
	for _, s := range with {
		if !strings.Contains(a.Body, s) {
			t.Errorf("body lacks %q:\n%s", s, a.Body)
		}
	}
	for _, s := range without {
		if strings.Contains(a.Body, s) {
			t.Errorf("body holds %q:\n%s", s, a.Body)
		}
	}
}

// TestHTMLNoPageFails imports pages on which readability gives no
// article: one of more elements than it reads (inline SVG icons, or a
// huge list beside the story) and one where all it finds is a form,
// which sanitizing removes, and that marks no container.
// Each imports the story, or else the page's text, instead of failing.
func TestHTMLNoPageFails(t *testing.T) {
	story := "<p>The council voted on Tuesday to close the old bridge for repairs, which will take most of next year.</p>" +
		"<p>Traffic will go by the ferry, the mayor said, and the ferry will run every ten minutes, day and night.</p>"
	many := func(n int, open, close string) string { return open + strings.Repeat("<path d='M0 0'/>", n) + close }
	items := strings.Repeat("<li><span>item</span></li>", 30000)
	tests := []struct {
		name, page    string
		with, without []string
	}{
		{"SVG", "<html><body><header>" + many(60000, "<svg>", "</svg>") + "</header><div>" + story + "</div></body></html>",
			[]string{"close the old bridge", "every ten minutes"}, nil},
		{"ManyElementsMarked", "<html><body><ul>" + items + "</ul><article>" + story + "</article></body></html>",
			[]string{"close the old bridge", "every ten minutes"}, []string{"item"}},
		{"ManyElements", "<html><body><nav><ul>" + items + "</ul></nav><div>" + story + "</div></body></html>",
			[]string{"close the old bridge", "every ten minutes"}, []string{"item"}},
		{"OnlyAForm", "<html><body><div><form><p>Enter your name, your address, your phone, and your email to receive our letters, offers, news and more, every week, for free, forever.</p>" +
			"<p>We keep your data safe, never share it, and you can leave at any time, with one click, from any letter.</p></form></div>" +
			"<header><h2>The Shop</h2></header><section><h3>Opening hours</h3><ul><li>Monday: nine to five</li></ul></section></body></html>",
			[]string{"Opening hours", "Monday: nine to five"}, []string{"Enter your name", "The Shop"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ingest.Convert("page.html", []byte(tt.page), ingest.Options{})
			if err != nil {
				t.Fatalf("Convert: %v", err)
			}
			for _, s := range tt.with {
				if !strings.Contains(a.Body, s) {
					t.Errorf("body lacks %q:\n%.2000s", s, a.Body)
				}
			}
			for _, s := range tt.without {
				if strings.Contains(a.Body, s) {
					t.Errorf("body holds %q:\n%.2000s", s, a.Body)
				}
			}
		})
	}
}

// TestHTMLAuthorBox imports a page whose JSON-LD describes its author
// and whose author box below the story shows that description: the box
// is removed, the story kept.
func TestHTMLAuthorBox(t *testing.T) {
	page := `<html><head><script type="application/ld+json">{"@graph":[{"@type":"BlogPosting","headline":"Pool opens","author":{"@id":"#jule"}},` +
		`{"@type":"Person","@id":"#jule","name":"Jule Radeck","description":"Jule Radeck studierte Sportwissenschaften, bevor sie als Volont\u00e4rin nach Hamburg zog."}]}</script></head>` +
		`<body><article><h1>Pool opens</h1><p>The pool opens again on Monday after three months of repairs to its roof, its heating and its changing rooms.</p>` +
		`<p>Swimmers can book lanes online from Friday, the city said, and the first week is free for everyone who lives in the district.</p>` +
		`<div class="author-box"><h4>Über Jule Radeck</h4><p>Jule Radeck studierte Sportwissenschaften, bevor sie als Volontärin nach Hamburg zog.</p></div></article></body></html>`
	a, err := ingest.Convert("page.html", []byte(page), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"three months of repairs", "the first week is free"} {
		if !strings.Contains(a.Body, s) {
			t.Errorf("body lacks %q:\n%s", s, a.Body)
		}
	}
	for _, s := range []string{"Sportwissenschaften", "Über Jule"} {
		if strings.Contains(a.Body, s) {
			t.Errorf("body holds %q:\n%s", s, a.Body)
		}
	}
}
