package annotate

import (
	"strconv"
	"strings"
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

// extractNumbers finds quantities in a claim. lemma maps words to lemmas.
func extractNumbers(toks []token, lemma func(string) string) []number {
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
	for i := 0; i < len(toks); i++ {
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
		if !ok || (toks[i].Cap && !compound && w[0] > '9') {
			continue
		}
		if w == "one" || (v == 1 && !compound && w[0] > '9') {
			continue // "one" is mostly a pronoun
		}
		// Scale words: "2.5 million", "hundreds of thousands" (vague: skipped).
		j := i + 1
		for j < len(toks) {
			if m, ok := multipliers[toks[j].Lower]; ok {
				v *= m
				j++
				continue
			}
			break
		}
		start := i
		var n number
		n.Value = v
		switch {
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
			if v >= 1900 && v <= 2100 && v == float64(int(v)) && !strings.Contains(w, ",") {
				continue // a year: handled as a time
			}
			if i > 0 && isMonth(toks[i-1].Lower) {
				continue // a date
			}
			n.Kind = "count"
			n.Noun, j = nextNoun(j)
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
		out = append(out, n)
		i = max(i, j-1)
	}
	return out
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
