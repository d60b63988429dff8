package stancedata

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strconv"
	"strings"

	"github.com/brief-dev/brief/internal/brief"
)

// Relations an example can be labelled with, in brief's terms: the two
// texts agree, disagree, or neither (unrelated, or related without
// taking a side).
const (
	Agree    = "agree"
	Disagree = "disagree"
	None     = "none"
)

// Example is one labelled problem for the annotator: two sources, A and
// B, and how they relate. For FNC-1, A is the headline as a one-sentence
// source and B the article body; for SICK and MRPC both are one sentence.
type Example struct {
	Set   string // "fnc1", "sick", "mrpc"
	ID    string // unique within Set
	Split string // SplitFit, SplitDev or SplitStory
	// Label is the data set's own label (FNC-1 agree, disagree, discuss,
	// unrelated; SICK ENTAILMENT, NEUTRAL, CONTRADICTION; MRPC 1 or 0).
	Label string
	// Relation is Label mapped to Agree, Disagree or None (see Relation).
	Relation string
	A, B     *brief.Source
}

// Relation maps a data set's label to brief's relation:
//
//   - FNC-1: agree is Agree, disagree is Disagree, discuss and unrelated
//     are None. A discuss body reports the headline's claim without
//     taking a side ("reportedly", "claims that"); issue 9 asks that "a
//     hedged or attributed report is not agreement with the claim it
//     reports", so it counts as None. Reports print the discuss row of
//     the confusion matrix, and the macro-F1 with discuss as Agree, too.
//   - SICK: ENTAILMENT is Agree, CONTRADICTION Disagree, NEUTRAL None.
//   - MRPC: 1 (paraphrase) is Agree, 0 None (MRPC has no contradictions).
func Relation(set, label string) string {
	switch set + ":" + label {
	case "fnc1:agree", "sick:ENTAILMENT", "mrpc:1":
		return Agree
	case "fnc1:disagree", "sick:CONTRADICTION":
		return Disagree
	}
	return None
}

// FNCExamples returns the FNC-1 pairs of the given splits (all if none
// are given) as examples: A is the headline (source ID "headline"), B the
// body (source ID "body-<Body ID>").
func FNCExamples(f *FNC, splits ...string) []Example {
	want := splitSet(splits)
	var out []Example
	for i, s := range f.Stances {
		if !want(s.Split) {
			continue
		}
		out = append(out, Example{
			Set: "fnc1", ID: fmt.Sprintf("%d", i+2), Split: s.Split, Label: s.Label, Relation: Relation("fnc1", s.Label),
			A: TextSource("headline", s.Headline),
			B: TextSource("body-"+strconv.Itoa(s.BodyID), f.Bodies[s.BodyID]),
		})
	}
	return out
}

// PairExamples returns sentence pairs of the given splits as examples
// with source IDs "a" and "b".
func PairExamples(set string, pairs []Pair, splits ...string) []Example {
	want := splitSet(splits)
	var out []Example
	for _, p := range pairs {
		if !want(p.Split) {
			continue
		}
		out = append(out, Example{
			Set: set, ID: p.ID, Split: p.Split, Label: p.Label, Relation: Relation(set, p.Label),
			A: TextSource("a", p.A), B: TextSource("b", p.B),
		})
	}
	return out
}

func splitSet(splits []string) func(string) bool {
	if len(splits) == 0 {
		return func(string) bool { return true }
	}
	return func(s string) bool {
		for _, x := range splits {
			if s == x {
				return true
			}
		}
		return false
	}
}

// Balanced returns up to n examples of each label, chosen by a hash of
// the seed and the example ID (the same sample every run), in ID order.
func Balanced(exs []Example, n int, seed string) []Example {
	by := map[string][]Example{}
	for _, e := range exs {
		by[e.Label] = append(by[e.Label], e)
	}
	labels := make([]string, 0, len(by))
	for l := range by {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	var out []Example
	for _, l := range labels {
		out = append(out, Sample(by[l], n, seed)...)
	}
	return out
}

// Sample returns n examples chosen by a hash of the seed and the example
// ID, in their original order; all of them if there are no more than n.
func Sample(exs []Example, n int, seed string) []Example {
	if n <= 0 || len(exs) <= n {
		return exs
	}
	type keyed struct {
		k uint64
		i int
	}
	ks := make([]keyed, len(exs))
	for i, e := range exs {
		h := fnv.New64a()
		h.Write([]byte(seed + "\x00" + e.Set + "\x00" + e.ID))
		ks[i] = keyed{h.Sum64(), i}
	}
	sort.Slice(ks, func(a, b int) bool { return ks[a].k < ks[b].k })
	idx := make([]int, n)
	for i := range idx {
		idx[i] = ks[i].i
	}
	sort.Ints(idx)
	out := make([]Example, n)
	for i, j := range idx {
		out[i] = exs[j]
	}
	return out
}

// TextSource makes a source from plain text, as an import would: the
// text's paragraphs become Markdown paragraphs, with every character
// that Markdown would read as syntax escaped, so the claims brief finds
// are the text's own sentences.
func TextSource(id, text string) *brief.Source {
	return &brief.Source{ID: id, Path: "content/sources/" + id + ".md", Body: []byte(Markdown(text)), BodyLine: 1}
}

// Markdown turns plain text into Markdown that renders as the same text:
// lines are trimmed, runs of blank lines become one paragraph break, and
// what Markdown would read as syntax is backslash-escaped.
func Markdown(text string) string {
	var b strings.Builder
	blank := false
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			if blank {
				b.WriteString("\n\n")
			} else {
				b.WriteString("\n")
			}
		}
		blank = false
		b.WriteString(escapeLine(l))
	}
	b.WriteString("\n")
	return b.String()
}

// escapeLine escapes the inline syntax characters of one line and a
// block marker at its start (heading, quotation, list, rule, table).
func escapeLine(l string) string {
	var b strings.Builder
	// A block marker: "#", ">", "-", "+", "=", "|", or "12." / "12)".
	digits := len(l) - len(strings.TrimLeft(l, "0123456789"))
	switch {
	case l != "" && strings.ContainsRune("#-+=|", rune(l[0])): // ">" is escaped below
		b.WriteByte('\\')
	case digits > 0 && digits < len(l) && (l[digits] == '.' || l[digits] == ')'):
		b.WriteString(l[:digits])
		b.WriteByte('\\')
		l = l[digits:]
	}
	for _, r := range l {
		if strings.ContainsRune("\\`*_[]<>&~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// HeadlinePairs returns pairs of FNC-1 headlines of one story as
// examples of claim against headline: two headlines that the same body
// agrees with (or disagrees with) agree with each other; a headline the
// body agrees with and one it disagrees with disagree. Discuss and
// unrelated pairs say nothing of the headline's own stance and are left
// out. A pair of headlines seen with several bodies takes the majority
// relation (a tie is left out). A is the headline first in byte order
// (source ID "a"), B the other ("b"); IDs are "h<n>" in that order.
func HeadlinePairs(f *FNC, splits ...string) []Example {
	want := splitSet(splits)
	byBody := map[int]map[string]string{} // body -> headline -> label
	bodySplit := map[int]string{}
	for _, s := range f.Stances {
		if !want(s.Split) || s.Label != "agree" && s.Label != "disagree" {
			continue
		}
		bodySplit[s.BodyID] = s.Split
		if byBody[s.BodyID] == nil {
			byBody[s.BodyID] = map[string]string{}
		}
		byBody[s.BodyID][s.Headline] = s.Label
	}
	type key struct{ a, b string }
	votes := map[key]int{} // > 0 agree, < 0 disagree
	split := map[key]string{}
	for body, hs := range byBody {
		heads := make([]string, 0, len(hs))
		for h := range hs {
			heads = append(heads, h)
		}
		sort.Strings(heads)
		for i, a := range heads {
			for _, b := range heads[i+1:] {
				k := key{a, b}
				if hs[a] == hs[b] {
					votes[k]++
				} else {
					votes[k]--
				}
				split[k] = bodySplit[body]
			}
		}
	}
	keys := make([]key, 0, len(votes))
	for k, v := range votes {
		if v != 0 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].a != keys[j].a {
			return keys[i].a < keys[j].a
		}
		return keys[i].b < keys[j].b
	})
	out := make([]Example, 0, len(keys))
	for n, k := range keys {
		label := "agree"
		if votes[k] < 0 {
			label = "disagree"
		}
		out = append(out, Example{
			Set: "fnc1h", ID: fmt.Sprintf("h%d", n), Split: split[k], Label: label, Relation: Relation("fnc1", label),
			A: TextSource("a", k.a), B: TextSource("b", k.b),
		})
	}
	return out
}
