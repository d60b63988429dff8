package build

import (
	"fmt"
	"strings"
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
	asked := map[string]bool{}
	shown := map[factPair]bool{}
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
		for i, c := range p.shown {
			if a.factOf[c.ID] != p.versions[i] {
				t.Errorf("%s: version %d shows %s, a sentence of another fact", p.id, i+1, c.ID)
			}
		}
		// One question once: a slot is asked about in one point, and a
		// pair of facts is shown in one point.
		q := p.versions[0].id + " " + string(p.kind)
		if asked[q] {
			t.Errorf("%s: the %s of %s is asked about twice", p.id, p.kind, p.versions[0].id)
		}
		asked[q] = true
		for i, v := range p.versions {
			for _, w := range p.versions[i+1:] {
				if shown[pairOf(v, w)] && rel[[2]*fact{v, w}][brief.Disagree] {
					t.Errorf("%s: versions %s and %s are shown against each other in another point too", p.id, v.id, w.id)
				}
			}
		}
		for i, v := range p.versions {
			for _, w := range p.versions[i+1:] {
				shown[pairOf(v, w)] = true
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
	agree := func(x, y string) brief.Link { return brief.Link{A: x, B: y, Relation: brief.Agree, Score: 0.9} }
	dis := func(x, y string, k brief.DisagreeKind) brief.Link {
		return brief.Link{A: x, B: y, Relation: brief.Disagree, Kind: k, Score: 0.7, Reason: string(k) + ": “" + x + "” vs “" + y + "”"}
	}
	// points builds claims (ID: source letter, then a number) with links
	// and returns the points, checked.
	points := func(t *testing.T, ids []string, links []brief.Link) []*point {
		t.Helper()
		var claims []*brief.Claim
		srcs := map[string]bool{}
		var sources []*brief.Source
		for _, id := range ids {
			claims = append(claims, &brief.Claim{ID: id, Source: id[:1], Kind: brief.KindClaim, Text: "claim " + id})
			if !srcs[id[:1]] {
				srcs[id[:1]] = true
				sources = append(sources, &brief.Source{ID: id[:1]})
			}
		}
		ann := &brief.Annotation{Sources: sources, Claims: claims, Links: links}
		ann.Clusters = annotate.Clusters(claims, links)
		a := analyze(ann)
		checkPoints(t, a)
		pts := a.contestPoints()
		for _, p := range pts {
			t.Logf("%s: %d versions, %d reasons, %d more", p.id, len(p.versions), len(p.reasons), len(p.more))
		}
		return pts
	}

	t.Run("OneQuestionPerSlot", func(t *testing.T) {
		pts := points(t, []string{"a1", "b1", "c1", "d1", "e1", "a2", "b2"}, []brief.Link{
			agree("a1", "b1"), // fact {a1 b1}
			dis("a1", "c1", brief.KindStatus),
			dis("b1", "d1", brief.KindStatus),
			agree("c1", "d1"),                 // c1, d1 are one fact: one version, not two
			dis("a1", "e1", brief.KindNumber), // another slot: another point
			dis("c1", "a2", brief.KindStatus), // {c1 d1} differs from two facts on its status: one point
			agree("a2", "b2"),
		})
		if len(pts) != 2 {
			t.Fatalf("%d points, want 2 (status of {c1 d1} against {a1 b1} and {a2 b2}, number of {a1 b1})", len(pts))
		}
		if got := len(pts[0].versions); got != 3 || pts[0].kind != brief.KindStatus {
			t.Errorf("first point: %s with %d versions, want status with 3", pts[0].kind, got)
		}
		if got := len(pts[1].versions); got != 2 || pts[1].kind != brief.KindNumber {
			t.Errorf("second point: %s with %d versions, want number with 2", pts[1].kind, got)
		}
	})

	// One fact whose title five others give differently (Witkoff "who
	// previously served as" envoy against five sentences calling him the
	// envoy): one point of four versions with the other two listed under
	// it, not five points each asking the same question.
	t.Run("ManyAgainstOne", func(t *testing.T) {
		ids := []string{"a1", "b1", "c1", "d1", "e1", "f1"}
		var links []brief.Link
		for _, id := range ids[1:] {
			links = append(links, dis("a1", id, brief.KindRole))
		}
		pts := points(t, ids, links)
		if len(pts) != 1 {
			t.Fatalf("%d points, want 1", len(pts))
		}
		if p := pts[0]; len(p.versions) != maxVersions || len(p.more) != 2 || p.versions[0].id != "a1" {
			t.Errorf("%d versions (first %s), %d more, want %d versions of a1 and 2 more", len(p.versions), p.versions[0].id, len(p.more), maxVersions)
		}
	})

	// Versions that agree are one version: b1 and c1 agree, so only one
	// of them stands against a1.
	t.Run("AgreeingOthers", func(t *testing.T) {
		pts := points(t, []string{"a1", "b1", "c1", "d1"}, []brief.Link{
			dis("a1", "b1", brief.KindNumber), dis("a1", "c1", brief.KindNumber), dis("a1", "d1", brief.KindNumber),
			agree("b1", "c1"),
		})
		if len(pts) != 1 || len(pts[0].versions) != 3 {
			t.Fatalf("want one point of 3 versions")
		}
	})

	// Two facts that agree by a link but stay apart (c1 takes b2 into
	// its fact, so b1, of the same source, is left out) are one version
	// against a1, not two: the example's "arrives" and "landed" against
	// "heading to".
	t.Run("AgreeAcrossFacts", func(t *testing.T) {
		pts := points(t, []string{"a1", "b1", "b2", "c1"}, []brief.Link{
			agree("b2", "c1"), {A: "b1", B: "c1", Relation: brief.Agree, Score: 0.5},
			dis("a1", "b1", brief.KindStatus), dis("a1", "c1", brief.KindStatus),
		})
		if len(pts) != 1 || len(pts[0].versions) != 2 {
			t.Fatalf("want one point of 2 versions")
		}
	})

	// A chain of disagreements (a1 ≠ b1 ≠ c1, a1 and c1 unlinked) is one
	// question about b1, the fact both contradict directly, with a reason
	// for each of its two pairs and none joining a1 and c1.
	t.Run("Chain", func(t *testing.T) {
		pts := points(t, []string{"a1", "b1", "c1"}, []brief.Link{
			dis("a1", "b1", brief.KindTime), dis("b1", "c1", brief.KindTime),
		})
		if len(pts) != 1 || pts[0].versions[0].id != "b1" || len(pts[0].reasons) != 2 {
			t.Fatalf("want one point about b1 with two reasons")
		}
	})
}

// TestPointHref checks the address of a contested point from the page
// that holds it, from another page, and once the point moves to a page
// of its own: "also contested" must reach the point from wherever the
// fact is shown.
func TestPointHref(t *testing.T) {
	claims := []*brief.Claim{
		{ID: "a1", Source: "a", Kind: brief.KindClaim, Text: "claim a1"},
		{ID: "b1", Source: "b", Kind: brief.KindClaim, Text: "claim b1"},
		{ID: "c1", Source: "c", Kind: brief.KindClaim, Text: "claim c1"},
	}
	links := []brief.Link{{A: "a1", B: "b1", Relation: brief.Disagree, Kind: brief.KindNumber, Score: 0.7, Reason: "number"}}
	ann := &brief.Annotation{Sources: []*brief.Source{{ID: "a"}, {ID: "b"}, {ID: "c"}}, Claims: claims, Links: links}
	ann.Clusters = annotate.Clusters(claims, links)
	a := analyze(ann)
	pts := a.contestPoints()
	if len(pts) != 1 {
		t.Fatalf("%d points, want 1", len(pts))
	}
	id := pts[0].id
	f, lone := a.factOf["a1"], a.factOf["c1"]
	for _, tt := range []struct {
		name, page, from, root, want string
	}{
		{"OnIndex", "", "", "./", "#" + id},
		{"FromLaterPage", "", "briefing/2/", "../../", "../../#" + id},
		{"PointPaged", "briefing/3/", "", "./", "./briefing/3/#" + id},
		{"PointPagedFromOther", "briefing/3/", "briefing/2/", "../../", "../../briefing/3/#" + id},
		{"PointPagedSamePage", "briefing/3/", "briefing/3/", "../../", "#" + id},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a.pointPage = map[string]string{}
			if tt.page != "" {
				a.pointPage[id] = tt.page
			}
			if got := a.pointHref(tt.from, tt.root, f); got != tt.want {
				t.Errorf("pointHref=%q, want %q", got, tt.want)
			}
			if got := a.pointHref(tt.from, tt.root, lone); got != "" {
				t.Errorf("pointHref of an uncontested fact=%q, want \"\"", got)
			}
		})
	}
}

// TestShownReasons: every reason of a point joins the sentences its
// versions show. Version 1's fact has two sentences; the one most
// reasons use is shown, a version that contradicts only the other moves
// to the facts that also differ, and a reason between later versions is
// kept only between their shown sentences.
func TestShownReasons(t *testing.T) {
	c := func(id string) *brief.Claim { return &brief.Claim{ID: id, Text: id} }
	c1, c2, d1, e1, g1 := c("c1"), c("c2"), c("d1"), c("e1"), c("g1")
	f1 := &fact{id: "f1", claims: []*brief.Claim{c1, c2}, best: c1}
	f2 := &fact{id: "f2", claims: []*brief.Claim{d1}, best: d1}
	f3 := &fact{id: "f3", claims: []*brief.Claim{e1}, best: e1}
	f4 := &fact{id: "f4", claims: []*brief.Claim{g1}, best: g1}
	dis := func(x, y *brief.Claim) brief.Link {
		return brief.Link{A: x.ID, B: y.ID, Relation: brief.Disagree, Kind: brief.KindStatus, Score: 0.8}
	}
	a := &analysis{claim: map[string]*brief.Claim{}, factOf: map[string]*fact{}}
	for _, f := range []*fact{f1, f2, f3, f4} {
		for _, x := range f.claims {
			a.claim[x.ID], a.factOf[x.ID] = x, f
		}
	}
	byPair := map[factPair][]brief.Link{
		pairOf(f1, f2): {dis(c2, d1)},
		pairOf(f1, f3): {dis(c2, e1)},
		pairOf(f1, f4): {dis(c1, g1)},
		pairOf(f2, f3): {dis(d1, e1)},
	}
	p := &point{versions: []*fact{f1, f2, f3, f4}, reasons: []pointReason{
		{0, 1, dis(c2, d1)}, {0, 2, dis(c2, e1)}, {0, 3, dis(c1, g1)}, {1, 2, dis(d1, e1)},
	}}
	p.shown = a.shownClaims(p)
	p.reasons = shownReasons(p, byPair)
	if len(p.versions) != 3 || len(p.more) != 1 || p.more[0] != f4 {
		t.Fatalf("versions %d, more %v: want f1, f2, f3 and f4 among more", len(p.versions), p.more)
	}
	if p.shown[0] != c2 {
		t.Fatalf("version 1 shows %s, want c2", p.shown[0].ID)
	}
	if len(p.reasons) != 3 {
		t.Fatalf("%d reasons, want 3", len(p.reasons))
	}
	for _, r := range p.reasons {
		x, y := p.shown[r.a].ID, p.shown[r.b].ID
		if !(r.link.A == x && r.link.B == y || r.link.A == y && r.link.B == x) {
			t.Errorf("reason %s-%s between versions %d and %d, which show %s and %s", r.link.A, r.link.B, r.a+1, r.b+1, x, y)
		}
	}
}

func TestJoinDiff(t *testing.T) {
	words := func(s string, diff ...int) []wordView {
		ws := diffWords(s, "")
		for _, i := range diff {
			ws[i].Diff = true
		}
		return ws
	}
	show := func(ws []wordView) string {
		var b strings.Builder
		for _, w := range ws {
			b.WriteString(w.Space)
			if w.Diff {
				b.WriteString("[" + w.Text + "]")
			} else {
				b.WriteString(w.Text)
			}
		}
		return b.String()
	}
	for _, tt := range []struct {
		name string
		in   []wordView
		want string
	}{
		{"None", words("who served as envoy"), "who served as envoy"},
		{"One", words("who served as envoy", 1), "who [served] as envoy"},
		{"Run", words("who previously served as envoy", 1, 2, 3), "who [previously served as] envoy"},
		{"TwoRuns", words("a b c d e", 0, 1, 3, 4), "[a b] c [d e]"},
		{"All", words("fully liberate", 0, 1), "[fully liberate]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := show(joinDiff(tt.in)); got != tt.want {
				t.Errorf("joinDiff = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestReasonMarks: a contested version marks the one occurrence of the
// words a reason quotes, the cue and its scope as one phrase, not every
// "to" or "it" of the text.
func TestReasonMarks(t *testing.T) {
	norm := func(s string) []string {
		var out []string
		for _, w := range strings.Fields(s) {
			out = append(out, normQuote(w))
		}
		return out
	}
	for _, tt := range []struct {
		name, reason, text string
		want               []int
	}{
		{"Denial", `denial: “no” … “evidence has emerged to indicate it”`,
			"Legends have circulated for a century, but no evidence has emerged to indicate it is possible to live there.",
			[]int{7, 8, 9, 10, 11, 12, 13}},
		{"NotInOtherVersion", `denial: “no” … “evidence has emerged to indicate it”`,
			"It takes a lot to deter me, but it was a bizarre experience to know it.", nil},
		{"Number", `number: “three-year-long war” vs “two-year war”`,
			"The talks aim at halting the two-year war in Ukraine.", []int{6, 7}},
		{"CueApart", `denial: “doubt” … “number of scientists in Perth have”`,
			"A number of scientists in Perth have now cast doubt over the claims.", []int{1, 2, 3, 4, 5, 6, 9}},
		{"SkipsMissingWord", `denial: “not” … “Yes but it also not plausible”`,
			"Yes, but it's also not plausible.", []int{0, 1, 3, 4, 5}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []int
			for _, q := range reasonPhrases(tt.reason) {
				got = append(got, markPhrase(norm(tt.text), q)...)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("marks %v, want %v (%v)", got, tt.want, reasonPhrases(tt.reason))
			}
		})
	}
}
