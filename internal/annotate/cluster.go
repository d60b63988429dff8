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
//
// Claims and sources are numbered (their first place in claims and in
// the order of first use), so that the pass works on slices rather than
// on maps of IDs; ties are broken by IDs as before.
func Clusters(claims []*brief.Claim, links []brief.Link) []brief.Cluster {
	// Claim numbers by ID (a repeated ID is the last claim's, as a
	// map of sources by ID had it), and source numbers.
	num := make(map[string]int32, len(claims))
	var ids []string  // by claim number
	var srcOf []int32 // by claim number: its source's number, -1 for none
	srcNum := map[string]int32{}
	var srcs []string // by source number
	for _, c := range claims {
		n, ok := num[c.ID]
		if !ok {
			n = int32(len(ids))
			num[c.ID] = n
			ids = append(ids, c.ID)
			srcOf = append(srcOf, -1)
		}
		srcOf[n] = -1
		if c.Source != "" {
			sn, ok := srcNum[c.Source]
			if !ok {
				sn = int32(len(srcs))
				srcNum[c.Source] = sn
				srcs = append(srcs, c.Source)
			}
			srcOf[n] = sn
		}
	}
	type edge struct {
		to    int32
		score float64
	}
	agree := make([][]edge, len(ids))
	against := make([][]int32, len(ids)) // the claims each disagrees with
	// deniedBy are, per claim, the sources that deny or negate it or say
	// its opposite: a
	// source that says a fact is false is none of its sources, whatever
	// else it retells.
	deniedBy := make([][]int32, len(ids))
	for _, l := range links {
		a, okA := num[l.A]
		b, okB := num[l.B]
		if !okA || !okB || srcOf[a] < 0 || srcOf[b] < 0 || srcOf[a] == srcOf[b] {
			continue
		}
		switch l.Relation {
		case brief.Agree:
			agree[a] = append(agree[a], edge{b, l.Score})
			agree[b] = append(agree[b], edge{a, l.Score})
		case brief.Disagree:
			if l.Kind == brief.KindDenial || l.Kind == brief.KindNegation || l.Kind == brief.KindOpposite {
				deniedBy[a] = append(deniedBy[a], srcOf[b])
				deniedBy[b] = append(deniedBy[b], srcOf[a])
			}
			if !slices.Contains(against[a], b) {
				against[a] = append(against[a], b)
			}
			if !slices.Contains(against[b], a) {
				against[b] = append(against[b], a)
			}
		}
	}
	type cand struct {
		id      int32
		sources int
		weight  float64
	}
	var order []cand
	seenSrc := make([]int32, len(srcs)) // stamps: the candidate that last saw the source, plus one
	for id, es := range agree {
		if len(es) == 0 {
			continue
		}
		n, w := 0, 0.0
		for _, e := range es {
			if s := srcOf[e.to]; seenSrc[s] != int32(id)+1 {
				seenSrc[s] = int32(id) + 1
				n++
			}
			w += e.score
		}
		slices.SortFunc(es, func(x, y edge) int {
			if x.score != y.score {
				if x.score > y.score {
					return -1
				}
				return 1
			}
			return strings.Compare(ids[x.to], ids[y.to])
		})
		order = append(order, cand{int32(id), n, w})
	}
	slices.SortFunc(order, func(a, b cand) int {
		if a.sources != b.sources {
			return b.sources - a.sources
		}
		if a.weight != b.weight {
			if a.weight > b.weight {
				return -1
			}
			return 1
		}
		return strings.Compare(ids[a.id], ids[b.id])
	})
	taken := make([]bool, len(ids))
	// Per centre, by stamp (the centre's place in order, plus one): the
	// claims in its fact, its sources, and the sources denying a member.
	in := make([]int32, len(ids))
	has := make([]int32, len(srcs))
	denying := make([]int32, len(srcs))
	var out []brief.Cluster
	var members []int32
	for k, c := range order {
		if taken[c.id] {
			continue
		}
		stamp := int32(k) + 1
		members = append(members[:0], c.id)
		in[c.id] = stamp
		has[srcOf[c.id]] = stamp
		for _, s := range deniedBy[c.id] {
			denying[s] = stamp
		}
		for _, e := range agree[c.id] {
			if taken[e.to] || has[srcOf[e.to]] == stamp || slices.ContainsFunc(against[e.to], func(x int32) bool { return in[x] == stamp }) ||
				denying[srcOf[e.to]] == stamp || slices.ContainsFunc(deniedBy[e.to], func(s int32) bool { return has[s] == stamp }) {
				continue
			}
			members = append(members, e.to)
			in[e.to] = stamp
			has[srcOf[e.to]] = stamp
			for _, s := range deniedBy[e.to] {
				denying[s] = stamp
			}
		}
		if len(members) < 2 {
			continue
		}
		memberIDs := make([]string, len(members))
		srcIDs := make([]string, len(members)) // a member for each source
		for i, m := range members {
			taken[m] = true
			memberIDs[i] = ids[m]
			srcIDs[i] = srcs[srcOf[m]]
		}
		sort.Strings(memberIDs)
		sort.Strings(srcIDs)
		h := sha256.Sum256([]byte(strings.Join(memberIDs, "\x00")))
		out = append(out, brief.Cluster{ID: "f-" + hex.EncodeToString(h[:4]), Claims: memberIDs, Sources: srcIDs, Rep: ids[c.id]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Claims[0] < out[j].Claims[0] })
	return out
}
