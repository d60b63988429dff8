package build

import (
	"context"
	"sort"

	"github.com/brief-dev/brief/internal/annotate"
	"github.com/brief-dev/brief/internal/brief"
)

// annotator is what build needs from internal/annotate: an incremental
// annotator fed with sources as they change, and the claims.json writer.
type annotator interface {
	Update(src *brief.Source)
	Remove(id string)
	Annotation(ctx context.Context, ovFile string, ovData []byte) (*brief.Annotation, error)
	WriteJSON(put func(path string, data []byte) error, ann *brief.Annotation, page func(sourceID string) string) error
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
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if b.annSrc[id] == nil {
			b.ann.Update(s)
			b.annSrc[id] = s
		}
	}
	return b.ann.Annotation(ctx, in.ovFile, in.ovData)
}

// annotateAdapter adapts *annotate.Annotator to annotator: it parses
// the overrides file on each build (it is small) and writes claims.json
// with an annotate.JSONCache, which keeps its encoded elements between
// builds.
type annotateAdapter struct {
	a    *annotate.Annotator
	json *annotate.JSONCache
}

// defaultAnnotator returns the annotator of a build; once is set for a
// single build, whose annotator keeps no memos for a next one (see
// annotate.Options.Once).
func defaultAnnotator(once bool) annotator {
	return annotateAdapter{annotate.NewWith(annotate.Options{Once: once}), new(annotate.JSONCache)}
}

func (x annotateAdapter) Update(s *brief.Source) { x.a.Update(s) }
func (x annotateAdapter) Remove(id string)       { x.a.Remove(id) }

func (x annotateAdapter) Annotation(ctx context.Context, ovFile string, ovData []byte) (*brief.Annotation, error) {
	var ov *annotate.Overrides
	if ovData != nil {
		var err error
		if ov, err = annotate.ParseOverrides(ovFile, ovData); err != nil {
			return nil, err
		}
	}
	return x.a.Annotation(ctx, ov)
}

// jsonOnly returns the adapter without its annotator, for a single
// build (Builder.oneShot): once the annotation is made, the annotator's
// incremental state (the claims' features, the index, the memos of
// pair scores) is most of the heap and is needed no more, and neither
// is the cache of claims.json, which is written once.
func (x annotateAdapter) jsonOnly() annotator { return annotateAdapter{} }

func (x annotateAdapter) WriteJSON(put func(path string, data []byte) error, ann *brief.Annotation, page func(string) string) error {
	return x.json.WriteJSON(put, ann, page)
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
