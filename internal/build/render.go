package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"html/template"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/brief-dev/brief/internal/brief"
)

// execFunc renders a page (see render).
type execFunc func(path, layout string, p *page) error

// pageCache is a rendered page and the hash of everything it was
// rendered from.
type pageCache struct {
	key  [32]byte
	data []byte
}

// sink receives the site's files as they are made: a Site in memory
// (brief serve) or an outDir writing them to disk (brief build). put
// must be safe for concurrent use, and data is not changed afterwards.
type sink interface {
	put(path string, data []byte) error
	// reuse puts the page c rendered by the last build at path again.
	reuse(path string, c pageCache) error
}

// render turns the annotation into the site's files, handing each to
// site as soon as it is made, and returns the number of HTML pages. A
// Builder that keeps state between builds keeps the pages it rendered:
// their keys, and their bytes too for a build in memory (Build), not
// for one on disk (BuildTo, brief serve). One made for a single build
// (oneShot) keeps nothing, so that memory holds the pages being
// rendered rather than the site.
func (b *Builder) render(ctx context.Context, th *theme, in *input, ann *brief.Annotation, site sink) (int, error) {
	// claims.json and its pages (claims/*.json) need only the
	// annotation: they are written on a goroutine of their own from the
	// start, each file as soon as it is encoded, while the pages'
	// analysis is made and the pages rendered.
	var jsonErr error
	var jsonDone sync.WaitGroup
	pageOf := make(map[string]string, len(ann.Sources))
	for _, s := range ann.Sources {
		pageOf[s.ID] = "" // a draft has no page
		if !s.Draft {
			pageOf[s.ID] = "sources/" + s.ID + "/"
		}
	}
	jsonDone.Go(func() {
		defer catch(&jsonErr)
		if err := b.ann.WriteJSON(site.put, ann, func(id string) string { return pageOf[id] }); err != nil {
			jsonErr = fmt.Errorf("write claims.json: %w", err)
		}
	})
	defer jsonDone.Wait() // on every return: the goroutine writes to site
	a := analyze(ann)
	pages := 0
	th.frags.off = b.oneShot
	// Templates check rctx in every loop (see tick): it is done when
	// ctx is, or when a page runs over Options.PageTimeout.
	rctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	th.setContext(rctx)
	defer th.ctx.Store(nil)
	// stopped returns why rctx is done, if it is: the error to report
	// rather than html/template's wrapping of it.
	stopped := func() error {
		if rctx.Err() == nil {
			return nil
		}
		return context.Cause(rctx)
	}
	sv := siteView{Title: b.opts.Title, Language: b.opts.Language, Author: b.opts.Author, BasePath: b.opts.basePath()}
	if sv.Title == "" {
		sv.Title = "Briefing"
	}
	md := b.markdown()
	// refs renders note markers with the theme's "refs" template, so
	// that every string from an article is escaped by html/template.
	// A large project has a marker group after most claims, and the
	// groups of unchanged claims come out the same: they are kept
	// between builds by a key of the view (see pageKey).
	// The source pages, the briefing and the rest (the source list, the
	// matrix, claims.json) are made on three goroutines; mu guards what
	// they share. The site sorts its paths when sealed,
	// so the order in which pages are added does not matter.
	var mu sync.Mutex
	freshRefs := map[[32]byte][]byte{}
	refs := func(v refsView) ([]byte, error) {
		var key [32]byte
		if !b.oneShot {
			key = valueKey(th, th.refsUse(), "refs", reflect.ValueOf(&v))
		}
		mu.Lock()
		h, ok := b.refs[key]
		if ok {
			freshRefs[key] = h
		}
		mu.Unlock()
		if ok {
			return h, nil
		}
		var buf bytes.Buffer
		if err := th.pages["source.html"].ExecuteTemplate(&buf, "refs", v); err != nil {
			if s := stopped(); s != nil {
				return nil, s
			}
			return nil, fmt.Errorf(`execute "refs": %w`, err)
		}
		h = bytes.TrimSpace(buf.Bytes())
		if !b.oneShot {
			mu.Lock()
			freshRefs[key] = h
			mu.Unlock()
		}
		return h, nil
	}
	fresh := map[string]pageCache{}
	// A build on disk writes each page before put returns and keeps
	// no bytes, so its page buffers are reused: without the pool every
	// page grew a buffer of its own by doubling (0.3 GB of the
	// 1,000-article build's allocations). A Site in memory keeps the
	// bytes it is given, so a Builder that keeps them takes new ones.
	var bufs sync.Pool

	// exec renders one layout into path, reusing the last rendering if
	// the page's data and the theme are unchanged.
	exec := func(path, layout string, p *page) error {
		p.Site = sv
		var key [32]byte
		if !b.oneShot { // a single build keeps no pages, so needs no keys
			key = pageKey(th, layout, p)
		}
		if c, ok := b.pages[path]; ok && c.key == key {
			mu.Lock()
			fresh[path] = c
			pages++
			mu.Unlock()
			return site.reuse(path, c)
		}
		if limit := b.opts.PageTimeout; limit > 0 {
			timer := time.AfterFunc(limit, func() {
				stop(fmt.Errorf("render %s: the theme's templates ran longer than %v (a loop without end?)", path, limit))
			})
			defer timer.Stop()
		}
		buf := new(bytes.Buffer)
		if !b.keepsBytes() {
			if x, ok := bufs.Get().(*bytes.Buffer); ok {
				buf = x
				buf.Reset()
			}
			defer bufs.Put(buf)
		}
		t := th.pages[layout]
		if err := t.ExecuteTemplate(buf, t.Name(), p); err != nil {
			if s := stopped(); s != nil {
				return s
			}
			return fmt.Errorf("render %s: %w", path, err)
		}
		mu.Lock()
		if !b.oneShot {
			c := pageCache{key: key}
			if b.keepsBytes() {
				c.data = buf.Bytes()
			}
			fresh[path] = c
		}
		pages++
		mu.Unlock()
		return site.put(path, buf.Bytes())
	}

	var wg sync.WaitGroup
	var srcErr, idxErr error
	// reuse adds the last build's page at path, if there is one.
	reuse := func(path string) bool {
		c, ok := b.pages[path]
		if ok {
			mu.Lock()
			fresh[path] = c
			pages++
			mu.Unlock()
			if err := site.reuse(path, c); err != nil {
				return false
			}
		}
		return ok
	}
	sigs := make(map[string][32]byte, len(a.sources))
	wg.Go(func() {
		defer catch(&srcErr)
		srcErr = b.sourcePages(ctx, th, sv, a, in, md, refs, exec, reuse, sigs)
	})
	wg.Go(func() {
		defer catch(&idxErr)
		idxErr = b.indexPage(md, a, in, refs, exec)
	})
	err := b.overviewPages(a, sv, exec)
	wg.Wait()
	jsonDone.Wait()
	if srcErr != nil {
		return 0, srcErr
	}
	if idxErr != nil {
		return 0, idxErr
	}
	if err != nil {
		return 0, err
	}
	if jsonErr != nil {
		return 0, jsonErr
	}
	b.pages = fresh
	b.pagesGen++
	b.refs = freshRefs
	b.sourceSigs = sigs
	th.frags.rotate()

	// Assets, claims.json and .nojekyll (GitHub Pages would otherwise
	// skip files starting with an underscore).
	files := map[string][]byte{".nojekyll": nil}
	for name, data := range th.assets {
		files["assets/"+name] = data
	}
	if _, ok := th.assets["chroma.css"]; !ok {
		css, err := chromaCSS()
		if err != nil {
			return 0, err
		}
		files["assets/chroma.css"] = css
	}
	for name, data := range files {
		if err := site.put(name, data); err != nil {
			return 0, err
		}
	}
	return pages, nil
}

// sourcePages renders the page of every source.
// sigs receives the pages' signatures (see sourceSig), which the
// caller keeps if the build succeeds.
func (b *Builder) sourcePages(ctx context.Context, th *theme, sv siteView, a *analysis, in *input, md markdownRenderer, refs refsHTML, exec execFunc, reuse func(path string) bool, sigs map[string][32]byte) error {
	var rows []sourceRow
	for _, s := range a.sources {
		rows = append(rows, a.sourceRow(s, "../../"))
	}
	// Pages are rendered on every processor; each worker takes the next
	// source, and the error reported is that of the first source that
	// failed, so that it does not depend on scheduling.
	var sigMu sync.Mutex
	errs := make([]error, len(a.sources))
	renderOne := func(i int) error {
		s := a.sources[i]
		f := in.files[s.ID]
		path := "sources/" + s.ID + "/index.html"
		// A page whose inputs are those of the last build is copied.
		if !b.oneShot {
			sig := a.sourceSig(th, sv, s, f, rows, i)
			sigMu.Lock()
			sigs[s.ID] = sig
			sigMu.Unlock()
			if old, ok := b.sourceSigs[s.ID]; ok && old == sig && reuse(path) {
				return nil
			}
		}
		ns := &notes{}
		marks, err := a.sourceMarks(s, ns, refs)
		if err != nil {
			return fmt.Errorf("render sources/%s: %w", s.ID, err)
		}
		body, err := b.article(md, f, "fn-"+s.ID+"-", marks)
		if err != nil {
			return fmt.Errorf("render sources/%s: %w", s.ID, err)
		}
		v := &sourceView{sourceRow: rows[i], Body: body, Notes: ns.list}
		if i > 0 {
			v.Prev = &rows[i-1]
		}
		if i+1 < len(rows) {
			v.Next = &rows[i+1]
		}
		p := &page{Root: "../../", Nav: "sources", Title: v.Title, Source: v}
		return exec(path, "source.html", p)
	}
	var next, done atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(a.sources) {
					return
				}
				if err := ctx.Err(); err != nil {
					errs[i] = err
					return
				}
				if errs[i] = protect(func() error { return renderOne(i) }); errs[i] != nil {
					next.Store(int64(len(a.sources))) // stop the others
					return
				}
				b.opts.progress("render", int(done.Add(1)), len(a.sources))
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// sourcesPerPage is the length of a page of the source list: a row is
// about 400 bytes of HTML, so a page stays well under 2 MB.
var sourcesPerPage = 1000 // a variable for tests

// overviewPages renders the source list, the matrix and
// the 404 page.
func (b *Builder) overviewPages(a *analysis, sv siteView, exec execFunc) error {
	var list []sourceRow
	for _, s := range a.sources {
		list = append(list, a.sourceRow(s, "../"))
	}
	// The list is split into pages of sourcesPerPage: sources/index.html,
	// then sources/index-2.html and on (files, so that no name can clash
	// with a source's folder).
	pages := (len(list) + sourcesPerPage - 1) / sourcesPerPage
	name := func(n int) string {
		if n == 1 {
			return "index.html"
		}
		return fmt.Sprintf("index-%d.html", n)
	}
	for n := 1; n == 1 || n <= pages; n++ {
		from, to := (n-1)*sourcesPerPage, min(n*sourcesPerPage, len(list))
		p := &page{Root: "../", Nav: "sources", Title: "Sources", Sources: list[from:to]}
		if pages > 1 {
			p.Title = fmt.Sprintf("Sources, page %d of %d", n, pages)
			p.Pager = &pagerView{Page: n, Pages: pages, Total: len(list), First: from + 1, Last: to}
			if n > 1 {
				p.Pager.Prev = strings.TrimSuffix(name(n-1), "index.html")
				if p.Pager.Prev == "" {
					p.Pager.Prev = "./"
				}
			}
			if n < pages {
				p.Pager.Next = name(n + 1)
			}
		}
		if err := exec("sources/"+name(n), "sources.html", p); err != nil {
			return err
		}
	}
	for _, mp := range a.matrixPages() {
		v := mp.view()
		title := "Facts by source"
		if v.Page > 0 && v.Pages > 1 {
			title = fmt.Sprintf("Facts by source, table %d of %d", v.Page, v.Pages)
		}
		if err := exec(mp.path, "matrix.html", &page{Root: mp.root, Nav: "matrix", Title: title, Matrix: v}); err != nil {
			return err
		}
	}
	return exec("404.html", "404.html", &page{Root: sv.BasePath, Title: "Page not found"})
}

// indexPage renders the briefing, index.html, and the later pages of
// its long sections (see sections.go): the largest pages of a large
// project, so they have a goroutine of their own.
func (b *Builder) indexPage(md markdownRenderer, a *analysis, in *input, refs refsHTML, exec execFunc) error {
	br := a.briefing()
	idx, err := b.indexView(md, a, in, refs, br)
	if err != nil {
		return fmt.Errorf("render index: %w", err)
	}
	if err := exec("index.html", "index.html", &page{Root: "./", Nav: "briefing", Index: idx}); err != nil {
		return err
	}
	for _, sp := range br.sectionPages(idx.Title) {
		if err := exec(sp.path, "index.html", sp.make()); err != nil {
			return err
		}
	}
	return nil
}

// article renders a source's Markdown with its marks, caching the
// result by content and marks.
func (b *Builder) article(md markdownRenderer, f *parsedFile, prefix string, marks []mark) (template.HTML, error) {
	data := f.data
	h := sha256.New()
	h.Write(data)
	fmt.Fprintf(h, "\x00%s\x00%d\x00", prefix, f.bodyOff)
	for _, m := range marks {
		fmt.Fprintf(h, "%d\x00%t\x00%s\x00%d\x00", m.off, m.end, m.id, len(m.html))
		h.Write(m.html)
	}
	var key [32]byte
	copy(key[:], h.Sum(nil))
	b.mu.Lock()
	c, ok := b.articles[f.src.ID]
	b.mu.Unlock()
	if ok && c.key == key {
		return template.HTML(c.data), nil
	}
	// goldmark sees the whole file so that goldmark-meta consumes the
	// front matter; claim offsets are shifted from Body to the file.
	start := 0
	if bytes.HasPrefix(data, []byte("\ufeff")) {
		start = 3
	}
	shifted := make([]mark, len(marks))
	for i, m := range marks {
		m.off += f.bodyOff - start
		shifted[i] = m
	}
	out, err := md.render(data[start:], prefix, shifted)
	if err != nil {
		return "", err
	}
	if !b.oneShot {
		b.mu.Lock()
		b.articles[f.src.ID] = pageCache{key: key, data: []byte(out)}
		b.mu.Unlock()
	}
	return out, nil
}
