package annotate

import (
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
)

// TestSignals: every candidate pair once, IDs ordered, as many signals as
// SignalNames, and the probability the decision in use gives; a paraphrase
// without shared words scores a high sentence cosine.
func TestSignals(t *testing.T) {
	a := NewWith(Options{AllSignals: true})
	a.Update(&brief.Source{ID: "a", Body: []byte("Both were seen wearing combat gear at the command post.\n\nThe talks in Riyadh ended on Tuesday.\n")})
	a.Update(&brief.Source{ID: "b", Body: []byte("Putin appeared in military attire at the command post.\n\nThe talks in Riyadh ended on Tuesday.\n")})
	sig, err := a.Signals(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(sig) == 0 {
		t.Fatal("no candidate pairs")
	}
	seen := map[[2]string]bool{}
	cos := map[string]float64{}
	for _, s := range sig {
		k := [2]string{s.A, s.B}
		if s.A >= s.B || seen[k] {
			t.Errorf("pair %v out of order or twice", k)
		}
		seen[k] = true
		if len(s.X) != len(SignalNames) {
			t.Errorf("%v: %d signals, want %d", k, len(s.X), len(SignalNames))
		}
		if s.P < 0 || s.P > 1 || (s.Part != partSentence && s.Part != partClause && s.Part != partWindow) {
			t.Errorf("%v: P %g, part %q", k, s.P, s.Part)
		}
		cos[s.A+" "+s.B] = s.X[len(SignalNames)-2]
	}
	ann, err := a.Annotation(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	id := map[string]string{}
	for _, c := range ann.Claims {
		id[c.Source+":"+c.Text[:10]] = c.ID
	}
	pair := func(x, y string) float64 {
		i, j := id[x], id[y]
		if j < i {
			i, j = j, i
		}
		c, ok := cos[i+" "+j]
		if !ok {
			t.Errorf("no candidate pair %q / %q", x, y)
		}
		return c
	}
	same, para := pair("a:The talks ", "b:The talks "), pair("a:Both were ", "b:Putin appe")
	if same < 0.99 {
		t.Errorf("the same sentence: cosine %.2f, want 1", same)
	}
	if para < 0.6 {
		t.Errorf("combat gear / military attire: cosine %.2f, want >= 0.6", para)
	}
	if !strings.Contains(strings.Join(SignalNames, ","), "cos") {
		t.Error("SignalNames lacks cos")
	}
	// Without AllSignals, a signal the decision gives no weight is not
	// computed.
	if decisionWeights.cos == 0 {
		b := New()
		for _, s := range ann.Sources {
			b.Update(s)
		}
		sig, err := b.Signals(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sig {
			if c := s.X[len(SignalNames)-2]; c != 0 {
				t.Errorf("%s %s: cosine %.2f computed though its weight is 0", s.A, s.B, c)
			}
		}
	}
}

// TestDecisionOption: a decision given in Options replaces the default;
// a malformed one is an error, not a panic; the default round-trips.
func TestDecisionOption(t *testing.T) {
	src := []*brief.Source{
		{ID: "a", Body: []byte("Witkoff arrived in Moscow on Thursday for talks.\n")},
		{ID: "b", Body: []byte("Witkoff landed in Moscow on Thursday for talks.\n")},
	}
	run := func(d *Decision) (*brief.Annotation, error) {
		a := NewWith(Options{Decision: d})
		for _, s := range src {
			a.Update(s)
		}
		return a.Annotation(t.Context(), nil)
	}
	def := DefaultDecision()
	want, err := run(nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := run(&def)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Links) != len(want.Links) || len(want.Links) != 1 {
		t.Fatalf("default decision: %d links, without: %d; want 1", len(got.Links), len(want.Links))
	}
	never := def
	never.Bias = -100
	never.Event = 0 // the shared-event rule raises a pair whatever the signals
	none, err := run(&never)
	if err != nil {
		t.Fatal(err)
	}
	if len(none.Links) != 0 {
		t.Errorf("bias -100: %d links, want 0", len(none.Links))
	}
	for _, bad := range []Decision{
		{Weights: def.Weights[:3], Low: 0.2, High: 0.3},
		{Weights: def.Weights, Low: 0.4, High: 0.3},
		{Weights: def.Weights, Low: 0, High: 0.3},
		{Weights: def.Weights, Low: 0.2, High: 0.3, Event: 1},
	} {
		if _, err := run(&bad); err == nil {
			t.Errorf("decision %+v: no error", bad)
		}
	}
}

func TestVecCos(t *testing.T) {
	for _, c := range []struct {
		a, b []int8
		want float64
	}{
		{nil, nil, 0},
		{[]int8{127, 0}, []int8{127, 0}, 1},
		{[]int8{127, 0}, []int8{0, 127}, 0},
		{[]int8{127, 0}, []int8{-127, 0}, -1},
		{[]int8{1, 2}, []int8{1}, 0},
	} {
		if got := vecCos(c.a, c.b); got != c.want {
			t.Errorf("vecCos(%v, %v) = %g, want %g", c.a, c.b, got, c.want)
		}
	}
	if s := sumVec([]int8{127, 0}, []int8{0, 127}); vecCos(s, []int8{1, 1}) < 0.99 {
		t.Errorf("sumVec of two orthogonal units = %v, want their bisector", s)
	}
}

// BenchmarkSentVec is the cost the sentence vector adds to a claim:
//
//	go test ./internal/annotate -run XXX -bench SentVec
func BenchmarkSentVec(b *testing.B) {
	lex := newMemo(DefaultLexicon())
	toks := tokenize("Russian state-run TASS news agency reported that Witkoff's plane had landed in Moscow, signaling a significant step toward potential de-escalation of the three-year war.")
	x := sentVec(toks, lex)
	b.ResetTimer()
	for b.Loop() {
		if v := sentVec(toks, lex); vecCos(v, x) < 0.99 {
			b.Fatal("not the same vector")
		}
	}
}
