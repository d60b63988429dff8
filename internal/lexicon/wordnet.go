package lexicon

import (
	"fmt"
	"io/fs"
	"strings"
)

// Parts of speech, as bit numbers of a lemma's part-of-speech mask.
const (
	noun = iota
	verb
	adj
	adv
	numPOS
)

// wordNet holds the WordNet tables: lemmas with their synsets, and the
// irregular forms.
type wordNet struct {
	index      map[string]int32 // lemma -> entries index
	entries    []entry
	synsets    []uint32                    // pool the entries' spans point into
	exceptions [numPOS]map[string][]string // inflected form -> base forms
	rules      [numPOS][]detachment        // morphy's suffix rules
}

// entry is one lemma. own, der and hyp are sorted synset numbers: the
// lemma's top senses, synsets derivationally related to them and the
// direct hypernyms of its verb senses.
type entry struct {
	posMask  uint8
	tagCount int32
	own      span
	der      span
	hyp      span
}

// span is a slice of wordNet.synsets.
type span struct{ off, n uint32 }

func (wn *wordNet) ids(s span) []uint32 { return wn.synsets[s.off : s.off+s.n] }

// load reads wordnet.txt and exceptions.txt.
func (wn *wordNet) load(fsys fs.FS) error {
	wn.rules = morphyRules()
	b, err := fs.ReadFile(fsys, "wordnet.txt")
	if err != nil {
		return err
	}
	// One string for the whole file: lemmas are substrings of it, which
	// saves an allocation per lemma. The parser is hand-written because
	// it dominates the load time.
	text := string(b)
	n := strings.Count(text, "\n")
	wn.index = make(map[string]int32, n)
	wn.entries = make([]entry, 0, n)
	wn.synsets = make([]uint32, 0, 3*n)
	err = lines(text, func(lineno int, line string) error {
		var f [6]string
		if !splitTabs(line, f[:]) {
			return fmt.Errorf("wordnet.txt:%d: want 6 fields", lineno)
		}
		mask, ok1 := parseUint(f[1], 10)
		tag, ok2 := parseUint(f[2], 10)
		if !ok1 || !ok2 || mask >= 1<<numPOS {
			return fmt.Errorf("wordnet.txt:%d: bad number", lineno)
		}
		e := entry{posMask: uint8(mask), tagCount: int32(tag)}
		for i, s := range []*span{&e.own, &e.der, &e.hyp} {
			off := len(wn.synsets)
			for list := f[3+i]; list != ""; {
				id, rest, _ := strings.Cut(list, ",")
				x, ok := parseUint(id, 36)
				if !ok {
					return fmt.Errorf("wordnet.txt:%d: bad synset %q", lineno, id)
				}
				wn.synsets = append(wn.synsets, x)
				list = rest
			}
			*s = span{uint32(off), uint32(len(wn.synsets) - off)}
		}
		wn.index[f[0]] = int32(len(wn.entries))
		wn.entries = append(wn.entries, e)
		return nil
	})
	if err != nil {
		return err
	}

	b, err = fs.ReadFile(fsys, "exceptions.txt")
	if err != nil {
		return err
	}
	for p := range wn.exceptions {
		wn.exceptions[p] = map[string][]string{}
	}
	return lines(string(b), func(lineno int, line string) error {
		f := strings.Split(line, "\t")
		if len(f) < 3 || len(f[0]) != 1 || f[0][0] < '0' || f[0][0] >= '0'+numPOS {
			return fmt.Errorf("exceptions.txt:%d: bad line", lineno)
		}
		wn.exceptions[f[0][0]-'0'][f[1]] = f[2:]
		return nil
	})
}

// parseUint parses a non-empty number of at most 32 bits in base 10 or 36
// (lowercase digits), without strconv's generality.
func parseUint(s string, base uint64) (uint32, bool) {
	if s == "" || len(s) > 7 {
		return 0, false
	}
	var x uint64
	for i := 0; i < len(s); i++ {
		c := uint64(s[i])
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'z':
			c -= 'a' - 10
		default:
			return 0, false
		}
		if c >= base {
			return 0, false
		}
		x = x*base + c
	}
	return uint32(x), x <= 1<<32-1
}

// splitTabs splits line at tabs into exactly len(f) fields.
func splitTabs(line string, f []string) bool {
	for i := range len(f) - 1 {
		j := strings.IndexByte(line, '\t')
		if j < 0 {
			return false
		}
		f[i], line = line[:j], line[j+1:]
	}
	f[len(f)-1] = line
	return !strings.Contains(line, "\t")
}

// has reports whether lemma is a WordNet lemma of part of speech pos.
func (wn *wordNet) has(lemma string, pos int) bool {
	i, ok := wn.index[lemma]
	return ok && wn.entries[i].posMask&(1<<pos) != 0
}

// detachment is a WordNet morphy rule: replace the suffix with repl.
type detachment struct{ suffix, repl string }

// morphyRules returns WordNet's detachment rules (morphy(7WN)) per part
// of speech; adverbs have none.
func morphyRules() [numPOS][]detachment {
	return [numPOS][]detachment{
		noun: {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
		verb: {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
		adj:  {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
	}
}

// candidates returns the WordNet lemmas word (already normalised) may be a
// form of, in any part of speech, without duplicates; word itself is one
// if it is a lemma. Like WordNet's morphy, an irregular form is looked up
// only in the exception list of its part of speech, and the detachment
// rules are applied once.
func (wn *wordNet) candidates(w string, out []string) []string {
	add := func(s string, pos int) {
		if wn.has(s, pos) && !contains(out, s) {
			out = append(out, s)
		}
	}
	for pos := range numPOS {
		add(w, pos)
		if bases, ok := wn.exceptions[pos][w]; ok {
			for _, b := range bases {
				add(b, pos)
			}
			continue
		}
		for _, d := range wn.rules[pos] {
			stem, ok := strings.CutSuffix(w, d.suffix)
			if !ok || len(stem) < 2 {
				continue
			}
			// "-es" -> "" only after a sibilant or "o" ("fixes", "goes"),
			// else "aides" would become the verb "aid".
			if pos == verb && d.suffix == "es" && d.repl == "" && !sibilant(stem) {
				continue
			}
			add(stem+d.repl, pos)
		}
	}
	return out
}

func sibilant(stem string) bool {
	for _, s := range []string{"s", "x", "z", "ch", "sh", "o"} {
		if strings.HasSuffix(stem, s) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Lemma returns the lowercase base form of word: "went" -> "go",
// "children" -> "child", "negotiations" -> "negotiation", "arrived" ->
// "arrive". It lowercases word, folds "’" to "'" and drops a possessive
// "'s"; a word that is no form of a WordNet lemma ("U.S.", "Zelensky", a
// number) is returned after that normalisation. Forms of "be", "have" and
// "do" map to those verbs; other stopwords are returned as they are.
//
// When a form belongs to several lemmas ("saw": the noun "saw" or the verb
// "see"), Lemma picks the one with the larger WordNet tagged-sense count,
// then the shorter, then the first in byte order. It is deterministic but
// context-free: "left" is always "leave".
func (l *Lexicon) Lemma(word string) string {
	w := normalize(word)
	if base, ok := functionLemma(w); ok {
		return base
	}
	var buf [8]string
	cands := l.candidates(w, buf[:0])
	best, bestTag := w, int32(-1)
	for _, c := range cands {
		tag := l.entries[l.index[c]].tagCount
		if tag > bestTag || tag == bestTag && (len(c) < len(best) || len(c) == len(best) && c < best) {
			best, bestTag = c, tag
		}
	}
	return best
}

// Synonyms reports whether a and b may stand for the same thing in a news
// sentence. It is true when, after normalising as [Lexicon.Lemma] does,
//
//   - they have a lemma in common ("talks"/"talked", "left"/"leaving");
//   - a lemma of one shares a synset with a lemma of the other among their
//     first three senses per part of speech ("talks"/"negotiations",
//     "retake"/"recapture");
//   - one is derivationally related to a sense of the other
//     ("arrived"/"arrival", "negotiate"/"negotiation");
//   - a verb sense of one is a direct, not too general, hypernym of a
//     sense of the other ("landed" -> "arrived").
//
// Stopwords match only words with the same lemma ("is"/"was"), so the
// pronoun "us" is no synonym of "America". Synonyms is symmetric.
func (l *Lexicon) Synonyms(a, b string) bool {
	a, b = normalize(a), normalize(b)
	if a == b {
		return true
	}
	fa, stopA := functionLemma(a)
	fb, stopB := functionLemma(b)
	if stopA || stopB {
		return fa == fb && stopA && stopB
	}
	var bufA, bufB [8]string
	ca := l.candidates(a, bufA[:0])
	cb := l.candidates(b, bufB[:0])
	for _, x := range ca {
		if contains(cb, x) {
			return true
		}
	}
	for _, x := range ca {
		ex := &l.entries[l.index[x]]
		for _, y := range cb {
			ey := &l.entries[l.index[y]]
			if l.overlap(ex.own, ey.own) ||
				l.overlap(ex.own, ey.der) || l.overlap(ex.der, ey.own) ||
				l.overlap(ex.own, ey.hyp) || l.overlap(ex.hyp, ey.own) {
				return true
			}
		}
	}
	return false
}

// overlap reports whether two sorted synset lists share a member.
func (wn *wordNet) overlap(s, t span) bool {
	a, b := wn.ids(s), wn.ids(t)
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] == b[0]:
			return true
		case a[0] < b[0]:
			a = a[1:]
		default:
			b = b[1:]
		}
	}
	return false
}
