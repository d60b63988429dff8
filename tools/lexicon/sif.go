package main

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
)

// SIF ("smooth inverse frequency", Arora, Liang and Ma 2017, "A Simple but
// Tough-to-Beat Baseline for Sentence Embeddings") embeds a sentence as the
// average of its word vectors weighted a/(a + p(w)), then removes the
// projection on a common component: the first singular vector of the
// sentence vectors of a corpus, which carries what all sentences share
// (frequent words, syntax) rather than what they say.
//
// The lexicon has no corpus, only frequency ranks, so the generator takes
// the corpus to be sentences of sifLength words drawn independently with
// Zipf's probability p(r) = z/(r+1), z = 1/H(N) over the GloVe vocabulary of
// N words. Then the second moment of sentence vectors s = (1/n) Σ f(w) x_w,
// f = a/(a+p), has the closed form
//
//	E[s sᵀ] = (1/n) E[f² x xᵀ] + (1 - 1/n) E[f x] E[f x]ᵀ
//
// and its top eigenvector (by power iteration) is the common component. No
// sample is drawn, so the result is deterministic.
const (
	sifLength = 12
	// gloveVocab is the size of the GloVe 6B vocabulary the ranks count in.
	gloveVocab = 400000
)

// zipfZ is 1/H(gloveVocab), the probability Zipf's law gives the most
// frequent word.
func zipfZ() float64 {
	var h float64
	for r := 1; r <= gloveVocab; r++ {
		h += 1 / float64(r)
	}
	return 1 / h
}

// commonComponent returns the unit common component of the quantised
// table v under the model above.
func commonComponent(v *vectors, a, z float64, n int) []float64 {
	var mu [dims]float64
	var m [dims][dims]float64
	var total float64
	x := make([]float64, dims)
	for r := range v.words {
		p := z / float64(r+1)
		f := a / (a + p)
		total += p
		for d := range dims {
			x[d] = float64(v.data[r*dims+d]) / v.scale
		}
		for d := range dims {
			mu[d] += p * f * x[d]
			for e := range dims {
				m[d][e] += p * f * f * x[d] * x[e]
			}
		}
	}
	// Renormalise p over the words the table keeps.
	for d := range dims {
		mu[d] /= total
	}
	for d := range dims {
		for e := range dims {
			m[d][e] = m[d][e]/total/float64(n) + (1-1/float64(n))*mu[d]*mu[e]
		}
	}
	// Power iteration from the mean direction; M is positive semidefinite.
	u := make([]float64, dims)
	copy(u, mu[:])
	next := make([]float64, dims)
	for range 200 {
		for d := range dims {
			var s float64
			for e := range dims {
				s += m[d][e] * u[e]
			}
			next[d] = s
		}
		var norm float64
		for _, y := range next {
			norm += y * y
		}
		norm = math.Sqrt(norm)
		for d := range dims {
			u[d] = next[d] / norm
		}
	}
	// Fix the sign so that the output does not depend on the start.
	var s float64
	for _, y := range u {
		s += y
	}
	if s < 0 {
		for d := range u {
			u[d] = -u[d]
		}
	}
	return u
}

// encodeSIF adds sif.txt: the weight parameter a, Zipf's z and the common
// component of each table.
func encodeSIF(files map[string][]byte, glove, cf *vectors, a float64) {
	z := zipfZ()
	var b bytes.Buffer
	b.WriteString("# SIF sentence embedding: weight a/(a + z/(rank+1)); common component per table (tools/lexicon/sif.go)\n")
	fmt.Fprintf(&b, "a\t%s\n", strconv.FormatFloat(a, 'g', -1, 64))
	fmt.Fprintf(&b, "zipf\t%s\n", strconv.FormatFloat(z, 'g', 8, 64))
	for _, t := range []struct {
		name string
		v    *vectors
	}{{"vectors.bin", glove}, {"paraphrase.bin", cf}} {
		b.WriteString(t.name)
		for _, c := range commonComponent(t.v, a, z, sifLength) {
			b.WriteByte('\t')
			b.WriteString(strconv.FormatFloat(c, 'g', 6, 64))
		}
		b.WriteByte('\n')
	}
	files["sif.txt"] = b.Bytes()
}
