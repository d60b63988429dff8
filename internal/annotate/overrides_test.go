package annotate_test

import (
	"context"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/annotate"
	"github.com/brief-dev/brief/internal/brief"
)

func TestParseOverridesErrors(t *testing.T) {
	tests := []struct {
		name    string
		yaml    string
		wantErr string // substring; "" for success
	}{
		{"Empty", "", ""},
		{"EmptyLists", "links: []\nentities: []\n", ""},
		{"Full", `links:
  - a: {source: a, text: "x"}
    b: {source: b, text: "y"}
    relation: disagree
    kind: number
    reason: "number: one vs two"
entities:
  - same: ["Dnipro", "Dnipropetrovsk"]
  - different: ["Georgia", "Georgia (US state)"]
`, ""},
		{"UnknownTopKey", "link: []\n", `annotations.yaml:1:1: annotations: unknown key "link" (did you mean "links"?)`},
		{"UnknownRefKey", "links:\n  - a: {source: a, txt: x}\n", `annotations.yaml:2:20: a: unknown key "txt" (did you mean "text"?)`},
		{"UnknownEntityKey", "entities:\n  - sme: [\"A\", \"B\"]\n", `annotations.yaml:2:5: entities: unknown key "sme" (did you mean "same"?)`},
		{"UnknownLinkKey", "links:\n  - a: {source: a, text: x}\n    b: {source: b, text: y}\n    relation: agree\n    note: hi\n", `annotations.yaml:5:5: links: unknown key "note" (known keys: a, b, relation, kind, reason)`},
		{"MisspeltLinkKey", "links:\n  - a: {source: a, text: x}\n    b: {source: b, text: y}\n    relaton: agree\n", `annotations.yaml:4:5: links: unknown key "relaton" (did you mean "relation"?)`},
		{"BadRelation", "links:\n  - a: {source: a, text: x}\n    b: {source: b, text: y}\n    relation: maybe\n", `annotations.yaml:4`},
		{"BadKind", "links:\n  - a: {source: a, text: x}\n    b: {source: b, text: y}\n    relation: disagree\n    kind: colour\n", `annotations.yaml:5`},
		{"MissingB", "links:\n  - a: {source: a, text: x}\n    relation: agree\n", `annotations.yaml:2`},
		{"Syntax", "links:\n  - a: [\n", `annotations.yaml:2: annotations:`},
		{"EntityOneName", "entities:\n  - same: [\"Dnipro\"]\n", `annotations.yaml:2`},
		{"InvalidUTF8", "links:\n  - a: {source: a, text: \"x\xff\"}\n", `annotations.yaml:2:28: annotations: invalid UTF-8`},
		{"NUL", "links:\n  - a: {source: a, text: x}\n    b: {source: b, text: \"y\x00\"}\n", `annotations.yaml:3:28: annotations: NUL byte`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := annotate.ParseOverrides("content/annotations.yaml", []byte(tt.yaml))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("ParseOverrides: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("ParseOverrides: no error, want one containing %q", tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error=%q, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

// overrideSources are two short articles with one number disagreement
// and one pair of unrelated sentences.
func overrideSources() []*brief.Source {
	return []*brief.Source{
		{ID: "a", Path: "content/sources/a.md", Body: []byte("The talks aim at halting the three-year-long war in Ukraine.\n\nThe mayor opened a new bridge in Dnipro.\n")},
		{ID: "b", Path: "content/sources/b.md", Body: []byte("The talks mark a turning point in the two-year war.\n\nFloods closed the airport for a day.\n")},
	}
}

// linkBetween finds the link between the claims containing fa and fb.
func linkBetween(ann *brief.Annotation, fa, fb string) *brief.Link {
	id := func(frag string) string {
		for _, c := range ann.Claims {
			if strings.Contains(c.Text, frag) {
				return c.ID
			}
		}
		return ""
	}
	a, b := id(fa), id(fb)
	for i, l := range ann.Links {
		if (l.A == a && l.B == b) || (l.A == b && l.B == a) {
			return &ann.Links[i]
		}
	}
	return nil
}

func TestOverridesApplied(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name         string
		yaml         string
		fa, fb       string
		wantRelation brief.Relation // "" for no link
		wantKind     brief.DisagreeKind
		wantWarning  string
	}{
		{name: "Automatic", yaml: "", fa: "three-year-long", fb: "two-year", wantRelation: brief.Disagree, wantKind: brief.KindNumber},
		{
			name: "Reject",
			yaml: "links:\n  - a: {source: a, text: \"three-year-long\"}\n    b: {source: b, text: \"two-year war\"}\n    relation: none\n",
			fa:   "three-year-long", fb: "two-year",
		},
		{
			name: "Add",
			yaml: "links:\n  - a: {source: a, text: \"new bridge\"}\n    b: {source: b, text: \"Floods closed\"}\n    relation: disagree\n    kind: place\n    reason: \"place: bridge vs airport\"\n",
			fa:   "new bridge", fb: "Floods closed", wantRelation: brief.Disagree, wantKind: brief.KindPlace,
		},
		{
			name: "ConfirmAsAgree",
			yaml: "links:\n  - a: {source: a, text: \"three-year-long\"}\n    b: {source: b, text: \"two-year war\"}\n    relation: agree\n",
			fa:   "three-year-long", fb: "two-year", wantRelation: brief.Agree,
		},
		{
			name: "StaleFragment",
			yaml: "links:\n  - a: {source: a, text: \"no such words\"}\n    b: {source: b, text: \"two-year war\"}\n    relation: none\n",
			fa:   "three-year-long", fb: "two-year", wantRelation: brief.Disagree, wantKind: brief.KindNumber,
			wantWarning: "content/annotations.yaml:2",
		},
		{
			name: "UnknownEntity",
			yaml: "entities:\n  - same: [\"Atlantis\", \"Dnipro\"]\n",
			fa:   "three-year-long", fb: "two-year", wantRelation: brief.Disagree, wantKind: brief.KindNumber,
			wantWarning: "Atlantis",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ov *annotate.Overrides
			if tt.yaml != "" {
				var err error
				if ov, err = annotate.ParseOverrides("content/annotations.yaml", []byte(tt.yaml)); err != nil {
					t.Fatal(err)
				}
			}
			ann, err := annotate.Annotate(ctx, overrideSources(), ov)
			if err != nil {
				t.Fatal(err)
			}
			l := linkBetween(ann, tt.fa, tt.fb)
			switch {
			case tt.wantRelation == "" && l != nil:
				t.Errorf("link %+v, want none", *l)
			case tt.wantRelation != "" && l == nil:
				t.Errorf("no link, want %s", tt.wantRelation)
			case l != nil && (l.Relation != tt.wantRelation || l.Kind != tt.wantKind):
				t.Errorf("link %s/%s, want %s/%s", l.Relation, l.Kind, tt.wantRelation, tt.wantKind)
			}
			var warnings []string
			for _, w := range ann.Warnings {
				warnings = append(warnings, w.Error())
			}
			got := strings.Join(warnings, "\n")
			if tt.wantWarning == "" && got != "" {
				t.Errorf("unexpected warnings: %s", got)
			}
			if tt.wantWarning != "" && !strings.Contains(got, tt.wantWarning) {
				t.Errorf("warnings %q, want one containing %q", got, tt.wantWarning)
			}
		})
	}
}

// FuzzParseOverrides checks that no input makes the parser panic and that
// every error carries the file name.
func FuzzParseOverrides(f *testing.F) {
	f.Add([]byte("links:\n  - a: {source: a, text: x}\n    b: {source: b, text: y}\n    relation: agree\n"))
	f.Add([]byte("entities:\n  - same: [\"Dnipro\", \"Dnipropetrovsk\"]\n"))
	f.Add([]byte("links: [\n"))
	f.Add([]byte("&a [*a, *a]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := annotate.ParseOverrides("annotations.yaml", data)
		if err != nil && !strings.Contains(err.Error(), "annotations.yaml") {
			t.Fatalf("error without the file name: %v", err)
		}
	})
}
