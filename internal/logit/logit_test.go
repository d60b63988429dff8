package logit

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestFitRecovers fits data drawn from known weights and finds them again.
func TestFitRecovers(t *testing.T) {
	want := []float64{-1, 2, -3}
	r := rand.New(rand.NewPCG(1, 2))
	var xs [][]float64
	var ys []float64
	for range 20000 {
		x := []float64{r.NormFloat64(), r.NormFloat64()}
		y := 0.0
		if r.Float64() < Prob(want, x) {
			y = 1
		}
		xs, ys = append(xs, x), append(ys, y)
	}
	got, err := Fit(xs, ys, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	for k := range want {
		if math.Abs(got[k]-want[k]) > 0.1 {
			t.Errorf("weight %d = %.3f, want %.3f ± 0.1 (all %v)", k, got[k], want[k], got)
		}
	}
}

// TestFitWeighted: weighting an example n times is fitting it n times.
func TestFitWeighted(t *testing.T) {
	xs := [][]float64{{0}, {1}, {2}, {3}, {1}, {2}}
	ys := []float64{0, 0, 1, 1, 1, 0}
	ws := []float64{1, 3, 1, 2, 1, 1}
	var rx [][]float64
	var ry []float64
	for i, x := range xs {
		for range int(ws[i]) {
			rx, ry = append(rx, x), append(ry, ys[i])
		}
	}
	a, err := Fit(xs, ys, ws, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Fit(rx, ry, nil, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	for k := range a {
		if math.Abs(a[k]-b[k]) > 1e-6 {
			t.Errorf("weighted %v, repeated %v", a, b)
		}
	}
}

func TestFitErrors(t *testing.T) {
	for _, c := range []struct {
		xs     [][]float64
		ys, ws []float64
	}{
		{nil, nil, nil},
		{[][]float64{{1}}, []float64{1, 0}, nil},
		{[][]float64{{1}, {1, 2}}, []float64{1, 0}, nil},
		{[][]float64{{1}}, []float64{1}, []float64{1, 2}},
	} {
		if _, err := Fit(c.xs, c.ys, c.ws, 1); err == nil {
			t.Errorf("Fit(%v, %v, %v): no error", c.xs, c.ys, c.ws)
		}
	}
}
