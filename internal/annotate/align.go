package annotate

import (
	"context"
	"math"
	"sort"

	"github.com/brief-dev/brief/internal/brief"
)

// Decision thresholds on the similarity score (0..1). A pair at or above
// agreeHigh agrees outright; a pair at or above agreeLow agrees when each
// claim is the other's best match in the other source.
const (
	agreeHigh = 0.52
	agreeLow  = 0.27
)

// thresholds are the decision thresholds in use.
type thresholds struct{ high, low float64 }

// pairResult is the scored judgement of one candidate pair.
type pairResult struct {
	i, j int
	sim  float64
	f    finding
	ok   bool // a disagreement or a quotation agreement was found
}

// align runs the corpus-wide pass: alias folding, the index, candidate
// scoring and the per-source-pair decision. It returns the links sorted.
func align(ctx context.Context, docs []*docFeat, lex Lexicon, ov *Overrides, th thresholds) ([]brief.Link, brief.ErrorList, error) {
	var warnings brief.ErrorList
	// Nodes in source order, then document order.
	var nodes []*node
	var perSource [][]mention
	for si, d := range docs {
		var ms []mention
		for _, f := range d.feats {
			nodes = append(nodes, &node{f: f, src: si, draft: d.src.Draft})
			ms = append(ms, f.ments...)
		}
		perSource = append(perSource, ms)
	}
	same, different := ov.entityPairs()
	al := buildAliases(perSource, same, different)
	warnings = append(warnings, ov.checkEntities(perSource)...)
	canon := al.find
	isDifferent := func(x, y string) bool {
		return different[[2]string{canon(x), canon(y)}] || different[[2]string{canon(y), canon(x)}] ||
			different[[2]string{x, y}] || different[[2]string{y, x}]
	}
	for _, n := range nodes {
		for _, m := range n.f.ments {
			n.ents = append(n.ents, canon(m.Key))
		}
		sort.Strings(n.ents)
		n.ents = uniq(n.ents)
		if n.f.speakerKey != "" {
			n.f.speakerKey = canon(n.f.speakerKey)
		}
	}
	ix := buildIndex(nodes)
	sc := &scorer{ix: ix, lex: lex}

	// Score every candidate pair.
	var results []pairResult
	seen := make([]int32, len(nodes))
	var cands []int32
	for i := range nodes {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
		}
		cands = ix.candidates(nodes, i, seen, cands)
		for _, j32 := range cands {
			j := int(j32)
			a, b := nodes[i], nodes[j]
			r := pairResult{i: i, j: j, sim: sc.similarity(a, b)}
			r.f, r.ok = judge(a, b, r.sim, canon, isDifferent, lex, false)
			if r.ok || r.sim >= th.low {
				results = append(results, r)
			}
		}
	}

	// Best match of each claim in each other source.
	type key struct{ node, src int }
	best := map[key]float64{}
	for _, r := range results {
		ka, kb := key{r.i, nodes[r.j].src}, key{r.j, nodes[r.i].src}
		best[ka] = math.Max(best[ka], r.sim)
		best[kb] = math.Max(best[kb], r.sim)
	}
	var links []brief.Link
	for _, r := range results {
		a, b := nodes[r.i], nodes[r.j]
		mutual := r.sim >= best[key{r.i, b.src}] && r.sim >= best[key{r.j, a.src}]
		aligned := r.sim >= th.high || (r.sim >= th.low && mutual)
		f, ok := r.f, r.ok
		if aligned {
			// Detectors that need the two claims to report one event.
			if g, found := judge(a, b, r.sim, canon, isDifferent, lex, true); found {
				f, ok = g, true
			}
		}
		if !ok {
			if !aligned {
				continue
			}
			f = finding{rel: brief.Agree, score: r.sim, reason: agreeReason(a, b)}
		}
		links = append(links, makeLink(a.f.claim.ID, b.f.claim.ID, f))
	}
	sortLinks(links)
	return links, warnings, nil
}

// judge runs the disagreement detectors. With aligned unset it runs those
// that are safe on any candidate pair (quotation, role, number); with
// aligned set, those that need the pair to be about one event as well.
func judge(a, b *node, sim float64, canon func(string) string, different func(x, y string) bool, lex Lexicon, aligned bool) (finding, bool) {
	if !aligned {
		if f, ok := sameQuote(a, b, sim); ok {
			return f, true
		}
		if f, ok := differentRole(a, b, canon, lex); ok {
			return f, true
		}
		if f, ok := differentNumber(a, b, sim); ok {
			return f, true
		}
		return finding{}, false
	}
	if f, ok := sameQuote(a, b, sim); ok {
		return f, true
	}
	if f, ok := differentRole(a, b, canon, lex); ok {
		return f, true
	}
	if f, ok := differentNumber(a, b, sim); ok {
		return f, true
	}
	if f, ok := differentStatus(a, b); ok {
		return f, true
	}
	if f, ok := differentTime(a, b); ok {
		return f, true
	}
	if f, ok := differentPlace(a, b, canon, different); ok {
		return f, true
	}
	return finding{}, false
}

// agreeReason names what two agreeing claims share: the rarest names,
// quantities and words.
func agreeReason(a, b *node) string {
	var shared []string
	for _, e := range a.ents {
		if containsStr(b.ents, e) {
			for _, m := range a.f.ments {
				if m.Key == e || len(shared) > 0 && false {
					shared = append(shared, m.Name)
					break
				}
			}
		}
	}
	for _, x := range a.f.nums {
		if hasValue(b.f.nums, x) {
			shared = append(shared, x.Text)
		}
	}
	for _, l := range a.f.lemmas {
		if containsStr(b.f.lemmas, l) && len(shared) < 6 {
			shared = append(shared, l)
		}
	}
	if len(shared) > 6 {
		shared = shared[:6]
	}
	s := "agree: both report"
	for i, w := range shared {
		if i > 0 {
			s += ","
		}
		s += " " + q(w)
	}
	if len(shared) == 0 {
		s = "agree: same fact in other words"
	}
	return s
}

func makeLink(x, y string, f finding) brief.Link {
	if y < x {
		x, y = y, x
	}
	l := brief.Link{A: x, B: y, Relation: f.rel, Score: round3(f.score), Reason: f.reason}
	if f.rel == brief.Disagree {
		l.Kind = f.kind
	}
	return l
}

func round3(x float64) float64 {
	x = math.Max(0, math.Min(1, x))
	return math.Round(x*1000) / 1000
}

func sortLinks(ls []brief.Link) {
	sort.Slice(ls, func(i, j int) bool {
		if ls[i].A != ls[j].A {
			return ls[i].A < ls[j].A
		}
		return ls[i].B < ls[j].B
	})
}
