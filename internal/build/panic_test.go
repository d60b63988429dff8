package build

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
	"golang.org/x/tools/txtar"
)

// panicAnnotator panics where it is told to: in Annotation (the build's
// own goroutine) or in WriteJSON (beside the page-rendering goroutines).
type panicAnnotator struct {
	fixtureAnnotator
	where string
}

func (p *panicAnnotator) Annotation(ctx context.Context, f string, d []byte) (*brief.Annotation, error) {
	if p.where == "annotate" {
		panic("boom in annotate")
	}
	return p.fixtureAnnotator.Annotation(ctx, f, d)
}

func (p *panicAnnotator) WriteJSON(put func(string, []byte) error, ann *brief.Annotation, page func(string) string) error {
	if p.where == "render" {
		panic("boom in render")
	}
	return p.fixtureAnnotator.WriteJSON(put, ann, page)
}

// TestPanicIsError checks that a panic during a build comes back as a
// *PanicError, with no site, so brief serve keeps running (issue 12).
func TestPanicIsError(t *testing.T) {
	root := WriteArchive(t, &txtar.Archive{Files: []txtar.File{
		{Name: "content/sources/a.md", Data: []byte("---\ntitle: A\n---\nA sentence.\n")},
	}})
	for _, where := range []string{"annotate", "render"} {
		t.Run(where, func(t *testing.T) {
			b := NewBuilder(Options{Root: root})
			b.newAnnotator = func(bool) annotator {
				return &panicAnnotator{fixtureAnnotator{srcs: map[string]*brief.Source{}}, where}
			}
			site, _, err := b.Build(context.Background(), nil)
			var pe *PanicError
			if !errors.As(err, &pe) || site != nil {
				t.Fatalf("site %v, error %v; want no site and a *PanicError", site, err)
			}
			if !strings.Contains(err.Error(), "boom in "+where) {
				t.Errorf("error %q does not name the panic", err)
			}
		})
	}
}
