package annotate

import (
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
)

// pairLink annotates two one-paragraph sources and returns the link
// between their claims that contain fragA and fragB.
func pairLink(t *testing.T, a, b, fragA, fragB string) (brief.Link, bool) {
	t.Helper()
	ann, err := Annotate(t.Context(), []*brief.Source{
		{ID: "a", Body: []byte(a)}, {ID: "b", Body: []byte(b)},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := resolve(ClaimRef{Source: "a", Text: fragA}, ann.Claims)
	cb, _ := resolve(ClaimRef{Source: "b", Text: fragB}, ann.Claims)
	if ca == nil || cb == nil {
		t.Fatalf("fragments not found")
	}
	for _, l := range ann.Links {
		if (l.A == ca.ID && l.B == cb.ID) || (l.A == cb.ID && l.B == ca.ID) {
			return l, true
		}
	}
	return brief.Link{}, false
}

func TestDisagreeKinds(t *testing.T) {
	for _, tt := range []struct {
		name   string
		a, b   string
		kind   brief.DisagreeKind // "" = must not disagree
		reason string             // substring of the reason
	}{
		{"Number", "The meeting aims at halting the three-year-long war in Ukraine.",
			"The proposal marks a turning point in the two-year war.", brief.KindNumber, "“three-year-long war” vs “two-year war”"},
		{"NumberNearMiss", "Ukraine accepted a 30-day ceasefire proposal.",
			"Ukraine accepted the ceasefire proposal put forward 30 days ago.", "", ""},
		{"NumberSameValue", "Ukraine accepted a 30-day ceasefire.", "Kyiv agreed to a 30-day ceasefire.", "", ""},
		{"Quote", "Press Secretary Karoline Leavitt said: “This is the closest we have been to peace in this war.”",
			"“This is the closest we’ve been to peace since the war began,” Leavitt stated.", brief.KindQuote, "peace in this war"},
		{"QuoteSame", "Leavitt said: “This is the closest we have been to peace in this war.”",
			"“This is the closest we’ve been to peace in this war,” Karoline Leavitt stated.", "", ""},
		{"QuoteOtherSpeaker", "Leavitt said: “This is the closest we have been to peace in this war.”",
			"“This is the closest we have been to peace since the war began,” Rubio said.", "", ""},
		{"Role", "Ushakov spoke with US National Security Adviser Mike Waltz on Monday.",
			"National Security Secretary Mike Waltz has been in discussions with Moscow.", brief.KindRole, "“National Security Adviser” vs “National Security Secretary”"},
		{"RoleSynonym", "Kremlin spokesman Dmitry Peskov said talks were planned.",
			"Kremlin spokesperson Dmitry Peskov confirmed contacts.", "", ""},
		{"Status", "A delegation of US diplomats arrived in Moscow for talks on a ceasefire.",
			"A US delegation is on its way to Moscow for talks on a ceasefire.", brief.KindStatus, "arrived"},
		{"StatusPending", "Officials have yet to reopen the main coastal highway.",
			"The main coastal highway was reopened on Wednesday.", brief.KindStatus, "“reopened” vs “yet to reopen”"},
		{"StatusExpected", "The president is expected to visit the town on Sunday.",
			"President Tomas Brandt visited the devastated town on Saturday.", brief.KindStatus, "“visited” vs “expected to visit”"},
		{"StatusUnrelatedNegation", "The delegation arrived in Moscow on Thursday for talks on a ceasefire.",
			"The delegation, whose members the White House did not disclose, arrived in Moscow on Thursday for talks on a ceasefire.", "", ""},
		{"StatusOtherPredicate", "Castria has offered to send search dogs and medical teams.",
			"A rescue team from Castria is on its way to the town.", "", ""},
		{"Time", "Storm Lena made landfall near Port Alder on Tuesday night.",
			"Storm Lena made landfall near Port Alder on Wednesday morning.", brief.KindTime, "“Tuesday” vs “Wednesday”"},
		{"TimeSame", "Storm Lena made landfall near Port Alder on Tuesday.",
			"Lena came ashore near Port Alder on Tuesday.", "", ""},
		{"Place", "Missiles struck Kryvyy Rih, Odesa, Dnipropetrovsk, and Kharkiv.",
			"Missiles hit Kryvyy Rih, Odesa, Dnipro, and Kharkiv.", brief.KindPlace, "“Dnipropetrovsk” vs “Dnipro”"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l, ok := pairLink(t, tt.a, tt.b, strings.Fields(tt.a)[0], strings.Fields(tt.b)[0])
			if tt.kind == "" {
				if ok && l.Relation == brief.Disagree {
					t.Fatalf("flagged %s: %s", l.Kind, l.Reason)
				}
				return
			}
			if !ok || l.Relation != brief.Disagree || l.Kind != tt.kind {
				t.Fatalf("got %v %q %q, want disagree/%s", ok, l.Relation, l.Kind, tt.kind)
			}
			if !strings.Contains(l.Reason, tt.reason) {
				t.Errorf("reason %q, want it to contain %q", l.Reason, tt.reason)
			}
		})
	}
}
