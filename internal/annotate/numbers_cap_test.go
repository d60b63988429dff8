package annotate

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestManyNumbersBounded checks that one sentence of thousands of
// numbers keeps at most maxClaimNumbers of them: every pair of claims
// compares their numbers pairwise, and 8,000 numbers in one sentence
// took 17 s of CPU (issue 12, item 3). A normal sentence keeps all.
func TestManyNumbersBounded(t *testing.T) {
	lex := DefaultLexicon()
	var b strings.Builder
	b.WriteString("The figures were")
	for i := range 8000 {
		b.WriteString(" " + strconv.Itoa(1000+i) + " homes,")
	}
	text := b.String() + " in total."
	toks := tokenize(text)
	if got := len(extractNumbers(text, toks, lex.Lemma)); got > maxClaimNumbers {
		t.Errorf("%d numbers kept, want at most %d", got, maxClaimNumbers)
	}
	normal := "About 40,000 homes lost power for three days, and 12 people were hurt."
	if got := len(extractNumbers(normal, tokenize(normal), lex.Lemma)); got != 3 {
		t.Errorf("normal sentence: %d numbers, want 3", got)
	}
}

// TestCountedNoun: a count counts the head of its noun phrase, not a
// modifier before it, and stops before a verb or a name.
func TestCountedNoun(t *testing.T) {
	lex := Options{}.lexicon()
	for _, tt := range []struct{ text, noun string }{
		{"Remains were found in nine mass graves near the town.", lex.Lemma("graves")},
		{"The gas attack killed 300 Iraqi soldiers.", lex.Lemma("soldiers")},
		{"Police are looking for 43 missing students.", lex.Lemma("students")},
		{"Police counted 28 bodies found in the grave.", lex.Lemma("bodies")},
		{"Militias seized 11 commercial jetliners.", lex.Lemma("jetliners")},
		{"The army retook 100 towns and villages.", lex.Lemma("towns")},
	} {
		ns := extractNumbers(tt.text, tokenize(tt.text), lex.Lemma)
		if len(ns) != 1 || ns[0].Noun != tt.noun {
			t.Errorf("%q: numbers %+v, want one counting %q", tt.text, ns, tt.noun)
		}
	}
}

// TestAgedAnd: in "aged 13 and 14" both numbers are ages, not a count of
// what follows.
func TestAgedAnd(t *testing.T) {
	lex := Options{}.lexicon()
	text := "Seven schoolgirls aged 13 and 14 fell pregnant on a class trip."
	ns := extractNumbers(text, tokenize(text), lex.Lemma)
	var ages int
	for _, n := range ns {
		if n.Kind == "age" {
			ages++
		}
	}
	if ages != 2 {
		t.Errorf("%q: numbers %+v, want two ages", text, ns)
	}
}

// TestSpelledNumbers: a number written in words has its whole value,
// also when it opens the sentence; a capitalised number word elsewhere
// (a name, a Title Case line) is none, and neither is the scale word
// after it.
func TestSpelledNumbers(t *testing.T) {
	lex := Options{}.lexicon()
	for _, tt := range []struct {
		text   string
		values []float64
	}{
		{"Three hundred Iraqi soldiers died in the attack.", []float64{300}},
		{"Five hundred and twenty people were evacuated.", []float64{520}},
		{"Officials said two hundred fifty people were evacuated.", []float64{250}},
		{"Two hundred and one people were evacuated.", []float64{201}},
		{"Forty-two people were evacuated.", []float64{42}},
		{"Two thousand people marched in Minsk.", []float64{2000}},
		{"Officials said three hundred thousand people fled.", []float64{300000}},
		{"The city sold a hundred one-day passes.", []float64{100}},
		{"Three Gorges Dam released more water.", nil},
		{"Seven Hundred Club Opens in Soho", nil},
	} {
		var got []float64
		for _, n := range extractNumbers(tt.text, tokenize(tt.text), lex.Lemma) {
			got = append(got, n.Value)
		}
		if !slices.Equal(got, tt.values) {
			t.Errorf("%q: values %v, want %v", tt.text, got, tt.values)
		}
	}
}
