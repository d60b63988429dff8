package annotate

import (
	"slices"
	"strings"

	"github.com/brief-dev/brief/internal/brief"
)

// polarityCue is one place where a claim negates, denies or debunks
// something: "will not play Steve Jobs", "denies ceasefire claim", "the
// story … is a hoax".
type polarityCue struct {
	kind brief.DisagreeKind // KindNegation or KindDenial
	cue  string             // the cue as written ("not", "denies", "hoax")
	// head is the match key of the first content word the cue governs
	// (the negated predicate: "play" in "will not play"), or "" when the
	// cue takes the whole claim in its scope ("… is a hoax").
	head, headLemma string
	// keys are the match keys of the content words in scope; names the
	// name keys in scope (before alias folding).
	keys, names []string
	text        string // the scope as written, for reasons
	// loose is set for a denial of a clause ("denied that a woman
	// detained in Lebanon is his wife", "reports that … have been
	// denied"), whose head is the clause's subject, not its predicate:
	// the other claim may leave the head out if it states more of the
	// scope.
	loose bool
	// ident is set when only an article or a form of "be" stands
	// between the cue and its head: "not a meteorite" denies what a
	// thing is, "not from the meteorite" only where a part came from.
	ident bool
}

// identGap are the words that may stand between a negation and its
// head in a denial of what a thing is.
var identGap = setOf("a", "an", "the", "be", "been", "being")

// Negation cues, and the words after which a negation is no denial of
// what follows ("not only", "not just", "no doubt").
var (
	negationCues = setOf("not", "never", "no", "nobody", "nothing", "none", "neither", "nor", "cannot",
		// contractions written without their apostrophe
		"havent", "hasnt", "hadnt", "didnt", "doesnt", "dont", "isnt", "arent", "wasnt", "werent", "wont",
		"couldnt", "wouldnt", "shouldnt")
	// refusals negate the verb after "to": "refused to recuse himself"
	// says what "would not recuse himself" does.
	refusals      = setOf("refused", "refuses", "refuse", "refusing", "declined", "declines", "decline", "declining")
	notNegating   = setOf("only", "just", "least", "doubt", "longer", "less", "more", "sooner", "matter", "one's", "yet", "until", "far", "sure")
	negatedBefore = setOf("if", "or", "whether")
)

// Denial: verbs whose object is denied ("denies", "refuted"), and words
// that say the claim they stand in is untrue ("hoax", "fake",
// "exaggerated"). weakDenials deny only a report or claim ("dismissed the
// reports"), not any object ("dismissed the envoy").
var (
	denialVerbs = setOf("deny", "refute", "debunk", "disprove", "retract", "disavow", "rebut", "discredit",
		"denies", "denied", "denying", "refutes", "refuted", "debunked", "debunks", "disproved", "retracted", "rebutted")
	weakDenials = setOf("dismiss", "dismissed", "dismisses", "reject", "rejected", "rejects", "dispute",
		"disputed", "disputes", "contradict", "contradicted", "contradicts", "slammed", "ridiculed",
		"rebuff", "rebuffs", "rebuffed", "repudiate", "repudiates", "repudiated", "dispel", "dispels",
		"dispelled", "quash", "quashes", "quashed", "scotch", "scotches", "scotched")
	// phrasalDenials deny a report or claim with the particle after them
	// ("shoots down claims", "brushed off the reports"), like weakDenials.
	phrasalDenials = map[string]string{"shoot": "down", "shoots": "down", "shot": "down", "shooting": "down",
		"knock": "down", "knocks": "down", "knocked": "down", "brush": "off", "brushes": "off", "brushed": "off",
		"brushing": "off", "laugh": "off", "laughs": "off", "laughed": "off", "laughing": "off"}
	denialWords = setOf("hoax", "hoaxes", "fake", "faked", "false", "falsely", "untrue", "fabricated", "fabrication",
		"bogus", "baseless", "unfounded", "myth", "satire", "satirical", "fictional", "fiction", "prank",
		"doctored", "photoshopped", "exaggerated", "misleading", "erroneous", "incorrect", "spoof", "parody")
	// genreWords name a kind of writing that is not meant as true: a
	// denial only of a story or report the sentence names.
	genreWords = setOf("satire", "satirical", "parody", "spoof")
	// metaNouns name a report, not what it reports: they are never the
	// head of a denial ("denies ceasefire claim" denies the ceasefire).
	metaNouns = setOf("claim", "claims", "report", "reports", "rumor", "rumors", "rumour", "rumours",
		"allegation", "allegations", "story", "stories", "suggestion", "suggestions", "accusation",
		"accusations", "speculation", "news", "article", "articles", "account", "accounts", "assertion",
		"assertions", "that", "it", "this", "media", "headline", "headlines", "tale", "truth", "evidence", "proof",
		"validity", "veracity", "authenticity", "accuracy", "credibility", "legitimacy")
	// evidenceNouns after a negation make it a denial of the rest
	// ("no evidence that", "not true", "no truth to").
	evidenceNouns = setOf("evidence", "proof", "truth", "true", "basis", "sign", "indication", "confirmation",
		"plausible", "credible", "accurate", "real")
	// doubtWords say the claim they stand in is doubtful or impossible
	// ("it is implausible", "almost impossible"): a denial of the whole
	// claim, unless negated before ("not impossible"). weakDoubts doubt
	// a report ("cast doubt over claims that …", "sceptical of the
	// story") but also intentions and outcomes ("skepticism over a
	// ceasefire remains high"): like weakDenials, they deny only a
	// report or claim named after them.
	doubtWords = setOf("implausible", "impossible", "misinformation", "far-fetched", "debunking", "unlikely")
	weakDoubts = setOf("doubt", "doubts", "doubted", "doubtful", "skeptical", "sceptical", "skepticism",
		"scepticism")
	notDoubt = setOf("no", "without", "little", "beyond", "not", "never")
	// questionVerbs doubt the clause after "whether" ("questions whether
	// …", "doubted whether …").
	questionVerbs = setOf("question", "questions", "questioned", "questioning", "doubt", "doubts", "doubted",
		"doubting")
)

// hedgeCues report a claim without asserting it ("reportedly", "rumours
// that", "is said to"); hedgeSeqs are the same in several words.
var (
	hedgeCues = setOf("reportedly", "allegedly", "purportedly", "supposedly", "rumored", "rumoured", "rumor",
		"rumors", "rumour", "rumours", "unconfirmed", "unverified", "speculation", "speculated", "alleged",
		"hearsay", "suspected")
	hedgeSeqs = [][]string{{"claims", "that"}, {"claimed", "that"}, {"claiming", "that"}, {"is", "said", "to"},
		{"are", "said", "to"}, {"was", "said", "to"}, {"were", "said", "to"}, {"reports", "that"},
		{"reports", "say"}, {"reports", "said"}, {"reports", "suggest"}, {"according", "to", "reports"},
		{"report", "that"}, {"claim", "that"}, {"assertion", "that"}, {"allegation", "that"},
		{"allegations", "that"}, {"suggestion", "that"}, {"suggestions", "that"},
		{"according", "to", "unconfirmed"}, {"it", "is", "claimed"}, {"may", "have"}, {"might", "have"},
		{"could", "have"}}
)

// hedgeByFirst are hedgeSeqs by their first word (see cuesByFirst).
var hedgeByFirst = cuesByFirst(hedgeSeqs)

// hedgeLabels label a line as what is claimed ("Claim: …"); claimVerbs
// report a claim when "that" follows within a few words.
var (
	hedgeLabels = setOf("claim", "rumor", "rumour", "allegation")
	claimVerbs  = setOf("claims", "claimed", "claiming", "alleges", "alleged", "alleging")
)

// confirmHeads, negated, hedge a claim rather than deny it ("it is
// suggested, but not confirmed, that …").
var confirmHeads = setOf("confirm", "verify", "prove", "substantiate", "corroborate", "establish")

// lightVerbs carry too little to be what a negation denies: "not get
// ahead of ourselves" negates "ahead", "don't want to do that" nothing
// checkable.
var lightVerbs = setOf("get", "want", "do", "make", "take", "have", "go", "come", "know", "think", "see",
	"seem", "need", "let", "try", "like", "wish", "hope", "mean", "use", "put", "give", "become", "keep",
	"hear", "able")

// maxScope is how many words a negation or denial governs at most, to
// the end of its clause: "never heard of spiders being able to survive
// beneath the skin" denies the skin too (8 words cut it off).
const maxScope = 12

// scopeEnds end the scope of a negation or denial: a clause boundary.
var scopeEnds = setOf("but", "while", "whereas", "although", "though", "because", "since", "when", "which",
	"who", "where", "and", "after", "before", "as", "if", "unless", "so")

// extractPolarity finds the negations and denials of a claim and whether
// it is hedged. lex gives match keys; inName reports tokens of names.
func extractPolarity(text string, toks []token, ments []mention, lex Lexicon) (cues []polarityCue, hedge string) {
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
	nameAt := func(k int) string {
		for _, m := range ments {
			if toks[k].Start >= m.Start && toks[k].End <= m.End {
				return m.Key
			}
		}
		return ""
	}
	// boundary reports a clause boundary between tokens k-1 and k.
	boundary := func(k int) bool {
		if k <= 0 || k >= len(toks) {
			return true
		}
		gap := text[toks[k-1].End:toks[k].Start]
		return strings.ContainsAny(gap, ",;:—–().!?")
	}
	// scope collects the content words and names from token k on, to the
	// end of the clause (all of the claim if whole).
	scope := func(from, to int, whole bool) polarityCue {
		c := polarityCue{ident: true}
		var text []string
		for k := from; k < to; k++ {
			if !whole && k > from && (boundary(k) || scopeEnds[lower[k]]) {
				break
			}
			if !whole && len(text) >= maxScope {
				break
			}
			w := lower[k]
			if n := nameAt(k); n != "" {
				if !containsStr(c.names, n) {
					c.names = append(c.names, n)
				}
				text = append(text, toks[k].Text)
				continue
			}
			if isStop(w) || negationCues[w] || denialVerbs[w] || weakDenials[w] || denialWords[w] || doubtWords[w] || weakDoubts[w] || len(w) < 2 {
				if c.head == "" && !identGap[w] {
					c.ident = false
				}
				if len(text) > 0 || !isStop(w) {
					text = append(text, toks[k].Text)
				}
				continue
			}
			text = append(text, toks[k].Text)
			if _, ok := parseValue(w); ok {
				continue
			}
			key, lemma := matchKey(lex, strings.TrimSuffix(w, "'"))
			if c.head == "" && !whole && !metaNouns[w] && !strings.HasSuffix(w, "ly") && !fillers[w] && !lightVerbs[lemma] {
				c.head, c.headLemma = key, lemma
			}
			if !metaNouns[w] && !containsStr(c.keys, key) {
				c.keys = append(c.keys, key)
			}
		}
		c.text = strings.Join(text, " ")
		return c
	}
	denied := false
	hedgeAt := -1
	for k := 0; k < len(toks); k++ {
		w := lower[k]
		switch {
		case refusals[w] && k+1 < len(toks) && lower[k+1] == "to":
			c := scope(k+2, len(toks), false)
			if c.head == "" {
				continue
			}
			c.kind, c.cue = brief.KindNegation, toks[k].Text
			cues = append(cues, c)
		case negationCues[w] || strings.HasSuffix(w, "n't"):
			if k+1 < len(toks) && notNegating[lower[k+1]] || k > 0 && negatedBefore[lower[k-1]] {
				continue
			}
			if k+1 < len(toks) {
				if _, num := parseValue(lower[k+1]); num {
					continue // "No 4 on the chart"
				}
			}
			if at(k+1, []string{"to", "mention"}) || k+1 < len(toks) && lower[k+1] == "yet" {
				continue // "not yet": a pending status (status.go)
			}
			kind := brief.KindNegation
			whole := false
			for j := k + 1; j < len(toks) && j <= k+3; j++ {
				if evidenceNouns[lower[j]] {
					kind, whole = brief.KindDenial, true
					break
				}
			}
			var c polarityCue
			if whole {
				c = scope(k+1, len(toks), true)
				if len(c.keys) <= 1 && len(c.names) == 0 {
					// "… is not true", "… is not real": what is denied
					// comes before.
					c = scope(0, len(toks), true)
				}
			} else {
				c = scope(k+1, len(toks), false)
			}
			if c.head == "" && !whole {
				continue
			}
			if confirmHeads[c.headLemma] {
				// "suggested, but not confirmed": a hedge on the rest.
				hedgeAt = k
				continue
			}
			if openQuestion(lower, k, c.headLemma, lex) {
				continue
			}
			c.kind, c.cue = kind, toks[k].Text
			cues = append(cues, c)
			denied = denied || kind == brief.KindDenial
		case denialVerbs[w] || weakDenials[w] || k+1 < len(toks) && phrasalDenials[w] != "" && lower[k+1] == phrasalDenials[w]:
			// "denied reports on Scottish media that it plans to open
			// a restaurant": what is denied follows "that".
			weak, phrasal := !denialVerbs[w], !denialVerbs[w] && !weakDenials[w]
			from := k + 1
			if phrasal {
				from = k + 2 // past the particle
			}
			for j := k + 1; j < len(toks) && j <= k+8; j++ {
				if lower[j] == "that" {
					from = j + 1
					break
				}
				if boundary(j) {
					break
				}
			}
			c := scope(from, len(toks), false)
			c.loose = from > k+1
			if k > 0 && passiveAux[lower[k-1]] {
				// "Earlier reports that … have now been denied by
				// Iraq": what is denied is the subject.
				c = scope(0, k, true)
				c.loose = true
			}
			if weak && !metaAfter(lower, k) {
				continue
			}
			if c.head == "" && len(c.names) == 0 {
				continue
			}
			c.kind, c.cue = brief.KindDenial, toks[k].Text
			if phrasal {
				c.cue += " " + toks[k+1].Text
			}
			cues = append(cues, c)
			denied = true
		case denialWords[w] && attributive(lower, k, boundary):
			// "a fake passport", "false teeth": the thing is forged, the
			// claim is not denied.
		case genreWords[w] && !slices.ContainsFunc(lower, func(x string) bool { return metaNouns[x] && x != "it" && x != "this" && x != "that" }):
			// "an attack on the Paris office of the satirical newspaper
			// Charlie Hebdo": a kind of paper; "the story first ran on
			// a satirical website" says the story is satire.
		case doubtWords[w] && k+1 < len(toks) && lower[k+1] == "to" && (k == 0 || !notDoubt[lower[k-1]]):
			// "the rockets are unlikely to be fit for use": the doubt
			// is of what follows, like a negation's, not of the claim.
			c := scope(k+2, len(toks), false)
			if c.head == "" {
				continue
			}
			c.kind, c.cue = brief.KindDenial, toks[k].Text
			cues = append(cues, c)
			denied = true
		case questionVerbs[w] && k+1 < len(toks) && lower[k+1] == "whether" && k+2 < len(toks):
			// "NASA questions whether the crater was caused by a
			// meteorite": a doubt of the clause after "whether".
			c := scope(k+2, len(toks), true)
			c.kind, c.cue = brief.KindDenial, toks[k].Text+" "+toks[k+1].Text
			cues = append(cues, c)
			denied = true
		case denialWords[w] || (doubtWords[w] || weakDoubts[w] && metaAfter(lower, k)) && (k == 0 || !notDoubt[lower[k-1]]):
			c := scope(0, len(toks), true)
			c.kind, c.cue = brief.KindDenial, toks[k].Text
			if k > 0 && (lower[k-1] == "greatly" || lower[k-1] == "wildly" || lower[k-1] == "grossly") {
				c.cue = toks[k-1].Text + " " + toks[k].Text
			}
			cues = append(cues, c)
			denied = true
		}
	}
	if denied {
		return cues, ""
	}
	if hedgeAt >= 0 {
		return cues, span(toks, hedgeAt, min(hedgeAt+1, len(toks)-1))
	}
	if len(toks) > 1 && hedgeLabels[lower[0]] && strings.HasPrefix(text[toks[0].End:], ":") {
		// "Claim: …", "Rumour: …": a fact-check's label.
		return cues, toks[0].Text
	}
	for k := range toks {
		if hedgeCues[lower[k]] {
			return cues, toks[k].Text
		}
		if headlineWords[lower[k]] && quotesAfter(text, toks[k].End) {
			// "… under the sensational headline: “7 teen girls get
			// pregnant on school trip”": the headline is quoted, not
			// asserted.
			return cues, toks[k].Text
		}
		if claimVerbs[lower[k]] {
			// "claimed on Tuesday that …"
			for j := k + 1; j < len(toks) && j <= k+4; j++ {
				if lower[j] == "that" {
					return cues, span(toks, k, j)
				}
				if boundary(j) {
					break
				}
			}
		}
		for _, seq := range hedgeByFirst[lower[k]] {
			if at(k, seq) {
				if seq[0] == "may" || seq[0] == "might" || seq[0] == "could" {
					// "may have been": a modal perfect, not "may have talks".
					if k+2 >= len(toks) || !(lower[k+2] == "been" || strings.HasSuffix(lower[k+2], "ed") || irregularPast[lower[k+2]]) {
						continue
					}
				}
				return cues, span(toks, k, k+len(seq)-1)
			}
		}
	}
	return cues, ""
}

// headlineWords name a headline that a sentence may quote (see
// quotesAfter).
var headlineWords = setOf("headline", "headlined", "headlines")

// quotesAfter reports whether a quotation opens within a few bytes
// after offset i of text, after a colon or nothing: "headline: “…”",
// "headlined “…”", "the headline “…”" (not "made headlines around the
// world").
func quotesAfter(text string, i int) bool {
	rest := strings.TrimLeft(text[i:], " :,")
	if strings.HasPrefix(rest, "read") || strings.HasPrefix(rest, "said") || strings.HasPrefix(rest, "says") {
		_, rest, _ = strings.Cut(rest, " ")
		rest = strings.TrimLeft(rest, " :,")
	}
	return strings.HasPrefix(rest, "“") || strings.HasPrefix(rest, "\"") || strings.HasPrefix(rest, "‘") ||
		strings.HasPrefix(rest, "'")
}

// thingDenials say a thing is not what it seems when they stand before
// its noun ("a fake passport"); before a report ("a fake story") or what
// a story rests on ("a doctored photo", "a fake website") they deny the
// claim. mediaNouns are those the claim rests on.
var (
	thingDenials = setOf("fake", "faked", "false", "bogus", "fabricated", "doctored", "photoshopped", "fictional",
		"fiction", "erroneous", "incorrect", "misleading")
	mediaNouns = setOf("photo", "photos", "photograph", "photographs", "image", "images", "picture", "pictures",
		"video", "videos", "footage", "website", "websites", "site", "sites", "page", "pages", "account", "accounts",
		"tweet", "tweets", "post", "posts", "quote", "quotes", "alarm", "alarms", "document", "documents", "letter",
		"information", "data", "figure", "figures", "statement", "statements", "impression")
)

// attributive reports whether the denial word at k modifies the noun
// after it, a thing rather than a report: "fake passport", "false
// teeth", not "fake news" or "false, officials said".
func attributive(lower []string, k int, boundary func(int) bool) bool {
	if !thingDenials[lower[k]] || k+1 >= len(lower) || boundary(k+1) {
		return false
	}
	next := lower[k+1]
	if isStop(next) || metaNouns[next] || mediaNouns[next] || negationCues[next] {
		return false
	}
	if _, num := parseValue(next); num {
		return false
	}
	return true
}

// whWords open an indirect question.
var whWords = setOf("whether", "if", "how", "what", "when", "where", "who", "whom", "which", "why")

// openQuestion reports whether the negation at token k governs a verb of
// saying or knowing followed by an indirect question: "did not specify
// whether Ukraine would cede land", "did not say when" leave the matter
// open, and deny neither answer.
func openQuestion(lower []string, k int, head string, lex Lexicon) bool {
	for j := k + 1; j < len(lower) && j <= k+4; j++ {
		_, l := matchKey(lex, lower[j])
		if l != head {
			continue
		}
		if !speechLemmas[l] && !disclosureLemmas[l] {
			return false
		}
		return j+1 < len(lower) && whWords[lower[j+1]]
	}
	return false
}

// disclosureLemmas are verbs of telling or knowing that, with an
// indirect question, leave it open ("did not disclose whether").
var disclosureLemmas = setOf("specify", "disclose", "reveal", "elaborate", "clarify", "explain", "detail",
	"decide", "determine", "mention", "discuss")

// passiveAux before a denial verb make it passive: "have been denied".
var passiveAux = setOf("been", "was", "were", "is", "are", "be", "being")

// metaAfter reports whether one of the six words after lower[k] names
// a report or claim ("dismissed the reports", "doubts over claims",
// "raised doubts on Sunday about the validity of").
func metaAfter(lower []string, k int) bool {
	for j := k + 1; j < len(lower) && j <= k+6; j++ {
		if metaNouns[lower[j]] && lower[j] != "it" && lower[j] != "this" {
			return true
		}
	}
	return false
}

// polarityConflict reports one claim negating or denying what the other
// states: a cue of a whose scope the other claim states positively. The
// head of a negation (its predicate) must be stated in b, with a second
// word or name of the scope; a denial of the whole claim needs two.
// states remembers statesKey across calls; nil computes it each time.
// With exact set, b must state the head in the same word, not a synonym.
func polarityConflict(a, b *node, canon func(string) string, lex Lexicon, states statesMemo, exact bool) (finding, bool) {
	if b.f.hedge != "" {
		return finding{}, false // b reports the claim a denies, without asserting it
	}
	for i := range a.f.pols {
		c := &a.f.pols[i] // not a copy: this loop runs for every pair debunked checks
		// The scope words and names b shares come first: they are the
		// cheapest test, and most cues debunked asks about share too
		// few to conflict whatever the head and negates say.
		shared := 0
		for _, k := range c.keys {
			if k != c.head && b.f.hasKey(k) {
				shared++
			}
		}
		names := 0
		if a.cueNames != nil {
			for _, n := range a.cueNames[i] {
				if containsStr(b.ents, n) {
					names++
				}
			}
		} else {
			for _, n := range c.names {
				if containsStr(b.ents, canon(n)) {
					names++
				}
			}
		}
		if names < 2 && shared+names < 2 {
			// A name of the scope may be a plain word in b, where its
			// capitals said nothing ("Priest' claim of seeing God …
			// dismissed as hoax" / "Catholic Priest Claims God Is
			// Female"): a one-word name stated as a word of b counts.
			ns := c.names
			if a.cueNames != nil {
				ns = a.cueNames[i] // folded already
			}
			for _, n := range ns {
				if a.cueNames == nil {
					n = canon(n)
				}
				if !strings.Contains(n, " ") && !containsStr(b.ents, n) {
					if k, _ := matchKey(lex, n); k != "" && b.f.hasKey(k) {
						names++
					}
				}
			}
			// A word of the scope that is the demonym of a name or word
			// of b ("Reports of Nicaraguan Meteorite" / "… in
			// Nicaragua's Capital").
			for _, k := range c.keys {
				if k == c.head || !mayBeDemonym(k) || b.f.hasKey(k) {
					continue
				}
				found := false
				for _, e := range b.ents {
					found = found || demonymOf(k, e)
				}
				for _, w := range b.f.words {
					found = found || demonymOf(k, w.lemma)
				}
				if found {
					names++
				}
			}
		}
		shared += min(names, 2)
		need := 1
		switch {
		case c.head == "":
			need = 2
		case len(c.keys) == 1 && len(c.names) == 0 && c.ident && sharesName(a, b):
			need = 0 // "not a meteorite", in two claims about one place
		}
		if shared < need {
			continue // fewer than even a stated head needs
		}
		// A cue needs its head stated in b, but a denial of a clause
		// may be stated in other words ("denied that a woman detained in
		// Lebanon is a wife of al-Baghdadi" / "Lebanon detains wife … of
		// al-Baghdadi") when more of its scope is shared, or two words
		// of it in two claims naming one entity ("Boko Haram has
		// dismissed claims … that it has signed a truce or agreed to
		// release captives" / "Boko Haram 'to release abducted
		// schoolgirls' as part of ceasefire agreement").
		if c.head != "" && !states.statesKey(b, c.head, c.headLemma, lex) && (!c.loose || shared < 3 && (shared < 2 || !sharesName(a, b))) {
			continue
		}
		if exact && c.head != "" && !b.f.hasKey(c.head) {
			continue
		}
		if negates(b, c, lex) {
			continue // both negate it: they agree
		}
		if c.head == "" && len(b.f.pols) > 0 {
			// A whole-claim denial or doubt against a claim that
			// negates something itself ("NASA is skeptical that the
			// explosion was caused by a space object" / "the explosion
			// was not a meteorite"): both deny the story.
			continue
		}
		if c.head != "" && !statedOutsideDenials(b, c.head, c.headLemma, lex) {
			continue // b states the head only inside its own denial
		}
		if negatesStated(b, a) {
			continue // each negates what the other states: one fact told both ways
		}
		score := 0.6 + 0.1*float64(min(shared, 4))
		return finding{rel: brief.Disagree, kind: c.kind, score: score,
			reason: string(c.kind) + ": " + q(c.cue) + " … " + q(shortScope(c.text))}, true
	}
	return finding{}, false
}

// negates reports whether n has a cue of its own over c's head (or, for
// a whole-claim denial, a denial too): "will not play" and "decided not
// to play" agree.
func negates(n *node, c *polarityCue, lex Lexicon) bool {
	if c.head != "" {
		for _, x := range n.f.status {
			// "has not yet been charged", "not yet testified": pending,
			// so not stated (status.go reads "not yet", polarity does not).
			if !x.done && !x.speechOnly && x.key != motionKey && negatedPending(x.text) &&
				(x.key == c.head || samePrefix(x.lemma, c.headLemma, 5)) {
				return true
			}
		}
	}
	for i := range n.f.pols {
		d := &n.f.pols[i]
		if c.head == "" || d.head == "" {
			switch {
			case d.kind == brief.KindDenial && c.kind == brief.KindDenial:
				return true
			case c.head == "" && d.head != "" && containsStr(c.keys, d.head),
				d.head == "" && c.head != "" && containsStr(d.keys, c.head):
				// "the claim that he is dead is a hoax" / "he is not
				// dead": a whole-claim denial and a negation of a
				// predicate in its scope deny one thing.
				return true
			}
			continue
		}
		if d.head == c.head || containsStr(d.keys, c.head) || containsStr(c.keys, d.head) ||
			samePrefix(d.headLemma, c.headLemma, 5) ||
			lex.Related(d.headLemma, c.headLemma) >= 0.9 || sharesKey(c.keys, d.keys) {
			return true
		}
	}
	return false
}

// statedOutsideDenials reports whether n states the predicate k (lemma
// l; see statesKey) outside the scopes of its own negations and
// denials: "reports that Lebanese officials had captured his wife have
// been denied" does not state the capture.
func statedOutsideDenials(n *node, k, l string, lex Lexicon) bool {
	if len(n.f.pols) == 0 {
		return true
	}
	for _, w := range n.f.words {
		if (w.key == k || !samePrefix(w.lemma, l, 4) && lex.Related(w.lemma, l) >= 0.9) && !deniesKey(n, w.key) {
			return true
		}
	}
	return false
}

// negatesStated reports whether n negates something the other claim
// states: "the bodies found in the grave were not the missing students"
// against "the missing students were not found in the grave", where each
// negates a word the other asserts. Such a pair tells one fact from two
// sides, and neither contradicts the other.
func negatesStated(n, other *node) bool {
	for i := range n.f.pols {
		c := &n.f.pols[i]
		if c.kind != brief.KindNegation || c.head == "" {
			continue
		}
		for _, k := range c.keys {
			if other.f.hasKey(k) {
				return true
			}
		}
	}
	return false
}

// negatedPending reports whether a pending status was stated by a
// negation ("has not yet been charged", "yet to comment", "refused to
// recuse"), not by a future or a plan ("will be required").
func negatedPending(text string) bool {
	f := strings.Fields(strings.ToLower(strings.ReplaceAll(text, "’", "'")))
	if len(f) == 0 {
		return false
	}
	if negationCues[f[0]] || strings.HasSuffix(f[0], "n't") || f[0] == "yet" || refusals[f[0]] {
		return true
	}
	return len(f) > 1 && (f[1] == "not" || f[1] == "never")
}

// sharesKey reports whether two scopes share a match key: "is not
// al-Baghdadi's wife" and "denied that a woman … is a wife of" deny one
// thing.
func sharesKey(a, b []string) bool {
	for _, k := range a {
		if containsStr(b, k) {
			return true
		}
	}
	return false
}

// statesKey reports whether n has a content word with match key k or a
// synonym of its lemma l ("star" / "play"). The lexicon's 0.9 also joins
// derived words ("confirm" / "confidence"), which share their first
// letters: those are left out.
func statesKey(n *node, k, l string, lex Lexicon) bool {
	if n.f.hasKey(k) {
		return true
	}
	for _, w := range n.f.words {
		if !samePrefix(w.lemma, l, 4) && lex.Related(w.lemma, l) >= 0.9 {
			return true
		}
	}
	return false
}

// statesMemo remembers statesKey for a loop that checks the same claims
// for the same predicates many times (debunked: each claim against the
// negations of every source it agrees with, once for each agreement).
// Its tables are per predicate, each small enough to stay in cache.
// It is not safe for concurrent use.
type statesMemo map[[2]string]map[*node]bool

// statesKey is statesKey(n, k, l, lex), remembered when m is not nil.
func (m statesMemo) statesKey(n *node, k, l string, lex Lexicon) bool {
	if m == nil {
		return statesKey(n, k, l, lex)
	}
	t := m[[2]string{k, l}]
	if t == nil {
		t = map[*node]bool{}
		m[[2]string{k, l}] = t
	}
	v, ok := t[n]
	if !ok {
		v = statesKey(n, k, l, lex)
		t[n] = v
	}
	return v
}

// samePrefix reports whether a and b share their first n bytes.
func samePrefix(a, b string, n int) bool {
	return len(a) >= n && len(b) >= n && a[:n] == b[:n]
}

// inheritDenials gives a denial that says little of what it denies ("I
// think that is fabricated, it’s nonsense") the words and names of the
// sentence before it, which is what "that" denies.
func inheritDenials(feats []*claimFeat) {
	for i := 1; i < len(feats); i++ {
		f, prev := feats[i], feats[i-1]
		for k, c := range f.pols {
			if c.kind != brief.KindDenial || c.head != "" || len(c.keys) >= 3 {
				continue
			}
			for _, w := range prev.words {
				if !containsStr(c.keys, w.key) {
					c.keys = append(c.keys, w.key)
				}
			}
			for _, m := range prev.ments {
				if !containsStr(c.names, m.Key) {
					c.names = append(c.names, m.Key)
				}
			}
			f.pols[k] = c
		}
	}
}

// shortScope keeps the first words of a scope for a reason.
func shortScope(s string) string {
	// The first words only, without splitting the rest (polarityConflict
	// makes a reason for every conflict debunked finds).
	var first [6]string
	n := 0
	for w := range strings.FieldsSeq(s) {
		if n == len(first) {
			return strings.Join(first[:], " ")
		}
		first[n] = w
		n++
	}
	return s
}

// hedgedOnly reports whether exactly one of two claims is hedged: a
// report of a claim is not agreement with it.
// oppositePolarity reports one claim negating or denying something of
// what the other states, the other negating nothing: whatever else they
// share, they do not agree ("Comcast is not asking customers to stop
// using Tor" / "Comcast blocks Tor"). A cue's scope must share a word
// or a name with the other claim.
func (c *corpus) oppositePolarity(a, b *node) bool {
	if len(a.f.pols) == 0 {
		a, b = b, a
	}
	if len(a.f.pols) == 0 || b.f.negWords {
		// Neither negates, or both do in some way (b's negation may be
		// no cue of its own: "could put no exact date", "do-not-call").
		return false
	}
	for i := range a.f.pols {
		p := &a.f.pols[i]
		for _, k := range p.keys {
			if b.f.hasKey(k) {
				return true
			}
		}
		for _, n := range p.names {
			if containsStr(b.ents, c.canon(n)) {
				return true
			}
		}
	}
	return false
}

// negationWords are words by which a claim negates or denies something,
// whether or not they make a cue of it (see hasNegationWord).
var negationWords = setOf("without", "unknown", "unable", "unclear", "failed", "fails", "fail", "lack",
	"lacks", "lacked", "absent", "absence", "none")

// hasNegationWord reports whether any word of toks negates, refuses,
// denies or doubts ("not", "don't", "refused", "denied", "hoax",
// "unlikely", "without"), also a part of a hyphenated word
// ("do-not-call").
func hasNegationWord(toks []token) bool {
	for _, t := range toks {
		w := strings.ReplaceAll(t.Lower, "’", "'")
		// The parts strings.Split(w, "-") gives, without the slice.
		for rest, more := w, true; more; {
			var part string
			part, rest, more = strings.Cut(rest, "-")
			if negationCues[part] || refusals[part] || denialVerbs[part] || weakDenials[part] || denialWords[part] ||
				doubtWords[part] || weakDoubts[part] || negationWords[part] || strings.HasSuffix(part, "n't") {
				return true
			}
		}
	}
	return false
}

func hedgedOnly(a, b *node) bool {
	return (a.f.hedge != "") != (b.f.hedge != "")
}
