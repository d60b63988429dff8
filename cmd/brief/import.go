package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/brief-dev/brief/internal/brief"
	"github.com/brief-dev/brief/internal/ingest"
)

// runImport implements `brief import FILE...`.
func runImport(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "import", "import [flags] FILE...", `
brief import --outlet Reuters --date 2025-03-13 articles/talks.txt
brief import saved-page.html notes.md`)
	source := fs.String("source", ".", "project root `DIR`")
	var meta ingest.Meta
	fs.StringVar(&meta.Title, "title", "", "set the title (default: from the article)")
	fs.StringVar(&meta.Outlet, "outlet", "", "set the outlet that published the article")
	fs.StringVar(&meta.URL, "url", "", "set the article's URL")
	fs.StringVar(&meta.Date, "date", "", "set the publication date (YYYY-MM-DD)")
	fs.StringVar(&meta.Author, "author", "", "set the author")
	force := fs.Bool("force", false, "overwrite files that were edited by hand since they were imported")
	quiet := fs.Bool("quiet", false, "print errors only")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("import: no files given (see 'brief import -h')")
	}
	if fs.NArg() > 1 && meta.Title != "" {
		return usagef("import: --title applies to one file, got %d", fs.NArg())
	}
	cfg, err := loadConfig(*source)
	if err != nil {
		return err
	}
	dir := filepath.Join(*source, filepath.FromSlash(cfg.Sources))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("import: %w", err)
	}

	// Import every file, reporting all errors rather than the first.
	var errs brief.ErrorList
	for _, name := range fs.Args() {
		if err := ctx.Err(); err != nil {
			return err
		}
		data, err := os.ReadFile(name)
		if err != nil {
			errs.Append(brief.Errorf(brief.Pos{File: name}, "read: %v", unwrapPath(err)))
			continue
		}
		art, err := ingest.Convert(name, data, ingest.Options{Overrides: meta})
		if err != nil {
			errs.Append(err)
			continue
		}
		path, changed, err := ingest.Write(dir, art, *force)
		if err != nil {
			errs.Append(err)
			continue
		}
		if !*quiet {
			state := "unchanged"
			if changed {
				state = "wrote"
			}
			fmt.Fprintf(e.stdout, "%s %s (from %s)\n", state, path, name)
		}
	}
	return errs.Err()
}

// unwrapPath drops the *PathError wrapper, whose path the caller prints.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
