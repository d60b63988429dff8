package build

import (
	"context"
	"crypto/sha256"
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/brief-dev/brief/internal/brief"
)

// loaded is one content file as last read, kept between builds.
type loaded struct {
	sum  [32]byte
	file *parsedFile // nil if the file had errors
	errs brief.ErrorList
	data []byte
}

// input is everything a build reads from content/.
type input struct {
	sources []*brief.Source // sorted by ID; the draft is not among them
	draft   *brief.Source   // content/briefing.md, or nil
	files   map[string]*parsedFile
	ovFile  string // content/annotations.yaml, if present
	ovData  []byte
}

// fsys is the project folder as the current build reads it (see
// projectFS); Build opens it.
func (b *Builder) fsys() fs.FS { return b.root }

// load reads content/sources/*.md, content/briefing.md and
// content/annotations.yaml, reusing files that did not change.
func (b *Builder) load(ctx context.Context, rep *Report) (*input, error) {
	fsys := b.fsys()
	in := &input{files: map[string]*parsedFile{}}
	var errs brief.ErrorList

	// List the sources.
	dir := b.opts.SourcesDir
	rep.Inputs = append(rep.Inputs, b.opts.ContentDir, dir)
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		errs.Add(brief.Pos{File: dir}, "list sources: "+unwrapPath(err))
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".md") && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)

	seen := map[string]bool{}
	for _, name := range names {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p := path.Join(dir, name)
		id := strings.TrimSuffix(name, ".md")
		l, err := b.loadFile(fsys, p, id)
		rep.Inputs = append(rep.Inputs, p)
		seen[p] = true
		if err != nil {
			errs.Add(brief.Pos{File: p}, "read: "+unwrapPath(err))
			continue
		}
		if len(l.errs) > 0 {
			errs = append(errs, l.errs...)
			continue
		}
		if !validID(id) {
			errs.Add(brief.Pos{File: p}, "file name: use letters, digits, '-', '_' and '.' only")
			continue
		}
		in.sources = append(in.sources, l.file.src)
		in.files[id] = l.file
	}

	// The author's own briefing is optional.
	p := path.Join(b.opts.ContentDir, "briefing.md")
	rep.Inputs = append(rep.Inputs, p)
	seen[p] = true
	if l, err := b.loadFile(fsys, p, draftID); err == nil {
		if len(l.errs) > 0 {
			errs = append(errs, l.errs...)
		} else {
			l.file.src.Draft = true
			in.draft = l.file.src
			in.files[draftID] = l.file
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		errs.Add(brief.Pos{File: p}, "read: "+unwrapPath(err))
	}

	// Overrides are passed on to the annotator as bytes.
	p = path.Join(b.opts.ContentDir, "annotations.yaml")
	rep.Inputs = append(rep.Inputs, p)
	if data, err := readInput(fsys, p); err == nil {
		in.ovFile, in.ovData = p, data
	} else if !errors.Is(err, fs.ErrNotExist) {
		errs.Add(brief.Pos{File: p}, "read: "+unwrapPath(err))
	}

	// Forget files that are gone.
	for p := range b.files {
		if !seen[p] {
			delete(b.files, p)
		}
	}
	return in, errs.Err()
}

// draftID is the Source.ID of content/briefing.md. No source can have
// it: validID rejects a leading underscore.
const draftID = "_briefing"

// loadFile returns the parsed file at p, from cache if its bytes did
// not change.
func (b *Builder) loadFile(fsys fs.FS, p, id string) (*loaded, error) {
	data, err := readInput(fsys, p)
	if err != nil {
		delete(b.files, p)
		return nil, err
	}
	sum := sha256.Sum256(data)
	if l, ok := b.files[p]; ok && l.sum == sum {
		return l, nil
	}
	f, errs := parseSource(p, id, data)
	l := &loaded{sum: sum, file: f, errs: errs, data: data}
	b.files[p] = l
	return l, nil
}

// validID reports whether a source ID is safe as a URL path segment
// and as an HTML id prefix.
func validID(id string) bool {
	if id == "" || strings.HasPrefix(id, ".") || strings.HasPrefix(id, "_") {
		return false
	}
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
		default:
			return false
		}
	}
	return true
}

// unwrapPath drops the path from an *fs.PathError: positions name it.
func unwrapPath(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
