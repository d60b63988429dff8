package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/brief-dev/brief/internal/lexicon"
)

var update = flag.Bool("update", false, "update golden files")

// generateFixture runs the generator on testdata/wordnet and testdata/glove.json.
func generateFixture(t *testing.T) map[string][]byte {
	t.Helper()
	glove, err := os.Open("testdata/glove.json")
	if err != nil {
		t.Fatal(err)
	}
	defer glove.Close()
	files, err := generate(os.DirFS("testdata/wordnet"), glove, os.DirFS("testdata/constraints"), defaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestGolden checks the generator's output against testdata/golden and
// that two runs give the same bytes (map order must not leak out).
func TestGolden(t *testing.T) {
	files := generateFixture(t)
	again := generateFixture(t)
	for name, b := range files {
		if !bytes.Equal(b, again[name]) {
			t.Errorf("%s differs between two runs", name)
		}
		golden := filepath.Join("testdata", "golden", name)
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, b, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, want) {
			t.Errorf("%s differs from %s; run go test ./tools/lexicon -update and review the diff", name, golden)
		}
	}
	// A golden file no output produces is stale.
	entries, err := os.ReadDir(filepath.Join("testdata", "golden"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, ok := files[e.Name()]; !ok {
			t.Errorf("stale golden file testdata/golden/%s", e.Name())
		}
	}
}

// TestRoundTrip loads the generated fixture with internal/lexicon, which
// checks that the writer and the reader agree on the formats.
func TestRoundTrip(t *testing.T) {
	fsys := fstest.MapFS{}
	for name, b := range generateFixture(t) {
		fsys[name] = &fstest.MapFile{Data: b}
	}
	lex, err := lexicon.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	lemmas := []struct{ word, want string }{
		{"went", "go"},
		{"children", "child"},
		{"arrived", "arrive"},
		{"negotiations", "negotiation"},
		{"larger", "large"},
		{"banana", "banana"},
	}
	for _, tt := range lemmas {
		if got := lex.Lemma(tt.word); got != tt.want {
			t.Errorf("Lemma(%q)=%q, want %q", tt.word, got, tt.want)
		}
	}
	synonyms := []struct {
		a, b string
		want bool
	}{
		{"talks", "negotiations", true},      // same synset
		{"retake", "recaptured", true},       // same synset, inflected
		{"arrived", "arrival", true},         // derivation
		{"negotiating", "dialogue", true},    // derivation to a synonym
		{"landed", "arrive", true},           // verb hypernym
		{"ceasefire", "airport", false},      // unrelated
		{"negociate", "talk_terms", false},   // collocations are left out
		{"set_down", "arrive", false},        // likewise
		{"children", "child", true},          // same lemma
		{"banana", "bananas", false},         // not in this WordNet
		{"truce", "ceasefire", true},         // same synset
		{"quickly", "large", false},          // unrelated
		{"arriving", "arrival", true},        // same synset
		{"negotiation", "negotiate", true},   // derivation, other direction
		{"recapture", "recapturing", true},   // same lemma
		{"airport", "airports", true},        // same lemma
		{"get", "come", true},                // same synset
		{"go", "went", true},                 // irregular form
		{"talks", "talk", false},             // "talk" is not in this WordNet
		{"airport", "child", false},          // unrelated
		{"large", "larger", true},            // comparative
		{"quickly", "quick", false},          // no such lemma here
		{"dialogue", "negotiations", true},   // same synset
		{"arrival", "land", false},           // hypernym of a derivation: too far
		{"negotiations", "ceasefire", false}, // unrelated
	}
	for _, tt := range synonyms {
		if got := lex.Synonyms(tt.a, tt.b); got != tt.want {
			t.Errorf("Synonyms(%q, %q)=%v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
	if got, want := lex.Rank("talks"), 1; got != want { // "," is left out
		t.Errorf("Rank(talks)=%d, want %d", got, want)
	}
	if cos, ok := lex.Similarity("talks", "negotiations"); !ok || cos < 0.5 {
		t.Errorf("Similarity(talks, negotiations)=%v, %v; want > 0.5", cos, ok)
	}
	if _, ok := lex.Vector("2014"); ok {
		t.Error("Vector(2014) exists; numbers should be left out")
	}

	// Counter-fitting pulled the synonyms together and pushed the antonyms
	// apart.
	for _, tt := range []struct {
		a, b   string
		closer bool
	}{
		{"talks", "negotiations", true},
		{"arrived", "arrival", true},
		{"banana", "talks", false},
	} {
		g, _ := lex.Similarity(tt.a, tt.b)
		c, ok := lex.ParaphraseSimilarity(tt.a, tt.b)
		if !ok || (c > g) != tt.closer {
			t.Errorf("%s/%s: GloVe cosine %.3f, counter-fitted %.3f (%v); want closer=%v", tt.a, tt.b, g, c, ok, tt.closer)
		}
	}
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"arrival", "departure", true}, // departure has no vector: antonyms are kept for all words
		{"departure", "arrival", true},
		{"banana", "talks", true},
		{"good", "good", false},
		{"talks", "negotiations", false},
	} {
		if got := lex.Antonym(tt.a, tt.b); got != tt.want {
			t.Errorf("Antonym(%q, %q)=%v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
	if v := lex.SentenceVector([]string{"the", "talks"}); len(v) != lexicon.Dims {
		t.Errorf("SentenceVector: %d components, want %d", len(v), lexicon.Dims)
	}
}
