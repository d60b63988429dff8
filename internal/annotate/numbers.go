package annotate

import (
	"math"
	"strconv"
	"strings"

	"github.com/brief-dev/brief/internal/lexicon"
)

// number is a quantity in a claim with what it counts.
type number struct {
	Value float64
	// Kind: "mod" for a compound modifier ("30-day ceasefire"), "rel" for
	// a relative time ("30 days ago"), "pct" for a share, "count" otherwise.
	Kind string
	Unit string // "day", "year", "%", ... (singular)
	Noun string // lemma of what is counted or modified ("ceasefire", "town")
	Text string // the words that state it, for reasons ("three-year-long war")
	// Bound is "min" for a lower bound ("more than 110,000", "at least
	// 45"), "max" for an upper bound ("up to", "fewer than"), "approx"
	// for an estimate ("about", "nearly"), "" for an exact value.
	Bound string
}

// Key identifies the quantity independently of its value.
func (n number) Key() string { return n.Kind + "|" + n.Unit + "|" + n.Noun }

var numberWords = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
	"hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"half": 0.5, "single": 1, "double": 2, "triple": 3, "twice": 2,
}

var multipliers = map[string]float64{"hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9, "trillion": 1e12}

// units are singular unit words; plural forms are folded by unitOf.
var units = setOf("second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "century",
	"percent", "%", "mile", "kilometre", "kilometer", "km", "metre", "meter", "foot", "inch", "ton", "tonne",
	"dollar", "euro", "pound", "barrel", "degree", "point", "vote", "seat")

func isNumberWord(w string) bool {
	_, ok := numberWords[w]
	return ok && w != "single" && w != "half"
}

// unitOf returns the singular unit for a word, or "".
func unitOf(w string) string {
	w = strings.TrimSuffix(strings.ToLower(w), ".")
	switch w {
	case "per", "pct":
		return ""
	case "centuries":
		return "century"
	}
	if units[w] {
		return w
	}
	if s := strings.TrimSuffix(w, "s"); units[s] {
		return s
	}
	return ""
}

// parseValue reads a numeral: "30", "1,000", "3.5", "86%", "three",
// "twenty-five".
func parseValue(w string) (float64, bool) {
	w = strings.TrimSuffix(w, "%")
	if w == "" {
		return 0, false
	}
	if w[0] >= '0' && w[0] <= '9' {
		v, err := strconv.ParseFloat(strings.ReplaceAll(w, ",", ""), 64)
		return v, err == nil
	}
	if v, ok := numberWords[w]; ok && w != "half" && w != "single" {
		return v, true
	}
	if a, b, ok := strings.Cut(w, "-"); ok {
		va, oka := numberWords[a]
		vb, okb := numberWords[b]
		if oka && okb && va >= 20 && vb < 10 {
			return va + vb, true
		}
	}
	return 0, false
}

// maxClaimNumbers bounds the quantities kept for one claim. Claims are
// compared number by number, pair by pair, so a "sentence" of thousands
// of numbers (a table flattened into one line) would cost the square of
// its length; a sentence a reader compares by its figures has a few.
const maxClaimNumbers = 64

// extractNumbers finds quantities in a claim, the first maxClaimNumbers
// of them. lemma maps words to lemmas.
func extractNumbers(text string, toks []token, lemma func(string) string) []number {
	var out []number
	nextNoun := func(k int) (string, int) {
		// The counted noun: the next content word, skipping "of the".
		for n := k; n < len(toks) && n < k+4; n++ {
			w := toks[n].Lower
			if w == "of" || w == "the" || w == "a" || isAdjLike(w) {
				continue
			}
			if isStop(w) {
				return "", n
			}
			if _, ok := parseValue(w); ok {
				return "", n
			}
			return lemma(w), n
		}
		return "", k
	}
	for i := 0; i < len(toks) && len(out) < maxClaimNumbers; i++ {
		w := toks[i].Lower
		parts := strings.Split(w, "-")
		v, ok := parseValue(w)
		compound := false
		if !ok && len(parts) > 1 {
			// "30-day", "three-year-long", "two-year".
			v, ok = parseValue(parts[0])
			compound = ok && unitOf(parts[1]) != ""
			ok = compound
		}
		if !ok || (toks[i].Cap && !compound && w[0] > '9' && !numberOpens(toks, i)) {
			continue
		}
		if _, mult := multipliers[w]; mult && i > 0 && isNumberWord(toks[i-1].Lower) {
			// The rest of a number word left out above: "Three hundred"
			// in a Title Case line is not a hundred.
			continue
		}
		if w == "one" || (v == 1 && !compound && w[0] > '9') {
			continue // "one" is mostly a pronoun
		}
		// Scale words: "2.5 million", "hundreds of thousands" (vague: skipped).
		j := i + 1
		scaled := false
		for j < len(toks) {
			if m, ok := multipliers[toks[j].Lower]; ok {
				v *= m
				j++
				scaled = true
				continue
			}
			break
		}
		if scaled && w[0] > '9' {
			// "five hundred and twenty", "two hundred fifty".
			k := j
			if k < len(toks) && toks[k].Lower == "and" {
				k++
			}
			if k < len(toks) && toks[k].Lower[0] > '9' {
				// "one" only after "and": "two hundred one" is rare,
				// "a hundred one-day passes" is not.
				if r, ok := parseValue(toks[k].Lower); ok && r >= 1 && r < 100 && (toks[k].Lower != "one" || k > j) {
					v += r
					j = k + 1
				}
			}
		}
		start := i
		var n number
		n.Value = v
		switch {
		case compound && len(parts) == 3 && parts[2] == "old":
			// "42-year-old": an age.
			n.Kind, n.Unit, n.Noun = "age", "year", "age"
			j = i + 1
		case i > 2 && (toks[i-1].Lower == "and" || toks[i-1].Lower == "or") && toks[i-3].Lower == "aged" && v < 130:
			// "aged 13 and 14": the second is an age too.
			n.Kind, n.Unit, n.Noun = "age", "year", "age"
			j = i + 1
		case j < len(toks) && unitOf(toks[j].Lower) == "year" && j+1 < len(toks) && toks[j+1].Lower == "old",
			i > 0 && (toks[i-1].Lower == "aged" || toks[i-1].Lower == "age") && v < 130:
			// "42 years old", "aged 41".
			n.Kind, n.Unit, n.Noun = "age", "year", "age"
			if toks[i-1].Lower == "aged" || toks[i-1].Lower == "age" {
				start = i - 1
				j = i + 1
			} else {
				j += 2
			}
		case appositiveAge(text, toks, i, v):
			// "Igor Vorozhbitsyn, 42, was fishing".
			n.Kind, n.Unit, n.Noun = "age", "year", "age"
			start = i - 1
			j = i + 1
		case compound:
			n.Kind = "mod"
			n.Unit = unitOf(parts[1])
			n.Noun, j = nextNoun(i + 1)
			if n.Noun == "" {
				// "a 30-day" with nothing after: a duration
				n.Kind = "count"
			}
		case strings.HasSuffix(w, "%"):
			n.Kind, n.Unit = "pct", "%"
			n.Noun, j = nextNoun(i + 1)
		case j < len(toks) && unitOf(toks[j].Lower) != "":
			n.Unit = unitOf(toks[j].Lower)
			if n.Unit == "percent" {
				n.Unit = "%"
				n.Kind = "pct"
				n.Noun, j = nextNoun(j + 1)
				break
			}
			n.Kind = "count"
			if j+1 < len(toks) && (toks[j+1].Lower == "ago" || toks[j+1].Lower == "earlier" || toks[j+1].Lower == "later") {
				n.Kind = "rel"
				n.Noun = toks[j+1].Lower
				j += 2
				break
			}
			if i > 0 && (toks[i-1].Lower == "last" || toks[i-1].Lower == "past" || toks[i-1].Lower == "next" || toks[i-1].Lower == "within") {
				n.Kind = "rel"
				n.Noun = toks[i-1].Lower
				start = i - 1
			}
			j++
		default:
			if v >= 1900 && v <= 2100 && v == float64(int(v)) && !strings.Contains(w, ",") && w[0] <= '9' {
				continue // a year: handled as a time
			}
			if i > 0 && isMonth(toks[i-1].Lower) {
				continue // a date
			}
			n.Kind = "count"
			n.Noun, j = nextNoun(j)
			if n.Noun != "" {
				// "nine mass graves", "300 Iraqi soldiers", "43 missing
				// students": a count counts the head of its noun phrase.
				if h := compoundHead(toks, j); h > j {
					n.Noun, j = lemma(toks[h].Lower), h
				}
			}
		}
		end := min(j, len(toks)) - 1
		if n.Noun != "" && end < len(toks)-1 {
			end = min(j, len(toks)-1)
		}
		if end < i {
			end = i
		}
		var txt []string
		for k := start; k <= end && k < len(toks); k++ {
			txt = append(txt, toks[k].Text)
		}
		n.Text = strings.Join(txt, " ")
		if b, k := boundOf(toks, i); b != "" {
			n.Bound = b
			if n.Kind != "age" {
				n.Text = span(toks, k, end)
			}
		}
		out = append(out, n)
		i = max(i, j-1)
	}
	return out
}

// numberOpens reports whether the capitalised number word at toks[i]
// opens the sentence as a number: "Three hundred Iraqi soldiers died",
// "Forty people"; not "Three Gorges Dam" or a Title Case line, where
// the next word is capitalised too.
func numberOpens(toks []token, i int) bool {
	return i == 0 && len(toks) > 1 && !toks[1].Cap
}

// compoundHead returns the last noun of the noun phrase that starts at
// token k ("mass graves" -> "graves"), at most two words on, or k: the
// words after k must be lower-case nouns, not verbs ("28 bodies found").
func compoundHead(toks []token, k int) int {
	h := k
	for n := k + 1; n < len(toks) && n <= k+2; n++ {
		w := toks[n].Lower
		if toks[n].Cap || isStop(w) || toks[n].Start > toks[n-1].End+1 {
			break // a name, a function word, or punctuation between
		}
		base, infl := lexicon.Tags(w)
		if !(base | infl).Has(lexicon.Noun) || irregularPast[w] || strings.HasSuffix(w, "ed") && infl.Has(lexicon.Verb) {
			break // not a noun, or a verb in the past ("found", "killed")
		}
		if _, num := parseValue(w); num {
			break
		}
		h = n
	}
	return h
}

// appositiveAge reports a number between commas right after a name
// ("Igor Vorozhbitsyn, 42, was"), the news style for a person's age.
func appositiveAge(text string, toks []token, i int, v float64) bool {
	if i == 0 || v < 1 || v > 120 || v != float64(int(v)) || !toks[i-1].Cap || toks[i-1].Lower[0] <= '9' {
		return false
	}
	before := text[toks[i-1].End:toks[i].Start]
	after := ""
	if i+1 < len(toks) {
		after = text[toks[i].End:toks[i+1].Start]
	} else {
		after = text[toks[i].End:]
	}
	return strings.TrimSpace(before) == "," && (strings.HasPrefix(strings.TrimSpace(after), ",") || strings.TrimSpace(after) == ")" || strings.TrimSpace(after) == ".")
}

// boundPhrases put the number after them in a bound (see number.Bound),
// longest first.
var boundPhrases = []struct {
	words []string
	bound string
}{
	{[]string{"in", "excess", "of"}, "min"}, {[]string{"upwards", "of"}, "min"}, {[]string{"more", "than"}, "min"},
	{[]string{"at", "least"}, "min"}, {[]string{"no", "fewer", "than"}, "min"}, {[]string{"no", "less", "than"}, "min"},
	{[]string{"over"}, "min"}, {[]string{"above"}, "min"}, {[]string{"least"}, "min"},
	{[]string{"fewer", "than"}, "max"}, {[]string{"less", "than"}, "max"}, {[]string{"up", "to"}, "max"},
	{[]string{"as", "much", "as"}, "max"}, {[]string{"as", "many", "as"}, "max"}, {[]string{"as", "high", "as"}, "max"},
	{[]string{"at", "most"}, "max"}, {[]string{"under"}, "max"}, {[]string{"below"}, "max"},
	{[]string{"almost"}, "max"}, {[]string{"nearly"}, "approx"}, {[]string{"close", "to"}, "approx"},
	{[]string{"about"}, "approx"}, {[]string{"around"}, "approx"}, {[]string{"roughly"}, "approx"},
	{[]string{"approximately"}, "approx"}, {[]string{"some"}, "approx"}, {[]string{"estimated"}, "approx"},
	{[]string{"an", "estimated"}, "approx"},
}

// boundOf returns the bound that the words before token i put on the
// number there, and the index of the bound's first word.
func boundOf(toks []token, i int) (string, int) {
	if i > 1 && (toks[i-1].Lower == "a" || toks[i-1].Lower == "an") {
		// "nearly a dozen", "more than a hundred"
		if b, k := boundOf(toks, i-1); b != "" {
			return b, k
		}
	}
	for _, p := range boundPhrases {
		k := i - len(p.words)
		if k < 0 {
			continue
		}
		ok := true
		for x, w := range p.words {
			if toks[k+x].Lower != w {
				ok = false
				break
			}
		}
		if ok {
			return p.bound, k
		}
	}
	return "", i
}

// compatible reports whether two values of one quantity can both be
// true: bounds that overlap, an estimate within 10%, an integer and a
// decimal that rounds to it ("12-inch" / "12.9-inch"), or a round figure
// within 2% of a precise one.
func compatible(x, y number) bool {
	if x.Value == y.Value {
		return true
	}
	lo := func(n number) float64 {
		switch n.Bound {
		case "max":
			return math.Inf(-1)
		case "approx":
			return n.Value * 0.9
		}
		return n.Value
	}
	hi := func(n number) float64 {
		switch n.Bound {
		case "min":
			return math.Inf(1)
		case "approx":
			return n.Value * 1.1
		}
		return n.Value
	}
	if x.Bound != "" || y.Bound != "" {
		return lo(x) <= hi(y) && lo(y) <= hi(x)
	}
	if math.Trunc(x.Value) == math.Trunc(y.Value) && (x.Value != math.Trunc(x.Value) || y.Value != math.Trunc(y.Value)) {
		return true
	}
	round := func(v float64) bool { return v >= 100 && math.Mod(v, 100) == 0 }
	d := math.Abs(x.Value-y.Value) / math.Max(math.Abs(x.Value), math.Abs(y.Value))
	return d <= 0.02 && (round(x.Value) || round(y.Value))
}

// isAdjLike reports whether w is a modifier that may stand between a
// number and what it counts ("30-day long ceasefire", "100 key towns").
func isAdjLike(w string) bool {
	return strings.HasSuffix(w, "-long") || w == "long" || w == "old" || w == "more" || w == "key" ||
		w == "new" || w == "full" || w == "proposed" || w == "other"
}

var months = setOf("january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
	"sep", "sept", "oct", "nov", "dec")

func isMonth(w string) bool { return months[strings.TrimSuffix(w, ".")] }

// fullMonth spells out a month's abbreviation ("dec." → "december"), so
// that "Dec 29" and "December 29" are one date; other words are returned
// as they are.
func fullMonth(w string) string {
	w = strings.TrimSuffix(w, ".")
	if len(w) > 4 || !months[w] {
		return w
	}
	for m := range months {
		if len(m) > 4 && strings.HasPrefix(m, w) {
			return m
		}
	}
	return w
}
