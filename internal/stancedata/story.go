package stancedata

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/brief-dev/brief/internal/frontmatter"
)

// StoryArticle is one article of the story project.
type StoryArticle struct {
	Source string // source ID, the file name without .md
	BodyID int
	Label  string // FNC-1 stance towards StoryHeadline: agree, discuss or disagree
}

// Story is the acceptance-4 project: the FNC-1 training articles related
// to StoryHeadline, plus the headline itself as a one-sentence source.
type Story struct {
	Headline       string
	HeadlineSource string // source ID of the headline: "headline"
	Articles       []StoryArticle
}

// Debunkers returns the source IDs of the articles labelled disagree.
func (s *Story) Debunkers() []string { return s.with("disagree") }

// Supporters returns the source IDs of the articles labelled agree.
func (s *Story) Supporters() []string { return s.with("agree") }

func (s *Story) with(label string) []string {
	var out []string
	for _, a := range s.Articles {
		if a.Label == label {
			out = append(out, a.Source)
		}
	}
	return out
}

// WriteStory writes a brief project into dir (which must not exist or be
// empty): brief.yaml, and content/sources/ with one file for the headline
// and one for every body the FNC-1 training split labels agree, discuss
// or disagree towards StoryHeadline, each with front matter (title taken
// from the first sentence, outlet naming the FNC-1 body) and the text as
// escaped Markdown. The article texts come from the cache only; the
// project is never committed.
func WriteStory(f *FNC, dir string) (*Story, error) {
	st := &Story{Headline: StoryHeadline, HeadlineSource: "headline"}
	seen := map[int]bool{}
	for _, s := range f.Stances {
		if s.Headline != StoryHeadline || s.Label == "unrelated" || seen[s.BodyID] {
			continue
		}
		seen[s.BodyID] = true
		st.Articles = append(st.Articles, StoryArticle{Source: "body-" + strconv.Itoa(s.BodyID), BodyID: s.BodyID, Label: s.Label})
	}
	if len(st.Articles) == 0 {
		return nil, fmt.Errorf("fnc1/stances.csv: no article related to %q", StoryHeadline)
	}
	sort.Slice(st.Articles, func(i, j int) bool { return st.Articles[i].BodyID < st.Articles[j].BodyID })

	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%s: not empty", dir)
	}
	src := filepath.Join(dir, "content", "sources")
	if err := os.MkdirAll(src, 0o755); err != nil {
		return nil, err
	}
	cfg := "# Acceptance test project of issue 9, made by tools/stancedata -story from the FNC-1 training split.\n" +
		"# The article texts are FNC-1's (news sites, licence unclear): do not commit this folder.\n" +
		"title: \"Spider under the skin (FNC-1 training story)\"\nlanguage: en\n"
	if err := os.WriteFile(filepath.Join(dir, "brief.yaml"), []byte(cfg), 0o644); err != nil {
		return nil, err
	}
	write := func(id string, m frontmatter.Meta, text string) error {
		var b strings.Builder
		b.WriteString("---\n")
		b.Write(frontmatter.Encode(m))
		b.WriteString("---\n\n")
		b.WriteString(Markdown(text))
		return os.WriteFile(filepath.Join(src, id+".md"), []byte(b.String()), 0o644)
	}
	err := write(st.HeadlineSource, frontmatter.Meta{Title: StoryHeadline, Outlet: "FNC-1 headline (the claim)", Origin: "FNC-1 train_stances.csv"}, StoryHeadline)
	if err != nil {
		return nil, err
	}
	for _, a := range st.Articles {
		text := f.Bodies[a.BodyID]
		m := frontmatter.Meta{Title: firstSentence(text), TitleDerived: true, Outlet: fmt.Sprintf("FNC-1 body %d", a.BodyID),
			Origin: fmt.Sprintf("FNC-1 train_bodies.csv, Body ID %d", a.BodyID)}
		if err := write(a.Source, m, text); err != nil {
			return nil, err
		}
	}
	return st, nil
}

// firstSentence returns the text up to its first sentence end, at most
// 120 characters, for a derived title.
func firstSentence(text string) string {
	s := strings.Join(strings.Fields(text), " ")
	for i, r := range s {
		if (r == '.' || r == '!' || r == '?') && i > 20 && (i+1 == len(s) || s[i+1] == ' ') {
			s = s[:i+1]
			break
		}
	}
	if utf8.RuneCountInString(s) > 120 {
		r := []rune(s)
		s = strings.TrimSpace(string(r[:117])) + "…"
	}
	return s
}
