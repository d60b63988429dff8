package lexicon_test

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/brief-dev/brief/internal/lexicon"
)

func TestLemma(t *testing.T) {
	tests := []struct{ word, want string }{
		// Irregular forms from the exception lists.
		{"went", "go"},
		{"fled", "flee"},
		{"children", "child"},
		{"men", "man"},
		{"said", "say"},
		{"told", "tell"},
		{"better", "good"},
		{"crises", "crisis"},
		{"running", "run"},
		{"stopped", "stop"},
		// Regular inflections by morphy's detachment rules.
		{"talks", "talk"},
		{"negotiations", "negotiation"},
		{"cities", "city"},
		{"watches", "watch"},
		{"goes", "go"},
		{"aides", "aide"}, // not the verb "aid"
		{"arrived", "arrive"},
		{"recaptured", "recapture"},
		{"landed", "land"},
		{"killing", "kill"},
		{"largest", "large"},
		// Ambiguous forms go to the more frequent lemma.
		{"saw", "see"},
		{"found", "find"},
		{"ground", "ground"},
		// Case, apostrophes, possessives.
		{"Talks", "talk"},
		{"Putin's", "putin"},
		{"officials’", "official"},
		// Stopwords: forms of be/have/do, the rest unchanged ("as" is not "a").
		{"was", "be"},
		{"has", "have"},
		{"does", "do"},
		{"as", "as"},
		{"us", "us"},
		// Unknown words and lemmas pass through, lowercased.
		{"U.S.", "u.s."},
		{"Zelensky", "zelensky"},
		{"news", "news"},
		{"species", "species"},
		{"2014", "2014"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := lexicon.Lemma(tt.word); got != tt.want {
			t.Errorf("Lemma(%q)=%q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestSynonyms(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"talks", "negotiations", true},
		{"retake", "recapture", true},
		{"retook", "recaptured", true},
		{"arrive", "arrival", true},  // derivation
		{"arrived", "arrival", true}, // derivation after lemmatising
		{"negotiate", "negotiation", true},
		{"arrived", "landed", true}, // "arrive" is the hypernym of "land"
		{"garb", "attire", true},
		{"troops", "soldiers", true},
		{"advisor", "adviser", true},
		{"talks", "talked", true},  // same lemma
		{"Putin's", "putin", true}, // same lemma, unknown word
		{"is", "was", true},        // stopwords with the same lemma
		{"ceasefire", "airport", false},
		{"negotiations", "banana", false},
		{"win", "lose", false},
		{"confirm", "deny", false},
		{"arrive", "leave", false},
		{"adviser", "secretary", false},
		{"us", "america", false}, // the pronoun, not the country
		{"as", "a", false},
		{"zelensky", "zelenskyy", false},
	}
	for _, tt := range tests {
		if got := lexicon.Synonyms(tt.a, tt.b); got != tt.want {
			t.Errorf("Synonyms(%q, %q)=%v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := lexicon.Synonyms(tt.b, tt.a); got != tt.want {
			t.Errorf("Synonyms(%q, %q)=%v, want %v (symmetry)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestSimilarity(t *testing.T) {
	sim := func(a, b string) float32 {
		t.Helper()
		cos, ok := lexicon.Similarity(a, b)
		if !ok {
			t.Fatalf("Similarity(%q, %q): no vector", a, b)
		}
		if cos < -1 || cos > 1 {
			t.Fatalf("Similarity(%q, %q)=%v, out of [-1, 1]", a, b, cos)
		}
		return cos
	}
	if s := sim("talks", "talks"); s < 0.999 {
		t.Errorf("Similarity(talks, talks)=%v, want 1", s)
	}
	pairs := []struct{ near, far [2]string }{
		{[2]string{"negotiation", "talks"}, [2]string{"negotiation", "banana"}},
		{[2]string{"ceasefire", "truce"}, [2]string{"ceasefire", "airport"}},
		{[2]string{"fatigues", "attire"}, [2]string{"fatigues", "parliament"}},
		{[2]string{"arrived", "landed"}, [2]string{"arrived", "tomato"}},
	}
	for _, p := range pairs {
		near, far := sim(p.near[0], p.near[1]), sim(p.far[0], p.far[1])
		if near <= far {
			t.Errorf("Similarity%q=%v <= Similarity%q=%v", p.near, near, p.far, far)
		}
	}
	// Case and possessives are normalised; an inflection missing from the
	// table ("recaptures") falls back to its lemma.
	if a, b := sim("Kremlin's", "moscow"), sim("kremlin", "moscow"); a != b {
		t.Errorf("Similarity(Kremlin's, moscow)=%v, want %v", a, b)
	}
	if a, b := sim("recaptures", "retake"), sim("recapture", "retake"); a != b {
		t.Errorf("Similarity(recaptures, retake)=%v, want %v", a, b)
	}
	for _, w := range []string{"zzyzzyx", "2014", ""} {
		if _, ok := lexicon.Similarity(w, "talks"); ok {
			t.Errorf("Similarity(%q, talks) ok, want no vector", w)
		}
	}
}

func TestVector(t *testing.T) {
	v, ok := lexicon.Vector("talks")
	if !ok || len(v) != lexicon.Dims {
		t.Fatalf("Vector(talks): len %d, ok %v", len(v), ok)
	}
	// The vector is a unit vector times VectorScale, up to rounding.
	var n float64
	for _, x := range v {
		n += float64(x) * float64(x)
	}
	if n < 0.97*lexicon.VectorScale*lexicon.VectorScale || n > 1.03*lexicon.VectorScale*lexicon.VectorScale {
		t.Errorf("|Vector(talks)|^2=%v, want about %v", n, lexicon.VectorScale*lexicon.VectorScale)
	}
	if cap(v) != lexicon.Dims {
		t.Errorf("cap(Vector(talks))=%d; appending would overwrite the next word", cap(v))
	}
}

func TestRank(t *testing.T) {
	if got := lexicon.Rank("the"); got != 0 {
		t.Errorf("Rank(the)=%d, want 0", got)
	}
	if a, b := lexicon.Rank("talks"), lexicon.Rank("recapture"); a < 0 || b < 0 || a >= b {
		t.Errorf("Rank(talks)=%d, Rank(recapture)=%d; want 0 <= talks < recapture", a, b)
	}
	for _, w := range []string{",", "2014", "zzyzzyx"} {
		if got := lexicon.Rank(w); got != -1 {
			t.Errorf("Rank(%q)=%d, want -1", w, got)
		}
	}
}

func TestIsStopword(t *testing.T) {
	for _, w := range []string{"the", "The", "of", "would", "they", "which"} {
		if !lexicon.IsStopword(w) {
			t.Errorf("IsStopword(%q)=false", w)
		}
	}
	// Words that carry or flip a claim are left to the caller.
	for _, w := range []string{"not", "no", "never", "yet", "said", "told", "two", "only", "more", "talks", ""} {
		if lexicon.IsStopword(w) {
			t.Errorf("IsStopword(%q)=true", w)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	good := fstest.MapFS{
		"wordnet.txt":    {Data: []byte("# comment\ntalks\t1\t1\t1a\t\t\n")},
		"exceptions.txt": {Data: []byte("0\tchildren\tchild\n")},
		"words.txt":      {Data: []byte("talks\n")},
		"vectors.bin":    {Data: vectorsBin(1)},
		"paraphrase.bin": {Data: vectorsBin(1)},
		"antonyms.txt":   {Data: []byte("# comment\nfall\trise\n")},
		"sif.txt":        {Data: []byte(sifTxt)},
	}
	if _, err := lexicon.Load(good); err != nil {
		t.Fatalf("Load: %v", err)
	}
	tests := []struct {
		name, file, data, want string
	}{
		{"MissingFile", "words.txt", "", "file does not exist"},
		{"FieldCount", "wordnet.txt", "talks\t1\t1\n", "wordnet.txt:1: want 6 fields"},
		{"BadSynset", "wordnet.txt", "\ntalks\t1\t1\t1A\t\t\n", "wordnet.txt:2: bad synset"},
		{"BadException", "exceptions.txt", "9\tchildren\tchild\n", "exceptions.txt:1: bad line"},
		{"DuplicateWord", "words.txt", "talks\ntalks\n", "words.txt:2: duplicate word"},
		{"CountMismatch", "words.txt", "talks\nbanana\n", "vectors.bin: 1 vectors for 2 words"},
		{"BadHeader", "vectors.bin", "LXV2", "vectors.bin: bad header"},
		{"ParaphraseMissing", "paraphrase.bin", "", "file does not exist"},
		{"ParaphraseHeader", "paraphrase.bin", "LXV2", "paraphrase.bin: bad header"},
		{"AntonymOrder", "antonyms.txt", "rise\tfall\n", "antonyms.txt:1: want two different words"},
		{"AntonymFields", "antonyms.txt", "\nrise\n", "antonyms.txt:2: want two different words"},
		{"SIFKey", "sif.txt", "b\t1\n", `sif.txt:1: unknown key "b"`},
		{"SIFNumber", "sif.txt", "a\tx\n", "sif.txt:1: strconv.ParseFloat"},
		{"SIFLength", "sif.txt", "vectors.bin\t1\t2\n", "sif.txt:1: vectors.bin has 2 numbers, want 100"},
		{"SIFIncomplete", "sif.txt", "a\t0.001\n", "sif.txt: want a, zipf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for k, v := range good {
				fsys[k] = v
			}
			if strings.HasSuffix(tt.name, "Missing") || tt.name == "MissingFile" {
				delete(fsys, tt.file)
			} else {
				fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.data)}
			}
			_, err := lexicon.Load(fs.FS(fsys))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Load: %v, want %q", err, tt.want)
			}
		})
	}
}

// sifTxt is a valid sif.txt with zero common components.
var sifTxt = "a\t0.001\nzipf\t0.07\nvectors.bin" + strings.Repeat("\t0", lexicon.Dims) +
	"\nparaphrase.bin" + strings.Repeat("\t0", lexicon.Dims) + "\n"

// vectorsBin returns a vectors.bin with n zero vectors.
func vectorsBin(n int) []byte {
	b := []byte("LXV1")
	b = append(b, byte(n), 0, 0, 0, lexicon.Dims, 0, 0, 0)
	b = append(b, 0x00, 0x00, 0x52, 0x43) // float32 210
	return append(b, make([]byte, n*lexicon.Dims)...)
}

func BenchmarkLemma(b *testing.B) {
	words := []string{"negotiations", "went", "arrived", "Kremlin", "the", "recaptured"}
	lexicon.Default()
	for i := 0; b.Loop(); i++ {
		lexicon.Lemma(words[i%len(words)])
	}
}

func BenchmarkSynonyms(b *testing.B) {
	lexicon.Default()
	for b.Loop() {
		lexicon.Synonyms("arrived", "landed")
	}
}

func BenchmarkSimilarity(b *testing.B) {
	lexicon.Default()
	for b.Loop() {
		lexicon.Similarity("negotiations", "talks")
	}
}

// BenchmarkSimilarityLemma measures the fallback to the lemma for an
// inflection GloVe lacks.
func BenchmarkSimilarityLemma(b *testing.B) {
	lexicon.Default()
	for b.Loop() {
		lexicon.Similarity("recaptures", "talks")
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := lexicon.Load(os.DirFS("data")); err != nil {
			b.Fatal(err)
		}
	}
}
