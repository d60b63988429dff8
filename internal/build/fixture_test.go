package build

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/brief-dev/brief/internal/annotate"
	"github.com/brief-dev/brief/internal/brief"
	"go.yaml.in/yaml/v3"
)

// fixtureAnnotator stands in for internal/annotate in tests, so that
// golden pages do not change when the annotator's judgement improves.
// It reads content/annotations.yaml as the whole annotation:
//
//	claims:
//	  - {source: a, md: "Markdown of the sentence", quote: "…", speaker: "…"}
//	links:
//	  - [a-1, b-1, agree]
//	  - [a-2, b-2, disagree, number, "number: “3” vs “4”"]
//
// Claim IDs are <source>-<n>, n counting from 1 in the file's order.
type fixtureAnnotator struct{ srcs map[string]*brief.Source }

func newFixtureAnnotator(bool) annotator { return &fixtureAnnotator{srcs: map[string]*brief.Source{}} }

func (f *fixtureAnnotator) Update(s *brief.Source) { f.srcs[s.ID] = s }
func (f *fixtureAnnotator) Remove(id string)       { delete(f.srcs, id) }

func (f *fixtureAnnotator) WriteJSON(put func(string, []byte) error, ann *brief.Annotation, page func(string) string) error {
	var buf bytes.Buffer
	if err := writeClaimsJSON(&buf, ann, page); err != nil {
		return err
	}
	return put("claims.json", buf.Bytes())
}

type fixture struct {
	Claims []struct {
		Source, MD, Quote, Speaker, Kind string
	}
	Links [][]string
}

var mdSyntax = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)|[*_` + "`" + `]`)

func (f *fixtureAnnotator) Annotation(ctx context.Context, ovFile string, ovData []byte) (*brief.Annotation, error) {
	ann := &brief.Annotation{Sources: sortedSources(f.srcs)}
	var fx fixture
	if err := yaml.Unmarshal(ovData, &fx); err != nil {
		return nil, fmt.Errorf("fixture: %w", err)
	}
	n := map[string]int{}
	for _, c := range fx.Claims {
		s := f.srcs[c.Source]
		if s == nil {
			return nil, fmt.Errorf("fixture: no source %q", c.Source)
		}
		i := strings.Index(string(s.Body), c.MD)
		if i < 0 {
			return nil, fmt.Errorf("fixture: %q not in %s", c.MD, s.ID)
		}
		n[s.ID]++
		kind := brief.KindClaim
		if c.Kind != "" {
			kind = brief.SentenceKind(c.Kind)
		}
		ann.Claims = append(ann.Claims, &brief.Claim{
			ID: fmt.Sprintf("%s-%d", s.ID, n[s.ID]), Source: s.ID, Kind: kind,
			Text: mdSyntax.ReplaceAllString(c.MD, "$1"), Start: i, End: i + len(c.MD),
			Line: s.BodyLine + strings.Count(string(s.Body[:i]), "\n"), Quote: c.Quote, Speaker: c.Speaker,
		})
	}
	sort.SliceStable(ann.Claims, func(i, j int) bool {
		a, b := ann.Claims[i], ann.Claims[j]
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.Start < b.Start
	})
	for _, l := range fx.Links {
		link := brief.Link{A: l[0], B: l[1], Relation: brief.Relation(l[2]), Score: 1}
		if link.A > link.B {
			link.A, link.B = link.B, link.A
		}
		if len(l) > 3 {
			link.Kind = brief.DisagreeKind(l[3])
		}
		if len(l) > 4 {
			link.Reason = l[4]
		}
		ann.Links = append(ann.Links, link)
	}
	sort.Slice(ann.Links, func(i, j int) bool {
		if ann.Links[i].A != ann.Links[j].A {
			return ann.Links[i].A < ann.Links[j].A
		}
		return ann.Links[i].B < ann.Links[j].B
	})
	// Facts as annotate groups them, drafts aside.
	var srcLinks []brief.Link
	for _, l := range ann.Links {
		if !strings.HasPrefix(l.A, "_briefing") && !strings.HasPrefix(l.B, "_briefing") {
			srcLinks = append(srcLinks, l)
		}
	}
	ann.Clusters = annotate.Clusters(ann.Claims, srcLinks)
	return ann, nil
}

// writeClaimsJSON is a minimal claims.json for tests that do not use
// internal/annotate: the claims with their page, and the links.
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
