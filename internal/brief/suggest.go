package brief

import (
	"fmt"
	"strings"
)

// UnknownKey returns the message for a key that is not one of known,
// naming the nearest known key when one is close enough to be a typo:
//
//	unknown key "outlte" (did you mean "outlet"?)
//	unknown key "colour" (known keys: title, outlet, date)
//
// brief.yaml, front matter and annotations.yaml share it, so the three
// formats answer a typo the same way.
func UnknownKey(key string, known []string) string {
	if s := Nearest(key, known); s != "" {
		return fmt.Sprintf("unknown key %q (did you mean %q?)", key, s)
	}
	return fmt.Sprintf("unknown key %q (known keys: %s)", key, strings.Join(known, ", "))
}

// Nearest returns the word of known closest to s, or "" when none is
// close enough to be a typo of it. Closeness is the optimal string
// alignment distance (insertions, deletions, substitutions and swaps of
// two neighbouring letters each count one) after folding case; a word
// qualifies within one edit for words of up to four letters and within
// two otherwise, and never by replacing all but one of its letters. Ties
// go to the earlier word of known.
func Nearest(s string, known []string) string {
	a := []rune(strings.ToLower(s))
	best, bestD := "", -1
	for _, k := range known {
		b := []rune(strings.ToLower(k))
		d := osaDistance(a, b)
		limit := 2
		if min(len(a), len(b)) <= 4 {
			limit = 1
		}
		if d > limit || d >= max(len(a), len(b)) {
			continue
		}
		if bestD < 0 || d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// osaDistance is the optimal string alignment distance between a and b:
// the Levenshtein distance where swapping two adjacent runes also costs
// one (so "outlte" is one edit from "outlet").
func osaDistance(a, b []rune) int {
	// Three rows of the dynamic-programming table: the swap looks two
	// rows back.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
