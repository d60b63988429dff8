package main

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// shingleSize is the length of the word n-grams compared, as in the
// published article-extraction benchmarks (4-word shingles).
const shingleSize = 4

// Score is one page's precision, recall and F1.
type Score struct {
	Precision, Recall, F1 float64
}

// visible returns the text as a reader sees it, for comparing: soft
// hyphens (U+00AD, shown only where a line breaks) removed and the text
// in NFC, so that "Ita\u00adliens" is "Italiens" and a letter written
// with a combining mark is the precomposed one, whichever side wrote it.
func visible(s string) string {
	return norm.NFC.String(strings.ReplaceAll(s, "\u00ad", ""))
}

// tokens splits text into lower-case words: runs of letters and digits.
func tokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(visible(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// shingles counts the word n-grams of text. A text shorter than n words
// is one shingle of all its words.
func shingles(s string) map[string]int {
	w := tokens(s)
	m := map[string]int{}
	if len(w) == 0 {
		return m
	}
	if len(w) < shingleSize {
		m[strings.Join(w, " ")]++
		return m
	}
	for i := 0; i+shingleSize <= len(w); i++ {
		m[strings.Join(w[i:i+shingleSize], " ")]++
	}
	return m
}

// ShingleScore compares extracted text with the ground truth by their
// multisets of 4-word shingles. Both empty scores 1; one of them empty
// scores 0.
func ShingleScore(got, want string) Score {
	g, w := shingles(got), shingles(want)
	ng, nw := total(g), total(w)
	switch {
	case ng == 0 && nw == 0:
		return Score{1, 1, 1}
	case ng == 0 || nw == 0:
		return Score{}
	}
	tp := 0
	for k, c := range g {
		tp += min(c, w[k])
	}
	p, r := float64(tp)/float64(ng), float64(tp)/float64(nw)
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return Score{p, r, f}
}

func total(m map[string]int) int {
	n := 0
	for _, c := range m {
		n += c
	}
	return n
}

// SnippetCounts is the trafilatura benchmark's measure: snippets that
// must appear ("with") and must not ("without") in the extracted text.
type SnippetCounts struct {
	TP, FN, FP, TN int
}

// Snippets counts which snippets the extracted text holds. Text and
// snippets are compared with white space collapsed.
func Snippets(got string, with, without []string) SnippetCounts {
	g := collapse(got)
	var c SnippetCounts
	for _, s := range with {
		if strings.Contains(g, collapse(s)) {
			c.TP++
		} else {
			c.FN++
		}
	}
	for _, s := range without {
		if strings.Contains(g, collapse(s)) {
			c.FP++
		} else {
			c.TN++
		}
	}
	return c
}

func collapse(s string) string { return strings.Join(strings.Fields(visible(s)), " ") }

// Add sums counts.
func (c *SnippetCounts) Add(d SnippetCounts) {
	c.TP += d.TP
	c.FN += d.FN
	c.FP += d.FP
	c.TN += d.TN
}

// Score returns precision TP/(TP+FP), recall TP/(TP+FN) and their F1.
func (c SnippetCounts) Score() Score {
	p := ratio(c.TP, c.TP+c.FP)
	r := ratio(c.TP, c.TP+c.FN)
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return Score{p, r, f}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
