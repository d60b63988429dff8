package annotate

import (
	"context"
	"reflect"
	"runtime"
	"slices"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
)

// TestAnnotateProcs checks that the annotation does not depend on the
// number of processors: extraction, the index's keys, scoring, the
// decision and the debunking check split their work among GOMAXPROCS
// goroutines above a size (indexBlock, minParallelPairs), and the
// corpus is large enough for each to.
// Both Annotate and an incremental Annotator, which keeps reasons and
// alignments between passes, are checked.
func TestAnnotateProcs(t *testing.T) {
	ctx := context.Background()
	srcs := append(genCorpus(40), storySources()...)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var want *brief.Annotation
	for _, procs := range []int{1, 2, 3, 8} {
		runtime.GOMAXPROCS(procs)
		got, err := Annotate(ctx, srcs, nil)
		if err != nil {
			t.Fatal(err)
		}
		if want == nil {
			want = got
			if len(want.Links) < minParallelPairs || len(want.Claims) < 2*indexBlock {
				t.Fatalf("%d claims, %d links: too few for the index and the decision to be made in parallel", len(want.Claims), len(want.Links))
			}
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("GOMAXPROCS %d: Annotate differs from GOMAXPROCS 1 (%d/%d links)", procs, len(got.Links), len(want.Links))
		}
		a := New()
		for _, s := range srcs {
			a.Update(s)
		}
		for pass := range 2 { // the second reuses the first's memos
			got, err := a.Annotation(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("GOMAXPROCS %d: Annotator pass %d differs from Annotate at GOMAXPROCS 1 (%d/%d links)", procs, pass+1, len(got.Links), len(want.Links))
			}
		}
	}
}

// TestBestBoth checks that bestBoth, which asks the lexicon once for
// each pair of words, gives what bestIn gives in each direction, for
// the pairs of a small corpus's claims and clauses.
func TestBestBoth(t *testing.T) {
	a := NewWith(Options{Once: true})
	for _, s := range append(genCorpus(6), storySources()...) {
		a.Update(s)
	}
	docs, err := a.extracted()
	if err != nil {
		t.Fatal(err)
	}
	c, _ := prepare(docs, a.lex, nil, false, true)
	nodes := c.sc.nodes
	pairs := 0
	for i, x := range nodes {
		for _, y := range nodes[i+1:] {
			got := c.sc.bestBoth(x, y)
			want := c.sc.bestIn(c.sc.bestIn(nil, x, y), y, x)
			if !slices.Equal(got, want) {
				t.Fatalf("%q / %q: bestBoth %v, bestIn %v", x.f.claim.Text, y.f.claim.Text, got, want)
			}
			pairs++
		}
	}
	if pairs < 1000 {
		t.Fatalf("only %d pairs", pairs)
	}
}
