package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/build"
	"github.com/brief-dev/brief/internal/stancedata"
)

// EnvStoryStrict turns TestStory's report into failures.
const EnvStoryStrict = "BRIEF_STORY_STRICT"

// TestStory is issue 9's acceptance point 4: a briefing of real articles
// on one story (the FNC-1 training articles of stancedata.StoryHeadline:
// 10 agree, 6 discuss, 8 disagree, and the headline itself as a
// one-sentence source standing for the claim), built as `brief build`
// builds it. The debunking (disagree) articles must never be among the
// sources of the headline's fact, and each must show a disagree link to
// a claim of that fact; the fact must be established by at least two of
// the supporting (agree) articles, or the check would hold vacuously.
//
// The article texts come from the stance cache (tools/stancedata) and are
// never committed; the test skips when the cache is absent. Until the
// annotator meets the point, violations are logged and the test passes;
// with BRIEF_STORY_STRICT=1 they fail it:
//
//	BRIEF_STORY_STRICT=1 go test ./tools/stanceeval -run TestStory -v
func TestStory(t *testing.T) {
	dir, err := stancedata.Dir()
	if errors.Is(err, stancedata.ErrNoData) {
		t.Skipf("%v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	fnc, err := stancedata.LoadFNC(dir)
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	st, err := stancedata.WriteStory(fnc, root)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Articles) < 10 || len(st.Debunkers()) < 2 {
		t.Fatalf("story has %d articles, %d debunking: acceptance 4 wants >= 10 and >= 2", len(st.Articles), len(st.Debunkers()))
	}
	site, rep, err := build.Build(t.Context(), build.Options{Root: root, Title: "Spider under the skin", Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Warnings) > 0 {
		t.Errorf("build warnings: %v", rep.Warnings)
	}
	data := joinClaims(t, site)
	problems, report := judgeStory(t, st, data)
	t.Logf("story %q, %d articles:\n%s", st.Headline, len(st.Articles), report)
	if len(problems) == 0 {
		t.Logf("acceptance 4 holds")
		return
	}
	if os.Getenv(EnvStoryStrict) == "" {
		t.Logf("REPORT ONLY (set %s=1 to fail): %d problems:\n  %s", EnvStoryStrict, len(problems), strings.Join(problems, "\n  "))
		return
	}
	for _, p := range problems {
		t.Error(p)
	}
}

// joinClaims returns claims.json's lists, read from its pages, as one
// object {"claims": [...], "links": [...], "clusters": [...]}, each link
// on its own ({"a", "b", "relation", "kind", "score", "reason"}; see
// flatLinks).
func joinClaims(t *testing.T, site *build.Site) []byte {
	t.Helper()
	data, ok := site.Bytes("claims.json")
	if !ok {
		t.Fatal("build wrote no claims.json")
	}
	var idx map[string]json.RawMessage
	if err := json.Unmarshal(data, &idx); err != nil {
		t.Fatalf("claims.json: %v", err)
	}
	out := map[string][]json.RawMessage{}
	for _, list := range []string{"claims", "links", "clusters"} {
		var l struct{ Pages []struct{ Path string } }
		if err := json.Unmarshal(idx[list], &l); err != nil {
			t.Fatalf("claims.json: %s: %v", list, err)
		}
		out[list] = []json.RawMessage{}
		for _, p := range l.Pages {
			page, ok := site.Bytes(p.Path)
			if !ok {
				t.Fatalf("claims.json names %s, which the build did not write", p.Path)
			}
			var pg struct{ Items []json.RawMessage }
			if err := json.Unmarshal(page, &pg); err != nil {
				t.Fatalf("%s: %v", p.Path, err)
			}
			if list == "links" {
				pg.Items = flatLinks(t, p.Path, pg.Items)
			}
			out[list] = append(out[list], pg.Items...)
		}
	}
	joined, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	return joined
}

// flatLinks returns the links of items of claims.json's links list
// ({"a", "agree": [...], "disagree": [...]}), one object each.
func flatLinks(t *testing.T, path string, items []json.RawMessage) []json.RawMessage {
	t.Helper()
	type to struct {
		B, Kind, Reason string
		Score           float64
	}
	var out []json.RawMessage
	for _, raw := range items {
		var it struct {
			A               string
			Agree, Disagree []to
		}
		if err := json.Unmarshal(raw, &it); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for i, ls := range [][]to{it.Agree, it.Disagree} {
			rel := [...]string{"agree", "disagree"}[i]
			for _, l := range ls {
				b, err := json.Marshal(map[string]any{"a": it.A, "b": l.B, "relation": rel, "kind": l.Kind, "score": l.Score, "reason": l.Reason})
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, b)
			}
		}
	}
	return out
}

// storyFile is the part of claims.json the check reads.
type storyFile struct {
	Claims []struct {
		ID, Source, Text string
	} `json:"claims"`
	Links []struct {
		A, B, Relation, Kind, Reason string
		Score                        float64
	} `json:"links"`
	Clusters []struct {
		ID      string
		Claims  []string
		Sources []string
	} `json:"clusters"`
}

// judgeStory returns the acceptance-4 problems of a built story and a
// table of every article: its label, whether it is among the sources of
// the headline's fact, and its strongest links to that fact.
func judgeStory(t *testing.T, st *stancedata.Story, data []byte) (problems []string, report string) {
	t.Helper()
	var f storyFile
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("claims.json: %v", err)
	}
	src := map[string]string{}
	text := map[string]string{}
	fact := map[string]bool{} // the claims of the headline's fact, the headline's included
	for _, c := range f.Claims {
		src[c.ID], text[c.ID] = c.Source, c.Text
		if c.Source == st.HeadlineSource {
			fact[c.ID] = true
		}
	}
	if len(fact) == 0 {
		t.Fatalf("claims.json has no claim of %q", st.HeadlineSource)
	}
	sources := map[string]bool{}
	member := map[string]string{} // source -> its claim in the fact
	for _, k := range f.Clusters {
		if !slices.ContainsFunc(k.Claims, func(id string) bool { return src[id] == st.HeadlineSource }) {
			continue
		}
		for _, id := range k.Claims {
			fact[id] = true
			member[src[id]] = fmt.Sprintf("member: %.90q", text[id])
		}
		for _, s := range k.Sources {
			sources[s] = true
		}
	}
	type best struct {
		score  float64
		reason string
	}
	agree, disagree := map[string]best{}, map[string]best{}
	for _, l := range f.Links {
		var other string
		switch {
		case fact[l.A] && !fact[l.B]:
			other = l.B
		case fact[l.B] && !fact[l.A]:
			other = l.A
		case fact[l.A] && fact[l.B] && l.Relation == "disagree":
			// A fact never holds two disagreeing claims; should it, count both.
			other = l.B
		default:
			continue
		}
		if fact[l.A] && fact[l.B] {
			continue
		}
		m := agree
		if l.Relation == "disagree" {
			m = disagree
		}
		s := src[other]
		if b, ok := m[s]; !ok || l.Score > b.score {
			m[s] = best{l.Score, fmt.Sprintf("%s %.2f: %s ⟷ %.90q", l.Relation, l.Score, l.Reason, text[other])}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-10s %-9s %-10s %s\n", "source", "label", "in fact", "strongest link to the fact")
	supporters := 0
	for _, a := range st.Articles {
		in := sources[a.Source]
		if in && a.Label == "agree" {
			supporters++
		}
		link := disagree[a.Source].reason
		if link == "" && in {
			link = member[a.Source]
		}
		if link == "" {
			link = agree[a.Source].reason
		}
		fmt.Fprintf(&b, "%-10s %-9s %-10v %s\n", a.Source, a.Label, in, link)
		if a.Label != "disagree" {
			continue
		}
		if in {
			problems = append(problems, fmt.Sprintf("%s debunks the story but is among the sources of its fact", a.Source))
		}
		if _, ok := disagree[a.Source]; !ok {
			problems = append(problems, fmt.Sprintf("%s debunks the story but has no disagree link to its fact", a.Source))
		}
	}
	if supporters < 2 {
		problems = append(problems, fmt.Sprintf("only %d supporting articles among the fact's sources (want >= 2, or the check is vacuous)", supporters))
	}
	fmt.Fprintf(&b, "the fact has %d sources: %d of %d supporting articles, %d of %d debunking\n", len(sources),
		supporters, len(st.Supporters()), countIn(sources, st.Debunkers()), len(st.Debunkers()))
	return problems, b.String()
}

func countIn(set map[string]bool, ids []string) int {
	n := 0
	for _, id := range ids {
		if set[id] {
			n++
		}
	}
	return n
}

// TestJudgeStory checks the acceptance-4 check itself on a made-up
// claims.json, so that it can fail and pass for the right reasons.
func TestJudgeStory(t *testing.T) {
	st := &stancedata.Story{HeadlineSource: "headline", Articles: []stancedata.StoryArticle{
		{Source: "s1", Label: "agree"}, {Source: "s2", Label: "agree"}, {Source: "d1", Label: "disagree"}, {Source: "d2", Label: "disagree"},
	}}
	claims := `"claims":[{"id":"h","source":"headline","text":"H"},{"id":"a1","source":"s1","text":"A1"},{"id":"a2","source":"s2","text":"A2"},` +
		`{"id":"x1","source":"d1","text":"X1"},{"id":"x2","source":"d2","text":"X2"},{"id":"y2","source":"d2","text":"Y2"}]`
	good := `{` + claims + `,"links":[{"a":"a1","b":"h","relation":"agree","score":0.9},{"a":"a2","b":"h","relation":"agree","score":0.8},` +
		`{"a":"h","b":"x1","relation":"disagree","score":0.7},{"a":"a1","b":"x2","relation":"disagree","score":0.6}],` +
		`"clusters":[{"id":"f","claims":["a1","a2","h"],"sources":["headline","s1","s2"]}]}`
	bad := `{` + claims + `,"links":[{"a":"a1","b":"h","relation":"agree","score":0.9},{"a":"h","b":"y2","relation":"agree","score":0.8},` +
		`{"a":"h","b":"x1","relation":"disagree","score":0.7}],` +
		`"clusters":[{"id":"f","claims":["a1","h","y2"],"sources":["d2","headline","s1"]}]}`
	for _, c := range []struct {
		name, json string
		want       []string
	}{
		{"Holds", good, nil},
		{"Violated", bad, []string{"d2 debunks the story but is among the sources of its fact", "d2 debunks the story but has no disagree link to its fact", "only 1 supporting articles"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, _ := judgeStory(t, st, []byte(c.json))
			if len(got) != len(c.want) {
				t.Fatalf("problems %q, want %q", got, c.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], c.want[i]) {
					t.Errorf("problem %d = %q, want %q", i, got[i], c.want[i])
				}
			}
		})
	}
}

// TestFlatLinks checks that items of claims.json's links list become
// one link each, agreements first, as judgeStory reads them.
func TestFlatLinks(t *testing.T) {
	items := []json.RawMessage{
		json.RawMessage(`{"a":"h","agree":[{"b":"a1","score":0.9,"reason":"both report x"}],"disagree":[{"b":"x1","kind":"time","score":0.7,"reason":"“Monday” vs “Friday”"}]}`),
		json.RawMessage(`{"a":"x1","disagree":[{"b":"y2","kind":"number","score":0.6,"reason":"r"}]}`),
	}
	got := flatLinks(t, "links-1.json", items)
	want := []string{
		`{"a":"h","b":"a1","kind":"","reason":"both report x","relation":"agree","score":0.9}`,
		`{"a":"h","b":"x1","kind":"time","reason":"“Monday” vs “Friday”","relation":"disagree","score":0.7}`,
		`{"a":"x1","b":"y2","kind":"number","reason":"r","relation":"disagree","score":0.6}`,
	}
	if len(got) != len(want) {
		t.Fatalf("%d links, want %d: %s", len(got), len(want), got)
	}
	for i := range want {
		if string(got[i]) != want[i] {
			t.Errorf("link %d = %s, want %s", i, got[i], want[i])
		}
	}
}
