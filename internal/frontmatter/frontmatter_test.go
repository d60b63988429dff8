package frontmatter_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
	"github.com/brief-dev/brief/internal/frontmatter"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name, in  string
		yaml      string
		body      string
		found     bool
		wantError string
	}{
		{name: "OK", in: "---\ntitle: T\n---\nBody.\n", yaml: "title: T\n", body: "Body.\n", found: true},
		{name: "None", in: "Just text.\n---\n", body: "Just text.\n---\n"},
		{name: "Empty", in: "", body: ""},
		{name: "BOM", in: "\ufeff---\ntitle: T\n---\nBody.\n", yaml: "title: T\n", body: "Body.\n", found: true},
		{name: "BOMNone", in: "\ufeffText.\n", body: "Text.\n"},
		{name: "CRLF", in: "---\r\ntitle: T\r\n---\r\nBody.\r\n", yaml: "title: T\r\n", body: "Body.\r\n", found: true},
		{name: "Dots", in: "---\ntitle: T\n...\nBody.\n", yaml: "title: T\n", body: "Body.\n", found: true},
		{name: "TrailingSpace", in: "--- \t\ntitle: T\n---  \nBody.\n", yaml: "title: T\n", body: "Body.\n", found: true},
		{name: "NoYAML", in: "---\n---\n", yaml: "", body: "", found: true},
		{name: "NoFinalNewline", in: "---\ntitle: T\n---", yaml: "title: T\n", body: "", found: true},
		{name: "NotAFence", in: "--- x\ntitle: T\n---\n", body: "--- x\ntitle: T\n---\n"},
		{name: "Indented", in: " ---\ntitle: T\n---\n", body: " ---\ntitle: T\n---\n"},
		{name: "Unclosed", in: "---\ntitle: T\nBody.\n", found: true, wantError: `a.md:1:1: front matter: no closing "---" line`},
		{name: "OnlyFence", in: "---", found: true, wantError: `a.md:1:1: front matter: no closing "---" line`},
		{name: "UnclosedDashes", in: "---\ntitle: T\n--- #\n", found: true, wantError: `a.md:1:1: front matter: no closing "---" line`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.in)
			yaml, line, body, found, err := frontmatter.Split("a.md", data)
			if got, want := found, tt.found; got != want {
				t.Errorf("found=%v, want %v", got, want)
			}
			if tt.wantError != "" {
				var e *brief.Error
				if !errors.As(err, &e) || err.Error() != tt.wantError {
					t.Fatalf("error %v, want %q", err, tt.wantError)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got, want := string(yaml), tt.yaml; got != want {
				t.Errorf("yaml=%q, want %q", got, want)
			}
			if got, want := string(body), tt.body; got != want {
				t.Errorf("body=%q, want %q", got, want)
			}
			if !bytes.HasSuffix(data, body) {
				t.Errorf("body is not a tail of the input")
			}
			if found && line != 2 {
				t.Errorf("yamlLine=%d, want 2", line)
			}
		})
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name, in string
		want     frontmatter.Meta
	}{
		{"Empty", "", frontmatter.Meta{}},
		{"Blank", "\n  \n", frontmatter.Meta{}},
		{"Comment", "# nothing here\n", frontmatter.Meta{}},
		{"AllKeys", "title: T\ntitle_derived: true\noutlet: O\nauthor: A\ndate: \"2025-03-13\"\nurl: https://x.org/a#b\norigin: a.txt\nchecksum: sha256:00\n",
			frontmatter.Meta{Title: "T", TitleDerived: true, Outlet: "O", Author: "A", Date: "2025-03-13", URL: "https://x.org/a#b", Origin: "a.txt", Checksum: "sha256:00"}},
		{"ScalarsAsStrings", "title: yes\ndate: 2025-03-13\norigin: 12\noutlet: 1.50\n", frontmatter.Meta{Title: "yes", Date: "2025-03-13", Origin: "12", Outlet: "1.50"}},
		{"Null", "title: ~\nauthor:\noutlet: null\n", frontmatter.Meta{}},
		{"BoolForms", "title_derived: True\n", frontmatter.Meta{TitleDerived: true}},
		{"FalseBool", "title_derived: false\n", frontmatter.Meta{}},
		{"Quoted", "title: \"A: \\\"b\\\"\"\nauthor: 'O''Brien'\n", frontmatter.Meta{Title: `A: "b"`, Author: "O'Brien"}},
		{"Flow", "{title: T, outlet: O}\n", frontmatter.Meta{Title: "T", Outlet: "O"}},
		{"Block", "title: >\n  a\n  b\n", frontmatter.Meta{Title: "a b\n"}},
		{"CRLF", "title: T\r\nurl: u\r\n", frontmatter.Meta{Title: "T", URL: "u"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := frontmatter.Decode("a.md", 2, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if m != tt.want {
				t.Errorf("Meta=%+v, want %+v", m, tt.want)
			}
		})
	}
}

// TestDecodeErrors checks each error and its exact position. The YAML
// starts on line 2 of a.md, as it does after an opening fence.
func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"UnknownKey", "title: x\noutlte: R\n", []string{`a.md:3:1: front matter: unknown key "outlte" (did you mean "outlet"?)`}},
		{"UnknownTwice", "foo: 1\nfoo: 2\n", []string{`a.md:2:1: front matter: unknown key "foo" (known keys: title, title_derived, outlet, author, date, url, origin, checksum)`, `a.md:3:1: front matter: unknown key "foo" (known keys: title, title_derived, outlet, author, date, url, origin, checksum)`}},
		{"Duplicate", "title: x\n  \ntitle: y\n", []string{`a.md:4:1: front matter: duplicate key "title"`}},
		{"DuplicateBool", "title_derived: true\ntitle_derived: true\n", []string{`a.md:3:1: front matter: duplicate key "title_derived"`}},
		{"WantString", "title: [a, b]\nauthor:\n  name: x\n", []string{"a.md:2:8: front matter: title: want a string", "a.md:4:3: front matter: author: want a string"}},
		{"WantBool", "title_derived: maybe\n", []string{`a.md:2:16: front matter: title_derived: want true or false, not "maybe"`}},
		{"WantBoolYes", "title_derived: yes\n", []string{`a.md:2:16: front matter: title_derived: want true or false, not "yes"`}},
		{"WantBoolQuoted", "title_derived: \"true\"\n", []string{`a.md:2:16: front matter: title_derived: want true or false, not "true"`}},
		{"WantBoolNull", "title_derived:\n", []string{`a.md:2:15: front matter: title_derived: want true or false, not ""`}},
		{"WantBoolList", "title_derived: [true]\n", []string{"a.md:2:16: front matter: title_derived: want true or false"}},
		{"Alias", "title: &a T\noutlet: *a\n", []string{"a.md:2:8: front matter: anchors and aliases are not allowed", "a.md:3:9: front matter: anchors and aliases are not allowed"}},
		{"AnchoredMap", "&m\ntitle: T\n", []string{"a.md:2:1: front matter: anchors and aliases are not allowed"}},
		{"AnchoredKey", "&k title: T\n", []string{"a.md:2:1: front matter: want a plain key"}},
		{"MergeKey", "<<: {title: T}\n", []string{`a.md:2:1: front matter: unknown key "<<" (known keys: title, title_derived, outlet, author, date, url, origin, checksum)`}},
		{"ComplexKey", "? [a]\n: x\n", []string{"a.md:2:3: front matter: want a plain key"}},
		{"NotMapping", "- a\n", []string{"a.md:2:1: front matter: want key: value lines"}},
		{"Scalar", "just text\n", []string{"a.md:2:1: front matter: want key: value lines"}},
		{"NullDocument", "~\n", []string{"a.md:2:1: front matter: want key: value lines"}},
		{"Syntax", "title: x\n  bad: : y\n", []string{"a.md:3: front matter: mapping values are not allowed in this context"}},
		{"Unclosed", "title: [a\n", []string{"a.md:2: front matter: did not find expected ',' or ']'"}},
		{"Tab", "title:\tx\n\tfoo: y\n", []string{"a.md:3: front matter: found a tab character that violates indentation"}},
		{"ControlChar", "title: \x01\n", []string{"a.md:2: front matter: control characters are not allowed"}},
		{"SecondDocument", "title: x\n--- # more\noutlet: y\n", []string{"a.md:3:1: front matter: more than one YAML document"}},
		{"SecondDocumentSyntax", "title: x\n--- # more\n[a\n", []string{"a.md:3: front matter: did not find expected ',' or ']'"}},
		{"Several", "titel: x\nauthor: [x]\nfoo: 1\n", []string{`a.md:2:1: front matter: unknown key "titel" (did you mean "title"?)`, "a.md:3:9: front matter: author: want a string", `a.md:4:1: front matter: unknown key "foo" (known keys: title, title_derived, outlet, author, date, url, origin, checksum)`}},
		{"DateMonth", "title: T\ndate: \"2025-13-45\"\n", []string{`a.md:3:7: front matter: date "2025-13-45" is not a date: want YYYY-MM-DD, such as 2025-03-13`}},
		{"DateDay", "date: 2025-02-30\n", []string{`a.md:2:7: front matter: date "2025-02-30" is not a date: want YYYY-MM-DD, such as 2025-03-13`}},
		{"DateWords", "date: March 3, 2025\n", []string{`a.md:2:7: front matter: date "March 3, 2025" is not a date: want YYYY-MM-DD, such as 2025-03-13`}},
		{"TooLong", "title: \"" + strings.Repeat("x", frontmatter.MaxSize) + "\"\n", []string{"a.md:2:1: front matter: longer than 65536 bytes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := frontmatter.Decode("a.md", 2, []byte(tt.in))
			var l brief.ErrorList
			if !errors.As(err, &l) {
				t.Fatalf("error %v (%T), want a brief.ErrorList", err, err)
			}
			var got []string
			for _, e := range l {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestEncode(t *testing.T) {
	tests := []struct {
		name string
		m    frontmatter.Meta
		want string
	}{
		{"All", frontmatter.Meta{Title: "yes", TitleDerived: true, Outlet: "O: x", Author: "Jo \"Q\" Doe", Date: "2025-03-13", URL: "https://e.x/a#b", Origin: "a.txt", Checksum: "sha256:00"},
			"title: \"yes\"\ntitle_derived: true\noutlet: \"O: x\"\nauthor: \"Jo \\\"Q\\\" Doe\"\ndate: \"2025-03-13\"\nurl: \"https://e.x/a#b\"\norigin: \"a.txt\"\nchecksum: \"sha256:00\"\n"},
		{"Zero", frontmatter.Meta{},
			"title: \"\"\noutlet: \"\"\nauthor: \"\"\ndate: \"\"\nurl: \"\"\norigin: \"\"\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(frontmatter.Encode(tt.m)); got != tt.want {
				t.Errorf("Encode=\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// FuzzDecode runs Split and Decode on whole files, seeded from
// testdata/seeds (plain go test runs the seeds). It checks that neither
// panics, that every error lies inside the file, and that a Meta that
// decodes survives Encode, Split and Decode unchanged.
func FuzzDecode(f *testing.F) {
	files, err := filepath.Glob("testdata/seeds/*.md")
	if err != nil || len(files) == 0 {
		f.Fatal("no seeds in testdata/seeds")
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		yaml, line, body, found, err := frontmatter.Split("f.md", data)
		checkPositions(t, data, err)
		if err != nil || !found {
			return
		}
		if !bytes.HasSuffix(data, body) {
			t.Fatal("body is not a tail of the input")
		}
		m, err := frontmatter.Decode("f.md", line, yaml)
		checkPositions(t, data, err)
		if err != nil {
			return
		}

		// Round trip through the file format.
		enc := frontmatter.Encode(m)
		file := append(append(append([]byte("---\n"), enc...), "---\n"...), body...)
		yaml2, line2, body2, found, err := frontmatter.Split("g.md", file)
		if err != nil || !found || !bytes.Equal(body2, body) {
			t.Fatalf("Split of encoded file: found=%v err=%v\n%s", found, err, file)
		}
		m2, err := frontmatter.Decode("g.md", line2, yaml2)
		if err != nil {
			t.Fatalf("Decode of encoded file: %v\n%s", err, file)
		}
		if m2 != m {
			t.Fatalf("round trip changed Meta:\n%+v\n%+v", m, m2)
		}
		if !bytes.Equal(frontmatter.Encode(m2), enc) {
			t.Fatal("Encode is not deterministic")
		}
	})
}

// checkPositions fails unless every error in err is positioned in f.md
// inside data. The line bound counts every break yaml counts.
func checkPositions(t *testing.T, data []byte, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var l brief.ErrorList
	var e *brief.Error
	switch {
	case errors.As(err, &l):
	case errors.As(err, &e):
		l = brief.ErrorList{e}
	default:
		t.Fatalf("error without a position: %v", err)
	}
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	lines := 1 + strings.Count(s, "\n") + strings.Count(s, "\r") +
		strings.Count(s, "\u0085") + strings.Count(s, "\u2028") + strings.Count(s, "\u2029")
	for _, e := range l {
		if e.Pos.File != "f.md" || e.Pos.Line < 1 || e.Pos.Line > lines || e.Pos.Col < 0 {
			t.Fatalf("error outside the input (%d lines): %v", lines, e)
		}
	}
}
