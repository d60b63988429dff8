package annotate

import (
	"context"
	"reflect"
	"runtime"
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
