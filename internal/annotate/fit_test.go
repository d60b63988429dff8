package annotate

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/brief-dev/brief/internal/logit"
)

// evalCorpora are the annotated corpora: the seeds the weights are fitted
// on, and two hold-outs.
var evalCorpora = [][2]string{{"seeds", "gold.yaml"}, {"storm", "storm-gold.yaml"}, {"quake", "quake-gold.yaml"}}

// candidateSet returns the signals of every candidate pair of a corpus,
// labelled 1 when the gold file relates the pair (agree or disagree), and
// how many gold pairs the index proposed out of how many there are.
func candidateSet(t *testing.T, dir, gold string) (xs [][]float64, ys []float64, found, total int) {
	t.Helper()
	a := New()
	for _, s := range loadCorpus(t, dir) {
		a.Update(s)
	}
	ann, err := a.Annotation(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	ga, gd := loadGold(t, filepath.Join("testdata", gold), ann.Claims)
	docs, _ := a.extracted()
	c, _ := prepare(docs, a.lex, nil, false, false)
	pairs, err := c.pairs(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pairs {
		x, y := c.nodes[p[0]], c.nodes[p[1]]
		k := [2]string{x.f.claim.ID, y.f.claim.ID}
		if k[1] < k[0] {
			k[0], k[1] = k[1], k[0]
		}
		_, inA := ga[k]
		_, inD := gd[k]
		label := 0.0
		if inA || inD {
			label = 1
			found++
		}
		f := c.sc.features(x, y)
		xs = append(xs, f.values())
		ys = append(ys, label)
	}
	return xs, ys, found, len(ga) + len(gd)
}

// TestFitWeights fits decisionWeights on the seeds by L2-regularised
// logistic regression and sweeps the decision thresholds, printing the
// figures on every corpus. It only runs with FIT=1:
//
//	FIT=1 go test ./internal/annotate -run TestFitWeights -v
func TestFitWeights(t *testing.T) {
	if os.Getenv("FIT") == "" {
		t.Skip("set FIT=1")
	}
	xs, ys, found, total := candidateSet(t, "seeds", "gold.yaml")
	t.Logf("seeds: %d candidate pairs, %d of %d gold pairs proposed", len(xs), found, total)
	for _, c := range evalCorpora[1:] {
		x2, _, f2, t2 := candidateSet(t, c[0], c[1])
		t.Logf("%s: %d candidate pairs, %d of %d gold pairs proposed", c[0], len(x2), f2, t2)
	}
	w, err := logit.Fit(xs, ys, nil, 1)
	if err != nil {
		t.Fatal(err)
	}
	fw := weights{bias: w[0], wordLo: w[1], wordHi: w[2], entLo: w[3], entHi: w[4], mixLo: w[5], mixHi: w[6], num: w[7], noNames: w[8], quote: w[9], cos: w[10], slot: w[11]}
	t.Logf("fitted: %s", fmtWeights(fw))
	t.Logf("in use: %s", fmtWeights(decisionWeights))
	for _, wt := range []*weights{&fw} {
		for _, low := range []float64{0.15, 0.2, 0.25, 0.3, 0.35, 0.4} {
			for _, high := range []float64{0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8} {
				if high < low {
					continue
				}
				line := fmt.Sprintf("low=%.2f high=%.2f", low, high)
				for _, c := range evalCorpora {
					a, d, _ := evaluateWith(t, Options{th: thresholds{high: high, low: low, w: wt, event: eventProb}}, c[0], c[1])
					line += fmt.Sprintf(" | %s A %.2f/%.2f/%.2f D %.2f/%.2f", c[0], a.p(), a.r(), a.f(), d.p(), d.r())
				}
				t.Log(line)
			}
		}
	}
}

func fmtWeights(w weights) string {
	return fmt.Sprintf("bias: %.2f, wordLo: %.2f, wordHi: %.2f, entLo: %.2f, entHi: %.2f, mixLo: %.2f, mixHi: %.2f, num: %.2f, noNames: %.2f, quote: %.2f, cos: %.2f",
		w.bias, w.wordLo, w.wordHi, w.entLo, w.entHi, w.mixLo, w.mixHi, w.num, w.noNames, w.quote, w.cos)
}
