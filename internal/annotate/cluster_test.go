package annotate

import (
	"context"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
)

// checkFacts fails if a fact holds two claims of one source, two claims
// that disagree, or a claim without a direct agree link to the fact's
// representative (joined only through a third claim).
func checkFacts(t *testing.T, claims []*brief.Claim, links []brief.Link, facts []brief.Cluster) {
	t.Helper()
	srcOf := map[string]string{}
	for _, c := range claims {
		srcOf[c.ID] = c.Source
	}
	rel := map[[2]string]brief.Relation{}
	for _, l := range links {
		rel[[2]string{l.A, l.B}] = l.Relation
		rel[[2]string{l.B, l.A}] = l.Relation
	}
	seen := map[string]bool{}
	for _, f := range facts {
		srcs := map[string]bool{}
		repIn := false
		for i, x := range f.Claims {
			if seen[x] {
				t.Errorf("%s: claim %s is in two facts", f.ID, x)
			}
			seen[x] = true
			if srcs[srcOf[x]] {
				t.Errorf("%s: two claims of source %s", f.ID, srcOf[x])
			}
			srcs[srcOf[x]] = true
			if x == f.Rep {
				repIn = true
			} else if rel[[2]string{x, f.Rep}] != brief.Agree {
				t.Errorf("%s: %s does not agree with the representative %s directly", f.ID, x, f.Rep)
			}
			for _, y := range f.Claims[i+1:] {
				if rel[[2]string{x, y}] == brief.Disagree {
					t.Errorf("%s: %s and %s disagree", f.ID, x, y)
				}
			}
		}
		if !repIn {
			t.Errorf("%s: representative %s is not a member", f.ID, f.Rep)
		}
	}
}

func TestClustersNoChaining(t *testing.T) {
	claim := func(id, src string) *brief.Claim { return &brief.Claim{ID: id, Source: src, Kind: brief.KindClaim} }
	agree := func(a, b string, s float64) brief.Link {
		return brief.Link{A: a, B: b, Relation: brief.Agree, Score: s}
	}
	claims := []*brief.Claim{claim("a1", "a"), claim("b1", "b"), claim("c1", "c"), claim("d1", "d"), claim("e1", "e"), claim("a2", "a")}
	for _, tt := range []struct {
		name  string
		links []brief.Link
		want  [][]string // facts' claims; the first of each its representative
	}{
		{"Chain", []brief.Link{agree("a1", "b1", 0.9), agree("b1", "c1", 0.8), agree("c1", "d1", 0.9)},
			[][]string{{"b1", "a1", "c1"}}}, // b1 centre (2 sources); d1 left out: it agrees with c1 only
		{"PathOfFour", []brief.Link{agree("a1", "b1", 0.9), agree("c1", "d1", 0.9), agree("b1", "c1", 0.5)},
			[][]string{{"b1", "a1", "c1"}}},
		{"Disagree", []brief.Link{agree("a1", "b1", 0.9), agree("a1", "c1", 0.9),
			{A: "b1", B: "c1", Relation: brief.Disagree, Kind: brief.KindNumber, Score: 0.8}},
			[][]string{{"a1", "b1"}}},
		{"SameSource", []brief.Link{agree("a1", "b1", 0.9), agree("a2", "b1", 0.95)},
			[][]string{{"b1", "a2"}}},
		{"Clique", []brief.Link{agree("a1", "b1", 0.9), agree("a1", "c1", 0.8), agree("b1", "c1", 0.7), agree("d1", "e1", 0.6)},
			[][]string{{"a1", "b1", "c1"}, {"d1", "e1"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := Clusters(claims, tt.links)
			checkFacts(t, claims, tt.links, got)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d facts %v, want %v", len(got), got, tt.want)
			}
			for i, w := range tt.want {
				f := got[i]
				if f.Rep != w[0] || len(f.Claims) != len(w) {
					t.Errorf("fact %d = rep %s %v, want rep %s of %v", i, f.Rep, f.Claims, w[0], w)
				}
			}
		})
	}
}

// On the test corpora, every fact annotate makes is a star of direct
// agreements without a disagreement inside.
func TestFactsAreStars(t *testing.T) {
	for _, dir := range []string{"storm", "quake", "ruling", "seeds"} {
		t.Run(dir, func(t *testing.T) {
			ann, err := Annotate(context.Background(), loadCorpus(t, dir), nil)
			if err != nil {
				t.Fatal(err)
			}
			checkFacts(t, ann.Claims, ann.Links, ann.Clusters)
			if len(ann.Clusters) == 0 {
				t.Error("no facts")
			}
		})
	}
}

// TestClustersDenyingSource: a source that denies or negates a claim of a
// fact, or says its opposite, is none of the fact's sources, though another of its claims agrees
// with the fact's sentence; a disagreement of another kind (a number, a
// role) keeps it in.
func TestClustersDenyingSource(t *testing.T) {
	claims := []*brief.Claim{
		{ID: "a1", Source: "a"}, {ID: "b1", Source: "b"}, {ID: "c1", Source: "c"},
		{ID: "d1", Source: "d"}, {ID: "d2", Source: "d"},
	}
	for _, tt := range []struct {
		kind brief.DisagreeKind
		in   bool
	}{{brief.KindDenial, false}, {brief.KindNegation, false}, {brief.KindOpposite, false}, {brief.KindNumber, true}} {
		t.Run(string(tt.kind), func(t *testing.T) {
			links := []brief.Link{
				{A: "a1", B: "b1", Relation: brief.Agree, Score: 0.9},
				{A: "a1", B: "c1", Relation: brief.Agree, Score: 0.8},
				{A: "b1", B: "c1", Relation: brief.Agree, Score: 0.8},
				{A: "a1", B: "d1", Relation: brief.Agree, Score: 0.7}, // d retells the story
				{A: "c1", B: "d2", Relation: brief.Disagree, Kind: tt.kind, Score: 0.9},
			}
			facts := Clusters(claims, links)
			checkFacts(t, claims, links, facts)
			in := false
			for _, f := range facts {
				for _, s := range f.Sources {
					in = in || s == "d"
				}
			}
			if in != tt.in {
				t.Fatalf("d among a fact's sources: %v, want %v (%+v)", in, tt.in, facts)
			}
		})
	}
}
