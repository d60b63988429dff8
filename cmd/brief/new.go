package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/brief-dev/brief/themes"
)

// runNew implements `brief new DIR`.
func runNew(ctx context.Context, e *env, args []string) error {
	flags := newFlagSet(e, "new", "new [flags] DIR", `
brief new --title "Ceasefire talks" --theme my-briefing
cd my-briefing && brief import ~/articles/*.txt && brief serve`)
	title := flags.String("title", "Briefing", "title of the briefing")
	theme := flags.Bool("theme", false, "copy the default theme into themes/default/ to customise it")
	if err := parseFlags(flags, args); err != nil {
		return err
	}
	if flags.NArg() != 1 {
		return usagef("new: want exactly one DIR (see 'brief new -h')")
	}
	dir := flags.Arg(0)

	// Refuse to scaffold over an existing project.
	if _, err := os.Stat(filepath.Join(dir, configFile)); err == nil {
		return fmt.Errorf("new: %s already exists", filepath.Join(dir, configFile))
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("new: %w", err)
	}

	files := map[string]string{
		configFile:                 scaffoldConfig(*title),
		"content/sources/.gitkeep": "",
		"content/annotations.yaml": scaffoldAnnotations,
		".gitignore":               "/public/\n",
		"themes/README.md":         scaffoldThemesReadme,
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := writeNew(filepath.Join(dir, filepath.FromSlash(name)), []byte(files[name])); err != nil {
			return fmt.Errorf("new: %w", err)
		}
	}
	if *theme {
		if err := copyTheme(filepath.Join(dir, "themes", "default")); err != nil {
			return fmt.Errorf("new: copy theme: %w", err)
		}
	}
	fmt.Fprintf(e.stdout, "created %s\nnext: cd %s && brief import ARTICLE... && brief serve\n", dir, dir)
	return nil
}

func scaffoldConfig(title string) string {
	s := "# brief.yaml: every key is optional.\n"
	s += "title: " + strconv.Quote(title) + "\n"
	s += "# base_url: https://user.github.io/repo/   # where the site is published\n"
	s += "# theme: default                            # files in themes/<theme>/ override the default theme\n"
	s += "language: en\n"
	s += "# author: Your Name\n"
	s += "# sources: content/sources                  # folder of source articles\n"
	return s
}

const scaffoldAnnotations = `# Corrections to the automatic annotation; see the README ("annotations.yaml").
links: []
entities: []
`

const scaffoldThemesReadme = `Files in themes/default/ (or themes/<theme>/ with theme: <theme> in
brief.yaml) override the built-in theme file by file: base.html, index.html,
source.html, sources.html, matrix.html, 404.html and anything under assets/.
Run 'brief new --theme DIR' to start from a copy of the built-in theme.
`

// writeNew creates name with data, making its folder, and fails if the
// file exists.
func writeNew(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// copyTheme copies the embedded default theme into dir.
func copyTheme(dir string) error {
	theme, err := fs.Sub(themes.Default, "default")
	if err != nil {
		return err
	}
	return fs.WalkDir(theme, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		return writeNew(filepath.Join(dir, filepath.FromSlash(path.Clean(p))), data)
	})
}
