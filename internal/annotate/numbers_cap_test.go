package annotate

import (
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
