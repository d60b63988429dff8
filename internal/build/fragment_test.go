package build

import (
	"bytes"
	"strings"
	"testing"
)

// TestFragment checks that {{fragment "x" .}} writes what {{template "x" .}}
// writes, escaped the same way, that its output is kept between builds
// only while the data it reads is unchanged, and that a missing template
// is an error.
func TestFragment(t *testing.T) {
	files := map[string]themeFile{
		"base.html": {path: "themes/t/base.html", data: []byte(`{{template "main" .}}`)},
	}
	item := `{{define "item"}}<li title="{{.Title}}"><a href="{{.Href}}">{{.Title}}</a></li>{{end}}`
	for _, name := range layouts {
		files[name] = themeFile{path: "themes/t/" + name, data: []byte(`{{define "main"}}<ul>{{range .Sources}}{{fragment "item" .}}{{end}}</ul>|<ul>{{range .Sources}}{{template "item" .}}{{end}}</ul>{{end}}` + item)}
	}
	files["404.html"] = themeFile{path: "themes/t/404.html", data: []byte(`{{define "main"}}{{fragment "nope" .}}{{end}}`)}
	th, err := parseTheme(files)
	if err != nil {
		t.Fatal(err)
	}
	render := func(rows ...sourceRow) string {
		var buf bytes.Buffer
		p := &page{Sources: rows}
		if err := th.pages["sources.html"].ExecuteTemplate(&buf, "themes/t/base.html", p); err != nil {
			t.Fatal(err)
		}
		th.frags.rotate()
		return buf.String()
	}
	evil := sourceRow{Title: `<script>alert(1)</script>" onmouseover="x`, Href: "javascript:alert(1)"}
	out := render(evil, sourceRow{Title: "Plain", Href: "sources/a/"})
	got, want, _ := strings.Cut(out, "|")
	if got != want {
		t.Fatalf("fragment output differs from template:\n%s\nwant\n%s", got, want)
	}
	if strings.Contains(got, "<script>") || strings.Contains(got, "javascript:") || strings.Contains(got, `" onmouseover`) {
		t.Fatalf("fragment output not escaped: %s", got)
	}
	if n := len(th.frags.prev); n != 2 {
		t.Fatalf("%d fragments kept, want 2", n)
	}
	// A changed item is rendered anew; an unchanged one is copied; one
	// no longer used is forgotten after the next build.
	out = render(sourceRow{Title: "Plain", Href: "sources/a/"}, sourceRow{Title: "New", Href: "sources/b/"})
	if got, want, _ := strings.Cut(out, "|"); got != want {
		t.Fatalf("after a change, fragment output differs from template:\n%s\nwant\n%s", got, want)
	}
	if n := len(th.frags.prev); n != 2 {
		t.Fatalf("%d fragments kept after the change, want 2", n)
	}
	// A fragment naming no template fails the page.
	var buf bytes.Buffer
	err = th.pages["404.html"].ExecuteTemplate(&buf, "themes/t/base.html", &page{})
	if err == nil || !strings.Contains(err.Error(), `no template "nope"`) {
		t.Fatalf("missing template: err = %v", err)
	}
}
