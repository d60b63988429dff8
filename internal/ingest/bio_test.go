package ingest

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestLDBios(t *testing.T) {
	tests := []struct {
		name, ld string
		want     []string
	}{
		{"Graph", `{"@graph":[{"@type":"WebPage","description":"A page about the bridge and the river it crosses."},{"@type":"Person","name":"Jule","description":"Jule studied sport science before moving to Hamburg as a trainee."}]}`,
			[]string{"Jule studied sport science before moving to Hamburg as a trainee."}},
		{"NestedAuthorHTML", `{"@type":"NewsArticle","author":{"@type":["Person"],"description":"Senior Editor for tech and gaming. Follow me on Twitter: <a href=\"https://x\"> @jm </a>"}}`,
			[]string{"Senior Editor for tech and gaming. Follow me on Twitter: @jm"}},
		{"Short", `{"@type":"Person","description":"Reporter"}`, nil},
		{"Organization", `{"@type":"Organization","description":"A newspaper published in Saint Lucia since 1989, every day."}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v any
			if err := json.Unmarshal([]byte(tt.ld), &v); err != nil {
				t.Fatal(err)
			}
			if got := ldBios(v); !slices.Equal(got, tt.want) {
				t.Errorf("ldBios = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRemoveBios(t *testing.T) {
	bio := "Jule studied sport science before moving to Hamburg as a trainee. She swims most days."
	story := "<p>The pool opens again on Monday after three months of repairs to its roof and its heating.</p>"
	tests := []struct {
		name, in, want string
	}{
		{"Box", story + `<div class="box"><h3>About Jule</h3><p>` + bio + `</p></div>`, story},
		{"NoBio", story + `<p>Jule swims most days.</p>`, story + `<p>Jule swims most days.</p>`},
		// In a long article only the block of the bio goes.
		{"Long", `<div>` + story + story + story + `<p>` + bio + `</p>` + strings.Repeat(story, 3) + `</div>`,
			`<div>` + story + story + story + strings.Repeat(story, 3) + `</div>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rewritten(t, tt.in, func(root *html.Node) { removeBios(root, []string{bio}) }); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
