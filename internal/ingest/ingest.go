// Package ingest converts one source article (plain text, HTML or
// Markdown) into the Markdown-with-front-matter file that brief keeps
// under content/sources/.
package ingest

import (
	"bytes"
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/brief-dev/brief/internal/brief"
)

// Meta is the front matter of an imported article.
type Meta struct {
	Title  string
	Outlet string
	URL    string
	Date   string // YYYY-MM-DD when known
	Author string
	// Language is a BCP 47 tag ("en", "pt-BR") when the page declares one.
	Language string
	Origin   string // base name of the imported file
	// TitleDerived is set when the article had no title of its own and
	// Title was taken from its first sentence.
	TitleDerived bool
}

// Options configures Convert. The zero value imports with no overrides.
type Options struct {
	// Overrides holds values given by the user (the --title, --outlet,
	// --url, --date and --author flags of brief import). Its non-empty
	// fields win over what is found in the article.
	Overrides Meta
	// BaseURL is the address the page was fetched from, if it was: the
	// base for a relative canonical link, and the article's url when the
	// page names none.
	BaseURL *url.URL
	// ContentType, when set, is the media type the page was served
	// with; it chooses the format instead of the name.
	ContentType string
}

// Article is an imported article.
type Article struct {
	Meta Meta
	// Body is the Markdown body. It ends with exactly one "\n".
	Body string
}

// Format is the kind of input Convert reads.
type Format int

// Input formats.
const (
	FormatText Format = iota
	FormatHTML
	FormatMarkdown
)

// DetectFormat returns the format of a file from its extension, looking
// at its content when the extension says nothing (no extension or an
// unknown one).
func DetectFormat(name string, data []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return FormatText
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".md", ".markdown":
		return FormatMarkdown
	}
	head := data[:min(len(data), 1024)]
	head = bytes.TrimPrefix(head, bom)
	head = bytes.TrimLeftFunc(head, unicode.IsSpace)
	if bytes.HasPrefix(head, []byte("---\n")) || bytes.HasPrefix(head, []byte("---\r\n")) {
		return FormatMarkdown
	}
	lower := bytes.ToLower(head)
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<div"} {
		if bytes.Contains(lower, []byte(p)) {
			return FormatHTML
		}
	}
	return FormatText
}

// Convert imports the article held in data. The name selects the format
// (see DetectFormat), appears in error positions and gives Meta.Origin
// its value. Input errors are *brief.Error or brief.ErrorList values
// positioned in name.
func Convert(name string, data []byte, opts Options) (*Article, error) {
	var (
		a   *Article
		err error
	)
	format := DetectFormat(name, data)
	switch opts.ContentType {
	case "text/html", "application/xhtml+xml":
		format = FormatHTML
	case "text/markdown", "text/x-markdown":
		format = FormatMarkdown
	case "text/plain":
		format = FormatText
	}
	if n := bytes.Count(data, []byte{0}); n > 0 {
		// A few stray NUL bytes in a web page are dropped, as browsers
		// do; more, or any in text and Markdown, mean a binary file.
		if format != FormatHTML || n > len(data)/1000 {
			return nil, brief.Errorf(brief.Pos{File: name}, "binary file, not an article")
		}
		data = bytes.ReplaceAll(data, []byte{0}, nil)
	}
	switch format {
	case FormatHTML:
		a, err = convertHTML(name, data, opts.BaseURL)
	case FormatMarkdown:
		a, err = convertMarkdown(name, data)
	default:
		a, err = convertText(name, data)
	}
	if err != nil {
		return nil, err
	}
	if a.Meta.Origin == "" {
		a.Meta.Origin = path.Base(filepath.ToSlash(name))
	}
	a.Meta.apply(opts.Overrides)
	a.Meta.clean()
	if a.Meta.Title == "" {
		// Only reachable through a body with no words at all.
		a.Meta.Title = "Untitled"
		a.Meta.TitleDerived = true
	}
	return a, nil
}

// apply lets the non-empty fields of o win over m.
func (m *Meta) apply(o Meta) {
	if o.Title != "" {
		m.Title = o.Title
		m.TitleDerived = false
	}
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&m.Outlet, o.Outlet)
	set(&m.URL, o.URL)
	set(&m.Date, o.Date)
	set(&m.Author, o.Author)
	set(&m.Language, o.Language)
	set(&m.Origin, o.Origin)
}

// clean reduces every field to one line with single spaces, so that the
// front matter stays one key a line.
func (m *Meta) clean() {
	for _, p := range []*string{&m.Title, &m.Outlet, &m.URL, &m.Date, &m.Author, &m.Language, &m.Origin} {
		*p = strings.Join(strings.Fields(strings.ToValidUTF8(*p, "\uFFFD")), " ")
	}
}

var bom = []byte("\xEF\xBB\xBF")

// normalizeNewlines strips a UTF-8 byte order mark and turns CRLF and CR
// line endings into LF.
func normalizeNewlines(data []byte) string {
	data = bytes.TrimPrefix(data, bom)
	s := string(data)
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s
}

// checkUTF8 reports the position of the first invalid UTF-8 sequence in
// s, whose lines are separated by "\n". Columns count bytes, as go/token
// does.
func checkUTF8(name, s string) error {
	if utf8.ValidString(s) {
		return nil
	}
	line, col := 1, 1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return brief.Errorf(brief.Pos{File: name, Line: line, Col: col}, "invalid UTF-8")
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col += size
		}
		i += size
	}
	return nil
}

// emptyArticle is the error for input with no text after line.
func emptyArticle(name string, line int) error {
	return brief.Errorf(brief.Pos{File: name, Line: line}, "empty article")
}

// trimRight removes trailing white space, including Unicode spaces.
func trimRight(s string) string {
	return strings.TrimRightFunc(s, unicode.IsSpace)
}

// lazyRegexp returns a function that compiles pattern on its first call
// and returns the compiled expression. Every brief command links this
// package, and compiling its patterns when the program starts took
// 2.5-4 ms and 1.8-2.3 MB before main ran, for build and version too;
// now a command pays for the patterns it uses, when it uses them.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	f := sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
	patterns = append(patterns, f)
	return f
}

// patterns holds every lazyRegexp of the package, added as the package
// is initialised and not changed after, so that TestPatternsCompile
// compiles each without a list of its own to keep up to date.
var patterns []func() *regexp.Regexp
