package build

import (
	"testing"

	"github.com/brief-dev/brief/internal/annotate"
	"github.com/brief-dev/brief/internal/brief"
)

// checkPoints fails if a point has fewer than 2 or more than maxVersions
// versions, a version that does not disagree directly with the first,
// two versions with an agree link between them, or a reason that does
// not name two versions it joins by a link.
func checkPoints(t *testing.T, a *analysis) {
	t.Helper()
	rel := map[[2]*fact]map[brief.Relation]bool{}
	for _, l := range a.ann.Links {
		fa, fb := a.factOf[l.A], a.factOf[l.B]
		if fa == nil || fb == nil {
			continue
		}
		for _, k := range [][2]*fact{{fa, fb}, {fb, fa}} {
			if rel[k] == nil {
				rel[k] = map[brief.Relation]bool{}
			}
			rel[k][l.Relation] = true
		}
	}
	for _, p := range a.contestPoints() {
		if n := len(p.versions); n < 2 || n > maxVersions {
			t.Errorf("%s: %d versions", p.id, n)
		}
		for i, v := range p.versions {
			if i > 0 && !rel[[2]*fact{p.versions[0], v}][brief.Disagree] {
				t.Errorf("%s: version %d does not disagree with version 1 directly", p.id, i+1)
			}
			for _, w := range p.versions[i+1:] {
				if rel[[2]*fact{v, w}][brief.Agree] {
					t.Errorf("%s: versions %s and %s agree", p.id, v.id, w.id)
				}
			}
		}
		for _, r := range p.reasons {
			x, y := p.versions[r.a], p.versions[r.b]
			if a.factOf[r.link.A] != x && a.factOf[r.link.A] != y || a.factOf[r.link.B] != x && a.factOf[r.link.B] != y {
				t.Errorf("%s: reason %q does not join versions %d and %d", p.id, r.link.Reason, r.a+1, r.b+1)
			}
		}
	}
}

func TestContestPoints(t *testing.T) {
	var claims []*brief.Claim
	for _, id := range []string{"a1", "b1", "c1", "d1", "e1", "a2", "b2"} {
		claims = append(claims, &brief.Claim{ID: id, Source: id[:1], Kind: brief.KindClaim, Text: "claim " + id})
	}
	agree := func(x, y string) brief.Link { return brief.Link{A: x, B: y, Relation: brief.Agree, Score: 0.9} }
	dis := func(x, y string, k brief.DisagreeKind) brief.Link {
		return brief.Link{A: x, B: y, Relation: brief.Disagree, Kind: k, Score: 0.7, Reason: string(k) + ": “" + x + "” vs “" + y + "”"}
	}
	links := []brief.Link{
		agree("a1", "b1"), // fact {a1 b1}
		dis("a1", "c1", brief.KindStatus),
		dis("b1", "d1", brief.KindStatus),
		agree("c1", "d1"),                 // c1, d1 are one fact: one version, not two
		dis("a1", "e1", brief.KindNumber), // another slot: another point
		dis("c1", "a2", brief.KindStatus), // a2 disagrees with c1 only: joined to {a1 b1} through nobody
		agree("a2", "b2"),
	}
	ann := &brief.Annotation{Sources: []*brief.Source{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}, {ID: "e"}},
		Claims: claims, Links: links}
	ann.Clusters = annotate.Clusters(claims, links)
	a := analyze(ann)
	checkPoints(t, a)
	pts := a.contestPoints()
	if len(pts) != 3 {
		for _, p := range pts {
			t.Logf("%s: %d versions", p.id, len(p.versions))
		}
		t.Fatalf("%d points, want 3 (status of {a1 b1}, number of {a1 b1}, status of {a2 b2})", len(pts))
	}
	for _, p := range pts {
		if len(p.versions) != 2 || len(p.reasons) != 1 {
			t.Errorf("%s: %d versions, %d reasons, want 2 and 1", p.id, len(p.versions), len(p.reasons))
		}
	}
}
