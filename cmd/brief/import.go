package main

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/brief-dev/brief/internal/brief"
	"github.com/brief-dev/brief/internal/ingest"
)

// importItem is one file or URL to import, with the front-matter values
// given for it.
type importItem struct {
	arg string      // path or URL
	pos brief.Pos   // where it was named (a --from line), for errors
	set ingest.Meta // flags, then the --from line's columns
}

// runImport implements `brief import [flags] FILE|URL...`.
func runImport(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "import", "import [flags] FILE|URL...", `
brief import --outlet Reuters --date 2025-03-13 articles/talks.txt
brief import saved-page.html https://www.example.com/news/talks.html
brief import --from coverage.csv`)
	source := fs.String("source", ".", "project root `DIR`")
	var meta ingest.Meta
	fs.StringVar(&meta.Title, "title", "", "set the title (default: from the article)")
	fs.StringVar(&meta.Outlet, "outlet", "", "set the outlet that published the article")
	fs.StringVar(&meta.URL, "url", "", "set the article's `URL` (http or https)")
	fs.StringVar(&meta.Date, "date", "", "set the publication `date` (YYYY-MM-DD or RFC 3339)")
	fs.StringVar(&meta.Author, "author", "", "set the author")
	from := fs.String("from", "", "import the files and URLs listed in `FILE` (CSV: source,outlet,date,author,title,url)")
	force := fs.Bool("force", false, "replace article text that was edited by hand since it was imported")
	quiet := fs.Bool("quiet", false, "print errors only")
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if err := checkMeta(meta, "--"); err != nil {
		return usagef("import: %v", err)
	}
	meta.Date = ingest.NormalizeDate(meta.Date)
	items := make([]importItem, 0, len(positional))
	for _, a := range positional {
		items = append(items, importItem{arg: a, pos: brief.Pos{File: a}, set: meta})
	}
	if *from != "" {
		listed, err := readImportList(*from, meta)
		if err != nil {
			return err
		}
		items = append(items, listed...)
	}
	if len(items) == 0 {
		return usagef("import: no files given (see 'brief import -h')")
	}
	if len(items) > 1 && meta.Title != "" {
		return usagef("import: --title applies to one file, got %d", len(items))
	}
	cfg, err := loadConfig(*source)
	if err != nil {
		return err
	}
	dir := filepath.Join(*source, filepath.FromSlash(cfg.Sources))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	lib, err := ingest.OpenLibrary(dir)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}

	// Import every item, reporting all errors rather than the first.
	var client *http.Client // made on the first URL
	var errs brief.ErrorList
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return err
		}
		art, err := importOne(ctx, &client, it)
		if err != nil {
			errs.Append(err)
			continue
		}
		r, err := lib.Write(art, ingest.WriteOptions{Set: it.set, Force: *force})
		if err != nil {
			errs.Append(err)
			continue
		}
		if !*quiet {
			state := "unchanged"
			if r.Changed {
				state = "wrote"
			}
			note := ""
			if r.Note != "" {
				note = "; " + r.Note
			}
			fmt.Fprintf(e.stdout, "%s %s (from %s%s)\n", state, r.Path, it.arg, note)
		}
	}
	return errs.Err()
}

// importOne reads or fetches one item and converts it.
func importOne(ctx context.Context, client **http.Client, it importItem) (*ingest.Article, error) {
	opts := ingest.Options{Overrides: it.set}
	name := it.arg
	var data []byte
	if ingest.IsURL(it.arg) {
		if *client == nil {
			*client = ingest.NewHTTPClient()
		}
		p, err := ingest.Fetch(ctx, *client, it.arg, 0)
		if err != nil {
			return nil, err
		}
		data, opts.BaseURL, opts.ContentType = p.Data, p.URL, p.ContentType
		// The article's url is where the page was in the end, unless
		// the user said otherwise.
		if opts.Overrides.URL == "" {
			opts.Overrides.URL = p.URL.String()
		}
		if opts.Overrides.Origin == "" {
			opts.Overrides.Origin = urlOrigin(p.URL)
		}
	} else {
		if otherScheme.MatchString(it.arg) {
			if _, err := os.Lstat(it.arg); err != nil {
				return nil, brief.Errorf(it.pos, "only http and https addresses can be imported")
			}
		}
		var err error
		if data, err = readSource(it.arg); err != nil {
			return nil, brief.Errorf(it.pos, "read %s: %v", it.arg, err)
		}
	}
	return ingest.Convert(name, data, opts)
}

// otherScheme matches an address such as ftp://host/a or file:///a:
// brief fetches only http and https, so one that is not a file is
// refused as an address rather than reported as a missing file.
var otherScheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*://`)

// urlOrigin names a fetched article's origin: the last element of its
// path, or its host.
func urlOrigin(u *url.URL) string {
	if b := strings.TrimRight(u.Path, "/"); b != "" {
		if i := strings.LastIndexByte(b, '/'); i >= 0 && b[i+1:] != "" {
			return b[i+1:]
		}
	}
	return u.Hostname()
}

// maxImportSize bounds a file brief import reads: the largest real saved
// pages are a few megabytes.
const maxImportSize = ingest.DefaultMaxBytes

// readSource reads a regular file of at most maxImportSize bytes (no
// devices, FIFOs or folders).
func readSource(name string) ([]byte, error) {
	// Stat before opening: opening a FIFO waits for a writer, for ever.
	if fi, err := os.Stat(name); err != nil {
		return nil, unwrapPath(err)
	} else if !fi.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, unwrapPath(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, unwrapPath(err)
	}
	if !fi.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if fi.Size() > maxImportSize {
		return nil, fmt.Errorf("%d bytes, more than the limit of %d", fi.Size(), maxImportSize)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxImportSize+1))
	if err != nil {
		return nil, unwrapPath(err)
	}
	if len(data) > maxImportSize {
		return nil, fmt.Errorf("more than the limit of %d bytes", maxImportSize)
	}
	return data, nil
}

// checkMeta validates values given by the user: a date is YYYY-MM-DD or
// RFC 3339 (and becomes YYYY-MM-DD), a url is an absolute http or https
// address. prefix names the field as the user wrote it ("--" for flags,
// "" for --from columns).
func checkMeta(m ingest.Meta, prefix string) error {
	if m.Date != "" && !ingest.ValidDate(m.Date) {
		return fmt.Errorf("%sdate %q is not a date: want YYYY-MM-DD or RFC 3339 (2025-03-13T09:30:00Z)", prefix, m.Date)
	}
	if m.URL != "" {
		u, err := url.Parse(m.URL)
		if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			return fmt.Errorf("%surl %q is not an http or https address", prefix, m.URL)
		}
	}
	return nil
}

// parseInterspersed parses flags wherever they are among the file names,
// as a user types them ("brief import a.html --outlet AP"); "--" ends
// the flags. All flags are checked before anything is imported.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		// fs.Parse stops at the first non-flag, or after "--".
		if len(rest) == 0 {
			return positional, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// importColumns are the columns of a --from list, in their default order.
var importColumns = []string{"source", "outlet", "date", "author", "title", "url"}

// readImportList reads a --from list: CSV, one article a line, the file
// path or URL first and then, optionally, outlet, date, author, title
// and url. A first line starting with "source" names the columns
// instead (in any order). Lines starting with "#" and blank lines are
// skipped. Relative paths are relative to the list's folder. A line's
// values win over the flags. Errors name list:line:col.
func readImportList(name string, flags ingest.Meta) ([]importItem, error) {
	data, err := readSource(name)
	if err != nil {
		return nil, brief.Errorf(brief.Pos{File: name}, "read: %v", err)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\uFEFF")))
	r.Comment = '#'
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	cols := importColumns
	var items []importItem
	var errs brief.ErrorList
	for first := true; ; first = false {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				errs.Add(brief.Pos{File: name, Line: pe.Line, Col: pe.Column}, fmt.Sprintf("--from: %v", pe.Err))
				break
			}
			return nil, brief.Errorf(brief.Pos{File: name}, "--from: %v", err)
		}
		line, _ := r.FieldPos(0)
		at := func(i int) brief.Pos {
			l, c := r.FieldPos(i)
			return brief.Pos{File: name, Line: l, Col: c}
		}
		if first && strings.EqualFold(strings.TrimSpace(rec[0]), "source") {
			cols = nil
			for i, c := range rec {
				c = strings.ToLower(strings.TrimSpace(c))
				if !contains(importColumns, c) {
					errs.Add(at(i), fmt.Sprintf("--from: unknown column %q (want %s)", c, strings.Join(importColumns, ", ")))
				}
				cols = append(cols, c)
			}
			continue
		}
		if len(rec) > len(cols) {
			errs.Add(at(len(cols)), fmt.Sprintf("--from: %d values, want at most %d (%s)", len(rec), len(cols), strings.Join(cols, ",")))
			continue
		}
		it := importItem{pos: brief.Pos{File: name, Line: line, Col: 1}, set: flags}
		for i, v := range rec {
			v = strings.TrimSpace(v)
			switch cols[i] {
			case "source":
				it.arg = v
			case "outlet":
				setIf(&it.set.Outlet, v)
			case "date":
				setIf(&it.set.Date, v)
			case "author":
				setIf(&it.set.Author, v)
			case "title":
				setIf(&it.set.Title, v)
			case "url":
				setIf(&it.set.URL, v)
			}
		}
		if it.arg == "" {
			errs.Add(it.pos, "--from: no file or URL in the first column")
			continue
		}
		if err := checkMeta(it.set, ""); err != nil {
			errs.Add(it.pos, "--from: "+err.Error())
			continue
		}
		it.set.Date = ingest.NormalizeDate(it.set.Date)
		if !ingest.IsURL(it.arg) && !filepath.IsAbs(it.arg) {
			it.arg = filepath.Join(filepath.Dir(name), it.arg)
		}
		items = append(items, it)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return items, nil
}

func setIf(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

func contains(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}

// unwrapPath drops the *PathError wrapper, whose path the caller prints.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
