package annotate

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"sort"
	"strings"

	"github.com/brief-dev/brief/internal/brief"
)

// Clusters groups claims into facts as stars, never by chains: a
// fact's representative (Rep) is the claim with the most support, and
// its other claims each agree with the representative directly. Joining
// through a third claim (A~B, B~C putting A and C together) is what the
// union of agree links did, and it gave facts whose shown sentence its
// sources did not say.
//
// Claims are taken as centres in order of support: the number of other
// sources agreeing with them, then the sum of those links' scores, then
// ID. A centre takes its unassigned agreeing neighbours, strongest link
// first, skipping one whose source the fact already has, that disagrees
// with a claim already in it, whose source denies or negates a claim
// already in it, or that a source of the fact denies or negates. A centre that gains no neighbour
// stays free to join a later centre. Every step is a pass over the
// links, so the cost is O(L log L) in the number of links.
func Clusters(claims []*brief.Claim, links []brief.Link) []brief.Cluster {
	srcOf := make(map[string]string, len(claims))
	for _, c := range claims {
		srcOf[c.ID] = c.Source
	}
	type edge struct {
		to    string
		score float64
	}
	agree := map[string][]edge{}
	against := map[string]map[string]bool{}
	// deniedBy are, per claim, the sources that deny or negate it: a
	// source that says a fact is false is none of its sources, whatever
	// else it retells.
	deniedBy := map[string][]string{}
	for _, l := range links {
		if srcOf[l.A] == "" || srcOf[l.B] == "" || srcOf[l.A] == srcOf[l.B] {
			continue
		}
		switch l.Relation {
		case brief.Agree:
			agree[l.A] = append(agree[l.A], edge{l.B, l.Score})
			agree[l.B] = append(agree[l.B], edge{l.A, l.Score})
		case brief.Disagree:
			if l.Kind == brief.KindDenial || l.Kind == brief.KindNegation {
				deniedBy[l.A] = append(deniedBy[l.A], srcOf[l.B])
				deniedBy[l.B] = append(deniedBy[l.B], srcOf[l.A])
			}
			for _, p := range [][2]string{{l.A, l.B}, {l.B, l.A}} {
				if against[p[0]] == nil {
					against[p[0]] = map[string]bool{}
				}
				against[p[0]][p[1]] = true
			}
		}
	}
	type cand struct {
		id      string
		sources int
		weight  float64
	}
	var order []cand
	for id, es := range agree {
		srcs := map[string]bool{}
		w := 0.0
		for _, e := range es {
			srcs[srcOf[e.to]] = true
			w += e.score
		}
		sort.Slice(es, func(i, j int) bool {
			if es[i].score != es[j].score {
				return es[i].score > es[j].score
			}
			return es[i].to < es[j].to
		})
		order = append(order, cand{id, len(srcs), w})
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if a.sources != b.sources {
			return a.sources > b.sources
		}
		if a.weight != b.weight {
			return a.weight > b.weight
		}
		return a.id < b.id
	})
	taken := map[string]bool{}
	var out []brief.Cluster
	for _, c := range order {
		if taken[c.id] {
			continue
		}
		members := []string{c.id}
		in := map[string]bool{c.id: true}
		has := map[string]bool{srcOf[c.id]: true}
		denying := map[string]bool{} // sources denying a member
		for _, s := range deniedBy[c.id] {
			denying[s] = true
		}
		for _, e := range agree[c.id] {
			if taken[e.to] || has[srcOf[e.to]] || opposes(against[e.to], in) || denying[srcOf[e.to]] ||
				slices.ContainsFunc(deniedBy[e.to], func(s string) bool { return has[s] }) {
				continue
			}
			members = append(members, e.to)
			in[e.to] = true
			has[srcOf[e.to]] = true
			for _, s := range deniedBy[e.to] {
				denying[s] = true
			}
		}
		if len(members) < 2 {
			continue
		}
		for _, m := range members {
			taken[m] = true
		}
		sort.Strings(members)
		srcs := make([]string, 0, len(has))
		for s := range has {
			srcs = append(srcs, s)
		}
		sort.Strings(srcs)
		h := sha256.Sum256([]byte(strings.Join(members, "\x00")))
		out = append(out, brief.Cluster{ID: "f-" + hex.EncodeToString(h[:4]), Claims: members, Sources: srcs, Rep: c.id})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Claims[0] < out[j].Claims[0] })
	return out
}

// opposes reports whether a claim whose disagreements are against
// disagrees with a claim of in; the cost is the claim's disagreements.
func opposes(against, in map[string]bool) bool {
	for x := range against {
		if in[x] {
			return true
		}
	}
	return false
}
