package annotate

import (
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
)

// TestSeedExamples checks the examples the method must get right on the
// seed articles: one agreement, three disagreements with their reasons,
// and a sentence about someone else's arrival that must stay unlinked.
func TestSeedExamples(t *testing.T) {
	ann, err := Annotate(t.Context(), loadCorpus(t, "seeds"), nil)
	if err != nil {
		t.Fatal(err)
	}
	claim := func(src, frag string) *brief.Claim {
		t.Helper()
		c, warn := resolve(ClaimRef{Source: src, Text: frag}, ann.Claims)
		if c == nil {
			t.Fatalf("%s %q: %s", src, frag, warn)
		}
		return c
	}
	link := func(a, b *brief.Claim) (brief.Link, bool) {
		for _, l := range ann.Links {
			if (l.A == a.ID && l.B == b.ID) || (l.A == b.ID && l.B == a.ID) {
				return l, true
			}
		}
		return brief.Link{}, false
	}
	for _, tt := range []struct {
		name        string
		srcA, fragA string
		srcB, fragB string
		rel         brief.Relation
		kind        brief.DisagreeKind
		reason      string
	}{
		{"Arrival", "000", "arrived in Moscow on Thursday morning for talks on agreeing a ceasefire",
			"004", "arrived in Moscow on Thursday for critical negotiations", brief.Agree, "", ""},
		{"Number", "001", "three-year-long war", "004", "two-year war", brief.Disagree, brief.KindNumber,
			"number: “three-year-long war” vs “two-year war”"},
		{"Quote", "000", "This is the closest we have been to peace in this war",
			"002", "This is the closest we’ve been to peace since the war began.", brief.Disagree, brief.KindQuote,
			"“… peace in this war” vs “… peace since the war began”"},
		{"Role", "001", "National Security Adviser Mike Waltz", "002", "National Security Secretary Mike Waltz",
			brief.Disagree, brief.KindRole, "role: “National Security Adviser” vs “National Security Secretary”"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l, ok := link(claim(tt.srcA, tt.fragA), claim(tt.srcB, tt.fragB))
			if !ok || l.Relation != tt.rel || l.Kind != tt.kind {
				t.Fatalf("got %v %s/%s %q, want %s/%s", ok, l.Relation, l.Kind, l.Reason, tt.rel, tt.kind)
			}
			if !strings.Contains(l.Reason, tt.reason) {
				t.Errorf("reason %q, want it to contain %q", l.Reason, tt.reason)
			}
		})
	}
	t.Run("NoLinkLukashenko", func(t *testing.T) {
		c := claim("000", "Lukashenko also flew into Moscow on Thursday, landing at the same airport as Witkoff.")
		for _, l := range ann.Links {
			if l.A == c.ID || l.B == c.ID {
				t.Errorf("linked: %s %s %q", l.Relation, l.Kind, l.Reason)
			}
		}
	})
}
