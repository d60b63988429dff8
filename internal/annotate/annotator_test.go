package annotate

import (
	"bytes"
	"context"
	"reflect"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
)

// TestAnnotatorIncremental checks that an Annotator fed a sequence of
// edits (a sentence changed in the middle, one appended, a source
// removed and added back, a sentence repeated) gives after each step
// exactly what Annotate gives for the same sources, although it reuses
// word alignments between passes.
func TestAnnotatorIncremental(t *testing.T) {
	ctx := context.Background()
	cur := map[string]*brief.Source{}
	for _, s := range genCorpus(8) {
		cur[s.ID] = s
	}
	a := New()
	for _, s := range cur {
		a.Update(s)
	}
	edit := func(id string, f func([]byte) []byte) {
		s := *cur[id]
		s.Body = f(bytes.Clone(s.Body))
		cur[id] = &s
		a.Update(&s)
	}
	steps := []struct {
		name string
		do   func()
	}{
		{"Initial", func() {}},
		{"ChangeMiddle", func() {
			edit("s0003", func(b []byte) []byte { return bytes.Replace(b, []byte(" said "), []byte(" stated "), 1) })
		}},
		{"Append", func() {
			edit("s0003", func(b []byte) []byte { return append(b, "Governor Maria Ortiz said the storm hit Riverton.\n"...) })
		}},
		{"Remove", func() { delete(cur, "s0005"); a.Remove("s0005") }},
		{"AddBack", func() {
			for _, s := range genCorpus(8) {
				if s.ID == "s0005" {
					cur[s.ID] = s
					a.Update(s)
				}
			}
		}},
		{"Repeat", func() {
			edit("s0001", func(b []byte) []byte { return append(b, "Governor Maria Ortiz said the storm hit Riverton.\n"...) })
		}},
		{"Revert", func() {
			edit("s0003", func(b []byte) []byte { return bytes.Replace(b, []byte(" stated "), []byte(" said "), 1) })
		}},
	}
	for _, st := range steps {
		st.do()
		got, err := a.Annotation(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		var srcs []*brief.Source
		for _, id := range sortedKeys(cur) {
			srcs = append(srcs, cur[id])
		}
		want, err := Annotate(ctx, srcs, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: incremental annotation differs from Annotate (%d/%d links)", st.name, len(got.Links), len(want.Links))
		}
	}
}
