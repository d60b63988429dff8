package ingest_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/brief-dev/brief/internal/brief"
	"github.com/brief-dev/brief/internal/ingest"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// The fuzz targets run on their seed corpus (testdata files and the
// crashers kept in testdata/fuzz) in plain go test.

func addFiles(f *testing.F, pattern string) {
	f.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		f.Fatalf("no seeds match %s", pattern)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// checkArticle asserts the properties every import has: a positioned
// error or an article with valid UTF-8, a body ending in one newline, and
// a file that re-imports to the same bytes.
func checkArticle(t *testing.T, name string, data []byte) *ingest.Article {
	t.Helper()
	a, err := ingest.Convert(name, data, ingest.Options{})
	if err != nil {
		var e *brief.Error
		var l brief.ErrorList
		if !errors.As(err, &e) && !errors.As(err, &l) {
			t.Fatalf("error without a position: %v", err)
		}
		if e != nil && e.Pos.Line > bytes.Count(data, []byte("\n"))+bytes.Count(data, []byte("\r"))+1 {
			t.Fatalf("error position %v outside the input", e.Pos)
		}
		return nil
	}
	md := a.Markdown()
	if !utf8.Valid(md) {
		t.Fatalf("output is not valid UTF-8: %q", md)
	}
	if !strings.HasSuffix(a.Body, "\n") || strings.HasSuffix(a.Body, "\n\n") {
		t.Fatalf("body does not end with exactly one newline: %q", a.Body)
	}
	if a.Meta.Title == "" {
		t.Fatal("empty title")
	}
	b, err := ingest.Convert("again.md", md, ingest.Options{})
	if err != nil {
		t.Fatalf("re-import: %v\n%s", err, md)
	}
	if again := b.Markdown(); !bytes.Equal(md, again) {
		t.Fatalf("re-import changed the file:\n%q\n%q", md, again)
	}
	return a
}

// nodes returns the kinds of goldmark nodes in a Markdown body.
func nodes(body string) map[ast.NodeKind]bool {
	kinds := map[ast.NodeKind]bool{}
	doc := goldmark.DefaultParser().Parse(text.NewReader([]byte(body)))
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			kinds[n.Kind()] = true
		}
		return ast.WalkContinue, nil
	})
	return kinds
}

func FuzzText(f *testing.F) {
	addFiles(f, "testdata/seeds/*.txt")
	for _, s := range []string{
		"Title\n\n# hash\n> quote\n1. one\n- dash\n* star\n<b>x</b>\n[a](javascript:x)\n`code`\n---\n    indented\n",
		"A\r\nB\rC\n\n\n", "\xef\xbb\xbf", "x\xffy", "*", "Heading Here\n\n- \n-", "&amp; [^1] ~~x~~ <!-- c -->",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a := checkArticle(t, "f.txt", data)
		if a == nil {
			return
		}
		// Plain text has no markup: the importer must not create any.
		found := nodes(a.Body)
		for _, k := range []ast.NodeKind{
			ast.KindRawHTML, ast.KindHTMLBlock, ast.KindLink, ast.KindImage,
			ast.KindAutoLink, ast.KindCodeSpan, ast.KindEmphasis, ast.KindCodeBlock,
			ast.KindFencedCodeBlock, ast.KindBlockquote, ast.KindThematicBreak,
		} {
			if found[k] {
				t.Fatalf("text import created %v:\n%s", k, a.Body)
			}
		}
	})
}

func FuzzHTML(f *testing.F) {
	addFiles(f, "testdata/html/*.html")
	for _, s := range []string{
		"<p>x</p>", "<html><body><article><p><a href='javascript:x'>l</a> <img src=x onerror=y></p></article></body></html>",
		"<p>&lt;script&gt; *a* _b_ [c](d)</p>", "\x80\x81<p>latin</p>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a := checkArticle(t, "f.html", data)
		if a == nil {
			return
		}
		k := nodes(a.Body)
		if k[ast.KindRawHTML] || k[ast.KindHTMLBlock] {
			t.Fatalf("raw HTML in output:\n%s", a.Body)
		}
		doc := goldmark.DefaultParser().Parse(text.NewReader([]byte(a.Body)))
		ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			var dest string
			switch n := n.(type) {
			case *ast.Link:
				dest = string(n.Destination)
			case *ast.Image:
				dest = string(n.Destination)
			case *ast.AutoLink:
				dest = string(n.URL([]byte(a.Body)))
			default:
				return ast.WalkContinue, nil
			}
			if d := strings.ToLower(strings.Join(strings.Fields(dest), "")); strings.HasPrefix(d, "javascript:") || strings.HasPrefix(d, "data:") || strings.HasPrefix(d, "vbscript:") {
				t.Fatalf("unsafe link %q in output:\n%s", dest, a.Body)
			}
			return ast.WalkContinue, nil
		})
	})
}

func FuzzMarkdown(f *testing.F) {
	addFiles(f, "testdata/golden/*.md")
	for _, s := range []string{
		"---\ntitle: x\n---\n", "# T\n\nBody\n", "---\na: &x [1]\nb: *x\n---\nt\n",
		"```\ncode\n\n\n", "---\ntitle: \"\\u0001\"\n---\nx\n", "text  \nmore\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkArticle(t, "f.md", data)
	})
}
