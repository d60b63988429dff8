package annotate

import (
	"regexp"
	"slices"
	"strings"

	"github.com/brief-dev/brief/internal/brief"
	"github.com/brief-dev/brief/internal/lexicon"
)

// A claim is a statement: something with a subject and a verb that
// another source could confirm or contradict. Articles as imported carry
// other lines too: bylines, datelines and time stamps, photo captions and
// credits, script text that extraction let through, and fragments ("Do
// tell…", "Check.", "And if not for mobile ..."). classifySentence keeps
// them in the page but gives them a kind of their own, so that they are
// never linked, counted or exported as claims.
//
// The rules are deliberately cautious: a sentence is a claim unless a
// rule is sure. Whether a word can be a verb comes from WordNet
// (lexicon.Tags), where most nouns are verbs too ("police", "talks"), so
// "has no verb" only catches lines made of names, function words and
// nouns that are nothing else ("Justin Bieber at amfAR’s Inspiration
// Gala").

// tagFunc returns a word's WordNet parts of speech (see lexicon.Tags).
type tagFunc func(word string) (base, inflected lexicon.POS)

// classifySentence returns the kind of a sentence that split.go took
// for a claim: KindClaim, or the kind of line it is instead. toks are
// the sentence's tokens (tokenize(text)).
func classifySentence(text string, toks []token, tags tagFunc) brief.SentenceKind {
	switch {
	case looksLikeCode(text):
		return brief.KindCode
	case isCredit(text):
		return brief.KindCaption
	}
	// The words are the tokens with a letter: most often all of them,
	// and then the tokens themselves rather than a copy.
	words := toks
	for i, t := range toks {
		if !hasLetter(t.Text) {
			words = slices.Clip(toks[:i])
			for _, t := range toks[i+1:] {
				if hasLetter(t.Text) {
					words = append(words, t)
				}
			}
			break
		}
	}
	if len(words) < 2 {
		return brief.KindFragment // "Check.", "Yes.", "2025."
	}
	if isByline(words) || contributedCredit(words) {
		return brief.KindByline
	}
	if isDateline(words, tags) {
		return brief.KindDateline
	}
	v := verbsOf(words, tags)
	switch {
	case !v.any:
		return brief.KindFragment
	case v.imperative && !v.finite:
		return brief.KindFragment // "Do tell…", "Click here for more"
	case !v.finite && len(words) <= 4 && endsLabel(text):
		return brief.KindFragment // "At a glance:", "Meanwhile…"
	}
	return brief.KindClaim
}

// verbInfo is what a sentence's verbs look like.
type verbInfo struct {
	any        bool // some word can be a verb
	finite     bool // some word is an inflected verb, an auxiliary or a modal, or a verb after a subject pronoun
	imperative bool // the first word is the base form of a verb
}

var (
	subjectPronouns = setOf("i", "we", "you", "they", "he", "she", "it", "who")
	// Words before a name in a byline, and the verbs of time stamps,
	// which say nothing about the story.
	bylineLeads = setOf("by", "reporting", "reported", "writing", "written", "editing", "edited", "posted",
		"compiled", "produced", "photos", "photographs", "pictures", "video", "additional", "interview", "words")
	stampVerbs = setOf("published", "updated", "posted", "modified", "last", "created", "filed")
	zones      = setOf("gmt", "utc", "bst", "cet", "cest", "est", "edt", "et", "pt", "pst", "pdt", "msk", "am", "pm", "a.m", "p.m")
)

// verbsOf finds the words of a sentence that can be verbs. A capitalised
// word inside the sentence is taken for a name, unless the whole line is
// in Title Case or capitals (a headline-like line, whose capitals say
// nothing).
func verbsOf(words []token, tags tagFunc) verbInfo {
	caps := 0
	for _, w := range words {
		if w.Cap {
			caps++
		}
	}
	titled := caps*5 >= len(words)*4
	var v verbInfo
	for i, w := range words {
		// Inside a sentence a capitalised word is a name unless it is
		// an inflected verb ("Gives" in a Title Case headline).
		name := w.Cap && i > 0 && !w.Initial && !titled
		lw := w.Lower
		if k := strings.LastIndexAny(lw, "-‑"); k > 0 && k < len(lw)-1 {
			if b, in := tags(lw); (b | in) == 0 {
				lw = lw[k+1:] // "re-surfaced": "surfaced"
			}
		}
		if name {
			if _, infl := tags(lw); !infl.Has(lexicon.Verb) {
				continue
			}
		}
		finite, can := false, false
		switch {
		case modals[lw] || lw == "ought" || strings.HasSuffix(lw, "n't") || strings.HasSuffix(lw, "n’t"):
			finite, can = true, true
		case w.Poss && lexicon.IsStopword(lw):
			finite, can = true, true // "it’s", "that’s": "is"
		case contraction(lw):
			finite, can = true, true // "we’re", "they’ve", "I’m"
		default:
			base, infl := tags(lw)
			switch {
			case infl.Has(lexicon.Verb):
				finite, can = true, true
			case base.Has(lexicon.Verb):
				can = true
				if i > 0 && subjectPronouns[words[i-1].Lower] {
					finite = true
				}
				if i == 0 {
					v.imperative = true
				}
			}
		}
		if lw == "do" && i == 0 {
			v.imperative, finite = true, false
		}
		if i == 0 && (lw == "please" || lw == "let’s" || lw == "let's") {
			v.imperative, can = true, true
		}
		if stampVerbs[lw] {
			can, finite = false, false
		}
		v.any = v.any || can
		v.finite = v.finite || finite
	}
	return v
}

// contraction reports whether w ends in a contracted auxiliary.
func contraction(w string) bool {
	for _, suf := range []string{"'re", "’re", "'ve", "’ve", "'m", "’m", "'ll", "’ll", "'d", "’d"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return true
		}
	}
	return false
}

// isByline reports a line that names who wrote, reported or photographed
// the article: it starts with "By" or "Reporting by" before a name, and
// the rest is names (capitalised words) and function words.
func isByline(words []token) bool {
	i := 0
	for i < len(words) && i < 3 && bylineLeads[words[i].Lower] && words[i].Lower != "by" {
		i++
	}
	if i >= len(words)-1 || words[i].Lower != "by" || !words[i+1].Cap {
		return false
	}
	for _, w := range words[i+1:] {
		if !w.Cap && !lexicon.IsStopword(w.Lower) && !bylineLeads[w.Lower] {
			return false
		}
	}
	return true
}

// contributedCredit reports a reporters' credit line that news agencies
// close an article with: "Associated Press Writer Sara Kugler contributed
// to this report from New York City", "Jane Doe contributed reporting."
// It is about the article, not the story.
func contributedCredit(words []token) bool {
	if len(words) > 25 {
		return false
	}
	for i, w := range words[:len(words)-1] {
		if w.Lower != "contributed" {
			continue
		}
		next := words[i+1].Lower
		if next == "reporting" || next == "research" ||
			next == "to" && i+3 < len(words) && words[i+2].Lower == "this" && creditedWorks[words[i+3].Lower] {
			return true
		}
	}
	return false
}

// creditedWorks are what a reporter contributes to ("this report").
var creditedWorks = setOf("report", "story", "article", "dispatch")

// isDateline reports a line that only places and dates the article
// ("MOSCOW, March 13 (Reuters)", "Updated 16:02 GMT, 13 March 2025"): a
// date or time, and otherwise names, numbers, function words and the
// verbs of time stamps.
func isDateline(words []token, tags tagFunc) bool {
	date := false
	for i, w := range words {
		lw := strings.TrimSuffix(w.Lower, ".")
		if i == 0 && w.Cap && w.Text != strings.ToUpper(w.Text) {
			// A sentence's first word is capitalised anyway.
			if base, infl := tags(lw); (base | infl).Has(lexicon.Verb) && !stampVerbs[lw] {
				return false
			}
		}
		switch {
		case months[lw] || weekdays[lw] || zones[lw] || clockTime(lw):
			date = true
		case i > 0 && w.Cap && !stampVerbs[lw] && finiteVerb(lw, tags):
			// "NASA Confirms Earth Will Experience … December": a Title
			// Case headline, whose verbs are capitalised too.
			return false
		case w.Cap || allDigits(strings.TrimRight(lw, "stndrh")) || stampVerbs[lw] || lexicon.IsStopword(lw):
		default:
			return false
		}
	}
	return date
}

// finiteVerb reports a modal, a negated auxiliary or an inflected verb
// that is not also a noun ("will", "won't", "confirms", but not "times"
// or "reports").
func finiteVerb(w string, tags tagFunc) bool {
	if modals[w] || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
		return true
	}
	base, infl := tags(w)
	return infl.Has(lexicon.Verb) && !(base | infl).Has(lexicon.Noun)
}

// clockTime reports "14:02", "2.30pm".
func clockTime(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "am"), "pm")
	h, m, ok := strings.Cut(w, ":")
	if !ok {
		h, m, ok = strings.Cut(w, ".")
	}
	return ok && len(h) >= 1 && len(h) <= 2 && len(m) == 2 && allDigits(h) && allDigits(m)
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func hasLetter(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f {
			return true
		}
	}
	return false
}

// endsLabel reports a line that introduces what follows or trails off:
// it ends with a colon or an ellipsis.
func endsLabel(s string) bool {
	s = strings.TrimRight(s, " ”’\")")
	return strings.HasSuffix(s, ":") || strings.HasSuffix(s, "…") || strings.HasSuffix(s, "...")
}

// creditRE matches a photo credit: a label and a colon ("Photo: Getty",
// "Photograph: Pavel Bednyakov/AP"), "(Photo by …)", or a photographer
// and agency joined by a slash ("Contributor/Getty Images").
var creditRE = regexp.MustCompile(`(?:^|[\s(\[])(?:Photo|Photograph|Picture|Image|Illustration|Credit|Video|Footage)s?(?: credit)?\s*:|` +
	`(?:^|[(\[])\s*(?:Photo|Photograph|Picture|Image)s?\s+(?:by|via|courtesy)\b|` +
	`\S/(?:Getty Images|Getty|AFP|AP|Reuters|EPA|PA|Shutterstock|Alamy|Bloomberg|TASS|Sputnik|Anadolu|Xinhua|Pool)\b`)

// isCredit reports a photo caption or credit line: a short line with a
// credit, or one that ends with a credit in brackets ("Mr Ilic on his way
// to hospital (Photo: Europics)"). A long line with a credit inside is
// an article paragraph that extraction glued to a caption; it stays.
func isCredit(s string) bool {
	// creditRE needs a colon, a slash or a capitalised "Photo",
	// "Picture" or "Image"; most lines have none, and the test is much
	// cheaper than the regexp.
	if !strings.ContainsAny(s, ":/") && !strings.Contains(s, "Photo") && !strings.Contains(s, "Picture") && !strings.Contains(s, "Image") {
		return false
	}
	return creditLine(s)
}

// creditLine is isCredit without its cheap first test.
func creditLine(s string) bool {
	loc := creditRE.FindStringIndex(s)
	if loc == nil {
		return false
	}
	if len(strings.Fields(s)) <= 12 {
		return true
	}
	t := strings.TrimRight(s, " .")
	if !strings.HasSuffix(t, ")") && !strings.HasSuffix(t, "]") {
		return false
	}
	open := strings.LastIndexAny(t, "([")
	return open >= 0 && open <= loc[0]+1 && len(strings.Fields(s)) <= 40
}

// Signs of program text. A sentence is code when it shows two kinds of
// sign, one of them strong (a keyword opening a statement, a method
// call, a brace, an operator prose never uses). Each strong sign has a
// test that is true of every line the regexp matches and cheap, so
// that prose, which has no strong sign, never runs a regexp.
var (
	codeKeywords = []string{"var", "let", "const", "function", "return", "typeof", "import", "export"}
	codeStrong   = []struct {
		may func(string) bool
		re  *regexp.Regexp
	}{
		{func(s string) bool { return strings.ContainsAny(s, ";{}") || hasAnyPrefix(s, codeKeywords) },
			regexp.MustCompile(`(?:^|[;{}]\s*)(?:var|let|const|function|return|typeof|import|export)\s+[\w$({]`)},
		{identBeforeParen, regexp.MustCompile(`[A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*\(`)}, // DM.has(
		{func(s string) bool { return strings.ContainsAny(s, "{}") }, nil},
		{func(s string) bool { return strings.HasSuffix(s, ";") && s != "" && isIdentStart(s[0]) },
			regexp.MustCompile(`^[A-Za-z_$][\w$.]*\(.*\)\s*;$`)}, // mboxCreate('x');
		{func(s string) bool { return containsAny(s, codeOperators) },
			regexp.MustCompile(`===|!==|=>|&&|\|\||\+\+|\+=|\bfunction\s*\(`)},
	}
	codeOperators = []string{"==", "=>", "&&", "||", "++", "+=", "function"}
	codeWeak      = []*regexp.Regexp{
		regexp.MustCompile(`[A-Za-z_$][\w$.\]]*\s*=\s*[^=\s]`), // twitterVia = 'x'
		regexp.MustCompile(`;\s*(?:[A-Za-z_$]|$)`),
		regexp.MustCompile(`\)\s*;|\(\s*\)`),
		regexp.MustCompile(`'[^' ]*'\s*[;,)]`),
	}
)

// looksLikeCode reports a line of JavaScript or similar program text.
func looksLikeCode(s string) bool {
	kinds := 0
	for _, c := range codeStrong {
		if c.may(s) && (c.re == nil || c.re.MatchString(s)) {
			kinds++
		}
	}
	if kinds == 0 {
		return false
	}
	for _, re := range codeWeak {
		if kinds >= 2 {
			break
		}
		if re.MatchString(s) {
			kinds++
		}
	}
	return kinds >= 2
}

// identBeforeParen reports whether some "(" follows a letter, digit,
// "_" or "$", as in every method call.
func identBeforeParen(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] == '(' && (isIdentStart(s[i-1]) || '0' <= s[i-1] && s[i-1] <= '9') {
			return true
		}
	}
	return false
}

// isIdentStart reports [A-Za-z_$].
func isIdentStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c == '$'
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// classifySentences sets the kind of each sentence split.go took for a
// claim. A credit ends a caption, so the one sentence before it in a
// block that holds only the two ("Justin Bieber at the Gala. Photo:
// Getty") is the caption's text. toks are the sentences' tokens.
func classifySentences(sents []sentence, toks [][]token, tags tagFunc) {
	for i := range sents {
		if sents[i].Kind == brief.KindClaim {
			sents[i].Kind = classifySentence(sents[i].Text, toks[i], tags)
		}
	}
	for i := 1; i < len(sents); i++ {
		s, prev := sents[i], &sents[i-1]
		alone := i < 2 || sents[i-2].block != prev.block
		last := i == len(sents)-1 || sents[i+1].block != s.block
		// Whether prev is short is asked last: it splits prev into
		// words, and most sentences are followed by no caption.
		short := func() bool {
			return len(strings.Fields(prev.Text)) <= 25 && !strings.ContainsAny(prev.Text, "“”\"")
		}
		if s.Kind == brief.KindCaption && prev.block == s.block && alone && last && prev.Kind == brief.KindClaim && short() {
			prev.Kind = brief.KindCaption
		}
	}
}
