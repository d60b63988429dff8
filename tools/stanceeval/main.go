// Command stanceeval measures brief's agree/disagree judgement, through
// annotate's public API, on the public data tools/stancedata prepares and
// on the seeds' two hand annotations, and writes the misclassified
// examples for error analysis. See README.md.
//
//	go run ./tools/stanceeval                         # report on stdout
//	go run ./tools/stanceeval -errors errors.tsv      # and the misclassified examples
//	go run ./tools/stanceeval -export fit.jsonl       # fitting data (fit split), see README.md
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/brief-dev/brief/internal/annotate"
	"github.com/brief-dev/brief/internal/brief"
	"github.com/brief-dev/brief/internal/stancedata"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "stanceeval:", err)
		}
		os.Exit(1)
	}
}

type config struct {
	data, seeds     string
	sets            map[string]bool
	perLabel, max   int
	headlines       int
	workers         int
	errorsFile      string
	export          string
	exportMax       int
	check           int
	stdout, stderr  io.Writer
	wrong           [][]string
	rel             map[string]reliability // per set
	started         time.Time
	exportSetsGiven string
	checks          []string
	panics          []string
	exportMarkdown  bool
	opts            annotate.Options // the decision under test (-decision)
	fit             fitConfig
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("stanceeval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	c := &config{stdout: stdout, stderr: stderr, rel: map[string]reliability{}, started: time.Now()}
	fs.StringVar(&c.data, "data", "", "prepared stance data `DIR` (default: as tools/stancedata writes it)")
	fs.StringVar(&c.seeds, "seeds", "", "`DIR` with seeds/*.md, gold.yaml and gold-independent.yaml (default internal/annotate/testdata)")
	sets := fs.String("sets", "seeds,fnc1,mrpc,sick,stsb", "comma-separated `sets` to measure")
	fs.IntVar(&c.headlines, "headlines-per-label", 250, "claim vs headline: up to `N` dev headline pairs of each relation")
	fs.IntVar(&c.perLabel, "fnc-per-label", 50, "FNC-1 balanced sample: `N` dev pairs of each of the 4 labels")
	fs.IntVar(&c.max, "fnc-max", 0, "measure at most `N` FNC-1 dev pairs for the all-of-dev figures (0: all 9,716)")
	fs.IntVar(&c.workers, "workers", 0, "annotate on `N` goroutines (0: GOMAXPROCS)")
	fs.StringVar(&c.errorsFile, "errors", "", "write the misclassified examples to `FILE` (TSV)")
	fs.StringVar(&c.export, "export", "", "write the fit split, annotated, to `FILE` (JSON lines) and skip the report")
	fs.StringVar(&c.exportSetsGiven, "export-sets", "fnc1,sick,mrpc", "comma-separated `sets` to export")
	fs.IntVar(&c.exportMax, "export-max", 0, "export at most `N` examples of each set (0: all)")
	fs.BoolVar(&c.exportMarkdown, "export-markdown", false, "include each source's Markdown in the export (large: FNC-1 bodies repeat)")
	fs.IntVar(&c.check, "check", 0, "re-annotate `N` sampled examples afresh with annotate.Annotate and count differences")
	decision := fs.String("decision", "", "measure the decision in `FILE` (JSON, as -fit writes it) instead of the built-in one")
	fs.BoolVar(&c.fit.on, "fit", false, "refit the decision on the fit splits and the project's annotated corpora, sweep its thresholds on the dev splits, and print it (see README.md)")
	fs.StringVar(&c.fit.out, "fit-out", "", "with -fit, also write the chosen decision to `FILE` (JSON) for -decision")
	fs.StringVar(&c.fit.shares, "fit-shares", "", "with -fit, `set=share,...` the weight of each fitting set in all (default corpora=1,mrpc=1,sick=0.5)")
	fs.Float64Var(&c.fit.lambda, "fit-lambda", 1, "with -fit, the L2 penalty `λ` on the weights")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *decision != "" {
		d, err := readDecision(*decision)
		if err != nil {
			return err
		}
		c.opts.Decision = d
	}
	c.sets = map[string]bool{}
	for _, s := range strings.Split(*sets, ",") {
		switch s = strings.TrimSpace(s); s {
		case "seeds", "fnc1", "fnc1h", "mrpc", "sick", "stsb":
			c.sets[s] = true
		case "":
		default:
			return fmt.Errorf("-sets: unknown set %q (want seeds, fnc1, fnc1h, mrpc, sick, stsb)", s)
		}
	}
	if c.seeds == "" {
		c.seeds = filepath.Join(moduleRoot(), "internal", "annotate", "testdata")
	}
	needData := c.export != "" || c.fit.on || c.sets["fnc1"] || c.sets["fnc1h"] || c.sets["mrpc"] || c.sets["sick"] || c.sets["stsb"]
	if needData && c.data == "" {
		dir, err := stancedata.Dir()
		if err != nil {
			return err
		}
		c.data = dir
	}
	if c.export != "" {
		return c.runExport(ctx)
	}
	if c.fit.on {
		return c.runFit(ctx, args)
	}
	fmt.Fprintf(stdout, "# brief stance evaluation\n\n`go run ./tools/stanceeval %s`\n\n", strings.Join(args, " "))
	steps := []struct {
		set string
		fn  func(context.Context) error
	}{{"seeds", c.evalSeeds}, {"fnc1", c.evalFNC}, {"fnc1h", c.evalHeadlines}, {"mrpc", c.evalMRPC}, {"sick", c.evalSICK}, {"stsb", c.evalSTSB}}
	for _, s := range steps {
		if !c.sets[s.set] {
			continue
		}
		start := time.Now()
		if err := s.fn(ctx); err != nil {
			return fmt.Errorf("%s: %w", s.set, err)
		}
		fmt.Fprintf(stdout, "_(%s: %s)_\n\n", s.set, time.Since(start).Round(time.Millisecond))
	}
	fmt.Fprintf(stdout, "## Reliability of links\n\nEach example's decisive link (see README), by its Score: the fraction whose relation was the gold one.\n\n")
	for _, s := range []string{"seeds", "fnc1", "fnc1h", "mrpc", "sick"} {
		if r := c.rel[s]; r != nil {
			fmt.Fprintf(stdout, "### %s\n\n", s)
			r.print(stdout, s)
		}
	}
	if len(c.panics) > 0 {
		fmt.Fprintf(stdout, "**annotate panicked on %d examples** (counted as none; the inputs are in the -errors file):\n\n", len(c.panics))
		for _, p := range c.panics {
			fmt.Fprintf(stdout, "- %.300s\n", p)
		}
		fmt.Fprintln(stdout)
	}
	for _, l := range c.checks {
		fmt.Fprintf(stdout, "check: %s\n\n", l)
	}
	if c.errorsFile != "" {
		if err := c.writeErrors(); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%d misclassified examples written to %s\n", len(c.wrong), c.errorsFile)
	}
	fmt.Fprintf(stdout, "total time %s\n", time.Since(c.started).Round(time.Second))
	return nil
}

func (c *config) reliability(set string) reliability {
	if c.rel[set] == nil {
		c.rel[set] = reliability{}
	}
	return c.rel[set]
}

func (c *config) evalSeeds(ctx context.Context) error {
	rs, claims, err := evalSeeds(ctx, c.seeds, []string{"gold.yaml", "gold-independent.yaml"}, c.reliability("seeds"), c.opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "## Seeds: links against the two hand annotations\n\n"+
		"The five example articles (%s/seeds), each pair of claims of different sources; "+
		"link precision counts agree and disagree links found in the annotation with the same relation.\n\n", c.seeds)
	printSeeds(c.stdout, rs)
	for _, pair := range [][2]string{{"gold.yaml", "gold-independent.yaml"}, {"gold-independent.yaml", "gold.yaml"}} {
		ag, ok, n, err := annotatorAgreement(c.seeds, pair[0], pair[1], claims)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "The annotations against each other: %s as links, %s as gold: agree P %.2f, R %.2f, F1 %.2f; link precision %.2f (%d/%d).\n",
			pair[0], pair[1], ag.p(), ag.r(), ag.f(), ratio(ok, n), ok, n)
	}
	fmt.Fprintln(c.stdout)
	for _, r := range rs {
		c.wrong = append(c.wrong, r.wrong...)
	}
	return nil
}

// score runs the examples and adds them to a confusion table, the
// reliability table of the set and the misclassified list.
func (c *config) score(ctx context.Context, set, what string, exs []stancedata.Example, rel reliability) (confusion, []verdict, error) {
	vs, err := judge(ctx, exs, c.workers, c.opts)
	if err != nil {
		return nil, nil, err
	}
	if c.check > 0 {
		n, d, err := checkSame(ctx, vs, c.check)
		if err != nil {
			return nil, nil, err
		}
		c.checks = append(c.checks, fmt.Sprintf("%s/%s: %d of %d sampled examples re-annotated afresh with annotate.Annotate differ", set, what, d, n))
	}
	conf := confusion{}
	for _, v := range vs {
		if v.panic != "" {
			c.panics = append(c.panics, fmt.Sprintf("%s/%s %s: %s", set, what, v.ex.ID, v.panic))
			c.wrong = append(c.wrong, []string{set + "/" + what, v.ex.Split + " " + v.ex.ID + " " + v.ex.Label, "panic", "", v.panic, bodyOf(v.ex.A), bodyOf(v.ex.B)})
		}
		conf.add(v.ex.Label, v.pred)
		right := v.pred == v.ex.Relation
		if v.link != nil && rel != nil {
			rel.add(v.pred, v.link.Score, right)
		}
		if !right {
			row := []string{set + "/" + what, v.ex.Split + " " + v.ex.ID + " " + v.ex.Label + " (" + v.ex.Relation + ")", v.pred, "", "", v.textA, v.textB}
			if v.link != nil {
				row[2] = "brief " + v.pred
				row[3] = fmt.Sprintf("%.3f", v.link.Score)
				row[4] = string(v.link.Kind) + " " + v.link.Reason
			}
			c.wrong = append(c.wrong, row)
		}
	}
	return conf, vs, nil
}

func (c *config) evalFNC(ctx context.Context) error {
	f, err := stancedata.LoadFNC(c.data)
	if err != nil {
		return err
	}
	dev := stancedata.FNCExamples(f, stancedata.SplitDev)
	bal := stancedata.Balanced(dev, c.perLabel, "fnc1-balanced")
	fmt.Fprintf(c.stdout, "## FNC-1 dev: headline vs article stance\n\n"+
		"Headline as a one-sentence source, body as an article; relation collapsed per article: any disagree link → disagree, "+
		"else any agree link → agree, else none. Gold: agree → agree, disagree → disagree, discuss and unrelated → none "+
		"(a discuss body reports the claim without taking a side).\n\n")
	conf, _, err := c.score(ctx, "fnc1", "balanced", bal, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "### Balanced sample: %d dev pairs of each label (%d)\n\n", c.perLabel, len(bal))
	printConfusion(c.stdout, conf)
	printClasses(c.stdout, conf, func(l string) string { return stancedata.Relation("fnc1", l) })
	fmt.Fprintf(c.stdout, "\nwith discuss counted as agree: macro-F1 %.3f\n\n", macro(conf.classes(discussAgree)))

	all := stancedata.Sample(dev, c.max, "fnc1-all")
	conf, _, err = c.score(ctx, "fnc1", "dev", all, c.reliability("fnc1"))
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "### All of dev (%d of %d pairs)\n\n", len(all), len(dev))
	printConfusion(c.stdout, conf)
	printClasses(c.stdout, conf, func(l string) string { return stancedata.Relation("fnc1", l) })
	fmt.Fprintf(c.stdout, "\nwith discuss counted as agree: macro-F1 %.3f\n\n", macro(conf.classes(discussAgree)))
	return nil
}

// evalHeadlines measures claim against headline: two FNC-1 dev
// headlines of one story, agreeing when one body takes the same side on
// both, disagreeing when it takes opposite sides (stancedata.HeadlinePairs).
func (c *config) evalHeadlines(ctx context.Context) error {
	f, err := stancedata.LoadFNC(c.data)
	if err != nil {
		return err
	}
	all := stancedata.HeadlinePairs(f, stancedata.SplitDev)
	bal := stancedata.Balanced(all, c.headlines, "fnc1h-balanced")
	fmt.Fprintf(c.stdout, "## FNC-1 dev: claim vs headline\n\n"+
		"Two headlines of one story as one-sentence sources. Gold: agree when a body agrees (or disagrees) with both, "+
		"disagree when it agrees with one and disagrees with the other; %d such pairs in dev, up to %d of each label here.\n\n", len(all), c.headlines)
	conf, _, err := c.score(ctx, "fnc1h", "balanced", bal, c.reliability("fnc1h"))
	if err != nil {
		return err
	}
	printConfusion(c.stdout, conf)
	printClasses(c.stdout, conf, func(l string) string { return stancedata.Relation("fnc1", l) })
	fmt.Fprintln(c.stdout)
	return nil
}

func discussAgree(l string) string {
	if l == "discuss" {
		return stancedata.Agree
	}
	return stancedata.Relation("fnc1", l)
}

func (c *config) evalMRPC(ctx context.Context) error {
	ps, err := stancedata.LoadMRPC(c.data)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "## MRPC train: paraphrase (agree link) or not\n\nTwo one-sentence sources; paraphrase = an agree link.\n\n"+
		"| split | pairs | accuracy | majority rule | paraphrase P | R | F1 | disagree links |\n|---|---|---|---|---|---|---|---|\n")
	for _, sp := range []string{stancedata.SplitDev, stancedata.SplitFit} {
		exs := stancedata.PairExamples("mrpc", ps, sp)
		var rel reliability
		if sp == stancedata.SplitDev {
			rel = c.reliability("mrpc")
		}
		conf, _, err := c.score(ctx, "mrpc", sp, exs, rel)
		if err != nil {
			return err
		}
		para := prf{tp: conf["1"][stancedata.Agree], fn: conf["1"][stancedata.None] + conf["1"][stancedata.Disagree], fp: conf["0"][stancedata.Agree]}
		right := conf["1"][stancedata.Agree] + conf["0"][stancedata.None] + conf["0"][stancedata.Disagree]
		pos := para.tp + para.fn
		fmt.Fprintf(c.stdout, "| %s | %d | **%.3f** | %.3f | %.2f | %.2f | %.2f | %d |\n", sp, len(exs), ratio(right, len(exs)),
			ratio(max(pos, len(exs)-pos), len(exs)), para.p(), para.r(), para.f(), conf["1"][stancedata.Disagree]+conf["0"][stancedata.Disagree])
	}
	fmt.Fprintln(c.stdout, "\n(a disagree link counts as \"not a paraphrase\")")
	fmt.Fprintln(c.stdout)
	return nil
}

func (c *config) evalSICK(ctx context.Context) error {
	ps, err := stancedata.LoadSICK(c.data)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "## SICK: three-way entailment\n\nTwo one-sentence sources; ENTAILMENT → agree, CONTRADICTION → disagree, NEUTRAL → none.\n\n")
	for _, sp := range []struct{ split, name string }{{stancedata.SplitDev, "trial (dev)"}, {stancedata.SplitFit, "train (fit)"}} {
		exs := stancedata.PairExamples("sick", ps, sp.split)
		var rel reliability
		if sp.split == stancedata.SplitDev {
			rel = c.reliability("sick")
		}
		conf, _, err := c.score(ctx, "sick", sp.split, exs, rel)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "### %s, %d pairs\n\n", sp.name, len(exs))
		printConfusion(c.stdout, conf)
		printClasses(c.stdout, conf, func(l string) string { return stancedata.Relation("sick", l) })
		fmt.Fprintf(c.stdout, "\ncontradiction F1 **%.3f**\n\n", conf.classes(func(l string) string { return stancedata.Relation("sick", l) })[stancedata.Disagree].f())
	}
	return nil
}

func (c *config) evalSTSB(ctx context.Context) error {
	ps, err := stancedata.LoadSTSB(c.data)
	if err != nil {
		return err
	}
	var dev []stancedata.Pair
	for _, p := range ps {
		if p.Split == stancedata.SplitDev {
			dev = append(dev, p)
		}
	}
	exs := stancedata.PairExamples("stsb", dev)
	vs, err := judge(ctx, exs, c.workers, c.opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "## STS-B dev (without MSRpar): similarity\n\nSpearman of the gold score with brief's agree-link Score (0 without an agree link).\n\n| genre | pairs | Spearman | pairs with an agree link | with a disagree link |\n|---|---|---|---|---|\n")
	genres := []string{""}
	seen := map[string]bool{}
	for _, p := range dev {
		if !seen[p.Genre] {
			seen[p.Genre] = true
			genres = append(genres, p.Genre)
		}
	}
	for _, genre := range genres {
		var gold, got []float64
		agree, disagree := 0, 0
		for i, v := range vs {
			if genre != "" && dev[i].Genre != genre {
				continue
			}
			s := 0.0
			if v.link != nil && v.pred == stancedata.Agree {
				s = v.link.Score
				agree++
			}
			if v.pred == stancedata.Disagree {
				disagree++
			}
			gold = append(gold, dev[i].Score)
			got = append(got, s)
		}
		name := genre
		if name == "" {
			name = "all"
		}
		if len(gold) > 0 {
			fmt.Fprintf(c.stdout, "| %s | %d | %.3f | %d | %d |\n", name, len(gold), spearman(gold, got), agree, disagree)
		}
	}
	fmt.Fprintln(c.stdout)
	return nil
}

func (c *config) writeErrors() error {
	var b strings.Builder
	b.WriteString("set\texample\tbrief\tscore\treason\ttext_a\ttext_b\n")
	for _, r := range c.wrong {
		for i, f := range r {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(tsv(f))
		}
		b.WriteByte('\n')
	}
	return writeFile(c.errorsFile, []byte(b.String()))
}

// writeFile writes through a temporary file and renames it, so a file is
// never left half written.
func writeFile(name string, data []byte) error {
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}

// exported is one line of the -export file.
type exported struct {
	Set      string          `json:"set"`
	ID       string          `json:"id"`
	Split    string          `json:"split"`
	Label    string          `json:"label"`
	Relation string          `json:"relation"`
	Brief    string          `json:"brief"`
	Sources  []exportedSrc   `json:"sources"`
	Claims   []exportedClaim `json:"claims"`
	Links    []exportedLink  `json:"links"`
}

type exportedSrc struct {
	ID       string `json:"id"`
	Markdown string `json:"markdown,omitempty"`
}

type exportedClaim struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	Text   string `json:"text"`
}

type exportedLink struct {
	A        string  `json:"a"`
	B        string  `json:"b"`
	Relation string  `json:"relation"`
	Kind     string  `json:"kind,omitempty"`
	Score    float64 `json:"score"`
	Reason   string  `json:"reason"`
}

// runExport annotates the fit split of each export set and writes one
// JSON line per example.
func (c *config) runExport(ctx context.Context) error {
	var exs []stancedata.Example
	for _, s := range strings.Split(c.exportSetsGiven, ",") {
		var set []stancedata.Example
		switch s = strings.TrimSpace(s); s {
		case "fnc1":
			f, err := stancedata.LoadFNC(c.data)
			if err != nil {
				return err
			}
			set = stancedata.FNCExamples(f, stancedata.SplitFit)
		case "sick", "mrpc":
			load := stancedata.LoadSICK
			if s == "mrpc" {
				load = stancedata.LoadMRPC
			}
			ps, err := load(c.data)
			if err != nil {
				return err
			}
			set = stancedata.PairExamples(s, ps, stancedata.SplitFit)
		default:
			return fmt.Errorf("-export-sets: unknown set %q (want fnc1, sick, mrpc)", s)
		}
		exs = append(exs, stancedata.Sample(set, c.exportMax, "export")...)
	}
	vs, err := judge(ctx, exs, c.workers, c.opts)
	if err != nil {
		return err
	}
	tmp := c.export + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, v := range vs {
		e := exported{Set: v.ex.Set, ID: v.ex.ID, Split: v.ex.Split, Label: v.ex.Label, Relation: v.ex.Relation, Brief: v.pred,
			Sources: []exportedSrc{{ID: v.ex.A.ID}, {ID: v.ex.B.ID}},
			Claims:  []exportedClaim{}, Links: []exportedLink{}}
		for _, cl := range v.claims {
			if cl.Kind == brief.KindClaim {
				e.Claims = append(e.Claims, exportedClaim{cl.ID, cl.Source, cl.Text})
			}
		}
		for _, l := range v.links {
			e.Links = append(e.Links, exportedLink{l.A, l.B, string(l.Relation), string(l.Kind), l.Score, l.Reason})
		}
		if c.exportMarkdown {
			e.Sources[0].Markdown, e.Sources[1].Markdown = string(v.ex.A.Body), string(v.ex.B.Body)
		}
		if err := enc.Encode(e); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, c.export); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "exported %d examples to %s in %s\n", len(vs), c.export, time.Since(c.started).Round(time.Second))
	return nil
}

// moduleRoot walks up from the working directory to go.mod.
func moduleRoot() string {
	wd, _ := os.Getwd()
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return wd
		}
	}
}
