package annotate

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
)

// TestAnnotatorIncremental checks that an Annotator fed a sequence of
// edits (a sentence changed in the middle, one appended, a source
// removed and added back, a sentence repeated) gives after each step
// exactly what Annotate gives for the same sources, although it reuses
// word alignments between passes.
//
// The corpus has a story that one source retells only to deny it, so
// that debunked finds disagreements the pass does not, and its answers
// are kept between passes (denialMemo) as the alignments are.
func TestAnnotatorIncremental(t *testing.T) {
	ctx := context.Background()
	cur := map[string]*brief.Source{}
	for _, s := range genCorpus(8) {
		cur[s.ID] = s
	}
	for _, s := range storySources() {
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
		{"EditDebunker", func() {
			// A negation before the hoax: the last pass's answers
			// for the debunker's negations are no longer its.
			edit("spider-d", func(b []byte) []byte {
				return bytes.Replace(b, []byte("But the story"), []byte("Spiders do not live in skin, experts said.\n\nBut the story"), 1)
			})
		}},
		{"EditStory", func() {
			edit("spider-b", func(b []byte) []byte { return append(b, "The man, Dylan Thomas, flew home to Perth.\n"...) })
		}},
		{"NewName", func() {
			// A new alias of a name every source uses: the aliases
			// change, and nothing of the last pass is kept.
			edit("spider-c", func(b []byte) []byte { return append(b, "Thomas said the spider was removed in Perth.\n"...) })
		}},
		{"RemoveStory", func() { delete(cur, "spider-a"); a.Remove("spider-a") }},
	}
	denials, hoax := 0, 0
	for _, st := range steps {
		st.do()
		got := sameAsAnnotate(t, ctx, a, cur, st.name)
		for _, l := range got.Links {
			if l.Relation == brief.Disagree && (l.Kind == brief.KindDenial || l.Kind == brief.KindNegation) {
				denials++
				if strings.Contains(l.Reason, "hoax") {
					hoax++
				}
			}
		}
	}
	if denials == 0 {
		t.Error("no denial or negation found: the story does not test debunked")
	}
	if hoax == 0 {
		// The pass does not pair the hoax sentence with the story;
		// debunked does.
		t.Error("no denial of the story as a hoax: the story does not test debunked's answers")
	}
}

// storySources are three reports of a story and one article that retells
// it to deny it.
func storySources() []*brief.Source {
	src := func(id, body string) *brief.Source {
		return &brief.Source{ID: id, Path: id + ".md", Title: id, Body: []byte(body)}
	}
	return []*brief.Source{
		src("spider-a", "A spider burrowed under the skin of Dylan Thomas in Bali.\n\n"+
			"Doctors in Perth removed the spider from a scar on his stomach.\n\nThomas had travelled to Bali for a holiday.\n"),
		src("spider-b", "A tropical spider burrowed under the skin of Dylan Thomas during a holiday in Bali.\n\n"+
			"Doctors removed the spider in Perth.\n"),
		src("spider-c", "Dylan Thomas says a spider burrowed under his skin in Bali.\n\n"+
			"Doctors in Perth removed the spider from his scar.\n"),
		src("spider-d", "Dylan Thomas says a spider burrowed under his skin in Bali.\n\n"+
			"The scar on his stomach was red.\n\nBut the story is a hoax, experts say.\n"),
	}
}

// sameAsAnnotate returns a's annotation of the sources cur, and fails the
// test (step names the edit) unless it is what Annotate gives for them.
func sameAsAnnotate(t *testing.T, ctx context.Context, a *Annotator, cur map[string]*brief.Source, step string) *brief.Annotation {
	t.Helper()
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
		t.Fatalf("%s: incremental annotation differs from Annotate (%d/%d links)", step, len(got.Links), len(want.Links))
	}
	return got
}
