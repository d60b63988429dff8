package frontmatter

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

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
	keyLanguage     = "language"
	keyOrigin       = "origin"
	keyChecksum     = "checksum"
)

// knownKeys lists the keys for an unknown key's message.
var knownKeys = []string{keyTitle, keyTitleDerived, keyOutlet, keyAuthor, keyDate, keyURL, keyOrigin, keyChecksum}

// Decode reads the front matter YAML src, whose first line is line
// yamlLine of file, strictly: unknown and duplicate keys, anchors and
// aliases, values that are not scalars, a title_derived that is not a
// boolean, a date that is not YYYY-MM-DD and a second YAML document are errors, each at its file
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
		errs.Append(syntaxError(file, yamlLine, err))
		return m, errs
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		errs.Add(at(extra.Line, extra.Column), "front matter: more than one YAML document")
	} else if !errors.Is(err, io.EOF) {
		errs.Append(syntaxError(file, yamlLine, err))
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
		case keyLanguage:
			dst = &m.Language
		case keyOrigin:
			dst = &m.Origin
		case keyChecksum:
			dst = &m.Checksum
		case keyTitleDerived:
		default:
			errs.Add(at(k.Line, k.Column), "front matter: "+brief.UnknownKey(key, knownKeys))
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
		case key == keyDate && !validDate(v.Value):
			errs.Add(at(v.Line, v.Column), fmt.Sprintf("front matter: date %q is not a date: want YYYY-MM-DD, such as 2025-03-13", v.Value))
		default:
			// Any scalar reads as a string, so that an unquoted date
			// (2025-03-13) or number still works.
			*dst = v.Value
		}
	}
	return m, errs.Err()
}

// validDate reports whether s is a calendar date written YYYY-MM-DD
// (2025-02-30 is not), or empty.
func validDate(s string) bool {
	if s == "" {
		return true
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil && len(s) == len(time.DateOnly)
}

// syntaxError positions a yaml syntax error at the line it names, or at
// the first line when it names none. yaml gives no column.
func syntaxError(file string, yamlLine int, err error) *brief.Error {
	e := brief.YAMLError(file, yamlLine, "front matter: ", err)
	if e.Pos.Line == 0 {
		e.Pos.Line = yamlLine
	}
	return e
}
