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
)

// pendingCues put the predicate that follows them in the not-done state:
// future and modal auxiliaries, expectation, plans, "yet to", negation
// and refusal. They are grammatical words, not the words of one story.
var pendingCues = [][]string{
	{"yet", "to"}, {"not", "yet"}, {"expected", "to"}, {"set", "to"}, {"likely", "to"}, {"plans", "to"},
	{"plan", "to"}, {"planning", "to"}, {"preparing", "to"}, {"prepares", "to"}, {"intends", "to"},
	{"refused", "to"}, {"declined", "to"}, {"refuses", "to"}, {"declines", "to"}, {"refrained", "from"},
	{"will"}, {"may"}, {"might"}, {"could"}, {"would"}, {"shall"}, {"won't"}, {"has", "not"}, {"have", "not"},
	{"had", "not"}, {"did", "not"}, {"does", "not"}, {"do", "not"}, {"is", "not"}, {"are", "not"},
	{"was", "not"}, {"were", "not"}, {"hasn't"}, {"haven't"}, {"didn't"}, {"doesn't"}, {"isn't"},
	{"aren't"}, {"wasn't"}, {"weren't"}, {"never"}, {"denied"}, {"denies"}, {"being"},
}

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
		for _, cue := range movingCues {
			if at(k, cue) {
				out = append(out, statusEvent{key: motionKey, text: span(toks, k, k+len(cue)-1)})
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
		if pendingSpeech[lower[k]] {
			out = append(out, statusEvent{key: "comment", lemma: "comment", text: toks[k].Text,
				speech: true, actor: speechActor(ments, toks[k].Start)})
			continue
		}
		for _, cue := range pendingCues {
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
					out = append(out, statusEvent{key: motionKey, lemma: lemma, text: span(toks, k, p)})
				}
				governed[p] = true
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
					out = append(out, statusEvent{key: motionKey, lemma: "arrive", done: true, text: span(toks, p, k)})
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
			out = append(out, statusEvent{key: motionKey, lemma: "arrive", done: true, text: t.Text})
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
		if arrivalVerbs[lemma] {
			out = append(out, statusEvent{key: motionKey, lemma: lemma, done: true, text: t.Text})
		}
	}
	return out
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
func differentStatus(a, b *node, lex Lexicon, canon func(string) string) (finding, bool) {
	if f, ok := statusClash(a, b, lex); ok {
		return f, true
	}
	if f, ok := statusClash(b, a, lex); ok {
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
		if containsStr(b.f.lemmas, w.key) {
			return true
		}
	}
	return false
}

// statusClash looks for a done event of d that is pending in p.
func statusClash(d, p *node, lex Lexicon) (finding, bool) {
	samePred := func(x, y statusEvent) bool {
		if x.key == motionKey || y.key == motionKey {
			return x.key == y.key
		}
		return x.key == y.key || lex.Related(x.lemma, y.lemma) >= synonymScore
	}
	has := func(n *node, e statusEvent, done bool) bool {
		for _, x := range n.f.status {
			if x.done == done && !x.speechOnly && samePred(x, e) {
				return true
			}
		}
		return false
	}
	for _, x := range d.f.status {
		if !x.done || x.speechOnly {
			continue
		}
		for _, y := range p.f.status {
			if y.done || !samePred(x, y) || has(p, y, true) || has(d, x, false) {
				continue
			}
			return finding{rel: brief.Disagree, kind: brief.KindStatus, score: 0.6,
				reason: "status: " + q(x.text) + " vs " + q(y.text)}, true
		}
	}
	return finding{}, false
}
