package annotate

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// SignalNames are the signals the agree decision combines for a pair of
// claims, in the order of [PairSignals.X] and [Decision.Weights]:
//
//   - wordLo, wordHi: the IDF-weighted soft alignment of content words,
//     the weaker and the stronger direction (how much of one claim the
//     other covers);
//   - entLo, entHi: the IDF-weighted share of names found in the other;
//   - mixLo, mixHi: words, names and quantities together;
//   - num: 1 when a quantity with the same value is shared;
//   - noNames: 1 when neither claim names anyone or anything;
//   - quote: the share of quotation trigrams shared;
//   - cos: the cosine of the two sentence vectors (SIF over counter-fitted
//     word vectors; see sentvec.go);
//   - slot: a name fills the same slot of the same (or a related)
//     predicate in both ("arrived in Moscow" / "landed in Moscow").
var SignalNames = []string{"wordLo", "wordHi", "entLo", "entHi", "mixLo", "mixHi", "num", "noNames", "quote", "cos", "slot"}

// values returns the signals in the order of SignalNames.
func (p pairFeat) values() []float64 {
	return []float64{p.wordLo, p.wordHi, p.entLo, p.entHi, p.mixLo, p.mixHi, p.num, p.noNames, p.quote, p.cos, p.slot}
}

// Decision is how the signals of a pair become a decision: the
// probability that two claims report one fact is σ(Bias + Σ Weights·X);
// a claim's best counterpart in another source needs Low, a further one
// High. tools/stanceeval -fit fits it; [DefaultDecision] is the fit in
// use.
type Decision struct {
	Bias      float64
	Weights   []float64 // parallel to SignalNames
	Low, High float64
	// Event is the probability a pair that shares an event gets at
	// least, whatever its signals (see sharedEvent); 0 turns the rule
	// off.
	Event float64
}

// DefaultDecision returns the decision Annotate uses.
func DefaultDecision() Decision {
	w := decisionWeights
	return Decision{Bias: w.bias, Weights: w.values(), Low: agreeLow, High: agreeHigh, Event: eventProb}
}

func (w weights) values() []float64 {
	return []float64{w.wordLo, w.wordHi, w.entLo, w.entHi, w.mixLo, w.mixHi, w.num, w.noNames, w.quote, w.cos, w.slot}
}

// thresholds returns d as the aligner's thresholds.
func (d Decision) thresholds() (thresholds, error) {
	if len(d.Weights) != len(SignalNames) {
		return thresholds{}, fmt.Errorf("annotate: decision has %d weights, want %d (%v)", len(d.Weights), len(SignalNames), SignalNames)
	}
	if !(d.Low > 0 && d.Low <= d.High && d.High < 1) {
		return thresholds{}, fmt.Errorf("annotate: decision thresholds must be 0 < low <= high < 1, got %g and %g", d.Low, d.High)
	}
	if !(d.Event >= 0 && d.Event < 1) {
		return thresholds{}, fmt.Errorf("annotate: decision event probability must be 0 <= event < 1, got %g", d.Event)
	}
	v := d.Weights
	w := &weights{bias: d.Bias, wordLo: v[0], wordHi: v[1], entLo: v[2], entHi: v[3], mixLo: v[4], mixHi: v[5],
		num: v[6], noNames: v[7], quote: v[8], cos: v[9], slot: v[10]}
	return thresholds{low: d.Low, high: d.High, w: w, event: d.Event}, nil
}

// PairSignals are the signals of one candidate pair of claims of
// different sources: the claims, the signals of the parts of them that
// the decision in use compares (the two sentences, a clause of one, or
// two adjacent sentences read as one against a headline), which parts
// those were, and the probability the decision gives.
type PairSignals struct {
	A, B string // claim IDs, A < B
	X    []float64
	Part string // "sentence", "clause" or "window"
	P    float64
}

// Signals returns the signals of every candidate pair of the sources
// (drafts left out), in the order of the claim IDs: what a fitting tool
// needs to refit the decision on labelled pairs. It uses the
// Annotator's decision to choose each pair's parts.
func (a *Annotator) Signals(ctx context.Context) ([]PairSignals, error) {
	all, err := a.extracted()
	if err != nil {
		return nil, err
	}
	var docs []*docFeat
	for _, d := range all {
		if !d.src.Draft {
			docs = append(docs, d)
		}
	}
	th, err := a.thresholds()
	if err != nil {
		return nil, err
	}
	c, _ := prepare(docs, a.lex, nil, false, false)
	pairs, err := c.pairs(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]PairSignals, 0, len(pairs))
	for k, pr := range pairs {
		if k%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		i, j := int(pr[0]), int(pr[1])
		x, y := c.nodes[i], c.nodes[j]
		p, f, part := c.bestPart(i, j, c.sc.features(x, y), th.w)
		ps := PairSignals{A: x.f.claim.ID, B: y.f.claim.ID, X: f.values(), Part: part, P: p}
		if ps.B < ps.A {
			ps.A, ps.B = ps.B, ps.A
		}
		out = append(out, ps)
	}
	slices.SortFunc(out, func(x, y PairSignals) int {
		if c := strings.Compare(x.A, y.A); c != 0 {
			return c
		}
		return strings.Compare(x.B, y.B)
	})
	return out, nil
}

// thresholds returns the decision in use: the tests' own, else
// Options.Decision, else the default.
func (a *Annotator) thresholds() (thresholds, error) {
	if th := a.opts.th; th.high != 0 {
		return th, nil
	}
	if d := a.opts.Decision; d != nil {
		return d.thresholds()
	}
	return thresholds{high: agreeHigh, low: agreeLow, w: &decisionWeights, event: eventProb}, nil
}
