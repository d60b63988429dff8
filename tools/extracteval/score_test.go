package main

import (
	"math"
	"strings"
	"testing"
)

func TestShingleScore(t *testing.T) {
	tests := []struct {
		name, got, want string
		p, r            float64
	}{
		{"Same", "The envoy landed in Moscow on Thursday.", "the envoy landed in moscow on thursday", 1, 1},
		{"BothEmpty", "", "", 1, 1},
		{"NothingExtracted", "", "the envoy landed in moscow", 0, 0},
		// 4 shingles of 4 words; the extra words add 2 that are wrong.
		{"Extra", "the envoy landed in moscow on thursday share this", "the envoy landed in moscow on thursday", 4.0 / 6, 1},
		// Half the article: 2 of the 5 true shingles.
		{"Half", "one two three four five", "one two three four five six seven eight", 1, 2.0 / 5},
		{"Short", "breaking news", "breaking news", 1, 1},
		// What a reader sees: soft hyphens and NFD against NFC.
		{"Visible", "Ita\u00adliens Wei\u00adne in Krako\u0301w today", "Italiens Weine in Krak\u00f3w today", 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ShingleScore(tt.got, tt.want)
			if math.Abs(s.Precision-tt.p) > 1e-9 || math.Abs(s.Recall-tt.r) > 1e-9 {
				t.Errorf("P, R = %.3f, %.3f, want %.3f, %.3f", s.Precision, s.Recall, tt.p, tt.r)
			}
		})
	}
}

func TestSnippets(t *testing.T) {
	c := Snippets("Talks went on\nlate into the night. Share on Facebook",
		[]string{"Talks went on late", "into the night", "the minister said"},
		[]string{"Share on Facebook", "Cookie settings"})
	if want := (SnippetCounts{TP: 2, FN: 1, FP: 1, TN: 1}); c != want {
		t.Errorf("counts = %+v, want %+v", c, want)
	}
	if s := c.Score(); math.Abs(s.Precision-2.0/3) > 1e-9 || math.Abs(s.Recall-2.0/3) > 1e-9 {
		t.Errorf("score = %+v", s)
	}
}

func TestMarkdownText(t *testing.T) {
	got := markdownText("# Title\n\nSome [linked words](https://x.example/a) and ![alt](i.png) `code`.\n\n| a | b |\n|---|---|\n| c | d |\n")
	for _, w := range []string{"Title", "linked words", "code", "c", "d"} {
		if !strings.Contains(got, w) {
			t.Errorf("text %q lacks %q", got, w)
		}
	}
	// Escapes show as the character, in code as written.
	esc := markdownText("Konsument\\*innen, Liebe\\_r Besucher\\_in, 100\\. Ray Gillen, Tom &amp; Jerry &#8211; `a\\*b`\n")
	if want := "Konsument*innen, Liebe_r Besucher_in, 100. Ray Gillen, Tom & Jerry \u2013 a\\*b"; strings.TrimSpace(esc) != want {
		t.Errorf("text %q, want %q", esc, want)
	}
	for _, w := range []string{"https", "alt", "|"} {
		if strings.Contains(got, w) {
			t.Errorf("text %q has %q", got, w)
		}
	}
}
