package lexicon_test

import (
	"fmt"

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
