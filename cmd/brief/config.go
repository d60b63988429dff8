package main

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/brief-dev/brief/internal/brief"
	"github.com/brief-dev/brief/internal/build"
)

// configFile is the name of the project's configuration file.
const configFile = "brief.yaml"

// maxConfigSize bounds brief.yaml: it is small by nature, and a bound
// keeps a mistaken or hostile file from exhausting memory.
const maxConfigSize = 1 << 20

// config is brief.yaml. Every key has a default, so a project without the
// file builds.
type config struct {
	Title    string // site title
	BaseURL  string // where the site is published
	Theme    string // theme name under themes/
	Language string // the site's language (html lang)
	Author   string // the briefing's author
	Sources  string // folder of source articles, relative to the root

	// file is the path the config was read from ("" when defaulted).
	file string
}

// configKeys lists the keys of brief.yaml with a one-line description,
// used in error messages and by `brief new`.
var configKeys = []struct{ key, doc string }{
	{"title", "site title"},
	{"base_url", "URL the site is published at, e.g. https://user.github.io/repo/"},
	{"theme", "theme name: files in themes/<theme>/ override the default theme"},
	{"language", "language of the site (HTML lang attribute)"},
	{"author", "author of the briefing"},
	{"sources", "folder of source articles, relative to the project root"},
}

func defaultConfig() *config {
	return &config{
		Title:    "Briefing",
		BaseURL:  "/",
		Theme:    "default",
		Language: "en",
		Sources:  "content/sources",
	}
}

// loadConfig reads root/brief.yaml. A missing file gives the defaults;
// a malformed one, an unknown key or a value of the wrong type is an
// error naming the file, line and key.
func loadConfig(root string) (*config, error) {
	c := defaultConfig()
	name := filepath.Join(root, configFile)
	data, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	c.file = name
	if err := c.parse(name, data); err != nil {
		return nil, err
	}
	return c, nil
}

// parse decodes data into c, reporting every problem with its position.
func (c *config) parse(file string, data []byte) error {
	pos := func(n *yaml.Node) brief.Pos { return brief.Pos{File: file, Line: n.Line, Col: n.Column} }
	if len(data) > maxConfigSize {
		return brief.Errorf(brief.Pos{File: file}, "config is larger than %d bytes", maxConfigSize)
	}
	if e := brief.CheckText(file, data); e != nil {
		return e
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return brief.YAMLError(file, 1, "", err)
	}
	if len(doc.Content) == 0 { // empty file: all defaults
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return brief.Errorf(pos(root), "config must be a mapping of keys to values")
	}
	var errs brief.ErrorList
	seen := map[string]bool{}
	at := map[string]brief.Pos{} // where each key's value was given
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if seen[k.Value] {
			errs.Add(pos(k), fmt.Sprintf("duplicate key %q", k.Value))
			continue
		}
		seen[k.Value] = true
		dst := c.field(k.Value)
		if dst == nil {
			errs.Add(pos(k), brief.UnknownKey(k.Value, knownKeys()))
			continue
		}
		if v.Kind != yaml.ScalarNode || (v.Tag != "!!str" && v.Tag != "!!null") {
			errs.Add(pos(v), fmt.Sprintf("key %q: want a string, got %s", k.Value, describe(v)))
			continue
		}
		if v.Tag == "!!null" {
			continue // keep the default
		}
		*dst = v.Value
		at[k.Value] = pos(v)
	}
	if c.BaseURL != "" {
		if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") {
			errs.Add(at["base_url"], fmt.Sprintf("key \"base_url\": %q is not an http(s) URL or a path (such as https://user.github.io/repo/ or /repo/)", c.BaseURL))
		}
	}
	if c.Theme != "" && (strings.ContainsAny(c.Theme, `/\`) || c.Theme == "." || c.Theme == "..") {
		errs.Add(at["theme"], fmt.Sprintf("key \"theme\": %q is not a theme name: give the name of a folder in themes/, such as default", c.Theme))
	}
	if msg := checkSources(c.Sources); msg != "" {
		errs.Add(at["sources"], fmt.Sprintf("key \"sources\": %q %s", c.Sources, msg))
	}
	return errs.Err()
}

// checkSources says what is wrong with a sources folder, or "" when it
// is a folder inside the project. build, serve and import all read it
// through loadConfig, so none of them writes or reads outside.
func checkSources(dir string) string {
	d := filepath.FromSlash(dir)
	switch {
	case strings.TrimSpace(dir) == "":
		return "is empty: give a folder inside the project, such as content/sources"
	case filepath.IsAbs(d) || path.IsAbs(dir) || filepath.VolumeName(d) != "":
		return "is an absolute path: give a folder relative to the project, such as content/sources"
	case !filepath.IsLocal(d) || !filepath.IsLocal(filepath.Clean(d)):
		return "leaves the project folder: give a folder inside it, such as content/sources"
	case filepath.Clean(d) == ".":
		return "is the project folder itself: give a folder inside it, such as content/sources"
	}
	return ""
}

// field returns the config field for a key, or nil for an unknown key.
func (c *config) field(key string) *string {
	switch key {
	case "title":
		return &c.Title
	case "base_url":
		return &c.BaseURL
	case "theme":
		return &c.Theme
	case "language":
		return &c.Language
	case "author":
		return &c.Author
	case "sources":
		return &c.Sources
	}
	return nil
}

// knownKeys returns the keys of brief.yaml in the order of configKeys.
func knownKeys() []string {
	keys := make([]string, len(configKeys))
	for i, k := range configKeys {
		keys[i] = k.key
	}
	return keys
}

// describe names a YAML node's type for an error message.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.Tag {
	case "!!int", "!!float":
		return "a number (quote it to make it a string)"
	case "!!bool":
		return "a boolean (quote it to make it a string)"
	}
	return strings.TrimPrefix(n.Tag, "!!")
}

// buildOptions maps the config onto the build's options. baseURL, when
// set (by --base-url), overrides the config's base_url.
func (c *config) buildOptions(root, baseURL string) build.Options {
	if baseURL == "" {
		baseURL = c.BaseURL
	}
	return build.Options{
		Root:       root,
		BaseURL:    baseURL,
		Title:      c.Title,
		Language:   c.Language,
		Author:     c.Author,
		Theme:      c.Theme,
		ContentDir: "content",
		SourcesDir: path.Clean(filepath.ToSlash(c.Sources)),
	}
}
