package annotate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/brief-dev/brief/internal/brief"
)

// jsonFile is everything claims.json and its pages hold, as lists.
type jsonFile struct {
	Version  int           `json:"version"`
	Sources  []jsonSource  `json:"sources"`
	Claims   []jsonClaim   `json:"claims"`
	Links    []jsonLinks   `json:"links"`
	Clusters []jsonCluster `json:"clusters"`
}

// jsonVersion is the schema version of claims.json and its pages.
// Version 3 dropped a claim's anchor (its source's page + "#" + its ID)
// and wrote the links of each claim as one item, without the relation
// or kind that started each reason: 27.9 -> 21.5 MB at 1,000 articles.
const jsonVersion = 3

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
}

// jsonLinks is an item of the links list: links of claim A, to claims
// whose IDs sort after it, by relation. A claim's links are one item,
// or consecutive items of at most jsonLinksMax links each, so that an
// item stays small however many sources report the claim.
type jsonLinks struct {
	A        string       `json:"a"`
	Agree    []jsonLinkTo `json:"agree,omitempty"`
	Disagree []jsonLinkTo `json:"disagree,omitempty"`
	part     int          // which of A's items (from 0): with A, the cache's key
}

// jsonLinkTo is one link of a jsonLinks: the other claim, the kind of a
// disagreement, the score and the reason without its leading relation
// or kind ("both report …", not "agree: both report …").
type jsonLinkTo struct {
	B      string  `json:"b"`
	Kind   string  `json:"kind,omitempty"`
	Score  float64 `json:"score"`
	Reason string  `json:"reason"`
}

// jsonLinksMax is the most links an item of the links list holds.
const jsonLinksMax = 100

// linkReason returns l's reason without the "agree: " or "<kind>: "
// it starts with (the item already says both); a reason written in
// annotations.yaml without one is kept whole.
func linkReason(l *brief.Link) string {
	p := string(l.Relation)
	if l.Relation == brief.Disagree {
		p = string(l.Kind)
	}
	if p == "" {
		return l.Reason
	}
	if r, ok := strings.CutPrefix(l.Reason, p+": "); ok {
		return r
	}
	return l.Reason
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
// ("sources/<id>/"), a source's "page"; a claim's URL is its source's
// page + "#" + claim ID.
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
	out := jsonFile{Version: jsonVersion, Sources: make([]jsonSource, 0, len(a.Sources)), Claims: make([]jsonClaim, 0, len(a.Claims)),
		Clusters: make([]jsonCluster, 0, len(a.Clusters))}
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
		out.Claims = append(out.Claims, jsonClaim{ID: c.ID, Source: c.Source, Text: c.Text})
	}
	// Links come sorted by A, so a claim's links are consecutive.
	var cur *jsonLinks
	for i := range a.Links {
		l := &a.Links[i]
		if draftClaim[l.A] || draftClaim[l.B] {
			continue
		}
		if cur == nil || cur.A != l.A || len(cur.Agree)+len(cur.Disagree) == jsonLinksMax {
			part := 0
			if cur != nil && cur.A == l.A {
				part = cur.part + 1
			}
			out.Links = append(out.Links, jsonLinks{A: l.A, part: part})
			cur = &out.Links[len(out.Links)-1]
		}
		to := jsonLinkTo{B: l.B, Score: l.Score, Reason: linkReason(l)}
		if l.Relation == brief.Disagree {
			to.Kind = string(l.Kind)
			cur.Disagree = append(cur.Disagree, to)
		} else {
			cur.Agree = append(cur.Agree, to)
		}
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

// JSONCache keeps the encoded elements of claims.json's pages and the
// pages themselves between calls of its WriteJSON: after an edit, most
// of a large file's sources, claims, links and clusters are copied, not
// encoded, and a page whose elements are all those of the page with its
// number in the last call is that page's bytes. An element is found by
// its ID and compared whole with the last call's, so only elements that
// changed are encoded again.
// A JSONCache is safe for concurrent use; the zero value is ready.
type JSONCache struct {
	mu       sync.Mutex
	sources  elemCache[jsonSource, string]
	claims   elemCache[jsonClaim, string]
	links    elemCache[jsonLinks, linksKey]
	clusters elemCache[jsonCluster, string]
}

// WriteJSON is the package's WriteJSON, with c keeping what it encoded.
// The output is the same.
func (c *JSONCache) WriteJSON(put func(path string, data []byte) error, a *brief.Annotation, page func(sourceID string) string) error {
	return writeJSON(put, a, page, c)
}

// elemCache is what a JSONCache keeps of one list: the elements of the
// last call, their encodings, and its pages.
type elemCache[T any, K comparable] struct {
	vals  []T
	enc   [][]byte
	at    map[K]int // index in vals by key, made when first needed
	pages []cachedPage
}

// cachedPage is a page of the last call: the run of elements it holds
// (indexes in vals) and its bytes.
type cachedPage struct {
	lo, hi int
	header string
	data   []byte
}

// linksKey names an item of the links list: its claim and which of
// the claim's items it is.
type linksKey struct {
	a    string
	part int
}

// listWriter writes the pages of one list (see JSONCache.write).
type listWriter[T any, K comparable] struct {
	c    *elemCache[T, K] // nil: no cache
	key  func(*T) K
	eq   func(*T, *T) bool
	id   func(*T) string
	next int // where in c.vals the next element is looked for first
}

// encode returns v encoded as an element of a page (compact, on one
// line) and its index in the last call's list, or -1.
func (w *listWriter[T, K]) encode(v *T) ([]byte, int, error) {
	if c := w.c; c != nil && len(c.vals) > 0 {
		// Lists keep their order, so the element after the last one
		// found is tried before the map.
		k := w.next
		if k >= len(c.vals) || !w.eq(&c.vals[k], v) {
			if c.at == nil {
				c.at = make(map[K]int, len(c.vals))
				for i := range c.vals {
					c.at[w.key(&c.vals[i])] = i
				}
			}
			var ok bool
			if k, ok = c.at[w.key(v)]; !ok || !w.eq(&c.vals[k], v) {
				k = -1
			}
		}
		if k >= 0 {
			w.next = k + 1
			return c.enc[k], k, nil
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, -1, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), -1, nil
}

// write writes the pages of the list vals named name and returns its
// entry of the index: elements are added to a page while it stays
// within JSONPageBytes (a page has at least one).
func (w *listWriter[T, K]) write(put func(path string, data []byte) error, version int, name string, vals []T) (jsonList, error) {
	l := jsonList{Count: len(vals), Pages: []jsonPageInfo{}}
	enc := make([][]byte, len(vals))
	var pages []cachedPage
	var info jsonPageInfo
	var header string
	lo, size := 0, 0
	// reused is whether the elements lo..i-1 are, in order, those of
	// the last call's page with this page's number.
	reused, from := true, -1
	flush := func(hi int) error {
		var data []byte
		if old := w.oldPage(len(l.Pages)); reused && old != nil && old.header == header && from == old.lo && from+hi-lo == old.hi {
			data = old.data
		} else {
			// The elements' encodings are kept as parts of the page
			// (data has room for all of it): the cache then holds each
			// page's bytes once, not again element by element.
			data = make([]byte, 0, size+3)
			data = append(data, header...)
			for i := lo; i < hi; i++ {
				if i > lo {
					data = append(data, ',')
				}
				at := len(data)
				data = append(data, enc[i]...)
				enc[i] = data[at:len(data):len(data)]
			}
			data = append(data, "]}\n"...)
		}
		if err := put(info.Path, data); err != nil {
			return err
		}
		pages = append(pages, cachedPage{lo, hi, header, data})
		l.Pages = append(l.Pages, info)
		info = jsonPageInfo{}
		return nil
	}
	for i := range vals {
		v := &vals[i]
		b, k, err := w.encode(v)
		if err != nil {
			return l, err
		}
		enc[i] = b
		if info.Count > 0 && size+len(b)+16 > JSONPageBytes {
			if err := flush(i); err != nil {
				return l, err
			}
		}
		if info.Count == 0 {
			info.Path = fmt.Sprintf("claims/%s-%d.json", name, len(l.Pages)+1)
			info.First = w.id(v)
			header = fmt.Sprintf("{\"version\":%d,\"list\":%q,\"page\":%d,\"items\":[", version, name, len(l.Pages)+1)
			lo, size = i, len(header)
			reused, from = k >= 0, k
		} else {
			size++ // the comma
			reused = reused && k >= 0 && k == from+i-lo
		}
		size += len(b)
		info.Count++
		info.Last = w.id(v)
	}
	if info.Count > 0 {
		if err := flush(len(vals)); err != nil {
			return l, err
		}
	}
	if w.c != nil {
		*w.c = elemCache[T, K]{vals: vals, enc: enc, pages: pages}
	}
	return l, nil
}

// oldPage returns the last call's page n (from 0), or nil.
func (w *listWriter[T, K]) oldPage(n int) *cachedPage {
	if w.c == nil || n >= len(w.c.pages) {
		return nil
	}
	return &w.c.pages[n]
}

// write writes f's index and pages, each as json.Encoder with
// SetEscapeHTML(false) would write a jsonIndex or a jsonPage, compact
// (TestJSONPages), encoding each element once. Compact, the pages of
// 1,000 articles are 25 MB instead of 35 MB indented.
func (c *JSONCache) write(put func(path string, data []byte) error, f *jsonFile) error {
	if c == nil {
		c = &JSONCache{} // filled and dropped
	} else {
		c.mu.Lock()
		defer c.mu.Unlock()
	}
	idx := jsonIndex{Version: f.Version}
	var err error
	if idx.Sources, err = (&listWriter[jsonSource, string]{c: &c.sources,
		key: func(x *jsonSource) string { return x.ID },
		eq:  func(x, y *jsonSource) bool { return *x == *y },
		id:  func(x *jsonSource) string { return x.ID },
	}).write(put, f.Version, "sources", f.Sources); err != nil {
		return err
	}
	if idx.Claims, err = (&listWriter[jsonClaim, string]{c: &c.claims,
		key: func(x *jsonClaim) string { return x.ID },
		eq:  func(x, y *jsonClaim) bool { return *x == *y },
		id:  func(x *jsonClaim) string { return x.ID },
	}).write(put, f.Version, "claims", f.Claims); err != nil {
		return err
	}
	if idx.Links, err = (&listWriter[jsonLinks, linksKey]{c: &c.links,
		key: func(x *jsonLinks) linksKey { return linksKey{x.A, x.part} },
		eq: func(x, y *jsonLinks) bool {
			return x.A == y.A && x.part == y.part && slices.Equal(x.Agree, y.Agree) && slices.Equal(x.Disagree, y.Disagree)
		},
		id: func(x *jsonLinks) string { return x.A },
	}).write(put, f.Version, "links", f.Links); err != nil {
		return err
	}
	if idx.Clusters, err = (&listWriter[jsonCluster, string]{c: &c.clusters,
		key: func(x *jsonCluster) string { return x.ID },
		eq: func(x, y *jsonCluster) bool {
			return x.ID == y.ID && slices.Equal(x.Claims, y.Claims) && slices.Equal(x.Sources, y.Sources)
		},
		id: func(x *jsonCluster) string { return x.ID },
	}).write(put, f.Version, "clusters", f.Clusters); err != nil {
		return err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(idx); err != nil {
		return err
	}
	return put("claims.json", buf.Bytes())
}
