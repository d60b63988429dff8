package lexicon

import (
	"strings"
	"sync"
)

// stopwordList is hand-written: pronouns, determiners, prepositions,
// conjunctions, auxiliaries and modals, and a few empty adverbs. It leaves
// out on purpose what can carry or flip a claim: negations ("no", "not",
// "never", "nor", "none", "cannot"), numbers, quantities and comparisons
// ("one", "few", "all", "only", "more", "least"), status words ("yet", "still", "already") and reporting
// verbs ("said", "told", "says"); the annotator decides about those.
const stopwordList = `
a about above across after afterwards again am among amongst an and
another any anybody anyhow anyone anything anyway anywhere are around as
at be became because become becomes becoming been before beforehand
behind being below beside besides between beyond both but by can could
did do does doing done down during each either else elsewhere etc even
ever every everybody everyone everything everywhere for from further
furthermore had has have having he hence her here hereafter hereby
herein hers herself him himself his how however i ie if in indeed into
is it its itself just let like ll may me meanwhile might mine moreover
mostly much must my myself namely nevertheless next nonetheless of off
often on once onto or other others otherwise our ours ourselves out over
own per perhaps quite rather re s same shall she should since so some
somebody somehow someone something sometime sometimes somewhat somewhere
such t than that the their theirs them themselves then thence there
thereafter thereby therefore therein thereupon these they this those
though through throughout thru thus to together too toward towards under
unless until up upon us ve very via was we well were what whatever when
whence whenever where whereafter whereas whereby wherein whereupon
wherever whether which whichever while whither who whoever whole whom
whomever whose why will with within without would you your yours
yourself yourselves
`

// stopwords is the set of stopwordList, built on first use.
var stopwords = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(stopwordList) {
		set[w] = true
	}
	return set
})

// IsStopword reports whether word, lowercased and without a possessive
// ending, is an English function word that says little about a claim
// ("the", "of", "would", "they"). Negations, numbers, status words such as
// "yet" and "already", and reporting verbs such as "said" are not
// stopwords: whether they matter is the caller's decision.
func IsStopword(word string) bool { return stopwords()[normalize(word)] }

// functionLemma returns the lemma of a stopword: forms of "be", "have" and
// "do" map to those verbs, others to themselves. ok is false if w is no
// stopword; w must be normalised.
func functionLemma(w string) (lemma string, ok bool) {
	if !stopwords()[w] {
		return "", false
	}
	switch w {
	case "am", "is", "are", "was", "were", "been", "being":
		return "be", true
	case "has", "had", "having":
		return "have", true
	case "does", "did", "done", "doing":
		return "do", true
	}
	return w, true
}
