package build

import (
	"container/heap"
	"slices"
	"sort"
	"strings"

	"github.com/brief-dev/brief/internal/brief"
)

// maxVersions bounds the versions of one contested point.
const maxVersions = 4

// point is one contested point: one question about one fact
// (versions[0]) on one slot (kind), answered by the facts that
// contradict it there, none agreeing with another.
type point struct {
	id       string
	kind     brief.DisagreeKind
	versions []*fact
	// shown is the sentence each version shows: the claim of that fact
	// the disagreement is between, so that the words the reason quotes
	// are in it (the fact's own sentence when it is one).
	shown   []*brief.Claim
	reasons []pointReason
	// more are the facts past maxVersions that differ from versions[0]
	// on the same slot: listed under the point rather than made into
	// another point asking the same question.
	more []*fact
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

// slot is one fact and one kind of disagreement: the question a point
// asks. seen counts the facts still to be shown against it when it was
// queued; an entry whose count fell since is queued again.
type slot struct {
	f    *fact
	kind brief.DisagreeKind
	seen int
}

// slotHeap orders slots by open partners, then the fact's sources, then
// its ID and the kind, so that the result is deterministic.
type slotHeap []*slot

func (h slotHeap) Len() int { return len(h) }
func (h slotHeap) Less(i, j int) bool {
	a, b := h[i], h[j]
	if a.seen != b.seen {
		return a.seen > b.seen
	}
	if len(a.f.sources) != len(b.f.sources) {
		return len(a.f.sources) > len(b.f.sources)
	}
	if a.f.id != b.f.id {
		return a.f.id < b.f.id
	}
	return a.kind < b.kind
}
func (h slotHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *slotHeap) Push(x any)   { *h = append(*h, x.(*slot)) }
func (h *slotHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// contestPoints groups disagreements into points, one per question and
// without chaining. A question is one fact and one kind of disagreement
// (its number, a status, a title...). The question with the most facts
// contradicting it not yet shown is asked first: its fact is version 1,
// and the facts that disagree with it directly on that kind, most
// reported first, are the other versions, skipping one that agrees with
// a version already taken (it is that version told again). Past
// maxVersions the rest are listed under the point, not made into a new
// point about the same thing. Each disagreeing pair of facts is shown
// once, so the facts on the other side of a question are not asked
// about again one by one. Cost: O(E log E) in the disagree links.
func (a *analysis) contestPoints() []*point {
	a.pointsOnce.Do(func() {
		byPair := map[factPair][]brief.Link{}
		for _, l := range a.ann.Links {
			if l.Relation != brief.Disagree {
				continue
			}
			fa, fb := a.factOf[l.A], a.factOf[l.B]
			if fa == nil || fb == nil || fa == fb {
				continue
			}
			p := pairOf(fa, fb)
			byPair[p] = append(byPair[p], l)
		}
		// Facts that also agree are never versions of one point: not a
		// pair that disagrees too, nor two facts that each disagree with
		// a third (two sentences reporting the arrival, against one
		// saying the envoy is on his way, are one version).
		agrees := map[factPair]bool{}
		for _, l := range a.ann.Links {
			if l.Relation != brief.Agree {
				continue
			}
			fa, fb := a.factOf[l.A], a.factOf[l.B]
			if fa != nil && fb != nil && fa != fb {
				agrees[pairOf(fa, fb)] = true
			}
		}
		// The partners of each slot, in a fixed order.
		type slotKey struct {
			f    *fact
			kind brief.DisagreeKind
		}
		partners := map[slotKey][]*fact{}
		var keys []slotKey
		pairs := make([]factPair, 0, len(byPair))
		for p := range byPair {
			pairs = append(pairs, p)
		}
		sort.Slice(pairs, func(i, j int) bool {
			if pairs[i][0].id != pairs[j][0].id {
				return pairs[i][0].id < pairs[j][0].id
			}
			return pairs[i][1].id < pairs[j][1].id
		})
		for _, p := range pairs {
			if agrees[p] {
				continue
			}
			kinds := map[brief.DisagreeKind]bool{}
			for _, l := range byPair[p] {
				kinds[l.Kind] = true
			}
			for k := range kinds {
				for _, e := range [][2]*fact{{p[0], p[1]}, {p[1], p[0]}} {
					sk := slotKey{e[0], k}
					if partners[sk] == nil {
						keys = append(keys, sk)
					}
					partners[sk] = append(partners[sk], e[1])
				}
			}
		}
		bySupport := func(fs []*fact) {
			sort.SliceStable(fs, func(i, j int) bool {
				if len(fs[i].sources) != len(fs[j].sources) {
					return len(fs[i].sources) > len(fs[j].sources)
				}
				return fs[i].id < fs[j].id
			})
		}
		used := map[factPair]bool{}
		openOf := func(sk slotKey) int {
			n := 0
			for _, g := range partners[sk] {
				if !used[pairOf(sk.f, g)] {
					n++
				}
			}
			return n
		}
		h := &slotHeap{}
		for _, sk := range keys {
			bySupport(partners[sk])
			n := len(partners[sk])
			*h = append(*h, &slot{f: sk.f, kind: sk.kind, seen: n})
		}
		heap.Init(h)
		a.pointOf = map[*fact]*point{}
		for h.Len() > 0 {
			s := heap.Pop(h).(*slot)
			sk := slotKey{s.f, s.kind}
			if n := openOf(sk); n != s.seen {
				if n > 0 {
					s.seen = n
					heap.Push(h, s)
				}
				continue
			}
			pt := &point{id: "contest-" + s.f.id + "-" + string(s.kind), kind: s.kind, versions: []*fact{s.f}}
			for _, g := range partners[sk] {
				p := pairOf(s.f, g)
				if used[p] {
					continue
				}
				used[p] = true
				same := false
				for _, v := range pt.versions[1:] {
					if agrees[pairOf(v, g)] {
						same = true
					}
				}
				switch {
				case same:
					// Shown by the version it agrees with.
				case len(pt.versions) < maxVersions:
					pt.versions = append(pt.versions, g)
				default:
					pt.more = append(pt.more, g)
				}
			}
			if len(pt.versions) < 2 {
				continue
			}
			// Reasons: each pair of versions that disagree, the slot's
			// kind first.
			for i, x := range pt.versions {
				for j := i + 1; j < len(pt.versions); j++ {
					p := pairOf(x, pt.versions[j])
					if l, ok := bestReason(byPair[p], x, pt.versions[j], s.kind); ok {
						pt.reasons = append(pt.reasons, pointReason{i, j, l})
						used[p] = true
					}
				}
			}
			pt.shown = a.shownClaims(pt)
			pt.reasons = shownReasons(pt, byPair)
			a.points = append(a.points, pt)
			for _, v := range pt.versions {
				if a.pointOf[v] == nil {
					a.pointOf[v] = pt
				}
			}
		}
	})
	return a.points
}

// shownClaims picks the sentence each version of p shows: for a version
// past the first, its claim in the reason that joins it to version 1;
// for version 1, its claim used by most of those reasons (the first in
// order on a tie; shownReasons then joins the others to it where it
// can). Otherwise the fact's sentence.
func (a *analysis) shownClaims(p *point) []*brief.Claim {
	out := make([]*brief.Claim, len(p.versions))
	for i, v := range p.versions {
		out[i] = v.best
	}
	uses := map[*brief.Claim]int{}
	var first *brief.Claim
	for _, r := range p.reasons {
		if r.a != 0 {
			continue
		}
		x, y := a.claim[r.link.A], a.claim[r.link.B]
		if a.factOf[x.ID] != p.versions[0] {
			x, y = y, x
		}
		out[r.b] = y
		uses[x]++
		if first == nil || uses[x] > uses[first] {
			first = x
		}
	}
	if first != nil {
		out[0] = first
	}
	return out
}

// shownReasons keeps the reasons a reader can check, each a link between
// the sentences its two versions show. A reason joining version 1 is
// joined to the sentence version 1 shows (shownClaims) where a link
// does, and the other version then shows its claim in that link; a
// version that contradicts only another sentence of version 1's fact
// moves to the facts that also differ (p.more). A reason between two
// later versions is kept only as a link between the sentences they show,
// else dropped: each of the two still disagrees with version 1, which is
// what the point asks.
func shownReasons(p *point, byPair map[factPair][]brief.Link) []pointReason {
	out := p.reasons[:0]
	drop := map[int]bool{}
	for _, r := range p.reasons {
		if r.a == 0 {
			// Joined to the sentence version 1 shows, if a link does.
			x := p.shown[0].ID
			if r.link.A != x && r.link.B != x {
				best, found := brief.Link{}, false
				for _, l := range byPair[pairOf(p.versions[0], p.versions[r.b])] {
					if l.Relation == brief.Disagree && (l.A == x || l.B == x) && (!found || l.Score > best.Score) {
						best, found = l, true
					}
				}
				if !found {
					// It contradicts another sentence of version 1's fact:
					// listed among the facts that also differ.
					drop[r.b] = true
					continue
				}
				r.link = best
				other := best.A
				if other == x {
					other = best.B
				}
				p.shown[r.b] = claimIn(p.versions[r.b], other, p.shown[r.b])
			}
			out = append(out, r)
			continue
		}
		x, y := p.shown[r.a].ID, p.shown[r.b].ID
		best, found := brief.Link{}, false
		for _, l := range byPair[pairOf(p.versions[r.a], p.versions[r.b])] {
			if l.Relation != brief.Disagree || !(l.A == x && l.B == y || l.A == y && l.B == x) {
				continue
			}
			if !found || l.Score > best.Score {
				best, found = l, true
			}
		}
		if found {
			r.link = best
			out = append(out, r)
		}
	}
	if len(drop) == 0 {
		return out
	}
	// Renumber the versions kept.
	at := make([]int, len(p.versions))
	var versions []*fact
	var shown []*brief.Claim
	for i, v := range p.versions {
		at[i] = len(versions)
		if drop[i] {
			p.more = append(p.more, v)
			continue
		}
		versions = append(versions, v)
		shown = append(shown, p.shown[i])
	}
	p.versions, p.shown = versions, shown
	kept := out[:0]
	for _, r := range out {
		if !drop[r.a] && !drop[r.b] {
			r.a, r.b = at[r.a], at[r.b]
			kept = append(kept, r)
		}
	}
	return kept
}

// claimIn returns the claim of f with the given ID, else def.
func claimIn(f *fact, id string, def *brief.Claim) *brief.Claim {
	for _, c := range f.claims {
		if c.ID == id {
			return c
		}
	}
	return def
}

// bestReason picks the link that explains two versions best: one of the
// point's kind, then one between their shown sentences, else the
// highest score, then by IDs.
func bestReason(ls []brief.Link, x, y *fact, kind brief.DisagreeKind) (brief.Link, bool) {
	var best brief.Link
	found, bestRank := false, -1
	for _, l := range ls {
		rank := 0
		if (l.A == x.best.ID || l.B == x.best.ID) && (l.A == y.best.ID || l.B == y.best.ID) {
			rank = 2
		} else if l.A == x.best.ID || l.B == x.best.ID || l.A == y.best.ID || l.B == y.best.ID {
			rank = 1
		}
		if l.Kind == kind {
			rank += 3
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

// pointHref returns the address of the first contested point f is a
// version of, as a link from the page at path from (relative to the
// site root: "" for the index, "briefing/2/" for a later page of a
// briefing split into pages) that reaches the root by root ("./",
// "../../"); "" when f is in no point. The point is on the page
// a.pointPage names for its ID, the index when it names none; on that
// page itself the address is the bare fragment, so the browser scrolls
// instead of loading the page again. Every link to a point goes through
// here, so that splitting the briefing only has to fill pointPage.
func (a *analysis) pointHref(from, root string, f *fact) string {
	id := a.contestID(f)
	if id == "" {
		return ""
	}
	page := a.pointPage[id]
	if page == from {
		return "#" + id
	}
	return root + page + "#" + id
}

// contests returns the contested points for the index page.
func (a *analysis) contests(root string) []contestView {
	var out []contestView
	for _, p := range a.contestPoints() {
		cv := contestView{ID: p.id, Kinds: []string{string(p.kind)}}
		// The words of each version, and those of them that a reason
		// quotes, to mark.
		words := make([][]string, len(p.versions))
		quoted := make([][]bool, len(p.versions))
		texts := make([]map[string]bool, len(p.versions))
		for i := range p.versions {
			texts[i] = map[string]bool{}
			for _, w := range strings.Fields(p.shown[i].Text) {
				words[i] = append(words[i], normQuote(w))
				texts[i][normQuote(w)] = true
			}
			quoted[i] = make([]bool, len(words[i]))
		}
		for _, r := range p.reasons {
			rv := reasonView{A: r.a + 1, B: r.b + 1, Kind: string(r.link.Kind), Text: r.link.Reason}
			// Name the pair in the order the reason quotes them.
			if q := quotedPhrases(r.link.Reason); len(q) > 0 && hasAll(texts[r.b], q[0]) && !hasAll(texts[r.a], q[0]) {
				rv.A, rv.B = rv.B, rv.A
			}
			cv.Reasons = append(cv.Reasons, rv)
			for _, q := range reasonPhrases(r.link.Reason) {
				for _, v := range []int{r.a, r.b} {
					for _, k := range markPhrase(words[v], q) {
						quoted[v][k] = true
					}
				}
			}
		}
		for i, f := range p.versions {
			c := p.shown[i]
			vv := variantView{N: i + 1, Text: c.Text, Href: root + "sources/" + c.Source + "/#" + c.ID}
			vv.Words = diffWords(c.Text, "")
			for k := range vv.Words {
				w := words[i][k]
				if !quoted[i][k] {
					continue
				}
				// A quoted word differs when another version lacks it.
				for j := range p.versions {
					if j != i && !texts[j][w] {
						vv.Words[k].Diff = true
					}
				}
			}
			vv.Words = joinDiff(vv.Words)
			for _, c := range f.claims {
				vv.Sources = append(vv.Sources, srcRef{Outlet: label(a.src[c.Source]), Title: a.src[c.Source].Title,
					Href: root + "sources/" + c.Source + "/#" + c.ID})
			}
			cv.Variants = append(cv.Variants, vv)
		}
		for _, f := range p.more {
			cv.More = append(cv.More, claimRef{Text: f.best.Text, Href: root + "sources/" + f.best.Source + "/#" + f.best.ID})
		}
		out = append(out, cv)
	}
	return out
}

// reasonPhrases returns the normalised words of each phrase a reason
// quotes (`number: “three-year-long war” vs “two-year war”`), phrases
// joined by an ellipsis as one (`denial: “no” … “evidence has emerged”`:
// the cue and what it denies).
func reasonPhrases(reason string) []phrase {
	var out []phrase
	eachQuoted(reason, func(ws []string, before string) {
		if n := len(out); n > 0 && strings.TrimSpace(before) == "…" {
			out[n-1].words = append(out[n-1].words, ws...)
		} else {
			out = append(out, phrase{words: ws, cue: len(ws)})
		}
	})
	return out
}

// phrase is what a reason quotes: its normalised words, of which the
// first cue are the cue when a scope follows it after an ellipsis
// (`“no” … “evidence has emerged”`), else all of them.
type phrase struct {
	words []string
	cue   int
}

// markPhrase returns the positions of p in words (see matchPhrase): the
// cue and its scope as one phrase, and the cue alone, where the whole
// does not hold it, at its occurrence nearest the scope ("have now cast
// doubt" when the scope quoted is the claim's first words).
func markPhrase(words []string, p phrase) []int {
	pos := matchPhrase(words, p.words)
	if p.cue == len(p.words) || len(pos) == 0 {
		if len(pos) == 0 && p.cue < len(p.words) {
			return nil
		}
		return pos
	}
	cue := p.words[:p.cue]
	for _, k := range pos {
		if words[k] == cue[0] {
			return pos
		}
	}
	near := -1
	for s := 0; s+len(cue) <= len(words); s++ {
		if slices.Equal(words[s:s+len(cue)], cue) && (near < 0 || abs(s-pos[0]) < abs(near-pos[0])) {
			near = s
		}
	}
	for k := near; near >= 0 && k < near+len(cue); k++ {
		pos = append(pos, k)
	}
	return pos
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// matchPhrase returns the positions in words (normalised, as
// normQuote gives them) of one occurrence of the phrase q: its words in
// order, at most two other words between two of them, a word of q the
// text lacks skipped. The occurrence matching most of q wins, and it
// must match two thirds of it; otherwise there is none. Marking only it
// keeps a reason's "to" or "it" from lighting up every "to" and "it" of
// the versions.
func matchPhrase(words, q []string) []int {
	var best []int
	for s := range words {
		if words[s] == "" {
			continue
		}
		var pos []int
		k, last := 0, s-1
		for i := s; i < len(words) && k < len(q); i++ {
			switch {
			case words[i] == q[k]:
				pos, k, last = append(pos, i), k+1, i
			case k+1 < len(q) && words[i] == q[k+1]:
				pos, k, last = append(pos, i), k+2, i // q[k] is not in the text
			case i-last > 2:
				i = len(words) // too far from the last match
			}
		}
		if len(pos) > 0 && pos[0] == s && len(pos) > len(best) {
			best = pos
		}
	}
	if len(best)*3 < len(q)*2 {
		return nil
	}
	return best
}

// quotedPhrases returns the normalised words of each phrase a reason
// quotes, in order, without the ellipses that stand for left-out words.
func quotedPhrases(reason string) [][]string {
	var out [][]string
	eachQuoted(reason, func(ws []string, _ string) { out = append(out, ws) })
	return out
}

// eachQuoted calls f with the normalised words of each phrase in curly
// quotes in reason, in order, and the text between it and the phrase
// before.
func eachQuoted(reason string, f func(words []string, before string)) {
	for {
		i := strings.Index(reason, "“")
		if i < 0 {
			return
		}
		before := reason[:i]
		reason = reason[i+len("“"):]
		j := strings.Index(reason, "”")
		if j < 0 {
			return
		}
		var ws []string
		for _, w := range strings.Fields(reason[:j]) {
			if n := normQuote(w); n != "" {
				ws = append(ws, n)
			}
		}
		f(ws, before)
		reason = reason[j+len("”"):]
	}
}

// hasAll reports whether every word of ws is in set.
func hasAll(set map[string]bool, ws []string) bool {
	for _, w := range ws {
		if !set[w] {
			return false
		}
	}
	return len(ws) > 0
}
