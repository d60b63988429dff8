package main

import (
	"math"
	"slices"
	"testing"
	"testing/fstest"
)

// unitVectors returns a table of the given words whose vectors are the
// given directions, normalised.
func unitVectors(words []string, dirs [][]float32) *vectors {
	v := &vectors{words: words}
	for _, d := range dirs {
		x := make([]float32, dims)
		copy(x, d)
		n := float32(math.Sqrt(float64(dot(x, x))))
		for i := range x {
			x[i] /= n
		}
		v.unit = append(v.unit, x...)
	}
	return v
}

func TestCounterFit(t *testing.T) {
	words := []string{"rise", "fall", "climb", "ascend", "banana", "plantain"}
	v := unitVectors(words, [][]float32{
		{1, 0.9, 0},    // rise: close to fall, as in GloVe
		{1, 1, 0},      // fall
		{1, -0.5, 0.8}, // climb: a synonym of rise, not so close
		{1, -0.5, 0.9}, // ascend: a neighbour of climb, no constraint of its own
		{0, 0, 0, 1},   // banana: untouched
		{0, 0, 0, 0, 1},
	})
	c := &constraints{
		synonyms: [][2]string{{"climb", "rise"}, {"absent", "rise"}},
		antonyms: [][2]string{{"fall", "rise"}},
	}
	cf := counterFit(v, c, defaultCFOptions())
	if !slices.Equal(cf.words, v.words) {
		t.Fatalf("words changed: %v", cf.words)
	}
	cos := func(x *vectors, a, b int) float32 {
		return dot(x.unit[a*dims:(a+1)*dims], x.unit[b*dims:(b+1)*dims])
	}
	if before, after := cos(v, 0, 1), cos(cf, 0, 1); after >= before || after > 0.05 {
		t.Errorf("antonyms rise/fall: cosine %.3f -> %.3f, want pushed to about 0", before, after)
	}
	if before, after := cos(v, 0, 2), cos(cf, 0, 2); after <= before {
		t.Errorf("synonyms rise/climb: cosine %.3f -> %.3f, want closer", before, after)
	}
	// ascend followed its neighbour climb (vector space preservation).
	if before, after := cos(v, 0, 3), cos(cf, 0, 3); after <= before {
		t.Errorf("rise/ascend: cosine %.3f -> %.3f, want ascend to follow climb", before, after)
	}
	if !slices.Equal(cf.unit[4*dims:], v.unit[4*dims:]) {
		t.Error("words no constraint or neighbour touches moved")
	}
	for i, x := range cf.unit {
		if q := float64(cf.data[i]); math.Abs(q-float64(x)*cf.scale) > 0.5001 {
			t.Fatalf("component %d: %v quantised to %v at scale %v", i, x, q, cf.scale)
		}
	}
}

func TestReadConstraints(t *testing.T) {
	fsys := fstest.MapFS{
		"ppdb_synonyms.txt":    {Data: []byte("b a\na b\nx x\n\nU.S america\n")},
		"ppdb_antonyms.txt":    {Data: []byte("up down\n")},
		"wordnet_antonyms.txt": {Data: []byte("down up\n2014 up\n")},
	}
	c, err := readConstraints(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if want := [][2]string{{"a", "b"}, {"america", "u.s"}}; !slices.Equal(c.synonyms, want) {
		t.Errorf("synonyms %v, want %v", c.synonyms, want)
	}
	if want := [][2]string{{"down", "up"}}; !slices.Equal(c.antonyms, want) {
		t.Errorf("antonyms %v, want %v", c.antonyms, want)
	}
	fsys["ppdb_antonyms.txt"] = &fstest.MapFile{Data: []byte("up\n")}
	if _, err := readConstraints(fsys); err == nil || err.Error() != "ppdb_antonyms.txt:1: want two words, have 1" {
		t.Errorf("err = %v", err)
	}
}

func TestCommonComponent(t *testing.T) {
	// Every word shares one direction (a frequency direction, as in GloVe)
	// plus a direction of its own: the common component is the shared one.
	var words []string
	var dirs [][]float32
	for i := range 50 {
		words = append(words, string(rune('a'+i%26))+string(rune('a'+i/26)))
		d := make([]float32, dims)
		d[0] = 1
		d[1+i] = 1
		dirs = append(dirs, d)
	}
	v := unitVectors(words, dirs)
	v.scale = 100
	for _, x := range v.unit {
		v.data = append(v.data, int8(math.Round(float64(x)*v.scale)))
	}
	u := commonComponent(v, 1e-3, zipfZ(), sifLength)
	var n float64
	for _, x := range u {
		n += x * x
	}
	if math.Abs(n-1) > 1e-9 || u[0] < 0.9 {
		t.Errorf("common component: norm² %v, first component %v; want a unit vector near e0", n, u[0])
	}
}
