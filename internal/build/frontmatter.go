package build

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"unicode/utf8"

	"github.com/brief-dev/brief/internal/brief"
	"go.yaml.in/yaml/v3"
)

// maxFrontMatter bounds the front matter read with yaml: front matter
// is untrusted input, and a few fields never need more.
const maxFrontMatter = 64 << 10

// parsedFile is one content file split into front matter and body.
type parsedFile struct {
	src     *brief.Source
	bodyOff int    // offset of src.Body in data
	data    []byte // the whole file
}

// parseSource checks one content file and splits it into its front
// matter and Markdown body. path is used in positions; id becomes the
// Source's ID. Every problem found is returned with its position.
func parseSource(path, id string, data []byte) (*parsedFile, brief.ErrorList) {
	var errs brief.ErrorList
	at := func(off int) brief.Pos {
		line, col := lineCol(data, off)
		return brief.Pos{File: path, Line: line, Col: col}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		errs = append(errs, &brief.Error{Pos: at(i), Msg: "binary file (NUL byte)"})
		return nil, errs
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		errs = append(errs, &brief.Error{Pos: at(off), Msg: "invalid UTF-8", LineText: lineText(data, off)})
		return nil, errs
	}

	src := &brief.Source{ID: id, Path: path}
	start := 0
	if bytes.HasPrefix(data, []byte("\ufeff")) {
		start = 3 // a byte order mark is not text
	}
	bodyOff := start
	if first, next := nextLine(data, start); isFence(first, "---") {
		// Find the closing fence.
		fmStart, end, closed := next, next, false
		for end < len(data) {
			line, after := nextLine(data, end)
			if isFence(line, "---") || isFence(line, "...") {
				bodyOff, closed = after, true
				break
			}
			end = after
		}
		if !closed {
			errs.Add(brief.Pos{File: path, Line: 1, Col: 1}, `front matter: no closing "---" line`)
			return nil, errs
		}
		fmLine, _ := lineCol(data, fmStart)
		errs = append(errs, decodeFrontMatter(src, path, fmLine, data[fmStart:end])...)
	}
	src.Body = data[bodyOff:]
	src.BodyLine, _ = lineCol(data, bodyOff)
	if len(bytes.TrimSpace(src.Body)) == 0 {
		errs.Add(brief.Pos{File: path, Line: 1, Col: 1}, "empty article: no body text")
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return &parsedFile{src: src, bodyOff: bodyOff, data: data}, nil
}

// frontMatterKeys are the keys a source's front matter may hold, with
// the YAML type each wants.
var frontMatterKeys = map[string]string{
	"title": "string", "title_derived": "bool", "outlet": "string", "author": "string",
	"date": "string", "url": "string", "origin": "string", "checksum": "string",
}

var yamlLineRx = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// decodeFrontMatter fills src from the YAML in fm, which starts on the
// file's line firstLine. It decodes strictly: unknown keys, duplicate
// keys, aliases and values of the wrong type are errors.
func decodeFrontMatter(src *brief.Source, path string, firstLine int, fm []byte) brief.ErrorList {
	var errs brief.ErrorList
	pos := func(line, col int) brief.Pos {
		if col < 1 {
			col = 1
		}
		return brief.Pos{File: path, Line: firstLine + line - 1, Col: col}
	}
	if len(fm) > maxFrontMatter {
		errs.Add(pos(1, 1), fmt.Sprintf("front matter: longer than %d bytes", maxFrontMatter))
		return errs
	}
	if len(bytes.TrimSpace(fm)) == 0 {
		return nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(fm, &doc); err != nil {
		msg := err.Error()
		line := 1
		if m := yamlLineRx.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		errs.Add(pos(line, 1), "front matter: "+msg)
		return errs
	}
	if len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		errs.Add(pos(root.Line, root.Column), "front matter: want key: value lines")
		return errs
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		typ, ok := frontMatterKeys[k.Value]
		switch {
		case k.Kind != yaml.ScalarNode || !ok:
			errs.Add(pos(k.Line, k.Column), fmt.Sprintf("front matter: unknown key %q", k.Value))
			continue
		case seen[k.Value]:
			errs.Add(pos(k.Line, k.Column), fmt.Sprintf("front matter: duplicate key %q", k.Value))
			continue
		}
		seen[k.Value] = true
		if v.Kind == yaml.AliasNode || v.Anchor != "" {
			errs.Add(pos(v.Line, v.Column), "front matter: anchors and aliases are not allowed")
			continue
		}
		if v.Kind != yaml.ScalarNode {
			errs.Add(pos(v.Line, v.Column), fmt.Sprintf("front matter: %s: want a %s", k.Value, typ))
			continue
		}
		if typ == "bool" {
			var b bool
			if err := v.Decode(&b); err != nil || v.Tag != "!!bool" {
				errs.Add(pos(v.Line, v.Column), fmt.Sprintf("front matter: %s: want true or false, not %q", k.Value, v.Value))
				continue
			}
			src.TitleDerived = b
			continue
		}
		s := v.Value
		if v.Tag == "!!null" {
			s = ""
		}
		switch k.Value {
		case "title":
			src.Title = s
		case "outlet":
			src.Outlet = s
		case "author":
			src.Author = s
		case "date":
			src.Date = s
		case "url":
			src.URL = s
		case "origin":
			src.Origin = s
		case "checksum":
			// Kept by ingest to detect edits; build has no use for it.
		}
	}
	return errs
}

// nextLine returns the line starting at off without its line ending,
// and the offset of the next line.
func nextLine(data []byte, off int) (line []byte, next int) {
	i := bytes.IndexByte(data[off:], '\n')
	if i < 0 {
		return data[off:], len(data)
	}
	return data[off : off+i], off + i + 1
}

// isFence reports whether line is fence, ignoring trailing spaces and \r.
func isFence(line []byte, fence string) bool {
	return string(bytes.TrimRight(line, " \t\r\n")) == fence
}

// lineCol converts a byte offset into a 1-based line and byte column.
func lineCol(data []byte, off int) (line, col int) {
	if off > len(data) {
		off = len(data)
	}
	line = 1 + bytes.Count(data[:off], []byte("\n"))
	col = off - (bytes.LastIndexByte(data[:off], '\n') + 1) + 1
	return line, col
}

// lineText returns the line containing off, with invalid bytes shown
// as U+FFFD so it can be printed.
func lineText(data []byte, off int) string {
	s := bytes.LastIndexByte(data[:off], '\n') + 1
	e := bytes.IndexByte(data[off:], '\n')
	if e < 0 {
		e = len(data)
	} else {
		e += off
	}
	return string(bytes.ToValidUTF8(bytes.TrimRight(data[s:e], "\r"), []byte("\uFFFD")))
}
