package build

import (
	"strings"
	"testing"
)

func TestEndsWithName(t *testing.T) {
	tests := []struct {
		full, short string
		want        bool
	}{
		{"Dmitry Peskov", "Peskov", true},
		{"Volodymyr Zelensky", "Zelenskyy", true},
		{"Vladimir Putin", "Putin", true},
		{"Karoline Leavitt", "Leavitt", true},
		{"Vladimir Putin", "Vladimir Putin", false}, // not longer
		{"Mike Waltz", "Walt", false},               // a prefix is not a name
		{"Jon Day", "Dey", false},                   // short names must match exactly
		{"Anna Berg", "Bergman", false},
		{"Maria Ortiz", "Ortiz Maria", false},
	}
	for _, tt := range tests {
		if got := endsWithName(tt.full, tt.short); got != tt.want {
			t.Errorf("endsWithName(%q, %q)=%v, want %v", tt.full, tt.short, got, tt.want)
		}
	}
}

// TestFullNames checks the indexed speaker folding against trying every
// name against every other, on names made to collide: shared surnames,
// one-letter spellings, multi-word short forms, spaces.
func TestFullNames(t *testing.T) {
	first := []string{"Dmitry", "Volodymyr", "Anna", "Mike", "", "Kremlin spokesman Dmitry"}
	last := []string{"Peskov", "Zelensky", "Zelenskyy", "Zelenskiy", "Berg", "Bergman", "Waltz", "Walt", "Peskova"}
	set := map[string]bool{" ": true, "": true, "Dmitry Peskov": true}
	for i, f := range first {
		for j, l := range last {
			if (i+j)%3 != 0 {
				set[strings.TrimSpace(f+" "+l)] = true
			}
		}
	}
	brute := func(sp string) string {
		best := sp
		for other := range set {
			if sp != "" && other != sp && endsWithName(other, sp) && (len(other) > len(best) || len(other) == len(best) && other < best) {
				best = other
			}
		}
		return best
	}
	got := fullNames(set)
	for sp := range set {
		if want := brute(sp); got[sp] != want {
			t.Errorf("fullNames[%q]=%q, want %q", sp, got[sp], want)
		}
	}
	if len(got) != len(set) {
		t.Errorf("fullNames has %d names, want %d", len(got), len(set))
	}
}
