package brief_test

import (
	"testing"

	"github.com/brief-dev/brief/internal/brief"
)

func TestNearest(t *testing.T) {
	frontMatter := []string{"title", "title_derived", "outlet", "author", "date", "url", "origin", "checksum"}
	tests := []struct {
		name  string
		s     string
		known []string
		want  string
	}{
		{"Swap", "outlte", frontMatter, "outlet"},
		{"Missing", "outet", frontMatter, "outlet"},
		{"Extra", "titlle", frontMatter, "title"},
		{"Case", "Title", frontMatter, "title"},
		{"Underscore", "base-url", []string{"title", "base_url", "theme"}, "base_url"},
		{"Doubled", "base_urll", []string{"title", "base_url", "theme"}, "base_url"},
		{"TwoEdits", "auther", frontMatter, "author"},
		{"ShortOneEdit", "dat", frontMatter, "date"},
		{"ShortTwoEdits", "da", frontMatter, ""},
		{"AllReplaced", "x", []string{"a"}, ""},
		{"Unrelated", "colour", frontMatter, ""},
		{"Plural", "link", []string{"links", "entities"}, "links"},
		{"Relation", "relaton", []string{"a", "b", "relation", "kind", "reason"}, "relation"},
		{"Empty", "", frontMatter, ""},
		{"NoKnown", "title", nil, ""},
		{"Unicode", "tïtle", frontMatter, "title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := brief.Nearest(tt.s, tt.known); got != tt.want {
				t.Errorf("Nearest(%q)=%q, want %q", tt.s, got, tt.want)
			}
		})
	}
}

func TestUnknownKey(t *testing.T) {
	known := []string{"title", "outlet", "date"}
	tests := []struct{ key, want string }{
		{"outlte", `unknown key "outlte" (did you mean "outlet"?)`},
		{"colour", `unknown key "colour" (known keys: title, outlet, date)`},
	}
	for _, tt := range tests {
		if got := brief.UnknownKey(tt.key, known); got != tt.want {
			t.Errorf("UnknownKey(%q)=%q, want %q", tt.key, got, tt.want)
		}
	}
}
