package annotate

import (
	"sort"
	"strings"
)

// mention is a named entity in a claim: a run of capitalised words with
// the title in front of it split off ("Press Secretary" + "Karoline Leavitt").
type mention struct {
	Name  string // as written, title removed
	Key   string // folded: lower case, no dots; canonicalised across the corpus later
	Title string // as written ("National Security Adviser"), if any
	Role  string // head noun of the title, lower case ("adviser")
	// Person is set when the name carries a title or speaks.
	Person bool
	// Place is set when a place preposition or a list of places precedes it.
	Place      bool
	Start, End int // byte range of Name in the claim text
	TitleStart int // byte offset where Title starts
}

// roleNouns are English words that name an office or function. They mark
// the end of a title in front of a person's name.
var roleNouns = setOf(
	"president", "vice", "premier", "minister", "secretary", "adviser", "advisor", "spokesman",
	"spokeswoman", "spokesperson", "envoy", "ambassador", "chief", "director", "senator", "governor",
	"mayor", "commander", "general", "chairman", "chairwoman", "chair", "deputy", "attorney", "judge",
	"justice", "king", "queen", "prince", "princess", "pope", "lieutenant", "colonel", "major", "captain",
	"admiral", "sergeant", "officer", "aide", "correspondent", "reporter", "editor", "analyst", "head",
	"leader", "speaker", "chancellor", "representative", "rep", "sen", "gen", "gov", "lt", "col", "mr",
	"mrs", "ms", "dr", "sir", "dame", "lord", "lady", "professor", "prof", "founder", "ceo", "coordinator",
	"negotiator", "diplomat", "counsel", "emissary", "delegate", "parliamentarian", "lawmaker",
	"congressman", "congresswoman", "councillor", "councilor", "commissioner", "superintendent",
	"inspector", "detective", "sheriff", "marshal", "economist", "scientist", "spokesmen", "manager",
	"presidential", "foreign", "assistant", "undersecretary", "treasurer", "chairperson", "executive",
)

// roleFold maps variant spellings of one office to one form.
func roleFold(r string) string {
	switch {
	case strings.HasPrefix(r, "spokes"):
		return "spokesperson"
	case r == "advisor":
		return "adviser"
	case r == "chairman" || r == "chairwoman" || r == "chairperson":
		return "chair"
	case r == "mr" || r == "mrs" || r == "ms" || r == "dr" || r == "sir":
		return ""
	}
	return r
}

// connectors may join capitalised words inside one name.
var connectors = setOf("of", "the", "de", "al", "bin", "van", "von", "der", "la", "du", "da")

// placePreps precede a place name.
var placePreps = setOf("in", "at", "to", "from", "into", "near", "across", "toward", "towards", "outside", "inside", "around", "throughout")

// entityKey folds a name: lower case, dots and possessives removed,
// curly apostrophes straightened.
func entityKey(name string) string {
	k := strings.ToLower(name)
	k = strings.ReplaceAll(k, ".", "")
	k = strings.ReplaceAll(k, "’", "'")
	return strings.Join(strings.Fields(k), " ")
}

// extractMentions finds named entities in a claim. lowerVocab holds the
// words its source uses in lower case, which tells a capitalised first
// word ("Meanwhile") from a name ("Moscow").
func extractMentions(text string, toks []token, lowerVocab map[string]bool) []mention {
	var out []mention
	isName := func(t token) bool {
		if !t.Cap || isNumberWord(t.Lower) || weekdays[t.Lower] || isMonth(t.Lower) {
			return false
		}
		if t.Initial && (isStop(t.Lower) || lowerVocab[t.Lower]) && !roleNouns[t.Lower] {
			return false
		}
		return true
	}
	for i := 0; i < len(toks); {
		if !isName(toks[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			if toks[j-1].Poss || toks[j].Start-toks[j-1].End > 1 || strings.ContainsAny(text[toks[j-1].End:toks[j].Start], ",;:()“”\"") {
				break
			}
			if isName(toks[j]) {
				j++
				continue
			}
			// "Secretary of State", "Chief of the General Staff".
			k := j
			for k < len(toks) && connectors[toks[k].Lower] && !toks[k].Cap && k-j < 2 {
				k++
			}
			if k > j && k < len(toks) && isName(toks[k]) && toks[k].Start-toks[k-1].End <= 1 {
				j = k + 1
				continue
			}
			break
		}
		out = append(out, splitTitle(text, toks, i, j)...)
		i = j
	}
	// Lower-case titles in front of a name: "special envoy Steve Witkoff".
	for m := range out {
		if out[m].Title != "" {
			continue
		}
		k := tokenAt(toks, out[m].Start)
		if k <= 0 || !roleNouns[toks[k-1].Lower] || toks[k-1].Cap {
			continue
		}
		{
			a := k - 1
			for a > 0 && (roleNouns[toks[a-1].Lower] || toks[a-1].Cap) && !strings.ContainsAny(text[toks[a-1].End:toks[a].Start], ",;") && a > k-4 {
				a--
			}
			out[m].Title = text[toks[a].Start:toks[k-1].End]
			out[m].TitleStart = toks[a].Start
			out[m].Role = roleFold(toks[k-1].Lower)
			out[m].Person = out[m].Role != ""
		}
	}
	// Apposition: "Oleksandr Syrsky, head of …", "X, a spokesman for …".
	for m := range out {
		k := tokenAt(toks, out[m].End)
		if k >= len(toks) || !strings.HasPrefix(strings.TrimSpace(text[out[m].End:toks[k].Start]), ",") {
			continue
		}
		for n := k; n < len(toks) && n < k+4; n++ {
			if roleNouns[toks[n].Lower] && !toks[n].Cap {
				out[m].Person = true
				break
			}
		}
	}
	// Places: after a place preposition, or in a list that contains one.
	for m := range out {
		k := tokenAt(toks, out[m].TitleStart)
		if k > 0 && placePreps[toks[k-1].Lower] && out[m].Title == "" {
			out[m].Place = true
		}
	}
	for m := 1; m < len(out); m++ {
		gap := text[out[m-1].End:out[m].Start]
		if (out[m-1].Place || out[m].Place) && (strings.TrimSpace(gap) == "," || strings.TrimSpace(gap) == ", and" || strings.TrimSpace(gap) == "and") {
			out[m-1].Place, out[m].Place = true, true
		}
	}
	return out
}

// splitTitle splits the capitalised run toks[i:j] into a title and a name
// at its last role noun ("White House Press Secretary | Karoline Leavitt").
func splitTitle(text string, toks []token, i, j int) []mention {
	last := -1
	for k := i; k < j; k++ {
		if roleNouns[toks[k].Lower] {
			last = k
		}
	}
	// "President of Belarus": a role followed by "of" names an office, not a person.
	if last >= 0 && last+1 < j && connectors[toks[last+1].Lower] {
		first := last + 1
		for first < j && connectors[toks[first].Lower] {
			first++
		}
		if j-first >= 3 {
			// "Secretary of State Marco Rubio": the last two words name the person.
			n := j - 2
			name := text[toks[n].Start:toks[j-1].End]
			return []mention{{Name: name, Key: entityKey(name), Start: toks[n].Start, End: toks[j-1].End,
				Title: text[toks[i].Start:toks[n-1].End], TitleStart: toks[i].Start, Role: roleFold(toks[last].Lower), Person: true}}
		}
		if first >= j {
			return nil
		}
		// "President of Belarus": an office, not a person.
		name := text[toks[first].Start:toks[j-1].End]
		return []mention{{Name: name, Key: entityKey(name), Start: toks[first].Start, End: toks[j-1].End, TitleStart: toks[first].Start}}
	}
	if last < 0 {
		name := text[toks[i].Start:toks[j-1].End]
		return []mention{{Name: name, Key: entityKey(name), Start: toks[i].Start, End: toks[j-1].End, TitleStart: toks[i].Start}}
	}
	if last == j-1 {
		// Only a title ("the President"): no name.
		return nil
	}
	name := text[toks[last+1].Start:toks[j-1].End]
	return []mention{{
		Name: name, Key: entityKey(name), Start: toks[last+1].Start, End: toks[j-1].End,
		Title: text[toks[i].Start:toks[last].End], TitleStart: toks[i].Start,
		Role: roleFold(toks[last].Lower), Person: true,
	}}
}

// tokenAt returns the index of the token starting at byte offset off.
func tokenAt(toks []token, off int) int {
	return sort.Search(len(toks), func(k int) bool { return toks[k].Start >= off })
}

// aliases folds entity keys that name the same thing across the corpus:
// "U.S."/"US"/"United States", "Zelensky"/"Zelenskyy", a surname alone
// for a person named in full in the same source, "Russian"/"Russia".
type aliases struct {
	parent map[string]string
}

func newAliases() *aliases { return &aliases{parent: map[string]string{}} }

func (a *aliases) find(k string) string {
	for {
		p, ok := a.parent[k]
		if !ok || p == k {
			return k
		}
		k = p
	}
}

// union joins two keys; the smaller key in byte order wins, so the result
// does not depend on the order of calls.
func (a *aliases) union(x, y string) {
	rx, ry := a.find(x), a.find(y)
	if rx == ry {
		return
	}
	if ry < rx {
		rx, ry = ry, rx
	}
	a.parent[ry] = rx
}

// buildAliases computes the folding for all mentions. perSource holds, for
// each source, its mention keys; different lists pairs the analyst said
// must stay apart.
func buildAliases(perSource [][]mention, same [][2]string, different map[[2]string]bool) *aliases {
	al := newAliases()
	all := map[string]bool{}
	multiBySurname := map[string]map[string]bool{}
	for _, ms := range perSource {
		for _, m := range ms {
			all[m.Key] = true
			if f := strings.Fields(m.Key); len(f) > 1 {
				s := f[len(f)-1]
				if multiBySurname[s] == nil {
					multiBySurname[s] = map[string]bool{}
				}
				multiBySurname[s][m.Key] = true
			}
		}
	}
	keys := sortedKeys(all)
	join := func(x, y string) {
		if different[[2]string{x, y}] || different[[2]string{y, x}] {
			return
		}
		al.union(x, y)
	}
	// A surname alone stands for the full name used in the same source,
	// or for the only full name with that surname in the corpus.
	for _, ms := range perSource {
		full := map[string][]string{}
		for _, m := range ms {
			if f := strings.Fields(m.Key); len(f) > 1 {
				full[f[len(f)-1]] = appendUnique(full[f[len(f)-1]], m.Key)
			}
		}
		for _, m := range ms {
			if strings.Contains(m.Key, " ") {
				continue
			}
			if fs := full[m.Key]; len(fs) == 1 {
				join(m.Key, fs[0])
			} else if len(fs) == 0 && len(multiBySurname[m.Key]) == 1 {
				for k := range multiBySurname[m.Key] {
					join(m.Key, k)
				}
			}
		}
	}
	// Acronyms: "US" for "United States".
	initials := map[string][]string{}
	for _, k := range keys {
		f := strings.Fields(k)
		if len(f) < 2 {
			continue
		}
		var b strings.Builder
		for _, w := range f {
			if connectors[w] {
				continue
			}
			b.WriteByte(w[0])
		}
		initials[b.String()] = append(initials[b.String()], k)
	}
	for _, k := range keys {
		if ks := initials[k]; len(ks) == 1 && len(k) >= 2 && len(k) <= 5 {
			join(k, ks[0])
		}
	}
	// Spelling variants and demonyms.
	byFirst := map[byte][]string{}
	for _, k := range keys {
		byFirst[k[0]] = append(byFirst[k[0]], k)
	}
	for _, group := range byFirst {
		for x := 0; x < len(group); x++ {
			for y := x + 1; y < len(group) && y < x+200; y++ {
				if variant(group[x], group[y]) {
					join(group[x], group[y])
				}
			}
		}
	}
	for _, p := range same {
		al.union(entityKey(p[0]), entityKey(p[1]))
	}
	return al
}

// variant reports whether two keys are spellings of one name
// ("zelensky"/"zelenskyy") or a demonym and its country ("russian"/"russia").
func variant(a, b string) bool {
	if strings.Count(a, " ") != strings.Count(b, " ") {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if !strings.Contains(a, " ") {
		for _, d := range []struct{ strip, add string }{{"n", ""}, {"ian", "e"}, {"ian", "a"}, {"ian", ""}, {"ese", ""}, {"ish", ""}, {"i", ""}} {
			if strings.HasSuffix(b, d.strip) && strings.TrimSuffix(b, d.strip)+d.add == a && len(a) >= 4 {
				return true
			}
		}
	}
	if len(a) < 6 {
		return false
	}
	fa, fb := strings.Fields(a), strings.Fields(b)
	diff := 0
	for i := range fa {
		if fa[i] != fb[i] {
			diff++
			if diff > 1 || len(fa[i]) < 5 || !editDistance1(fa[i], fb[i]) {
				return false
			}
		}
	}
	return diff == 1
}

// editDistance1 reports whether a and b differ by one inserted, deleted
// or replaced byte.
func editDistance1(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if i == len(a) {
		return true
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}

func appendUnique(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
