package annotate

import (
	"math"
	"sort"
	"strconv"
	"strings"
)

// maxPosting bounds the postings a claim's candidates are drawn from.
// Features shared by more claims than this (a stop-list by document
// frequency) do not propose candidates, so the number of candidates per
// claim is bounded and the cost grows linearly with the number of claims.
const maxPosting = 48

// node is a claim in the corpus-wide pass.
type node struct {
	f      *claimFeat
	src    int  // index of the source
	draft  bool // the claim belongs to the author's draft
	keys   []string
	ents   []string // canonical entity keys, sorted, unique
	weight map[string]float64
}

// index is an inverted index from feature keys to claims.
type index struct {
	postings map[string][]int32
	idf      map[string]float64
}

// features returns the index keys of a claim: lemmas, entities, numbers
// (with their value), quotation trigrams and the speaker.
func (n *node) features() []string {
	f := n.f
	var keys []string
	for _, l := range f.lemmas {
		keys = append(keys, "w:"+l)
	}
	for _, e := range n.ents {
		keys = append(keys, "e:"+e)
	}
	for _, x := range f.nums {
		keys = append(keys, "n:"+x.Key())
		keys = append(keys, "v:"+x.Key()+"="+strconv.FormatFloat(x.Value, 'g', -1, 64))
	}
	for _, q := range f.quotes {
		for i := 0; i+3 <= len(q.Words); i++ {
			keys = append(keys, "q:"+strings.Join(q.Words[i:i+3], " "))
		}
		if len(q.Words) < 3 {
			keys = append(keys, "q:"+strings.Join(q.Words, " "))
		}
	}
	sort.Strings(keys)
	return uniq(keys)
}

func uniq(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// buildIndex indexes the nodes and computes IDF weights over claims.
func buildIndex(nodes []*node) *index {
	ix := &index{postings: map[string][]int32{}, idf: map[string]float64{}}
	for i, n := range nodes {
		n.keys = n.features()
		for _, k := range n.keys {
			ix.postings[k] = append(ix.postings[k], int32(i))
		}
	}
	total := float64(len(nodes)) + 1
	for k, p := range ix.postings {
		ix.idf[k] = math.Log(total / (float64(len(p)) + 0.5))
		if ix.idf[k] < 0.1 {
			ix.idf[k] = 0.1
		}
	}
	return ix
}

// candidates returns, for node i, the nodes j > i of other sources that
// share a feature whose posting list is short enough; draft claims are
// never paired with each other.
func (ix *index) candidates(nodes []*node, i int, seen []int32, out []int32) []int32 {
	n := nodes[i]
	out = out[:0]
	for _, k := range n.keys {
		p := ix.postings[k]
		if len(p) > maxPosting {
			continue
		}
		for _, j := range p {
			if int(j) <= i || seen[j] == int32(i)+1 {
				continue
			}
			m := nodes[j]
			if m.src == n.src || (m.draft && n.draft) {
				continue
			}
			seen[j] = int32(i) + 1
			out = append(out, j)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a] < out[b] })
	return out
}
