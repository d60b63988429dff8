package build

import (
	"bytes"
	"unicode/utf8"

	"github.com/brief-dev/brief/internal/brief"
	"github.com/brief-dev/brief/internal/frontmatter"
)

// parsedFile is one content file split into front matter and body.
type parsedFile struct {
	src     *brief.Source
	bodyOff int    // offset of src.Body in data
	data    []byte // the whole file
}

// parseSource checks one content file and splits it into its front
// matter, read with package frontmatter, and its Markdown body. path is
// used in positions; id becomes the Source's ID. Every problem found is
// returned with its position.
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
		errs = append(errs, &brief.Error{Pos: at(off), Msg: "invalid UTF-8", LineText: brief.LineText(data, off)})
		return nil, errs
	}

	data = lfLoneCR(data)
	src := &brief.Source{ID: id, Path: path}
	yml, yamlLine, body, found, err := frontmatter.Split(path, data)
	if err != nil {
		errs.Append(err)
		return nil, errs
	}
	if found {
		m, err := frontmatter.Decode(path, yamlLine, yml)
		errs.Append(err)
		// The checksum is kept by ingest to detect edits; build has no
		// use for it.
		src.Title, src.TitleDerived, src.Outlet, src.Author = m.Title, m.TitleDerived, m.Outlet, m.Author
		src.Date, src.URL, src.Origin = m.Date, m.URL, m.Origin
	}
	bodyOff := len(data) - len(body)
	src.Body = body
	src.BodyLine, _ = lineCol(data, bodyOff)
	if e := checkLinkScan(path, src.BodyLine, body); e != nil {
		errs = append(errs, e)
	}
	if len(bytes.TrimSpace(src.Body)) == 0 {
		errs.Add(brief.Pos{File: path, Line: 1, Col: 1}, "empty article: no body text")
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return &parsedFile{src: src, bodyOff: bodyOff, data: data}, nil
}

// lineCol converts a byte offset into a 1-based line and byte column.
func lineCol(data []byte, off int) (line, col int) {
	line, start := brief.LineAt(data, off)
	return line, min(off, len(data)) - start + 1
}

// lfLoneCR returns data with each CR that is not followed by LF (the
// line ending of classic Mac OS files) turned into LF, in a copy if
// there is any. Without it such a file is one line: its front matter
// was published as article text. The length is unchanged, so offsets
// and positions stay those of the file.
func lfLoneCR(data []byte) []byte {
	i := bytes.IndexByte(data, '\r')
	for i >= 0 && i+1 < len(data) && data[i+1] == '\n' {
		j := bytes.IndexByte(data[i+1:], '\r')
		if j < 0 {
			return data
		}
		i += 1 + j
	}
	if i < 0 {
		return data
	}
	out := bytes.Clone(data)
	for k := i; k < len(out); k++ {
		if out[k] == '\r' && (k+1 == len(out) || out[k+1] != '\n') {
			out[k] = '\n'
		}
	}
	return out
}
