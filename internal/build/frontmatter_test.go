package build

import (
	"bytes"
	"strings"
	"testing"
)

func TestParseSource(t *testing.T) {
	tests := []struct {
		name, in  string
		title     string
		body      string
		bodyLine  int
		derived   bool
		wantError string
	}{
		{name: "OK", in: "---\ntitle: T\noutlet: O\ndate: 2025-03-13\n---\nBody text.\n", title: "T", body: "Body text.\n", bodyLine: 6},
		{name: "NoFrontMatter", in: "Just text.\n", body: "Just text.\n", bodyLine: 1},
		{name: "CRLF", in: "---\r\ntitle: T\r\n---\r\nBody.\r\n", title: "T", body: "Body.\r\n", bodyLine: 4},
		{name: "CROnly", in: "---\rtitle: T\r---\rBody.\rMore.\r", title: "T", body: "Body.\nMore.\n", bodyLine: 4},
		{name: "BOM", in: "\ufeff---\ntitle: T\n---\nBody.\n", title: "T", body: "Body.\n", bodyLine: 4},
		{name: "Dots", in: "---\ntitle: T\n...\nBody.\n", title: "T", body: "Body.\n", bodyLine: 4},
		{name: "Derived", in: "---\ntitle_derived: true\n---\nBody.\n", derived: true, body: "Body.\n", bodyLine: 4},
		{name: "NullValue", in: "---\nauthor:\n---\nBody.\n", body: "Body.\n", bodyLine: 4},
		// Package frontmatter tests each front matter error; these check
		// that parseSource passes them on, with the empty body too.
		{name: "DecodeErrors", in: "---\ntitle: &a T\noutlet: *a\n---\n\n", wantError: "a.md:2:8: front matter: anchors and aliases are not allowed\na.md:3:9: front matter: anchors and aliases are not allowed\na.md:1:1: empty article: no body text"},
		{name: "Unclosed", in: "---\ntitle: T\nBody.\n", wantError: `a.md:1:1: front matter: no closing "---" line`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, errs := parseSource("a.md", "a", []byte(tt.in))
			if tt.wantError != "" {
				if errs == nil || !strings.Contains(errs.Error(), tt.wantError) {
					t.Fatalf("errors %v, want %q", errs, tt.wantError)
				}
				return
			}
			if errs != nil {
				t.Fatal(errs)
			}
			if got := f.src.Title; got != tt.title {
				t.Errorf("Title=%q, want %q", got, tt.title)
			}
			if got := string(f.src.Body); got != tt.body {
				t.Errorf("Body=%q, want %q", got, tt.body)
			}
			if got := f.src.BodyLine; got != tt.bodyLine {
				t.Errorf("BodyLine=%d, want %d", got, tt.bodyLine)
			}
			if f.src.TitleDerived != tt.derived {
				t.Errorf("TitleDerived=%v", f.src.TitleDerived)
			}
		})
	}
}

// FuzzParseSource checks that parseSource never panics, that error
// positions lie inside the input, that a parsed Body is the input's
// tail starting on BodyLine, and that rendering it twice is identical
// (goldmark drops the same front matter block that parseSource found).
// Package frontmatter fuzzes the front matter itself.
func FuzzParseSource(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: T\noutlet: O\ndate: 2025-03-13\nurl: https://x.org/\n---\nBody *text*.\n",
		"---\ntitle: [a\n---\nx\n", "---\nfoo: 1\n---\nx", "no front matter\n", "---\n---\n\n",
		"---\ntitle: &a x\nauthor: *a\n---\nb\n", "\ufeff---\r\ntitle: T\r\n...\r\nb", "---\ntitle_derived: yes\n---\nb\n",
	} {
		f.Add([]byte(s))
	}
	md := markdownRenderer{md: newMarkdown()}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, errs := parseSource("f.md", "f", data)
		data = lfLoneCR(data) // what parseSource reads
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, e := range errs {
			if e.Pos.File != "f.md" || e.Pos.Line < 1 || e.Pos.Line > lines {
				t.Fatalf("error outside input (%d lines): %v", lines, e)
			}
		}
		if p == nil {
			if len(errs) == 0 {
				t.Fatal("no source and no error")
			}
			return
		}
		if !bytes.HasSuffix(data, p.src.Body) || len(data)-len(p.src.Body) != p.bodyOff {
			t.Fatal("Body is not the input's tail at bodyOff")
		}
		if line, _ := lineCol(data, p.bodyOff); line != p.src.BodyLine {
			t.Fatalf("BodyLine=%d, want %d", p.src.BodyLine, line)
		}
		marks := []mark{{off: p.bodyOff, id: "c"}, {off: len(data), end: true, html: []byte("<i></i>")}}
		start := 0
		if bytes.HasPrefix(data, []byte("\ufeff")) {
			start = 3
			for i := range marks {
				marks[i].off -= 3
			}
		}
		a, err1 := md.render(data[start:], "p-", marks)
		b, err2 := md.render(data[start:], "p-", marks)
		if err1 != nil || err2 != nil || a != b {
			t.Fatalf("rendering twice differs or fails: %v %v", err1, err2)
		}
	})
}
