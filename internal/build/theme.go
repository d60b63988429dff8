package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/brief-dev/brief/internal/brief"
	"github.com/brief-dev/brief/themes"
)

// layouts are the theme's page templates. Each is parsed together with
// base.html, which calls the blocks the page defines.
var layouts = []string{"index.html", "source.html", "sources.html", "matrix.html", "404.html"}

// theme is a parsed theme: one template set per layout, and the assets.
type theme struct {
	pages  map[string]*template.Template // by layout name
	assets map[string][]byte             // by path under assets/
	sum    [32]byte                      // hash of every theme file, for page caching

	mu   sync.Mutex           // guards uses (pages are rendered in parallel)
	uses map[string]*fieldUse // by layout name, filled by use

	frags fragments // output of the "fragment" function, kept between builds

	// ctx is the context of the render in progress, which every loop
	// and template of the theme checks (see tick).
	ctx atomic.Pointer[context.Context]

	// hashers keeps keyHashers (see valueKey) with their buffers: a
	// large project keys thousands of note groups per build, and a new
	// 64 kB buffer for each made most of the build's garbage.
	hashers sync.Pool
}

// refsUse returns what the "refs" template may read from a refsView.
func (th *theme) refsUse() *fieldUse {
	return th.useOf("\x00refs", th.pages["source.html"], "refs")
}

// fragments keeps what the template function "fragment" rendered, by
// key of the template and the data it read (see valueKey): a build
// looks up the previous build's fragments and keeps those it used.
type fragments struct {
	mu        sync.Mutex
	prev, cur map[[32]byte][]byte
	off       bool // keep nothing: a single build (Builder.oneShot)
}

func (f *fragments) get(key [32]byte) ([]byte, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	h, ok := f.cur[key]
	if !ok {
		h, ok = f.prev[key]
		if ok {
			f.put(key, h)
		}
	}
	return h, ok
}

// put stores a fragment; f.mu must be held.
func (f *fragments) put(key [32]byte, h []byte) {
	if f.off {
		return
	}
	if f.cur == nil {
		f.cur = map[[32]byte][]byte{}
	}
	f.cur[key] = h
}

// rotate ends a build: the next one keeps only what this one used.
func (f *fragments) rotate() {
	f.mu.Lock()
	f.prev, f.cur = f.cur, nil
	f.mu.Unlock()
}

// fragmentFunc returns the "fragment" function of a layout's template
// set t: {{fragment "name" x}} is {{template "name" x}}, escaped on its
// own in HTML text, with its output kept between builds by a key of
// what the template can read from x. A large page made of many items
// (the briefing of a thousand sources) is then, after an edit, mostly
// copied: only items whose data changed run their template again.
func (th *theme) fragmentFunc(layout string, t *template.Template) func(string, any) (template.HTML, error) {
	return func(name string, data any) (template.HTML, error) {
		if t.Lookup(name) == nil {
			return "", fmt.Errorf("no template %q", name)
		}
		var key [32]byte
		if !th.frags.off {
			tag := layout + "\x00" + name
			key = valueKey(th, th.useOf(tag, t, name), tag, reflect.ValueOf(data))
			if h, ok := th.frags.get(key); ok {
				return template.HTML(h), nil
			}
		}
		if tooDeep() {
			return "", fmt.Errorf("fragment %q: nested more than about %d deep (does a fragment call itself?)", name, maxFragmentDepth)
		}
		var buf bytes.Buffer
		if err := t.ExecuteTemplate(&buf, name, data); err != nil {
			return "", err
		}
		th.frags.mu.Lock()
		th.frags.put(key, buf.Bytes())
		th.frags.mu.Unlock()
		return template.HTML(buf.Bytes()), nil
	}
}

// maxFragmentDepth bounds fragments nested in fragments. A fragment
// runs a new template execution, which text/template's own depth limit
// does not see, so a fragment that calls itself would grow the stack
// until the process dies (not a panic: nothing can recover it).
const maxFragmentDepth = 100

// framesPerFragment is about how many stack frames one level of
// {{fragment}} nesting takes (template execution, reflect.Call, this
// function), counted generously.
const framesPerFragment = 40

// tooDeep reports whether the calling goroutine's stack is deeper than
// maxFragmentDepth levels of fragments. Counting frames needs no state
// shared between the pages that render in parallel.
func tooDeep() bool {
	var pcs [maxFragmentDepth * framesPerFragment]uintptr
	return runtime.Callers(1, pcs[:]) == len(pcs)
}

// useOf returns what template name of set t may read, cached as tag.
func (th *theme) useOf(tag string, t *template.Template, name string) *fieldUse {
	th.mu.Lock()
	defer th.mu.Unlock()
	u, ok := th.uses[tag]
	if !ok {
		var x *template.Template
		if t != nil {
			x = t.Lookup(name)
		}
		u = templateUse(x)
		if th.uses == nil {
			th.uses = map[string]*fieldUse{}
		}
		th.uses[tag] = u
	}
	return u
}

// use returns what the templates of a layout may read from a page.
func (th *theme) use(layout string) *fieldUse {
	t := th.pages[layout]
	if t == nil {
		return templateUse(nil)
	}
	return th.useOf(layout, t, t.Name())
}

// themeFile is one file of the theme, from the project or embedded.
type themeFile struct {
	path string // for messages: "themes/x/base.html"
	data []byte
}

// loadTheme reads the theme: the embedded default theme, overridden
// file by file by Root/themes/<Theme>/.
func (b *Builder) loadTheme(rep *Report) (*theme, error) {
	dir := path.Join("themes", b.opts.Theme)
	rep.Inputs = append(rep.Inputs, "themes", dir, dir+"/assets")
	files := map[string]themeFile{} // by path inside the theme
	err := fs.WalkDir(themes.Default, "default", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(themes.Default, p)
		rel := strings.TrimPrefix(p, "default/")
		files[rel] = themeFile{path: "themes/default/" + rel + " (built in)", data: data}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read default theme: %w", err)
	}
	fsys := b.fsys()
	found := false
	err = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		found = true
		if strings.HasPrefix(d.Name(), ".") && p != dir {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			rep.Inputs = append(rep.Inputs, p)
			return nil
		}
		data, err := readInput(fsys, p)
		if err != nil {
			return err
		}
		rep.Inputs = append(rep.Inputs, p)
		files[strings.TrimPrefix(p, dir+"/")] = themeFile{path: p, data: data}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read theme %s: %w", dir, err)
	}
	if !found && b.opts.Theme != "default" {
		return nil, fmt.Errorf("theme %q: no folder %s", b.opts.Theme, dir)
	}
	if b.theme != nil && b.theme.sum == sumThemeFiles(files) {
		return b.theme, nil
	}
	th, err := parseTheme(files)
	if err != nil {
		return nil, err
	}
	b.theme = th
	return th, nil
}

func sumThemeFiles(files map[string]themeFile) [32]byte {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(files[n].data))
		h.Write(files[n].data)
	}
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

var tmplErrRx = regexp.MustCompile(`^template: ([^:]+(?: \(built in\))?):(\d+):(?:(\d+):)? (.*)$`)

// parseTheme parses every layout with base.html. A template that fails
// to parse is reported at its file and line.
func parseTheme(files map[string]themeFile) (*theme, error) {
	th := &theme{pages: map[string]*template.Template{}, assets: map[string][]byte{}, sum: sumThemeFiles(files)}
	for name, f := range files {
		if a, ok := strings.CutPrefix(name, "assets/"); ok {
			th.assets[a] = f.data
		}
	}
	var errs brief.ErrorList
	base, ok := files["base.html"]
	if !ok {
		return nil, errors.New("theme: no base.html")
	}
	for _, name := range layouts {
		f, ok := files[name]
		if !ok {
			errs.Add(brief.Pos{File: "themes"}, "theme: no "+name)
			continue
		}
		t := template.New(base.path).Option("missingkey=error").Funcs(funcs)
		if _, err := t.Parse(string(base.data)); err != nil {
			errs.Append(templateError(err))
			break
		}
		if _, err := t.New(f.path).Parse(string(f.data)); err != nil {
			errs.Append(templateError(err))
			continue
		}
		t.Funcs(template.FuncMap{"fragment": th.fragmentFunc(name, t), tickFunc: th.tick})
		if err := insertTicks(t); err != nil {
			errs.Append(err)
			continue
		}
		th.pages[name] = t
	}
	errs.RemoveMultiples()
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return th, nil
}

// templateError turns an html/template parse error into a positioned
// error naming the theme file and line.
func templateError(err error) error {
	m := tmplErrRx.FindStringSubmatch(err.Error())
	if m == nil {
		return fmt.Errorf("parse theme: %w", err)
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	file := strings.TrimSuffix(m[1], " (built in)")
	return &brief.Error{Pos: brief.Pos{File: file, Line: line, Col: col}, Msg: "template: " + m[4]}
}

// funcs are the functions templates may call. "fragment" is replaced
// in each layout's set by theme.fragmentFunc.
var funcs = template.FuncMap{
	"fragment": func(string, any) (template.HTML, error) { return "", errors.New("fragment: no layout") },
	tickFunc:   func() (string, error) { return "", nil },
	"add":      func(a, b int) int { return a + b },
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return strconv.Itoa(n) + " " + one
		}
		return strconv.Itoa(n) + " " + many
	},
	"quoted": quoted,
	"notes":  notesHTML,
	"marker": markerHTML,
	"cells":  cellsHTML,
	"head":   head,
	"tail":   tail,
}

// head returns the first n elements of the slice list (all of them if
// it is shorter): a long section shows these and the rest, tail, behind
// a disclosure.
func head(n int, list any) (any, error) {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice {
		return nil, fmt.Errorf("head: %T is not a slice", list)
	}
	return v.Slice(0, min(max(n, 0), v.Len())).Interface(), nil
}

// tail returns the elements of the slice list after the first n.
func tail(n int, list any) (any, error) {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice {
		return nil, fmt.Errorf("tail: %T is not a slice", list)
	}
	return v.Slice(min(max(n, 0), v.Len()), v.Len()).Interface(), nil
}
