// Package logit fits L2-regularised logistic regression by Newton's
// method: small, dense problems (tens of signals, up to a few hundred
// thousand examples), as brief's agree decision is fitted on.
package logit

import (
	"errors"
	"math"
)

// Fit returns the weights, bias first, that minimise the weighted log
// loss Σ w_i·loss(x_i, y_i) plus lambda/2·|w|² (the bias not penalised).
// ys are 0 or 1 (or in between); ws may be nil for equal weights. Every
// x must have the same length.
func Fit(xs [][]float64, ys, ws []float64, lambda float64) ([]float64, error) {
	if len(xs) == 0 || len(ys) != len(xs) || (ws != nil && len(ws) != len(xs)) {
		return nil, errors.New("logit: want as many labels (and weights) as examples, and at least one")
	}
	d := len(xs[0]) + 1
	for _, x := range xs {
		if len(x) != d-1 {
			return nil, errors.New("logit: examples of different lengths")
		}
	}
	w := make([]float64, d)
	g := make([]float64, d)
	h := make([][]float64, d)
	for k := range h {
		h[k] = make([]float64, d)
	}
	row := make([]float64, d)
	for range 50 {
		clear(g)
		for k := range h {
			clear(h[k])
		}
		for i, x := range xs {
			row[0] = 1
			copy(row[1:], x)
			p := Prob(w, x)
			wi := 1.0
			if ws != nil {
				wi = ws[i]
			}
			for k := range row {
				g[k] += wi * (p - ys[i]) * row[k]
				for l := k; l < d; l++ {
					h[k][l] += wi * p * (1 - p) * row[k] * row[l]
				}
			}
		}
		for k := range d {
			for l := 0; l < k; l++ {
				h[k][l] = h[l][k]
			}
		}
		for k := 1; k < d; k++ {
			g[k] += lambda * w[k]
			h[k][k] += lambda
		}
		h[0][0] += 1e-9
		step := solve(h, g)
		max := 0.0
		for k := range w {
			w[k] -= step[k]
			max = math.Max(max, math.Abs(step[k]))
		}
		if max < 1e-9 {
			break
		}
	}
	return w, nil
}

// Prob is σ(w[0] + Σ w[k+1]·x[k]).
func Prob(w, x []float64) float64 {
	z := w[0]
	for k, v := range x {
		z += w[k+1] * v
	}
	return 1 / (1 + math.Exp(-z))
}

// solve solves a x = b by Gaussian elimination with partial pivoting.
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	m := make([][]float64, n)
	for i := range a {
		m[i] = append(append([]float64{}, a[i]...), b[i])
	}
	for c := range n {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		m[c], m[p] = m[p], m[c]
		for r := c + 1; r < n; r++ {
			f := m[r][c] / m[c][c]
			for k := c; k <= n; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := m[r][n]
		for k := r + 1; k < n; k++ {
			s -= m[r][k] * x[k]
		}
		x[r] = s / m[r][r]
	}
	return x
}
