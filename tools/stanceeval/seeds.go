package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/brief-dev/brief/internal/annotate"
	"github.com/brief-dev/brief/internal/brief"
	"go.yaml.in/yaml/v3"
)

// seedResult is brief's links on the seeds measured against one hand
// annotation.
type seedResult struct {
	gold             string
	agree, disagree  prf
	links, linksOK   int // links brief made; of them, in the gold file with the same relation
	kindOK, kindGold int // disagree links found with the gold kind; found at all
	wrong            [][]string
}

// evalSeeds annotates dir/seeds/*.md (as internal/annotate's TestEvaluate
// does: each file a source named by its stem) and compares the links with
// each gold file.
func evalSeeds(ctx context.Context, dir string, golds []string, rel reliability, opts annotate.Options) ([]seedResult, []*brief.Claim, error) {
	_, ann, err := annotateCorpus(ctx, filepath.Join(dir, "seeds"), opts)
	if err != nil {
		return nil, nil, err
	}
	text := map[string]string{}
	for _, c := range ann.Claims {
		text[c.ID] = c.Source + ": " + c.Text
	}
	var out []seedResult
	for gi, g := range golds {
		agree, disagree, err := loadGold(filepath.Join(dir, g), ann.Claims)
		if err != nil {
			return nil, nil, err
		}
		r := seedResult{gold: g}
		got := map[[2]string]brief.Link{}
		for _, l := range ann.Links {
			k := [2]string{l.A, l.B}
			got[k] = l
			r.links++
			ok := false
			switch l.Relation {
			case brief.Agree:
				if _, ok = agree[k]; ok {
					r.agree.tp++
				} else {
					r.agree.fp++
				}
			case brief.Disagree:
				var kind brief.DisagreeKind
				if kind, ok = disagree[k]; ok {
					r.disagree.tp++
					r.kindGold++
					if kind == l.Kind {
						r.kindOK++
					}
				} else {
					r.disagree.fp++
				}
			}
			if ok {
				r.linksOK++
			} else {
				r.wrong = append(r.wrong, []string{"seeds/" + g, "false " + string(l.Relation), fmt.Sprintf("%.3f", l.Score), string(l.Kind), l.Reason, text[l.A], text[l.B]})
			}
			// One reliability table, from the first annotation only.
			if gi == 0 {
				rel.add(string(l.Relation), l.Score, ok)
			}
		}
		for _, k := range sortedKeys(agree) {
			if l, ok := got[k]; !ok || l.Relation != brief.Agree {
				r.agree.fn++
				r.wrong = append(r.wrong, []string{"seeds/" + g, "missed agree", fmt.Sprintf("%.3f", l.Score), string(l.Kind), l.Reason, text[k[0]], text[k[1]]})
			}
		}
		for _, k := range sortedKeys(disagree) {
			if l, ok := got[k]; !ok || l.Relation != brief.Disagree {
				r.disagree.fn++
				r.wrong = append(r.wrong, []string{"seeds/" + g, "missed disagree " + string(disagree[k]), fmt.Sprintf("%.3f", l.Score), string(l.Kind), l.Reason, text[k[0]], text[k[1]]})
			}
		}
		out = append(out, r)
	}
	return out, ann.Claims, nil
}

// annotatorAgreement compares two hand annotations of the same claims as
// if the first were a system's links and the second the gold: agree
// precision and recall and the precision of all links with the same
// relation. It is the ceiling a system measured against both can reach.
// claims are the seeds' claims, to which the annotations' fragments
// resolve.
func annotatorAgreement(dir, first, second string, claims []*brief.Claim) (agree prf, linksOK, links int, err error) {
	a1, d1, err := loadGold(filepath.Join(dir, first), claims)
	if err != nil {
		return prf{}, 0, 0, err
	}
	a2, d2, err := loadGold(filepath.Join(dir, second), claims)
	if err != nil {
		return prf{}, 0, 0, err
	}
	for k := range a1 {
		links++
		if _, ok := a2[k]; ok {
			agree.tp++
			linksOK++
		} else {
			agree.fp++
		}
	}
	for k := range a2 {
		if _, ok := a1[k]; !ok {
			agree.fn++
		}
	}
	for k := range d1 {
		links++
		if _, ok := d2[k]; ok {
			linksOK++
		}
	}
	return agree, linksOK, links, nil
}

// annotateCorpus annotates the articles of dir (see loadCorpus) and
// returns the Annotator that holds them with its annotation.
func annotateCorpus(ctx context.Context, dir string, opts annotate.Options) (*annotate.Annotator, *brief.Annotation, error) {
	srcs, err := loadCorpus(dir)
	if err != nil {
		return nil, nil, err
	}
	a := annotate.NewWith(opts)
	for _, s := range srcs {
		a.Update(s)
	}
	ann, err := a.Annotation(ctx, nil)
	if err != nil {
		return nil, nil, err
	}
	return a, ann, nil
}

// loadCorpus reads dir/*.md as sources, each named by its file's stem.
func loadCorpus(dir string) ([]*brief.Source, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no articles (*.md) in %s: %v", dir, err)
	}
	sort.Strings(files)
	var srcs []*brief.Source
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, &brief.Source{ID: strings.TrimSuffix(filepath.Base(f), ".md"), Path: f, Body: b, BodyLine: 1})
	}
	return srcs, nil
}

func printSeeds(w io.Writer, rs []seedResult) {
	fmt.Fprintf(w, "| annotation | agree P | agree R | agree F1 | disagree P | disagree R | disagree F1 | link precision | disagree kind right |\n|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rs {
		fmt.Fprintf(w, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f (%d/%d) | %d/%d |\n", r.gold,
			r.agree.p(), r.agree.r(), r.agree.f(), r.disagree.p(), r.disagree.r(), r.disagree.f(),
			ratio(r.linksOK, r.links), r.linksOK, r.links, r.kindOK, r.kindGold)
	}
	fmt.Fprintln(w)
}

// loadGold reads a gold file ([source, fragment, source, fragment, kind?]
// rows under agree: and disagree:) and resolves each fragment to the one
// claim of that source containing it, as annotations.yaml references are.
func loadGold(file string, claims []*brief.Claim) (agree, disagree map[[2]string]brief.DisagreeKind, err error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, nil, err
	}
	var g struct {
		Agree    [][]string `yaml:"agree"`
		Disagree [][]string `yaml:"disagree"`
	}
	if err := yaml.Unmarshal(data, &g); err != nil {
		return nil, nil, brief.YAMLError(file, 1, "", err)
	}
	conv := func(rows [][]string) (map[[2]string]brief.DisagreeKind, error) {
		out := map[[2]string]brief.DisagreeKind{}
		for _, r := range rows {
			if len(r) < 4 {
				return nil, fmt.Errorf("%s: row %q: want source, fragment, source, fragment", file, r)
			}
			a, err := resolve(r[0], r[1], claims)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", file, err)
			}
			b, err := resolve(r[2], r[3], claims)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", file, err)
			}
			k := [2]string{a, b}
			if b < a {
				k = [2]string{b, a}
			}
			var kind brief.DisagreeKind
			if len(r) > 4 {
				kind = brief.DisagreeKind(r[4])
			}
			out[k] = kind
		}
		return out, nil
	}
	if agree, err = conv(g.Agree); err != nil {
		return nil, nil, err
	}
	disagree, err = conv(g.Disagree)
	return agree, disagree, err
}

func resolve(source, frag string, claims []*brief.Claim) (string, error) {
	f := normText(frag)
	var hits []string
	for _, c := range claims {
		if c.Source == source && strings.Contains(normText(c.Text), f) {
			hits = append(hits, c.ID)
		}
	}
	if len(hits) != 1 {
		return "", fmt.Errorf("%d claims of %q contain %q", len(hits), source, frag)
	}
	return hits[0], nil
}

// normText lower-cases s, folds typographic quotes and dashes and
// collapses white space, as annotations.yaml fragments are matched.
func normText(s string) string {
	s = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "«", `"`, "»", `"`, "‘", "'", "’", "'", "—", "-", "–", "-").Replace(strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

func sortedKeys[V any](m map[[2]string]V) [][2]string {
	keys := make([][2]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1] })
	return keys
}
