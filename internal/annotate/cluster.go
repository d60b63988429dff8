package annotate

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"

	"github.com/brief-dev/brief/internal/brief"
)

// clusters groups claims joined by agree links into facts. Links are
// taken strongest first, and a link that would put two claims of one
// source into one fact is skipped: that guards against chaining
// (A~B, B~C, C~D pulling unrelated claims together) and keeps draft
// claims from clustering with each other. Nor does a fact ever hold two
// claims that disagree with each other ("the three-year-long war" / "the
// two-year war"), however they are chained.
func clusters(claims []*brief.Claim, links []brief.Link) []brief.Cluster {
	srcOf := make(map[string]string, len(claims))
	for _, c := range claims {
		srcOf[c.ID] = c.Source
	}
	agree := make([]brief.Link, 0, len(links))
	against := map[string][]string{} // disagree links, both ways
	for _, l := range links {
		switch l.Relation {
		case brief.Agree:
			agree = append(agree, l)
		case brief.Disagree:
			against[l.A] = append(against[l.A], l.B)
			against[l.B] = append(against[l.B], l.A)
		}
	}
	members := map[string][]string{} // per root, when it has disagreements
	sort.SliceStable(agree, func(i, j int) bool {
		if agree[i].Score != agree[j].Score {
			return agree[i].Score > agree[j].Score
		}
		if agree[i].A != agree[j].A {
			return agree[i].A < agree[j].A
		}
		return agree[i].B < agree[j].B
	})
	parent := map[string]string{}
	sources := map[string]map[string]bool{}
	var find func(string) string
	find = func(x string) string {
		p, ok := parent[x]
		if !ok {
			parent[x] = x
			sources[x] = map[string]bool{srcOf[x]: true}
			return x
		}
		if p == x {
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	for _, l := range agree {
		ra, rb := find(l.A), find(l.B)
		if ra == rb {
			continue
		}
		clash := false
		for s := range sources[rb] {
			if sources[ra][s] {
				clash = true
				break
			}
		}
		if clash || opposed(members, against, find, l.A, ra, l.B, rb) {
			continue
		}
		if rb < ra {
			ra, rb = rb, ra
		}
		parent[rb] = ra
		for s := range sources[rb] {
			sources[ra][s] = true
		}
		members[ra] = append(membersOf(members, ra), membersOf(members, rb)...)
		delete(members, rb)
	}
	groups := map[string][]string{}
	for _, id := range sortedKeys(parent) {
		r := find(id)
		groups[r] = append(groups[r], id)
	}
	var out []brief.Cluster
	for _, r := range sortedKeys(groups) {
		ids := groups[r]
		if len(ids) < 2 {
			continue
		}
		sort.Strings(ids)
		srcs := map[string]bool{}
		for _, id := range ids {
			srcs[srcOf[id]] = true
		}
		h := sha256.Sum256([]byte(strings.Join(ids, "\x00")))
		out = append(out, brief.Cluster{ID: "f-" + hex.EncodeToString(h[:4]), Claims: ids, Sources: sortedKeys(srcs)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Claims[0] < out[j].Claims[0] })
	return out
}

// membersOf returns the claims of the fact rooted at r.
func membersOf(members map[string][]string, r string) []string {
	if m, ok := members[r]; ok {
		return m
	}
	return []string{r}
}

// opposed reports whether some claim of the fact rooted at ra disagrees
// with some claim of the fact rooted at rb.
func opposed(members map[string][]string, against map[string][]string, find func(string) string, a, ra, b, rb string) bool {
	if len(against) == 0 {
		return false
	}
	for _, x := range membersOf(members, ra) {
		for _, y := range against[x] {
			if find(y) == rb {
				return true
			}
		}
	}
	return false
}
