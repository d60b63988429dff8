package build_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/build"
	"golang.org/x/tools/txtar"
)

// indexOf builds an archive with the fixture annotator and returns the
// index page and the build's report.
func indexOf(t *testing.T, archive string) (string, *build.Report) {
	t.Helper()
	root := writeArchive(t, txtar.Parse([]byte(archive)))
	site, rep, err := build.WithFixtures(build.NewBuilder(build.Options{Root: root})).Build(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, ok := site.Bytes("index.html")
	if !ok {
		t.Fatal("no index.html")
	}
	return string(b), rep
}

// threeSources is three one-sentence sources, of which the first n have
// a date, and a draft titled "Analyst’s summary"; the draft's sentence,
// a heading and a byline are not counted as claims.
func threeSources(n int) string {
	var b strings.Builder
	for i, id := range []string{"a", "b", "c"} {
		date := ""
		if i < n {
			date = fmt.Sprintf("date: 2025-03-1%d\n", i+1)
		}
		fmt.Fprintf(&b, "-- content/sources/%s.md --\n---\ntitle: %s\n%s---\n## Talks\n\nBy Jane Doe\n\nTalks resumed in %s.\n", id, id, date, id)
	}
	b.WriteString("-- content/briefing.md --\n---\ntitle: \"Analyst’s summary\"\n---\nTalks resumed.\n")
	b.WriteString("-- content/annotations.yaml --\nclaims:\n")
	for _, id := range []string{"a", "b", "c"} {
		fmt.Fprintf(&b, "  - {source: %s, md: \"Talks\", kind: heading}\n  - {source: %s, md: \"By Jane Doe\", kind: byline}\n  - {source: %s, md: \"Talks resumed in %s.\"}\n", id, id, id, id)
	}
	b.WriteString("  - {source: _briefing, md: \"Talks resumed.\"}\nlinks:\n  - [a-3, b-3, agree]\n")
	return b.String()
}

func TestIndexCounts(t *testing.T) {
	page, rep := indexOf(t, threeSources(3))
	m := regexp.MustCompile(`make (\d+) claims`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no claim count on the index page")
	}
	if got, want := m[1], fmt.Sprint(rep.Claims); got != want {
		t.Errorf("index page says %s claims, the build report %s", got, want)
	}
	if rep.Claims != 3 {
		t.Errorf("Report.Claims = %d, want 3 (headings, bylines and the draft are not claims)", rep.Claims)
	}
	if !strings.Contains(page, "Analyst’s summary") {
		t.Error("the draft's title is not shown")
	}
}

func TestIndexDateRange(t *testing.T) {
	for _, tt := range []struct {
		dated int
		want  string // "" for no date in the overview
	}{
		{0, ""},
		{1, ""}, // one of three sources has a date: no range
		{2, "published 11 March 2025 to 12 March 2025"},
		{3, "published 11 March 2025 to 13 March 2025"},
	} {
		t.Run(fmt.Sprint(tt.dated), func(t *testing.T) {
			page, _ := indexOf(t, threeSources(tt.dated))
			switch {
			case tt.want == "" && strings.Contains(page, "published"):
				t.Errorf("%d of 3 sources dated: the overview gives a date", tt.dated)
			case tt.want != "" && !strings.Contains(page, tt.want):
				t.Errorf("%d of 3 sources dated: no %q", tt.dated, tt.want)
			}
		})
	}
}
