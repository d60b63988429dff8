package ingest_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
	"github.com/brief-dev/brief/internal/ingest"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

var update = flag.Bool("update", false, "update golden files")

// goldenInputs lists the inputs that have a golden file
// testdata/golden/<base name without extension>.md.
func goldenInputs(t *testing.T) []string {
	t.Helper()
	var inputs []string
	for _, pat := range []string{"testdata/seeds/*.txt", "testdata/html/*.html"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, m...)
	}
	if len(inputs) == 0 {
		t.Fatal("no inputs in testdata")
	}
	return inputs
}

func goldenPath(input string) string {
	base := filepath.Base(input)
	return filepath.Join("testdata", "golden", strings.TrimSuffix(base, filepath.Ext(base))+".md")
}

// mustConvert reads and converts a testdata file.
func mustConvert(t testing.TB, path string) *ingest.Article {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := ingest.Convert(filepath.Base(path), data, ingest.Options{})
	if err != nil {
		t.Fatalf("Convert(%s): %v", path, err)
	}
	return a
}

func TestGolden(t *testing.T) {
	want := map[string]bool{}
	for _, in := range goldenInputs(t) {
		golden := goldenPath(in)
		want[golden] = true
		t.Run(filepath.Base(in), func(t *testing.T) {
			got := mustConvert(t, in).Markdown()
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			exp, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, exp) {
				t.Errorf("%s differs from %s (run go test -update and read the diff)\ngot:\n%s", in, golden, got)
			}
		})
	}
	// A golden file that no input produces is stale.
	files, _ := filepath.Glob("testdata/golden/*.md")
	for _, f := range files {
		if !want[f] {
			t.Errorf("no test produces golden file %s; delete it", f)
		}
	}
}

// TestReimport checks that importing the written Markdown again gives the
// same bytes: re-importing an article changes nothing.
func TestReimport(t *testing.T) {
	for _, in := range goldenInputs(t) {
		t.Run(filepath.Base(in), func(t *testing.T) {
			first := mustConvert(t, in).Markdown()
			a, err := ingest.Convert("again.md", first, ingest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if second := a.Markdown(); !bytes.Equal(first, second) {
				t.Errorf("re-import changed the file:\nfirst:\n%s\nsecond:\n%s", first, second)
			}
		})
	}
}

var headingRx = regexp.MustCompile(`(?m)^## (.*)$`)

func TestSeedHeadings(t *testing.T) {
	a := mustConvert(t, "testdata/seeds/002_b01608b6cce9594e.txt")
	var got []string
	for _, m := range headingRx.FindAllStringSubmatch(a.Body, -1) {
		got = append(got, m[1])
	}
	want := []string{
		"Trump and Putin: A Potential Conversation?",
		"Who is Leading the Moscow Talks?",
		"Putin’s Visit to Kursk: A Show of Strength?",
		"Ukraine’s Strategic Withdrawal",
		"Trump’s Leverage Over Russia",
		"What’s Next?",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("headings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got, want := listItems(a.Body), 3; got != want {
		t.Errorf("list items = %d, want %d", got, want)
	}
	if !a.Meta.TitleDerived {
		t.Errorf("TitleDerived = false for a seed without a title line")
	}
}

func TestSeedTitleAndGlance(t *testing.T) {
	a := mustConvert(t, "testdata/seeds/004_56dccb54638de046.txt")
	if got, want := a.Meta.Title, "Trump’s Envoy Landed In Russia and Secured Putin Nod Of Approval"; got != want {
		t.Errorf("Title = %q, want %q", got, want)
	}
	if a.Meta.TitleDerived {
		t.Error("TitleDerived = true, want false")
	}
	if strings.Contains(a.Body, "Secured Putin Nod") {
		t.Error("title line left in the body")
	}
	if !strings.Contains(a.Body, "\nAt a glance:\n\n- Trump’s Middle East Envoy") {
		t.Errorf("\"At a glance:\" is not a paragraph before the list:\n%s", a.Body)
	}
	if got, want := listItems(a.Body), 5; got != want {
		t.Errorf("list items = %d, want %d", got, want)
	}
	// One list: the five items are consecutive lines.
	if !regexp.MustCompile(`(?m)(^- .*\n){5}`).MatchString(a.Body) {
		t.Errorf("the items do not form one list:\n%s", a.Body)
	}
}

func listItems(body string) int {
	return len(regexp.MustCompile(`(?m)^- `).FindAllString(body, -1))
}

func TestHTMLBoilerplateGone(t *testing.T) {
	a := mustConvert(t, "testdata/html/article.html")
	want := ingest.Meta{
		Title:    "Envoy lands in Moscow for ceasefire talks",
		Outlet:   "The Daily Ledger",
		URL:      "https://www.dailyledger.example/world/2025/03/13/envoy-moscow-ceasefire-talks",
		Date:     "2025-03-13",
		Author:   "Maria Kowalczyk",
		Language: "en",
		Origin:   "article.html",
	}
	if a.Meta != want {
		t.Errorf("Meta = %+v\nwant %+v", a.Meta, want)
	}
	for _, s := range []string{
		"cookie", "Accept all", "Subscribe", "Advertisement", "Sponsored",
		"Related stories", "Comments", "mark my words", "All rights reserved",
		"Privacy", "Share on", "dataLayer", "<",
	} {
		if strings.Contains(a.Body, s) {
			t.Errorf("body contains boilerplate %q", s)
		}
	}
	for _, s := range []string{
		"## What is on the table",
		"- an exchange of prisoners of war",
		"> “The idea itself is correct",
		"“He is saying the price has gone up.”",
	} {
		if !strings.Contains(a.Body, s) {
			t.Errorf("body lacks %q", s)
		}
	}
}

func TestHTMLAdversarial(t *testing.T) {
	md := string(mustConvert(t, "testdata/html/adversarial.html").Markdown())
	lower := strings.ToLower(md)
	for _, s := range []string{"javascript:", "vbscript:", "data:", "<script", "<iframe", "onerror", "onclick", "onload", "alert(", "<svg", "<form", "<object"} {
		if strings.Contains(lower, s) {
			t.Errorf("output contains %q:\n%s", s, md)
		}
	}
	for _, s := range []string{"released by the ministry", "more details", "the full text", "annex", "summary", "trade, energy"} {
		if !strings.Contains(md, s) {
			t.Errorf("output lacks the link text %q", s)
		}
	}
}

func TestHTMLCharset(t *testing.T) {
	page := []byte("<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9 news</title></head><body><article><p>" +
		strings.Repeat("The caf\xe9 in the square re-opened on Monday after a long winter of repairs. ", 4) +
		"</p></article></body></html>")
	a, err := ingest.Convert("latin1.html", page, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "café") || a.Meta.Title != "Café news" {
		t.Errorf("Latin-1 page not decoded: title %q body %q", a.Meta.Title, a.Body)
	}
	// Valid UTF-8 without a declaration stays UTF-8 (charset detection
	// alone would guess windows-1252).
	page = []byte("<html><head><title>Kraków</title></head><body><article><p>" +
		strings.Repeat("Talks in Kraków went on late into the night, officials said on Monday. ", 4) +
		"</p></article></body></html>")
	if a, err = ingest.Convert("utf8.html", page, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "Kraków") {
		t.Errorf("UTF-8 page decoded wrongly: %q", a.Body)
	}
}

// TestHTMLNormalizesText checks that soft hyphens (as characters and
// as &shy;) are removed and text is put in NFC, in the body and the
// title, as readability's own Parse does: "Ita\u00adli\u00adens" and a
// decomposed "Kraków" matched no other source's words, and 2 pages of
// trafilatura's set scored 0 (tools/extracteval).
func TestHTMLNormalizesText(t *testing.T) {
	page := []byte("<html><head><title>Krako\u0301w talks</title></head><body><article><p>" +
		strings.Repeat("Ita\u00adli\u00adens Wei&shy;ne: talks in Krako\u0301w went on late into the night, officials said. ", 4) +
		"</p></article></body></html>")
	a, err := ingest.Convert("page.html", page, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "Italiens Weine: talks in Krak\u00f3w went") || a.Meta.Title != "Krak\u00f3w talks" {
		t.Errorf("text not normalised: title %q body %q", a.Meta.Title, a.Body)
	}
	if strings.Contains(a.Body, "\u00ad") || strings.Contains(a.Body, "\u0301") {
		t.Errorf("soft hyphen or combining accent left: %q", a.Body)
	}
}

// TestHTMLShortBlocksNamedLikeFurniture checks that an article made of
// many short blocks whose class names furniture (a live report's
// "live-match-comment" entries, each under the boilerplate filter's
// word limit) is imported whole: the filter removed every entry and
// the page imported as its header (sports.fr in trafilatura's set, F1 0
// -> 1 in tools/extracteval).
func TestHTMLShortBlocksNamedLikeFurniture(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><head><title>Lorient - Lyon live</title></head><body><div class="header"><p>Live: Lorient against Lyon, the match minute by minute.</p></div><div class="live">`)
	for i := 90; i > 0; i -= 3 {
		fmt.Fprintf(&b, `<div class="live-match-comment"><p>%d' Lorient keep the ball in midfield while Lyon press high, and the crowd at the Moustoir sings on through minute %d.</p></div>`, i, i)
	}
	b.WriteString(`</div><div class="comment-form"><p>Leave a comment</p></div></body></html>`)
	a, err := ingest.Convert("live.html", []byte(b.String()), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"through minute 90.", "through minute 45.", "through minute 3."} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, a.Body)
		}
	}
}

func TestConvertErrors(t *testing.T) {
	tests := []struct {
		name, file, input, want string
	}{
		{"Empty", "seeds/x.txt", " \n\t\n", "seeds/x.txt:1: empty article"},
		{"InvalidUTF8", "x.txt", "Title\n\nfirst line\nsecond \xff line", "x.txt:4:8: invalid UTF-8"},
		{"Binary", "x.bin", "abc\x00def", "x.bin: binary file, not an article"},
		{"BinaryText", "x.txt", "\x00", "x.txt: binary file, not an article"},
		{"MarkdownEmpty", "x.md", "---\ntitle: x\n---\n\n\n", "x.md:4: empty article"},
		// Package frontmatter tests the front matter errors one by one;
		// these check that Convert reports them positioned in its file.
		{"UnknownKey", "src/a.md", "---\ntitle: x\noutlte: Reuters\n---\nText.\n", `src/a.md:3:1: front matter: unknown key "outlte"`},
		{"CRLFBOMFrontMatter", "a.md", "\ufeff---\r\ntitle: x\r\nfoo: 1\r\n---\r\nText.\r\n", `a.md:3:1: front matter: unknown key "foo"`},
		{"Unclosed", "a.md", "---\ntitle: x\nText.\n", `a.md:1:1: front matter: no closing "---" line`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ingest.Convert(tt.file, []byte(tt.input), ingest.Options{})
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %q, want %q", err, tt.want)
			}
			var e *brief.Error
			var l brief.ErrorList
			if !errors.As(err, &e) && !errors.As(err, &l) {
				t.Errorf("error %T is not positioned", err)
			}
		})
	}
}

func TestConvertReportsAllFrontMatterErrors(t *testing.T) {
	_, err := ingest.Convert("a.md", []byte("---\ntitel: x\nauthor: [x]\nfoo: 1\n---\nText.\n"), ingest.Options{})
	var l brief.ErrorList
	if !errors.As(err, &l) || l.Len() != 3 {
		t.Fatalf("err = %v, want a list of 3 errors", err)
	}
}

func TestOverrides(t *testing.T) {
	data, err := os.ReadFile("testdata/seeds/000_e49bb946d62f7a6a.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := ingest.Convert("000.txt", data, ingest.Options{Overrides: ingest.Meta{
		Title: "US envoy in Moscow", Outlet: "Example News", Date: "2025-03-13", URL: "https://example.com/a", Author: "A. Writer",
	}})
	if err != nil {
		t.Fatal(err)
	}
	want := ingest.Meta{Title: "US envoy in Moscow", Outlet: "Example News", URL: "https://example.com/a", Date: "2025-03-13", Author: "A. Writer", Origin: "000.txt"}
	if a.Meta != want {
		t.Errorf("Meta = %+v, want %+v", a.Meta, want)
	}
}

func TestMarkdownInput(t *testing.T) {
	tests := []struct {
		name, input string
		want        ingest.Meta
		body        string
	}{
		{
			name:  "FrontMatter",
			input: "\ufeff---\r\ntitle: \"A: b\"\r\ndate: 2025-03-13\r\nauthor:\r\n---\r\n\r\n\r\nText one.  \r\n\r\n\r\n\r\nText two.\r\n\r\n",
			want:  ingest.Meta{Title: "A: b", Date: "2025-03-13", Origin: "a.md"},
			body:  "Text one.\n\nText two.\n",
		},
		{
			name:  "H1Title",
			input: "# The *real* title\n\nBody text here.\n",
			want:  ingest.Meta{Title: "The real title", Origin: "a.md"},
			body:  "Body text here.\n",
		},
		{
			name:  "SentenceTitle",
			input: "Officials met on Monday. They talked.\n\n## More\n\nText.\n",
			want:  ingest.Meta{Title: "Officials met on Monday", TitleDerived: true, Origin: "a.md"},
			body:  "Officials met on Monday. They talked.\n\n## More\n\nText.\n",
		},
		{
			name:  "FencedCodeKept",
			input: "---\ntitle: T\n---\nText.\n\n```\ncode  \n\n\n\nmore\n```\n",
			want:  ingest.Meta{Title: "T", Origin: "a.md"},
			body:  "Text.\n\n```\ncode  \n\n\n\nmore\n```\n",
		},
		{
			name:  "OriginKept",
			input: "---\ntitle: T\norigin: first.txt\ntitle_derived: true\n---\nText.\n",
			want:  ingest.Meta{Title: "T", Origin: "first.txt", TitleDerived: true},
			body:  "Text.\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ingest.Convert("a.md", []byte(tt.input), ingest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Meta != tt.want {
				t.Errorf("Meta = %+v, want %+v", a.Meta, tt.want)
			}
			if a.Body != tt.body {
				t.Errorf("Body = %q, want %q", a.Body, tt.body)
			}
		})
	}
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name, data string
		want       ingest.Format
	}{
		{"a.txt", "<html>", ingest.FormatText},
		{"a.TEXT", "", ingest.FormatText},
		{"a.htm", "plain", ingest.FormatHTML},
		{"a.HTML", "", ingest.FormatHTML},
		{"a.markdown", "", ingest.FormatMarkdown},
		{"a.md", "", ingest.FormatMarkdown},
		{"article", "Just text.", ingest.FormatText},
		{"article", "\ufeff  <!DOCTYPE html><html>", ingest.FormatHTML},
		{"article", "---\ntitle: x\n---\n", ingest.FormatMarkdown},
		{"a.dat", "<p>Hello</p>", ingest.FormatHTML},
	}
	for _, tt := range tests {
		if got := ingest.DetectFormat(tt.name, []byte(tt.data)); got != tt.want {
			t.Errorf("DetectFormat(%q, %q) = %v, want %v", tt.name, tt.data, got, tt.want)
		}
	}
}

func TestMarkdownFrontMatterOrder(t *testing.T) {
	a := &ingest.Article{
		Meta: ingest.Meta{Title: "yes", TitleDerived: true, Outlet: "O: x", Author: "Jo \"Q\" Doe", Date: "2025-03-13", URL: "https://e.x/a#b", Origin: "a.txt"},
		Body: "Body.\n",
	}
	want := "---\n" +
		"title: \"yes\"\n" +
		"title_derived: true\n" +
		"outlet: \"O: x\"\n" +
		"author: \"Jo \\\"Q\\\" Doe\"\n" +
		"date: \"2025-03-13\"\n" +
		"url: \"https://e.x/a#b\"\n" +
		"origin: \"a.txt\"\n" +
		"checksum: \"" + ingest.Checksum("Body.\n") + "\"\n" +
		"---\n\nBody.\n"
	if got := string(a.Markdown()); got != want {
		t.Errorf("Markdown() =\n%s\nwant\n%s", got, want)
	}
}

// story returns n paragraphs of distinct news sentences, enough text for
// readability to take the element holding them for the article.
func story(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "<p>Paragraph %d: the delegation met for several hours on Thursday, officials said, and talks on the ceasefire, prisoner exchanges and the energy grid will resume next week in the capital, according to people briefed on round %d.</p>\n", i+1, i+1)
	}
	return b.String()
}

func TestHTMLFurnitureNamedWrappers(t *testing.T) {
	tests := []struct{ name, page string }{
		{"AdInWrapperClass", `<html><head><title>Talks resume</title></head><body>
<div class="Page-ad-margins"><section class="non-ad-column-l"><div id="wrapper" class="ad_body">
<article><h1>Talks resume</h1>` + story(6) + `</article></div></section></div>
<div class="ad-slot">Advertisement</div></body></html>`},
		{"PaywallHoldsArticle", `<html><head><title>Talks resume</title></head><body>
<main><div class="paywall">` + story(6) + `</div></main>
<div class="newsletter">Subscribe to our newsletter</div></body></html>`},
		{"OffCanvasPusher", `<html><head><title>Talks resume</title></head><body>
<div class="m-advertisement-off-canvas--pusher"><div class="story">` + story(6) + `</div></div></body></html>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ingest.Convert("page.html", []byte(tt.page), ingest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for i := 1; i <= 6; i++ {
				if s := fmt.Sprintf("Paragraph %d:", i); !strings.Contains(a.Body, s) {
					t.Errorf("body lacks %q:\n%s", s, a.Body)
				}
			}
			for _, s := range []string{"Advertisement", "Subscribe"} {
				if strings.Contains(a.Body, s) {
					t.Errorf("body keeps furniture %q:\n%s", s, a.Body)
				}
			}
		})
	}
}

// TestHTMLCharsetFromBytes: pages in a legacy encoding that declare no
// charset are decoded from what their bytes look like (issue 12, item
// 14), not as windows-1252.
func TestHTMLCharsetFromBytes(t *testing.T) {
	tests := []struct {
		name string
		enc  encoding.Encoding
		text string
	}{
		{"Windows1251", charmap.Windows1251, "Переговоры в Москве продолжались до поздней ночи, сообщили официальные лица в понедельник."},
		{"ShiftJIS", japanese.ShiftJIS, "モスクワでの協議は月曜日の深夜まで続いたと当局者が明らかにした。"},
		{"Latin1", charmap.ISO8859_1, "Les négociations à Genève ont duré jusqu’à tard dans la nuit, a déclaré le ministère."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "<html><head><title>x</title></head><body><article><p>" + strings.Repeat(tt.text+" ", 5) + "</p></article></body></html>"
			page, err := tt.enc.NewEncoder().String(strings.ReplaceAll(src, "’", "'"))
			if err != nil {
				t.Fatal(err)
			}
			a, err := ingest.Convert("legacy.html", []byte(page), ingest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := strings.ReplaceAll(tt.text, "’", "'")
			if !strings.Contains(a.Body, want[:len(want)/2]) {
				t.Errorf("body = %q, want it to hold %q", a.Body, want)
			}
		})
	}
}

// TestHTMLMostlyUTF8: a UTF-8 page with a stray invalid byte is read as
// UTF-8, the byte replaced, not as the legacy encoding its bytes then
// point to (a Polish page became "siÄ™" for "się"); a page in a
// single-byte encoding is still decoded as such.
func TestHTMLMostlyUTF8(t *testing.T) {
	text := "Kolejne organizacje sprzeciwiają się skandalicznym atakom, podkreśliła prezes w poniedziałek. "
	page := "<html><head><meta charset=\"UTF-8\"><title>x</title></head><body><article><p>" + strings.Repeat(text, 5) + "\xc3</p></article></body></html>"
	a, err := ingest.Convert("mostly.html", []byte(page), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "sprzeciwiają się skandalicznym") {
		t.Errorf("body = %q", a.Body)
	}
	latin1 := "<html><head><title>x</title></head><body><article><p>" + strings.Repeat("Les n\xe9gociations \xe0 Gen\xe8ve ont dur\xe9 jusqu'\xe0 tard. ", 5) + "\xc3\xa9</p></article></body></html>"
	if a, err = ingest.Convert("latin1.html", []byte(latin1), ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "négociations à Genève") {
		t.Errorf("Latin-1 page with one UTF-8-like pair: body = %q", a.Body)
	}
}

func TestHTMLStrayNUL(t *testing.T) {
	page := "<html><head><title>Talks</title></head><body><article>" + story(4) + "\x00</article></body></html>"
	a, err := ingest.Convert("nul.html", []byte(page), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "Paragraph 4:") || strings.Contains(a.Body, "\x00") {
		t.Errorf("body = %q", a.Body)
	}
	if _, err := ingest.Convert("nul.txt", []byte("Text\x00 here"), ingest.Options{}); err == nil || !strings.Contains(err.Error(), "binary") {
		t.Errorf("text with NUL: %v", err)
	}
}
