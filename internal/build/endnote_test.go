package build_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/brief-dev/brief/internal/build"
)

// TestEndnoteLabels checks how a note names its source: by the outlet
// when the front matter names it, and by the whole headline, not its
// shortened label, when it does not; and that the note links to the
// claim and quotes it.
func TestEndnoteLabels(t *testing.T) {
	const headline = "A delegation of United States diplomats arrived in Moscow on Thursday"
	ar := txtar.Parse([]byte(`-- content/sources/named.md --
---
title: Envoy lands in Moscow
outlet: Source A
date: 2025-03-13
---
The envoy landed in Moscow on Thursday.
-- content/sources/unnamed.md --
---
title: "` + headline + `"
title_derived: true
---
A delegation of United States diplomats arrived in Moscow on Thursday.
-- content/annotations.yaml --
claims:
  - {source: named, md: "The envoy landed in Moscow on Thursday."}
  - {source: unnamed, md: "A delegation of United States diplomats arrived in Moscow on Thursday."}
links:
  - [named-1, unnamed-1, agree]
`))
	root := writeArchive(t, ar)
	site, _, err := build.WithFixtures(build.NewBuilder(build.Options{Root: root})).Build(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	note := regexp.MustCompile(`(?s)<li id="n-[^"]*" class="note.*?</ul>`)
	tests := []struct {
		page, want string
		not        []string
	}{
		// The note on the named source's page points to the unnamed one.
		{"sources/named/index.html", `<a href="../unnamed/#unnamed-1"><cite>` + headline + `</cite></a><span class="qt">: “` + headline + `.”</span>`, []string{"…"}},
		{"sources/unnamed/index.html", `<a href="../named/#named-1">Source A</a><span class="qt">: “The envoy landed in Moscow on Thursday.”</span>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			data, ok := site.Bytes(tt.page)
			if !ok {
				t.Fatalf("no %s", tt.page)
			}
			notes := note.FindAllString(string(data), -1)
			if len(notes) != 1 {
				t.Fatalf("%d endnotes, want 1:\n%s", len(notes), data)
			}
			if !strings.Contains(notes[0], tt.want) {
				t.Errorf("endnote lacks %s:\n%s", tt.want, notes[0])
			}
			for _, s := range tt.not {
				if strings.Contains(notes[0], s) {
					t.Errorf("endnote contains %q:\n%s", s, notes[0])
				}
			}
		})
	}
}
