package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/brief-dev/brief/internal/brief"
	"go.yaml.in/yaml/v3"
)

// maxFrontMatter bounds the YAML read from a file: front matter is a
// handful of short keys, and a bound keeps hostile input cheap.
const maxFrontMatter = 64 << 10

// Front matter keys, in the order Markdown writes them.
const (
	keyTitle        = "title"
	keyTitleDerived = "title_derived"
	keyOutlet       = "outlet"
	keyAuthor       = "author"
	keyDate         = "date"
	keyURL          = "url"
	keyOrigin       = "origin"
	keyChecksum     = "checksum"
)

// frontMatter is what the front matter of a Markdown file holds.
type frontMatter struct {
	meta     Meta
	checksum string
}

// splitFrontMatter splits normalised Markdown into its front matter
// (the YAML between a first line "---" and the next line "---" or "...")
// and its body. found is false when the file has no front matter; body
// then is all of s. bodyLine is the 1-based file line the body starts on.
func splitFrontMatter(name, s string) (src, body string, bodyLine int, found bool, err error) {
	first, rest, _ := strings.Cut(s, "\n")
	if trimRight(first) != "---" {
		return "", s, 1, false, nil
	}
	off, line := 0, 2
	for off < len(rest) {
		l, _, _ := strings.Cut(rest[off:], "\n")
		if t := trimRight(l); t == "---" || t == "..." {
			src = rest[:off]
			body = rest[min(len(rest), off+len(l)+1):]
			if len(src) > maxFrontMatter {
				return "", "", 0, true, brief.Errorf(brief.Pos{File: name, Line: 1}, "front matter: longer than %d bytes", maxFrontMatter)
			}
			return src, body, line + 1, true, nil
		}
		off += len(l) + 1
		line++
	}
	return "", "", 0, true, brief.Errorf(brief.Pos{File: name, Line: 1}, `front matter: no closing "---"`)
}

// yamlLine finds the line number in a yaml error message.
var yamlLine = regexp.MustCompile(`^yaml: line ([0-9]+): (.*)$`)

// parseFrontMatter reads front matter YAML whose first line is line
// firstLine of the file name. Every unknown key and value of the wrong
// type is reported, at its file position.
func parseFrontMatter(name, src string, firstLine int) (frontMatter, error) {
	var fm frontMatter
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		pos := brief.Pos{File: name, Line: firstLine}
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			n, _ := strconv.Atoi(m[1])
			pos.Line, msg = firstLine+n-1, m[2]
		}
		return fm, brief.Errorf(pos, "front matter: %s", msg)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return fm, nil // empty front matter
	}
	root := doc.Content[0]
	at := func(n *yaml.Node) brief.Pos {
		return brief.Pos{File: name, Line: firstLine + n.Line - 1, Col: n.Column}
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return fm, nil
	}
	if root.Kind != yaml.MappingNode {
		return fm, brief.Errorf(at(root), "front matter: want key: value lines")
	}
	var errs brief.ErrorList
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			errs.Add(at(k), "front matter: want a plain key")
			continue
		}
		key := k.Value
		if seen[key] {
			errs.Add(at(k), fmt.Sprintf("front matter: duplicate key %q", key))
			continue
		}
		seen[key] = true
		var dst *string
		switch key {
		case keyTitle:
			dst = &fm.meta.Title
		case keyOutlet:
			dst = &fm.meta.Outlet
		case keyAuthor:
			dst = &fm.meta.Author
		case keyDate:
			dst = &fm.meta.Date
		case keyURL:
			dst = &fm.meta.URL
		case keyOrigin:
			dst = &fm.meta.Origin
		case keyChecksum:
			dst = &fm.checksum
		case keyTitleDerived:
			b, err := strconv.ParseBool(v.Value)
			if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" || err != nil {
				errs.Add(at(v), fmt.Sprintf("front matter: %s: want true or false", key))
				continue
			}
			fm.meta.TitleDerived = b
			continue
		default:
			errs.Add(at(k), fmt.Sprintf("front matter: unknown key %q", key))
			continue
		}
		// Any scalar reads as a string, so that an unquoted date
		// (2025-03-13) or number still works.
		switch {
		case v.Kind == yaml.ScalarNode && v.Tag == "!!null":
		case v.Kind == yaml.ScalarNode:
			*dst = v.Value
		default:
			errs.Add(at(v), fmt.Sprintf("front matter: %s: want a string", key))
		}
	}
	return fm, errs.Err()
}

// renderFrontMatter writes meta and checksum as YAML in the fixed key
// order. Strings are always double-quoted, so no value can change type
// ("yes", "2025-03-13") or break the YAML, whichever parser reads it.
func renderFrontMatter(m Meta, checksum string) []byte {
	root := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, v *yaml.Node) {
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, v)
	}
	str := func(key, val string) {
		add(key, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: val})
	}
	str(keyTitle, m.Title)
	if m.TitleDerived {
		add(keyTitleDerived, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	str(keyOutlet, m.Outlet)
	str(keyAuthor, m.Author)
	str(keyDate, m.Date)
	str(keyURL, m.URL)
	str(keyOrigin, m.Origin)
	str(keyChecksum, checksum)

	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		// Encoding a mapping of scalars cannot fail.
		panic("ingest: encode front matter: " + err.Error())
	}
	enc.Close()
	return b.Bytes()
}

// Checksum returns the checksum recorded in front matter for a body:
// "sha256:" and the hex digest of its bytes.
func Checksum(body string) string {
	sum := sha256.Sum256([]byte(body))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// Markdown renders the article as the file written under
// content/sources/: "---\n", the YAML front matter, "---\n\n" and the
// body. The output is deterministic; keys come in a fixed order (title,
// title_derived when true, outlet, author, date, url, origin, checksum).
func (a *Article) Markdown() []byte {
	fm := renderFrontMatter(a.Meta, Checksum(a.Body))
	var b bytes.Buffer
	b.Grow(len(fm) + len(a.Body) + 9)
	b.WriteString("---\n")
	b.Write(fm)
	b.WriteString("---\n\n")
	b.WriteString(a.Body)
	return b.Bytes()
}
