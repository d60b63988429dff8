package annotate

import (
	"strings"
	"unicode"

	"github.com/brief-dev/brief/internal/brief"
)

// finding is the judgement on one pair of claims.
type finding struct {
	rel    brief.Relation
	kind   brief.DisagreeKind
	reason string
	score  float64
}

func q(s string) string { return "“" + s + "”" }

// sameQuote compares the quotations of two claims by one speaker. It
// returns agree when one quotation contains the other word for word,
// disagree/quote when they share most words in a different wording.
func sameQuote(a, b *node, sim float64) (finding, bool) {
	if a.f.speakerKey == "" || b.f.speakerKey == "" || a.f.speakerKey != b.f.speakerKey {
		return finding{}, false
	}
	var best finding
	found := false
	for _, qa := range a.f.quotes {
		for _, qb := range b.f.quotes {
			if same, _ := quoteRelation(qa.Words, qb.Words); same && min(len(qa.Words), len(qb.Words)) >= 3 {
				return finding{rel: brief.Agree, score: 0.9 + 0.1*sim, reason: "same quotation: " + q(shorter(qa.Text, qb.Text))}, true
			}
		}
	}
	for _, qa := range a.f.quotes {
		for _, qb := range b.f.quotes {
			for _, pa := range qa.Parts {
				for _, pb := range qb.Parts {
					if f, ok := compareQuotes(pa, pb, qa.Text, qb.Text, sim); ok && (!found || f.score > best.score) {
						best, found = f, true
					}
				}
			}
		}
	}
	return best, found
}

// compareQuotes compares two quoted sentences.
func compareQuotes(pa, pb quotePart, ta, tb string, sim float64) (finding, bool) {
	{
		{
			same, overlap := quoteRelation(pa.Words, pb.Words)
			short := min(len(pa.Words), len(pb.Words))
			switch {
			case same && short >= 3:
				return finding{rel: brief.Agree, score: 0.9 + 0.1*sim, reason: "same quotation: " + q(shorter(ta, tb))}, true
			case !same && overlap >= 0.6 && short >= 4, !same && overlap >= 0.5 && short >= 2 && sim >= 0.3:
				da, db := diffWords(pa, pb)
				f := finding{rel: brief.Disagree, kind: brief.KindQuote, score: 0.5 + 0.5*overlap,
					reason: "quote: " + q(da) + " vs " + q(db)}
				return f, true
			}
		}
	}
	return finding{}, false
}

func shorter(a, b string) string {
	if len(b) < len(a) {
		return b
	}
	return a
}

// differentRole reports one person named with two different titles:
// different offices ("Adviser" / "Secretary"), or one office with
// different portfolios ("Interior Minister" / "Defence Minister"). A
// modifier that is itself a name ("Kremlin spokesman" / "Presidential
// spokesman") says who employs the person, not what the office is.
func differentRole(a, b *node, canon func(string) string, isEntity func(string) bool, lex Lexicon) (finding, bool) {
	for _, ma := range a.f.ments {
		if ma.Role == "" {
			continue
		}
		for _, mb := range b.f.ments {
			if mb.Role == "" || canon(ma.Key) != canon(mb.Key) {
				continue
			}
			if ma.Role == mb.Role || lex.Lemma(ma.Role) == lex.Lemma(mb.Role) || lex.Related(ma.Role, mb.Role) >= 0.8 {
				xa, xb := portfolio(ma.Title), portfolio(mb.Title)
				if xa == "" || xb == "" || strings.EqualFold(xa, xb) || isEntity(xa) || isEntity(xb) ||
					lex.Related(strings.ToLower(xa), strings.ToLower(xb)) >= 0.8 ||
					abbreviates(xa, mb.Title) || abbreviates(xb, ma.Title) {
					continue
				}
				return finding{rel: brief.Disagree, kind: brief.KindRole, score: 0.7,
					reason: "role: " + q(xa+" "+lastWord(ma.Title)) + " vs " + q(xb+" "+lastWord(mb.Title))}, true
			}
			ta, tb := trimTitles(ma.Title, mb.Title)
			return finding{rel: brief.Disagree, kind: brief.KindRole, score: 0.8,
				reason: "role: " + q(ta) + " vs " + q(tb)}, true
		}
	}
	return finding{}, false
}

// portfolio returns the word in front of a title's head noun
// ("Interior" in "Interior Minister"), or "" if there is none or it is
// itself a role word ("Deputy", "Prime").
func portfolio(title string) string {
	f := strings.Fields(title)
	for len(f) > 2 && strings.HasPrefix(f[len(f)-2], "(") {
		// "Islamic State (IS) leader": the acronym is another name of
		// the word before it.
		f = append(f[:len(f)-2:len(f)-2], f[len(f)-1])
	}
	if len(f) < 2 {
		return ""
	}
	w := strings.TrimSuffix(strings.TrimSuffix(f[len(f)-2], "’s"), "'s")
	if roleNouns[strings.ToLower(w)] || w == "" || strings.ContainsAny(w, "’'") {
		return ""
	}
	return w
}

// abbreviates reports whether acronym is made of the initials of the
// capitalised words before title's head noun: "ECB" of "European Central
// Bank President".
func abbreviates(acronym, title string) bool {
	if len(acronym) < 2 || strings.ToUpper(acronym) != acronym {
		return false
	}
	f := strings.Fields(title)
	if len(f) < 2 {
		return false
	}
	var initials strings.Builder
	for _, w := range f[:len(f)-1] {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			initials.Reset()
			continue
		}
		initials.WriteRune(r[0])
	}
	return strings.HasSuffix(initials.String(), acronym)
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// trimTitles drops leading words of each title up to the first word the
// two titles share, so the reason shows the comparable part:
// "US National Security Adviser" vs "National Security Secretary".
func trimTitles(a, b string) (string, string) {
	fa, fb := strings.Fields(a), strings.Fields(b)
	for i, w := range fa {
		for j, v := range fb {
			if strings.EqualFold(w, v) {
				return strings.Join(fa[i:], " "), strings.Join(fb[j:], " ")
			}
		}
	}
	return a, b
}

// differentNumber reports the same quantity (same kind, unit and counted
// noun) with different values. On an aligned pair the counted nouns need
// only be related ("40,000 homes" / "60,000 households") or the one
// counted in a found among b's words ("200 injured people"). A claim that
// also states the other value does not disagree.
func differentNumber(a, b *node, sim float64, lex Lexicon, aligned bool) (finding, bool) {
	for _, x := range a.f.nums {
		if x.Noun == "" && x.Unit == "" {
			continue
		}
		if x.Kind != "mod" && sim < 0.3 && !aligned {
			continue
		}
		for _, y := range b.f.nums {
			if compatible(x, y) || statesValue(a.f.nums, y) || statesValue(b.f.nums, x) {
				continue
			}
			if x.Kind == "age" && !sharesName(a, b) {
				continue // the ages of two people
			}
			same := y.Key() == x.Key()
			if !same && aligned && x.Kind == y.Kind && x.Unit == y.Unit && x.Kind != "rel" {
				same = x.Noun != "" && y.Noun != "" &&
					(lex.Related(x.Noun, y.Noun) >= 0.5 || hasWord(b, lex, x.Noun) || hasWord(a, lex, y.Noun))
			}
			if !same {
				continue
			}
			return finding{rel: brief.Disagree, kind: brief.KindNumber, score: 0.7 + 0.3*min(1, sim*2),
				reason: "number: " + q(x.Text) + " vs " + q(y.Text)}, true
		}
	}
	return finding{}, false
}

// hasWord reports whether n has a content word with the lemma l.
func hasWord(n *node, lex Lexicon, l string) bool {
	k, _ := matchKey(lex, l)
	return n.f.hasKey(k)
}

// hasValue reports whether ns holds x: the same value of the same
// quantity counting the same noun.
func hasValue(ns []number, x number) bool {
	for _, n := range ns {
		// n.Key() == x.Key(), without building the strings.
		if n.Value == x.Value && n.Kind == x.Kind && n.Unit == x.Unit && n.Noun == x.Noun {
			return true
		}
	}
	return false
}

// statesValue reports whether ns holds x's value in x's kind and unit,
// whatever it counts: a claim that states both values ("the 12-inch
// model, with the 13-inch model phased out", "killed 300 out of 400
// soldiers") is about two things, and the other claim's value is one of
// them. The counted noun is left out because it is often a modifier
// ("43 missing students", "nine mass graves").
func statesValue(ns []number, x number) bool {
	for _, n := range ns {
		if n.Value == x.Value && n.Kind == x.Kind && n.Unit == x.Unit {
			return true
		}
	}
	return false
}

// differentTime reports two claims about one event on different days.
// Two events are not one: when both state what happened (see
// claimFeat.status) they must state one predicate ("met in Riga on
// Saturday" and "was signed in Odesa on Friday" are a meeting and a
// signing), and when each names a place the other does not, they are
// about two places ("landed in Vienna on Monday" / "landed in Cairo on
// Thursday").
func differentTime(a, b *node, lex Lexicon, canon func(string) string) (finding, bool) {
	if !timesDiffer(a, b) || !sharePredicate(a, b, lex) || otherPlace(a, b, canon) && otherPlace(b, a, canon) {
		return finding{}, false
	}
	return finding{rel: brief.Disagree, kind: brief.KindTime, score: 0.6,
		reason: "time: " + q(a.f.timeText[0]) + " vs " + q(b.f.timeText[0])}, true
}

// timesDiffer reports two claims that both give a day and no day of one
// is compatible with the other's.
func timesDiffer(a, b *node) bool {
	if len(a.f.times) == 0 || len(b.f.times) == 0 {
		return false
	}
	for _, x := range a.f.times {
		for _, y := range b.f.times {
			// A month alone is compatible with a day of it.
			if x == y || strings.HasPrefix(x, y+" ") || strings.HasPrefix(y, x+" ") {
				return false
			}
		}
	}
	// A weekday and a date need a calendar.
	return weekdays[a.f.times[0]] == weekdays[b.f.times[0]]
}

// sharePredicate reports whether two claims state one predicate as done
// or not done (the same word, a synonym, or both an arrival), or either
// states none; speech ("said") is not what happened, and a light verb
// ("made landfall", "took place") leaves it to its noun.
func sharePredicate(a, b *node, lex Lexicon) bool {
	event := func(x statusEvent) bool {
		return !x.speech && !x.speechOnly && !lightVerbs[x.lemma]
	}
	events := func(n *node) int {
		k := 0
		for _, x := range n.f.status {
			if event(x) {
				k++
			}
		}
		return k
	}
	if events(a) == 0 || events(b) == 0 {
		return true
	}
	for _, x := range a.f.status {
		for _, y := range b.f.status {
			if !event(x) || !event(y) {
				continue
			}
			if x.key == y.key || x.key != motionKey && y.key != motionKey && lex.Related(x.lemma, y.lemma) >= synonymScore {
				return true
			}
		}
	}
	return false
}

// differentPlace reports two claims about one event naming one place
// differently: they share at least two names, and each names exactly one
// place (a name that is not a person) the other does not.
func differentPlace(a, b *node, canon func(string) string, different func(x, y string) bool) (finding, bool) {
	shared := 0
	for _, e := range a.ents {
		if containsStr(b.ents, e) {
			shared++
		}
	}
	if shared < 2 {
		return finding{}, false
	}
	if timesDiffer(a, b) {
		// Another place on another day: "held talks in Muscat on
		// Saturday" / "held talks in Hanoi on Sunday" are two meetings.
		return finding{}, false
	}
	ua, ub := unmatchedPlaces(a, b, canon), unmatchedPlaces(b, a, canon)
	if len(ua) != 1 || len(ub) != 1 {
		return finding{}, false
	}
	if different(ua[0].Key, ub[0].Key) || !sameSlot(a, b, ua[0], ub[0]) {
		return finding{}, false
	}
	return finding{rel: brief.Disagree, kind: brief.KindPlace, score: 0.55,
		reason: "place: " + q(ua[0].Name) + " vs " + q(ub[0].Name)}, true
}

// sameSlot reports whether two places may fill the same slot of one
// event: the words their prepositions attach to are the same, related
// (WordNet synonyms, "talks"/"negotiations") or unknown. "talks … in
// Saudi Arabia" and "arrived in Moscow" are two events, not one place
// stated two ways. Places in a list fill the list's slot.
func sameSlot(a, b *node, ma, mb mention) bool {
	ga, gb := slotOf(a, ma), slotOf(b, mb)
	if ga == "" || gb == "" || ga == gb {
		return true
	}
	if a.f.related == nil {
		return false
	}
	return a.f.related(ga, gb) >= 0.5
}

func slotOf(n *node, m mention) string {
	for k, x := range n.f.ments {
		if x.Start == m.Start && k < len(n.f.govs) {
			if inList(n.f.claim.Text, n.f.ments, k) {
				return ""
			}
			return n.f.govs[k]
		}
	}
	return ""
}

func unmatchedPlaces(a, b *node, canon func(string) string) []mention {
	var out []mention
	for k, m := range a.f.ments {
		if m.Person || m.Title != "" || k == a.f.speaker || containsStr(b.ents, canon(m.Key)) || inAnyQuote(a.f.quotes, m.Start) {
			continue
		}
		if !m.Place && !inList(a.f.claim.Text, a.f.ments, k) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// inList reports whether mention k stands in a comma-separated list of
// names: the words between it and the name just before or just after it
// (by position in text: mentions resolved from descriptions come after a
// claim's own) are a list separator.
func inList(text string, ms []mention, k int) bool {
	m := ms[k]
	prev, next := -1, -1
	for i, x := range ms {
		if i == k {
			continue
		}
		if x.End <= m.Start && (prev < 0 || x.End > ms[prev].End) {
			prev = i
		}
		if x.Start >= m.End && (next < 0 || x.Start < ms[next].Start) {
			next = i
		}
	}
	sep := func(lo, hi int) bool {
		g := strings.TrimSpace(text[lo:hi])
		return g == "," || g == ", and" || g == "and" || g == ", or"
	}
	return (prev >= 0 && sep(ms[prev].End, m.Start)) || (next >= 0 && sep(m.End, ms[next].Start))
}
