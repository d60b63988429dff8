package annotate

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// TestDumpPairs lists a corpus's candidate pairs by probability with
// their signals and gold labels (A agree, D disagree, - none), and gold
// pairs the index never proposed:
//
//	DUMP=seeds go test ./internal/annotate -run TestDumpPairs -v
func TestDumpPairs(t *testing.T) {
	dir := os.Getenv("DUMP")
	if dir == "" {
		t.Skip()
	}
	gold := map[string]string{"seeds": "gold.yaml", "storm": "storm-gold.yaml", "quake": "quake-gold.yaml"}[dir]
	a := New()
	for _, s := range loadCorpus(t, dir) {
		a.Update(s)
	}
	ann, _ := a.Annotation(t.Context(), nil)
	ga, gd := loadGold(t, filepath.Join("testdata", gold), ann.Claims)
	docs, _ := a.extracted()
	c, _ := prepare(docs, a.lex, nil, false, false)
	pairs, _ := c.pairs(t.Context())
	type row struct {
		p      float64
		f      pairFeat
		lab    string
		ta, tb string
	}
	var rows []row
	inCand := map[[2]string]bool{}
	for _, p := range pairs {
		x, y := c.nodes[p[0]], c.nodes[p[1]]
		k := [2]string{x.f.claim.ID, y.f.claim.ID}
		if k[1] < k[0] {
			k[0], k[1] = k[1], k[0]
		}
		inCand[k] = true
		lab := "-"
		if _, ok := ga[k]; ok {
			lab = "A"
		}
		if g, ok := gd[k]; ok {
			lab = "D" + string(g.kind)
		}
		f := c.sc.features(x, y)
		rows = append(rows, row{f.prob(&decisionWeights), f, lab, x.f.claim.Source + ":" + x.f.claim.Text, y.f.claim.Source + ":" + y.f.claim.Text})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].p > rows[j].p })
	for i, r := range rows {
		if r.lab == "-" && i > 60 {
			continue
		}
		t.Logf("%3d %s p=%.2f w=%.2f/%.2f e=%.2f/%.2f m=%.2f/%.2f n=%.0f q=%.2f\n     %.100s\n     %.100s", i, r.lab, r.p, r.f.wordLo, r.f.wordHi, r.f.entLo, r.f.entHi, r.f.mixLo, r.f.mixHi, r.f.num, r.f.quote, r.ta, r.tb)
	}
	for k, g := range ga {
		if !inCand[k] {
			t.Logf("not proposed: %s", g.desc)
		}
	}
	for k, g := range gd {
		if !inCand[k] {
			t.Logf("not proposed: %s", g.desc)
		}
	}
}

// TestDumpLinks lists a corpus's links with their reasons:
//
//	LINKS=quake go test ./internal/annotate -run TestDumpLinks -v
func TestDumpLinks(t *testing.T) {
	dir := os.Getenv("LINKS")
	if dir == "" {
		t.Skip()
	}
	ann, _ := Annotate(t.Context(), loadCorpus(t, dir), nil)
	text := map[string]string{}
	for _, c := range ann.Claims {
		text[c.ID] = c.Source + ": " + c.Text
	}
	for _, l := range ann.Links {
		t.Logf("%s %s %.2f %s\n   %.100s\n   %.100s", l.Relation, l.Kind, l.Score, l.Reason, text[l.A], text[l.B])
	}
}
