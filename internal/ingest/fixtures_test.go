package ingest_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/ingest"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// page wraps head and body markup around a story long enough for
// readability to find.
func page(head, before, after string) string {
	return "<!doctype html><html><head>" + head + "</head><body>" + before +
		"<article>" + story(6) + after + "</article></body></html>"
}

// leadPage is a page whose story sits deep in its own column, as on
// news sites, with markup before (a lead, say) and after it; in blocks
// named "…-header" and "…-footer", readability drops that markup.
func leadPage(head, before, after string) string {
	return "<!doctype html><html><head><title>T</title>" + head + `</head><body><div class="page">` + before +
		`<div class="main"><div class="content"><div class="article-body">` + story(6) + `</div><div class="tools"><a href="/print">Print this page</a></div></div></div>` + after + "</div></body></html>"
}

// TestHTMLFixtures imports pages that show the failures issue 13 lists.
// Each case names the Meta fields it checks (others are not compared)
// and text the body must and must not hold.
func TestHTMLFixtures(t *testing.T) {
	tests := []struct {
		name        string
		html        string
		base        string // address the page was fetched from
		meta        map[string]string
		has, hasNot []string
	}{
		{name: "CanonicalInBody", html: page(`<title>Federer wins</title>`,
			`<link rel="canonical" href="https://www.tennis.example/atp/federer-wins">`,
			`<p>See the <a href="/tennis/ATP/draw">full draw</a>.</p>`),
			meta: map[string]string{"url": "https://www.tennis.example/atp/federer-wins"},
			has:  []string{"(https://www.tennis.example/tennis/ATP/draw)"}},
		{name: "RelativeCanonicalResolvedAgainstFetchedURL", html: page(`<link rel="canonical" href="/story/1"><title>A</title>`, "", ""),
			base: "https://news.example/x?utm=1",
			meta: map[string]string{"url": "https://news.example/story/1"}},
		{name: "DateItemprop", html: page(`<title>T</title>`, `<span itemprop="datePublished" content="2024-05-06T08:00:00+02:00"></span>`, ""),
			meta: map[string]string{"date": "2024-05-06"}},
		{name: "DateMetaName", html: page(`<meta name="date" content="2023-11-02"><title>T</title>`, "", ""),
			meta: map[string]string{"date": "2023-11-02"}},
		{name: "DateOgPubdate", html: page(`<meta property="og:pubdate" content="2022-01-31T23:30:00-05:00"><title>T</title>`, "", ""),
			meta: map[string]string{"date": "2022-01-31"}},
		{name: "DateJSONLDLaterObject", html: page(`<title>T</title>
<script type="application/ld+json">{"@type":"WebSite","name":"Ledger"}</script>
<script type="application/ld+json">{"@graph":[{"@type":"BreadcrumbList"},{"@type":"NewsArticle","datePublished":"2021-07-08T10:00:00Z","author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Tom Lee"}],"publisher":{"@type":"Organization","name":"The Ledger"}}]}</script>`, "", ""),
			meta: map[string]string{"date": "2021-07-08", "author": "Ana Ruiz, Tom Lee", "outlet": "The Ledger"}},
		{name: "DateTimeElement", html: page(`<title>T</title>`, `<p class="meta"><time datetime="2020-02-29">Feb 29</time></p>`, ""),
			meta: map[string]string{"date": "2020-02-29"}},
		{name: "DateFromURL", html: page(`<link rel="canonical" href="https://news.example/2019/10/04/talks-resume/"><title>T</title>`, "", ""),
			meta: map[string]string{"date": "2019-10-04"}},
		{name: "DateInvalidIgnored", html: page(`<meta name="date" content="2025-13-45"><title>T</title>`, "", ""),
			meta: map[string]string{"date": ""}},
		{name: "AuthorByAlone", html: page(`<meta name="author" content="By"><title>T</title>`, "", ""),
			meta: map[string]string{"author": ""}},
		{name: "AuthorWithDate", html: page(`<meta name="author" content="admin - 2018-09-16"><title>T</title>`, "", ""),
			meta: map[string]string{"author": ""}},
		{name: "AuthorAgencyComma", html: page(`<meta name="author" content="Reuters,"><title>T</title>`, "", ""),
			meta: map[string]string{"author": "Reuters"}},
		{name: "AuthorPTI", html: page(`<meta name="author" content="PTI,"><title>T</title>`, "", ""),
			meta: map[string]string{"author": "PTI"}},
		{name: "AuthorByAndDate", html: page(`<meta name="author" content="By Jane Doe | March 3, 2025"><title>T</title>`, "", ""),
			meta: map[string]string{"author": "Jane Doe"}},
		{name: "TitleSiteSuffix", html: page(`<title>Talks resume in Geneva | The Daily Ledger</title><meta property="og:site_name" content="The Daily Ledger">`, "", ""),
			meta: map[string]string{"title": "Talks resume in Geneva", "outlet": "The Daily Ledger"}},
		{name: "TitleHostSuffix", html: page(`<title>Talks resume in Geneva - Ledger.example</title><link rel="canonical" href="https://www.ledger.example/a">`, "", ""),
			meta: map[string]string{"title": "Talks resume in Geneva", "outlet": "ledger.example"}},
		{name: "Language", html: strings.Replace(page(`<title>T</title>`, "", ""), "<html>", `<html lang="pt_br">`, 1),
			meta: map[string]string{"language": "pt-BR"}},
		{name: "BrList", html: page(`<title>Tour dates</title>`, "", `<p>Tour dates:<br>May 3 Berlin<br>May 5 Paris<br>May 9 Rome</p>`),
			has: []string{"Tour dates:\\\nMay 3 Berlin\\\nMay 5 Paris\\\nMay 9 Rome\n"}},
		{name: "Table", html: page(`<title>T</title>`, "", `<table><thead><tr><th>Party</th><th>Seats</th></tr></thead><tbody><tr><td>Left</td><td>120</td></tr><tr><td>Right</td><td>98</td></tr></tbody></table>`),
			has: []string{"| Party | Seats |", "| Left  | 120   |", "| Right | 98    |"}},
		{name: "Gallery", html: page(`<title>T</title>`, "", `<figure class="gallery"><img src="/a.jpg" alt="Delegates"><div>Image 1 of</div><div>23</div><div>Caption</div><button>Close</button><figcaption>Delegates arrive in Geneva.</figcaption></figure>`),
			has: []string{"Delegates arrive in Geneva."}, hasNot: []string{"Image 1 of", "Caption\n", "Close", "\n23\n"}},
		{name: "EmptySocialLinks", html: page(`<title>T</title>`, "", `<ul><li><a href="https://facebook.example/share"><svg></svg></a></li><li><a href="https://x.example/share"></a></li></ul>`),
			hasNot: []string{"[]("}},
		{name: "RelatedLinks", html: page(`<title>T</title>`, "", `<h3>You may also like</h3><ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul>`),
			hasNot: []string{"You may also like", "Other story"}},
		{name: "RelatedTeasersGerman", html: page(`<title>T</title>`, "", `<h2>Weitere Beiträge zum Thema</h2><div class="teasers"><article><h3>Respekt vor dem Klassiker</h3><a href="/a"><img src="/a.jpg" alt=""></a></article><article><h3>Erinnerung an den Gründer</h3><a href="/b"><img src="/b.jpg" alt=""></a></article></div>`),
			hasNot: []string{"Weitere Beiträge", "Respekt vor dem", "Erinnerung an den"}},
		{name: "RelatedHeadingsOtherLanguages", html: page(`<title>T</title>`, "", `<div><div>Meistgelesene Artikel</div><ol><li><a href="/a">Geht bald das Licht aus?</a></li></ol></div><h3>Veja também:</h3><ul><li><a href="/b">STF afasta imunidade</a></li></ul><h3>À lire aussi</h3><ul><li><a href="/c">Le piquet de grève</a></li></ul>`),
			hasNot: []string{"Meistgelesene", "Licht aus", "Veja", "STF afasta", "lire aussi", "piquet"}},
		{name: "RelatedHeadingBeforeProseKeepsIt", html: page(`<title>T</title>`, "", `<h3>Lesen Sie auch</h3><p>Die Gemeinde hat am Dienstag beschlossen, die <a href="/plan">neuen Pläne</a> für das Stadtzentrum bis zum Herbst öffentlich auszulegen, damit alle Bürger sie prüfen und bis Ende Oktober Einwände erheben können.</p>`),
			has: []string{"Die Gemeinde hat am Dienstag beschlossen"}},
		{name: "PictureCredits", html: page(`<title>T</title>`, "", `<figure><img src="/a.jpg" alt="Delegates"><figcaption>Delegates arrive in Geneva. <span class="copyright-note">© Getty Images</span></figcaption></figure><figure><img src="/b.jpg" alt="Hall"><figcaption><div class="figure__copyright"><p>unsplash/Bill Mead</p></div></figcaption></figure><p>Foto: dpa/Jane Doe</p><p class="credit">Bild: Jahr Media</p><p>© Provided by Business Insider</p>`),
			has: []string{"Delegates arrive in Geneva."}, hasNot: []string{"Getty", "Bill Mead", "Jane Doe", "Jahr Media", "Business Insider"}},
		{name: "CreditLikeProseKept", html: page(`<title>T</title>`, "", `<p>Foto: Die Aufnahme zeigt den Saal am Dienstagabend, kurz bevor die Delegierten aus allen Kantonen über den neuen Vertrag abstimmten und ihn annahmen.</p><p>Bildung: mehr Geld für Schulen.</p><p>Photographers gathered at the gate.</p>`),
			has: []string{"Foto: Die Aufnahme zeigt", "Bildung: mehr Geld", "Photographers gathered"}},
		{name: "ControlsOtherLanguages", html: page(`<title>T</title>`, "", `<p>Rezept drucken Bei Pinterest speichern</p><div>Kommentare insgesamt: 0</div><p>Valora esta noticia</p><span>drukuj</span><p>Lesezeit: 4 Minuten</p><div>Reklama</div><p>Ten tekst przeczytasz w mniej niż minutę</p>`),
			hasNot: []string{"drucken", "Pinterest", "Kommentare", "Valora", "drukuj", "Lesezeit", "Reklama", "przeczytasz"}},
		{name: "ControlWordsInProseKept", html: page(`<title>T</title>`, "", `<p>Teilen und drucken wollte die Behörde die Liste nicht.</p><p>Kommentare des Ministers folgten am Abend.</p>`),
			has: []string{"Teilen und drucken wollte", "Kommentare des Ministers"}},
		{name: "DateLinesAtEdges", html: "<!doctype html><html><head><title>T</title></head><body><article><p>Aktualisiert: 11.04.2020, 10:27</p><p>16 marca 2021</p>" + story(6) + "<p>Published March 3, 2021 at 4:05 pm</p></article></body></html>",
			hasNot: []string{"Aktualisiert", "marca", "Published"}},
		{name: "DateLinesInsideStoryKept", html: "<!doctype html><html><head><title>T</title></head><body><article>" + strings.Replace(story(6), "round 3.</p>", "round 3.</p><h3>3:59 PM</h3><p>Stand: 05. Februar 2020</p>", 1) + "</article></body></html>",
			has: []string{"3:59 PM", "Stand: 05. Februar 2020"}},
		{name: "LeadAboveStoryRestored", html: leadPage(`<meta property="og:description" content="Negotiators from both sides agreed on a timetable for a ceasefire after three days of talks in Geneva.">`,
			`<div class="story-header"><h1>Talks resume</h1><p class="standfirst">Negotiators from both sides agreed on a timetable for a ceasefire after three days of talks in Geneva.</p></div>`, ""),
			has: []string{"Negotiators from both sides agreed on a timetable for a ceasefire after three days of talks in Geneva.\n\nParagraph 1:"}},
		{name: "LeadAboveStoryShortDescription", html: leadPage(`<meta name="description" content="Negotiators from both sides agreed on a timetable">`,
			`<div class="story-header"><p class="standfirst">Negotiators from both sides agreed on a timetable for a ceasefire after three days of talks in Geneva.</p></div>`, ""),
			has: []string{"Negotiators from both sides agreed on a timetable for a ceasefire after three days of talks in Geneva.\n\nParagraph 1:"}},
		{name: "LeadHeadingRestored", html: leadPage(`<meta property="og:description" content="Negotiators from both sides agreed on a timetable for a ceasefire after three days of talks in Geneva.">`,
			`<div class="story-header"><h2 class="excerpt">Negotiators from both sides agreed on a timetable for a ceasefire after three days of talks in Geneva.</h2></div>`, ""),
			has: []string{"Negotiators from both sides agreed on a timetable for a ceasefire after three days of talks in Geneva.\n\nParagraph 1:"}},
		{name: "DescriptionIsTitleNotRepeated", html: leadPage(`<meta property="og:description" content="Negotiators agree on a ceasefire timetable after three days of talks in Geneva">`,
			`<div class="story-header"><h1>Negotiators agree on a ceasefire timetable after three days of talks in Geneva</h1></div>`, ""),
			hasNot: []string{"after three days of talks in Geneva\n\nParagraph 1:"}},
		{name: "DescriptionBelowStoryNotMoved", html: leadPage(`<meta name="description" content="Negotiators from both sides agreed on a timetable for a ceasefire after three days of talks in Geneva.">`,
			"", `<div class="story-footer"><p class="teaser">Negotiators from both sides agreed on a timetable for a ceasefire after three days of talks in Geneva.</p></div>`),
			hasNot: []string{"Negotiators"}},
		{name: "DescriptionSloganNotMoved", html: leadPage(`<meta name="description" content="News and views from Geneva">`,
			`<div class="site-header"><p class="tagline">News and views from Geneva</p></div>`, ""),
			hasNot: []string{"News and views"}},
		{name: "LeadInStoryNotRepeated", html: leadPage(`<meta name="description" content="Paragraph 1: the delegation met for several hours on Thursday, officials said">`,
			`<div class="story-header"><p class="standfirst">Paragraph 1: the delegation met for several hours on Thursday, officials said.</p></div>`, ""),
			hasNot: []string{"officials said.\n\nParagraph 1:"}},
		{name: "SignUpPrompt", html: page(`<title>T</title>`, "", `<p>Sign up for our free morning newsletter to get the news delivered to your inbox.</p>`),
			hasNot: []string{"Sign up", "newsletter"}},
		{name: "AppAndSubscriberPrompts", html: page(`<title>T</title>`, "", `<p>Get the latest news straight to your phone with the Ledger app.</p><p>Download our free news app.</p><p>Follow us on Twitter.</p><div><p>To view the full story, please subscribe to The Ledger.</p><p>If you are seeing this message but you are already a subscriber, you can log in.</p></div><p>Abonnieren Sie unseren Newsletter.</p>`),
			hasNot: []string{"app", "Follow us", "full story", "already a subscriber", "Abonnieren"}},
		{name: "AppAndFollowInProseKept", html: page(`<title>T</title>`, "", `<p>The ministry said the new tracing app had been downloaded two million times since Monday, and officials who follow the rollout expect demand to keep rising as schools reopen across the country next week.</p>`),
			has: []string{"tracing app had been downloaded"}},
		{name: "NavigationInArticle", html: page(`<title>T</title>`, `<div class="breadcrumb"><a href="/">Startseite</a> › <a href="/news">Nachrichten</a> › Politik</div>`, `<div class="post-rating">Bewertung: 4 von 5 Sternen</div><ul class="pagination"><li><a href="/p/1">Seite 1</a></li><li><a href="/p/2">Seite 2</a></li></ul>`),
			hasNot: []string{"Startseite", "Bewertung", "Seite 2"}},
		{name: "NavigationNamedProseKept", html: page(`<title>T</title>`, "", `<div class="toolbar-note"><p>The committee published its findings on Tuesday after a two-year inquiry into how the regional rail operator handled the storm damage, and it called for a new timetable before the winter.</p></div>`),
			has: []string{"The committee published its findings"}},
		{name: "InlineTeasers", html: page(`<title>T</title>`, "", `<p><strong>Lea también: <a href="/a">Impiden ingreso a Nicaragua a reportero</a></strong></p><p><strong>Read more:</strong> <a href="/b">Talks stall again in Geneva</a></p><p>Lesen Sie auch: <a href="/c"><em>Spielabbruch in der Kreisliga</em></a></p><p>Related: <a href="/d">Chicago is America's most segregated city</a></p>`),
			hasNot: []string{"Lea también", "Impiden", "Read more", "Talks stall", "Spielabbruch", "Chicago"}},
		{name: "InlineTeaserLabelsInProseKept", html: page(`<title>T</title>`, "", `<p>Read more: the report, which runs to 300 pages, says the <a href="/r">ferry</a> must run all night.</p><p>More: <a href="/m">the minister</a> said the bridge would reopen in May, after repairs to its deck and rails.</p>`),
			has: []string{"Read more: the report", "the bridge would reopen in May"}},
		{name: "SupportAndCopyrightNotices", html: page(`<title>T</title>`, "", `<p>For the latest stories download the Ledger apps for iOS and Android.</p><p>If you enjoyed reading this post – would you consider supporting our work? Just click here.</p><p>Copyright 2023 Sunbeam Television Corp. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.</p>`),
			hasNot: []string{"apps for iOS", "supporting our work", "Sunbeam"}},
		{name: "SupportAndCopyrightInProseKept", html: page(`<title>T</title>`, "", `<p>The union said it would support local reporting jobs, and the court ruled the copyright claim void; all rights reserved by the old contract return to the authors.</p>`),
			has: []string{"support local reporting jobs", "all rights reserved by the old contract"}},
		{name: "PostMeta", html: page(`<title>T</title>`, "", `<p class="postmetadata">This entry was posted in <a href="/c/news">News</a> and tagged <a href="/t/berlin">Berlin</a>. Bookmark the <a href="/p/1">permalink</a>.</p><p>Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht und wurde unter <a href="/c">Allgemein</a> abgelegt. Du kannst die Kommentare zu diesen Eintrag durch den RSS 2.0 Feed verfolgen. Kommentare sind derzeit geschlossen, aber Du kannst dennoch einen Trackback auf deiner Seite einrichten.</p>`),
			hasNot: []string{"This entry", "permalink", "Der Beitrag wurde", "Trackback"}},
		{name: "RubyAnnotations", html: page(`<title>T</title>`, "", `<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくす。</p>`),
			has: []string{"子どもへの虐待をなくす。"}, hasNot: []string{"ぎゃくたい"}},
		{name: "SkipLinks", html: page(`<title>T</title>`, "", `<p><a href="#main">Skip to content</a></p><p><a href="#c">Zum Hauptinhalt springen</a></p><p><a href="#s">Zur Suche springen</a></p>`),
			hasNot: []string{"Skip to", "springen"}},
		{name: "InvisibleParagraphs", html: page(`<title>T</title>`, "", `<p>&#8203;&#8203;</p><p>&nbsp;&#8204;</p><p>Last line of the story.</p>`),
			has: []string{"round 6.\n\nLast line of the story.\n"}},
		{name: "BrokenEmphasis", html: page(`<title>T</title>`, "", `<p><strong>– Dia</strong><strong></strong><strong>mond</strong> <b>Co</b><b>ast</b> <strong>Ga<strong>la</strong></strong> night.</p>`),
			has: []string{"**– Diamond** **Coast** **Gala** night."}},
	}
	fields := func(m ingest.Meta) map[string]string {
		return map[string]string{"title": m.Title, "outlet": m.Outlet, "url": m.URL, "date": m.Date, "author": m.Author, "language": m.Language}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := ingest.Options{}
			if tt.base != "" {
				u, err := url.Parse(tt.base)
				if err != nil {
					t.Fatal(err)
				}
				opts.BaseURL = u
			}
			a, err := ingest.Convert("page.html", []byte(tt.html), opts)
			if err != nil {
				t.Fatal(err)
			}
			got := fields(a.Meta)
			for k, want := range tt.meta {
				if got[k] != want {
					t.Errorf("%s = %q, want %q", k, got[k], want)
				}
			}
			for _, s := range tt.has {
				if !strings.Contains(a.Body, s) {
					t.Errorf("body lacks %q:\n%s", s, a.Body)
				}
			}
			for _, s := range tt.hasNot {
				if strings.Contains(a.Body, s) {
					t.Errorf("body has %q:\n%s", s, a.Body)
				}
			}
			// Whatever the case, the story is all there and the
			// Markdown renders no stray asterisks or backslashes.
			if !strings.Contains(a.Body, "Paragraph 6:") {
				t.Errorf("story lost:\n%s", a.Body)
			}
			var out strings.Builder
			if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert([]byte(a.Body), &out); err != nil {
				t.Fatal(err)
			}
			if h := out.String(); strings.Contains(h, "*") || strings.Contains(h, "\\") {
				t.Errorf("rendered HTML shows Markdown syntax:\n%s", h)
			}
		})
	}
}
