package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
)

// The four WordNet parts of speech, in the order of internal/lexicon's
// part-of-speech bit mask.
var posNames = []string{"noun", "verb", "adj", "adv"}

// synsetKey names a synset by part-of-speech file and byte offset.
type synsetKey struct {
	pos    int
	offset uint32
}

// synset is the part of a data.* line the generator needs.
type synset struct {
	words []string // lowercased, adjective markers stripped
	ptrs  []pointer
	nHypo int // direct hyponyms ("~")
}

type pointer struct {
	symbol string
	target synsetKey
	source int // 1-based word number in this synset, 0 for a semantic pointer
	dest   int // 1-based word number in the target synset
}

// lemmaInfo collects what the lexicon stores for one single-word lemma.
type lemmaInfo struct {
	posMask  int
	tagCount int
	own      map[synsetKey]bool // its top senses
	der      map[synsetKey]bool // synsets of derivationally related words
	hyp      map[synsetKey]bool // direct hypernyms of its top verb senses
}

// wordNet is the derived WordNet data, ready to encode.
type wordNet struct {
	lemmas     map[string]*lemmaInfo
	exceptions [4]map[string][]string // per part of speech: inflected form -> base forms
}

// readWordNet reads index.*, data.* and *.exc from a WordNet 3.0 dict directory.
func readWordNet(fsys fs.FS, opts options) (*wordNet, error) {
	synsets := map[synsetKey]*synset{}
	for pos, name := range posNames {
		if err := readData(fsys, "data."+name, pos, synsets); err != nil {
			return nil, err
		}
	}
	wn := &wordNet{lemmas: map[string]*lemmaInfo{}}
	for pos, name := range posNames {
		if err := wn.readIndex(fsys, "index."+name, pos, synsets, opts); err != nil {
			return nil, err
		}
		exc, err := readExceptions(fsys, name+".exc")
		if err != nil {
			return nil, err
		}
		wn.exceptions[pos] = exc
	}
	return wn, nil
}

// readData parses a data.* file into synsets.
func readData(fsys fs.FS, name string, pos int, synsets map[synsetKey]*synset) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	for lineno, line := range strings.Split(string(b), "\n") {
		if line == "" || line[0] == ' ' { // licence header
			continue
		}
		if i := strings.Index(line, " | "); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		bad := func(what string) error { return fmt.Errorf("%s:%d: %s", name, lineno+1, what) }
		if len(f) < 4 {
			return bad("short line")
		}
		off, err := strconv.ParseUint(f[0], 10, 32)
		if err != nil {
			return bad("offset")
		}
		wcnt, err := strconv.ParseUint(f[3], 16, 8)
		if err != nil {
			return bad("word count")
		}
		i := 4
		s := &synset{}
		for range wcnt {
			if i+1 >= len(f) {
				return bad("words")
			}
			w := strings.ToLower(f[i])
			if j := strings.IndexByte(w, '('); j > 0 { // "(a)", "(p)", "(ip)" markers
				w = w[:j]
			}
			s.words = append(s.words, w)
			i += 2
		}
		if i >= len(f) {
			return bad("pointer count")
		}
		pcnt, err := strconv.Atoi(f[i])
		if err != nil {
			return bad("pointer count")
		}
		i++
		for range pcnt {
			if i+3 >= len(f) {
				return bad("pointers")
			}
			toff, err1 := strconv.ParseUint(f[i+1], 10, 32)
			st, err2 := strconv.ParseUint(f[i+3], 16, 16)
			tpos := strings.Index("nvar", strings.Replace(f[i+2], "s", "a", 1))
			if err1 != nil || err2 != nil || tpos < 0 {
				return bad("pointer")
			}
			p := pointer{symbol: f[i], target: synsetKey{tpos, uint32(toff)}, source: int(st >> 8), dest: int(st & 0xff)}
			s.ptrs = append(s.ptrs, p)
			if p.symbol == "~" {
				s.nHypo++
			}
			i += 4
		}
		synsets[synsetKey{pos, uint32(off)}] = s
	}
	return nil
}

// readIndex parses an index.* file and records every single-word lemma with
// its top senses, their derivational relations and (verbs) hypernyms.
func (wn *wordNet) readIndex(fsys fs.FS, name string, pos int, synsets map[synsetKey]*synset, opts options) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	for lineno, line := range strings.Split(string(b), "\n") {
		if line == "" || line[0] == ' ' {
			continue
		}
		f := strings.Fields(line)
		bad := func(what string) error { return fmt.Errorf("%s:%d: %s", name, lineno+1, what) }
		if len(f) < 6 {
			return bad("short line")
		}
		lemma := f[0]
		pcnt, err := strconv.Atoi(f[3])
		if err != nil || len(f) < 6+pcnt {
			return bad("pointer count")
		}
		tagCount, err := strconv.Atoi(f[5+pcnt])
		if err != nil {
			return bad("tagsense count")
		}
		offsets := f[6+pcnt:]
		if strings.Contains(lemma, "_") { // collocations: the aligner works on single tokens
			continue
		}
		li := wn.lemmas[lemma]
		if li == nil {
			li = &lemmaInfo{own: map[synsetKey]bool{}, der: map[synsetKey]bool{}, hyp: map[synsetKey]bool{}}
			wn.lemmas[lemma] = li
		}
		li.posMask |= 1 << pos
		li.tagCount += tagCount
		// Senses are listed most frequent first; the tail adds mostly noise.
		for _, o := range offsets[:min(len(offsets), opts.Senses)] {
			off, err := strconv.ParseUint(o, 10, 32)
			if err != nil {
				return bad("synset offset")
			}
			key := synsetKey{pos, uint32(off)}
			s := synsets[key]
			if s == nil {
				return bad("unknown synset " + o)
			}
			li.own[key] = true
			wordNo := slices.Index(s.words, lemma) + 1
			for _, p := range s.ptrs {
				switch {
				case p.symbol == "+" && p.source == wordNo:
					li.der[p.target] = true
				case p.symbol == "@" && pos == 1:
					if h := synsets[p.target]; h != nil && h.nHypo <= opts.MaxHyponyms {
						li.hyp[p.target] = true
					}
				}
			}
		}
	}
	return nil
}

// readExceptions parses a *.exc file: "inflected base [base...]".
func readExceptions(fsys fs.FS, name string) (map[string][]string, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	exc := map[string][]string{}
	for line := range strings.Lines(string(b)) {
		f := strings.Fields(line)
		if len(f) < 2 || strings.Contains(f[0], "_") {
			continue
		}
		for _, base := range f[1:] {
			if !strings.Contains(base, "_") && base != f[0] && !slices.Contains(exc[f[0]], base) {
				exc[f[0]] = append(exc[f[0]], base)
			}
		}
	}
	return exc, nil
}

// encode adds wordnet.txt and exceptions.txt to files. Synsets
// are renumbered densely in (part of speech, offset) order, so the numbers
// only mean "same synset" to the reader.
func (wn *wordNet) encode(files map[string][]byte) {
	lemmas := sortedKeys(wn.lemmas)
	used := map[synsetKey]bool{}
	for _, l := range lemmas {
		li := wn.lemmas[l]
		for _, m := range []map[synsetKey]bool{li.own, li.der, li.hyp} {
			for k := range m {
				used[k] = true
			}
		}
	}
	keys := make([]synsetKey, 0, len(used))
	for k := range used {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, cmpKey)
	id := make(map[synsetKey]int, len(keys))
	for i, k := range keys {
		id[k] = i
	}
	ids := func(m map[synsetKey]bool) string {
		n := make([]int, 0, len(m))
		for k := range m {
			n = append(n, id[k])
		}
		slices.Sort(n)
		var sb strings.Builder
		for i, x := range n {
			if i > 0 {
				sb.WriteByte(',')
			}
			sb.WriteString(strconv.FormatInt(int64(x), 36))
		}
		return sb.String()
	}

	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	fmt.Fprintf(w, "# lemma\tpos-mask\ttag-count\tsenses\tderived\thypernyms (synset numbers base 36)\n")
	for _, l := range lemmas {
		li := wn.lemmas[l]
		fmt.Fprintf(w, "%s\t%d\t%d\t%s\t%s\t%s\n", l, li.posMask, li.tagCount, ids(li.own), ids(li.der), ids(li.hyp))
	}
	w.Flush()
	files["wordnet.txt"] = bytes.Clone(buf.Bytes())

	buf.Reset()
	fmt.Fprintf(w, "# pos\tinflected\tbase...\n")
	for pos, exc := range wn.exceptions {
		for _, form := range sortedKeys(exc) {
			fmt.Fprintf(w, "%d\t%s\t%s\n", pos, form, strings.Join(exc[form], "\t"))
		}
	}
	w.Flush()
	files["exceptions.txt"] = bytes.Clone(buf.Bytes())
}

func cmpKey(a, b synsetKey) int {
	if a.pos != b.pos {
		return a.pos - b.pos
	}
	return int(a.offset) - int(b.offset)
}
