package annotate

import (
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
		{"Dateline", "MOSCOW, March 13 (Reuters)", brief.KindDateline},
		{"TimeStamp", "Published: 13:45 GMT, 13 March 2025 | Updated: 16:02 GMT, 13 March 2025", brief.KindDateline},
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
			if got := classifySentence(tt.in, lexicon.Tags); got != tt.want {
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
	cs := sourceClaims(&brief.Source{ID: "s", Body: []byte(body)}, lexicon.Tags)
	var got []string
	for _, c := range cs {
		got = append(got, string(c.Kind))
	}
	want := "caption caption claim claim caption"
	if strings.Join(got, " ") != want {
		t.Fatalf("kinds = %q, want %q", strings.Join(got, " "), want)
	}
}
