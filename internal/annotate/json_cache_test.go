package annotate

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
)

// TestJSONPages checks claims.json and its pages, written element by
// element, with and without the cache and after edits: the index lists
// every page in order with its length and first and last IDs, the pages
// hold the lists in order, each page is what encoding/json writes for it (compact),
// and a page is within JSONPageBytes unless it holds one element.
func TestJSONPages(t *testing.T) {
	srcs := loadCorpus(t, "seeds")
	page := func(id string) string { return "sources/" + id + "/" }
	encode := func(v any) []byte {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	// verify checks files against the annotation's lists.
	verify := func(name string, a *brief.Annotation, files map[string][]byte) {
		t.Helper()
		f := jsonFileOf(a, page)
		var idx jsonIndex
		if err := json.Unmarshal(files["claims.json"], &idx); err != nil {
			t.Fatalf("%s: claims.json: %v", name, err)
		}
		if got := files["claims.json"]; !bytes.Equal(got, encode(idx)) {
			t.Errorf("%s: claims.json is not what encoding/json writes:\n%s", name, got)
		}
		elems := map[string][]any{}
		ids := map[string][]string{}
		for _, x := range f.Sources {
			elems["sources"], ids["sources"] = append(elems["sources"], x), append(ids["sources"], x.ID)
		}
		for _, x := range f.Claims {
			elems["claims"], ids["claims"] = append(elems["claims"], x), append(ids["claims"], x.ID)
		}
		for _, x := range f.Links {
			elems["links"], ids["links"] = append(elems["links"], x), append(ids["links"], x.A)
		}
		for _, x := range f.Clusters {
			elems["clusters"], ids["clusters"] = append(elems["clusters"], x), append(ids["clusters"], x.ID)
		}
		seen := 1 // claims.json
		for _, kind := range JSONKinds {
			l := map[string]jsonList{"sources": idx.Sources, "claims": idx.Claims, "links": idx.Links, "clusters": idx.Clusters}[kind]
			if l.Count != len(elems[kind]) {
				t.Errorf("%s: %s count %d, want %d", name, kind, l.Count, len(elems[kind]))
			}
			at := 0
			for n, p := range l.Pages {
				if want := fmt.Sprintf("claims/%s-%d.json", kind, n+1); p.Path != want {
					t.Errorf("%s: page path %q, want %q", name, p.Path, want)
				}
				data, ok := files[p.Path]
				if !ok {
					t.Fatalf("%s: %s not written", name, p.Path)
				}
				seen++
				if p.Count < 1 || at+p.Count > len(elems[kind]) {
					t.Fatalf("%s: %s holds %d of %d %s from %d", name, p.Path, p.Count, len(elems[kind]), kind, at)
				}
				if p.First != ids[kind][at] || p.Last != ids[kind][at+p.Count-1] {
					t.Errorf("%s: %s first/last %q/%q, want %q/%q", name, p.Path, p.First, p.Last, ids[kind][at], ids[kind][at+p.Count-1])
				}
				want := encode(jsonPage{Version: jsonVersion, List: kind, Page: n + 1, Items: elems[kind][at : at+p.Count]})
				if !bytes.Equal(data, want) {
					t.Errorf("%s: %s differs from encoding/json:\n%s\nwant\n%s", name, p.Path, data, want)
				}
				if len(data) > JSONPageBytes && p.Count > 1 {
					t.Errorf("%s: %s is %d bytes with %d elements, over %d", name, p.Path, len(data), p.Count, JSONPageBytes)
				}
				at += p.Count
			}
			if at != len(elems[kind]) {
				t.Errorf("%s: pages of %s hold %d, want %d", name, kind, at, len(elems[kind]))
			}
		}
		if seen != len(files) {
			t.Errorf("%s: %d files written, the index names %d", name, len(files), seen)
		}
	}
	var cache JSONCache
	check := func(name string, a *brief.Annotation) {
		t.Helper()
		var first, prev map[string][]byte
		for i, write := range []func(put func(string, []byte) error) error{
			func(put func(string, []byte) error) error { return WriteJSON(put, a, page) },
			func(put func(string, []byte) error) error { return cache.WriteJSON(put, a, page) },
			func(put func(string, []byte) error) error { return cache.WriteJSON(put, a, page) }, // from the cache
		} {
			files := map[string][]byte{}
			if err := write(func(p string, data []byte) error {
				if _, dup := files[p]; dup {
					t.Errorf("%s: %s written twice", name, p)
				}
				files[p] = data
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				verify(name, a, files)
				first = files
			} else if !maps.EqualFunc(files, first, bytes.Equal) {
				t.Fatalf("%s, writer %d: output differs from the first writer's", name, i)
			}
			if i == 2 {
				// The same annotation again: every page is the last
				// call's, not a copy.
				for p, data := range files {
					if old := prev[p]; p != "claims.json" && len(data) > 0 && &old[0] != &data[0] {
						t.Errorf("%s: %s was made again, not reused", name, p)
					}
				}
			}
			prev = files
		}
	}
	defer func(n int) { JSONPageBytes = n }(JSONPageBytes)
	ctx := context.Background()
	a, err := Annotate(ctx, srcs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1 << 20, 2000, 1} {
		JSONPageBytes = n
		check(fmt.Sprintf("seeds, pages of %d", n), a)
	}
	JSONPageBytes = 2000
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
