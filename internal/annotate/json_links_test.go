package annotate

import (
	"fmt"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
)

// TestJSONLinkItems checks how links become items of the links list:
// a claim's links one item, by relation, the reason without the
// relation or kind it starts with, a long run split into consecutive
// items, and links to the draft left out.
func TestJSONLinkItems(t *testing.T) {
	for _, c := range []struct {
		name   string
		link   brief.Link
		reason string
	}{
		{"Agree", brief.Link{Relation: brief.Agree, Reason: "agree: both report “Moscow”"}, "both report “Moscow”"},
		{"Disagree", brief.Link{Relation: brief.Disagree, Kind: brief.KindNumber, Reason: "number: “3” vs “4”"}, "“3” vs “4”"},
		{"OtherKindKept", brief.Link{Relation: brief.Disagree, Kind: brief.KindTime, Reason: "number: “3” vs “4”"}, "number: “3” vs “4”"},
		{"ManualKept", brief.Link{Relation: brief.Agree, Reason: "set by analyst"}, "set by analyst"},
		{"NoKindKept", brief.Link{Relation: brief.Disagree, Reason: ": x"}, ": x"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := linkReason(&c.link); got != c.reason {
				t.Errorf("linkReason = %q, want %q", got, c.reason)
			}
		})
	}

	a := &brief.Annotation{
		Sources: []*brief.Source{{ID: "s"}, {ID: "t"}, {ID: "d", Draft: true}},
		Claims:  []*brief.Claim{{ID: "c-1", Source: "s"}, {ID: "c-9", Source: "d"}},
	}
	a.Links = append(a.Links,
		brief.Link{A: "c-0", B: "c-1", Relation: brief.Disagree, Kind: brief.KindTime, Score: 0.5, Reason: "time: “Monday” vs “Friday”"},
		brief.Link{A: "c-0", B: "c-2", Relation: brief.Agree, Score: 0.9, Reason: "agree: both report “Oslo”"},
		brief.Link{A: "c-0", B: "c-9", Relation: brief.Agree, Score: 0.9, Reason: "agree: the draft"})
	for i := range jsonLinksMax + 1 {
		a.Links = append(a.Links, brief.Link{A: "c-1", B: fmt.Sprintf("c-2%03d", i), Relation: brief.Agree, Score: 1, Reason: "agree: x"})
	}
	got := jsonFileOf(a, func(id string) string { return "sources/" + id + "/" }).Links
	if len(got) != 3 {
		t.Fatalf("%d items, want 3: %+v", len(got), got)
	}
	want0 := jsonLinks{A: "c-0",
		Agree:    []jsonLinkTo{{B: "c-2", Score: 0.9, Reason: "both report “Oslo”"}},
		Disagree: []jsonLinkTo{{B: "c-1", Kind: "time", Score: 0.5, Reason: "“Monday” vs “Friday”"}}}
	if g := got[0]; g.A != want0.A || fmt.Sprint(g.Agree) != fmt.Sprint(want0.Agree) || fmt.Sprint(g.Disagree) != fmt.Sprint(want0.Disagree) {
		t.Errorf("item 0 = %+v, want %+v", g, want0)
	}
	for i, want := range []struct {
		n, part int
		first   string
	}{{jsonLinksMax, 0, "c-2000"}, {1, 1, fmt.Sprintf("c-2%03d", jsonLinksMax)}} {
		g := got[i+1]
		if g.A != "c-1" || len(g.Agree) != want.n || g.part != want.part || g.Agree[0].B != want.first || len(g.Disagree) != 0 {
			t.Errorf("item %d: a %q, %d agree from %q, part %d; want c-1, %d from %q, part %d", i+1, g.A, len(g.Agree), g.Agree[0].B, g.part, want.n, want.first, want.part)
		}
	}
}
