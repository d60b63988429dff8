package build

import (
	"context"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
)

// exampleAnalysis loads and annotates the example project (the
// repository root: brief.yaml, content/) with the real annotator and
// returns what the briefing is made from.
func exampleAnalysis(t *testing.T) *analysis {
	t.Helper()
	b := NewBuilder(Options{Root: "../.."})
	b.reset()
	root, closeRoot, err := projectFS(b.opts.Root)
	if err != nil {
		t.Fatal(err)
	}
	defer closeRoot()
	b.root = root
	in, err := b.load(context.Background(), &Report{})
	if err != nil {
		t.Fatal(err)
	}
	ann, err := b.annotate(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return analyze(ann)
}

// TestExampleGrouping checks issue 10, acceptance 3, on the example
// project: no fact joins two claims that disagree, or two claims linked
// only through a third (every claim of a fact agrees directly with the
// sentence the fact shows); every contested point has 2-4 versions that
// each disagree directly with the first and agree with no other, and
// each reason joins the two versions it names, quoting the sentences
// they show.
func TestExampleGrouping(t *testing.T) {
	a := exampleAnalysis(t)
	rel := map[[2]string]map[brief.Relation]bool{}
	for _, l := range a.ann.Links {
		for _, k := range [][2]string{{l.A, l.B}, {l.B, l.A}} {
			if rel[k] == nil {
				rel[k] = map[brief.Relation]bool{}
			}
			rel[k][l.Relation] = true
		}
	}
	multi := 0
	for _, f := range a.facts {
		if len(f.claims) < 2 {
			continue
		}
		multi++
		for i, c := range f.claims {
			if c != f.best && !rel[[2]string{c.ID, f.best.ID}][brief.Agree] {
				t.Errorf("fact %s: %s (%q) does not agree directly with the sentence shown, %s (%q)", f.id, c.ID, c.Text, f.best.ID, f.best.Text)
			}
			for _, d := range f.claims[i+1:] {
				if rel[[2]string{c.ID, d.ID}][brief.Disagree] {
					t.Errorf("fact %s: %s and %s disagree", f.id, c.ID, d.ID)
				}
			}
		}
	}
	pts := a.contestPoints()
	if multi == 0 || len(pts) == 0 {
		t.Fatalf("%d facts of several claims, %d contested points: the example should have both", multi, len(pts))
	}
	checkPoints(t, a)
	for _, p := range pts {
		for _, r := range p.reasons {
			x, y := p.shown[r.a].ID, p.shown[r.b].ID
			if !(r.link.A == x && r.link.B == y || r.link.A == y && r.link.B == x) {
				t.Errorf("%s: reason %q (%s vs %s) is not between the sentences versions %d and %d show (%s, %s)",
					p.id, r.link.Reason, r.link.A, r.link.B, r.a+1, r.b+1, x, y)
			}
		}
	}
	t.Logf("%d facts of several claims, %d contested points", multi, len(pts))
}
