// Command extracteval measures how well brief import extracts the
// article from real web pages, beside other extractors, on public test
// sets with ground truth:
//
//   - Mozilla Readability's test pages (test/test-pages/*/source.html
//     with expected.html): body text compared by 4-word shingles, the
//     measure of the published article-extraction benchmarks;
//     precision, recall and F1 are averaged over pages.
//   - trafilatura's evaluation pages (tests/evaldata.json with
//     tests/eval and tests/cache): snippets that must and must not be
//     in the text, counted over all pages as trafilatura does.
//
// The data is not in the repository; fetch.sh brings it. Usage:
//
//	cd tools/extracteval && ./fetch.sh /tmp/evaldata
//	go run . -data /tmp/evaldata [-only brief,readability] [-pages out.tsv]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// A page is one test page with its ground truth.
type page struct {
	set, name, path string
	url             *url.URL
	truth           string   // ground-truth text (readability set)
	with, without   []string // snippets (trafilatura set)
}

func main() {
	data := flag.String("data", "", "`DIR` made by fetch.sh (readability/ and trafilatura/ inside)")
	only := flag.String("only", "", "comma-separated extractors to run (default all)")
	perPage := flag.String("pages", "", "write per-page scores to `FILE` (TSV)")
	workers := flag.Int("j", 2, "pages extracted at once")
	match := flag.String("match", "", "only the pages whose name contains `TEXT`")
	dump := flag.String("dump", "", "write each extracted text to `DIR`/<extractor>/<set>/<page>.txt")
	flag.Parse()
	if *data == "" {
		fmt.Fprintln(os.Stderr, "extracteval: -data DIR is required (see fetch.sh)")
		os.Exit(2)
	}
	pages, err := load(*data)
	if err != nil {
		fmt.Fprintln(os.Stderr, "extracteval:", err)
		os.Exit(1)
	}
	if *match != "" {
		pages = slices.DeleteFunc(pages, func(p *page) bool { return !strings.Contains(p.name, *match) })
	}
	var ex []extractor
	for _, e := range extractors {
		if *only == "" || slices.Contains(strings.Split(*only, ","), e.name) {
			ex = append(ex, e)
		}
	}
	var out io.Writer = io.Discard
	if *perPage != "" {
		f, err := os.Create(*perPage)
		if err != nil {
			fmt.Fprintln(os.Stderr, "extracteval:", err)
			os.Exit(1)
		}
		defer f.Close()
		out = f
		fmt.Fprintln(out, "extractor\tset\tpage\tprecision\trecall\tf1\terror\thalf\ttp\tfn\tfp\ttn")
	}
	fmt.Println("| extractor | set | pages | failed | precision | recall | F1 | time |")
	fmt.Println("|---|---|---|---|---|---|---|---|")
	for _, e := range ex {
		for _, set := range []string{"readability", "trafilatura"} {
			report(e, set, pages, *workers, out, *dump)
		}
	}
}

type result struct {
	p     *page
	score Score
	snip  SnippetCounts
	err   error
}

// report runs e over the pages of one set and prints one table row.
func report(e extractor, set string, all []*page, workers int, out io.Writer, dump string) {
	var pages []*page
	for _, p := range all {
		if p.set == set {
			pages = append(pages, p)
		}
	}
	if len(pages) == 0 {
		return
	}
	start := time.Now()
	results := make([]result, len(pages))
	var wg sync.WaitGroup
	next := make(chan int)
	for range max(workers, 1) {
		wg.Go(func() {
			for i := range next {
				results[i] = score(e, pages[i], dump)
			}
		})
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()
	elapsed := time.Since(start)

	var sum Score
	var snip SnippetCounts
	var halves [2]SnippetCounts
	halfPages := [2]int{}
	failed := 0
	for _, r := range results {
		if r.err != nil {
			failed++
		}
		sum.Precision += r.score.Precision
		sum.Recall += r.score.Recall
		sum.F1 += r.score.F1
		snip.Add(r.snip)
		h := half(r.p.name)
		halves[h].Add(r.snip)
		halfPages[h]++
		errText := ""
		if r.err != nil {
			errText = strings.ReplaceAll(r.err.Error(), "\t", " ")
		}
		ps := r.score
		if set == "trafilatura" {
			ps = r.snip.Score()
		}
		fmt.Fprintf(out, "%s\t%s\t%s\t%.3f\t%.3f\t%.3f\t%s\t%s\t%d\t%d\t%d\t%d\n", e.name, set, r.p.name, ps.Precision, ps.Recall, ps.F1, errText,
			halfNames[h], r.snip.TP, r.snip.FN, r.snip.FP, r.snip.TN)
	}
	n := float64(len(pages))
	s := Score{sum.Precision / n, sum.Recall / n, sum.F1 / n}
	if set == "trafilatura" {
		s = snip.Score()
	}
	fmt.Printf("| %s | %s | %d | %d | %.3f | %.3f | %.3f | %.1f ms/page |\n", e.name, set, len(pages), failed,
		s.Precision, s.Recall, s.F1, float64(elapsed.Milliseconds())/n*float64(max(workers, 1)))
	if set == "trafilatura" {
		for h, c := range halves {
			s := c.Score()
			fmt.Printf("| %s | %s/%s | %d | | %.3f | %.3f | %.3f | |\n", e.name, set, halfNames[h], halfPages[h], s.Precision, s.Recall, s.F1)
		}
	}
}

// halfNames name the two halves of a test set that half puts pages in:
// rules are tried on the fit half and confirmed on the check half, so
// that what is tuned to the pages looked at shows as a gap between them.
var halfNames = [2]string{"fit", "check"}

// half returns the half of its set a page belongs to, from a hash of
// its name (FNV-1a), stable whatever pages are present.
func half(name string) int {
	h := fnv.New32a()
	h.Write([]byte(name))
	return int(h.Sum32() & 1)
}

// score extracts one page; a failed extraction scores as empty text.
// With dump set, the text is also written under it.
func score(e extractor, p *page, dump string) (r result) {
	r.p = p
	defer func() {
		if v := recover(); v != nil {
			r.err = fmt.Errorf("panic: %v", v)
		}
		if r.err != nil && p.set == "readability" {
			r.score = ShingleScore("", p.truth)
		}
		if r.err != nil && p.set == "trafilatura" {
			r.snip = Snippets("", p.with, p.without)
		}
	}()
	data, err := os.ReadFile(p.path)
	if err != nil {
		r.err = err
		return r
	}
	got, err := e.run(filepath.Base(p.path), data, p.url)
	if err != nil {
		r.err = err
		return r
	}
	if strings.TrimSpace(got) == "" {
		r.err = fmt.Errorf("empty")
	}
	if dump != "" {
		f := filepath.Join(dump, e.name, p.set, p.name+".txt")
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err == nil {
			os.WriteFile(f, []byte(got), 0o644)
		}
	}
	if p.set == "readability" {
		r.score = ShingleScore(got, p.truth)
	} else {
		r.snip = Snippets(got, p.with, p.without)
	}
	return r
}

// load reads the pages of both sets that are present under dir.
func load(dir string) ([]*page, error) {
	var pages []*page
	fake, _ := url.Parse("http://fakehost/test/page.html")
	rd := filepath.Join(dir, "readability")
	entries, err := os.ReadDir(rd)
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	for _, e := range entries {
		src := filepath.Join(rd, e.Name(), "source.html")
		exp, err := os.ReadFile(filepath.Join(rd, e.Name(), "expected.html"))
		if err != nil {
			continue
		}
		if _, err := os.Stat(src); err != nil {
			continue
		}
		pages = append(pages, &page{set: "readability", name: e.Name(), path: src, url: fake, truth: htmlText(exp)})
	}

	td := filepath.Join(dir, "trafilatura")
	raw, err := os.ReadFile(filepath.Join(td, "evaldata.json"))
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	if err == nil {
		var cases map[string]struct {
			File    string   `json:"file"`
			With    []string `json:"with"`
			Without []string `json:"without"`
		}
		if err := json.Unmarshal(raw, &cases); err != nil {
			return nil, fmt.Errorf("evaldata.json: %w", err)
		}
		keys := make([]string, 0, len(cases))
		for k := range cases {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			c := cases[k]
			path := ""
			for _, sub := range []string{"eval", "cache"} {
				if p := filepath.Join(td, sub, c.File); fileExists(p) {
					path = p
					break
				}
			}
			if path == "" {
				continue
			}
			u, err := url.Parse(strings.TrimPrefix(k, "hard::"))
			if err != nil || u.Host == "" {
				u = nil
			}
			pages = append(pages, &page{set: "trafilatura", name: c.File, path: path, url: u, with: c.With, without: c.Without})
		}
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("no test pages under %s (run fetch.sh)", dir)
	}
	return pages, nil
}

func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}
