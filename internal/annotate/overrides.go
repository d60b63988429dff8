package annotate

import (
	"fmt"
	"strings"

	"github.com/brief-dev/brief/internal/brief"
	"go.yaml.in/yaml/v3"
)

// MaxOverridesSize is the largest annotations.yaml ParseOverrides accepts.
const MaxOverridesSize = 4 << 20

// Overrides are the analyst's corrections from content/annotations.yaml.
// A nil *Overrides means none.
type Overrides struct {
	File     string
	Links    []LinkOverride
	Entities []EntityOverride
}

// ClaimRef names a claim by its source and a fragment of its text.
type ClaimRef struct {
	Source string
	Text   string
	Pos    brief.Pos
}

// LinkOverride confirms, rejects or adds the link between two claims.
// Relation is "agree", "disagree" (with Kind) or "none" (reject).
type LinkOverride struct {
	A, B     ClaimRef
	Relation string
	Kind     brief.DisagreeKind
	Reason   string
	Pos      brief.Pos
}

// EntityOverride says that names are the same entity (Same) or different.
type EntityOverride struct {
	Same  bool
	Names []string
	Pos   brief.Pos
}

// ParseOverrides parses annotations.yaml. Errors carry file:line:col;
// unknown keys and values are rejected and every error is reported.
func ParseOverrides(file string, data []byte) (*Overrides, error) {
	ov := &Overrides{File: file}
	if len(data) > MaxOverridesSize {
		return nil, brief.Errorf(brief.Pos{File: file}, "annotations: file larger than %d bytes", MaxOverridesSize)
	}
	// YAML refuses invalid UTF-8 and control characters without a line.
	if e := brief.CheckText(file, data); e != nil {
		e.Msg = "annotations: " + e.Msg
		return nil, e
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, brief.YAMLError(file, 1, "annotations: ", err)
	}
	var errs brief.ErrorList
	pos := func(n *yaml.Node) brief.Pos { return brief.Pos{File: file, Line: n.Line, Col: n.Column} }
	errf := func(n *yaml.Node, format string, args ...any) {
		errs = append(errs, brief.Errorf(pos(n), format, args...))
	}
	if len(doc.Content) == 0 {
		return ov, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		errf(root, "annotations: want a mapping with links: and entities:")
		return nil, errs
	}
	forEach := func(m *yaml.Node, fn func(k, v *yaml.Node)) {
		for i := 0; i+1 < len(m.Content); i += 2 {
			fn(m.Content[i], m.Content[i+1])
		}
	}
	scalar := func(v *yaml.Node, what string) string {
		if v.Kind != yaml.ScalarNode {
			errf(v, "%s: want a string", what)
			return ""
		}
		return v.Value
	}
	ref := func(v *yaml.Node, what string) ClaimRef {
		r := ClaimRef{Pos: pos(v)}
		if v.Kind != yaml.MappingNode {
			errf(v, "%s: want {source: ..., text: ...}", what)
			return r
		}
		forEach(v, func(k, x *yaml.Node) {
			switch k.Value {
			case "source":
				r.Source = scalar(x, what+".source")
			case "text":
				r.Text = scalar(x, what+".text")
			default:
				errf(k, "%s: %s", what, brief.UnknownKey(k.Value, []string{"source", "text"}))
			}
		})
		if r.Source == "" || strings.TrimSpace(r.Text) == "" {
			errf(v, "%s: source and text are required", what)
		}
		return r
	}
	forEach(root, func(k, v *yaml.Node) {
		switch k.Value {
		case "links":
			if v.Kind != yaml.SequenceNode {
				errf(v, "links: want a list")
				return
			}
			for _, item := range v.Content {
				if item.Kind != yaml.MappingNode {
					errf(item, "links: want a mapping")
					continue
				}
				lo := LinkOverride{Pos: pos(item)}
				forEach(item, func(k, x *yaml.Node) {
					switch k.Value {
					case "a":
						lo.A = ref(x, "a")
					case "b":
						lo.B = ref(x, "b")
					case "relation":
						lo.Relation = scalar(x, "relation")
						switch lo.Relation {
						case "agree", "disagree", "none":
						default:
							errf(x, "relation: want agree, disagree or none, not %q", lo.Relation)
						}
					case "kind":
						lo.Kind = brief.DisagreeKind(scalar(x, "kind"))
						switch lo.Kind {
						case brief.KindNumber, brief.KindQuote, brief.KindRole, brief.KindStatus, brief.KindTime, brief.KindPlace, brief.KindDenial, brief.KindNegation, brief.KindOpposite:
						default:
							errf(x, "kind: want number, quote, role, status, time, place, denial, negation or opposite, not %q", lo.Kind)
						}
					case "reason":
						lo.Reason = scalar(x, "reason")
					default:
						errf(k, "links: %s", brief.UnknownKey(k.Value, []string{"a", "b", "relation", "kind", "reason"}))
					}
				})
				if lo.A.Pos.Line == 0 || lo.B.Pos.Line == 0 {
					errf(item, "links: both a: and b: are required")
				}
				if lo.Relation == "" {
					errf(item, "links: relation is required")
				}
				if lo.Relation == "disagree" && lo.Kind == "" {
					errf(item, "links: a disagree link needs a kind")
				}
				ov.Links = append(ov.Links, lo)
			}
		case "entities":
			if v.Kind != yaml.SequenceNode {
				errf(v, "entities: want a list")
				return
			}
			for _, item := range v.Content {
				if item.Kind != yaml.MappingNode || len(item.Content) != 2 {
					errf(item, "entities: want {same: [...]} or {different: [...]}")
					continue
				}
				k, x := item.Content[0], item.Content[1]
				eo := EntityOverride{Pos: pos(item)}
				switch k.Value {
				case "same":
					eo.Same = true
				case "different":
				default:
					errf(k, "entities: %s", brief.UnknownKey(k.Value, []string{"same", "different"}))
					continue
				}
				if x.Kind != yaml.SequenceNode || len(x.Content) < 2 {
					errf(x, "entities: want a list of two or more names")
					continue
				}
				for _, n := range x.Content {
					if s := scalar(n, "entities"); s != "" {
						eo.Names = append(eo.Names, s)
					}
				}
				ov.Entities = append(ov.Entities, eo)
			}
		default:
			errf(k, "annotations: %s", brief.UnknownKey(k.Value, []string{"links", "entities"}))
		}
	})
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return ov, nil
}

// entityPairs returns the pairs the analyst merged and those kept apart,
// as folded keys.
func (ov *Overrides) entityPairs() (same [][2]string, different map[[2]string]bool) {
	different = map[[2]string]bool{}
	if ov == nil {
		return nil, different
	}
	for _, e := range ov.Entities {
		for i := 1; i < len(e.Names); i++ {
			p := [2]string{entityKey(e.Names[0]), entityKey(e.Names[i])}
			if e.Same {
				same = append(same, p)
			} else {
				different[p] = true
			}
		}
	}
	return same, different
}

// checkEntities warns about entity overrides naming no entity of the corpus.
func (ov *Overrides) checkEntities(perSource [][]mention) brief.ErrorList {
	if ov == nil {
		return nil
	}
	known := map[string]bool{}
	for _, ms := range perSource {
		for _, m := range ms {
			known[m.Key] = true
		}
	}
	var out brief.ErrorList
	for _, e := range ov.Entities {
		for _, n := range e.Names {
			if !known[entityKey(n)] {
				out.Add(e.Pos, fmt.Sprintf("annotations: entity %q matches no name in the sources", n))
			}
		}
	}
	return out
}

// resolve finds the one claim a reference names: of its source, whose
// text contains the fragment (case, quotation marks and blanks folded).
func resolve(r ClaimRef, claims []*brief.Claim) (*brief.Claim, string) {
	frag := normText(r.Text)
	var hits []*brief.Claim
	for _, c := range claims {
		if c.Source == r.Source && strings.Contains(normText(c.Text), frag) {
			hits = append(hits, c)
		}
	}
	switch len(hits) {
	case 1:
		return hits[0], ""
	case 0:
		return nil, fmt.Sprintf("annotations: no claim of %q contains %q", r.Source, r.Text)
	default:
		return nil, fmt.Sprintf("annotations: %d claims of %q contain %q; quote more of the text", len(hits), r.Source, r.Text)
	}
}

// applyLinks applies link overrides after the automatic pass.
func (ov *Overrides) applyLinks(claims []*brief.Claim, links []brief.Link) ([]brief.Link, brief.ErrorList) {
	if ov == nil {
		return links, nil
	}
	var warns brief.ErrorList
	for _, lo := range ov.Links {
		a, wa := resolve(lo.A, claims)
		b, wb := resolve(lo.B, claims)
		if wa != "" {
			warns.Add(lo.A.Pos, wa)
		}
		if wb != "" {
			warns.Add(lo.B.Pos, wb)
		}
		if a == nil || b == nil {
			continue
		}
		if a.ID == b.ID {
			warns.Add(lo.Pos, "annotations: a link needs two different claims")
			continue
		}
		x, y := a.ID, b.ID
		if y < x {
			x, y = y, x
		}
		kept := links[:0]
		var old *brief.Link
		for _, l := range links {
			if l.A == x && l.B == y {
				l := l
				old = &l
				continue
			}
			kept = append(kept, l)
		}
		links = kept
		if lo.Relation == "none" {
			continue
		}
		nl := brief.Link{A: x, B: y, Relation: brief.Relation(lo.Relation), Score: 1, Manual: true, Reason: lo.Reason}
		if nl.Relation == brief.Disagree {
			nl.Kind = lo.Kind
		}
		if nl.Reason == "" {
			if old != nil && old.Relation == nl.Relation && old.Kind == nl.Kind {
				nl.Reason = old.Reason
			} else {
				nl.Reason = "set by analyst"
			}
		}
		links = append(links, nl)
	}
	sortLinks(links)
	return links, warns
}
