// Command stancedata prepares the public stance, entailment and
// paraphrase data that brief's agree/disagree judgement is measured and
// fitted on, in a local cache that git ignores. See README.md.
//
//	go run ./tools/stancedata                      # download (needs GitHub)
//	go run ./tools/stancedata -from DIR            # files already downloaded
//	go run ./tools/stancedata -git /work/.mirror   # bare git snapshots
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sort"

	"github.com/brief-dev/brief/internal/stancedata"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "stancedata:", err)
		}
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("stancedata", flag.ContinueOnError)
	fs.SetOutput(stderr)
	from := fs.String("from", "", "read the files from `DIR` (DIR/owner/name/path or DIR/<file name>) instead of downloading")
	git := fs.String("git", "", "read the files from bare git snapshots `DIR`/owner+name/repo")
	out := fs.String("out", "", "cache `DIR` (default $"+stancedata.EnvDir+" or "+stancedata.DefaultDir+" under the module root)")
	list := fs.Bool("list", false, "list the files and where they come from, and exit")
	story := fs.String("story", "", "write the acceptance-4 story project (from the prepared cache) into `DIR`, and exit")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: stancedata [-from DIR | -git DIR] [-out DIR] [-list] [-story DIR]\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *list {
		names := make([]string, 0, len(stancedata.Manifest))
		for n := range stancedata.Manifest {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			f := stancedata.Manifest[n]
			fmt.Fprintf(stdout, "%-13s github.com/%s @%s %s\n              %s\n", n, f.Repo, f.Commit, f.Path, f.Why)
		}
		return nil
	}
	if *story != "" {
		dir := *out
		if dir == "" {
			var err error
			if dir, err = stancedata.Dir(); err != nil {
				return err
			}
		}
		fnc, err := stancedata.LoadFNC(dir)
		if err != nil {
			return err
		}
		st, err := stancedata.WriteStory(fnc, *story)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %d articles (%d agree, %d disagree) and the headline %q into %s\nbuild it: go run ./cmd/brief build --source %s\n",
			len(st.Articles), len(st.Supporters()), len(st.Debunkers()), st.Headline, *story, *story)
		return nil
	}
	var g stancedata.Getter = stancedata.HTTPGetter{}
	switch {
	case *from != "" && *git != "":
		return fmt.Errorf("-from and -git exclude each other")
	case *from != "":
		g = stancedata.DirGetter{Root: *from}
	case *git != "":
		g = stancedata.GitGetter{Root: *git}
	}
	dir := *out
	if dir == "" {
		var err error
		dir, err = stancedata.Dir()
		if err != nil && !errors.Is(err, stancedata.ErrNoData) {
			return err
		}
	}
	if err := stancedata.Prepare(ctx, g, dir); err != nil {
		return err
	}
	abs, _ := filepath.Abs(dir)
	fnc, err := stancedata.LoadFNC(dir)
	if err != nil {
		return err
	}
	counts := map[string]map[string]int{}
	bodies := map[string]map[int]bool{}
	for _, s := range fnc.Stances {
		if counts[s.Split] == nil {
			counts[s.Split] = map[string]int{}
			bodies[s.Split] = map[int]bool{}
		}
		counts[s.Split][s.Label]++
		bodies[s.Split][s.BodyID] = true
	}
	fmt.Fprintf(stdout, "prepared %s\n", abs)
	for _, sp := range []string{stancedata.SplitFit, stancedata.SplitDev, stancedata.SplitStory} {
		c := counts[sp]
		fmt.Fprintf(stdout, "  fnc1 %-5s %4d bodies, %5d pairs: agree %d, disagree %d, discuss %d, unrelated %d\n", sp,
			len(bodies[sp]), c["agree"]+c["disagree"]+c["discuss"]+c["unrelated"], c["agree"], c["disagree"], c["discuss"], c["unrelated"])
	}
	for _, set := range []struct {
		name string
		load func(string) ([]stancedata.Pair, error)
	}{{"sick", stancedata.LoadSICK}, {"mrpc", stancedata.LoadMRPC}, {"stsb", stancedata.LoadSTSB}} {
		ps, err := set.load(dir)
		if err != nil {
			return err
		}
		n := map[string]int{}
		for _, p := range ps {
			n[p.Split]++
		}
		fmt.Fprintf(stdout, "  %-9s fit %d, dev %d pairs\n", set.name, n[stancedata.SplitFit], n[stancedata.SplitDev])
	}
	return nil
}
