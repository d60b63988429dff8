package stancedata

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Stance is one FNC-1 training pair: a headline, the body it was paired
// with, and the label (agree, disagree, discuss or unrelated).
type Stance struct {
	Headline string
	BodyID   int
	Label    string
	Split    string // SplitFit, SplitDev or SplitStory: the body's
}

// FNC is the FNC-1 training split as prepared.
type FNC struct {
	Bodies  map[int]string // Body ID -> article text
	Stances []Stance       // in file order
}

// Labels of FNC-1.
var fncLabels = map[string]bool{"agree": true, "disagree": true, "discuss": true, "unrelated": true}

// LoadFNC reads the FNC-1 files of a prepared cache.
func LoadFNC(dir string) (*FNC, error) {
	read := func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, filepath.FromSlash(name))) }
	b, err := read("fnc1/bodies.csv")
	if err != nil {
		return nil, err
	}
	bodies, err := parseBodies("fnc1/bodies.csv", b)
	if err != nil {
		return nil, err
	}
	if b, err = read("fnc1/stances.csv"); err != nil {
		return nil, err
	}
	stances, err := parseStances("fnc1/stances.csv", b)
	if err != nil {
		return nil, err
	}
	if b, err = read("fnc1/split.tsv"); err != nil {
		return nil, err
	}
	split := map[int]string{}
	for i, l := range lines(b)[1:] {
		id, s, ok := strings.Cut(l, "\t")
		n, err := strconv.Atoi(id)
		if !ok || err != nil || (s != SplitFit && s != SplitDev && s != SplitStory) {
			return nil, fmt.Errorf("fnc1/split.tsv:%d: want Body ID and split", i+2)
		}
		split[n] = s
	}
	for i := range stances {
		s, ok := split[stances[i].BodyID]
		if !ok {
			return nil, fmt.Errorf("fnc1/split.tsv: no split for Body ID %d", stances[i].BodyID)
		}
		stances[i].Split = s
	}
	return &FNC{Bodies: bodies, Stances: stances}, nil
}

func parseBodies(name string, b []byte) (map[int]string, error) {
	rows, err := readCSV(name, b)
	if err != nil {
		return nil, err
	}
	if len(rows[0]) != 2 || rows[0][0] != "Body ID" || rows[0][1] != "articleBody" {
		return nil, fmt.Errorf("%s:1: header %q, want Body ID,articleBody", name, rows[0])
	}
	out := make(map[int]string, len(rows))
	for i, r := range rows[1:] {
		id, err := strconv.Atoi(strings.TrimSpace(r[0]))
		if len(r) != 2 || err != nil {
			return nil, fmt.Errorf("%s: record %d: want Body ID and article", name, i+2)
		}
		out[id] = r[1]
	}
	return out, nil
}

func parseStances(name string, b []byte) ([]Stance, error) {
	rows, err := readCSV(name, b)
	if err != nil {
		return nil, err
	}
	if len(rows[0]) != 3 || rows[0][0] != "Headline" || rows[0][1] != "Body ID" || rows[0][2] != "Stance" {
		return nil, fmt.Errorf("%s:1: header %q, want Headline,Body ID,Stance", name, rows[0])
	}
	out := make([]Stance, 0, len(rows))
	for i, r := range rows[1:] {
		if len(r) != 3 {
			return nil, fmt.Errorf("%s: record %d: %d fields, want 3", name, i+2, len(r))
		}
		id, err := strconv.Atoi(strings.TrimSpace(r[1]))
		if err != nil || !fncLabels[r[2]] {
			return nil, fmt.Errorf("%s: record %d: want Body ID and one of agree, disagree, discuss, unrelated", name, i+2)
		}
		out = append(out, Stance{Headline: r[0], BodyID: id, Label: r[2]})
	}
	return out, nil
}

// Pair is one sentence pair of SICK, MRPC or STS-B.
type Pair struct {
	ID    string
	A, B  string
	Label string  // SICK: ENTAILMENT, NEUTRAL, CONTRADICTION; MRPC: 1 (paraphrase) or 0
	Score float64 // SICK relatedness 1-5; STS-B similarity 0-5
	Split string  // SplitFit or SplitDev
	Genre string  // STS-B: news, captions, forum
}

// LoadSICK reads SICK's TRAIN (SplitFit) and TRIAL (SplitDev) pairs.
func LoadSICK(dir string) ([]Pair, error) {
	var out []Pair
	for _, part := range []struct{ file, split string }{{"sick/train.tsv", SplitFit}, {"sick/trial.tsv", SplitDev}} {
		err := readTSV(dir, part.file, 5, func(f []string) error {
			score, err := strconv.ParseFloat(f[4], 64)
			if err != nil {
				return err
			}
			out = append(out, Pair{ID: "sick-" + f[0], A: f[1], B: f[2], Label: f[3], Score: score, Split: part.split})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// LoadMRPC reads the MRPC training pairs with their split.
func LoadMRPC(dir string) ([]Pair, error) {
	var out []Pair
	err := readTSV(dir, "mrpc/train.tsv", 6, func(f []string) error {
		out = append(out, Pair{ID: "mrpc-" + f[1] + "-" + f[2], A: f[3], B: f[4], Label: f[0], Split: f[5]})
		return nil
	})
	return out, err
}

// LoadSTSB reads STS-B train (SplitFit) and dev (SplitDev), without MSRpar.
func LoadSTSB(dir string) ([]Pair, error) {
	var out []Pair
	for _, part := range []struct{ file, split string }{{"stsb/train.tsv", SplitFit}, {"stsb/dev.tsv", SplitDev}} {
		n := 0
		err := readTSV(dir, part.file, 6, func(f []string) error {
			score, err := strconv.ParseFloat(f[3], 64)
			if err != nil {
				return err
			}
			n++
			genre := strings.TrimPrefix(f[0], "main-")
			out = append(out, Pair{ID: fmt.Sprintf("stsb-%s-%d", part.split, n), A: f[4], B: f[5], Score: score, Split: part.split, Genre: genre})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// readTSV calls row for each line after the header of a cache TSV file
// with exactly n fields.
func readTSV(dir, name string, n int, row func([]string) error) error {
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		return err
	}
	for i, l := range lines(b)[1:] {
		f := strings.Split(l, "\t")
		if len(f) != n {
			return fmt.Errorf("%s:%d: %d fields, want %d", name, i+2, len(f), n)
		}
		if err := row(f); err != nil {
			return fmt.Errorf("%s:%d: %w", name, i+2, err)
		}
	}
	return nil
}
