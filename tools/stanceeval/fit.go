package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"maps"
	"strconv"

	"github.com/brief-dev/brief/internal/annotate"
	"github.com/brief-dev/brief/internal/logit"
	"github.com/brief-dev/brief/internal/stancedata"
)

// fitConfig are the -fit flags.
type fitConfig struct {
	on     bool
	out    string
	lambda float64
	shares string // -fit-shares, "set=share,..." over the defaults
}

// corpora are the project's own annotated corpora under
// internal/annotate/testdata: articles in a folder, a gold file beside it.
var corpora = [][2]string{{"seeds", "gold.yaml"}, {"storm", "storm-gold.yaml"}, {"quake", "quake-gold.yaml"}, {"ruling", "ruling-gold.yaml"}}

// shares are how much each fitting set weighs in the fit, in all: each
// of its pairs weighs share/pairs, so that a large set does not drown
// the others. The corpora are candidate pairs of real multi-source
// articles (what brief sees); MRPC is news sentence pairs labelled
// paraphrase or not; SICK pairs about one scene (entailment or
// contradiction) against pairs that are not (neutral).
var defaultShares = map[string]float64{"corpora": 1, "mrpc": 1, "sick": 0.5}

// labelled are the signals of fitting pairs with their labels: 1 when
// the two claims report one fact (agree or disagree), else 0.
type labelled struct {
	set string
	x   []float64
	y   float64
}

// runFit refits the decision's weights on the fit splits and the
// corpora, then sweeps its thresholds end to end on the dev splits and
// the seeds, and prints the table and the chosen decision.
func (c *config) runFit(ctx context.Context, args []string) error {
	shares := maps.Clone(defaultShares)
	for _, kv := range strings.Split(c.fit.shares, ",") {
		if kv = strings.TrimSpace(kv); kv == "" {
			continue
		}
		k, v, ok := strings.Cut(kv, "=")
		x, err := strconv.ParseFloat(v, 64)
		if _, known := shares[k]; !ok || !known || err != nil || x < 0 {
			return fmt.Errorf("-fit-shares: want set=share with set corpora, mrpc or sick and share >= 0, got %q", kv)
		}
		shares[k] = x
	}
	fmt.Fprintf(c.stdout, "# brief decision fit\n\n`go run ./tools/stanceeval %s`\n\n", strings.Join(args, " "))
	var data []labelled
	for _, cp := range corpora {
		ls, err := c.corpusSignals(ctx, cp[0], cp[1])
		if err != nil {
			return err
		}
		data = append(data, ls...)
	}
	mrpc, err := stancedata.LoadMRPC(c.data)
	if err != nil {
		return err
	}
	sick, err := stancedata.LoadSICK(c.data)
	if err != nil {
		return err
	}
	for _, set := range []struct {
		name string
		ps   []stancedata.Pair
	}{{"mrpc", mrpc}, {"sick", sick}} {
		ls, missed, err := c.pairSignals(ctx, stancedata.PairExamples(set.name, set.ps, stancedata.SplitFit), c.opts)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "- %s fit: %d pairs with a candidate pair of claims (%d without: the index proposes none)\n", set.name, len(ls), missed)
		data = append(data, ls...)
	}
	count := map[string]int{}
	pos := map[string]float64{}
	for _, d := range data {
		count[d.set]++
		pos[d.set] += d.y
	}
	xs := make([][]float64, len(data))
	ys := make([]float64, len(data))
	ws := make([]float64, len(data))
	for i, d := range data {
		xs[i], ys[i] = d.x, d.y
		ws[i] = shares[d.set] * float64(len(data)) / float64(count[d.set]) / float64(len(shares))
	}
	for _, s := range []string{"corpora", "mrpc", "sick"} {
		fmt.Fprintf(c.stdout, "- %s: %d pairs, %.0f of them one fact, share %.1f\n", s, count[s], pos[s], shares[s])
	}
	w, err := logit.Fit(xs, ys, ws, c.fit.lambda)
	if err != nil {
		return err
	}
	cur := annotate.DefaultDecision()
	fmt.Fprintf(c.stdout, "\n| signal | in use | fitted |\n|---|---|---|\n| bias | %.2f | %.2f |\n", cur.Bias, w[0])
	for k, n := range annotate.SignalNames {
		fmt.Fprintf(c.stdout, "| %s | %.2f | %.2f |\n", n, cur.Weights[k], w[k+1])
	}
	fmt.Fprintln(c.stdout)

	// Thresholds, end to end.
	fmt.Fprintf(c.stdout, "End to end on data not fitted on (MRPC and SICK dev) and on the seeds' two annotations "+
		"(gold.yaml is among the fitted corpora, gold-independent.yaml is not); objective: the mean of the two seed agree F1 and MRPC dev accuracy.\n\n"+
		"| decision | low | high | seeds agree F1 (gold / indep.) | seeds link P (gold / indep.) | MRPC dev acc | SICK dev macro-F1 | objective |\n|---|---|---|---|---|---|---|---|\n")
	mrpcDev := stancedata.PairExamples("mrpc", mrpc, stancedata.SplitDev)
	sickDev := stancedata.PairExamples("sick", sick, stancedata.SplitDev)
	type cand struct {
		name string
		d    annotate.Decision
		obj  float64
	}
	var cands []cand
	cands = append(cands, cand{name: "in use", d: cur})
	for _, low := range []float64{0.2, 0.3, 0.4, 0.5} {
		for _, high := range []float64{low, low + 0.1, low + 0.2} {
			cands = append(cands, cand{name: "fitted", d: annotate.Decision{Bias: w[0], Weights: w[1:], Low: low, High: high, Event: annotate.DefaultDecision().Event}})
		}
	}
	best := -1
	for i := range cands {
		cd := &cands[i]
		opts := annotate.Options{Decision: &cd.d}
		rs, _, err := evalSeeds(ctx, c.seeds, []string{"gold.yaml", "gold-independent.yaml"}, reliability{}, opts)
		if err != nil {
			return err
		}
		macc, err := c.mrpcAccuracy(ctx, mrpcDev, opts)
		if err != nil {
			return err
		}
		smf, err := c.sickMacro(ctx, sickDev, opts)
		if err != nil {
			return err
		}
		cd.obj = (rs[0].agree.f() + rs[1].agree.f() + macc) / 3
		fmt.Fprintf(c.stdout, "| %s | %.2f | %.2f | %.2f / %.2f | %.2f / %.2f | %.3f | %.3f | %.3f |\n", cd.name, cd.d.Low, cd.d.High,
			rs[0].agree.f(), rs[1].agree.f(), ratio(rs[0].linksOK, rs[0].links), ratio(rs[1].linksOK, rs[1].links), macc, smf, cd.obj)
		if i > 0 && (best < 0 || cd.obj > cands[best].obj) {
			best = i
		}
	}
	chosen := cands[best].d
	fmt.Fprintf(c.stdout, "\nChosen: low %.2f, high %.2f. As Go (internal/annotate/score.go, align.go):\n\n```go\n%s```\n\n", chosen.Low, chosen.High, goDecision(chosen))

	// Calibration of the chosen decision's probability on dev pairs.
	var dev []labelled
	for _, set := range [][]stancedata.Example{mrpcDev, sickDev} {
		ls, _, err := c.pairSignals(ctx, set, annotate.Options{Decision: &chosen})
		if err != nil {
			return err
		}
		dev = append(dev, ls...)
	}
	fmt.Fprintf(c.stdout, "Reliability of the fitted probability that two claims report one fact, on MRPC and SICK dev pairs "+
		"(one candidate pair an example; right = the pair is a paraphrase, an entailment or a contradiction):\n\n| probability | pairs | one fact | fraction |\n|---|---|---|---|\n")
	var bins [10][2]float64
	for _, d := range dev {
		b := max(0, min(9, int(math.Floor(logit.Prob(w, d.x)*10))))
		bins[b][0]++
		bins[b][1] += d.y
	}
	for i, b := range bins {
		if b[0] > 0 {
			fmt.Fprintf(c.stdout, "| %.1f–%.1f | %.0f | %.0f | %.2f |\n", float64(i)/10, float64(i+1)/10, b[0], b[1], b[1]/b[0])
		}
	}
	fmt.Fprintln(c.stdout)
	if c.fit.out != "" {
		b, err := json.MarshalIndent(decisionFile{Signals: annotate.SignalNames, Bias: chosen.Bias, Weights: chosen.Weights, Low: chosen.Low, High: chosen.High}, "", "  ")
		if err != nil {
			return err
		}
		if err := writeFile(c.fit.out, append(b, '\n')); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "written to %s (measure it with -decision %s)\n", c.fit.out, c.fit.out)
	}
	return nil
}

// corpusSignals returns the candidate pairs of an annotated corpus,
// labelled by its gold file.
func (c *config) corpusSignals(ctx context.Context, name, gold string) ([]labelled, error) {
	opts := c.opts
	opts.AllSignals = true
	a, ann, err := annotateCorpus(ctx, filepath.Join(c.seeds, name), opts)
	if err != nil {
		return nil, err
	}
	agree, disagree, err := loadGold(filepath.Join(c.seeds, gold), ann.Claims)
	if err != nil {
		return nil, err
	}
	sig, err := a.Signals(ctx)
	if err != nil {
		return nil, err
	}
	var out []labelled
	found := 0
	for _, s := range sig {
		k := [2]string{s.A, s.B}
		_, inA := agree[k]
		_, inD := disagree[k]
		y := 0.0
		if inA || inD {
			y = 1
			found++
		}
		out = append(out, labelled{set: "corpora", x: s.X, y: y})
	}
	fmt.Fprintf(c.stdout, "- corpus %s: %d candidate pairs, %d of the %d annotated pairs among them\n", name, len(sig), found, len(agree)+len(disagree))
	return out, nil
}

// pairSignals returns, for each two-sentence example, the signals of its
// most probable candidate pair of claims under opts' decision, labelled 1
// for a paraphrase, an entailment or a contradiction; and how many
// examples had none.
func (c *config) pairSignals(ctx context.Context, exs []stancedata.Example, opts annotate.Options) ([]labelled, int, error) {
	var out []labelled
	missed := 0
	for i, e := range exs {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, 0, err
			}
		}
		opts.AllSignals = true
		a := annotate.NewWith(opts)
		a.Update(e.A)
		a.Update(e.B)
		sig, err := a.Signals(ctx)
		if err != nil {
			return nil, 0, err
		}
		best := -1
		for k, s := range sig {
			if best < 0 || s.P > sig[best].P {
				best = k
			}
		}
		if best < 0 {
			missed++
			continue
		}
		y := 0.0
		if e.Relation != stancedata.None {
			y = 1
		}
		out = append(out, labelled{set: e.Set, x: sig[best].X, y: y})
	}
	return out, missed, nil
}

func (c *config) mrpcAccuracy(ctx context.Context, exs []stancedata.Example, opts annotate.Options) (float64, error) {
	vs, err := judge(ctx, exs, c.workers, opts)
	if err != nil {
		return 0, err
	}
	right := 0
	for _, v := range vs {
		if (v.pred == stancedata.Agree) == (v.ex.Relation == stancedata.Agree) {
			right++
		}
	}
	return ratio(right, len(vs)), nil
}

func (c *config) sickMacro(ctx context.Context, exs []stancedata.Example, opts annotate.Options) (float64, error) {
	vs, err := judge(ctx, exs, c.workers, opts)
	if err != nil {
		return 0, err
	}
	conf := confusion{}
	for _, v := range vs {
		conf.add(v.ex.Label, v.pred)
	}
	return macro(conf.classes(func(l string) string { return stancedata.Relation("sick", l) })), nil
}

// decisionFile is a decision as -fit-out writes it and -decision reads it.
type decisionFile struct {
	Signals   []string  `json:"signals"`
	Bias      float64   `json:"bias"`
	Weights   []float64 `json:"weights"`
	Low, High float64
}

func readDecision(file string) (*annotate.Decision, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var f decisionFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if strings.Join(f.Signals, ",") != strings.Join(annotate.SignalNames, ",") {
		return nil, fmt.Errorf("%s: signals %v, but this brief has %v: refit with -fit", file, f.Signals, annotate.SignalNames)
	}
	return &annotate.Decision{Bias: f.Bias, Weights: f.Weights, Low: f.Low, High: f.High, Event: annotate.DefaultDecision().Event}, nil
}

// goDecision writes d as the Go of decisionWeights and the thresholds.
func goDecision(d annotate.Decision) string {
	var b strings.Builder
	fmt.Fprintf(&b, "var decisionWeights = weights{\n\tbias: %.2f,", d.Bias)
	for k, n := range annotate.SignalNames {
		fmt.Fprintf(&b, " %s: %.2f,", n, d.Weights[k])
	}
	fmt.Fprintf(&b, "\n}\n\nconst (\n\tagreeHigh = %.2f\n\tagreeLow  = %.2f\n)\n", d.High, d.Low)
	return b.String()
}
