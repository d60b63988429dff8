package build

import (
	"math"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/brief-dev/brief/internal/brief"
)

// analysis indexes an Annotation for the pages: claims by ID, links by
// claim, and facts (clusters of agreeing claims, or a lone claim).
type analysis struct {
	ann      *brief.Annotation
	sources  []*brief.Source // the articles, sorted by ID, without the draft
	draft    *brief.Source
	src      map[string]*brief.Source
	claim    map[string]*brief.Claim
	links    map[string][]linkEnd // by claim ID, both ends
	facts    []*fact              // clusters first, in annotation order
	factOf   map[string]*fact     // by claim ID
	bySource map[string][]*brief.Claim

	pointsOnce sync.Once
	points     []*point
	pointOf    map[*fact]*point // the first point a fact is a version of
	// pointPage is the page that holds each contested point, by point ID,
	// as a path from the site root ("briefing/2/"); a point it does not
	// name is on the index. See pointHref.
	pointPage map[string]string
}

// fact is a set of claims reporting the same thing.
type fact struct {
	id      string
	claims  []*brief.Claim // sorted by source, without draft claims
	sources []string       // sorted source IDs, without the draft
	best    *brief.Claim   // the sentence shown: the cluster's Rep
	rep     string
}

func analyze(ann *brief.Annotation) *analysis {
	a := &analysis{
		ann:      ann,
		src:      map[string]*brief.Source{},
		claim:    map[string]*brief.Claim{},
		links:    map[string][]linkEnd{},
		factOf:   map[string]*fact{},
		bySource: map[string][]*brief.Claim{},
	}
	for _, s := range ann.Sources {
		a.src[s.ID] = s
		if s.Draft {
			a.draft = s
		} else {
			a.sources = append(a.sources, s)
		}
	}
	sort.Slice(a.sources, func(i, j int) bool { return a.sources[i].ID < a.sources[j].ID })
	for _, c := range ann.Claims {
		a.claim[c.ID] = c
		a.bySource[c.Source] = append(a.bySource[c.Source], c)
	}
	for i := range ann.Links {
		l := &ann.Links[i]
		if a.claim[l.A] == nil || a.claim[l.B] == nil {
			continue
		}
		ca, cb := a.claim[l.A], a.claim[l.B]
		a.links[l.A] = append(a.links[l.A], linkEnd{l, cb, a.src[cb.Source]})
		a.links[l.B] = append(a.links[l.B], linkEnd{l, ca, a.src[ca.Source]})
	}
	for _, cl := range ann.Clusters {
		f := &fact{id: cl.ID, rep: cl.Rep}
		for _, id := range cl.Claims {
			if c := a.claim[id]; c != nil && !a.isDraft(c) && a.factOf[id] == nil {
				f.claims = append(f.claims, c)
				a.factOf[id] = f
			}
		}
		if len(f.claims) > 0 {
			a.addFact(f)
		}
	}
	for _, c := range ann.Claims {
		if a.factOf[c.ID] == nil && !a.isDraft(c) && c.Kind == brief.KindClaim {
			f := &fact{id: c.ID, claims: []*brief.Claim{c}}
			a.factOf[c.ID] = f
			a.addFact(f)
		}
	}
	return a
}

func (a *analysis) addFact(f *fact) {
	seen := map[string]bool{}
	for _, c := range f.claims {
		if !seen[c.Source] {
			seen[c.Source] = true
			f.sources = append(f.sources, c.Source)
		}
	}
	sort.Strings(f.sources)
	sort.SliceStable(f.claims, func(i, j int) bool { return f.claims[i].Source < f.claims[j].Source })
	// The sentence shown is the one every claim agrees with; without a
	// representative (a lone claim) the most informative.
	for _, c := range f.claims {
		if c.ID == f.rep {
			f.best = c
		}
	}
	if f.best == nil {
		f.best = bestClaim(f.claims)
	}
	a.facts = append(a.facts, f)
}

func (a *analysis) isDraft(c *brief.Claim) bool {
	s := a.src[c.Source]
	return s != nil && s.Draft
}

// other returns the claim at the other end of l from id.
func (a *analysis) other(l linkEnd, id string) *brief.Claim { return l.other }

// linkEnd is a link as seen from one of its claims: the link (into
// ann.Links, not a copy: copies were 34 MB at 1,000 articles), the claim
// at the other end and its source (nil if unknown). Pages look at every
// link of every claim; finding the other end by ID in maps of 375,000
// claims cost 1.8 s of CPU at 10,000 articles.
type linkEnd struct {
	*brief.Link
	other    *brief.Claim
	otherSrc *brief.Source
}

// established is the number of sources a fact needs to count as
// established: at least half of them, and never fewer than two.
func (a *analysis) established() int {
	return max(2, int(math.Ceil(float64(len(a.sources))/2)))
}

// contested reports whether f is a version of a contested point.
func (a *analysis) contested(f *fact) bool { return a.contestID(f) != "" }

// agreed reports whether another source (not the draft) agrees with c.
func (a *analysis) agreed(c *brief.Claim) bool {
	if f := a.factOf[c.ID]; f != nil && len(f.sources) > 1 {
		return true
	}
	for _, l := range a.links[c.ID] {
		if o := a.other(l, c.ID); l.Relation == brief.Agree && !a.isDraft(o) && o.Source != c.Source {
			return true
		}
	}
	return false
}

// bestClaim picks the sentence that states a fact best: the one naming
// the most entities and numbers, then the longest, then the first.
func bestClaim(cs []*brief.Claim) *brief.Claim {
	var best *brief.Claim
	bs := -1
	for _, c := range cs {
		s := informative(c.Text)*1000 + min(len(c.Text), 999)
		if s > bs {
			best, bs = c, s
		}
	}
	return best
}

// informative counts capitalised words after the first and numbers.
func informative(s string) int {
	n := 0
	for i, w := range strings.Fields(s) {
		r := []rune(w)
		switch {
		case len(r) == 0:
		case unicode.IsDigit(r[0]):
			n++
		case i > 0 && unicode.IsUpper(r[0]):
			n++
		}
	}
	return n
}

// label names a source for readers: its outlet, else the first words of
// its title (a label is repeated in every note and list of sources, so a
// whole headline would drown the text), else its ID.
func label(s *brief.Source) string {
	switch {
	case s == nil:
		return ""
	case s.Outlet != "":
		return s.Outlet
	case s.Title != "":
		return shortTitle(s.Title, 6)
	}
	return s.ID
}

// shortTitle returns the first n words of title, with an ellipsis when
// words were dropped.
func shortTitle(title string, n int) string {
	words := strings.Fields(title)
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	return strings.TrimRight(strings.Join(words[:n], " "), ",;:.–—-") + "…"
}
