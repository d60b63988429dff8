package annotate

import (
	"cmp"
	"slices"

	"github.com/brief-dev/brief/internal/brief"
)

// An article that debunks a story also retells it: "Dylan Thomas says he
// had a spider crawl underneath his skin" beside "Spiders don't burrow
// in skin" and "it is not plausible". The retelling agrees, sentence by
// sentence, with the articles that report the story as true, and its
// denial rarely looks like them: it names the story with its most
// common words, and in a corpus about one story those propose no
// candidates (maxPosting), so the article was counted among the sources
// of the fact it denies.
//
// debunkFloor is the probability above which a pair of claims says that
// their two sources speak of one story, for debunked: lower than
// statusFloor, since a retelling in a debunking article is often hedged
// or partial ("The frightening story about a spider that reportedly
// burrowed through an Australian man's surgery scar …", p 0.07 against
// the headline it retells).
const debunkFloor = 0.05

// debunked reads the article as a whole. For an agree link between a
// claim r of source S and a claim h of another source, every negation or
// denial d of S is checked against h (polarityConflict, as for an
// aligned pair): when d denies what h states, d and h disagree, and r's
// agreement with h is dropped, since S states h only to deny it (as a
// hedged report is no agreement, see hedgedOnly). An agree link is also
// dropped when S already has such a disagreement with h from the pass.
// The cost is the agree links times the negations of their sources.
func (c *corpus) debunked(links []brief.Link, ends [][2]int, results []pairResult) []brief.Link {
	// The claims of each source with a negation or denial.
	neg := map[int][]int{}
	for k, n := range c.nodes {
		if len(n.f.pols) > 0 {
			neg[n.src] = append(neg[n.src], k)
		}
	}
	if len(neg) == 0 {
		return links
	}
	// Pairs of ints as map keys: maps of uint64 keys are the fastest,
	// and the loop below is the cost of debunked.
	pair := func(a, b int) uint64 { return uint64(a)<<32 | uint64(uint32(b)) }
	linked := make(map[uint64]bool, len(ends))
	denies := map[uint64]bool{} // source, claim of another source it denies
	for k, e := range ends {
		linked[pair(min(e[0], e[1]), max(e[0], e[1]))] = true
		if l := links[k]; l.Relation == brief.Disagree && (l.Kind == brief.KindDenial || l.Kind == brief.KindNegation) {
			denies[pair(c.nodes[e[0]].src, e[1])] = true
			denies[pair(c.nodes[e[1]].src, e[0])] = true
		}
	}
	// The same claim h is checked against the same negations once for
	// each claim of their source that agrees with it: what is a function
	// of h and a negation alone is remembered.
	states := statesMemo{}
	negated := map[uint64]bool{} // source, negation: sourceNegates
	// New disagreements, in the order of the agree links they come from.
	var added []brief.Link
	for _, res := range results {
		if res.p < debunkFloor {
			continue
		}
		e := [2]int{res.i, res.j}
		for _, side := range [][2]int{{e[0], e[1]}, {e[1], e[0]}} {
			r, h := side[0], side[1]
			s := c.nodes[r].src
			for _, d := range neg[s] {
				p := pair(min(d, h), max(d, h))
				if d == r || linked[p] {
					continue
				}
				f, ok := polarityConflict(c.nodes[d], c.nodes[h], c.canon, c.lex, states)
				if !ok {
					continue
				}
				na := pair(c.nodes[h].src, d)
				no, seen := negated[na]
				if !seen {
					no = c.sourceNegates(c.nodes[h].src, c.nodes[d])
					negated[na] = no
				}
				if no {
					continue
				}
				linked[p] = true
				denies[pair(s, h)] = true
				denies[pair(c.nodes[h].src, d)] = true
				added = append(added, makeLink(c.nodes[d].f.claim.ID, c.nodes[h].f.claim.ID, f))
			}
		}
	}
	out := links[:0]
	for k, l := range links {
		e := ends[k]
		if l.Relation == brief.Agree && (denies[pair(c.nodes[e[0]].src, e[1])] || denies[pair(c.nodes[e[1]].src, e[0])]) {
			continue
		}
		out = append(out, l)
	}
	slices.SortFunc(added, func(x, y brief.Link) int {
		if c := cmp.Compare(x.A, y.A); c != 0 {
			return c
		}
		return cmp.Compare(x.B, y.B)
	})
	return append(out, added...)
}
