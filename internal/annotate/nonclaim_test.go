package annotate

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
	"github.com/brief-dev/brief/internal/lexicon"
)

func TestClassifySentence(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     brief.SentenceKind
	}{
		// Not claims.
		{"Byline", "By Jane Doe and John Roe, Associated Press", brief.KindByline},
		{"BylineCaps", "By WILL STEWART FOR MAILONLINE", brief.KindByline},
		{"BylineReporting", "Reporting by Guy Faulconbridge; Editing by Andrew Osborn", brief.KindByline},
		{"Contributed", "Associated Press Writer Sara Kugler contributed to this report from New York City.", brief.KindByline},
		{"ContributedReporting", "Jane Doe in Kyiv and John Roe in Moscow contributed reporting.", brief.KindByline},
		{"Dateline", "MOSCOW, March 13 (Reuters)", brief.KindDateline},
		{"TimeStamp", "Published: 13:45 GMT, 13 March 2025 | Updated: 16:02 GMT, 13 March 2025", brief.KindDateline},
		{"DatelineWeekday", "Thursday 13 March 2025 14:02 GMT", brief.KindDateline},
		{"DatelineMay", "Updated May 3, 2025", brief.KindDateline},
		{"Credit", "Photo: Getty", brief.KindCaption},
		{"CreditAgency", "Photograph: Pavel Bednyakov/AP", brief.KindCaption},
		{"CreditParen", "(Photo by Contributor/Getty Images)", brief.KindCaption},
		{"CaptionNoVerb", "Justin Bieber at amfAR's Inspiration Gala.", brief.KindFragment},
		{"JavaScript", "var twitterVia = 'MailOnline'; DM.has('articleBody', 'twitterVia');", brief.KindCode},
		{"JavaScriptTruncated", "var twitterVia = 'MailOnline'; DM.has(…", brief.KindCode},
		{"JavaScriptCall", "window.adsQueue.push(function() { loadAds(); });", brief.KindCode},
		{"DoTell", "Do tell…", brief.KindFragment},
		{"Check", "Check.", brief.KindFragment},
		{"IfNot", "And if not for mobile ...", brief.KindFragment},
		{"Imperative", "Click here for the full video.", brief.KindFragment},
		{"Label", "At a glance:", brief.KindFragment},
		{"NounPhrase", "US envoy Steve Witkoff in Moscow.", brief.KindFragment},

		// Claims, however short or odd.
		{"TalksOnThursday", "Talks on Thursday.", brief.KindClaim},
		{"ContributedMoney", "The foundation contributed to this year's relief fund in Gaza.", brief.KindClaim},
		// A Title Case headline with a date is no dateline: its verbs
		// are capitalised like its names.
		{"TitleCaseWithDate", "NASA Confirms Earth Will Experience 6 Days of Total Darkness in December 2014", brief.KindClaim},
		{"TitleCaseNegatedWithDate", "#Daysofdarkness: No, There Won't Be Six Days Of Darkness In December", brief.KindClaim},
		{"TalksResumed", "Talks resumed.", brief.KindClaim},
		{"HeResigned", "He resigned.", brief.KindClaim},
		{"ItsOver", "It’s over.", brief.KindClaim},
		{"WeUrge", "We urge Russia to accept.", brief.KindClaim},
		{"ByThursday", "By Thursday, the delegation had arrived.", brief.KindClaim},
		{"ByName", "By Friday Putin had agreed to a call.", brief.KindClaim},
		{"PoliceSaid", "Police said two people died.", brief.KindClaim},
		{"HeadlineGrammar", "Witkoff to meet Putin in Moscow.", brief.KindClaim},
		{"DateInClaim", "The talks began on 13 March 2025 at 10:00 GMT.", brief.KindClaim},
		{"Semicolon", "Prices rose 3% = a record; analysts were surprised.", brief.KindClaim},
		{"PhotoWord", "The photo shows Putin at a command post in Kursk.", brief.KindClaim},
		{"Colon", "In a post on Telegram, he wrote:", brief.KindClaim},
		{"TitleCase", "Trump Envoy Arrives In Moscow For Talks", brief.KindClaim},
		{"Quote", "“It is true,” Peskov said.", brief.KindClaim},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := classifySentence(tt.in, tokenize(tt.in), lexicon.Tags); got != tt.want {
				t.Errorf("classifySentence(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

// A caption's text before its credit is a caption too, but only when the
// two make up the paragraph.
func TestCaptionBlock(t *testing.T) {
	body := "Justin Bieber attends amfAR's Inspiration Gala. Photo: Getty\n\n" +
		"The singer was seen in Los Angeles. He left early. Photo: Getty\n"
	cs, _ := sourceClaims(&brief.Source{ID: "s", Body: []byte(body)}, lexicon.Tags)
	var got []string
	for _, c := range cs {
		got = append(got, string(c.Kind))
	}
	want := "caption caption claim claim caption"
	if strings.Join(got, " ") != want {
		t.Fatalf("kinds = %q, want %q", strings.Join(got, " "), want)
	}
}

// The regexps alone, as looksLikeCode and isCredit were before their
// cheap prefilters: the reference the fast paths must agree with.
var (
	refCodeStrong = []*regexp.Regexp{
		regexp.MustCompile(`(?:^|[;{}]\s*)(?:var|let|const|function|return|typeof|import|export)\s+[\w$({]`),
		regexp.MustCompile(`[A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*\(`),
		regexp.MustCompile(`[{}]`),
		regexp.MustCompile(`^[A-Za-z_$][\w$.]*\(.*\)\s*;$`),
		regexp.MustCompile(`===|!==|=>|&&|\|\||\+\+|\+=|\bfunction\s*\(`),
	}
	refCodeWeak = []*regexp.Regexp{
		regexp.MustCompile(`[A-Za-z_$][\w$.\]]*\s*=\s*[^=\s]`),
		regexp.MustCompile(`;\s*(?:[A-Za-z_$]|$)`),
		regexp.MustCompile(`\)\s*;|\(\s*\)`),
		regexp.MustCompile(`'[^' ]*'\s*[;,)]`),
	}
)

func refLooksLikeCode(s string) bool {
	strong, kinds := false, 0
	for _, re := range refCodeStrong {
		if re.MatchString(s) {
			strong = true
			kinds++
		}
	}
	for _, re := range refCodeWeak {
		if re.MatchString(s) {
			kinds++
		}
	}
	return strong && kinds >= 2
}

// codeSeeds are lines near the edges of each sign, for the tests that
// compare the fast paths with the regexps.
var codeSeeds = []string{
	"var twitterVia = 'MailOnline'; DM.has('articleBody', 'twitterVia');",
	"var twitterVia = 'MailOnline'; DM.has(…",
	"window.adsQueue.push(function() { loadAds(); });",
	"mboxCreate('x');", "mboxCreate('x') ;", "f();\n", "$x.y(1)", "_a.b(", "9.b(", "a.9(", "x.y (",
	"return x", "returns x;", "let it be", "; let x", "{ const y = 2 }", "}export {a}", "typeof(x) === 'y'",
	"a == b", "a => b", "rock && roll", "this || that", "c++ rules", "x += 1", "a function (x)", "malfunction(",
	"The talks (in Geneva) ended.", "He said: fine.", "Photo: Getty", "Photograph: Pavel Bednyakov/AP",
	"(Photo by Contributor/Getty Images)", "Mr Ilic on his way to hospital (Photo: Europics)",
	"Images: AFP", "[Picture via Reuters]", "Smith/AP", "and/or", "14:02 GMT", "A Photo credit: x",
	"Video footage shows the crowd", "Footage: EPA", "Credits: x",
}

func TestCodeAndCreditFastPaths(t *testing.T) {
	lines := append([]string(nil), codeSeeds...)
	files, _ := filepath.Glob("testdata/*/*.md")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	for _, s := range lines {
		if got, want := looksLikeCode(s), refLooksLikeCode(s); got != want {
			t.Errorf("looksLikeCode(%q)=%v, want %v", s, got, want)
		}
		if got, want := isCredit(s), creditLine(s); got != want {
			t.Errorf("isCredit(%q)=%v, want %v", s, got, want)
		}
	}
}

func FuzzCodeAndCreditFastPaths(f *testing.F) {
	for _, s := range codeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := looksLikeCode(s), refLooksLikeCode(s); got != want {
			t.Errorf("looksLikeCode(%q)=%v, want %v", s, got, want)
		}
		if got, want := isCredit(s), creditLine(s); got != want {
			t.Errorf("isCredit(%q)=%v, want %v", s, got, want)
		}
	})
}
