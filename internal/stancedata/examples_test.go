package stancedata

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
	"github.com/brief-dev/brief/internal/frontmatter"
)

func TestMarkdown(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"Paragraphs", "One.  Two.\n\n\n  Three.\nFour.", "One. Two.\n\nThree.\nFour.\n"},
		{"Inline", "a *b* _c_ [d](e) <i> & `f` ~g~ \\h", "a \\*b\\* \\_c\\_ \\[d\\](e) \\<i\\> \\& \\`f\\` \\~g\\~ \\\\h\n"},
		{"Heading", "# Not a heading", "\\# Not a heading\n"},
		{"List", "- item\n+ item\n12. item\n3) item", "\\- item\n\\+ item\n12\\. item\n3\\) item\n"},
		{"Quote", "> said", "\\> said\n"},
		{"NumberInText", "1990 was a year. 3.5 percent", "1990 was a year. 3.5 percent\n"},
		{"CRLF", "a\r\n\r\nb", "a\n\nb\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Markdown(c.in); got != c.want {
				t.Errorf("Markdown(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestRelation(t *testing.T) {
	for _, c := range []struct{ set, label, want string }{
		{"fnc1", "agree", Agree}, {"fnc1", "disagree", Disagree}, {"fnc1", "discuss", None}, {"fnc1", "unrelated", None},
		{"sick", "ENTAILMENT", Agree}, {"sick", "CONTRADICTION", Disagree}, {"sick", "NEUTRAL", None},
		{"mrpc", "1", Agree}, {"mrpc", "0", None},
	} {
		if got := Relation(c.set, c.label); got != c.want {
			t.Errorf("Relation(%s, %s) = %s, want %s", c.set, c.label, got, c.want)
		}
	}
}

func TestSample(t *testing.T) {
	var exs []Example
	for i := range 100 {
		l := []string{"agree", "disagree", "discuss", "unrelated"}[i%4]
		exs = append(exs, Example{Set: "fnc1", ID: strings.Repeat("x", i%7) + string(rune('a'+i%26)) + l + string(rune('0'+i/26)), Label: l})
	}
	b := Balanced(exs, 5, "s")
	n := map[string]int{}
	for _, e := range b {
		n[e.Label]++
	}
	if len(b) != 20 || n["agree"] != 5 || n["disagree"] != 5 {
		t.Fatalf("Balanced: %d examples, %v", len(b), n)
	}
	again := Balanced(exs, 5, "s")
	for i := range b {
		if b[i].ID != again[i].ID {
			t.Fatal("Balanced is not deterministic")
		}
	}
	if other := Balanced(exs, 5, "t"); other[0].ID == b[0].ID && other[1].ID == b[1].ID && other[2].ID == b[2].ID {
		t.Error("another seed gave the same sample")
	}
	if got := Sample(exs, 0, "s"); len(got) != 100 {
		t.Errorf("Sample(0) = %d examples, want all", len(got))
	}
}

func TestWriteStory(t *testing.T) {
	f := &FNC{Bodies: map[int]string{1: "A spider burrowed under his skin, doctors said. More text.", 2: "Experts doubt it.\n\nIt is *not* plausible.", 3: "Other."},
		Stances: []Stance{
			{Headline: StoryHeadline, BodyID: 2, Label: "disagree"},
			{Headline: StoryHeadline, BodyID: 1, Label: "agree"},
			{Headline: StoryHeadline, BodyID: 3, Label: "unrelated"},
			{Headline: "Other", BodyID: 3, Label: "agree"},
		}}
	dir := t.TempDir()
	st, err := WriteStory(f, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Articles) != 2 || st.Articles[0].Source != "body-1" || st.Debunkers()[0] != "body-2" || st.Supporters()[0] != "body-1" {
		t.Fatalf("story %+v", st)
	}
	for _, id := range []string{"headline", "body-1", "body-2"} {
		p := filepath.Join(dir, "content", "sources", id+".md")
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		yml, line, body, found, err := frontmatter.Split(p, data)
		if err != nil || !found {
			t.Fatalf("%s: front matter: %v", id, err)
		}
		m, err := frontmatter.Decode(p, line, yml)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if m.Title == "" || !strings.HasPrefix(m.Outlet, "FNC-1") {
			t.Errorf("%s: meta %+v", id, m)
		}
		if id == "body-1" && m.Title != "A spider burrowed under his skin, doctors said." {
			t.Errorf("title %q", m.Title)
		}
		if id == "body-2" && !strings.Contains(string(body), `It is \*not\* plausible.`) {
			t.Errorf("body %q: text not escaped", body)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "sources", "body-3.md")); err == nil {
		t.Error("an unrelated body was written")
	}
	if _, err := WriteStory(f, dir); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("second write into the same folder: err = %v", err)
	}
}

func TestHeadlinePairs(t *testing.T) {
	f := &FNC{Bodies: map[int]string{1: "b1", 2: "b2"}, Stances: []Stance{
		{Headline: "X arrested", BodyID: 1, Label: "agree", Split: SplitDev},
		{Headline: "X was arrested in London", BodyID: 1, Label: "agree", Split: SplitDev},
		{Headline: "X not arrested", BodyID: 1, Label: "disagree", Split: SplitDev},
		{Headline: "Reports on X", BodyID: 1, Label: "discuss", Split: SplitDev},
		// Body 2 votes the other way on one pair: a tie, left out.
		{Headline: "X arrested", BodyID: 2, Label: "agree", Split: SplitDev},
		{Headline: "X not arrested", BodyID: 2, Label: "agree", Split: SplitDev},
		{Headline: "Y fit", BodyID: 3, Label: "agree", Split: SplitFit},
		{Headline: "Z fit", BodyID: 3, Label: "disagree", Split: SplitFit},
	}}
	got := map[string]string{}
	for _, e := range HeadlinePairs(f, SplitDev) {
		got[bodyText(e.A)+" | "+bodyText(e.B)] = e.Relation
		if e.Split != SplitDev {
			t.Errorf("%s: split %q", e.ID, e.Split)
		}
	}
	want := map[string]string{
		"X arrested | X was arrested in London":     Agree,
		"X not arrested | X was arrested in London": Disagree,
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: got %q, want %q", k, got[k], v)
		}
	}
}

func bodyText(s *brief.Source) string { return strings.TrimSpace(string(s.Body)) }
