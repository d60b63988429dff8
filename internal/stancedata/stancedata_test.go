package stancedata

import (
	"archive/zip"
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFetch(t *testing.T) {
	data := []byte("Headline,Body ID,Stance\nA,1,agree\n")
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	w, _ := zw.Create("train_stances.csv")
	w.Write(data)
	zw.Close()
	zdata := zbuf.Bytes()

	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "o", "n", "d"), 0o755)
	os.WriteFile(filepath.Join(root, "o", "n", "d", "plain.csv"), data, 0o644)
	os.WriteFile(filepath.Join(root, "s.zip"), zdata, 0o644)

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/o/n/c0ffee0000/d/plain.csv" {
			http.NotFound(w, r)
			return
		}
		w.Write(data)
	}))
	defer srv.Close()

	plain := File{Repo: "o/n", Commit: "c0ffee0000", Path: "d/plain.csv", SHA256: sum(data)}
	zipped := File{Repo: "o/n", Commit: "c0ffee0000", Path: "x/s.zip", SHA256: sum(zdata), Member: "train_stances.csv", MemberSHA256: sum(data)}
	for _, c := range []struct {
		name string
		g    Getter
		f    File
		err  string // "" means the data comes back
	}{
		{"DirRepoPath", DirGetter{root}, plain, ""},
		{"DirBaseName", DirGetter{root}, zipped, ""},
		{"DirMissing", DirGetter{root}, File{Repo: "o/n", Commit: "c0ffee0000", Path: "nope.csv"}, "not in"},
		{"HTTP", HTTPGetter{Base: srv.URL, Client: srv.Client()}, plain, ""},
		{"HTTPNotFound", HTTPGetter{Base: srv.URL, Client: srv.Client()}, File{Repo: "o/n", Commit: "c0ffee0000", Path: "other.csv"}, "404"},
		{"BadSum", DirGetter{root}, File{Repo: "o/n", Commit: "c0ffee0000", Path: "d/plain.csv", SHA256: sum([]byte("x"))}, "sha256"},
		{"BadMember", DirGetter{root}, File{Repo: "o/n", Commit: "c0ffee0000", Path: "s.zip", SHA256: sum(zdata), Member: "other.csv"}, "zip has no other.csv"},
		{"BadMemberSum", DirGetter{root}, File{Repo: "o/n", Commit: "c0ffee0000", Path: "s.zip", SHA256: sum(zdata), Member: "train_stances.csv", MemberSHA256: sum(nil)}, "sha256"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := fetch(t.Context(), c.g, "test", c.f)
			if c.err == "" {
				if err != nil || !bytes.Equal(got, data) {
					t.Fatalf("fetch = %q, %v; want %q", got, err, data)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Fatalf("err = %v, want one containing %q", err, c.err)
			}
		})
	}
}

func TestConvertSICK(t *testing.T) {
	in := "pair_ID\tsentence_A\tsentence_B\tentailment_label\trelatedness_score\tSemEval_set\n" +
		"1\tA dog runs\tA dog is running\tENTAILMENT\t4.9\tTRAIN\n" +
		"2\tA cat sits\tNo cat sits\tCONTRADICTION\t3.1\tTRIAL\n" +
		"3\tA man sings\tA man eats\tNEUTRAL\t2.0\tTEST\n"
	train, trial, err := convertSICK([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(train), "pair_id\tsentence_a\tsentence_b\tlabel\trelatedness\n1\tA dog runs\tA dog is running\tENTAILMENT\t4.9\n"; got != want {
		t.Errorf("train = %q, want %q", got, want)
	}
	if strings.Contains(string(trial), "TEST") || strings.Contains(string(trial), "man sings") || !strings.Contains(string(trial), "No cat sits") {
		t.Errorf("trial = %q: want row 2 only", trial)
	}
	if _, _, err := convertSICK([]byte("pair_ID\tsentence_A\n1\tx\n")); err == nil || !strings.Contains(err.Error(), "SICK.txt:1: no column") {
		t.Errorf("missing column: err = %v", err)
	}
}

func TestConvertMRPCAndSTSB(t *testing.T) {
	mrpc := "\ufeffQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\r\n1\t10\t11\tHe said \"yes\".\tHe agreed.\r\n0\t-1\t-1\tI like apples.\tI don't like apples.\r\n"
	b, err := convertMRPC([]byte(mrpc))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(b), "\n"); got != 2 {
		t.Errorf("MRPC rows = %d (%q), want header and one pair (toy ID -1 dropped)", got, b)
	}
	if !strings.Contains(string(b), "1\t10\t11\tHe said \"yes\".\tHe agreed.\t") {
		t.Errorf("MRPC = %q: quotes must be kept as written", b)
	}
	if _, err := convertMRPC([]byte("h\nx\ty\n")); err == nil || !strings.Contains(err.Error(), "msr_paraphrase_train.txt:2") {
		t.Errorf("bad MRPC row: err = %v", err)
	}
	sts := "main-news\theadlines\t2013\t0001\t4.2\tA b\tA c\tlicence\nmain-news\tMSRpar\t2012test\t0002\t3.0\tX\tY\n"
	b, err = convertSTSB("stsb-train", []byte(sts))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), "genre\tfile\tyear\tscore\tsentence_a\tsentence_b\nmain-news\theadlines\t2013\t4.2\tA b\tA c\n"; got != want {
		t.Errorf("STS-B = %q, want %q (MSRpar dropped)", got, want)
	}
	if _, err := convertSTSB("stsb-train", []byte("a\tb\tc\td\tfive\tx\ty\n")); err == nil || !strings.Contains(err.Error(), "sts-train.csv:1: score") {
		t.Errorf("bad score: err = %v", err)
	}
}

func TestSplitFNC(t *testing.T) {
	bodies := map[int]string{}
	for i := range 200 {
		bodies[i] = "body"
	}
	stances := []Stance{
		{Headline: StoryHeadline, BodyID: 1, Label: "agree"},
		{Headline: StoryHeadline, BodyID: 2, Label: "disagree"},
		{Headline: StoryHeadline, BodyID: 3, Label: "unrelated"},
		{Headline: "Other spider headline", BodyID: 2, Label: "discuss"},
		{Headline: "Other spider headline", BodyID: 4, Label: "agree"},
		{Headline: "Unrelated story", BodyID: 5, Label: "agree"},
	}
	split, err := splitFNC(bodies, stances)
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[int]bool{1: true, 2: true, 4: true, 3: false, 5: false} {
		if got := split[id] == SplitStory; got != want {
			t.Errorf("body %d: split %s, story %v want %v", id, split[id], got, want)
		}
	}
	n := map[string]int{}
	for _, s := range split {
		n[s]++
	}
	if n[SplitDev] < 20 || n[SplitDev] > 60 || n[SplitFit] < 130 {
		t.Errorf("splits %v: want about one in five in dev", n)
	}
	again, _ := splitFNC(bodies, stances)
	for id := range split {
		if split[id] != again[id] {
			t.Fatalf("body %d: split not deterministic", id)
		}
	}
	if _, err := splitFNC(bodies, append(stances, Stance{Headline: "x", BodyID: 999, Label: "agree"})); err == nil {
		t.Error("a stance whose body is missing: no error")
	}
	if _, err := splitFNC(bodies, stances[4:]); err == nil || !strings.Contains(err.Error(), "story headline") {
		t.Errorf("no story: err = %v", err)
	}
}

func TestParseStances(t *testing.T) {
	for _, c := range []struct{ name, in, err string }{
		{"OK", "Headline,Body ID,Stance\n\"A, b\",7,discuss\n", ""},
		{"Header", "Headline,Body,Stance\nA,7,discuss\n", "fnc1/stances.csv:1: header"},
		{"Label", "Headline,Body ID,Stance\nA,7,maybe\n", "record 2"},
		{"Quote", "Headline,Body ID,Stance\n\"A,7,agree\n", "fnc1/stances.csv"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := parseStances("fnc1/stances.csv", []byte(c.in))
			if c.err == "" {
				if err != nil || len(got) != 1 || got[0] != (Stance{Headline: "A, b", BodyID: 7, Label: "discuss"}) {
					t.Fatalf("got %v, %v", got, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Fatalf("err = %v, want %q", err, c.err)
			}
		})
	}
}

func TestWriteDirReplaces(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "stance")
	if err := writeDir(dir, map[string][]byte{"a/x.tsv": []byte("1")}); err != nil {
		t.Fatal(err)
	}
	if err := writeDir(dir, map[string][]byte{"b/y.tsv": []byte("2")}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "a", "x.tsv")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("old file kept: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "b", "y.tsv")); string(b) != "2" {
		t.Errorf("new file = %q", b)
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("left beside the cache: %v", entries)
	}
	t.Setenv(EnvDir, dir)
	if got, err := Dir(); err != nil || got != dir {
		t.Errorf("Dir() = %q, %v", got, err)
	}
	t.Setenv(EnvDir, t.TempDir())
	if _, err := Dir(); !errors.Is(err, ErrNoData) {
		t.Errorf("empty dir: err = %v, want ErrNoData", err)
	}
}

// TestPrepared checks a prepared cache against the published figures; it
// skips when the data has not been prepared.
func TestPrepared(t *testing.T) {
	dir, err := Dir()
	if errors.Is(err, ErrNoData) {
		t.Skipf("%v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	fnc, err := LoadFNC(dir)
	if err != nil {
		t.Fatal(err)
	}
	// The FNC-1 README: 49,972 rows, 0.73131 unrelated, 0.17828 discuss,
	// 0.0736012 agree, 0.0168094 disagree.
	n := map[string]int{}
	split := map[int]string{}
	for _, s := range fnc.Stances {
		n[s.Label]++
		if old, ok := split[s.BodyID]; ok && old != s.Split {
			t.Fatalf("body %d in %s and %s", s.BodyID, old, s.Split)
		}
		split[s.BodyID] = s.Split
	}
	if len(fnc.Stances) != 49972 || n["unrelated"] != 36545 || n["discuss"] != 8909 || n["agree"] != 3678 || n["disagree"] != 840 {
		t.Errorf("FNC-1 stances %d %v: not the published training split", len(fnc.Stances), n)
	}
	if len(fnc.Bodies) != 1683 {
		t.Errorf("FNC-1 bodies %d, want 1683", len(fnc.Bodies))
	}
	story := 0
	for _, s := range split {
		if s == SplitStory {
			story++
		}
	}
	if story != 25 {
		t.Errorf("story bodies %d, want 25", story)
	}
	mrpc, err := LoadMRPC(dir)
	if err != nil {
		t.Fatal(err)
	}
	pos := 0
	for _, p := range mrpc {
		if p.Label == "1" {
			pos++
		}
	}
	if len(mrpc) != 4076 || pos != 2753 {
		t.Errorf("MRPC train %d pairs, %d paraphrases; want 4076, 2753", len(mrpc), pos)
	}
	sick, err := LoadSICK(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(sick) != 4439+495 {
		t.Errorf("SICK train+trial %d pairs, want 4934", len(sick))
	}
	stsb, err := LoadSTSB(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(stsb) != 4749+1250 {
		t.Errorf("STS-B train+dev without MSRpar %d pairs, want 5999", len(stsb))
	}
}
