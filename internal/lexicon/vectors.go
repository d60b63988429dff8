package lexicon

import (
	"encoding/binary"
	"fmt"
	"io/fs"
	"math"
	"strings"
)

// Dims is the length of a word vector.
const Dims = 100

// VectorScale is the factor between a word's unit vector and its quantised
// form: Vector(w)[i] is round(u[i] * VectorScale) for the unit vector u.
// Components of GloVe 6B unit vectors stay below 0.6 in absolute value, so
// 210 uses the int8 range without clipping.
const VectorScale = 210

// vectors holds the word tables: GloVe and its counter-fitted copy, with
// the same rows.
type vectors struct {
	rank  map[string]int32 // word -> row, which is also its frequency rank
	vecs  []int8           // GloVe, Dims components per row
	para  []int8           // counter-fitted GloVe, Dims components per row
	sif   sifParams
	anton map[[2]string]struct{} // antonym pairs, each sorted
}

// load reads words.txt, vectors.bin, paraphrase.bin, sif.txt and
// antonyms.txt.
func (v *vectors) load(fsys fs.FS) error {
	b, err := fs.ReadFile(fsys, "words.txt")
	if err != nil {
		return err
	}
	text := string(b)
	v.rank = make(map[string]int32, strings.Count(text, "\n"))
	err = lines(text, func(lineno int, w string) error {
		n := len(v.rank)
		v.rank[w] = int32(n)
		if len(v.rank) == n {
			return fmt.Errorf("words.txt:%d: duplicate word %q", lineno, w)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if v.vecs, _, err = readTable(fsys, "vectors.bin", len(v.rank)); err != nil {
		return err
	}
	var scale float32
	if v.para, scale, err = readTable(fsys, "paraphrase.bin", len(v.rank)); err != nil {
		return err
	}
	if err := v.sif.load(fsys, scale); err != nil {
		return err
	}
	return v.loadAntonyms(fsys)
}

// readTable reads a vector table of count words: the magic "LXV1", the
// count, the dimension (uint32) and the scale (float32), little endian,
// then count*Dims int8 components. vectors.bin must have the scale
// [VectorScale]; other tables may have their own.
func readTable(fsys fs.FS, name string, count int) ([]int8, float32, error) {
	bin, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, 0, err
	}
	const header = 16
	if len(bin) < header || string(bin[:4]) != "LXV1" {
		return nil, 0, fmt.Errorf("%s: bad header", name)
	}
	n := binary.LittleEndian.Uint32(bin[4:])
	dims := binary.LittleEndian.Uint32(bin[8:])
	scale := math.Float32frombits(binary.LittleEndian.Uint32(bin[12:]))
	switch {
	case dims != Dims || (name == "vectors.bin" && scale != VectorScale) || !(scale > 0):
		return nil, 0, fmt.Errorf("%s: %d dimensions at scale %g, want %d at %d", name, dims, scale, Dims, VectorScale)
	case int(n) != count:
		return nil, 0, fmt.Errorf("%s: %d vectors for %d words", name, n, count)
	case len(bin) != header+int(n)*Dims:
		return nil, 0, fmt.Errorf("%s: size %d, want %d", name, len(bin), header+int(n)*Dims)
	}
	vecs := make([]int8, len(bin)-header)
	for i, c := range bin[header:] {
		vecs[i] = int8(c)
	}
	return vecs, scale, nil
}

// row returns the table row of word: the normalised surface form first,
// then its lemma. It returns -1 if neither has a vector.
func (l *Lexicon) row(word string) int {
	w := normalize(word)
	if r, ok := l.rank[w]; ok {
		return int(r)
	}
	if lemma := l.Lemma(w); lemma != w {
		if r, ok := l.rank[lemma]; ok {
			return int(r)
		}
	}
	return -1
}

func (v *vectors) vec(row int) []int8 { return v.vecs[row*Dims : (row+1)*Dims : (row+1)*Dims] }

// Similarity returns the cosine similarity, in [-1, 1], of the GloVe
// vectors of a and b. Each word is looked up lowercased (possessive
// dropped), then by its lemma; ok is false if either has no vector. The
// int8 quantisation changes cosines by about 0.01.
func (l *Lexicon) Similarity(a, b string) (cos float32, ok bool) {
	ra, rb := l.row(a), l.row(b)
	if ra < 0 || rb < 0 {
		return 0, false
	}
	return cosine(l.vec(ra), l.vec(rb)), true
}

// cosine returns the cosine of two equally long int8 vectors.
func cosine(x, y []int8) float32 {
	var dot, nx, ny int32
	y = y[:len(x)]
	for i, a := range x {
		b := int32(y[i])
		dot += int32(a) * b
		nx += int32(a) * int32(a)
		ny += b * b
	}
	if nx == 0 || ny == 0 {
		return 0
	}
	c := float32(float64(dot) / math.Sqrt(float64(nx)*float64(ny)))
	return max(-1, min(1, c))
}

// Vector returns the quantised GloVe vector of word, looked up as
// [Lexicon.Similarity] does: Dims components, the unit vector times
// [VectorScale], rounded. The slice shares the table's memory and must not
// be modified. ok is false if the word has no vector.
func (l *Lexicon) Vector(word string) (v []int8, ok bool) {
	r := l.row(word)
	if r < 0 {
		return nil, false
	}
	return l.vec(r), true
}

// Rank returns the 0-based frequency rank of word in GloVe 6B, counting
// only the words kept in the table (about 60,000; numbers and punctuation
// are left out), looked up as [Lexicon.Similarity] does. It returns -1
// for a word without a vector: a rare word, a name GloVe never saw, a
// number. Useful as an IDF prior.
func (l *Lexicon) Rank(word string) int { return l.row(word) }
