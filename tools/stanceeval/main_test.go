package main

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
	"github.com/brief-dev/brief/internal/stancedata"
)

func TestCollapse(t *testing.T) {
	ex := stancedata.Example{A: &brief.Source{ID: "headline"}, B: &brief.Source{ID: "body-1"}}
	claims := []*brief.Claim{
		{ID: "h1", Source: "headline", Kind: brief.KindClaim, Text: "H"},
		{ID: "b1", Source: "body-1", Kind: brief.KindClaim, Text: "B1"},
		{ID: "b2", Source: "body-1", Kind: brief.KindClaim, Text: "B2"},
		{ID: "b3", Source: "body-1", Kind: brief.KindClaim, Text: "B3"},
	}
	for _, c := range []struct {
		name  string
		links []brief.Link
		pred  string
		score float64
		textB string
	}{
		{"NoLinks", nil, stancedata.None, 0, "B1"},
		{"StrongestAgree", []brief.Link{{A: "b1", B: "h1", Relation: brief.Agree, Score: 0.4}, {A: "b2", B: "h1", Relation: brief.Agree, Score: 0.9}}, stancedata.Agree, 0.9, "B2"},
		{"AnyDisagreeWins", []brief.Link{{A: "b1", B: "h1", Relation: brief.Agree, Score: 0.95}, {A: "b3", B: "h1", Relation: brief.Disagree, Score: 0.3}}, stancedata.Disagree, 0.3, "B3"},
		{"SameSourceIgnored", []brief.Link{{A: "b1", B: "b2", Relation: brief.Disagree, Score: 0.9}}, stancedata.None, 0, "B1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := collapse(ex, &brief.Annotation{Claims: claims, Links: c.links})
			if v.pred != c.pred || v.textB != c.textB || v.textA != "H" {
				t.Fatalf("pred %s A %q B %q, want %s, H, %q", v.pred, v.textA, v.textB, c.pred, c.textB)
			}
			if v.link != nil && v.link.Score != c.score {
				t.Errorf("decisive score %.2f, want %.2f", v.link.Score, c.score)
			}
		})
	}
}

func TestClasses(t *testing.T) {
	c := confusion{}
	for _, r := range []struct {
		gold, pred string
		n          int
	}{{"agree", "agree", 8}, {"agree", "none", 2}, {"disagree", "agree", 3}, {"disagree", "disagree", 1}, {"discuss", "agree", 4}, {"unrelated", "none", 10}} {
		for range r.n {
			c.add(r.gold, r.pred)
		}
	}
	cls := c.classes(func(l string) string { return stancedata.Relation("fnc1", l) })
	if got := cls[stancedata.Agree]; got != (prf{tp: 8, fp: 7, fn: 2}) {
		t.Errorf("agree %+v", got)
	}
	if got := cls[stancedata.Disagree]; got != (prf{tp: 1, fp: 0, fn: 3}) {
		t.Errorf("disagree %+v", got)
	}
	if got := cls[stancedata.None]; got != (prf{tp: 10, fp: 2, fn: 4}) {
		t.Errorf("none %+v", got)
	}
	want := (2*8.0/15*0.8/(8.0/15+0.8) + 2*1*0.25/1.25 + 2*(10.0/12)*(10.0/14)/((10.0/12)+(10.0/14))) / 3
	if got := macro(cls); math.Abs(got-want) > 1e-9 {
		t.Errorf("macro %.4f, want %.4f", got, want)
	}
	if got := macro(c.classes(discussAgree)); got <= macro(cls) {
		t.Errorf("discuss as agree %.3f: should raise agree precision here", got)
	}
}

func TestSpearman(t *testing.T) {
	for _, c := range []struct {
		x, y []float64
		want float64
	}{
		{[]float64{1, 2, 3, 4}, []float64{10, 20, 30, 40}, 1},
		{[]float64{1, 2, 3, 4}, []float64{4, 3, 2, 1}, -1},
		{[]float64{1, 2, 3, 4}, []float64{0, 0, 1, 1}, 0.894427191},
		{[]float64{1, 2, 3}, []float64{5, 5, 5}, 0},
	} {
		if got := spearman(c.x, c.y); math.Abs(got-c.want) > 1e-6 {
			t.Errorf("spearman(%v, %v) = %.6f, want %.6f", c.x, c.y, got, c.want)
		}
	}
}

func TestReliabilityBins(t *testing.T) {
	r := reliability{}
	r.add("agree", 0, true)
	r.add("agree", 0.95, false)
	r.add("agree", 1, true)
	r.add("agree", 0.31, true)
	bins := r["agree"]
	if bins[0] != [2]int{1, 1} || bins[9] != [2]int{2, 1} || bins[3] != [2]int{1, 1} {
		t.Fatalf("bins %v", bins)
	}
}

// TestSeeds runs the seeds measurement end to end; the seeds are in the
// repository, so it never skips. The figures must be those TestEvaluate
// prints for the same annotations (its counts are not exported, so this
// checks that the gold files resolve and the counts add up).
func TestSeeds(t *testing.T) {
	var out bytes.Buffer
	if err := run(t.Context(), []string{"-sets", "seeds", "-errors", filepath.Join(t.TempDir(), "e.tsv")}, &out, os.Stderr); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| gold.yaml |", "| gold-independent.yaml |", "agree links (seeds)", "misclassified examples written"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

func TestLoadGoldErrors(t *testing.T) {
	dir := t.TempDir()
	claims := []*brief.Claim{{ID: "x", Source: "a", Text: "The “talks” began."}, {ID: "y", Source: "b", Text: "Talks began."}, {ID: "z", Source: "b", Text: "Talks ended."}}
	for _, c := range []struct{ name, yaml, err string }{
		{"OK", "agree:\n  - [a, \"the \\\"talks\\\"\", b, began]\n", ""},
		{"Ambiguous", "agree:\n  - [a, talks, b, talks]\n", `2 claims of "b" contain "talks"`},
		{"Short", "agree:\n  - [a, talks]\n", "want source, fragment"},
		{"Syntax", "agree: [\n", "gold.yaml"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := filepath.Join(dir, "gold.yaml")
			os.WriteFile(f, []byte(c.yaml), 0o644)
			agree, _, err := loadGold(f, claims)
			if c.err == "" {
				if err != nil || len(agree) != 1 {
					t.Fatalf("agree %v, err %v", agree, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Fatalf("err %v, want %q", err, c.err)
			}
		})
	}
}

// TestStanceData measures a small sample of every public set; it skips
// when tools/stancedata has not prepared the data.
func TestStanceData(t *testing.T) {
	if _, err := stancedata.Dir(); errors.Is(err, stancedata.ErrNoData) {
		t.Skipf("%v", err)
	}
	var out bytes.Buffer
	if err := run(t.Context(), []string{"-sets", "fnc1,sick", "-fnc-per-label", "3", "-fnc-max", "40", "-check", "3"}, &out, os.Stderr); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Balanced sample: 3 dev pairs of each label (12)", "All of dev (40 of 9716 pairs)", "contradiction F1", "0 of 3 sampled examples re-annotated afresh"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}
