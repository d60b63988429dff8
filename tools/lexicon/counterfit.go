package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io/fs"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Counter-fitting (Mrkšić et al. 2016, "Counter-fitting Word Vectors to
// Linguistic Constraints", NAACL) moves the GloVe vectors so that synonyms
// come closer, antonyms move apart and each word keeps the neighbourhood it
// had. GloVe puts "rise" and "fall", "win" and "lose" close together
// because they occur in the same contexts; for telling a paraphrase from a
// contradiction that is the wrong way round. The cost, in the paper's
// terms, with d(u, v) = 1 - cos(u, v) and τ(x) = max(0, x):
//
//	AR  = Σ over antonym pairs    τ(δ - d(u, v))          (repel to distance δ)
//	SA  = Σ over synonym pairs    τ(d(u, v) - γ)          (attract to distance γ)
//	VSP = Σ over neighbours i, j  τ(d(v'i, v'j) - d(vi, vj))  (neighbours: d < ρ in the original space)
//
// weighted k1, k2, k3. This implementation takes full-batch gradient steps
// on the unit sphere (the gradient of the cosine projected onto the tangent
// plane, then renormalised) for a fixed number of epochs, which the paper
// also uses (20, with k1 = k2 = k3 = 0.1, δ = 1, γ = 0, ρ = 0.2).

// cfOptions are the counter-fitting hyperparameters.
type cfOptions struct {
	Epochs     int
	K1, K2, K3 float64 // weights of antonym repel, synonym attract, vector space preservation
	Delta      float64 // antonyms are pushed to at least this distance
	Gamma      float64 // synonyms are pulled to at most this distance
	Rho        float64 // words closer than this in GloVe are neighbours to preserve
}

func defaultCFOptions() cfOptions {
	return cfOptions{Epochs: 20, K1: 0.1, K2: 0.1, K3: 0.1, Delta: 1, Gamma: 0, Rho: 0.2}
}

// constraints are word pairs, each pair sorted and the list sorted and
// without duplicates.
type constraints struct {
	synonyms [][2]string
	antonyms [][2]string
}

// The constraint files of github.com/nmrksic/counter-fitting
// (linguistic_constraints/): one pair of words a line, separated by a space.
var (
	synonymFiles = []string{"ppdb_synonyms.txt"}
	antonymFiles = []string{"ppdb_antonyms.txt", "wordnet_antonyms.txt"}
)

// readConstraints reads the synonym and antonym files from dir. A pair
// listed both ways or in several files counts once; pairs of a word with
// itself and words that are not plain lowercase words (see keepWord) are
// left out.
func readConstraints(dir fs.FS) (*constraints, error) {
	read := func(names []string) ([][2]string, error) {
		seen := map[[2]string]bool{}
		for _, name := range names {
			b, err := fs.ReadFile(dir, name)
			if err != nil {
				return nil, err
			}
			sc := bufio.NewScanner(bytes.NewReader(b))
			for lineno := 1; sc.Scan(); lineno++ {
				f := strings.Fields(sc.Text())
				if len(f) == 0 {
					continue
				}
				if len(f) != 2 {
					return nil, fmt.Errorf("%s:%d: want two words, have %d", name, lineno, len(f))
				}
				a, b := strings.ToLower(f[0]), strings.ToLower(f[1])
				if a == b || !keepWord(a) || !keepWord(b) {
					continue
				}
				if b < a {
					a, b = b, a
				}
				seen[[2]string{a, b}] = true
			}
		}
		pairs := make([][2]string, 0, len(seen))
		for p := range seen {
			pairs = append(pairs, p)
		}
		slices.SortFunc(pairs, func(x, y [2]string) int {
			if c := strings.Compare(x[0], y[0]); c != 0 {
				return c
			}
			return strings.Compare(x[1], y[1])
		})
		return pairs, nil
	}
	syn, err := read(synonymFiles)
	if err != nil {
		return nil, err
	}
	ant, err := read(antonymFiles)
	if err != nil {
		return nil, err
	}
	return &constraints{synonyms: syn, antonyms: ant}, nil
}

// pair is a constraint between two table rows; d0 is the original distance
// of a neighbour pair.
type pair struct {
	i, j int32
	d0   float32
}

// counterFit returns counter-fitted copies of the unit vectors of v (the
// same words in the same order), quantised with the largest scale that
// keeps every component within int8.
func counterFit(v *vectors, c *constraints, opts cfOptions) *vectors {
	row := make(map[string]int32, len(v.words))
	for i, w := range v.words {
		row[w] = int32(i)
	}
	rows := func(pairs [][2]string) []pair {
		var out []pair
		for _, p := range pairs {
			i, ok1 := row[p[0]]
			j, ok2 := row[p[1]]
			if ok1 && ok2 {
				out = append(out, pair{i: i, j: j})
			}
		}
		return out
	}
	syn, ant := rows(c.synonyms), rows(c.antonyms)
	// A pair that is listed as both is contradictory data: leave it alone.
	antSet := map[[2]int32]bool{}
	for _, p := range ant {
		antSet[[2]int32{p.i, p.j}] = true
	}
	syn = slices.DeleteFunc(syn, func(p pair) bool { return antSet[[2]int32{p.i, p.j}] })

	cur := slices.Clone(v.unit)
	vec := func(x []float32, i int32) []float32 { return x[int(i)*dims : int(i+1)*dims : int(i+1)*dims] }

	// The neighbourhood to preserve: every word within ρ of a word that a
	// constraint moves. Words no constraint touches move only through these.
	moved := map[int32]bool{}
	for _, p := range slices.Concat(syn, ant) {
		moved[p.i], moved[p.j] = true, true
	}
	vsp := neighbours(v.unit, slices.Sorted(func(yield func(int32) bool) {
		for i := range moved {
			if !yield(i) {
				return
			}
		}
	}), len(v.words), float32(opts.Rho))
	// A constrained pair is not a neighbourhood to preserve: GloVe's
	// nearest neighbours are often antonyms ("rise", "fall").
	constrained := map[[2]int32]bool{}
	for _, p := range slices.Concat(syn, ant) {
		constrained[[2]int32{p.i, p.j}], constrained[[2]int32{p.j, p.i}] = true, true
	}
	vsp = slices.DeleteFunc(vsp, func(p pair) bool { return constrained[[2]int32{p.i, p.j}] })

	grad := make([]float32, len(cur))
	for range opts.Epochs {
		clear(grad)
		// pull moves u and w towards (k > 0) or away from (k < 0) each other
		// along the sphere: the gradient of cos(u, w) is w - cos·u.
		pull := func(p pair, k float32, active func(d float32) bool) {
			u, w := vec(cur, p.i), vec(cur, p.j)
			c := dot(u, w)
			if !active(1 - c) {
				return
			}
			gu, gw := vec(grad, p.i), vec(grad, p.j)
			for d := range dims {
				gu[d] += k * (w[d] - c*u[d])
				gw[d] += k * (u[d] - c*w[d])
			}
		}
		delta, gamma := float32(opts.Delta), float32(opts.Gamma)
		for _, p := range ant {
			pull(p, -float32(opts.K1), func(d float32) bool { return d < delta })
		}
		for _, p := range syn {
			pull(p, float32(opts.K2), func(d float32) bool { return d > gamma })
		}
		for _, p := range vsp {
			pull(p, float32(opts.K3), func(d float32) bool { return d > p.d0 })
		}
		for i := range len(v.words) {
			x, g := vec(cur, int32(i)), vec(grad, int32(i))
			var n float64
			for d := range dims {
				x[d] += g[d]
				n += float64(x[d]) * float64(x[d])
			}
			if n = math.Sqrt(n); n > 0 {
				for d := range dims {
					x[d] = float32(float64(x[d]) / n)
				}
			}
		}
	}

	var maxAbs float32
	for _, x := range cur {
		maxAbs = max(maxAbs, abs32(x))
	}
	out := &vectors{words: v.words, unit: cur, scale: math.Floor(127 / float64(maxAbs))}
	out.data = make([]int8, len(cur))
	for i, x := range cur {
		out.data[i] = int8(max(-127, min(127, math.Round(float64(x)*out.scale))))
	}
	return out
}

// neighbours returns the pairs (i, j), i from rows and j any of the n rows,
// whose unit vectors are closer than rho in cosine distance, each unordered
// pair once, in a deterministic order.
func neighbours(unit []float32, rows []int32, n int, rho float32) []pair {
	per := make([][]pair, len(rows))
	in := make([]bool, n)
	for _, r := range rows {
		in[r] = true
	}
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Go(func() {
			for k := w; k < len(rows); k += workers {
				i := rows[k]
				u := unit[int(i)*dims : int(i+1)*dims]
				for j := range int32(n) {
					// A pair of two moved words is found from its smaller row.
					if j == i || (in[j] && j < i) {
						continue
					}
					if d := 1 - dot(u, unit[int(j)*dims:int(j+1)*dims]); d < rho {
						per[k] = append(per[k], pair{i: i, j: j, d0: d})
					}
				}
			}
		})
	}
	wg.Wait()
	return slices.Concat(per...)
}

func dot(x, y []float32) float32 {
	y = y[:len(x)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(x); i += 4 {
		s0 += x[i] * y[i]
		s1 += x[i+1] * y[i+1]
		s2 += x[i+2] * y[i+2]
		s3 += x[i+3] * y[i+3]
	}
	for ; i < len(x); i++ {
		s0 += x[i] * y[i]
	}
	return s0 + s1 + s2 + s3
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

// encodeCounterFitted adds paraphrase.bin (the counter-fitted table, in
// the layout of vectors.bin with its own scale) and antonyms.txt (every
// antonym pair of the constraints, "a\tb" with a < b, sorted) to files.
func encodeCounterFitted(files map[string][]byte, cf *vectors, c *constraints) {
	var bin bytes.Buffer
	bin.WriteString("LXV1")
	binary.Write(&bin, binary.LittleEndian, uint32(len(cf.words)))
	binary.Write(&bin, binary.LittleEndian, uint32(dims))
	binary.Write(&bin, binary.LittleEndian, float32(cf.scale))
	binary.Write(&bin, binary.LittleEndian, cf.data)
	files["paraphrase.bin"] = bin.Bytes()

	var ant bytes.Buffer
	ant.WriteString("# antonym pairs: PPDB 2.0 and WordNet, from github.com/nmrksic/counter-fitting (Apache-2.0)\n")
	for _, p := range c.antonyms {
		ant.WriteString(p[0] + "\t" + p[1] + "\n")
	}
	files["antonyms.txt"] = ant.Bytes()
}
