package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/brief-dev/brief/internal/brief"
	"github.com/brief-dev/brief/internal/build"
	"github.com/brief-dev/brief/internal/serve"
)

// runServe implements `brief serve [flags]`: it builds the site into a
// temporary folder, serves it, and rebuilds and reloads the browser on
// every change to content/, themes/ or brief.yaml. Nothing is written to
// the output folder; it is only ignored by the watcher.
func runServe(ctx context.Context, e *env, args []string) error {
	flags := newFlagSet(e, "serve", "serve [flags]", `
brief serve --port 8080
brief serve --bind 0.0.0.0 --poll 1s    # in a VM, a container or on a network share`)
	c := commonFlags(flags)
	bind := flags.String("bind", serve.DefaultBind, "`ADDRESS` to listen on (0.0.0.0 for every interface)")
	port := flags.Int("port", serve.DefaultPort, "TCP `PORT` to listen on (0: any free port); if it is taken, a free one is used")
	var allow hostList
	flags.Var(&allow, "allow-host", "also answer requests for host `NAME` (a proxy's or a Codespace's; repeat the flag, or separate by commas;\n.example.org allows every name under it); other names than localhost, loopback and --bind's are refused")
	poll := flags.Duration("poll", 0, "look for changes every `DURATION` (such as 1s) instead of relying on\nfile system events, which network shares, some containers and VMs do not send")
	if err := parseFlags(flags, args); err != nil {
		return err
	}
	switch {
	case flags.NArg() > 0:
		return usagef("serve: unexpected argument %q (see 'brief serve -h')", flags.Arg(0))
	case *port < 0 || *port > 65535:
		return usagef("serve: --port %d: want 0 to 65535 (see 'brief serve -h')", *port)
	case *poll < 0:
		return usagef("serve: --poll %v: want a positive duration (see 'brief serve -h')", *poll)
	}
	if fi, err := os.Stat(c.source); err != nil || !fi.IsDir() {
		return usagef("serve: --source %s: not a folder", c.source)
	}

	// A broken brief.yaml is reported by the first build, in the
	// terminal and the browser; serve starts with the defaults.
	cfg, err := loadConfig(c.source)
	if err != nil {
		cfg = defaultConfig()
	}
	baseURL := c.baseURL
	if baseURL == "" {
		baseURL = cfg.BaseURL
	}
	port0 := *port
	if port0 == 0 {
		port0 = -1 // any free port
	}
	opts := serve.Options{
		Root:       c.source,
		Watch:      watchList(c.source, cfg),
		Ignore:     ignoreList(c.source, c.out),
		Bind:       *bind,
		AllowHosts: allow,
		Port:       port0,
		BasePath:   baseURL,
		Poll:       *poll,
		Log:        e.stdout,
	}
	if c.quiet {
		opts.Log = quietWriter{e.stdout}
	}
	// A soft memory limit, sized from the sources at the start: without
	// one the collector lets the heap grow to twice what serve keeps
	// alive while it rebuilds (see serveMemoryLimit).
	raiseLimit, restoreLimit := setServeMemoryLimit(filepath.Join(c.source, filepath.FromSlash(cfg.buildOptions(c.source, "").SourcesDir)))
	defer restoreLimit()
	// The site is kept in a temporary folder, not in memory (see
	// siteBuilder.dir).
	dir, err := os.MkdirTemp("", "brief-serve-")
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	// Removed when serve returns, or by runMain if it stops waiting
	// for serve (a build that does not stop within stopGrace).
	drop := atExit(func() { os.RemoveAll(dir) })
	defer func() {
		drop()
		os.RemoveAll(dir)
	}()
	sb := &siteBuilder{root: c.source, baseURL: c.baseURL, dir: dir, stats: c.stats && !c.quiet, warn: e.stderr, out: e.stdout, built: raiseLimit}
	return serve.New(opts, sb.build).Run(ctx)
}

// watchList returns what serve watches: the content folder, the sources
// folder if it lies outside it, the project's themes and brief.yaml.
func watchList(root string, cfg *config) []string {
	opts := cfg.buildOptions(root, "")
	list := []string{"content", "themes", configFile}
	if src := filepath.ToSlash(opts.SourcesDir); src != "" && src != "." &&
		src != "content" && !strings.HasPrefix(src, "content/") {
		list = append(list, src)
	}
	return list
}

// ignoreList returns the output folder relative to the root, if it is
// inside it.
func ignoreList(root, out string) []string {
	rel, err := filepath.Rel(root, outDir(root, out))
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return nil
	}
	return []string{filepath.ToSlash(rel)}
}

// servePageTimeout bounds the time brief serve lets the theme's
// templates take for one page, generously: a page that needs it is
// made by a loop without end.
const servePageTimeout = 10 * time.Second

// siteBuilder is the BuildFunc given to serve. It keeps one
// build.Builder between builds, so that a rebuild re-reads and
// re-renders only what changed, and makes a new one when brief.yaml
// changes. serve calls it from one goroutine at a time.
//
// Each build writes the site under dir (see build.Builder.BuildTo),
// writing only the files whose bytes no kept site has, so that memory
// does not hold the site and a request reads either one build or the
// next. The site before the last is given up after each build (its
// files no other site has are deleted): serve reads only the last site,
// and a request that began before it was published has long ended.
type siteBuilder struct {
	root, baseURL string
	dir           string // where the sites are kept
	stats         bool
	warn, out     io.Writer

	b          *build.Builder
	warnings   string         // the last warnings printed, to print only new ones
	prev, last *build.Stored  // the sites of the last two successful builds
	removing   sync.WaitGroup // the removal of the site before prev
	built      func()         // if set, called after each successful build
}

// build implements serve.BuildFunc.
func (sb *siteBuilder) build(ctx context.Context, changed []string) (fs.FS, error) {
	if sb.b == nil || changed == nil || slices.Contains(changed, configFile) {
		cfg, err := loadConfig(sb.root)
		if err != nil {
			sb.b = nil
			return nil, relativeErrors(sb.root, err)
		}
		opts := cfg.buildOptions(sb.root, sb.baseURL)
		// A theme that loops without end is an error in the overlay,
		// not a preview that never updates.
		opts.PageTimeout = servePageTimeout
		sb.b = build.NewBuilder(opts)
		changed = nil
	}
	site, rep, err := sb.b.BuildTo(ctx, changed, sb.dir)
	if rep != nil {
		sb.report(rep, err == nil)
	}
	if err != nil {
		return nil, relativeErrors(sb.root, err)
	}
	if old := sb.prev; old != nil {
		// Off the path to the reload, though it now deletes only the
		// files that changed (removing a whole site of 1,000 articles,
		// 1,220 files, took 0.5 s on a loaded machine).
		sb.removing.Wait()
		sb.removing.Go(func() { old.Remove() })
	}
	sb.prev, sb.last = sb.last, site
	if sb.built != nil {
		sb.built()
	}
	return site, nil
}

// report prints warnings when they differ from the last ones printed,
// and the phase times with --stats.
func (sb *siteBuilder) report(rep *build.Report, ok bool) {
	if ok {
		var b strings.Builder
		for _, w := range rep.Warnings {
			fmt.Fprintf(&b, "warning: %v\n", w)
		}
		if s := b.String(); s != sb.warnings {
			sb.warnings = s
			fmt.Fprint(sb.warn, s)
		}
	}
	if sb.stats {
		var parts []string
		for _, p := range rep.Phases {
			parts = append(parts, fmt.Sprintf("%s %v", p.Name, p.Duration.Round(100*time.Microsecond)))
		}
		fmt.Fprintf(sb.out, "  %s; %d sources, %d claims, %d links, %d pages\n",
			strings.Join(parts, ", "), rep.Sources, rep.Claims, rep.Links, rep.Pages)
	}
}

// relativeErrors rewrites the positions of err that lie under root to be
// relative to it, as the overlay and the terminal show them. It copies
// the errors rather than changing the builder's.
func relativeErrors(root string, err error) error {
	var list brief.ErrorList
	var one *brief.Error
	switch {
	case errors.As(err, &list):
	case errors.As(err, &one):
		list = brief.ErrorList{one}
	default:
		return err
	}
	out := make(brief.ErrorList, len(list))
	for i, e := range list {
		c := *e
		if filepath.IsAbs(c.Pos.File) || strings.HasPrefix(c.Pos.File, root) {
			if rel, rerr := filepath.Rel(root, c.Pos.File); rerr == nil && !strings.HasPrefix(rel, "..") {
				c.Pos.File = filepath.ToSlash(rel)
			}
		}
		out[i] = &c
	}
	return out
}

// quietWriter passes on only error lines and the server's address, for
// --quiet.
type quietWriter struct{ w io.Writer }

func (q quietWriter) Write(p []byte) (int, error) {
	s := string(p)
	if strings.HasPrefix(s, "error:") || strings.HasPrefix(s, "Serving at") || strings.Contains(s, "sysctl") {
		return q.w.Write(p)
	}
	return len(p), nil
}

// hostList is the value of the repeatable --allow-host flag.
type hostList []string

func (l *hostList) String() string { return strings.Join(*l, ",") }

func (l *hostList) Set(v string) error {
	for _, h := range strings.Split(v, ",") {
		if h = strings.TrimSpace(h); h != "" {
			*l = append(*l, h)
		}
	}
	return nil
}
