package frontmatter

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/brief-dev/brief/internal/brief"
	"go.yaml.in/yaml/v3"
)

// MaxSize bounds the YAML Decode reads: front matter is untrusted input,
// and a handful of short keys never need more.
const MaxSize = 64 << 10

// Keys, in the order Encode writes them.
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

// yamlLineRx finds the line number in a yaml syntax error.
var yamlLineRx = regexp.MustCompile(`^yaml: line ([0-9]+): (.*)$`)

// Decode reads the front matter YAML src, whose first line is line
// yamlLine of file, strictly: unknown and duplicate keys, anchors and
// aliases, values that are not scalars, a title_derived that is not a
// boolean and a second YAML document are errors, each at its file
// line and column; a YAML syntax error is at its line. Any other scalar
// reads as a string. Every problem is reported, as a brief.ErrorList;
// the Meta holds the keys that were read.
func Decode(file string, yamlLine int, src []byte) (Meta, error) {
	var m Meta
	var errs brief.ErrorList
	at := func(line, col int) brief.Pos {
		return brief.Pos{File: file, Line: yamlLine + line - 1, Col: col}
	}
	if len(src) > MaxSize {
		errs.Add(at(1, 1), fmt.Sprintf("front matter: longer than %d bytes", MaxSize))
		return m, errs
	}

	// A Decoder, unlike yaml.Unmarshal, tells us about a second document
	// ("--- #" is not a fence) instead of silently dropping it.
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return m, nil // empty, or only comments
		}
		errs.Add(syntaxError(err, at))
		return m, errs
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		errs.Add(at(extra.Line, extra.Column), "front matter: more than one YAML document")
	} else if !errors.Is(err, io.EOF) {
		errs.Add(syntaxError(err, at))
	}

	if len(doc.Content) == 0 {
		return m, errs.Err()
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		errs.Add(at(root.Line, root.Column), "front matter: want key: value lines")
		return m, errs
	}
	if root.Anchor != "" {
		errs.Add(at(root.Line, root.Column), "front matter: anchors and aliases are not allowed")
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Anchor != "" {
			errs.Add(at(k.Line, k.Column), "front matter: want a plain key")
			continue
		}
		key := k.Value
		var dst *string
		switch key {
		case keyTitle:
			dst = &m.Title
		case keyOutlet:
			dst = &m.Outlet
		case keyAuthor:
			dst = &m.Author
		case keyDate:
			dst = &m.Date
		case keyURL:
			dst = &m.URL
		case keyOrigin:
			dst = &m.Origin
		case keyChecksum:
			dst = &m.Checksum
		case keyTitleDerived:
		default:
			errs.Add(at(k.Line, k.Column), fmt.Sprintf("front matter: unknown key %q", key))
			continue
		}
		if seen[key] {
			errs.Add(at(k.Line, k.Column), fmt.Sprintf("front matter: duplicate key %q", key))
			continue
		}
		seen[key] = true
		switch {
		case v.Kind == yaml.AliasNode || v.Anchor != "":
			errs.Add(at(v.Line, v.Column), "front matter: anchors and aliases are not allowed")
		case key == keyTitleDerived:
			var b bool
			if v.Kind != yaml.ScalarNode {
				errs.Add(at(v.Line, v.Column), "front matter: title_derived: want true or false")
			} else if err := v.Decode(&b); err != nil || v.Tag != "!!bool" {
				errs.Add(at(v.Line, v.Column), fmt.Sprintf("front matter: title_derived: want true or false, not %q", v.Value))
			} else {
				m.TitleDerived = b
			}
		case v.Kind != yaml.ScalarNode:
			errs.Add(at(v.Line, v.Column), fmt.Sprintf("front matter: %s: want a string", key))
		case v.Tag == "!!null":
			*dst = ""
		default:
			// Any scalar reads as a string, so that an unquoted date
			// (2025-03-13) or number still works.
			*dst = v.Value
		}
	}
	return m, errs.Err()
}

// syntaxError positions a yaml syntax error at the line it names, or at
// the first line when it names none. yaml gives no column.
func syntaxError(err error, at func(line, col int) brief.Pos) (brief.Pos, string) {
	msg, line := err.Error(), 1
	if m := yamlLineRx.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	return at(line, 0), "front matter: " + strings.TrimPrefix(msg, "yaml: ")
}
