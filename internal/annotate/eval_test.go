package annotate

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
	"go.yaml.in/yaml/v3"
)

// loadCorpus reads testdata/<dir>/*.md as sources named by file stem.
func loadCorpus(tb testing.TB, dir string) []*brief.Source {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.md"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no sources in testdata/%s: %v", dir, err)
	}
	sort.Strings(files)
	var srcs []*brief.Source
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".md")
		srcs = append(srcs, &brief.Source{ID: id, Path: f, Body: b, BodyLine: 1})
	}
	return srcs
}

type goldPair struct {
	a, b string // claim IDs, a < b
	kind brief.DisagreeKind
	desc string
}

// loadGold resolves a gold file's fragments to claim IDs.
func loadGold(tb testing.TB, file string, claims []*brief.Claim) (agree, disagree map[[2]string]goldPair) {
	tb.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		tb.Fatal(err)
	}
	var g struct {
		Agree    [][]string `yaml:"agree"`
		Disagree [][]string `yaml:"disagree"`
	}
	if err := yaml.Unmarshal(data, &g); err != nil {
		tb.Fatal(err)
	}
	conv := func(rows [][]string) map[[2]string]goldPair {
		out := map[[2]string]goldPair{}
		for _, r := range rows {
			ca, wa := resolve(ClaimRef{Source: r[0], Text: r[1]}, claims)
			cb, wb := resolve(ClaimRef{Source: r[2], Text: r[3]}, claims)
			if ca == nil || cb == nil {
				tb.Fatalf("gold %v: %s %s", r, wa, wb)
			}
			p := goldPair{a: ca.ID, b: cb.ID, desc: fmt.Sprintf("%s:%q~%s:%q", r[0], r[1], r[2], r[3])}
			if p.b < p.a {
				p.a, p.b = p.b, p.a
			}
			if len(r) > 4 {
				p.kind = brief.DisagreeKind(r[4])
			}
			out[[2]string{p.a, p.b}] = p
		}
		return out
	}
	return conv(g.Agree), conv(g.Disagree)
}

type prf struct{ tp, fp, fn int }

func (m prf) p() float64 { return ratio(m.tp, m.tp+m.fp) }
func (m prf) r() float64 { return ratio(m.tp, m.tp+m.fn) }
func (m prf) f() float64 {
	if m.p()+m.r() == 0 {
		return 0
	}
	return 2 * m.p() * m.r() / (m.p() + m.r())
}
func (m prf) String() string {
	return fmt.Sprintf("P=%.2f R=%.2f F1=%.2f (tp=%d fp=%d fn=%d)", m.p(), m.r(), m.f(), m.tp, m.fp, m.fn)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// evaluate compares an annotation with a gold file.
func evaluate(t *testing.T, corpus, gold string) (agree, disagree prf, kindOK int) {
	t.Helper()
	return evaluateWith(t, Options{}, corpus, gold)
}

// evaluateWith is evaluate with the given options.
func evaluateWith(t *testing.T, opts Options, corpus, gold string) (agree, disagree prf, kindOK int) {
	t.Helper()
	srcs := loadCorpus(t, corpus)
	a := NewWith(opts)
	for _, s := range srcs {
		a.Update(s)
	}
	ann, err := a.Annotation(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	ga, gd := loadGold(t, filepath.Join("testdata", gold), ann.Claims)
	text := map[string]string{}
	for _, c := range ann.Claims {
		text[c.ID] = c.Source + ": " + c.Text
	}
	verbose := testing.Verbose() && os.Getenv("EVAL_DETAIL") != ""
	got := map[[2]string]brief.Link{}
	var rel reliability
	for _, l := range ann.Links {
		k := [2]string{l.A, l.B}
		got[k] = l
		switch l.Relation {
		case brief.Agree:
			_, right := ga[k]
			rel.add(l.Score, right)
			if right {
				agree.tp++
			} else {
				agree.fp++
				if verbose {
					t.Logf("FP agree %.2f %s\n    %.90s\n    %.90s", l.Score, l.Reason, text[l.A], text[l.B])
				}
			}
		case brief.Disagree:
			if g, ok := gd[k]; ok {
				disagree.tp++
				if g.kind == l.Kind {
					kindOK++
				}
			} else {
				disagree.fp++
				if verbose {
					t.Logf("FP disagree %s\n    %.90s\n    %.90s", l.Reason, text[l.A], text[l.B])
				}
			}
		}
	}
	if testing.Verbose() {
		t.Logf("%s/%s agree links by probability (right by the annotation):\n%s", corpus, gold, rel)
	}
	for _, k := range sortedPairs(ga) {
		if l, ok := got[k]; !ok || l.Relation != brief.Agree {
			agree.fn++
			if verbose {
				t.Logf("FN agree %s (got %q)", ga[k].desc, l.Relation)
			}
		}
	}
	for _, k := range sortedPairs(gd) {
		if l, ok := got[k]; !ok || l.Relation != brief.Disagree {
			disagree.fn++
			if verbose {
				t.Logf("FN disagree %s %s (got %q)", gd[k].kind, gd[k].desc, l.Relation)
			}
		}
	}
	return agree, disagree, kindOK
}

// reliability counts links and right links per probability bin: a
// calibrated p of 0.8 is right about 80% of the time.
type reliability struct{ n, right [5]int }

var reliabilityBins = [5]float64{0, 0.3, 0.5, 0.7, 0.9}

func (r *reliability) add(p float64, right bool) {
	b := 0
	for i, lo := range reliabilityBins {
		if p >= lo {
			b = i
		}
	}
	r.n[b]++
	if right {
		r.right[b]++
	}
}

func (r reliability) String() string {
	var sb strings.Builder
	sb.WriteString("    p          links  right  share\n")
	for i, lo := range reliabilityBins {
		hi := 1.0
		if i+1 < len(reliabilityBins) {
			hi = reliabilityBins[i+1]
		}
		fmt.Fprintf(&sb, "    %.1f–%.1f  %5d  %5d  %5.2f\n", lo, hi, r.n[i], r.right[i], ratio(r.right[i], r.n[i]))
	}
	return sb.String()
}

func sortedPairs(m map[[2]string]goldPair) [][2]string {
	keys := make([][2]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1] })
	return keys
}

// TestEvaluate measures the links against hand annotations and fails
// below floors set just under the measured figures. Run
//
//	go test ./internal/annotate -run TestEvaluate -v
//
// (EVAL_DETAIL=1 lists every false positive and negative).
func TestEvaluate(t *testing.T) {
	for _, c := range []struct {
		corpus, gold                       string
		agreeF1, disagreeRec, disagreePrec float64
	}{
		// Measured: seeds agree P 0.55 R 0.51 F1 0.52, disagree P 0.69 R 0.93
		// (most of the 11 false links are status and former-vs-current
		// role disagreements only the independent annotation lists); storm
		// 0.80, 1.00 1.00; quake 0.61, 1.00 0.78.
		{"seeds", "gold.yaml", 0.50, 0.90, 0.67},
		// A second, blind annotation of the seeds by another reader, never
		// used for tuning: how far the figures hold for someone else's
		// judgement of what agrees.
		// Measured: agree P 0.52 R 0.44 F1 0.48, disagree P 0.94 R 0.81.
		{"seeds", "gold-independent.yaml", 0.47, 0.78, 0.92},
		{"storm", "storm-gold.yaml", 0.78, 0.95, 0.95},
		{"quake", "quake-gold.yaml", 0.58, 0.75, 0.95},
		// A court ruling, written and annotated before the system was
		// run on it.
		// Baseline: agree P 0.60 R 0.60 F1 0.60, disagree P 0.75 R 0.30.
		{"ruling", "ruling-gold.yaml", 0.58, 0.28, 0.73},
	} {
		t.Run(c.corpus+"/"+strings.TrimSuffix(c.gold, ".yaml"), func(t *testing.T) {
			if _, err := os.Stat(filepath.Join("testdata", c.gold)); err != nil {
				t.Skip("no gold file")
			}
			a, d, kinds := evaluate(t, c.corpus, c.gold)
			t.Logf("%s agree:    %v", c.corpus, a)
			t.Logf("%s disagree: %v, kind right %d/%d", c.corpus, d, kinds, d.tp)
			if a.f() < c.agreeF1 {
				t.Errorf("agree F1 %.2f below floor %.2f", a.f(), c.agreeF1)
			}
			if d.r() < c.disagreeRec {
				t.Errorf("disagree recall %.2f below floor %.2f", d.r(), c.disagreeRec)
			}
			if d.p() < c.disagreePrec {
				t.Errorf("disagree precision %.2f below floor %.2f", d.p(), c.disagreePrec)
			}
		})
	}
}
