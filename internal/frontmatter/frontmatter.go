package frontmatter

import (
	"bytes"

	"github.com/brief-dev/brief/internal/brief"
)

// Meta is the front matter of a source file. See the package comment
// for what each key means.
type Meta struct {
	Title        string
	TitleDerived bool
	Outlet       string
	Author       string
	Date         string
	URL          string
	Language     string
	Origin       string
	Checksum     string
}

// bom is the UTF-8 byte order mark, skipped at the start of a file.
var bom = []byte("\ufeff")

// Split finds the front matter at the start of data, after an optional
// UTF-8 byte order mark: a first line "---", YAML, and a line "---" or
// "...". It returns the YAML, the 1-based file line the YAML starts on,
// and the body after the closing fence; the body is a tail of data, so
// its offset is len(data)-len(body). found is false when data has no
// front matter; body then is all of data but the byte order mark. An
// unclosed front matter is a *brief.Error at file:1:1.
func Split(file string, data []byte) (yaml []byte, yamlLine int, body []byte, found bool, err error) {
	data = bytes.TrimPrefix(data, bom)
	first, start := nextLine(data, 0)
	if !IsFence(first, "---") {
		return nil, 0, data, false, nil
	}
	for end := start; end < len(data); {
		line, next := nextLine(data, end)
		if IsFence(line, "---") || IsFence(line, "...") {
			return data[start:end], 2, data[next:], true, nil
		}
		end = next
	}
	return nil, 0, nil, true, brief.Errorf(brief.Pos{File: file, Line: 1, Col: 1}, `front matter: no closing "---" line`)
}

// IsFence reports whether line is fence ("---" or "..."), ignoring
// trailing spaces, tabs and line endings. Split uses it, and so must
// any other reader that has to find the same front matter block.
func IsFence(line []byte, fence string) bool {
	return string(bytes.TrimRight(line, " \t\r\n")) == fence
}

// nextLine returns the line starting at off without its "\n", and the
// offset of the next line.
func nextLine(data []byte, off int) (line []byte, next int) {
	i := bytes.IndexByte(data[off:], '\n')
	if i < 0 {
		return data[off:], len(data)
	}
	return data[off : off+i], off + i + 1
}
