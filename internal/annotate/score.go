package annotate

// Weights of the signals in a pair's score.
const (
	entityWeight = 1.6 // a shared name counts more than a shared word
	numberWeight = 1.5 // a shared quantity with the same value
	minRelated   = 0.45
)

// scorer computes the similarity of two claims.
type scorer struct {
	ix  *index
	lex Lexicon
}

// similarity is an IDF-weighted soft alignment of the two claims'
// features, averaged over both directions: every content word finds its
// best counterpart (identical lemma, else synonym or vector neighbour),
// names and quantities count when they are shared.
func (s *scorer) similarity(a, b *node) float64 {
	ab := s.direction(a, b)
	ba := s.direction(b, a)
	// The mean favours a short claim matched inside a longer one; the
	// minimum keeps two long claims sharing one phrase apart.
	lo, hi := min(ab, ba), max(ab, ba)
	return 0.65*lo + 0.35*hi
}

func (s *scorer) direction(a, b *node) float64 {
	var num, den float64
	for _, l := range a.f.lemmas {
		w := s.ix.idf["w:"+l]
		den += w
		best := 0.0
		for _, m := range b.f.lemmas {
			if m == l {
				best = 1
				break
			}
		}
		if best < 1 {
			for _, m := range b.f.lemmas {
				if r := s.lex.Related(l, m); r > best && r >= minRelated {
					best = r
				}
			}
		}
		num += w * best
	}
	for _, e := range a.ents {
		w := s.ix.idf["e:"+e] * entityWeight
		den += w
		if containsStr(b.ents, e) {
			num += w
		}
	}
	for _, x := range a.f.nums {
		k := "v:" + x.Key()
		w := numberWeight * s.ix.idf["n:"+x.Key()]
		den += w
		for _, y := range b.f.nums {
			if y.Key() == x.Key() && y.Value == x.Value {
				num += w
				break
			}
		}
		_ = k
	}
	if den == 0 {
		return 0
	}
	return num / den
}

func containsStr(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}
