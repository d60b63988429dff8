package annotate

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/brief-dev/brief/internal/brief"
)

type jsonFile struct {
	Version  int           `json:"version"`
	Sources  []jsonSource  `json:"sources"`
	Claims   []jsonClaim   `json:"claims"`
	Links    []jsonLink    `json:"links"`
	Clusters []jsonCluster `json:"clusters"`
}

type jsonSource struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Outlet string `json:"outlet"`
	Date   string `json:"date"`
	URL    string `json:"url"`
	Origin string `json:"origin"`
	Page   string `json:"page"`
}

type jsonClaim struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	Text   string `json:"text"`
	Anchor string `json:"anchor"`
}

type jsonLink struct {
	A        string  `json:"a"`
	B        string  `json:"b"`
	Relation string  `json:"relation"`
	Kind     string  `json:"kind,omitempty"`
	Score    float64 `json:"score"`
	Reason   string  `json:"reason"`
}

type jsonCluster struct {
	ID      string   `json:"id"`
	Claims  []string `json:"claims"`
	Sources []string `json:"sources"`
}

// WriteJSON writes claims.json: the sources, their claims (sentences of
// KindClaim; headings and questions are not claims), the links and the
// clusters, indented and in the Annotation's deterministic order.
// page(sourceID) gives the source page URL relative to the site root
// ("sources/<id>/"); a claim's anchor is page + "#" + claim ID.
func WriteJSON(w io.Writer, a *brief.Annotation, page func(sourceID string) string) error {
	out := jsonFile{Version: 1, Sources: []jsonSource{}, Claims: []jsonClaim{}, Links: []jsonLink{}, Clusters: []jsonCluster{}}
	// The author's draft (content/briefing.md) is checked against the
	// sources but is not one: claims.json describes the sources only.
	draft := map[string]bool{}
	for _, s := range a.Sources {
		if s.Draft {
			draft[s.ID] = true
			continue
		}
		out.Sources = append(out.Sources, jsonSource{ID: s.ID, Title: s.Title, Outlet: s.Outlet, Date: s.Date,
			URL: s.URL, Origin: s.Origin, Page: page(s.ID)})
	}
	draftClaim := map[string]bool{}
	for _, c := range a.Claims {
		if draft[c.Source] {
			draftClaim[c.ID] = true
			continue
		}
		if c.Kind != brief.KindClaim {
			continue
		}
		out.Claims = append(out.Claims, jsonClaim{ID: c.ID, Source: c.Source, Text: c.Text, Anchor: page(c.Source) + "#" + c.ID})
	}
	for _, l := range a.Links {
		if draftClaim[l.A] || draftClaim[l.B] {
			continue
		}
		out.Links = append(out.Links, jsonLink{A: l.A, B: l.B, Relation: string(l.Relation), Kind: string(l.Kind),
			Score: l.Score, Reason: l.Reason})
	}
	for _, c := range a.Clusters {
		jc := jsonCluster{ID: c.ID, Claims: []string{}, Sources: []string{}}
		for _, id := range c.Claims {
			if !draftClaim[id] {
				jc.Claims = append(jc.Claims, id)
			}
		}
		for _, id := range c.Sources {
			if !draft[id] {
				jc.Sources = append(jc.Sources, id)
			}
		}
		if len(jc.Claims) > 0 {
			out.Clusters = append(out.Clusters, jc)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write claims.json: %w", err)
	}
	return nil
}
