package build

import "strings"

// fullNames maps each speaker to the longest name of the set that ends
// with it (see endsWithName), the smallest such name on a tie, or to
// itself: one person, one name ("Peskov" to "Dmitry Peskov"). Trying
// every name against every other made the briefing quadratic in its
// speakers (2.2 s at 1,000 articles, 21 s at 3,000); a name can only
// end with another if their last words are equal or one letter apart,
// so names are indexed by their last word and by that word with each
// letter left out, and only those candidates are compared.
func fullNames(speakers map[string]bool) map[string]string {
	byLast := map[string][]string{} // last word -> names
	byDel := map[string][]string{}  // last word with one letter left out -> names
	var odd []string                // names without a word: compared with every name
	for sp := range speakers {
		w := lastWord(sp)
		if w == "" {
			odd = append(odd, sp)
			continue
		}
		byLast[w] = append(byLast[w], sp)
		for i := range len(w) {
			d := w[:i] + w[i+1:]
			byDel[d] = append(byDel[d], sp)
		}
	}
	out := make(map[string]string, len(speakers))
	for sp := range speakers {
		best := sp
		try := func(other string) {
			if sp != "" && other != sp && endsWithName(other, sp) && (len(other) > len(best) || len(other) == len(best) && other < best) {
				best = other
			}
		}
		w := lastWord(sp)
		if w == "" {
			// A name of spaces only matches by suffix: compare it with all.
			for other := range speakers {
				try(other)
			}
			out[sp] = best
			continue
		}
		// Same last word, or a word one letter longer, or shorter.
		for _, other := range byLast[w] {
			try(other)
		}
		for _, other := range byDel[w] {
			try(other)
		}
		for i := range len(w) {
			for _, other := range byLast[w[:i]+w[i+1:]] {
				try(other)
			}
		}
		for _, other := range odd {
			try(other)
		}
		out[sp] = best
	}
	return out
}

// lastWord returns the last of the words of s, as strings.Fields splits
// them, or "".
func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}
