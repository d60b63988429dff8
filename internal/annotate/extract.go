package annotate

import (
	"sort"
	"strings"

	"github.com/brief-dev/brief/internal/brief"
)

// claimFeat is what one claim says, as far as it can be checked.
type claimFeat struct {
	claim  *brief.Claim
	toks   []token
	lemmas []string // content lemmas, sorted, unique (names excluded)
	ments  []mention
	nums   []number
	times  []string // weekdays and dates, lower case ("thursday", "february 28")
	quotes []quote
	// speaker is the index in ments of who utters the quotations, or -1;
	// speakerKey is its key, resolved from earlier sentences if needed.
	speaker    int
	speakerKey string
	// status markers: pending ("en route", "yet to") or denied; done lists
	// past-tense words that report something as done.
	pending string
	done    []string
}

// docFeat is the extraction of one source, cached by the Annotator.
type docFeat struct {
	src    *brief.Source
	claims []*brief.Claim // every sentence, in document order
	feats  []*claimFeat   // for claims of KindClaim, in order
}

var weekdays = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// pendingMarkers report that something has not happened (yet) or was
// denied. They are matched on lower-case text with blanks at both ends.
var pendingMarkers = []string{
	"en route", "on its way", "on their way", "on his way", "on her way", "heading to", "headed to",
	"yet to", "not yet", "set to", "expected to", "due to", "being considered", "plans to",
	"planning to", "will be", "denied", "refused", "declined to", "did not", "has not", "have not",
	"had not", "never", "no longer", "refrained from", "is preparing", "are preparing",
}

// irregularPast are common irregular past-tense verbs of news reports.
var irregularPast = setOf("said", "flew", "met", "took", "gave", "made", "went", "came", "won", "lost",
	"left", "began", "saw", "told", "held", "sent", "struck", "hit", "led", "spoke", "wrote", "ran",
	"fell", "rose", "got", "paid", "sold", "bought", "brought", "built", "caught", "chose", "drove",
	"found", "fought", "froze", "kept", "knew", "shot", "shut", "stood", "swore", "threw", "won")

// extractSource splits a source and extracts the features of its claims.
func extractSource(src *brief.Source, lex Lexicon) *docFeat {
	d := &docFeat{src: src, claims: sourceClaims(src)}
	// Words the source writes in lower case: a capitalised first word
	// that is among them ("Meanwhile") is not a name.
	lowerVocab := map[string]bool{}
	toksOf := make([][]token, len(d.claims))
	for i, c := range d.claims {
		toksOf[i] = tokenize(c.Text)
		for _, t := range toksOf[i] {
			if !t.Cap {
				lowerVocab[t.Lower] = true
			}
		}
	}
	lastPerson := ""
	lastSpeaker := ""
	for i, c := range d.claims {
		if c.Kind != brief.KindClaim {
			continue
		}
		f := extractClaim(c, toksOf[i], lowerVocab, lex)
		// Resolve the speaker: a pronoun or a bare quotation refers to the
		// person the previous sentences talk about.
		if len(f.quotes) > 0 {
			if f.speaker >= 0 {
				f.speakerKey = f.ments[f.speaker].Key
				c.Speaker = f.ments[f.speaker].Name
			} else if lastSpeaker != "" && strings.HasPrefix(strings.TrimSpace(c.Text), "“") {
				f.speakerKey, c.Speaker = lastSpeaker, lastSpeakerName(d, lastSpeaker)
			} else if lastPerson != "" {
				f.speakerKey, c.Speaker = lastPerson, lastSpeakerName(d, lastPerson)
			}
			c.Quote = strings.Join(quoteTexts(f.quotes), " … ")
			lastSpeaker = f.speakerKey
		}
		for k := len(f.ments) - 1; k >= 0; k-- {
			m := f.ments[k]
			if !m.Place && (m.Person || strings.Contains(m.Key, " ")) {
				lastPerson = m.Key
				break
			}
		}
		if len(f.quotes) == 0 && hasPronounSubject(f.toks) && lastPerson != "" {
			lastSpeaker = lastPerson
		}
		d.feats = append(d.feats, f)
	}
	return d
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

func hasPronounSubject(toks []token) bool {
	return len(toks) > 0 && (toks[0].Lower == "he" || toks[0].Lower == "she")
}

func quoteTexts(qs []quote) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.Text
	}
	return out
}

// extractClaim extracts the features of one claim.
func extractClaim(c *brief.Claim, toks []token, lowerVocab map[string]bool, lex Lexicon) *claimFeat {
	f := &claimFeat{claim: c, toks: toks, speaker: -1}
	f.ments = extractMentions(c.Text, toks, lowerVocab)
	f.quotes = extractQuotes(c.Text)
	var fallback bool
	f.speaker, fallback = speakerOf(c.Text, toks, f.ments, f.quotes)
	_ = fallback
	if f.speaker >= 0 {
		f.ments[f.speaker].Person = true
	}
	lemma := func(w string) string { return lex.Lemma(w) }
	f.nums = extractNumbers(toks, lemma)
	// Content lemmas, leaving out names (they are compared as entities).
	inName := func(t token) bool {
		for _, m := range f.ments {
			if t.Start >= m.Start && t.End <= m.End {
				return true
			}
		}
		return false
	}
	seen := map[string]bool{}
	for k, t := range toks {
		if inName(t) {
			continue
		}
		w := strings.ReplaceAll(t.Lower, "’", "'")
		if weekdays[w] || (isMonth(w) && t.Cap) {
			tm := w
			if isMonth(w) && k+1 < len(toks) {
				if v, ok := parseValue(toks[k+1].Lower); ok && v >= 1 && v <= 31 {
					tm += " " + toks[k+1].Lower
				}
			}
			f.times = append(f.times, tm)
		}
		for _, part := range strings.Split(w, "-") {
			part = strings.TrimSuffix(part, "'")
			if len(part) < 2 || isStop(part) || part[0] <= '9' {
				continue
			}
			if _, ok := parseValue(part); ok {
				continue
			}
			l := lex.Lemma(part)
			if !seen[l] {
				seen[l] = true
				f.lemmas = append(f.lemmas, l)
			}
		}
		if !t.InQuote && (irregularPast[w] || (strings.HasSuffix(w, "ed") && len(w) > 4 && !t.Cap)) {
			f.done = append(f.done, t.Text)
		}
	}
	sort.Strings(f.lemmas)
	low := " " + strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(c.Text, "’", "'"))), " ") + " "
	for _, m := range pendingMarkers {
		if strings.Contains(low, " "+m+" ") {
			f.pending = m
			break
		}
	}
	return f
}
