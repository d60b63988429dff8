package lexicon

import (
	"fmt"
	"io/fs"
	"strings"
)

// loadAntonyms reads antonyms.txt: one pair a line, "a\tb" with a < b.
func (v *vectors) loadAntonyms(fsys fs.FS) error {
	b, err := fs.ReadFile(fsys, "antonyms.txt")
	if err != nil {
		return err
	}
	text := string(b)
	v.anton = make(map[[2]string]struct{}, strings.Count(text, "\n"))
	return lines(text, func(lineno int, line string) error {
		a, b, ok := strings.Cut(line, "\t")
		if !ok || a == "" || b == "" || a >= b || strings.Contains(b, "\t") {
			return fmt.Errorf("antonyms.txt:%d: want two different words in order, tab-separated", lineno)
		}
		v.anton[[2]string{a, b}] = struct{}{}
		return nil
	})
}

// addAntonymLemmas adds the pair of lemmas of each antonym pair: the
// constraint lists hold inflected forms ("confirm contradicted", "deny
// admitted"), and this makes "confirms"/"contradicts" one too. It runs on
// the first call of Antonym (about 15 ms), not in Load.
func (l *Lexicon) addAntonymLemmas() {
	pairs := make([][2]string, 0, len(l.anton))
	for p := range l.anton {
		pairs = append(pairs, p)
	}
	for _, p := range pairs {
		a, b := l.Lemma(p[0]), l.Lemma(p[1])
		if a == b || (a == p[0] && b == p[1]) {
			continue
		}
		if b < a {
			a, b = b, a
		}
		l.anton[[2]string{a, b}] = struct{}{}
	}
}

func (v *vectors) antonymPair(a, b string) bool {
	if b < a {
		a, b = b, a
	}
	_, ok := v.anton[[2]string{a, b}]
	return ok
}

// Antonym reports whether a and b are antonyms in WordNet or PPDB 2.0 (the
// antonym constraints of counter-fitting): "rise"/"fall", "win"/"lose",
// "deny"/"admit", "alive"/"dead". Words are lowercased (possessive
// dropped) and tried as they are and by their lemmas, so "won" and "lost"
// are antonyms because "win" and "lose" are. The lists are WordNet's and
// PPDB's: they miss pairs a reader would count ("confirm"/"deny" is not
// there) and word senses are not told apart.
func (l *Lexicon) Antonym(a, b string) bool {
	l.antonymLemmas.Do(l.addAntonymLemmas)
	a, b = normalize(a), normalize(b)
	if a == b {
		return false
	}
	if l.antonymPair(a, b) {
		return true
	}
	la, lb := l.Lemma(a), l.Lemma(b)
	if la == lb {
		return false
	}
	return (la != a || lb != b) && (l.antonymPair(la, lb) || l.antonymPair(la, b) || l.antonymPair(a, lb))
}
