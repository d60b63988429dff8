package annotate

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

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
	var docs []*docFeat
	for _, id := range sortedKeys(a.docs) {
		docs = append(docs, a.docs[id].doc)
	}
	c, _ := prepare(docs, a.lex, nil)
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

func TestDumpWords(t *testing.T) {
	if os.Getenv("WORDS") == "" {
		t.Skip()
	}
	a := New()
	for _, s := range loadCorpus(t, "seeds") {
		a.Update(s)
	}
	var docs []*docFeat
	for _, id := range sortedKeys(a.docs) {
		docs = append(docs, a.docs[id].doc)
	}
	c, _ := prepare(docs, a.lex, nil)
	find := func(src, frag string) *node {
		for _, n := range c.nodes {
			if n.f.claim.Source == src && strings.Contains(n.f.claim.Text, frag) {
				return n
			}
		}
		t.Fatalf("no %s %s", src, frag)
		return nil
	}
	for _, p := range [][4]string{{"000", "flew into Moscow", "004", "envoy has landed"}, {"001", "plane had landed", "004", "envoy has landed"}, {"000", "circumspect", "004", "noncommittal"}} {
		x, y := find(p[0], p[1]), find(p[2], p[3])
		for _, pair := range [][2]*node{{x, y}, {y, x}} {
			u, v := pair[0], pair[1]
			line := ""
			for k, id := range u.wids {
				best, bw := 0.0, ""
				for l, id2 := range v.wids {
					if r := c.sc.related(id, id2); r > best {
						best, bw = r, v.f.words[l].lemma
					}
				}
				line += fmt.Sprintf(" %s(%.1f)=%s:%.2f", u.f.words[k].lemma, c.sc.idf[id], bw, best)
			}
			t.Logf("%s ents=%v\n%s", u.f.claim.Text, u.ents, line)
		}
	}
}

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
