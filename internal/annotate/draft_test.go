package annotate

import (
	"bytes"
	"context"
	"maps"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
)

// TestDraftDoesNotChangeSources checks that the author's draft
// (content/briefing.md) is checked against the sources without changing
// what the sources say to one another, and that claims.json leaves it out.
func TestDraftDoesNotChangeSources(t *testing.T) {
	ctx := context.Background()
	srcs := loadCorpus(t, "seeds")
	without, err := Annotate(ctx, srcs, nil)
	if err != nil {
		t.Fatal(err)
	}
	draft := &brief.Source{ID: "_briefing", Draft: true, BodyLine: 1, Body: []byte(
		"A US delegation led by envoy Steve Witkoff arrived in Moscow on Thursday. " +
			"National Security Adviser Mike Waltz has discussed the proposal with his Russian counterpart. " +
			"Both sides are expected to agree on a prisoner exchange before the summer.\n")}
	with, err := Annotate(ctx, append(append([]*brief.Source{}, srcs...), draft), nil)
	if err != nil {
		t.Fatal(err)
	}

	page := func(id string) string { return "sources/" + id + "/" }
	a, b := map[string][]byte{}, map[string][]byte{}
	if err := WriteJSON(func(p string, data []byte) error { a[p] = data; return nil }, without, page); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(func(p string, data []byte) error { b[p] = data; return nil }, with, page); err != nil {
		t.Fatal(err)
	}
	if !maps.EqualFunc(a, b, bytes.Equal) {
		t.Errorf("claims.json changes when a draft is added")
	}

	// The draft is still checked: its Waltz sentence is disputed on the
	// title, and the prisoner exchange is unsourced.
	drafted := map[string]string{}
	for _, c := range with.Claims {
		if c.Source == "_briefing" {
			drafted[c.ID] = c.Text
		}
	}
	var roleDispute, exchangeLinked bool
	for _, l := range with.Links {
		for _, id := range []string{l.A, l.B} {
			text, ok := drafted[id]
			switch {
			case !ok:
			case l.Kind == brief.KindRole && bytes.Contains([]byte(text), []byte("Waltz")):
				roleDispute = true
			case bytes.Contains([]byte(text), []byte("prisoner exchange")):
				exchangeLinked = true
			}
		}
	}
	if !roleDispute {
		t.Errorf("the draft's Waltz sentence has no role disagreement")
	}
	if exchangeLinked {
		t.Errorf("the draft's unsourced sentence is linked to a source")
	}
}
