package annotate

import (
	"strings"

	"github.com/brief-dev/brief/internal/brief"
)

// statusEvent is a predicate a claim reports as done ("arrived", "was
// reopened") or as not done: pending, planned, possible, refused or
// denied ("is expected to visit", "have yet to reopen", "is on its way").
type statusEvent struct {
	key   string // match key of the predicate; motionKey for arrival
	lemma string
	done  bool
	text  string // the words that state it, as written
	// speech is set for a speech act or a stated stance ("has yet to
	// comment", "declined to respond" / "said", "expressed support",
	// "saying"), actor is the key of the name that performs it: the
	// nearest name before the verb.
	speech     bool
	speechOnly bool // a speech act in the present or a participle: only compared as speech
	actor      string
	// mv is who arrives or is on the way, for arrival events (see
	// moverOf), nil for the other events (most of them: a mover inline
	// was half of an event's size); see who.
	mv *mover
}

// who returns the event's mover; the zero value means unknown.
func (e statusEvent) who() mover {
	if e.mv == nil {
		return mover{}
	}
	return *e.mv
}

// mover is the subject of an arrival event: the names (keys, not places)
// and the content words of the noun phrase before the predicate, the
// head nouns of their titles, and whether it is a group (a plural noun
// or a collective noun: "officials", "a delegation") rather than one
// person ("Witkoff", "the envoy").
type mover struct {
	names []string
	nouns []string // lemmas
	group bool
	// own are the names that are the mover itself, for a shared event
	// (event.go): not a possessor of a person ("President Trump’s envoy"),
	// only of a vehicle ("Witkoff’s plane"); start and end are the byte
	// range of the subject, where a description resolved later to a name
	// ("the envoy" → Witkoff) also stands for the mover.
	own        []string
	start, end int
}

func (m mover) known() bool { return len(m.names) > 0 || len(m.nouns) > 0 }

// collectiveNouns name a group of people that travels together.
var collectiveNouns = setOf("delegation", "team", "group", "crew", "mission", "party", "convoy", "contingent",
	"squad", "unit", "unit", "entourage", "staff", "army", "troops", "police", "committee", "panel", "board")

// subjectStops end the subject of a predicate looking back from it:
// complementisers, subordinators, relative pronouns, reporting verbs.
var subjectStops = setOf("that", "as", "while", "when", "whereas", "after", "before", "because", "since",
	"though", "although", "which", "who", "whom", "where", "if", "until", "once", "said", "says", "told",
	"reported", "confirmed", "revealed", "announced", "added", "stated", "but")

// moverOf returns the subject of the predicate at token k: the words
// back to the nearest subject stop (or a word that is a verb in the
// past), at most ten. A relative pronoun right before the predicate
// ("a medical team, which arrived") stands for the words before it.
// Names in the possessive ("Witkoff’s plane") are the mover; their
// titles are not ("President Trump’s envoy" is an envoy, not a
// president).
func moverOf(toks []token, ments []mention, from, to int, lex Lexicon) *mover {
	var mv mover
	for _, m := range ments {
		if from >= to || m.Place || m.End <= toks[from].Start || m.Start >= toks[to-1].End {
			continue
		}
		if last := tokenAt(toks, m.End) - 1; last >= 0 && !toks[last].Poss && last+1 < to &&
			!toks[last+1].Cap && !isStop(toks[last+1].Lower) {
			continue // a modifier: "US delegation", "American envoy"
		}
		mv.names = append(mv.names, m.Key)
		last := tokenAt(toks, m.End) - 1
		if m.Role != "" && last >= 0 && !toks[last].Poss {
			mv.nouns = append(mv.nouns, m.Role)
		}
		if last < 0 || !toks[last].Poss || last+1 < len(toks) && vehicleNouns[toks[last+1].Lower] {
			mv.own = append(mv.own, m.Key)
		}
	}
	if from < to {
		mv.start, mv.end = toks[from].Start, toks[to-1].End
	}
	for k := from; k < to; k++ {
		w := toks[k].Lower
		if toks[k].Cap || isStop(w) || fillers[w] || notVerbs[w] || arrivalNouns[w] {
			continue
		}
		_, lemma := matchKey(lex, w)
		if irregularPast[w] || strings.HasSuffix(w, "ed") && len(w) > 4 {
			continue // a verb ("led by", "sent")
		}
		mv.nouns = append(mv.nouns, lemma)
		if collectiveNouns[lemma] || collectiveNouns[w] || (strings.HasSuffix(w, "s") && lemma != w && !strings.HasSuffix(w, "ss")) {
			mv.group = true
		}
	}
	return &mv
}

// vehicleNouns carry their possessor: "Witkoff’s plane landed" is his
// arrival.
var vehicleNouns = setOf("plane", "jet", "aircraft", "helicopter", "motorcade", "convoy", "car", "ship", "boat",
	"train", "flight")

// merge joins two movers.
func (m *mover) merge(o *mover) *mover {
	return &mover{names: append(m.names, o.names...), nouns: append(m.nouns, o.nouns...), group: m.group || o.group,
		own: append(m.own, o.own...), start: min(m.start, o.start), end: max(m.end, o.end)}
}

// subjectSpan returns the token range [from, to) of the subject of the
// predicate starting at token k.
func subjectSpan(toks []token, lower []string, k int) (int, int) {
	from := k
	for from > 0 && k-from < 14 {
		w := lower[from-1]
		if subjectStops[w] {
			if (w == "which" || w == "who") && from == k {
				// "a medical team, which arrived": the noun phrase before.
				end := from - 1
				st := end
				for st > 0 && end-st < 4 && !subjectStops[lower[st-1]] && !isAux(lower[st-1]) {
					st--
				}
				return st, end
			}
			break
		}
		from--
	}
	// The subject ends at the first auxiliary: "Witkoff will be among the
	// officials heading to" is about Witkoff.
	for j := from + 1; j < k; j++ {
		if isAux(lower[j]) || modals[lower[j]] {
			return from, j
		}
	}
	return from, k
}

var modals = setOf("will", "would", "may", "might", "can", "could", "shall", "should", "must")

// sameMover reports whether two arrival events may have the same
// subject: either is unknown, they share a name or a noun (or WordNet
// synonyms), or both are groups. One person and a group are different
// movers ("Witkoff’s plane had landed" / "a US delegation is on its
// way") unless the person is named in the group ("a delegation led by
// Witkoff").
func sameMover(x, y mover, lex Lexicon, canon func(string) string) bool {
	if !x.known() || !y.known() {
		return true
	}
	for _, a := range x.names {
		for _, b := range y.names {
			if canon(a) == canon(b) {
				return true
			}
		}
	}
	for _, a := range x.nouns {
		for _, b := range y.nouns {
			if a == b || lex.Related(a, b) >= synonymScore {
				return true
			}
		}
	}
	return x.group && y.group
}

// notYet are prepositions before which a participle is not done:
// "before commenting", "without saying".
var notYet = setOf("before", "without", "to", "from", "of")

// speechLemmas are verbs of speaking and of stating a position. A
// pending one ("has yet to comment", "declined to respond") and a done
// one by the same actor on the same matter ("expressed support",
// "saying “yes”") disagree whatever the verbs.
var speechLemmas = setOf("comment", "respond", "react", "reply", "answer", "say", "speak", "state",
	"announce", "confirm", "declare", "express", "voice", "accept", "agree", "support", "back", "endorse",
	"welcome", "reject", "approve", "signal", "indicate", "tell", "commit")

// speechLightVerbs and speechNouns say speaking in two words ("making
// comments", "giving a statement").
var (
	speechLightVerbs = setOf("making", "giving", "issuing", "offering", "providing", "delivering")
	speechNouns      = setOf("comment", "comments", "statement", "statements", "remark", "remarks", "response", "announcement")
)

// pendingSpeech are words that state that someone has not taken a
// position: "the Kremlin has been noncommittal".
var pendingSpeech = setOf("noncommittal", "silent")

// speechActor returns the key of the nearest name before byte offset off
// that is not a place or inside a quotation, or "".
func speechActor(ments []mention, off int) string {
	actor := ""
	for _, m := range ments {
		if m.Start >= off {
			break
		}
		if !m.Place {
			actor = m.Key
		}
	}
	return actor
}

// motionKey stands for arriving somewhere: "en route" and "on its way"
// are the pending form of "arrived", "landed", "reached".
const motionKey = "\x00arrive"

// movingCues say that someone is on the way and has not arrived.
var movingCues = [][]string{
	{"en", "route"}, {"on", "its", "way"}, {"on", "their", "way"}, {"on", "his", "way"}, {"on", "her", "way"},
	{"on", "our", "way"}, {"heading", "to"}, {"headed", "to"}, {"heading", "for"}, {"headed", "for"},
	{"bound", "for"}, {"travelling", "to"}, {"traveling", "to"},
}

// arrivalVerbs are the lemmas whose completed form means having arrived;
// arrivalNouns name an arrival, done when a verb in the past governs
// them ("confirmed the arrival").
var (
	arrivalVerbs = setOf("arrive", "land", "reach")
	arrivalNouns = setOf("arrival", "arrivals", "landing")
	journeyNouns = setOf("journey", "trip", "voyage")
)

// pendingCues put the predicate that follows them in the not-done state:
// future and conditional auxiliaries, expectation, plans, "yet to",
// negation and refusal. "may", "might" and "could" say an event is
// possible, which a report of it happening does not contradict ("could
// save you from a bear" / "saved a fisherman"). They are grammatical words, not the words of one story.
var pendingCues = [][]string{
	{"yet", "to"}, {"not", "yet"}, {"expected", "to"}, {"set", "to"}, {"likely", "to"}, {"plans", "to"},
	{"plan", "to"}, {"planning", "to"}, {"preparing", "to"}, {"prepares", "to"}, {"intends", "to"},
	{"refused", "to"}, {"declined", "to"}, {"refuses", "to"}, {"declines", "to"}, {"refrained", "from"},
	{"will"}, {"would"}, {"shall"}, {"won't"}, {"has", "not"}, {"have", "not"},
	{"had", "not"}, {"did", "not"}, {"does", "not"}, {"do", "not"}, {"is", "not"}, {"are", "not"},
	{"was", "not"}, {"were", "not"}, {"hasn't"}, {"haven't"}, {"didn't"}, {"doesn't"}, {"isn't"},
	{"aren't"}, {"wasn't"}, {"weren't"}, {"never"}, {"denied"}, {"denies"},
	{"havent"}, {"hasnt"}, {"hadnt"}, {"didnt"}, {"doesnt"}, {"isnt"}, {"arent"}, {"wasnt"}, {"werent"},
	{"was", "to", "be"}, {"were", "to", "be"}, {"is", "to", "be"}, {"are", "to", "be"},
}

// cuesByFirst returns cues by their first word, in their order: a token
// is checked against the cues that start with it (extractStatus asked
// every cue at every token, a third of its time).
func cuesByFirst(cues [][]string) map[string][][]string {
	m := map[string][][]string{}
	for _, c := range cues {
		m[c[0]] = append(m[c[0]], c)
	}
	return m
}

var movingByFirst, pendingByFirst = cuesByFirst(movingCues), cuesByFirst(pendingCues)

// fillers may stand between a cue and its predicate ("will also visit",
// "has not yet reopened", "is expected to be signed").
var fillers = setOf("also", "soon", "still", "yet", "not", "be", "been", "have", "formally", "officially",
	"publicly", "personally", "then", "now", "later", "even", "again", "eventually", "finally")

// notVerbs are frequent "-ed" words that are not verbs in the past, and
// stative verbs, which report no event that could be pending.
var notVerbs = setOf("needed", "wanted", "seemed", "remained", "appeared", "hoped", "wished", "feared", "united", "based", "red", "need", "speed", "indeed", "hundred", "proposed", "so-called",
	"limited", "detailed", "advanced", "alleged", "supposed", "armed", "related", "noted", "reported", "stated",
	"added", "called", "named", "titled", "led")

// extractStatus finds the claim's status events.
func extractStatus(toks []token, ments []mention, lex Lexicon) []statusEvent {
	var out []statusEvent
	lower := make([]string, len(toks))
	for k, t := range toks {
		lower[k] = strings.ReplaceAll(t.Lower, "’", "'")
	}
	at := func(k int, seq []string) bool {
		if k+len(seq) > len(lower) {
			return false
		}
		for i, w := range seq {
			if lower[k+i] != w {
				return false
			}
		}
		return true
	}
	governed := map[int]bool{} // tokens that are the predicate of a cue
	for k := 0; k < len(toks); k++ {
		for _, cue := range movingByFirst[lower[k]] {
			if at(k, cue) {
				if reducedObject(toks, lower, k) {
					// "did not disclose the officials traveling to Russia":
					// a participle after the object of another verb
					// describes the object, it does not state a status.
					k += len(cue) - 1
					goto next
				}
				from, to := subjectSpan(toks, lower, k)
				out = append(out, statusEvent{key: motionKey, text: span(toks, k, k+len(cue)-1),
					mv: moverOf(toks, ments, from, to, lex)})
				k += len(cue) - 1
				goto next
			}
		}
		if toks[k].InQuote {
			// A quotation may say that someone is on the way ("negotiators
			// are en route"); other cues in quotations are not the
			// reporter's.
			continue
		}
		if notYet[lower[k]] && k+1 < len(toks) && speechLightVerbs[lower[k+1]] {
			// "before making formal comments", "without giving a
			// statement": the speaker has not spoken on the matter yet.
			for p := k + 2; p < len(toks) && p <= k+4; p++ {
				if speechNouns[lower[p]] {
					out = append(out, statusEvent{key: "comment", lemma: "comment", text: span(toks, k, p),
						speech: true, actor: speechActor(ments, toks[k].Start)})
					break
				}
			}
		}
		if pendingSpeech[lower[k]] {
			out = append(out, statusEvent{key: "comment", lemma: "comment", text: toks[k].Text,
				speech: true, actor: speechActor(ments, toks[k].Start)})
			continue
		}
		for _, cue := range pendingByFirst[lower[k]] {
			if !at(k, cue) {
				continue
			}
			// The predicate: the first word after the cue that is neither
			// a filler nor a function word.
			for p := k + len(cue); p < len(toks) && p <= k+len(cue)+2; p++ {
				w := lower[p]
				if fillers[w] {
					continue
				}
				if isStop(w) || toks[p].Cap || toks[p].InQuote {
					break
				}
				key, lemma := matchKey(lex, w)
				out = append(out, statusEvent{key: key, lemma: lemma, text: span(toks, k, p),
					speech: speechLemmas[lemma], actor: speechActor(ments, toks[k].Start)})
				if arrivalVerbs[lemma] {
					from, to := subjectSpan(toks, lower, k)
					out = append(out, statusEvent{key: motionKey, lemma: lemma, text: span(toks, k, p),
						mv: moverOf(toks, ments, from, to, lex)})
				}
				governed[p] = true
				if q := coordinated(toks, lower, p); q > 0 {
					// "will be interviewed and tested", "would cost $200
					// billion and be paid for": the cue governs both.
					key, lemma := matchKey(lex, lower[q])
					out = append(out, statusEvent{key: key, lemma: lemma, text: span(toks, k, q),
						actor: speechActor(ments, toks[k].Start)})
					governed[q] = true
				}
				break
			}
			break
		}
	next:
	}
	isPast := func(k int) bool {
		w := lower[k]
		return !toks[k].Cap && !notVerbs[w] && (irregularPast[w] || (strings.HasSuffix(w, "ed") && len(w) > 4))
	}
	for k, t := range toks {
		w := lower[k]
		if arrivalNouns[w] && !t.InQuote {
			for p := k - 1; p >= 0 && p >= k-4; p-- {
				if isPast(p) && !governed[p] {
					// The mover: the words between the verb and the noun
					// ("the US delegation’s arrival") and an "of" phrase
					// after it ("the arrival of US envoy Steve Witkoff").
					mv := moverOf(toks, ments, p+1, k, lex)
					if k+1 < len(toks) && lower[k+1] == "of" {
						to := k + 2
						for to < len(toks) && to < k+7 && (!isStop(lower[to]) || toks[to].Cap) {
							to++
						}
						mv = mv.merge(moverOf(toks, ments, k+2, to, lex))
					}
					out = append(out, statusEvent{key: motionKey, lemma: "arrive", done: true, text: span(toks, p, k),
						mv: mv})
					break
				}
			}
		}
		if journeyNouns[w] && !t.InQuote {
			// "confirmed the negotiators’ journey": the journey is under
			// way, the arrival is pending.
			for p := k - 1; p >= 0 && p >= k-4; p-- {
				if isPast(p) && !governed[p] {
					if _, l := matchKey(lex, lower[p]); speechLemmas[l] || l == "reveal" || l == "report" {
						out = append(out, statusEvent{key: motionKey, lemma: "arrive", text: span(toks, p, k),
							mv: moverOf(toks, ments, p+1, k, lex)})
					}
					break
				}
			}
		}
		if t.InQuote || governed[k] || t.Cap {
			continue
		}
		if speechDone(w) && !(k > 0 && notYet[lower[k-1]]) {
			if key, lemma := matchKey(lex, w); speechLemmas[lemma] {
				// Only the past is a done event for other predicates too.
				past := irregularPast[w] || strings.HasSuffix(w, "ed")
				out = append(out, statusEvent{key: key, lemma: lemma, done: true, text: t.Text,
					speech: true, speechOnly: !past, actor: speechActor(ments, t.Start)})
				continue
			}
		}
		if arrivesNow[w] && k > 0 && !isStop(lower[k-1]) {
			// The historical present of headlines: "a delegation …
			// arrives in Moscow".
			from, to := subjectSpan(toks, lower, k)
			out = append(out, statusEvent{key: motionKey, lemma: "arrive", done: true, text: t.Text,
				mv: moverOf(toks, ments, from, to, lex)})
			continue
		}
		if notVerbs[w] {
			continue
		}
		if !(irregularPast[w] || (strings.HasSuffix(w, "ed") && len(w) > 4)) {
			continue
		}
		if k > 0 && (lower[k-1] == "the" || lower[k-1] == "a" || lower[k-1] == "an") {
			continue // an adjective: "the proposed truce"
		}
		if k+1 < len(toks) && lower[k+1] == "by" && k > 0 && !isAux(lower[k-1]) {
			continue // a reduced relative: "a plan backed by"
		}
		key, lemma := matchKey(lex, w)
		out = append(out, statusEvent{key: key, lemma: lemma, done: true, text: t.Text})
		if arrivalVerbs[lemma] && (lemma != "reach" || k+1 < len(toks) && toks[k+1].Cap) ||
			motionVerbs[lemma] && k+1 < len(toks) && (lower[k+1] == "into" || lower[k+1] == "to") {
			from, to := subjectSpan(toks, lower, k)
			out = append(out, statusEvent{key: motionKey, lemma: lemma, done: true, text: t.Text,
				mv: moverOf(toks, ments, from, to, lex)})
		}
	}
	return out
}

// coordinated returns the participle joined by "and" or "or" to the
// predicate at p ("interviewed and tested", "cost … and be paid"), 0 if
// there is none before the clause ends.
func coordinated(toks []token, lower []string, p int) int {
	for q := p + 1; q < len(toks) && q <= p+8; q++ {
		w := lower[q]
		if toks[q].InQuote || w != "and" && w != "or" && scopeEnds[w] {
			return 0
		}
		if w != "and" && w != "or" {
			continue
		}
		for r := q + 1; r < len(toks) && r <= q+3; r++ {
			v := lower[r]
			if fillers[v] {
				continue
			}
			if !toks[r].Cap && !notVerbs[v] && (irregularPast[v] || strings.HasSuffix(v, "ed") && len(v) > 4) {
				return r
			}
			return 0
		}
		return 0
	}
	return 0
}

// motionVerbs are verbs of travelling that, in the past and followed by
// "into" or "to", state an arrival: "flew into Moscow".
var motionVerbs = setOf("fly", "travel", "drive", "sail", "come", "go", "return")

// reducedObject reports whether the moving cue at token k follows the
// object of another verb ("disclose the officials traveling to"): the
// noun phrase before it is preceded by a content word. A participle
// after a copula or preposition ("will be among the officials heading
// to") or at the start of the sentence still states a status.
func reducedObject(toks []token, lower []string, k int) bool {
	if k == 0 || !strings.HasSuffix(lower[k], "ing") && lower[k] != "headed" && lower[k] != "bound" {
		return false
	}
	j := k - 1
	if isStop(lower[j]) || isAux(lower[j]) {
		return false // "are heading to", "is bound for"
	}
	for j >= 0 && k-j <= 4 && !isStop(lower[j]) && !toks[j].Cap {
		j--
	}
	for j >= 0 && (lower[j] == "the" || lower[j] == "a" || lower[j] == "an" || lower[j] == "some") {
		j--
	}
	return j >= 0 && !isStop(lower[j]) && !toks[j].Cap && !toks[j].InQuote
}

// arrivesNow are present forms of arriving, done in a news report.
var arrivesNow = setOf("arrives", "lands")

// speechDone reports a form of a verb that states a speech act as done:
// the past ("said", "expressed"), the present of reports ("says") or a
// participle of report ("…, saying “yes”").
func speechDone(w string) bool {
	return irregularPast[w] || (strings.HasSuffix(w, "ed") && len(w) > 4) ||
		(strings.HasSuffix(w, "ing") && len(w) > 5) || (strings.HasSuffix(w, "s") && len(w) > 4)
}

func isAux(w string) bool {
	return w == "was" || w == "were" || w == "is" || w == "are" || w == "has" || w == "have" || w == "had" || w == "been"
}

// span returns the words from token i to token j as written.
func span(toks []token, i, j int) string {
	var s []string
	for k := i; k <= j; k++ {
		s = append(s, toks[k].Text)
	}
	return strings.Join(s, " ")
}

// differentStatus reports two claims about one event of which one states
// a predicate as done and the other the same predicate (same word,
// synonym, or both arrival) as not done, while neither also states the
// other's form of it.
func differentStatus(a, b *node, lex Lexicon, canon func(string) string, retold func(*node, string) bool) (finding, bool) {
	if f, ok := statusClash(a, b, lex, canon, false, retold); ok {
		return f, true
	}
	if f, ok := statusClash(b, a, lex, canon, false, retold); ok {
		return f, true
	}
	if f, ok := withdrawal(a, b, canon); ok {
		return f, true
	}
	if f, ok := withdrawal(b, a, canon); ok {
		return f, true
	}
	if f, ok := speechClash(a, b, lex, canon); ok {
		return f, true
	}
	return speechClash(b, a, lex, canon)
}

// speechClash looks for a speech act or stance that d states as done
// and p as pending, by the same actor, the two claims sharing a content
// word other than the verbs (what was or was not said is about the same
// matter): "Putin expressed support for the ceasefire proposal" / "he has
// yet to comment on the ceasefire proposal".
func speechClash(d, p *node, lex Lexicon, canon func(string) string) (finding, bool) {
	has := func(n *node, actor string, done bool) bool {
		for _, x := range n.f.status {
			if x.speech && x.done == done && x.actor != "" && canon(x.actor) == actor {
				return true
			}
		}
		return false
	}
	for _, y := range p.f.status {
		if y.done || !y.speech || y.actor == "" {
			continue
		}
		actor := canon(y.actor)
		if has(p, actor, true) || has(d, actor, false) {
			continue
		}
		for _, x := range d.f.status {
			if !x.done || !x.speech || x.actor == "" || canon(x.actor) != actor || !sharesTopic(d, p, lex) {
				continue
			}
			return finding{rel: brief.Disagree, kind: brief.KindStatus, score: 0.6,
				reason: "status: " + q(x.text) + " vs " + q(y.text)}, true
		}
	}
	return finding{}, false
}

// sharesTopic reports whether two claims share a content word that is
// not a verb of speaking.
func sharesTopic(a, b *node, lex Lexicon) bool {
	for _, w := range a.f.words {
		if speechLemmas[w.lemma] {
			continue
		}
		if b.f.hasKey(w.key) {
			return true
		}
	}
	return false
}

// deniesKey reports whether one of n's own negations or denials has
// the match key k in its scope: "the false report that Banksy had been
// arrested" does not state the arrest as done.
func deniesKey(n *node, k string) bool {
	for i := range n.f.pols {
		if n.f.pols[i].head == k || containsStr(n.f.pols[i].keys, k) {
			return true
		}
	}
	return false
}

// statusClash looks for a done event of d that is pending in p. With
// exact set the predicates must be one word, not synonyms, and arrivals
// (whose movers may differ) are left out.
//
// retold, if not nil, reports whether d states x.key as done only to
// retell it: its source denies it elsewhere ("The story on National
// Report says that Banksy was arrested in Watford" in an article that
// says he has not been); that is context, and no conflict with a claim
// that he was not arrested.
func statusClash(d, p *node, lex Lexicon, canon func(string) string, exact bool, retold func(*node, string) bool) (finding, bool) {
	x, y, ok := statusPair(d, p, lex, exact, func(x, y statusEvent) bool {
		return (x.key != motionKey || sameMover(x.who(), y.who(), lex, canon)) && (retold == nil || !retold(d, x.key))
	})
	if !ok {
		return finding{}, false
	}
	return finding{rel: brief.Disagree, kind: brief.KindStatus, score: 0.6,
		reason: "status: " + q(x.text) + " vs " + q(y.text)}, true
}

// twoStages reports whether one claim states as done a predicate the
// other states as pending, whoever does it: "US officials are en route
// to Moscow" / "Witkoff arrived in Moscow". With two movers that is no
// status conflict (see statusClash), and not one fact either.
func twoStages(a, b *node, lex Lexicon) bool {
	anyone := func(x, y statusEvent) bool { return true }
	_, _, ab := statusPair(a, b, lex, false, anyone)
	_, _, ba := statusPair(b, a, lex, false, anyone)
	return ab || ba
}

// statusPair finds a predicate d states as done and p as not done, with
// p not stating it as done too and d not stating it as pending, for
// which same holds.
func statusPair(d, p *node, lex Lexicon, exact bool, same func(x, y statusEvent) bool) (statusEvent, statusEvent, bool) {
	samePred := func(x, y statusEvent) bool {
		if x.key == motionKey || y.key == motionKey {
			return x.key == y.key && !exact
		}
		return x.key == y.key || !exact && lex.Related(x.lemma, y.lemma) >= synonymScore
	}
	has := func(n *node, e statusEvent, done bool) bool {
		for _, x := range n.f.status {
			if x.done == done && !x.speechOnly && samePred(x, e) {
				return true
			}
		}
		return false
	}
	if d.f.hedge != "" || negatesStated(d, p) {
		// d reports the event without asserting it, or negates what p
		// states: one fact told from both sides.
		return statusEvent{}, statusEvent{}, false
	}
	for _, x := range d.f.status {
		if !x.done || x.speechOnly || deniesKey(d, x.key) {
			continue
		}
		for _, y := range p.f.status {
			if y.done || !samePred(x, y) || has(p, y, true) || has(d, x, false) || !same(x, y) {
				continue
			}
			return x, y, true
		}
	}
	return statusEvent{}, statusEvent{}, false
}
