package lexicon_test

import (
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/lexicon"
)

func TestAntonym(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"rise", "fall", true},
		{"fall", "rise", true},
		{"win", "lose", true},
		{"won", "lost", true}, // by lemma
		{"alive", "dead", true},
		{"Accept", "reject", true},
		{"denied", "admitted", true},
		{"confirms", "contradicts", true}, // listed as "confirm contradicted"
		{"confirm", "deny", false},        // not in WordNet or PPDB
		{"agree", "disagree", true},
		{"rise", "rise", false},
		{"rise", "climb", false},
		{"talks", "negotiations", false},
		{"ceasefire", "banana", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got := lexicon.Antonym(tt.a, tt.b); got != tt.want {
			t.Errorf("Antonym(%q, %q)=%v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestParaphraseSimilarity(t *testing.T) {
	// Counter-fitting pulls synonyms together and pushes antonyms apart,
	// relative to GloVe.
	tests := []struct {
		a, b   string
		closer bool
	}{
		{"attire", "garb", true},
		{"recapture", "reclaim", true},
		{"talks", "negotiations", true},
		{"rise", "fall", false},
		{"confirm", "deny", false},
		{"win", "lose", false},
	}
	for _, tt := range tests {
		g, _ := lexicon.Similarity(tt.a, tt.b)
		c, ok := lexicon.ParaphraseSimilarity(tt.a, tt.b)
		if !ok || (c > g) != tt.closer {
			t.Errorf("%s/%s: GloVe %.3f, counter-fitted %.3f (ok %v), want closer=%v", tt.a, tt.b, g, c, ok, tt.closer)
		}
	}
	if _, ok := lexicon.ParaphraseSimilarity("zzxq", "talks"); ok {
		t.Error("ParaphraseSimilarity of an unknown word: ok")
	}
	if v, ok := lexicon.Default().ParaphraseVector("talks"); !ok || len(v) != lexicon.Dims {
		t.Errorf("ParaphraseVector(talks): %d components, %v", len(v), ok)
	}
}

func TestSentenceVector(t *testing.T) {
	sv := func(s string) []float32 { return lexicon.SentenceVector(strings.Fields(s)) }
	// Paraphrases from the seeds and the error analysis of issue 9, each
	// against an unrelated sentence on a similar topic.
	tests := []struct{ a, paraphrase, other string }{
		{
			"Even as diplomatic efforts unfold , fighting in Ukraine continues .",
			"Despite ongoing negotiations , military activity continues unabated in Ukraine .",
			"The meeting comes at a crucial juncture in the talks .",
		},
		{
			"The soldiers wore military attire .",
			"The troops were dressed in combat gear .",
			"The soldiers crossed the river at dawn .",
		},
		{
			"The envoy's plane landed in Moscow .",
			"The envoy arrived in Moscow .",
			"Moscow announced new sanctions against exporters .",
		},
	}
	for _, tt := range tests {
		a := sv(tt.a)
		p, o := lexicon.Cosine(a, sv(tt.paraphrase)), lexicon.Cosine(a, sv(tt.other))
		if p <= o {
			t.Errorf("%q: paraphrase %.3f <= other %.3f", tt.a, p, o)
		}
	}
	v := sv("Fighting continues .")
	var n float32
	for _, x := range v {
		n += x * x
	}
	if len(v) != lexicon.Dims || n < 0.999 || n > 1.001 {
		t.Errorf("SentenceVector: %d components, norm² %v; want a unit vector", len(v), n)
	}
	if c := lexicon.Cosine(v, v); c < 0.9999 {
		t.Errorf("Cosine(v, v)=%v", c)
	}
	if v := sv("2014 , !"); v != nil {
		t.Errorf("SentenceVector without known words = %v, want nil", v[:3])
	}
	if c := lexicon.Cosine(sv("eggnog-chugging contest"), sv("eggnog chugging contest")); c < 0.9999 {
		t.Errorf("a hyphenated compound without a vector: cosine with its parts %v, want 1", c)
	}
	if c := lexicon.Cosine(nil, v); c != 0 {
		t.Errorf("Cosine(nil, v)=%v", c)
	}
}

// BenchmarkSentenceVector embeds news sentences of 12-30 words (the
// seeds' and issue 9's kind), reporting the cost per word.
func BenchmarkSentenceVector(b *testing.B) {
	sentences := [][]string{
		strings.Fields("Despite ongoing negotiations , military activity continues unabated in Ukraine , officials said on Tuesday ."),
		strings.Fields("President Trump's envoy Steve Witkoff has landed in Moscow for talks with Vladimir Putin , the Kremlin confirmed , as fighting in the east of the country continued ."),
		strings.Fields("Boko Haram denies ceasefire claim by Nigeria's government , saying its fighters will continue the armed struggle until an Islamic state is established ."),
		strings.Fields("A man fishing in a remote area of Canada was attacked by a bear but escaped when his cellphone rang with a Justin Bieber song ."),
	}
	words := 0
	for _, s := range sentences {
		words += len(s)
	}
	lx := lexicon.Default()
	lx.SentenceVector(sentences[0])
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sentences {
			lx.SentenceVector(s)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*words), "ns/word")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(sentences)), "ns/sentence")
}
