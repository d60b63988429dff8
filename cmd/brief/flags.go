package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// common holds the flags that every site command shares.
type common struct {
	source  string // project root
	out     string // output folder
	baseURL string // overrides base_url from brief.yaml
	quiet   bool
	stats   bool
}

// commonFlags registers the shared flags on fs.
func commonFlags(fs *flag.FlagSet) *common {
	c := &common{}
	fs.StringVar(&c.source, "source", ".", "project root `DIR` (holds brief.yaml, content/, themes/)")
	fs.StringVar(&c.out, "out", "public", "output `DIR`, relative to the project root unless absolute")
	fs.StringVar(&c.out, "o", "public", "shorthand for --out")
	fs.StringVar(&c.baseURL, "base-url", "", "`URL` the site is published at (overrides base_url in brief.yaml)")
	fs.BoolVar(&c.quiet, "quiet", false, "print errors only")
	fs.BoolVar(&c.stats, "stats", false, "print per-phase times and counts")
	return c
}

// newFlagSet returns a FlagSet whose usage prints the synopsis, the
// flags and an example.
func newFlagSet(e *env, name, synopsis, example string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		w := e.stdout
		fmt.Fprintf(w, "Usage: brief %s\n\n", synopsis)
		fmt.Fprintln(w, "Flags:")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
		fmt.Fprintf(w, "\nExample:\n  %s\n", strings.ReplaceAll(strings.TrimSpace(example), "\n", "\n  "))
	}
	return fs
}

// parseFlags parses args, printing usage for -h and turning any other
// problem into a usage error.
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		return flag.ErrHelp // the flag package has printed the usage
	}
	if err != nil {
		return usageError{fmt.Errorf("%s: %w (see 'brief %s -h')", fs.Name(), err, fs.Name())}
	}
	return nil
}
