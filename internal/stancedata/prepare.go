package stancedata

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// stampFile marks a complete cache; it is written last.
const stampFile = "PREPARED"

// Splits. FNC-1 is split by body, so that no article is in two splits;
// the other sets as described at Prepare.
const (
	SplitFit   = "fit"   // for fitting weights
	SplitDev   = "dev"   // for measuring; never fitted on
	SplitStory = "story" // FNC-1: the acceptance story's articles, in neither
)

// StoryHeadline is the FNC-1 training headline whose articles make the
// acceptance test project (a story that two or more articles debunk):
// 10 agree, 6 discuss and 8 disagree bodies. Every body related (agree,
// discuss or disagree) to a headline that shares a related body with it,
// transitively, is in SplitStory: 25 bodies of the spider story, so that
// neither fitting nor the dev figures see them.
const StoryHeadline = "Tropical spider burrowed under man's skin through appendix scar and lived there for THREE DAYS"

// Prepare reads every Manifest file through g, checks it, and writes the
// cache into dir: fnc1/bodies.csv and fnc1/stances.csv as published,
// fnc1/split.tsv (Body ID, split), sick/{train,trial}.tsv,
// stsb/{train,dev}.tsv, mrpc/train.tsv, MANIFEST.tsv, and PREPARED last.
// It writes into a temporary sibling folder and renames it into place,
// so dir is never left half written.
//
// Splits: FNC-1 bodies by an FNV-1a hash of "fnc1:<Body ID>" (one in five
// to dev), after SplitStory; MRPC pairs by a hash of "mrpc:<id1>-<id2>"
// (one in five to dev); SICK TRAIN is fit and TRIAL dev; STS-B train is
// fit and dev dev.
func Prepare(ctx context.Context, g Getter, dir string) error {
	got := map[string][]byte{}
	names := make([]string, 0, len(Manifest))
	for n := range Manifest {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, err := fetch(ctx, g, n, Manifest[n])
		if err != nil {
			return err
		}
		got[n] = b
	}

	out := map[string][]byte{}
	out["fnc1/bodies.csv"] = got["fnc1-bodies"]
	out["fnc1/stances.csv"] = got["fnc1-stances"]
	bodies, err := parseBodies("fnc1/bodies.csv", got["fnc1-bodies"])
	if err != nil {
		return err
	}
	stances, err := parseStances("fnc1/stances.csv", got["fnc1-stances"])
	if err != nil {
		return err
	}
	split, err := splitFNC(bodies, stances)
	if err != nil {
		return err
	}
	var sb strings.Builder
	sb.WriteString("body_id\tsplit\n")
	ids := make([]int, 0, len(split))
	for id := range split {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	for _, id := range ids {
		fmt.Fprintf(&sb, "%d\t%s\n", id, split[id])
	}
	out["fnc1/split.tsv"] = []byte(sb.String())

	train, trial, err := convertSICK(got["sick"])
	if err != nil {
		return err
	}
	out["sick/train.tsv"], out["sick/trial.tsv"] = train, trial
	for _, s := range []string{"train", "dev"} {
		b, err := convertSTSB("stsb-"+s, got["stsb-"+s])
		if err != nil {
			return err
		}
		out["stsb/"+s+".tsv"] = b
	}
	mrpc, err := convertMRPC(got["mrpc-train"])
	if err != nil {
		return err
	}
	out["mrpc/train.tsv"] = mrpc

	var man strings.Builder
	man.WriteString("name\trepo\tcommit\tpath\tsha256\n")
	for _, n := range names {
		f := Manifest[n]
		fmt.Fprintf(&man, "%s\t%s\t%s\t%s\t%s\n", n, f.Repo, f.Commit, f.Path, f.SHA256)
	}
	out["MANIFEST.tsv"] = []byte(man.String())
	return writeDir(dir, out)
}

// writeDir writes files into a fresh temporary folder beside dir and
// renames it over dir.
func writeDir(dir string, files map[string][]byte) error {
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".tmp")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		p := filepath.Join(tmp, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[n], 0o644); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(tmp, stampFile), []byte("stance data prepared by tools/stancedata\n"), 0o644); err != nil {
		return err
	}
	old := dir + ".old"
	os.RemoveAll(old)
	if _, err := os.Stat(dir); err == nil {
		if err := os.Rename(dir, old); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		return err
	}
	return os.RemoveAll(old)
}

// hashSplit puts one key in five into SplitDev.
func hashSplit(key string) string {
	h := fnv.New32a()
	h.Write([]byte(key))
	if h.Sum32()%5 == 0 {
		return SplitDev
	}
	return SplitFit
}

// splitFNC assigns every body a split: the story's bodies (see
// StoryHeadline) to SplitStory, the rest by hashSplit.
func splitFNC(bodies map[int]string, stances []Stance) (map[int]string, error) {
	story := storyBodies(stances)
	if len(story) == 0 {
		return nil, fmt.Errorf("fnc1/stances.csv: no related body for the story headline %q", StoryHeadline)
	}
	split := map[int]string{}
	for id := range bodies {
		switch {
		case story[id]:
			split[id] = SplitStory
		default:
			split[id] = hashSplit("fnc1:" + strconv.Itoa(id))
		}
	}
	for _, s := range stances {
		if _, ok := bodies[s.BodyID]; !ok {
			return nil, fmt.Errorf("fnc1/stances.csv: Body ID %d is not in fnc1/bodies.csv", s.BodyID)
		}
	}
	return split, nil
}

// storyBodies returns the bodies related to StoryHeadline, closed under
// "related to a headline that is related to one of them".
func storyBodies(stances []Stance) map[int]bool {
	heads := map[string]bool{StoryHeadline: true}
	bodies := map[int]bool{}
	for {
		n := len(heads) + len(bodies)
		for _, s := range stances {
			if s.Label == "unrelated" {
				continue
			}
			if heads[s.Headline] {
				bodies[s.BodyID] = true
			}
			if bodies[s.BodyID] {
				heads[s.Headline] = true
			}
		}
		if len(heads)+len(bodies) == n {
			return bodies
		}
	}
}

// clean makes a field safe for a TSV cell.
func clean(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	return strings.Join(strings.Fields(s), " ")
}

// lines splits a text file into lines, dropping a byte-order mark and
// carriage returns.
func lines(b []byte) []string {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	return strings.Split(strings.TrimRight(s, "\n"), "\n")
}

// convertSICK keeps the TRAIN and TRIAL rows of SICK.txt as
// pair_ID, sentence_A, sentence_B, entailment_label, relatedness_score.
func convertSICK(b []byte) (train, trial []byte, err error) {
	ls := lines(b)
	head := strings.Split(ls[0], "\t")
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, k := range []string{"pair_ID", "sentence_A", "sentence_B", "entailment_label", "relatedness_score", "SemEval_set"} {
		if _, ok := col[k]; !ok {
			return nil, nil, fmt.Errorf("SICK.txt:1: no column %q", k)
		}
	}
	var tr, ti strings.Builder
	const h = "pair_id\tsentence_a\tsentence_b\tlabel\trelatedness\n"
	tr.WriteString(h)
	ti.WriteString(h)
	for i, l := range ls[1:] {
		f := strings.Split(l, "\t")
		if len(f) != len(head) {
			return nil, nil, fmt.Errorf("SICK.txt:%d: %d fields, want %d", i+2, len(f), len(head))
		}
		row := fmt.Sprintf("%s\t%s\t%s\t%s\t%s\n", clean(f[col["pair_ID"]]), clean(f[col["sentence_A"]]),
			clean(f[col["sentence_B"]]), clean(f[col["entailment_label"]]), clean(f[col["relatedness_score"]]))
		switch clean(f[col["SemEval_set"]]) {
		case "TRAIN":
			tr.WriteString(row)
		case "TRIAL":
			ti.WriteString(row)
		}
	}
	return []byte(tr.String()), []byte(ti.String()), nil
}

// convertSTSB keeps genre, file, year, score and the two sentences of
// every row whose file is not MSRpar.
func convertSTSB(name string, b []byte) ([]byte, error) {
	var sb strings.Builder
	sb.WriteString("genre\tfile\tyear\tscore\tsentence_a\tsentence_b\n")
	for i, l := range lines(b) {
		f := strings.Split(l, "\t")
		if len(f) < 7 {
			return nil, fmt.Errorf("%s:%d: %d fields, want at least 7", Manifest[name].Path, i+1, len(f))
		}
		if f[1] == "MSRpar" {
			continue
		}
		if _, err := strconv.ParseFloat(f[4], 64); err != nil {
			return nil, fmt.Errorf("%s:%d: score %q: %v", Manifest[name].Path, i+1, f[4], err)
		}
		fmt.Fprintf(&sb, "%s\t%s\t%s\t%s\t%s\t%s\n", clean(f[0]), clean(f[1]), clean(f[2]), clean(f[4]), clean(f[5]), clean(f[6]))
	}
	return []byte(sb.String()), nil
}

// convertMRPC writes quality, the two IDs and sentences and the split
// of every training pair.
func convertMRPC(b []byte) ([]byte, error) {
	var sb strings.Builder
	sb.WriteString("quality\tid_a\tid_b\tsentence_a\tsentence_b\tsplit\n")
	for i, l := range lines(b)[1:] {
		f := strings.Split(l, "\t")
		if len(f) != 5 || (f[0] != "0" && f[0] != "1") {
			return nil, fmt.Errorf("msr_paraphrase_train.txt:%d: want quality and four fields", i+2)
		}
		if clean(f[1]) == "-1" {
			// This copy appends four toy pairs of its own, with ID -1.
			continue
		}
		fmt.Fprintf(&sb, "%s\t%s\t%s\t%s\t%s\t%s\n", f[0], clean(f[1]), clean(f[2]), clean(f[3]), clean(f[4]),
			hashSplit("mrpc:"+clean(f[1])+"-"+clean(f[2])))
	}
	return []byte(sb.String()), nil
}

// readCSV parses a CSV file with a header; name is for errors.
func readCSV(name string, b []byte) ([][]string, error) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: empty", name)
	}
	return rows, nil
}
