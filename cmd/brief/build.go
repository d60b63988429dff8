package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/brief-dev/brief/internal/build"
)

// runBuild implements `brief build`.
func runBuild(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "build", "build [flags]", `
brief build --base-url https://user.github.io/briefing/ --stats`)
	c := commonFlags(fs)
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to `FILE` (go tool pprof)")
	memProfile := fs.String("memprofile", "", "write a heap profile (allocations) at the end of the build to `FILE`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if *memProfile != "" {
		defer func() {
			if f, err := os.Create(*memProfile); err == nil {
				pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		}()
	}
	if fs.NArg() > 0 {
		return usagef("build: unexpected argument %q (see 'brief build -h')", fs.Arg(0))
	}
	start := time.Now()
	cfg, err := loadConfig(c.source)
	if err != nil {
		return err
	}
	opts := cfg.buildOptions(c.source, c.baseURL)
	defer setBuildMemoryLimit(filepath.Join(c.source, filepath.FromSlash(opts.SourcesDir)))()
	out := outDir(c.source, c.out)
	// Refuse a wrong --out before spending time on the build.
	if err := build.CheckOutDir(opts, out); err != nil {
		return err
	}
	// Pages are written into a temporary folder as they are rendered,
	// which replaces out when the build is complete.
	// On a terminal, a build longer than a second shows its progress.
	var prog *progressLine
	if !c.quiet {
		prog = newProgress(e.stderr)
		opts.Progress = prog.set
	}
	rep, err := build.NewBuilder(opts).BuildDir(ctx, out)
	prog.end()
	if rep != nil {
		for _, w := range rep.Warnings {
			fmt.Fprintf(e.stderr, "warning: %v\n", w)
		}
	}
	if err != nil {
		var left *build.LeftoverError
		if !errors.As(err, &left) {
			return err
		}
		fmt.Fprintf(e.stderr, "warning: %v\n", err)
	}
	if c.stats {
		printStats(e, rep)
	}
	if !c.quiet {
		fmt.Fprintf(e.stdout, "built %d pages from %d sources (%d claims, %d links) into %s in %s\n",
			rep.Pages, rep.Sources, rep.Claims, rep.Links, out, time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// outDir resolves the output folder against the project root.
func outDir(root, out string) string {
	if filepath.IsAbs(out) {
		return out
	}
	return filepath.Join(root, out)
}

// printStats prints the per-phase times and counts of a build.
func printStats(e *env, rep *build.Report) {
	w := e.stdout
	fmt.Fprintf(w, "%-10s %10s\n", "phase", "time")
	var total time.Duration
	for _, p := range rep.Phases {
		total += p.Duration
		fmt.Fprintf(w, "%-10s %10s\n", p.Name, p.Duration.Round(time.Microsecond))
	}
	fmt.Fprintf(w, "%-10s %10s\n", "total", total.Round(time.Microsecond))
	fmt.Fprintf(w, "sources %d, claims %d, links %d, pages %d\n", rep.Sources, rep.Claims, rep.Links, rep.Pages)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(w, "allocated %d bytes in %d objects, %d GC cycles\n", ms.TotalAlloc, ms.Mallocs, ms.NumGC)
}
