package lexicon_test

import (
	"testing"

	"github.com/brief-dev/brief/internal/lexicon"
)

func TestTags(t *testing.T) {
	for _, tt := range []struct {
		word            string
		base, inflected lexicon.POS
	}{
		{"check", lexicon.Noun | lexicon.Verb, 0},
		{"arrived", 0, lexicon.Verb},
		{"flew", 0, lexicon.Verb},
		{"talks", lexicon.Noun, lexicon.Noun | lexicon.Verb},
		{"was", 0, lexicon.Verb},
		{"do", lexicon.Verb, 0},
		{"gala", lexicon.Noun, 0},
		{"the", 0, 0},
		{"Bieber", 0, 0},
	} {
		base, infl := lexicon.Tags(tt.word)
		if base != tt.base || infl != tt.inflected {
			t.Errorf("Tags(%q) = %b, %b; want %b, %b", tt.word, base, infl, tt.base, tt.inflected)
		}
	}
}
