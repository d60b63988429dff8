package main

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/brief-dev/brief/internal/stancedata"
)

var relations = []string{stancedata.Agree, stancedata.Disagree, stancedata.None}

// prf counts one class's true and false positives and false negatives.
type prf struct{ tp, fp, fn int }

func (m prf) p() float64 { return ratio(m.tp, m.tp+m.fp) }
func (m prf) r() float64 { return ratio(m.tp, m.tp+m.fn) }
func (m prf) f() float64 {
	if m.p()+m.r() == 0 {
		return 0
	}
	return 2 * m.p() * m.r() / (m.p() + m.r())
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// confusion counts gold label (the data set's own) against predicted
// relation.
type confusion map[string]map[string]int

func (c confusion) add(gold, pred string) {
	if c[gold] == nil {
		c[gold] = map[string]int{}
	}
	c[gold][pred]++
}

// classes returns per-relation counts with each gold label mapped by rel.
func (c confusion) classes(rel func(string) string) map[string]prf {
	out := map[string]prf{}
	for gold, row := range c {
		g := rel(gold)
		for pred, n := range row {
			if g == pred {
				m := out[g]
				m.tp += n
				out[g] = m
				continue
			}
			m := out[g]
			m.fn += n
			out[g] = m
			m = out[pred]
			m.fp += n
			out[pred] = m
		}
	}
	return out
}

// macro is the mean F1 over the three relations.
func macro(cls map[string]prf) float64 {
	s := 0.0
	for _, r := range relations {
		s += cls[r].f()
	}
	return s / float64(len(relations))
}

// printClasses writes per-class P/R/F1, macro-F1 and accuracy.
func printClasses(w io.Writer, c confusion, rel func(string) string) {
	cls := c.classes(rel)
	n, right := 0, 0
	for gold, row := range c {
		for pred, k := range row {
			n += k
			if rel(gold) == pred {
				right += k
			}
		}
	}
	fmt.Fprintf(w, "| class | P | R | F1 | gold | predicted |\n|---|---|---|---|---|---|\n")
	for _, r := range relations {
		m := cls[r]
		fmt.Fprintf(w, "| %s | %.2f | %.2f | %.2f | %d | %d |\n", r, m.p(), m.r(), m.f(), m.tp+m.fn, m.tp+m.fp)
	}
	fmt.Fprintf(w, "\nmacro-F1 **%.3f**, accuracy %.3f (%d of %d)\n", macro(cls), ratio(right, n), right, n)
}

// printConfusion writes the gold-label x predicted-relation table.
func printConfusion(w io.Writer, c confusion) {
	labels := make([]string, 0, len(c))
	for l := range c {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	fmt.Fprintf(w, "| gold \\ brief | agree | disagree | none |\n|---|---|---|---|\n")
	for _, l := range labels {
		fmt.Fprintf(w, "| %s | %d | %d | %d |\n", l, c[l][stancedata.Agree], c[l][stancedata.Disagree], c[l][stancedata.None])
	}
	fmt.Fprintln(w)
}

// reliability bins the decisive links' scores and counts how many of
// each bin were right.
type reliability map[string]*[10][2]int // relation -> bin -> {n, right}

func (r reliability) add(rel string, score float64, right bool) {
	if r[rel] == nil {
		r[rel] = &[10][2]int{}
	}
	b := int(math.Floor(score * 10))
	b = max(0, min(9, b))
	r[rel][b][0]++
	if right {
		r[rel][b][1]++
	}
}

func (r reliability) print(w io.Writer, what string) {
	for _, rel := range []string{stancedata.Agree, stancedata.Disagree} {
		bins := r[rel]
		if bins == nil {
			fmt.Fprintf(w, "%s links: none\n\n", rel)
			continue
		}
		fmt.Fprintf(w, "%s links (%s), by Link.Score:\n\n| score | links | right | fraction right |\n|---|---|---|---|\n", rel, what)
		for i, b := range bins {
			if b[0] == 0 {
				continue
			}
			fmt.Fprintf(w, "| %.1f–%.1f | %d | %d | %.2f |\n", float64(i)/10, float64(i+1)/10, b[0], b[1], ratio(b[1], b[0]))
		}
		fmt.Fprintln(w)
	}
}

// spearman is the rank correlation of x and y, ties ranked by their mean.
func spearman(x, y []float64) float64 {
	rx, ry := ranks(x), ranks(y)
	mx, my := mean(rx), mean(ry)
	var sxy, sxx, syy float64
	for i := range rx {
		dx, dy := rx[i]-mx, ry[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return 0
	}
	return sxy / math.Sqrt(sxx*syy)
}

func ranks(v []float64) []float64 {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] < v[idx[b]] })
	out := make([]float64, len(v))
	for i := 0; i < len(idx); {
		j := i
		for j < len(idx) && v[idx[j]] == v[idx[i]] {
			j++
		}
		for k := i; k < j; k++ {
			out[idx[k]] = float64(i+j-1)/2 + 1
		}
		i = j
	}
	return out
}

func mean(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}

// tsv makes a value safe for one TSV cell.
func tsv(s string) string { return strings.Join(strings.Fields(s), " ") }
