package build

import (
	"context"
	"encoding/json"
	"io"
	"sort"

	"github.com/brief-dev/brief/internal/brief"
)

// annotator is what build needs from internal/annotate: an incremental
// annotator fed with sources as they change, and the claims.json writer.
type annotator interface {
	Update(src *brief.Source)
	Remove(id string)
	Annotation(ctx context.Context, ovFile string, ovData []byte) (*brief.Annotation, error)
	WriteJSON(w io.Writer, ann *brief.Annotation, page func(sourceID string) string) error
}

// annotate brings the annotator up to date with in and returns the
// annotation of all sources (the draft included).
func (b *Builder) annotate(ctx context.Context, in *input) (*brief.Annotation, error) {
	cur := map[string]*brief.Source{}
	for _, s := range in.sources {
		cur[s.ID] = s
	}
	if in.draft != nil {
		cur[in.draft.ID] = in.draft
	}
	for id, s := range b.annSrc {
		if cur[id] == nil {
			b.ann.Remove(id)
			delete(b.annSrc, id)
		} else if cur[id] != s {
			// Parsed anew, so changed (unchanged files keep their pointer).
			delete(b.annSrc, id)
		}
	}
	for id, s := range cur {
		if b.annSrc[id] == nil {
			b.ann.Update(s)
			b.annSrc[id] = s
		}
	}
	return b.ann.Annotation(ctx, in.ovFile, in.ovData)
}

// stubAnnotator stands in until internal/annotate provides Annotate:
// it finds no claims, so pages show the articles without notes.
type stubAnnotator struct{ srcs map[string]*brief.Source }

func defaultAnnotator() annotator { return &stubAnnotator{srcs: map[string]*brief.Source{}} }

func (a *stubAnnotator) Update(s *brief.Source) { a.srcs[s.ID] = s }
func (a *stubAnnotator) Remove(id string)       { delete(a.srcs, id) }
func (a *stubAnnotator) Annotation(ctx context.Context, ovFile string, ovData []byte) (*brief.Annotation, error) {
	ann := &brief.Annotation{}
	for _, s := range sortedSources(a.srcs) {
		ann.Sources = append(ann.Sources, s)
	}
	return ann, nil
}
func (a *stubAnnotator) WriteJSON(w io.Writer, ann *brief.Annotation, page func(string) string) error {
	return writeClaimsJSON(w, ann, page)
}

// writeClaimsJSON is a minimal claims.json: the claims with their page.
func writeClaimsJSON(w io.Writer, ann *brief.Annotation, page func(string) string) error {
	type claim struct {
		ID, Source, Text, URL string
	}
	out := struct {
		Claims []claim      `json:"claims"`
		Links  []brief.Link `json:"links"`
	}{Claims: []claim{}, Links: ann.Links}
	for _, c := range ann.Claims {
		out.Claims = append(out.Claims, claim{c.ID, c.Source, c.Text, page(c.Source) + "#" + c.ID})
	}
	if out.Links == nil {
		out.Links = []brief.Link{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// sortedSources returns the sources of m sorted by ID.
func sortedSources(m map[string]*brief.Source) []*brief.Source {
	out := make([]*brief.Source, 0, len(m))
	for _, s := range m {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
