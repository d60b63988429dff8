package main

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"sort"
	"sync"

	"github.com/brief-dev/brief/internal/annotate"
	"github.com/brief-dev/brief/internal/brief"
	"github.com/brief-dev/brief/internal/stancedata"
)

// verdict is what brief says of one example: the relation of its two
// sources, collapsed from the links between their claims (any disagree
// link: disagree; else any agree link: agree; else none), and the link
// that decided it (the strongest link of that relation).
type verdict struct {
	ex       stancedata.Example
	pred     string
	link     *brief.Link // nil when pred is none
	textA    string      // the decisive link's claim of A, or A's first claim
	textB    string      // likewise for B
	claims   []*brief.Claim
	links    []brief.Link
	nClaimsB int
	panic    string // the annotator panicked with this
}

// collapse turns an annotation of one example into a verdict.
func collapse(ex stancedata.Example, ann *brief.Annotation) verdict {
	v := verdict{ex: ex, pred: stancedata.None, claims: ann.Claims, links: ann.Links}
	byID := map[string]*brief.Claim{}
	for _, c := range ann.Claims {
		byID[c.ID] = c
		if c.Source == ex.B.ID && c.Kind == brief.KindClaim {
			v.nClaimsB++
		}
	}
	var best *brief.Link
	for i := range ann.Links {
		l := &ann.Links[i]
		a, b := byID[l.A], byID[l.B]
		if a == nil || b == nil || a.Source == b.Source {
			continue
		}
		switch {
		case best == nil:
			best = l
		case l.Relation == brief.Disagree && best.Relation != brief.Disagree:
			best = l
		case l.Relation == best.Relation && l.Score > best.Score:
			best = l
		}
	}
	if best != nil {
		v.pred = string(best.Relation)
		v.link = best
		a, b := byID[best.A], byID[best.B]
		if a.Source != ex.A.ID {
			a, b = b, a
		}
		v.textA, v.textB = a.Text, b.Text
		return v
	}
	for _, c := range ann.Claims {
		if c.Source == ex.A.ID && v.textA == "" {
			v.textA = c.Text
		}
		if c.Source == ex.B.ID && v.textB == "" {
			v.textB = c.Text
		}
	}
	return v
}

// judge annotates every example on workers goroutines and returns the
// verdicts in the examples' order. Examples that share their B source
// (the same FNC-1 body) share one Annotator: the body is split and
// extracted once, and each headline is added, annotated and removed,
// which Annotator.Annotation documents as byte-for-byte what Annotate
// returns for the same two sources (checkSame tests it on a sample).
func judge(ctx context.Context, exs []stancedata.Example, workers int, opts annotate.Options) ([]verdict, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	groups := map[string][]int{}
	var keys []string
	for i, e := range exs {
		k := e.B.ID + "\x00" + string(e.B.Body)
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], i)
	}
	// Biggest groups first, so the workers finish together.
	sort.SliceStable(keys, func(i, j int) bool { return len(groups[keys[i]]) > len(groups[keys[j]]) })
	out := make([]verdict, len(exs))
	work := make(chan []int)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for idx := range work {
				if err := judgeGroup(ctx, exs, idx, out, opts); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	var err error
feed:
	for _, k := range keys {
		select {
		case work <- groups[k]:
		case err = <-errs:
			break feed
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(work)
	wg.Wait()
	if err == nil {
		select {
		case err = <-errs:
		default:
		}
	}
	return out, err
}

func judgeGroup(ctx context.Context, exs []stancedata.Example, idx []int, out []verdict, opts annotate.Options) error {
	var a *annotate.Annotator
	for _, i := range idx {
		if err := ctx.Err(); err != nil {
			return err
		}
		if a == nil {
			a = annotate.NewWith(opts)
			a.Update(exs[idx[0]].B)
		}
		v, err := judgeOne(ctx, a, exs[i])
		if err != nil {
			return err
		}
		if v.panic != "" {
			a = nil // its state is unknown after a panic
		}
		out[i] = v
	}
	return nil
}

// judgeOne annotates one example with a that holds its B source. A panic
// in the annotator is reported in the verdict, so that one bad input
// does not stop the measurement.
func judgeOne(ctx context.Context, a *annotate.Annotator, e stancedata.Example) (v verdict, err error) {
	defer func() {
		if r := recover(); r != nil {
			v = verdict{ex: e, pred: stancedata.None, panic: fmt.Sprint(r)}
		}
	}()
	a.Update(e.A)
	ann, err := a.Annotation(ctx, nil)
	if err != nil {
		return v, fmt.Errorf("%s %s: %w", e.Set, e.ID, err)
	}
	a.Remove(e.A.ID)
	return collapse(e, ann), nil
}

// checkSame annotates up to n examples afresh with annotate.Annotate and
// reports how many differ from the shared-Annotator verdicts.
func checkSame(ctx context.Context, vs []verdict, n int) (checked, differ int, err error) {
	for _, v := range stancedata.Sample(examplesOf(vs), n, "check") {
		ann, err := annotate.Annotate(ctx, []*brief.Source{v.A, v.B}, nil)
		if err != nil {
			return checked, differ, err
		}
		checked++
		var got verdict
		for _, w := range vs {
			if w.ex.Set == v.Set && w.ex.ID == v.ID {
				got = w
			}
		}
		if !sameLinks(ann.Links, got.links) {
			differ++
		}
	}
	return checked, differ, nil
}

func examplesOf(vs []verdict) []stancedata.Example {
	out := make([]stancedata.Example, len(vs))
	for i, v := range vs {
		out[i] = v.ex
	}
	return out
}

func sameLinks(a, b []brief.Link) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.A != y.A || x.B != y.B || x.Relation != y.Relation || x.Kind != y.Kind || x.Score != y.Score || x.Reason != y.Reason {
			return false
		}
	}
	return true
}

// bodyOf returns a source's Markdown body, for messages.
func bodyOf(s *brief.Source) string { return string(bytes.TrimSpace(s.Body)) }
