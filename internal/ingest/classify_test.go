package ingest

import "testing"

// These table tests cover the line classification of the plain-text
// importer, each rule with near misses.

func TestIsTitle(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"US and Russian Delegations Set to Meet in Moscow for Ukraine Ceasefire Talks", true},
		{"Trump’s Envoy Landed In Russia and Secured Putin Nod Of Approval", true},
		{"Will Trump Meet Putin This Week?", true},
		{"“Peace Is Close,” Says Envoy", true},
		{"2025 in Review", true},
		{"Talks end.", false},                           // sentence
		{"Talks end!", false},                           // exclamation
		{"At a glance:", false},                         // lead-in
		{"Will they talk?", false},                      // question in sentence case
		{"“We urge Russia to accept this plan”", false}, // quotation
		{"lower case start", false},
		{"- Will Russia accept?", false}, // list item
		{"1. First", false},
		{"A high-level US delegation is on its way to Moscow for negotiations on a potential ceasefire in Ukraine as announced today", false}, // too many words
		{"—", false}, // no letters
		{"", false},
	}
	for _, tt := range tests {
		if got := isTitle(tt.line); got != tt.want {
			t.Errorf("isTitle(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestIsHeading(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Trump and Putin: A Potential Conversation?", true},
		{"Who is Leading the Moscow Talks?", true},
		{"What’s Next?", true},
		{"Kremlin acknowledges US discussions", true},
		{"Ukraine’s Strategic Withdrawal", true},
		{"With US-Russia talks imminent, several key questions remain:", false},
		{"In a post on Telegram, he wrote:", false},
		{"“In the most difficult situations, my priority remains saving lives.”", false},
		{"Why?", false},          // one-word question
		{"What now?", false},     // not title case
		{"It was over.", false},  // sentence
		{"The end…", false},      // ellipsis
		{"Putin, Trump,", false}, // trailing comma
		{"and then they left", false},
		{"This Heading Has Far Too Many Words To Be A Real Heading In Any Newspaper Article Today", false},
	}
	for _, tt := range tests {
		if got := isHeading(tt.line); got != tt.want {
			t.Errorf("isHeading(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestListItem(t *testing.T) {
	tests := []struct {
		line string
		kind kind
		num  string
		text string
		ok   bool
	}{
		{"• Item one", kindBullet, "", "Item one", true},
		{"•Item tight", kindBullet, "", "Item tight", true},
		{"- Will Russia accept?", kindBullet, "", "Will Russia accept?", true},
		{"* Star", kindBullet, "", "Star", true},
		{"– En dash", kindBullet, "", "En dash", true},
		{"1. First", kindOrdered, "1", "First", true},
		{"12) Twelfth", kindOrdered, "12", "Twelfth", true},
		{"-5 degrees overnight", 0, "", "", false},
		{"*emphasis*", 0, "", "", false},
		{"2025. A year", kindOrdered, "", "", false}, // four digits: a year
		{"1.5 million people", 0, "", "", false},
		{"- ", 0, "", "", false},
		{"* * *", 0, "", "", false}, // separator
		{"---", 0, "", "", false},
		{"—Em dash quote", 0, "", "", false},
	}
	for _, tt := range tests {
		k, num, text, ok := listItem(tt.line)
		if ok != tt.ok || ok && (k != tt.kind || num != tt.num || text != tt.text) {
			t.Errorf("listItem(%q) = %v, %q, %q, %v; want %v, %q, %q, %v", tt.line, k, num, text, ok, tt.kind, tt.num, tt.text, tt.ok)
		}
	}
}

func TestConvertTextStructure(t *testing.T) {
	tests := []struct {
		name, in, title, body string
		derived               bool
	}{
		{
			name:  "TitleAndParagraphs",
			in:    "Talks Begin in Geneva\n\nOfficials met on Monday.\n\nThey will meet again.",
			title: "Talks Begin in Geneva",
			body:  "Officials met on Monday.\n\nThey will meet again.\n",
		},
		{
			name:    "OnlyOneLine",
			in:      "Talks Begin in Geneva",
			title:   "Talks Begin in Geneva",
			body:    "Talks Begin in Geneva\n",
			derived: true,
		},
		{
			name:    "TitleNearMissContinues",
			in:      "The talks that began on Monday in\ngeneva went on late into the night.\n",
			title:   "The talks that began on Monday in geneva went on late into the night",
			body:    "The talks that began on Monday in geneva went on late into the night.\n",
			derived: true,
		},
		{
			name: "HardWrapped",
			in: "Geneva Talks\n\nOfficials from both countries met in Geneva on Monday for a\n" +
				"first round of talks, according to a statement released by the\nministry.\n" +
				"Short closing line.\n\nNext paragraph here.\n",
			title: "Geneva Talks",
			body: "Officials from both countries met in Geneva on Monday for a first round of talks, according to a statement released by the ministry.\n\n" +
				"Short closing line.\n\nNext paragraph here.\n",
		},
		{
			name:  "OrderedListAndHeadingLast",
			in:    "Plan Agreed\n\nThe plan:\n1) Stop\n2) Talk\n\nThe End",
			title: "Plan Agreed",
			body:  "The plan:\n\n1. Stop\n2. Talk\n\nThe End\n",
		},
		{
			name:  "MixedLists",
			in:    "Plan Agreed\n\nIntro.\n- a\n- b\n1. c\n",
			title: "Plan Agreed",
			body:  "Intro.\n\n- a\n- b\n\n1. c\n",
		},
		{
			name:  "ListContinuation",
			in:    "Plan Agreed\n\n- first item that\n  wraps on\n- second\n",
			title: "Plan Agreed",
			body:  "- first item that wraps on\n- second\n",
		},
		{
			name:  "Normalise",
			in:    "\ufeffPlan Agreed  \r\n\r\n\r\n\r\n   Indented text.   \r\nMore.\r\n\r\n\r\n",
			title: "Plan Agreed",
			body:  "Indented text.\n\nMore.\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := convertText("t.txt", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if a.Meta.Title != tt.title || a.Meta.TitleDerived != tt.derived {
				t.Errorf("title = %q (derived %v), want %q (%v)", a.Meta.Title, a.Meta.TitleDerived, tt.title, tt.derived)
			}
			if a.Body != tt.body {
				t.Errorf("body = %q\nwant   %q", a.Body, tt.body)
			}
		})
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Plain text, with “quotes” — and… ellipses", "Plain text, with “quotes” — and… ellipses"},
		{"# not a heading", `\# not a heading`},
		{"#hashtag", `\#hashtag`},
		{"> not a quote", `\> not a quote`},
		{"1. not a list", `1\. not a list`},
		{"2024) was a year", `2024\) was a year`},
		{"1.5 million", "1.5 million"},
		{"- not a list", `\- not a list`},
		{"+ not a list", `\+ not a list`},
		{"---", `\---`},
		{"___", `\_\_\_`},
		{"*stars* and **bold**", `\*stars\* and \*\*bold\*\*`},
		{"snake_case_name stays", "snake_case_name stays"},
		{"_under_ score", `\_under\_ score`},
		{"a `code` span", "a \\`code\\` span"},
		{"<b>tag</b> and <!-- c --> and <https://x.y>", `\<b>tag\</b> and \<!-- c --> and \<https://x.y>`},
		{"a < b and 3 <5", "a < b and 3 <5"},
		{"AT&T &amp; &#169; &#x41; & co", `AT&T \&amp; \&#169; \&#x41; & co`},
		{"[US] negotiators", "[US] negotiators"},
		{"[link](http://x) [ref][1] [def]: x [^1]", `\[link](http://x) \[ref][1] \[def]: x \[^1]`},
		{"~5% and ~~strike~~", `\~5% and \~\~strike\~\~`},
		{"~5% only", "~5% only"},
		{`back\slash and \* and \`, `back\slash and \\\* and \`},
	}
	for _, tt := range tests {
		if got := escapeParagraph(tt.in); got != tt.want {
			t.Errorf("escapeParagraph(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	headings := []struct{ in, want string }{
		{"Number #1", "Number #1"},
		{"Closing #", `Closing \#`},
		{"Closing ##", `Closing \##`},
		{"1. Intro", "1. Intro"},
	}
	for _, tt := range headings {
		if got := escapeHeading(tt.in); got != tt.want {
			t.Errorf("escapeHeading(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFirstSentenceAndDerivedTitle(t *testing.T) {
	tests := []struct{ in, sentence, title string }{
		{"Officials met. They talked.", "Officials met.", "Officials met"},
		{"The U.S. and Ukraine agreed. Russia waits.", "The U.S. and Ukraine agreed.", "The U.S. and Ukraine agreed"},
		{"Dr. Smith spoke at 3 p.m. on Monday. Then left.", "Dr. Smith spoke at 3 p.m. on Monday.", "Dr. Smith spoke at 3 p.m. on Monday"},
		{"“It is over,” he said. “Go home.”", "“It is over,” he said.", "“It is over,” he said"},
		{"He asked “Why?” Nobody answered.", "He asked “Why?”", "He asked “Why?”"},
		{"Is it over? Yes.", "Is it over?", "Is it over?"},
		{"No end in sight", "No end in sight", "No end in sight"},
		{"Version 2.0 is out. Get it.", "Version 2.0 is out.", "Version 2.0 is out"},
		{
			"A delegation of United States diplomats arrived in Moscow on Thursday morning for talks on agreeing a ceasefire in the Ukraine War, with a possible call between President Donald Trump and President Vladimir Putin to follow.",
			"A delegation of United States diplomats arrived in Moscow on Thursday morning for talks on agreeing a ceasefire in the Ukraine War, with a possible call between President Donald Trump and President Vladimir Putin to follow.",
			"A delegation of United States diplomats arrived in Moscow on Thursday morning for talks on agreeing a ceasefire in the Ukraine War",
		},
		{
			"Officials from both countries met in Geneva on Monday for a first round of talks that according to a statement released by the ministry in the evening were constructive and long.",
			"Officials from both countries met in Geneva on Monday for a first round of talks that according to a statement released by the ministry in the evening were constructive and long.",
			"Officials from both countries met in Geneva on Monday for a first round of talks that according to…",
		},
	}
	for _, tt := range tests {
		if got := firstSentence(tt.in); got != tt.sentence {
			t.Errorf("firstSentence(%q) = %q, want %q", tt.in, got, tt.sentence)
		}
		if got := deriveTitle(tt.in); got != tt.title {
			t.Errorf("deriveTitle(%q) = %q, want %q", tt.in, got, tt.title)
		}
	}
}

func TestSafeURL(t *testing.T) {
	tests := []struct {
		url  string
		want bool
	}{
		{"https://example.com/a", true},
		{"http://example.com", true},
		{"mailto:a@b.c", true},
		{"/relative/path", true},
		{"page.html?x=a:b", true},
		{"javascript:alert(1)", false},
		{" JaVaScRiPt:alert(1)", false},
		{"java\tscript:alert(1)", false},
		{"\x01javascript:alert(1)", false},
		{"data:text/html,x", false},
		{"vbscript:x", false},
		{"file:///etc/passwd", false},
	}
	for _, tt := range tests {
		if got := safeURL(tt.url); got != tt.want {
			t.Errorf("safeURL(%q) = %v, want %v", tt.url, got, tt.want)
		}
	}
}

func TestSanitizeMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Text <span onclick=x>in</span> line.\n", "Text in line.\n"},
		{"Para.\n\n<div>\n<script>alert(1)</script>\n</div>\n\nAfter.\n", "Para.\n\nAfter.\n"},
		{"Keep [safe](https://x.y) link.\n", "Keep [safe](https://x.y) link.\n"},
		{"Drop [bad](javascript:alert(1)) block.\n\nKeep.\n", "Keep.\n"},
		{"Drop <javascript:alert(1)> autolink.\n\nKeep.\n", "Keep.\n"},
		{"Drop ![img](data:image/png;base64,xx).\n\nKeep.\n", "Keep.\n"},
	}
	for _, tt := range tests {
		if got := normalizeMarkdown(sanitizeMarkdown(tt.in)); got != tt.want {
			t.Errorf("sanitizeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
