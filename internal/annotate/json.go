package annotate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"

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
	return writeJSON(w, a, page, nil)
}

func writeJSON(w io.Writer, a *brief.Annotation, page func(sourceID string) string, c *JSONCache) error {
	out := jsonFileOf(a, page)
	if err := c.write(w, &out); err != nil {
		return fmt.Errorf("write claims.json: %w", err)
	}
	return nil
}

// jsonFileOf returns the contents of claims.json.
func jsonFileOf(a *brief.Annotation, page func(sourceID string) string) jsonFile {
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
	return out
}

// JSONCache keeps the encoded elements of claims.json between calls of
// its WriteJSON, each by its value: after an edit, most of a large
// file's sources, claims, links and clusters are copied, not encoded.
// A JSONCache is safe for concurrent use; the zero value is ready.
type JSONCache struct {
	mu        sync.Mutex
	prev, cur map[any][]byte
}

// WriteJSON is the package's WriteJSON, with c keeping what it encoded.
// The output is the same.
func (c *JSONCache) WriteJSON(w io.Writer, a *brief.Annotation, page func(sourceID string) string) error {
	return writeJSON(w, a, page, c)
}

// encode returns v encoded as an element of a top-level array of the
// indented file: its lines after the first indented by two levels.
func (c *JSONCache) encode(key any, v any) ([]byte, error) {
	if c != nil {
		if b, ok := c.cur[key]; ok {
			return b, nil
		}
		if b, ok := c.prev[key]; ok {
			c.cur[key] = b
			return b, nil
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("    ", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	if c != nil {
		c.cur[key] = b
	}
	return b, nil
}

// write writes f as json.Encoder with SetIndent("", "  ") and
// SetEscapeHTML(false) would (TestJSONCacheSameBytes), encoding each
// element of its arrays once.
func (c *JSONCache) write(w io.Writer, f *jsonFile) error {
	if c != nil {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.cur = make(map[any][]byte, len(c.prev))
	}
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "{\n  \"version\": %d,\n", f.Version)
	array := func(name string, n int, elem func(i int) (key, v any), last bool) error {
		fmt.Fprintf(&buf, "  %q: [", name)
		for i := range n {
			key, v := elem(i)
			b, err := c.encode(key, v)
			if err != nil {
				return err
			}
			if i > 0 {
				buf.WriteByte(',')
			}
			buf.WriteString("\n    ")
			buf.Write(b)
		}
		if n > 0 {
			buf.WriteString("\n  ")
		}
		buf.WriteByte(']')
		if !last {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
		return nil
	}
	if err := array("sources", len(f.Sources), func(i int) (any, any) { return f.Sources[i], f.Sources[i] }, false); err != nil {
		return err
	}
	if err := array("claims", len(f.Claims), func(i int) (any, any) { return f.Claims[i], f.Claims[i] }, false); err != nil {
		return err
	}
	if err := array("links", len(f.Links), func(i int) (any, any) { return f.Links[i], f.Links[i] }, false); err != nil {
		return err
	}
	err := array("clusters", len(f.Clusters), func(i int) (any, any) {
		x := f.Clusters[i]
		return clusterKey{x.ID, strings.Join(x.Claims, "\x00"), strings.Join(x.Sources, "\x00")}, x
	}, true)
	if err != nil {
		return err
	}
	buf.WriteString("}\n")
	if c != nil {
		c.prev, c.cur = c.cur, nil
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// clusterKey is a jsonCluster as a map key.
type clusterKey struct{ id, claims, sources string }
