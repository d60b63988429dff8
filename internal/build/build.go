// Package build turns a brief project (content/sources/*.md, an optional
// content/briefing.md and content/annotations.yaml, a theme) into a
// static site: the briefing, one page per source, the source list, the
// fact × source matrix, claims.json and the theme's assets.
//
// A build runs in four phases, each timed in the Report:
//
//	load      read and check every input file (front matter, UTF-8, …)
//	annotate  find claims and the links between them (internal/annotate)
//	render    goldmark + chroma + html/template into an in-memory Site
//	write     Site.WriteDir, done by the caller
//
// Input errors of a run are collected and returned together as a
// brief.ErrorList whose entries carry file:line:col positions.
package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/brief-dev/brief/internal/brief"
)

// Options configures a build. Zero values have defaults.
type Options struct {
	// Root is the project root holding brief.yaml, content/ and
	// themes/. Default ".".
	Root string
	// BaseURL is the absolute or root-relative URL the site is served
	// from, e.g. "https://u.github.io/repo/" or "/demo/". Default "/".
	// Pages link to one another with relative URLs, so only 404.html
	// (served at any depth) and absolute metadata use it.
	BaseURL string
	// Title, Language and Author come from brief.yaml. Language
	// defaults to "en".
	Title, Language, Author string
	// Theme names the theme; default "default". Files in
	// Root/themes/<Theme>/ override the embedded default theme file by
	// file (layouts and assets alike).
	Theme string
	// ContentDir holds briefing.md and annotations.yaml; default
	// "content". SourcesDir holds the source articles; default
	// ContentDir + "/sources". Both are relative to Root.
	ContentDir string
	SourcesDir string
	// Dev is set by brief serve. Build output does not depend on it:
	// build never injects a live-reload script (serve injects its own).
	Dev bool
	// PageTimeout, if positive, bounds the time the theme's templates
	// may take for one page: a theme that loops without end then fails
	// the build with an error naming the page instead of hanging it.
	// brief serve sets it; brief build relies on its context (Ctrl-C).
	// Templates check the build's context in every loop either way.
	PageTimeout time.Duration
	// Progress, if set, is called as a build moves on: with the phase
	// ("load", "annotate", "render") and, while rendering, the source
	// pages done of total (0 of 0 otherwise). It may be called from
	// several goroutines at once and must return quickly.
	Progress func(phase string, done, total int)
}

// progress reports to opts.Progress, if set.
func (o Options) progress(phase string, done, total int) {
	if o.Progress != nil {
		o.Progress(phase, done, total)
	}
}

// withDefaults returns o with every zero field set to its default and
// BaseURL normalised to end in a slash.
func (o Options) withDefaults() (Options, error) {
	if o.Root == "" {
		o.Root = "."
	}
	if o.BaseURL == "" {
		o.BaseURL = "/"
	}
	u, err := url.Parse(o.BaseURL)
	if err != nil {
		return o, fmt.Errorf("base URL: %w", err)
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return o, fmt.Errorf("base URL %q: scheme must be http or https", o.BaseURL)
	}
	if !strings.HasSuffix(o.BaseURL, "/") {
		o.BaseURL += "/"
	}
	if o.Language == "" {
		o.Language = "en"
	}
	if o.Theme == "" {
		o.Theme = "default"
	}
	if o.ContentDir == "" {
		o.ContentDir = "content"
	}
	if o.SourcesDir == "" {
		o.SourcesDir = path.Join(o.ContentDir, "sources")
	}
	o.ContentDir = path.Clean(o.ContentDir)
	o.SourcesDir = path.Clean(o.SourcesDir)
	for _, d := range []struct{ name, dir string }{{"content folder", o.ContentDir}, {"sources folder", o.SourcesDir}} {
		if !filepath.IsLocal(filepath.FromSlash(d.dir)) {
			return o, fmt.Errorf("%s %q: must be a folder inside the project, given relative to it", d.name, d.dir)
		}
	}
	return o, nil
}

// basePath is the path part of BaseURL ("/" or "/demo/"), used where a
// page cannot link relatively (404.html is served at any depth).
func (o Options) basePath() string {
	u, err := url.Parse(o.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// Report describes a build for `brief build --stats` and brief serve.
type Report struct {
	// Claims counts as the index page does (see claimCount): the
	// sources' sentences that are claims, not the draft's, headings,
	// questions, bylines, captions or fragments.
	Sources, Claims, Links, Pages int
	// Phases holds the duration of each phase in order: load,
	// annotate, render (and write, added by the caller of WriteDir via
	// AddPhase).
	Phases []Phase
	// Inputs lists every file read and every folder listed, relative
	// to Root with forward slashes, sorted: a watcher that watches
	// them (folders for new files) sees every change that matters.
	Inputs []string
	// Warnings are problems that did not stop the build.
	Warnings brief.ErrorList
}

// Phase is the wall-clock duration of one build phase.
type Phase struct {
	Name     string
	Duration time.Duration
}

// AddPhase appends a phase timed from start until now, for phases run
// by the caller such as "write".
func (r *Report) AddPhase(name string, start time.Time) {
	r.Phases = append(r.Phases, Phase{Name: name, Duration: time.Since(start)})
}

// Build runs a full build in memory; it is NewBuilder(opts).Build(ctx, nil).
func Build(ctx context.Context, opts Options) (*Site, *Report, error) {
	return NewBuilder(opts).Build(ctx, nil)
}

// Builder keeps state between builds for brief serve: loaded sources,
// the incremental annotator and rendered pages. A build re-loads and
// re-annotates only changed sources and re-renders only pages whose
// inputs changed; its output is byte-identical to a full build of the
// same inputs. A Builder is not safe for concurrent use.
type Builder struct {
	opts    Options
	optsErr error

	newAnnotator func(once bool) annotator // once: for a single build
	ann          annotator
	annSrc       map[string]*brief.Source // sources given to ann, by ID

	files    map[string]*loaded // by path relative to Root
	theme    *theme
	pages    map[string]pageCache // by output path
	mu       sync.Mutex           // guards articles while pages render in parallel
	articles map[string]pageCache // rendered Markdown by source ID
	refs     map[[32]byte][]byte  // rendered marker groups by key of their view
	// sourceSigs are the source pages' signatures (see sourceSig) in
	// the last build, by source ID.
	sourceSigs map[string][32]byte
	md         *markdownRenderer
	// oneShot is set for a build whose pages are not kept (BuildDir).
	oneShot bool
	// onDisk is set by BuildTo: the pages kept have no bytes, which
	// are in the files of stored, the last site it returned, kept in
	// pool.
	onDisk   bool
	stored   *Stored
	pool     *pool
	pagesGen int   // counts the times render replaced pages
	root     fs.FS // the project folder during a build (projectFS)
}

// keepsBytes reports whether the pages kept between builds hold their
// bytes (a build in memory) rather than only their keys.
func (b *Builder) keepsBytes() bool { return !b.oneShot && !b.onDisk }

// markdown returns the Markdown pipeline, created on first use.
func (b *Builder) markdown() markdownRenderer {
	if b.md == nil {
		b.md = &markdownRenderer{md: newMarkdown()}
	}
	return *b.md
}

// NewBuilder returns a Builder for opts.
func NewBuilder(opts Options) *Builder {
	o, err := opts.withDefaults()
	return &Builder{
		opts:         o,
		optsErr:      err,
		newAnnotator: defaultAnnotator,
		files:        map[string]*loaded{},
		pages:        map[string]pageCache{},
	}
}

// Build builds the site in memory. changed lists paths relative to
// Root that changed since the previous call; nil means everything (a
// full build). On input errors it returns a brief.ErrorList with every
// error found; other errors are wrapped with the action that failed.
func (b *Builder) Build(ctx context.Context, changed []string) (*Site, *Report, error) {
	if b.onDisk {
		// The pages kept have no bytes: none can be reused.
		b.onDisk, b.stored = false, nil
		b.pages, b.sourceSigs = map[string]pageCache{}, nil
	}
	site := newSite()
	rep, err := b.build(ctx, changed, func() (sink, error) { return site, nil })
	if err != nil {
		return nil, rep, err
	}
	site.seal()
	return site, rep, nil
}

// BuildDir builds the whole site into the folder out, writing each page
// as soon as it is rendered into a temporary folder that replaces out
// once the build is complete (see Site.WriteDir for the rules of the
// swap); on an error out is left as it was. The Builder keeps nothing
// of the rendered site, so memory holds only the pages being rendered;
// it is meant for a single build (brief build). The Report's last phase
// is "write", the swap. If only the removal of the previous output
// fails, the error is a *LeftoverError and the new site is in place.
func (b *Builder) BuildDir(ctx context.Context, out string) (*Report, error) {
	b.oneShot = true
	var d *outDir
	rep, err := b.build(ctx, nil, func() (sink, error) {
		var err error
		d, err = openOutDir(ctx, out)
		return d, err
	})
	if err != nil {
		if d != nil {
			d.abort()
		}
		return rep, err
	}
	start := time.Now()
	err = d.commit()
	rep.AddPhase("write", start)
	var left *LeftoverError
	if err != nil && !errors.As(err, &left) {
		d.abort()
	}
	return rep, err
}

// build runs the phases; open gives the sink for the pages once the
// input is known to be good.
func (b *Builder) build(ctx context.Context, changed []string, open func() (sink, error)) (rep *Report, err error) {
	defer catch(&err)
	if b.optsErr != nil {
		return nil, b.optsErr
	}
	if changed == nil || b.ann == nil {
		b.reset()
	} else {
		b.invalidate(changed)
	}
	rep = &Report{}
	root, closeRoot, err := projectFS(b.opts.Root)
	if err != nil {
		return rep, err
	}
	b.root = root
	defer func() {
		closeRoot()
		b.root = nil
	}()

	// Load the theme and the content.
	start := time.Now()
	b.opts.progress("load", 0, 0)
	var errs brief.ErrorList
	th, err := b.loadTheme(rep)
	if err != nil {
		errs.Append(err)
	}
	in, err := b.load(ctx, rep)
	if err != nil {
		errs.Append(err)
	}
	rep.AddPhase("load", start)
	if errs.Len() > 0 {
		errs.RemoveMultiples()
		sortInputs(rep)
		return rep, errs
	}
	if err := ctx.Err(); err != nil {
		return rep, err
	}

	// Annotate the sources.
	start = time.Now()
	b.opts.progress("annotate", 0, 0)
	ann, err := b.annotate(ctx, in)
	rep.AddPhase("annotate", start)
	if err != nil {
		var list brief.ErrorList
		if errors.As(err, &list) {
			sortInputs(rep)
			return rep, list
		}
		return rep, fmt.Errorf("annotate: %w", err)
	}
	rep.Warnings = append(rep.Warnings, ann.Warnings...)
	if x, ok := b.ann.(interface{ jsonOnly() annotator }); ok && b.oneShot {
		b.ann, b.annSrc = x.jsonOnly(), nil
	}
	if err := ctx.Err(); err != nil {
		return rep, err
	}

	// Render every page.
	start = time.Now()
	b.opts.progress("render", 0, 0)
	site, err := open()
	if err != nil {
		return rep, err
	}
	pages, err := b.render(ctx, th, in, ann, site)
	rep.AddPhase("render", start)
	sortInputs(rep)
	if err != nil {
		var list brief.ErrorList
		if errors.As(err, &list) {
			return rep, list
		}
		return rep, err
	}
	for _, s := range ann.Sources {
		if !s.Draft {
			rep.Sources++
		}
	}
	rep.Claims = claimCount(ann)
	rep.Links = len(ann.Links)
	rep.Pages = pages
	return rep, nil
}

// reset forgets all state, for a full build.
func (b *Builder) reset() {
	b.ann = b.newAnnotator(b.oneShot)
	b.annSrc = map[string]*brief.Source{}
	b.files = map[string]*loaded{}
	b.theme = nil
	b.pages = map[string]pageCache{}
	b.articles = map[string]pageCache{}
	b.refs = nil
	b.sourceSigs = nil
}

// invalidate drops cached state that depends on the changed paths.
func (b *Builder) invalidate(changed []string) {
	for _, p := range changed {
		p = path.Clean(strings.ReplaceAll(p, "\\", "/"))
		delete(b.files, p)
		if p == "themes" || strings.HasPrefix(p, "themes/") || p == "." {
			b.theme = nil
		}
		if p == "." || p == b.opts.ContentDir || p == b.opts.SourcesDir {
			b.files = map[string]*loaded{}
		}
	}
}

func sortInputs(rep *Report) {
	sort.Strings(rep.Inputs)
	rep.Inputs = dedupe(rep.Inputs)
}

func dedupe(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i > 0 && v == s[i-1] {
			continue
		}
		out = append(out, v)
	}
	return out
}
