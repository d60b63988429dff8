package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/brief-dev/brief/internal/brief"
)

// Library is the folder of source files an import writes into, read once
// so that each article can be matched with the file it was imported to
// before.
type Library struct {
	dir   string
	files []*source
}

// source is one file of the library.
type source struct {
	path   string
	meta   Meta
	body   string // as in the file
	edited bool   // body differs from the checksum recorded at import
	data   []byte
}

// OpenLibrary reads the Markdown files of dir (which need not exist).
// Files whose front matter cannot be read still take their name.
func OpenLibrary(dir string) (*Library, error) {
	l := &Library{dir: dir}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read %s: %w", dir, err)
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") || !e.Type().IsRegular() {
			continue
		}
		path := filepath.Join(dir, e.Name())
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		l.files = append(l.files, parseSource(path, data))
	}
	return l, nil
}

func parseSource(path string, data []byte) *source {
	src := &source{path: path, data: data, edited: true}
	s := normalizeNewlines(data)
	yaml, body, _, found, err := splitFrontMatter("", s)
	if err != nil || !found {
		src.body = s
		return src
	}
	body, _ = strings.CutPrefix(body, "\n")
	src.body = body
	fm, err := parseFrontMatter("", yaml, 2)
	if err != nil {
		return src
	}
	src.meta = fm.meta
	src.edited = fm.checksum == "" || Checksum(body) != fm.checksum
	return src
}

// WriteOptions says how Library.Write treats an existing file.
type WriteOptions struct {
	// Set holds the front-matter values the user gave for this import
	// (flags or a --from line). They win over the file's values; every
	// other value already in the file is kept, so hand edits survive.
	Set Meta
	// Force replaces a body edited by hand since it was imported.
	Force bool
}

// Result says what Library.Write did.
type Result struct {
	Path    string
	Changed bool
	// Note explains a choice the user should know about, such as a file
	// name other than the title's because that one holds another article.
	Note string
}

// Write writes the article into the library:
//
//   - the same article imported before (same url, same body, or same
//     origin file name) is updated in place, keeping every
//     front-matter value the file has except those in opts.Set;
//   - a body edited by hand since import is not replaced unless
//     opts.Force is set: the error names the file and says so;
//   - a new article gets the file named by its title's slug, or the
//     first free "-2", "-3", ... variant when another article holds it;
//   - identical bytes are left alone, and every write is atomic.
func (l *Library) Write(a *Article, opts WriteOptions) (Result, error) {
	na := *a
	na.Meta.apply(opts.Set)
	a = &na
	if old := l.find(a); old != nil {
		return l.update(old, a, opts)
	}
	base := l.slugFor(a)
	path := filepath.Join(l.dir, base+".md")
	var note string
	for i := 2; l.taken(path); i++ {
		path = filepath.Join(l.dir, fmt.Sprintf("%s-%d.md", base, i))
		note = fmt.Sprintf("%s.md holds another article", base)
	}
	data := a.Markdown()
	if err := os.MkdirAll(l.dir, 0o755); err != nil {
		return Result{Path: path}, fmt.Errorf("create %s: %w", l.dir, err)
	}
	if err := writeAtomic(path, data); err != nil {
		return Result{Path: path}, err
	}
	l.files = append(l.files, parseSource(path, data))
	return Result{Path: path, Changed: true, Note: note}, nil
}

// update rewrites old with the article a.
func (l *Library) update(old *source, a *Article, opts WriteOptions) (Result, error) {
	res := Result{Path: old.path}
	merged := *a
	merged.Meta = mergeMeta(old.meta, a.Meta, opts.Set)
	data := merged.Markdown()
	if bytes.Equal(data, old.data) {
		return res, nil
	}
	if old.edited && old.body != merged.Body && !opts.Force {
		return res, brief.Errorf(brief.Pos{File: old.path},
			"edited by hand since import (body does not match its checksum); not overwritten: use --force to replace it with the imported text")
	}
	if err := writeAtomic(old.path, data); err != nil {
		return res, err
	}
	*old = *parseSource(old.path, data)
	res.Changed = true
	return res, nil
}

// mergeMeta keeps the file's values over the imported ones, and the
// user's over both.
func mergeMeta(file, imported, set Meta) Meta {
	m := imported
	keep := func(dst *string, have string) {
		if have != "" {
			*dst = have
		}
	}
	if file.Title != "" {
		m.Title, m.TitleDerived = file.Title, file.TitleDerived
	}
	keep(&m.Outlet, file.Outlet)
	keep(&m.URL, file.URL)
	keep(&m.Date, file.Date)
	keep(&m.Author, file.Author)
	keep(&m.Language, file.Language)
	keep(&m.Origin, file.Origin)
	m.apply(set)
	return m
}

// find returns the file holding the same article as a, if any: the same
// url, the same body, or the same origin file name (unless both have
// urls and they differ).
func (l *Library) find(a *Article) *source {
	if u := sameURLKey(a.Meta.URL); u != "" {
		for _, f := range l.files {
			if sameURLKey(f.meta.URL) == u {
				return f
			}
		}
	}
	for _, f := range l.files {
		if f.body == a.Body {
			return f
		}
	}
	if a.Meta.Origin != "" {
		// The same origin file imported again: its text or its title
		// may have changed since. Two pages saved under one name are
		// told apart by their urls.
		u := sameURLKey(a.Meta.URL)
		for _, f := range l.files {
			if fu := sameURLKey(f.meta.URL); f.meta.Origin == a.Meta.Origin && (u == "" || fu == "" || u == fu) {
				return f
			}
		}
	}
	return nil
}

// sameURLKey reduces a URL to what identifies an article: no fragment,
// no trailing slash, host in lower case.
func sameURLKey(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if raw == "" || err != nil || u.Host == "" {
		return ""
	}
	u.Fragment = ""
	u.Host = strings.ToLower(u.Host)
	u.Scheme = strings.ToLower(u.Scheme)
	u.Path = strings.TrimRight(u.Path, "/")
	return u.String()
}

// taken reports whether a file exists at path (in the library or not).
func (l *Library) taken(path string) bool {
	if slices.ContainsFunc(l.files, func(f *source) bool { return f.path == path }) {
		return true
	}
	_, err := os.Lstat(path)
	return err == nil
}

// slugFor names a new article's file: the slug of its title; for a title
// with nothing to spell in ASCII, the slug of its origin file's name, or
// "article-" and the start of its body's checksum.
func (l *Library) slugFor(a *Article) string {
	if s := slug(a.Meta.Title); s != "" {
		return s
	}
	origin := strings.TrimSuffix(a.Meta.Origin, filepath.Ext(a.Meta.Origin))
	if s := slug(origin); s != "" {
		return s
	}
	return "article-" + strings.TrimPrefix(Checksum(a.Body), "sha256:")[:8]
}

// Write writes a to dir with a library opened for this one article; see
// Library.Write. force replaces a body edited by hand.
func Write(dir string, a *Article, force bool) (path string, changed bool, err error) {
	l, err := OpenLibrary(dir)
	if err != nil {
		return filepath.Join(dir, Slug(a.Meta.Title)+".md"), false, err
	}
	r, err := l.Write(a, WriteOptions{Force: force})
	return r.Path, r.Changed, err
}
