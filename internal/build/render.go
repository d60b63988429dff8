package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"html/template"
	"reflect"
	"sync"

	"github.com/brief-dev/brief/internal/brief"
)

// execFunc renders a page (see render).
type execFunc func(path, layout string, p *page, extra uint64, fill func()) error

// pageCache is a rendered page and the hash of everything it was
// rendered from.
type pageCache struct {
	key  [32]byte
	data []byte
}

// render turns the annotation into the site's files.
func (b *Builder) render(ctx context.Context, th *theme, in *input, ann *brief.Annotation) (*Site, error) {
	a := analyze(ann)
	site := newSite()
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
		key := valueKey(th, th.refsUse(), "refs", reflect.ValueOf(&v))
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
			return nil, fmt.Errorf(`execute "refs": %w`, err)
		}
		h = bytes.TrimSpace(buf.Bytes())
		mu.Lock()
		freshRefs[key] = h
		mu.Unlock()
		return h, nil
	}
	fresh := map[string]pageCache{}

	// exec renders one layout into path, reusing the last rendering if
	// the page's data and the theme are unchanged.
	// If fill is not nil, the page's data is completed by fill only
	// when the page is rendered, and extra is a hash of what fill adds
	// (see analysis.matrix).
	exec := func(path, layout string, p *page, extra uint64, fill func()) error {
		p.Site = sv
		key := pageKey(th, layout, p)
		if fill != nil {
			binary.LittleEndian.PutUint64(key[24:], binary.LittleEndian.Uint64(key[24:])^extra)
		}
		if c, ok := b.pages[path]; ok && c.key == key {
			mu.Lock()
			site.add(path, c.data)
			fresh[path] = c
			mu.Unlock()
			return nil
		}
		if fill != nil {
			fill()
		}
		var buf bytes.Buffer
		t := th.pages[layout]
		if err := t.ExecuteTemplate(&buf, t.Name(), p); err != nil {
			return fmt.Errorf("render %s: %w", path, err)
		}
		mu.Lock()
		site.add(path, buf.Bytes())
		fresh[path] = pageCache{key: key, data: buf.Bytes()}
		mu.Unlock()
		return nil
	}

	var wg sync.WaitGroup
	var srcErr, idxErr error
	// reuse adds the last build's page at path, if there is one.
	reuse := func(path string) bool {
		c, ok := b.pages[path]
		if ok {
			mu.Lock()
			site.add(path, c.data)
			fresh[path] = c
			mu.Unlock()
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
	var js bytes.Buffer
	err := b.overviewPages(a, sv, exec)
	if err == nil {
		err = b.ann.WriteJSON(&js, ann, func(id string) string {
			if s := a.src[id]; s == nil || s.Draft {
				return ""
			}
			return "sources/" + id + "/"
		})
		if err != nil {
			err = fmt.Errorf("write claims.json: %w", err)
		}
	}
	wg.Wait()
	if srcErr != nil {
		return nil, srcErr
	}
	if idxErr != nil {
		return nil, idxErr
	}
	if err != nil {
		return nil, err
	}
	b.pages = fresh
	b.refs = freshRefs
	b.sourceSigs = sigs
	th.frags.rotate()

	// Assets, claims.json and .nojekyll (GitHub Pages would otherwise
	// skip files starting with an underscore).
	for name, data := range th.assets {
		site.add("assets/"+name, data)
	}
	if _, ok := th.assets["chroma.css"]; !ok {
		css, err := chromaCSS()
		if err != nil {
			return nil, err
		}
		site.add("assets/chroma.css", css)
	}
	site.add("claims.json", js.Bytes())
	site.add(".nojekyll", nil)
	site.seal()
	return site, nil
}

// sourcePages renders the page of every source.
// sigs receives the pages' signatures (see sourceSig), which the
// caller keeps if the build succeeds.
func (b *Builder) sourcePages(ctx context.Context, th *theme, sv siteView, a *analysis, in *input, md markdownRenderer, refs refsHTML, exec execFunc, reuse func(path string) bool, sigs map[string][32]byte) error {
	var rows []sourceRow
	for _, s := range a.sources {
		rows = append(rows, a.sourceRow(s, "../../"))
	}
	for i, s := range a.sources {
		if err := ctx.Err(); err != nil {
			return err
		}
		f := in.files[s.ID]
		path := "sources/" + s.ID + "/index.html"
		// A page whose inputs are those of the last build is copied.
		sig := a.sourceSig(th, sv, s, f, rows, i)
		sigs[s.ID] = sig
		if old, ok := b.sourceSigs[s.ID]; ok && old == sig && reuse(path) {
			continue
		}
		ns := &notes{prefix: s.ID + "-"}
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
		if err := exec(path, "source.html", p, 0, nil); err != nil {
			return err
		}
	}
	return nil
}

// overviewPages renders the source list, the matrix and
// the 404 page.
func (b *Builder) overviewPages(a *analysis, sv siteView, exec execFunc) error {
	var list []sourceRow
	for _, s := range a.sources {
		list = append(list, a.sourceRow(s, "../"))
	}
	if err := exec("sources/index.html", "sources.html", &page{Root: "../", Nav: "sources", Title: "Sources", Sources: list}, 0, nil); err != nil {
		return err
	}
	for _, mp := range a.matrixPages() {
		title := "Facts by source"
		if mp.view.Page > 0 && mp.view.Pages > 1 {
			title = fmt.Sprintf("Facts by source, table %d of %d", mp.view.Page, mp.view.Pages)
		}
		if err := exec(mp.path, "matrix.html", &page{Root: mp.root, Nav: "matrix", Title: title, Matrix: mp.view}, 0, nil); err != nil {
			return err
		}
	}
	return exec("404.html", "404.html", &page{Root: sv.BasePath, Title: "Page not found"}, 0, nil)
}

// indexPage renders the briefing, index.html: the largest page of a
// large project, so it has a goroutine of its own.
func (b *Builder) indexPage(md markdownRenderer, a *analysis, in *input, refs refsHTML, exec execFunc) error {
	idx, err := b.indexView(md, a, in, refs)
	if err != nil {
		return fmt.Errorf("render index: %w", err)
	}
	return exec("index.html", "index.html", &page{Root: "./", Nav: "briefing", Index: idx}, 0, nil)
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
	b.mu.Lock()
	b.articles[f.src.ID] = pageCache{key: key, data: []byte(out)}
	b.mu.Unlock()
	return out, nil
}
