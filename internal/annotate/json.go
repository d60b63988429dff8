package annotate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/brief-dev/brief/internal/brief"
)

// jsonFile is everything claims.json and its pages hold, as lists.
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

// JSONPageBytes is the most bytes a page of claims.json holds besides
// its first element: far enough under the 2 MB every file of the site
// stays within that one long element cannot cross it. A variable for
// tests.
var JSONPageBytes = 1 << 20

// JSONKinds are the lists of claims.json, in the order of the index.
var JSONKinds = []string{"sources", "claims", "links", "clusters"}

// WriteJSON writes claims.json and its pages, handing each file to put
// (path relative to the site root) as soon as it is complete.
//
// claims.json is an index: for each list (sources, claims, links,
// clusters) its length and its pages. A page, claims/<list>-<n>.json,
// holds a run of the list's elements in the Annotation's deterministic
// order, at most JSONPageBytes of them (see the README for the schema).
// The lists hold the sources, their claims (sentences of KindClaim;
// headings and questions are not claims), the links and the clusters.
// page(sourceID) gives the source page URL relative to the site root
// ("sources/<id>/"); a claim's anchor is page + "#" + claim ID.
func WriteJSON(put func(path string, data []byte) error, a *brief.Annotation, page func(sourceID string) string) error {
	return writeJSON(put, a, page, nil)
}

func writeJSON(put func(path string, data []byte) error, a *brief.Annotation, page func(sourceID string) string, c *JSONCache) error {
	out := jsonFileOf(a, page)
	if err := c.write(put, &out); err != nil {
		return fmt.Errorf("write claims.json: %w", err)
	}
	return nil
}

// jsonIndex is claims.json: the lists and their pages.
type jsonIndex struct {
	Version  int      `json:"version"`
	Sources  jsonList `json:"sources"`
	Claims   jsonList `json:"claims"`
	Links    jsonList `json:"links"`
	Clusters jsonList `json:"clusters"`
}

// jsonList is one list of the index: its length and its pages.
type jsonList struct {
	Count int            `json:"count"`
	Pages []jsonPageInfo `json:"pages"`
}

// jsonPageInfo describes a page of a list: where it is, how many
// elements it holds and the IDs of its first and last ("a" for links).
type jsonPageInfo struct {
	Path  string `json:"path"`
	Count int    `json:"count"`
	First string `json:"first"`
	Last  string `json:"last"`
}

// jsonPage is a page of a list, as encoding/json would write it.
type jsonPage struct {
	Version int    `json:"version"`
	List    string `json:"list"`
	Page    int    `json:"page"`
	Items   []any  `json:"items"`
}

// jsonFileOf returns the contents of claims.json.
func jsonFileOf(a *brief.Annotation, page func(sourceID string) string) jsonFile {
	out := jsonFile{Version: 2, Sources: []jsonSource{}, Claims: []jsonClaim{}, Links: []jsonLink{}, Clusters: []jsonCluster{}}
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

// JSONCache keeps the encoded elements of claims.json's pages between
// calls of its WriteJSON, each by its value: after an edit, most of a large
// file's sources, claims, links and clusters are copied, not encoded.
// A JSONCache is safe for concurrent use; the zero value is ready.
type JSONCache struct {
	mu        sync.Mutex
	prev, cur map[any][]byte
}

// WriteJSON is the package's WriteJSON, with c keeping what it encoded.
// The output is the same.
func (c *JSONCache) WriteJSON(put func(path string, data []byte) error, a *brief.Annotation, page func(sourceID string) string) error {
	return writeJSON(put, a, page, c)
}

// encode returns v encoded as an element of a page: compact, on one
// line.
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

// write writes f's index and pages, each as json.Encoder with
// SetEscapeHTML(false) would write a jsonIndex or a jsonPage, compact
// (TestJSONPages), encoding each element once. Compact, the pages of
// 1,000 articles are 25 MB instead of 35 MB indented.
func (c *JSONCache) write(put func(path string, data []byte) error, f *jsonFile) error {
	if c != nil {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.cur = make(map[any][]byte, len(c.prev))
	}
	// list writes the pages of one list: elements are added to a page
	// while it stays within JSONPageBytes (a page has at least one).
	list := func(name string, n int, elem func(i int) (key, v any, id string)) (jsonList, error) {
		l := jsonList{Count: n, Pages: []jsonPageInfo{}}
		var buf bytes.Buffer
		var info jsonPageInfo
		flush := func() error {
			buf.WriteString("]}\n")
			if err := put(info.Path, bytes.Clone(buf.Bytes())); err != nil {
				return err
			}
			l.Pages = append(l.Pages, info)
			info = jsonPageInfo{}
			buf.Reset()
			return nil
		}
		for i := range n {
			key, v, id := elem(i)
			b, err := c.encode(key, v)
			if err != nil {
				return l, err
			}
			if info.Count > 0 && buf.Len()+len(b)+16 > JSONPageBytes {
				if err := flush(); err != nil {
					return l, err
				}
			}
			if info.Count == 0 {
				info.Path = fmt.Sprintf("claims/%s-%d.json", name, len(l.Pages)+1)
				info.First = id
				fmt.Fprintf(&buf, "{\"version\":%d,\"list\":%q,\"page\":%d,\"items\":[", f.Version, name, len(l.Pages)+1)
			} else {
				buf.WriteByte(',')
			}
			buf.Write(b)
			info.Count++
			info.Last = id
		}
		if info.Count > 0 {
			if err := flush(); err != nil {
				return l, err
			}
		}
		return l, nil
	}
	idx := jsonIndex{Version: f.Version}
	var err error
	if idx.Sources, err = list("sources", len(f.Sources), func(i int) (any, any, string) {
		return f.Sources[i], f.Sources[i], f.Sources[i].ID
	}); err != nil {
		return err
	}
	if idx.Claims, err = list("claims", len(f.Claims), func(i int) (any, any, string) {
		return f.Claims[i], f.Claims[i], f.Claims[i].ID
	}); err != nil {
		return err
	}
	if idx.Links, err = list("links", len(f.Links), func(i int) (any, any, string) {
		return f.Links[i], f.Links[i], f.Links[i].A
	}); err != nil {
		return err
	}
	if idx.Clusters, err = list("clusters", len(f.Clusters), func(i int) (any, any, string) {
		x := f.Clusters[i]
		return clusterKey{x.ID, strings.Join(x.Claims, "\x00"), strings.Join(x.Sources, "\x00")}, x, x.ID
	}); err != nil {
		return err
	}
	if c != nil {
		c.prev, c.cur = c.cur, nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(idx); err != nil {
		return err
	}
	return put("claims.json", buf.Bytes())
}

// clusterKey is a jsonCluster as a map key.
type clusterKey struct{ id, claims, sources string }
