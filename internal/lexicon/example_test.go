package lexicon_test

import (
	"fmt"
	"strings"

	"github.com/brief-dev/brief/internal/lexicon"
)

func ExampleSimilarity() {
	near, _ := lexicon.Similarity("negotiations", "talks")
	far, _ := lexicon.Similarity("negotiations", "banana")
	fmt.Printf("negotiations~talks %.2f\n", near)
	fmt.Printf("negotiations~banana %.2f\n", far)
	_, ok := lexicon.Similarity("negotiations", "Zelenskyy")
	fmt.Println("Zelenskyy known:", ok)
	// Output:
	// negotiations~talks 0.91
	// negotiations~banana 0.21
	// Zelenskyy known: false
}

func ExampleLemma() {
	for _, w := range []string{"went", "children", "fled", "negotiations", "arrived", "U.S."} {
		fmt.Println(w, "->", lexicon.Lemma(w))
	}
	// Output:
	// went -> go
	// children -> child
	// fled -> flee
	// negotiations -> negotiation
	// arrived -> arrive
	// U.S. -> u.s.
}

func ExampleSynonyms() {
	fmt.Println(lexicon.Synonyms("talks", "negotiations"))
	fmt.Println(lexicon.Synonyms("arrived", "arrival"))
	fmt.Println(lexicon.Synonyms("ceasefire", "airport"))
	// Output:
	// true
	// true
	// false
}

func ExampleSentenceVector() {
	a := lexicon.SentenceVector(strings.Fields("Even as diplomatic efforts unfold , fighting in Ukraine continues ."))
	b := lexicon.SentenceVector(strings.Fields("Despite ongoing negotiations , military activity continues unabated in Ukraine ."))
	c := lexicon.SentenceVector(strings.Fields("The meeting comes at a crucial juncture in the negotiations ."))
	fmt.Printf("paraphrase %.2f\n", lexicon.Cosine(a, b))
	fmt.Printf("same topic %.2f\n", lexicon.Cosine(a, c))
	// Output:
	// paraphrase 0.82
	// same topic 0.54
}

func ExampleAntonym() {
	fmt.Println(lexicon.Antonym("rose", "fell"))
	fmt.Println(lexicon.Antonym("denied", "admitted"))
	fmt.Println(lexicon.Antonym("talks", "negotiations"))
	// Output:
	// true
	// true
	// false
}
