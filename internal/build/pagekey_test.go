package build

import (
	"html/template"
	"testing"
)

// TestTemplateUse checks which fields a page key covers: fields the
// executed templates mention, whole where printed or passed to a
// function, and everything once dot or a bare variable is printed.
func TestTemplateUse(t *testing.T) {
	tests := []struct {
		name, text string
		all        bool
		names      []string // mentioned
		whole      []string // printed or passed
		not        []string // neither
	}{
		{"Fields", `{{define "p"}}{{.A.B}}{{if .C}}{{len .D}}{{end}}{{end}}{{define "unused"}}{{.E}}{{end}}`,
			false, []string{"A", "B", "C", "D"}, []string{"B"}, []string{"E"}},
		{"Invoked", `{{define "p"}}{{template "q" .X}}{{end}}{{define "q"}}{{.Y}}{{end}}`,
			false, []string{"X", "Y"}, []string{"Y"}, nil},
		{"Function", `{{define "p"}}{{if eq .A .B}}{{.C.D}}{{end}}{{end}}`,
			false, []string{"A", "B"}, []string{"A", "B", "D"}, []string{"E"}},
		{"PrintDot", `{{define "p"}}{{range .A}}{{.}}{{end}}{{end}}`, true, nil, nil, nil},
		{"PrintVar", `{{define "p"}}{{range $x := .A}}{{$x}}{{end}}{{end}}`, true, nil, nil, nil},
		{"PassDot", `{{define "p"}}{{printf "%v" .}}{{end}}`, true, nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := template.Must(template.New("x").Parse(tt.text))
			u := templateUse(set.Lookup("p"))
			if u.all != tt.all {
				t.Fatalf("all=%v, want %v", u.all, tt.all)
			}
			for _, n := range tt.names {
				if !u.names[n] {
					t.Errorf("%s not mentioned", n)
				}
			}
			for _, n := range tt.whole {
				if !u.whole[n] {
					t.Errorf("%s not whole", n)
				}
			}
			for _, n := range tt.not {
				if u.names[n] || u.whole[n] {
					t.Errorf("%s counted", n)
				}
			}
		})
	}
}
