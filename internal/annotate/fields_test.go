package annotate

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// FuzzNextField checks that nextField, applied until the text is used
// up, gives the fields strings.FieldsFunc gives, for the separators it
// is used with (white space, and the separators of name words).
func FuzzNextField(f *testing.F) {
	for _, s := range []string{"", " ", "a", " a  b ", "kim jong-un", "o’neill jr.", "a\u00a0b\tc\n", "\xff-\xfe", "--"} {
		f.Add(s)
	}
	name := func(r rune) bool { return r == ' ' || r == '-' || r == '.' || r == '\'' || r == '’' }
	f.Fuzz(func(t *testing.T, s string) {
		for _, sep := range []func(rune) bool{unicode.IsSpace, name} {
			var got []string
			for rest := s; rest != ""; {
				var w string
				if w, rest = nextField(rest, sep); w != "" {
					got = append(got, w)
				}
			}
			if want := strings.FieldsFunc(s, sep); !slices.Equal(got, want) {
				t.Errorf("fields of %q: got %q, want %q", s, got, want)
			}
		}
	})
}
