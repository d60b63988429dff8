package build

import (
	"sort"
	"strconv"
	"strings"

	"github.com/brief-dev/brief/internal/brief"
)

// maxVersions bounds the versions of one contested point.
const maxVersions = 4

// point is one contested point: a fact (versions[0]) and the facts that
// contradict it on one slot (kind), none agreeing with another.
type point struct {
	id       string
	kind     brief.DisagreeKind
	versions []*fact
	reasons  []pointReason
}

// pointReason is the link that explains why versions a and b differ.
type pointReason struct {
	a, b int
	link brief.Link
}

type factPair [2]*fact

func pairOf(x, y *fact) factPair {
	if y.id < x.id {
		x, y = y, x
	}
	return factPair{x, y}
}

// contestPoints groups disagreements into points without chaining.
// Facts are asked about in order of support (most sources, then ID);
// each takes, per kind of disagreement, the facts that disagree with it
// directly on that kind and were not yet shown against it, most
// reported first, skipping one that agrees with it or with a version
// already taken (it is that version told again). Past maxVersions the
// rest make another point about the same fact. Each disagreeing pair of
// facts is shown once; the cost is linear in the disagree links (and
// the agree links between facts that also disagree).
func (a *analysis) contestPoints() []*point {
	a.pointsOnce.Do(func() {
		byPair := map[factPair][]brief.Link{}
		against := map[*fact][]*fact{}
		for _, l := range a.ann.Links {
			if l.Relation != brief.Disagree {
				continue
			}
			fa, fb := a.factOf[l.A], a.factOf[l.B]
			if fa == nil || fb == nil || fa == fb {
				continue
			}
			p := pairOf(fa, fb)
			if byPair[p] == nil {
				against[fa] = append(against[fa], fb)
				against[fb] = append(against[fb], fa)
			}
			byPair[p] = append(byPair[p], l)
		}
		// Facts that also agree: never versions of one point.
		agrees := map[factPair]bool{}
		for _, l := range a.ann.Links {
			if l.Relation != brief.Agree {
				continue
			}
			fa, fb := a.factOf[l.A], a.factOf[l.B]
			if fa != nil && fb != nil && fa != fb && (against[fa] != nil || against[fb] != nil) {
				agrees[pairOf(fa, fb)] = true
			}
		}
		var pivots []*fact
		for f := range against {
			pivots = append(pivots, f)
		}
		bySupport := func(fs []*fact) {
			sort.Slice(fs, func(i, j int) bool {
				if len(fs[i].sources) != len(fs[j].sources) {
					return len(fs[i].sources) > len(fs[j].sources)
				}
				return fs[i].id < fs[j].id
			})
		}
		bySupport(pivots)
		used := map[factPair]bool{}
		made := map[string]int{} // points per fact and kind
		a.pointOf = map[*fact]*point{}
		for _, f := range pivots {
			others := against[f]
			bySupport(others)
			for _, kind := range pairKinds(f, others, byPair) {
				var cands []*fact
				for _, g := range others {
					p := pairOf(f, g)
					if used[p] || agrees[p] || !hasKind(byPair[p], kind) {
						continue
					}
					cands = append(cands, g)
				}
				for len(cands) > 0 {
					pt := &point{id: "contest-" + f.id + "-" + string(kind), kind: kind, versions: []*fact{f}}
					if n := made[pt.id]; n > 0 {
						pt.id += "-" + strconv.Itoa(n+1)
					}
					var rest []*fact
					for _, g := range cands {
						same := false
						for _, v := range pt.versions[1:] {
							if agrees[pairOf(v, g)] {
								same = true
							}
						}
						switch {
						case same:
							used[pairOf(f, g)] = true // shown by the version it agrees with
						case len(pt.versions) < maxVersions:
							pt.versions = append(pt.versions, g)
							used[pairOf(f, g)] = true
						default:
							rest = append(rest, g)
						}
					}
					cands = rest
					if len(pt.versions) < 2 {
						break
					}
					for i, x := range pt.versions {
						for j := i + 1; j < len(pt.versions); j++ {
							p := pairOf(x, pt.versions[j])
							if l, ok := bestReason(byPair[p], x, pt.versions[j]); ok {
								pt.reasons = append(pt.reasons, pointReason{i, j, l})
								used[p] = true
							}
						}
					}
					made["contest-"+f.id+"-"+string(kind)]++
					a.points = append(a.points, pt)
					for _, v := range pt.versions {
						if a.pointOf[v] == nil {
							a.pointOf[v] = pt
						}
					}
				}
			}
		}
	})
	return a.points
}

// pairKinds returns the kinds of f's disagreements, sorted.
func pairKinds(f *fact, others []*fact, byPair map[factPair][]brief.Link) []brief.DisagreeKind {
	seen := map[brief.DisagreeKind]bool{}
	var out []brief.DisagreeKind
	for _, g := range others {
		for _, l := range byPair[pairOf(f, g)] {
			if !seen[l.Kind] {
				seen[l.Kind] = true
				out = append(out, l.Kind)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func hasKind(ls []brief.Link, kind brief.DisagreeKind) bool {
	for _, l := range ls {
		if l.Kind == kind {
			return true
		}
	}
	return false
}

// bestReason picks the link that explains two versions best: the one
// between their shown sentences, else the highest score, then by IDs.
func bestReason(ls []brief.Link, x, y *fact) (brief.Link, bool) {
	var best brief.Link
	found, bestRank := false, -1
	for _, l := range ls {
		rank := 0
		if (l.A == x.best.ID || l.B == x.best.ID) && (l.A == y.best.ID || l.B == y.best.ID) {
			rank = 2
		} else if l.A == x.best.ID || l.B == x.best.ID || l.A == y.best.ID || l.B == y.best.ID {
			rank = 1
		}
		if !found || rank > bestRank || rank == bestRank && (l.Score > best.Score ||
			l.Score == best.Score && (l.A < best.A || l.A == best.A && l.B < best.B)) {
			best, bestRank, found = l, rank, true
		}
	}
	return best, found
}

// contestID returns the ID of the first point f is a version of, or "".
func (a *analysis) contestID(f *fact) string {
	a.contestPoints()
	if p := a.pointOf[f]; p != nil {
		return p.id
	}
	return ""
}

// contests returns the contested points for the index page.
func (a *analysis) contests(root string) []contestView {
	var out []contestView
	for _, p := range a.contestPoints() {
		cv := contestView{ID: p.id, Kinds: []string{string(p.kind)}}
		// The words each reason quotes, to mark in the versions.
		quoted := make([]map[string]bool, len(p.versions))
		for i := range quoted {
			quoted[i] = map[string]bool{}
		}
		for _, r := range p.reasons {
			cv.Reasons = append(cv.Reasons, reasonView{A: r.a + 1, B: r.b + 1, Kind: string(r.link.Kind), Text: r.link.Reason})
			for _, w := range reasonWords(r.link.Reason) {
				quoted[r.a][w] = true
				quoted[r.b][w] = true
			}
		}
		texts := make([]map[string]bool, len(p.versions))
		for i, f := range p.versions {
			texts[i] = map[string]bool{}
			for _, w := range strings.Fields(f.best.Text) {
				texts[i][normQuote(w)] = true
			}
		}
		for i, f := range p.versions {
			vv := variantView{N: i + 1, Text: f.best.Text, Href: root + "sources/" + f.best.Source + "/#" + f.best.ID}
			vv.Words = diffWords(f.best.Text, "")
			for k := range vv.Words {
				w := normQuote(vv.Words[k].Text)
				if !quoted[i][w] {
					continue
				}
				// A quoted word differs when another version lacks it.
				for j := range p.versions {
					if j != i && !texts[j][w] {
						vv.Words[k].Diff = true
					}
				}
			}
			for _, c := range f.claims {
				vv.Sources = append(vv.Sources, srcRef{Outlet: label(a.src[c.Source]), Title: a.src[c.Source].Title,
					Href: root + "sources/" + c.Source + "/#" + c.ID})
			}
			cv.Variants = append(cv.Variants, vv)
		}
		out = append(out, cv)
	}
	return out
}

// reasonWords returns the normalised words a reason quotes
// (`number: “three-year-long war” vs “two-year war”`).
func reasonWords(reason string) []string {
	var out []string
	for {
		i := strings.Index(reason, "“")
		if i < 0 {
			return out
		}
		reason = reason[i+len("“"):]
		j := strings.Index(reason, "”")
		if j < 0 {
			return out
		}
		for _, w := range strings.Fields(reason[:j]) {
			if n := normQuote(w); n != "" {
				out = append(out, n)
			}
		}
		reason = reason[j+len("”"):]
	}
}
