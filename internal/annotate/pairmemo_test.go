package annotate

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
	gencorpus "github.com/brief-dev/brief/internal/corpus"
)

// corpusSources returns the first n articles of internal/corpus as
// sources, without their front matter.
func corpusSources(n int) map[string]*brief.Source {
	out := map[string]*brief.Source{}
	for path, text := range gencorpus.Articles(n) {
		id := strings.TrimSuffix(path[strings.LastIndex(path, "/")+1:], ".md")
		if _, body, ok := strings.Cut(strings.TrimPrefix(text, "---\n"), "\n---\n"); ok {
			text = body
		}
		out[id] = &brief.Source{ID: id, Path: path, Title: id, Body: []byte(text)}
	}
	return out
}

// TestPairMemo checks that an Annotator over a corpus large enough for
// the IDF total to move in steps (see idfTotal), fed edits, gives after
// each exactly what Annotate gives, and that the edits that leave the
// corpus-wide tables alone take most pairs and pairs of sources from
// the last pass (see pairMemo): an edit of a source (which makes its
// first word a name of the corpus), the same source edited again, a
// word changed (its document frequency moves), a short source added and
// removed, sources and sentences enough to move the IDF total a step
// (nothing is kept), a new name.
func TestPairMemo(t *testing.T) {
	ctx := context.Background()
	cur := corpusSources(40)
	a := New()
	for _, s := range cur {
		a.Update(s)
	}
	edit := func(id string, f func(string) string) {
		s := *cur[id]
		s.Body = []byte(f(string(s.Body)))
		cur[id] = &s
		a.Update(&s)
	}
	probe := func(n int) func(string) string {
		return func(b string) string {
			if i := strings.Index(b, "\n\nProbe number"); i >= 0 {
				b = b[:i+1]
			}
			return b + fmt.Sprintf("\nProbe number %d was added to the article.\n", n)
		}
	}
	var extra strings.Builder
	for k := range 40 {
		fmt.Fprintf(&extra, "Crews counted %d damaged roofs in the district on day %d.\n\n", 10+k, k+1)
	}
	steps := []struct {
		name string
		do   func()
		kept bool // the pass must take pairs from the last (else it may)
	}{
		{"Initial", func() {}, false},
		{"Probe", func() { edit("report-00003", probe(1)) }, true},
		{"ProbeAgain", func() { edit("report-00003", probe(2)) }, true},
		{"ChangeWord", func() {
			edit("report-00011", func(b string) string { return strings.Replace(b, " talks ", " negotiations ", 1) })
		}, true},
		{"Add", func() {
			// Two sentences of another source, so that the total stays
			// in its step.
			s := *cur["report-00005"]
			s.ID, s.Path = "report-99999", "content/sources/report-99999.md"
			sentences := strings.SplitN(strings.TrimSpace(string(s.Body)), ". ", 3)
			s.Body = []byte(strings.Replace(sentences[0]+". "+sentences[1]+".\n", "Wednesday", "Thursday", -1))
			cur[s.ID] = &s
			a.Update(&s)
		}, true},
		{"Remove", func() { delete(cur, "report-99999"); a.Remove("report-99999") }, true},
		{"RemoveMany", func() { delete(cur, "report-00020"); a.Remove("report-00020") }, false},
		{"MoveTotal", func() { edit("report-00030", func(b string) string { return b + "\n" + extra.String() }) }, false},
		{"Revert", func() { edit("report-00030", func(b string) string { return b[:strings.Index(b, "\nCrews counted")] }) }, false},
		{"NewName", func() {
			edit("report-00007", func(b string) string { return b + "\nZebulon Quartermaine-Oyelaran visited the site on Friday.\n" })
		}, false},
		{"Nothing", func() {}, true},
	}
	for _, st := range steps {
		st.do()
		got := sameAsAnnotate(t, ctx, a, cur, st.name)
		last := a.best.pairs.last
		if n := len(got.Claims); n <= idfExact {
			t.Fatalf("%d claims: too few for the IDF total to move in steps", n)
		}
		if st.kept {
			if last.reused == 0 || last.groupsReused == 0 {
				t.Errorf("%s: %d pairs and %d pairs of sources taken from the last pass, want some", st.name, last.reused, last.groupsReused)
			}
		}
		t.Logf("%s: %d claims, %d links; %d pairs and %d pairs of sources from the last pass",
			st.name, len(got.Claims), len(got.Links), last.reused, last.groupsReused)
	}
}

func TestIDFTotal(t *testing.T) {
	for _, tc := range []struct{ n, want int }{
		{1, 1}, {3, 3}, {1024, 1024}, {1025, 1024}, {1031, 1024}, {1032, 1032}, {2047, 2040},
		{37406, 37376}, {37631, 37376}, {37632, 37632},
	} {
		if got := idfTotal(tc.n); got != tc.want {
			t.Errorf("idfTotal(%d) = %d, want %d", tc.n, got, tc.want)
		}
	}
	for n := 1; n < 1<<20; n += 997 {
		if got := idfTotal(n); got > n || float64(n-got) >= float64(n)/(1<<(idfBits-1)) {
			t.Errorf("idfTotal(%d) = %d: more than 1/%d below", n, got, 1<<(idfBits-1))
		}
	}
}

// TestPairMemoDraft is TestPairMemo with the author's draft, whose
// links come from a second pass with a memo of its own: edits of the
// draft and of a source each give what Annotate gives.
func TestPairMemoDraft(t *testing.T) {
	ctx := context.Background()
	cur := corpusSources(32)
	draft := *cur["report-00002"]
	draft.ID, draft.Path, draft.Draft = "briefing", "content/briefing.md", true
	cur[draft.ID] = &draft
	a := New()
	for _, s := range cur {
		a.Update(s)
	}
	edit := func(id string, f func(string) string) {
		s := *cur[id]
		s.Body = []byte(f(string(s.Body)))
		cur[id] = &s
		a.Update(&s)
	}
	steps := []struct {
		name string
		do   func()
	}{
		{"Initial", func() {}},
		{"EditDraft", func() {
			edit("briefing", func(b string) string { return b + "\nThe talks in Doha ended on Friday.\n" })
		}},
		{"EditDraftAgain", func() { edit("briefing", func(b string) string { return strings.Replace(b, "Friday", "Saturday", 1) }) }},
		{"EditSource", func() {
			edit("report-00009", func(b string) string { return b + "\nProbe number 1 was added to the article.\n" })
		}},
		{"Nothing", func() {}},
	}
	reused := 0
	for _, st := range steps {
		st.do()
		sameAsAnnotate(t, ctx, a, cur, st.name)
		reused += a.bestDraft.pairs.last.reused
	}
	if reused == 0 {
		t.Error("the draft's pass took no pair from the last")
	}
}
