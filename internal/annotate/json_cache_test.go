package annotate

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
)

// TestJSONCacheSameBytes checks that claims.json written element by
// element, with and without the cache and after edits, is what
// encoding/json writes for the whole file.
func TestJSONCacheSameBytes(t *testing.T) {
	srcs := loadCorpus(t, "seeds")
	page := func(id string) string { return "sources/" + id + "/" }
	want := func(a *brief.Annotation) []byte {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		f := jsonFileOf(a, page)
		if err := enc.Encode(f); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	var cache JSONCache
	check := func(name string, a *brief.Annotation) {
		t.Helper()
		w := want(a)
		for i, write := range []func(*bytes.Buffer) error{
			func(b *bytes.Buffer) error { return WriteJSON(b, a, page) },
			func(b *bytes.Buffer) error { return cache.WriteJSON(b, a, page) },
			func(b *bytes.Buffer) error { return cache.WriteJSON(b, a, page) }, // from the cache
		} {
			var got bytes.Buffer
			if err := write(&got); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), w) {
				t.Fatalf("%s, writer %d: output differs from encoding/json:\n%s\nwant\n%s", name, i, got.Bytes(), w)
			}
		}
	}
	ctx := context.Background()
	a, err := Annotate(ctx, srcs, nil)
	if err != nil {
		t.Fatal(err)
	}
	check("seeds", a)
	// An edit with characters encoding/json escapes, and a source gone.
	edited := append([]*brief.Source(nil), srcs[1:]...)
	s := *edited[0]
	s.Body = append([]byte("A <b>\"quoted\"</b> claim & more\u2028here, said Tom.\n\n"), s.Body...)
	s.Title = "Title with \"quotes\" & <tags>"
	edited[0] = &s
	a, err = Annotate(ctx, edited, nil)
	if err != nil {
		t.Fatal(err)
	}
	check("edited", a)
	check("empty", &brief.Annotation{})
}
