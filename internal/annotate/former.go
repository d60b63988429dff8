package annotate

import (
	"strings"

	"github.com/brief-dev/brief/internal/brief"
)

// formerRole is an office a claim says a person held before and no
// longer holds: "Witkoff, who previously served as Trump’s Middle East
// envoy", "former National Security Adviser Mike Waltz".
type formerRole struct {
	key  string // the person's name key
	role string // head noun of the office, as roleFold gives it
	text string // the words that say so, as written
}

// pastMarkers say that what follows is over: "previously served as",
// "formerly worked as", "once served as".
var pastMarkers = setOf("previously", "formerly", "once", "earlier")

// extractFormer finds offices a claim says a person no longer holds:
// "<Name>, who previously served as … <office>" and a title that starts
// with "former" or "ex-".
func extractFormer(text string, toks []token, ments []mention) []formerRole {
	var out []formerRole
	for i := 0; i+3 < len(toks); i++ {
		if !pastMarkers[toks[i].Lower] || toks[i].InQuote {
			continue
		}
		if v := toks[i+1].Lower; v != "served" && v != "worked" || toks[i+2].Lower != "as" {
			continue
		}
		// The office: the last role noun before the phrase ends
		// ("… as US President Donald Trump’s Middle East envoy,").
		role, end := "", -1
		for j := i + 3; j < len(toks) && j < i+14; j++ {
			if j > i+3 && strings.ContainsAny(text[toks[j-1].End:toks[j].Start], ",;:.—(") {
				break
			}
			if roleNouns[toks[j].Lower] {
				role, end = roleFold(toks[j].Lower), j
			}
		}
		// The person: the name just before the marker.
		person := ""
		for _, m := range ments {
			if m.End <= toks[i].Start && !m.Place {
				person = m.Key
			}
		}
		if role != "" && person != "" {
			t := span(toks, i, i+2) + " " + toks[end].Text
			if end > i+3 {
				t = span(toks, i, i+2) + " … " + toks[end].Text
			}
			out = append(out, formerRole{key: person, role: role, text: t})
		}
	}
	for _, m := range ments {
		if m.Role == "" {
			continue
		}
		k := tokenAt(toks, m.TitleStart)
		if k >= len(toks) {
			continue
		}
		w := toks[k].Lower
		if k > 0 && (toks[k-1].Lower == "former" || strings.HasPrefix(w, "ex-")) || w == "former" {
			from := k
			if toks[k].Lower != "former" && k > 0 && toks[k-1].Lower == "former" {
				from = k - 1
			}
			out = append(out, formerRole{key: m.Key, role: m.Role, text: span(toks, from, tokenAt(toks, m.End)-1)})
		}
	}
	return out
}

// formerAndCurrent reports one claim saying a person held an office
// before ("previously served as … envoy") and the other giving the
// person that office as a current title ("Middle East envoy Steve
// Witkoff").
func formerAndCurrent(a, b *node, canon func(string) string, lex Lexicon) (finding, bool) {
	for _, fr := range a.f.formers {
		key := canon(fr.key)
		for _, m := range b.f.ments {
			if m.Role == "" || canon(m.Key) != key || !sameOffice(m.Role, fr.role, lex) || isFormer(b, key, canon) {
				continue
			}
			return finding{rel: brief.Disagree, kind: brief.KindRole, score: 0.7,
				reason: "role: " + q(fr.text) + " vs " + q(m.Title)}, true
		}
	}
	return finding{}, false
}

func sameOffice(x, y string, lex Lexicon) bool {
	return x == y || lex.Lemma(x) == lex.Lemma(y) || lex.Related(x, y) >= 0.8
}

// isFormer reports whether n says the person with the key held some
// office before.
func isFormer(n *node, key string, canon func(string) string) bool {
	for _, fr := range n.f.formers {
		if canon(fr.key) == key {
			return true
		}
	}
	return false
}
