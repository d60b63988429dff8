package serve

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
)

// listSite is an immutable site that lists its files, as build.Site
// does; snapshot never opens its files.
type listSite struct {
	paths []string
	files map[string][]byte
}

func (s listSite) Open(name string) (fs.File, error) { return nil, fs.ErrNotExist }
func (s listSite) Paths() []string                   { return s.paths }
func (s listSite) Bytes(name string) ([]byte, bool)  { b, ok := s.files[name]; return b, ok }

// BenchmarkSnapshot measures what serve adds to each rebuild of a large
// site: taking the snapshot and comparing it with the previous one,
// for 1,000 pages of 20 kB of which one changed.
func BenchmarkSnapshot(b *testing.B) {
	const n = 1000
	page := strings.Repeat("<p>A sentence of a page.</p>\n", 700)
	mk := func(changed int) listSite {
		s := listSite{files: map[string][]byte{}}
		for i := range n {
			name := fmt.Sprintf("sources/s%04d/index.html", i)
			data := "<html><body>" + page + "</body></html>"
			if i == changed {
				data = "<html><body>changed " + page + "</body></html>"
			}
			s.paths = append(s.paths, name)
			s.files[name] = []byte(data)
		}
		return s
	}
	tag := func() string { return `"x"` }
	old, err := snapshot(mk(-1), nil, tag)
	if err != nil {
		b.Fatal(err)
	}
	next := mk(7)
	b.ResetTimer()
	for b.Loop() {
		cur, _ := snapshot(next, old, tag)
		if out, _ := diff(old, cur); len(out) != 1 {
			b.Fatalf("diff %q", out)
		}
	}
}
