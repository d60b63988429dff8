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
		".gitignore":               "# The built site: brief build writes it, the Pages workflow publishes it.\n/public/\n",
		"README.md":                scaffoldReadme(*title),
		"themes/README.md":         scaffoldThemesReadme,
		workflowFile:               scaffoldWorkflow(readVersion()),
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
	fmt.Fprintf(e.stdout, "created %s (see its README.md)\nnext: cd %s && brief import ARTICLE... && brief serve\n", dir, dir)
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

// workflowFile is where `brief new` writes the GitHub Pages workflow.
const workflowFile = ".github/workflows/pages.yml"

// scaffoldWorkflow returns the project's GitHub Pages workflow. It
// installs the brief that v describes (so the published site is built by
// the version the author previewed with), builds with the base URL that
// actions/configure-pages reports, and deploys with the official Pages
// actions. TestNewWorkflow runs its shell steps.
func scaffoldWorkflow(v buildVersion) string {
	query, note := v.installVersion()
	comment := "        # The brief that wrote this file: " + v.String() + ".\n"
	if note != "" {
		comment += "        # " + note + "\n"
	}
	return `# Publishes the briefing to GitHub Pages on every push to main. Enable it
# once: the repository's Settings, Pages, Source: "GitHub Actions".
# Written by 'brief new'; see README.md.
name: pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
        with:
          go-version: "` + v.setupGoVersion() + `"
          cache: false
      - name: Install brief
` + comment + `        run: |
          go install ` + modulePath + `/cmd/brief@` + query + `
          echo "$(go env GOPATH)/bin" >> "$GITHUB_PATH"
      - id: pages
        uses: actions/configure-pages@v5
      - name: Build the briefing
        # base_url is the Pages URL, e.g. https://user.github.io/repo, so
        # every link works under the repository's sub-path.
        run: brief build --base-url "${{ steps.pages.outputs.base_url }}/" --stats
      - uses: actions/upload-pages-artifact@v3
        with:
          path: public

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`
}

// scaffoldReadme returns the project's README: the commands and files.
func scaffoldReadme(title string) string {
	return "# " + title + `

A briefing made with brief (https://` + modulePath + `): the articles in
content/sources/, cross-annotated claim by claim, rendered as a static site.

    brief import --outlet "Source A" --date 2025-03-13 article.txt   # add an article (text, HTML or Markdown)
    brief serve                # preview at the URL it prints; rebuilds on every save; Ctrl-C stops it
    brief build                # write the site into public/ (ignored by git)
    brief build --base-url https://user.github.io/repo/   # as it will be published

| file | what it is |
|---|---|
| brief.yaml | settings: title, base_url, theme, language, author, sources |
| content/sources/*.md | one article per file, with front matter (title, outlet, date, url) |
| content/annotations.yaml | corrections to the automatic annotation |
| themes/ | optional: files overriding the built-in theme |
| .github/workflows/pages.yml | publishes the site to GitHub Pages |

To publish, push this folder to a GitHub repository and choose "GitHub
Actions" as the Pages source in the repository's settings; every push to
main then builds the site with the version of brief named in
.github/workflows/pages.yml and deploys it.
`
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
