package annotate

import (
	"cmp"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/brief-dev/brief/internal/lexicon"
)

// TestSentenceSimilaritySeeds measures how well lexicon.SentenceVector
// alone ranks the hand-annotated agreeing pairs of the seeds above every
// other pair of claims from different sources, next to a plain mean of
// GloVe vectors: ROC AUC, and the share of gold pairs among the top n by
// cosine (n = the number of gold pairs). It is a measurement for combining
// the signal in the scorer, not a use of it.
func TestSentenceSimilaritySeeds(t *testing.T) {
	srcs := loadCorpus(t, "seeds")
	a := New()
	for _, s := range srcs {
		a.Update(s)
	}
	ann, err := a.Annotation(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	lx := lexicon.Default()
	tokens := func(s string) []string {
		return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' })
	}
	mean := func(words []string) []float32 {
		var sum []float32
		for _, w := range words {
			if v, ok := lx.Vector(w); ok {
				if sum == nil {
					sum = make([]float32, lexicon.Dims)
				}
				for i, x := range v {
					sum[i] += float32(x)
				}
			}
		}
		return sum
	}
	for _, gold := range []string{"gold.yaml", "gold-independent.yaml"} {
		agree, _ := loadGold(t, filepath.Join("testdata", gold), ann.Claims)
		type scored struct {
			sif, glove float64
			pos        bool
		}
		var pairs []scored
		sif := make([][]float32, len(ann.Claims))
		glove := make([][]float32, len(ann.Claims))
		for i, c := range ann.Claims {
			w := tokens(c.Text)
			sif[i], glove[i] = lx.SentenceVector(w), mean(w)
		}
		for i, ci := range ann.Claims {
			for j := i + 1; j < len(ann.Claims); j++ {
				cj := ann.Claims[j]
				if ci.Source == cj.Source {
					continue
				}
				k := [2]string{ci.ID, cj.ID}
				if k[1] < k[0] {
					k[0], k[1] = k[1], k[0]
				}
				_, pos := agree[k]
				pairs = append(pairs, scored{
					sif:   float64(lexicon.Cosine(sif[i], sif[j])),
					glove: float64(lexicon.Cosine(glove[i], glove[j])),
					pos:   pos,
				})
			}
		}
		measure := func(score func(scored) float64) (auc, topShare float64) {
			s := slices.Clone(pairs)
			slices.SortStableFunc(s, func(x, y scored) int { return cmp.Compare(score(y), score(x)) })
			npos := 0
			for _, p := range s {
				if p.pos {
					npos++
				}
			}
			// AUC: the share of (positive, negative) pairs ranked right.
			var right float64
			negAbove := 0
			top := 0
			for r, p := range s {
				if p.pos {
					right += float64(len(s) - npos - negAbove)
					if r < npos {
						top++
					}
				} else {
					negAbove++
				}
			}
			return right / float64(npos*(len(s)-npos)), float64(top) / float64(npos)
		}
		aucS, topS := measure(func(p scored) float64 { return p.sif })
		aucG, topG := measure(func(p scored) float64 { return p.glove })
		t.Logf("%s: %d cross-source pairs, %d agree; SentenceVector AUC %.3f, top-n %.2f; GloVe mean AUC %.3f, top-n %.2f",
			gold, len(pairs), len(agree), aucS, topS, aucG, topG)
		if aucS < aucG {
			t.Errorf("%s: SentenceVector AUC %.3f below the GloVe mean's %.3f", gold, aucS, aucG)
		}
	}
}
