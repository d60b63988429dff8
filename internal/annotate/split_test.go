package annotate

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/brief-dev/brief/internal/brief"
	"github.com/brief-dev/brief/internal/lexicon"
)

func TestSplit(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     []string // sentence texts; a "?" or "#" prefix marks the kind
	}{
		{"Abbrev", "Mr. Smith met Gen. Jones in the U.S. capital. They talked.", []string{"Mr. Smith met Gen. Jones in the U.S. capital.", "They talked."}},
		{"Initials", "J. D. Vance spoke. He left.", []string{"J. D. Vance spoke.", "He left."}},
		{"USEnd", "Troops returned to the U.S. The war ended.", []string{"Troops returned to the U.S.", "The war ended."}},
		{"QuoteEnd", "He said: “We will win.” Then he left.", []string{"He said: “We will win.”", "Then he left."}},
		{"QuoteMulti", "“It is true. We will tell you later,” Peskov said. Talks continue.", []string{"“It is true. We will tell you later,” Peskov said.", "Talks continue."}},
		{"Ellipsis", "“That would be bad… I want peace”, he said. Next.", []string{"“That would be bad… I want peace”, he said.", "Next."}},
		{"EllipsisNoSpace", "But as Trump says…Ukraine has no cards.", []string{"But as Trump says…Ukraine has no cards."}},
		{"Decimal", "Growth was 3.5 percent. Prices rose.", []string{"Growth was 3.5 percent.", "Prices rose."}},
		{"Question", "Will Russia accept? It might.", []string{"?Will Russia accept?", "It might."}},
		{"Heading", "## Talks in Moscow\n\nThe talks began.", []string{"#Talks in Moscow", "The talks began."}},
		{"List", "- First item\n- Second item.", []string{"First item", "Second item."}},
		{"Emphasis", "**Bold start.** Plain end.", []string{"Bold start.", "Plain end."}},
		{"Escape", `Price \*was\* high.`, []string{"Price *was* high."}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := splitMarkdown([]byte(tt.in))
			var texts []string
			for _, s := range got {
				p := ""
				switch s.Kind {
				case brief.KindQuestion:
					p = "?"
				case brief.KindHeading:
					p = "#"
				}
				texts = append(texts, p+s.Text)
			}
			if strings.Join(texts, "|") != strings.Join(tt.want, "|") {
				t.Fatalf("split(%q)\n got %q\nwant %q", tt.in, texts, tt.want)
			}
		})
	}
}

func TestClaimOffsets(t *testing.T) {
	body := "Intro line.\n\n**Bold claim.** Second one with [a link](http://x.y).\n"
	src := &brief.Source{ID: "s", Body: []byte(body), BodyLine: 5}
	cs, _ := sourceClaims(src, lexicon.Tags)
	if len(cs) != 3 {
		t.Fatalf("got %d claims", len(cs))
	}
	if got, want := body[cs[1].Start:cs[1].End], "**Bold claim.**"; got != want {
		t.Errorf("markdown = %q, want %q", got, want)
	}
	if got, want := cs[2].Text, "Second one with a link."; got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
	if got, want := cs[1].Line, 7; got != want {
		t.Errorf("line = %d, want %d", got, want)
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"Mr. A said “Hi. Bye.” Then.", "# H\n\n- a\n- b?\n\n> quote. two.", "3.5 U.S. J. D. x… Y", "\\*a\\* `b. c` d."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		body := []byte(in)
		a := splitMarkdown(body)
		b := splitMarkdown(body)
		if len(a) != len(b) {
			t.Fatal("not deterministic")
		}
		prev := 0
		for i, s := range a {
			if s != b[i] {
				t.Fatal("not deterministic")
			}
			if s.Start < prev || s.End < s.Start || s.End > len(body) {
				t.Fatalf("sentence %d [%d,%d) out of order or range (prev end %d)", i, s.Start, s.End, prev)
			}
			if utf8.Valid(body) && (s.Start < len(body) && !utf8.RuneStart(body[s.Start]) || s.End < len(body) && !utf8.RuneStart(body[s.End])) {
				t.Fatalf("sentence %d [%d,%d) not on rune boundaries", i, s.Start, s.End)
			}
			if strings.Contains(string(body[s.Start:s.End]), "\n\n") {
				t.Fatalf("sentence %d straddles blocks: %q", i, body[s.Start:s.End])
			}
			prev = s.End
		}
	})
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{"The three-year-long war and a 30-day ceasefire, 86% of 100 towns.",
		"“We urge Russia to accept this plan,” Press Secretary Karoline Leavitt said on Thursday.",
		"Secretary of State Marco Rubio met Zelenskyy's aide, Mr. Yermak, in Jeddah, Saudi Arabia."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		src := &brief.Source{ID: "x", Body: []byte(in)}
		a := extractSource(src, DefaultLexicon())
		b := extractSource(src, DefaultLexicon())
		if len(a.feats) != len(b.feats) {
			t.Fatal("not deterministic")
		}
		for i := range a.feats {
			x, y := a.feats[i], b.feats[i]
			if !slices.Equal(wordKeys(x), wordKeys(y)) || len(x.nums) != len(y.nums) ||
				len(x.ments) != len(y.ments) || x.speakerKey != y.speakerKey {
				t.Fatal("not deterministic")
			}
		}
	})
}

// wordKeys returns the match keys of f's content words, in order.
func wordKeys(f *claimFeat) []string {
	var out []string
	for _, w := range f.words {
		out = append(out, w.key)
	}
	return out
}

// FuzzCleanText checks cleanText against what it does by definition:
// the words of the text (strings.Fields) joined by single spaces.
func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"", " ", "a", "a b", " a b", "a b ", "a  b", "a\tb", "a\nb", "a\u00a0b",
		"a\u2003b", "“quoted” text’s end.", "a \u0085b", "\xff \xfe", "   "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := cleanText(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("cleanText(%q) = %q, want %q", s, got, want)
		}
	})
}
