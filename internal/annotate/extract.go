package annotate

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/brief-dev/brief/internal/brief"
	"github.com/brief-dev/brief/internal/lexicon"
)

// claimFeat is what one claim says, as far as it can be checked.
type claimFeat struct {
	claim *brief.Claim
	toks  []token // nil once its source is extracted, but for a headline (see extractSource)
	// words are the content words (names excluded), sorted by match
	// key, one for each key (see hasKey).
	words    []cword
	ments    []mention
	nums     []number
	times    []string // weekdays and dates, lower case ("thursday", "february 28")
	timeText []string // the same as written ("Thursday", "February 28")
	quotes   []quote
	// speaker is the index in ments of who utters the quotations, or -1;
	// speakerKey is its key, resolved from earlier sentences if needed.
	speaker    int
	speakerKey string
	pronoun    bool // the quotation's speaker is a pronoun ("he said")
	// status lists the predicates reported as done or not done.
	status []statusEvent
	// clauses are the parts of a sentence that states several facts
	// (see extractClauses), with their words, names and quantities only;
	// nil for a sentence of one clause.
	clauses []*claimFeat
	// formers are offices the claim says a person held before.
	formers []formerRole
	// govs is, parallel to ments, the slot a name fills: the lemma of
	// the word a preposition before the name attaches to ("talks" in
	// "talks in Saudi Arabia", "arrive" in "arrived in Moscow"), or "".
	govs []string
	// pols are the claim's negations and denials; hedge the words that
	// report it without asserting it ("reportedly"), or "" (polarity.go).
	pols  []polarityCue
	hedge string
	// part is what the claim says of withdrawing or taking part, or nil
	// (see withdrawal).
	part *participation
	// titled is set for a Title Case or ALL CAPS line.
	titled bool
	// negWords is set when a word of the claim negates or denies, cue or
	// not (see hasNegationWord, oppositePolarity).
	negWords bool
	// vec is the sentence vector (see sentVec), or nil.
	vec []int8
	// related is the lexicon's relatedness, for detectors comparing slots.
	related func(a, b string) float64
	// ixKeys are the index keys of the claim's last pass, made with the
	// canonical names ixEnts (see buildIndex).
	ixKeys, ixEnts []string
}

// hasKey reports whether the claim has a content word with match key k.
func (f *claimFeat) hasKey(k string) bool {
	for _, w := range f.words {
		if w.key == k {
			return true
		}
	}
	return false
}

// cword is a content word: its match key (see matchKey), its lemma for
// the lexicon, and the word as written for reasons.
type cword struct{ key, lemma, text string }

// docFeat is the extraction of one source, cached by the Annotator.
type docFeat struct {
	src    *brief.Source
	claims []*brief.Claim // every sentence, in document order
	feats  []*claimFeat   // for claims of KindClaim, in order
	// vocab is how the source writes its words outside Title Case lines;
	// titled is set when it has such a line (see truecase).
	vocab  caseVocab
	titled bool
}

var weekdays = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// irregularPast are common irregular past-tense verbs of news reports.
var irregularPast = setOf("said", "flew", "met", "took", "gave", "made", "went", "came", "won", "lost",
	"left", "began", "saw", "told", "held", "sent", "struck", "hit", "led", "spoke", "wrote", "ran",
	"fell", "rose", "got", "paid", "sold", "bought", "brought", "built", "caught", "chose", "drove",
	"found", "fought", "froze", "kept", "knew", "shot", "shut", "stood", "swore", "threw", "won")

// extractSource splits a source and extracts the features of its claims.
func extractSource(src *brief.Source, lex Lexicon) *docFeat {
	lex = newKeyCache(lex)
	claims, toksOf := sourceClaims(src, lexicon.Tags)
	d := &docFeat{src: src, claims: claims}
	// Words the source writes in lower case: a capitalised first word
	// that is among them ("Meanwhile") is not a name.
	lowerVocab := map[string]bool{}
	d.vocab = caseVocab{capMid: map[string]bool{}, lower: map[string]bool{}}
	titled := make([]bool, len(d.claims))
	for i := range d.claims {
		for _, t := range toksOf[i] {
			if !t.Cap {
				lowerVocab[t.Lower] = true
			}
		}
		if titled[i] = titleCase(toksOf[i]); !titled[i] {
			d.vocab.add(toksOf[i])
		}
	}
	// A Title Case or ALL CAPS line (a headline) is read with the
	// capitals the source uses elsewhere; the pass over the corpus reads
	// it again with every source's (see retitle).
	rank := rankOf(lex)
	for i := range d.claims {
		if titled[i] {
			d.titled = true
			toksOf[i] = truecase(toksOf[i], func(w string) bool { return d.vocab.capMid[w] },
				func(w string) bool { return d.vocab.lower[w] }, rank)
		}
	}
	// Names that denote people in this source: those with a title, and
	// their surnames.
	mentionsOf := make([][]mention, len(d.claims))
	personKeys := map[string]bool{}
	for i, c := range d.claims {
		if c.Kind != brief.KindClaim {
			continue
		}
		mentionsOf[i] = extractMentions(c.Text, toksOf[i], lowerVocab)
		for _, m := range mentionsOf[i] {
			if m.Person {
				personKeys[m.Key] = true
				f := strings.Fields(m.Key)
				personKeys[f[len(f)-1]] = true
			}
		}
	}
	lastPerson := ""
	lastSpeaker := ""
	for i, c := range d.claims {
		if c.Kind != brief.KindClaim {
			continue
		}
		for k := range mentionsOf[i] {
			if personKeys[mentionsOf[i][k].Key] {
				mentionsOf[i][k].Person = true
			}
		}
		f := extractClaim(c, toksOf[i], mentionsOf[i], lex)
		f.titled = titled[i]
		// Resolve the speaker: a pronoun refers to the person the previous
		// sentences talk about, a bare quotation to the previous speaker.
		if len(f.quotes) > 0 {
			switch {
			case f.speaker >= 0:
				f.speakerKey = f.ments[f.speaker].Key
				c.Speaker = f.ments[f.speaker].Name
			case f.pronoun && lastPerson != "":
				f.speakerKey, c.Speaker = lastPerson, lastSpeakerName(d, lastPerson)
			case lastSpeaker != "":
				f.speakerKey, c.Speaker = lastSpeaker, lastSpeakerName(d, lastSpeaker)
			case lastPerson != "":
				f.speakerKey, c.Speaker = lastPerson, lastSpeakerName(d, lastPerson)
			}
			c.Quote = strings.Join(quoteTexts(f.quotes), " … ")
			lastSpeaker = f.speakerKey
		}
		for k := len(f.ments) - 1; k >= 0; k-- {
			m := f.ments[k]
			if inAnyQuote(f.quotes, m.Start) {
				continue
			}
			if m.Person {
				lastPerson = m.Key
				break
			}
		}
		if len(f.quotes) == 0 && lastPerson != "" && introducesSpeech(f.toks) {
			// "In a post on Telegram, he wrote:" — the next bare
			// quotation is his.
			lastSpeaker = lastPerson
		}
		d.feats = append(d.feats, f)
	}
	resolveDescriptions(d)
	inheritDenials(d.feats)
	// The tokens are done with: only a headline's are read again, by
	// retitle. They were the largest part of what a source keeps
	// (56 bytes a word), and the Annotator keeps every source's.
	for _, f := range d.feats {
		if !f.titled {
			f.toks = nil
		}
		for _, c := range f.clauses {
			c.toks = nil
		}
	}
	return d
}

// resolveDescriptions lets a description stand for the one person the
// source gives that title: where an article names "envoy Steve Witkoff",
// its "President Trump’s envoy has landed" is about Witkoff too. A title
// the source gives two people ("President Trump", "President Putin")
// resolves to neither; a former holder ("former leader Kim Il Sung")
// holds no title; and an appositive ("Kim Jong Un, the North Korean
// leader") describes the name before it. The added mentions go after
// the sentence's own, so the speaker's index stays valid.
func resolveDescriptions(d *docFeat) {
	byRole := map[string]mention{}
	ambiguous := map[string]bool{}
	for _, f := range d.feats {
		for _, m := range f.ments {
			if m.Role == "" || !m.Person || former(m.Title) {
				continue
			}
			if p, ok := byRole[m.Role]; ok && p.Key != m.Key {
				ambiguous[m.Role] = true
			}
			byRole[m.Role] = m
		}
	}
	if len(byRole) == 0 {
		return
	}
	for _, f := range d.feats {
		text := f.claim.Text
		own := len(f.ments)
		for _, t := range f.toks {
			p, ok := byRole[t.Lower]
			if !ok || ambiguous[t.Lower] || t.Cap && !t.Initial {
				continue
			}
			if slices.ContainsFunc(f.ments, func(m mention) bool {
				return m.Key == p.Key || t.Start >= min(m.Start, m.TitleStart) && t.End <= m.End
			}) {
				continue
			}
			if slices.ContainsFunc(f.ments[:own], func(m mention) bool {
				return m.Person && appositive(text, m.End, t.Start)
			}) {
				continue
			}
			f.ments = append(f.ments, mention{Name: p.Name, Key: p.Key, Person: true,
				Start: t.Start, End: t.End, TitleStart: t.Start})
			f.govs = append(f.govs, "")
		}
	}
}

// former reports a title its holder no longer has.
func former(title string) bool {
	t := strings.ToLower(title)
	return strings.Contains(t, "former") || strings.Contains(t, "ex-") || strings.HasPrefix(t, "late ")
}

// appositive reports whether text[end:start], the words between a name
// and a description, make the description an apposition to the name:
// a comma, then words without another comma ("Kim Jong Un, the North
// Korean leader").
func appositive(text string, end, start int) bool {
	if end > start {
		return false
	}
	g := strings.TrimSpace(text[end:start])
	rest, ok := strings.CutPrefix(g, ",")
	return ok && !strings.ContainsAny(rest, ",;:.()“”\"") && len(strings.Fields(rest)) <= 5
}

func lastSpeakerName(d *docFeat, key string) string {
	for i := len(d.feats) - 1; i >= 0; i-- {
		for _, m := range d.feats[i].ments {
			if m.Key == key {
				return m.Name
			}
		}
	}
	return ""
}

// introducesSpeech reports a sentence such as "He added:" whose subject
// is a pronoun and whose verb introduces speech.
func introducesSpeech(toks []token) bool {
	for k := 1; k < len(toks); k++ {
		if speechVerbs[toks[k].Lower] && pronouns[toks[k-1].Lower] {
			return true
		}
	}
	return false
}

func inAnyQuote(qs []quote, off int) bool {
	for _, q := range qs {
		if off >= q.Start && off < q.End {
			return true
		}
	}
	return false
}

func quoteTexts(qs []quote) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.Text
	}
	return out
}

// extractClaim extracts the features of one claim.
func extractClaim(c *brief.Claim, toks []token, ments []mention, lex Lexicon) *claimFeat {
	f := &claimFeat{claim: c, toks: toks, speaker: -1, ments: ments}
	f.quotes = extractQuotes(c.Text)
	f.speaker, f.pronoun = speakerOf(c.Text, toks, f.ments, f.quotes)
	if f.speaker >= 0 {
		f.ments[f.speaker].Person = true
	}
	lemma := func(w string) string { return lex.Lemma(w) }
	f.nums = extractNumbers(c.Text, toks, lemma)
	f.part = participationOf(c.Text, toks, lex)
	f.negWords = hasNegationWord(toks)
	// Content lemmas, leaving out names (they are compared as entities).
	// Titles go with the name too: "President" in "President Trump" says
	// who, not what happened (roles are compared by differentRole).
	inName := func(t token) bool {
		for _, m := range f.ments {
			if t.Start >= min(m.Start, m.TitleStart) && t.End <= m.End {
				return true
			}
		}
		return false
	}
	for k, t := range toks {
		w := strings.ReplaceAll(t.Lower, "’", "'")
		if weekdays[w] || (isMonth(w) && t.Cap) {
			tm, tt := fullMonth(w), t.Text
			if isMonth(w) && k+1 < len(toks) {
				if v, ok := parseValue(toks[k+1].Lower); ok && v >= 1 && v <= 31 {
					tm += " " + toks[k+1].Lower
					tt += " " + toks[k+1].Text
				}
			}
			if isMonth(w) && tm == fullMonth(w) && k > 0 {
				// The day first, as in British usage: "27 December".
				if d := toks[k-1].Lower; isDay(d) {
					tm += " " + d
					tt = toks[k-1].Text + " " + tt
				}
			}
			f.times = append(f.times, tm)
			f.timeText = append(f.timeText, tt)
		}
	}
	f.words = contentWords(toks, inName, lex)
	f.status = extractStatus(toks, f.ments, lex)
	// The phrases of travelling ("en route", "on its way", "heading to")
	// state a pending arrival: their content word takes the match key of
	// "arrive", so that "heading to Moscow" and "arrived in Moscow" share
	// the predicate.
	for _, e := range f.status {
		if e.key != motionKey || e.done {
			continue
		}
		k, l := matchKey(lex, "arrive")
		if f.hasKey(k) {
			break
		}
		cue := strings.Fields(strings.ToLower(e.text))
		for i, w := range f.words {
			if containsStr(cue, strings.ToLower(w.text)) {
				f.words[i] = cword{key: k, lemma: l, text: w.text}
				sort.Slice(f.words, func(i, j int) bool { return f.words[i].key < f.words[j].key })
				break
			}
		}
		break
	}
	f.pols, f.hedge = extractPolarity(c.Text, toks, f.ments, lex)
	f.vec = sentVec(toks, lex)
	f.clauses = extractClauses(f, lex)
	f.formers = extractFormer(c.Text, toks, f.ments)
	f.govs = make([]string, len(f.ments))
	for k, m := range f.ments {
		f.govs[k] = governor(toks, tokenAt(toks, m.Start), f.ments, lex)
	}
	if kc, ok := lex.(*keyCache); ok {
		// The cache is per source and not safe for concurrent use.
		f.related = kc.related
	} else {
		f.related = lex.Related
	}
	return f
}

// slotPreps are prepositions that put a name in the place slot of a
// predicate.
var slotPreps = setOf("in", "at", "to", "into", "from", "near", "outside", "inside", "across", "throughout", "toward", "towards")

// governor returns the lemma of the word that the name starting at token
// t fills a place slot of: the nearest content word before the
// preposition in front of the name, over at most two function words
// ("arrived in Moscow", "talks held in Riyadh" → "hold", "reached
// during talks in Saudi Arabia" → "talk"); another name and its title
// in between do not count ("the arrival of US envoy Steve Witkoff in
// Moscow" → "arrival"). Motion verbs and arrival nouns all give
// "arrive". It returns "" when no preposition precedes the name.
func governor(toks []token, t int, ments []mention, lex Lexicon) string {
	if t <= 0 || t >= len(toks) || !slotPreps[toks[t-1].Lower] {
		return ""
	}
	inName := func(j int) bool {
		for _, m := range ments {
			if toks[j].Start >= min(m.Start, m.TitleStart) && toks[j].End <= m.End {
				return true
			}
		}
		return false
	}
	budget := 3
	for j := t - 2; j >= 0 && budget > 0; j-- {
		w := strings.ReplaceAll(toks[j].Lower, "’", "'")
		if inName(j) {
			continue
		}
		budget--
		if toks[j].Cap || fillers[w] {
			continue
		}
		if isStop(w) && !irregularPast[w] {
			continue
		}
		_, l := matchKey(lex, w)
		if arrivalVerbs[l] || motionVerbs[l] || arrivalNouns[w] || journeyNouns[w] {
			return "arrive"
		}
		return l
	}
	return ""
}

// contentWords returns the content words of toks, one per match key,
// sorted by key, leaving out the tokens inName reports.
func contentWords(toks []token, inName func(token) bool, lex Lexicon) []cword {
	var cws []cword
	rank := rankOf(lex)
	var one [1]string
	for i, t := range toks {
		w := strings.ReplaceAll(t.Lower, "’", "'")
		if inName(t) {
			continue
		}
		parts := one[:]
		if strings.IndexByte(w, '-') < 0 {
			one[0] = w
		} else if parts = strings.Split(w, "-"); len(parts) > 1 {
			// "cease-fire" is "ceasefire", "e-mail" "email": one word
			// when the parts joined are a common word (the vectors'
			// rare words include run-together typos: "wellknown").
			if r := rank(strings.Join(parts, "")); r >= 0 && r < commonRank {
				parts = []string{strings.Join(parts, "")}
			}
		}
		for _, part := range parts {
			part = strings.TrimSuffix(part, "'")
			if len(part) < 2 || isStop(part) || part[0] <= '9' {
				continue
			}
			if _, ok := parseValue(part); ok {
				continue
			}
			k, l := matchKey(lex, part)
			if l == "reach" && reachesAgreement(toks, i) {
				// "reached a deal", "a truce, reached during talks":
				// agreeing, not arriving ("reach"/"arrive" are
				// WordNet synonyms).
				k, l = matchKey(lex, "agree")
			}
			// A sentence has a few content words: a scan finds a key
			// seen sooner than a map.
			if !slices.ContainsFunc(cws, func(c cword) bool { return c.key == k }) {
				cws = append(cws, cword{key: k, lemma: l, text: t.Text})
			}
		}
	}
	// The keys are unique, so the order is total.
	slices.SortFunc(cws, func(x, y cword) int { return strings.Compare(x.key, y.key) })
	// Kept by every claim for as long as its source is: without the
	// room append left (up to half the array).
	return slices.Clone(cws)
}

// agreementNouns are what one reaches by agreeing.
var agreementNouns = setOf("deal", "deals", "agreement", "agreements", "truce", "ceasefire", "cease-fire", "accord",
	"accords", "compromise", "settlement", "consensus", "pact", "understanding", "conclusion", "decision",
	"verdict", "arrangement", "bargain")

// reachesAgreement reports whether the verb at token i has an agreement
// noun among the three tokens on either side: "reached a ceasefire
// deal", "the truce, reached during talks", "a proposal reached between".
func reachesAgreement(toks []token, i int) bool {
	for j := max(0, i-3); j < len(toks) && j <= i+3; j++ {
		if j != i && agreementNouns[toks[j].Lower] {
			return true
		}
	}
	return false
}

// isDay reports a day of the month written as digits ("27").
func isDay(w string) bool {
	v, ok := parseValue(w)
	return ok && v >= 1 && v <= 31 && v == math.Trunc(v) && w[0] >= '0' && w[0] <= '9'
}
