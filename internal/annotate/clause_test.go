package annotate

import (
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
)

func TestExtractClauses(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string // first content word of each clause; nil for one clause
	}{
		{"America’s Middle East Envoy Steve Witkoff flew into Moscow’s Vnukovo airport on Thursday morning, having travelled from Doha, Qatar by way of European airspace.",
			[]string{"America", "having"}},
		{"Putin visited the area on Wednesday, dressed in military fatigues, and ordered troops there to retake the region.",
			[]string{"Putin", "and"}},
		{"The storm flooded the town.", nil},
		// Too short to stand alone: joins the clause before.
		{"Officials arrived in Moscow on Thursday, as expected.", nil},
		// Commas inside a quotation do not split.
		{"He said “we came, we saw, and we agreed on the terms of the truce” on Friday.", nil},
	} {
		toks := tokenize(c.text)
		f := &claimFeat{claim: &brief.Claim{Text: c.text}, toks: toks}
		f.ments = extractMentions(c.text, toks, map[string]bool{})
		var got []string
		for _, cl := range extractClauses(f, stemLexicon{}) {
			got = append(got, cl.toks[0].Text)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: clauses start %q, want %q", c.text, got, c.want)
		}
	}
}
