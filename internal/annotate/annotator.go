// Package annotate finds the claims of each source, what they say, and
// which claims of other sources agree or disagree with them. See doc.go.
package annotate

import (
	"context"
	"crypto/sha256"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/brief-dev/brief/internal/brief"
)

// Options configure annotation. The zero value works: it uses
// DefaultLexicon (WordNet lemmas and synonyms, GloVe vectors).
type Options struct {
	// Lexicon supplies lemmas and word relatedness; nil means the
	// built-in default (see DefaultLexicon).
	Lexicon Lexicon
	// Decision replaces the fitted decision (for fitting and evaluating
	// a new one; see tools/stanceeval -fit); nil means DefaultDecision.
	Decision *Decision
	// AllSignals computes every signal of SignalNames, also those the
	// decision gives no weight (and so leaves out to save time): for
	// fitting a decision with Signals.
	AllSignals bool
	// Once is set for an Annotator whose Annotation is made once (brief
	// build, Annotate): it keeps nothing for a next pass, neither the
	// sources' extractions (a next Annotation extracts them again) nor
	// the memo of word alignments nor the claims' index keys, and the
	// annotation's claims are the extraction's own, not copies, so that
	// a pass holds less. The annotation is the same.
	Once bool

	th thresholds // for tuning in tests; zero means the defaults
}

func (o Options) lexicon() Lexicon {
	if o.Lexicon != nil {
		return o.Lexicon
	}
	return DefaultLexicon()
}

// Annotate splits, extracts, aligns and applies overrides. It is
// deterministic: the same sources and overrides give the same result.
// A source with Draft set is aligned against the others, but two draft
// claims are never compared.
func Annotate(ctx context.Context, sources []*brief.Source, ov *Overrides) (*brief.Annotation, error) {
	a := NewWith(Options{Once: true})
	for _, s := range sources {
		a.Update(s)
	}
	return a.Annotation(ctx, ov)
}

// Annotator annotates incrementally (brief serve): it keeps each
// source's sentences and features in memory, so that only the sources
// Update changed are split and extracted again (by the next Annotation,
// on all CPUs). Alignment depends on
// corpus-wide statistics (IDF weights, name aliases) and is redone by
// Annotation; it is linear in the number of claims. What of it depends
// on a few claims alone (word alignments, debunked's answers, the
// reasons of agreements) or on a few claims and their words' weights
// (the scores of pairs, the decisions of pairs of sources) is kept from
// the last pass while its inputs are unchanged (see passMemo).
// An Annotator is safe for concurrent use.
type Annotator struct {
	opts Options
	lex  Lexicon

	mu   sync.Mutex
	docs map[string]*cached
	best passMemo
	// bestDraft is best for the pass that includes the author's draft.
	bestDraft passMemo
}

// cached is one source: its content hash and its extraction, which
// Update leaves nil for docs to make (in parallel with the others).
type cached struct {
	hash [32]byte
	src  *brief.Source
	doc  *docFeat
}

// New returns an Annotator with the default Options.
func New() *Annotator { return NewWith(Options{}) }

// NewWith returns an Annotator with the given options.
func NewWith(opts Options) *Annotator {
	lex := newMemo(opts.lexicon())
	w := decisionWeights
	if opts.Decision != nil && len(opts.Decision.Weights) == len(SignalNames) {
		w.cos = opts.Decision.Weights[slices.Index(SignalNames, "cos")]
	}
	if opts.th.w != nil {
		w = *opts.th.w
	}
	if w.cos == 0 && !opts.AllSignals {
		switch m := lex.(type) {
		case *memo:
			m.noSentences = true
		case vecMemo:
			m.noSentences = true
		}
	}
	return &Annotator{opts: opts, lex: lex, docs: map[string]*cached{}}
}

// Update adds a source or replaces the source with the same ID. The
// source is split and extracted by the next Annotation (or Signals),
// which extracts every source updated since the last one on all CPUs.
func (a *Annotator) Update(src *brief.Source) {
	h := sourceHash(src)
	a.mu.Lock()
	defer a.mu.Unlock()
	if c, ok := a.docs[src.ID]; ok && c.hash == h {
		c.src = src
		if c.doc != nil {
			c.doc.src = src
		}
		return
	}
	a.docs[src.ID] = &cached{hash: h, src: src}
}

// Remove forgets the source with the given ID.
func (a *Annotator) Remove(id string) {
	a.mu.Lock()
	delete(a.docs, id)
	a.mu.Unlock()
}

// Annotation aligns the current sources and applies ov. The result is
// byte-for-byte what Annotate returns for the same sources.
func (a *Annotator) Annotation(ctx context.Context, ov *Overrides) (*brief.Annotation, error) {
	docs, err := a.extracted()
	if err != nil {
		return nil, err
	}
	n := 0
	for _, d := range docs {
		n += len(d.claims)
	}
	ann := &brief.Annotation{}
	if n > 0 {
		ann.Sources, ann.Claims = make([]*brief.Source, 0, len(docs)), make([]*brief.Claim, 0, n)
	}
	for _, d := range docs {
		ann.Sources = append(ann.Sources, d.src)
		if a.opts.Once {
			ann.Claims = append(ann.Claims, d.claims...) // nothing is cached
			continue
		}
		for _, c := range d.claims {
			cc := *c // callers may not change the cache
			ann.Claims = append(ann.Claims, &cc)
		}
	}
	th, err := a.thresholds()
	if err != nil {
		return nil, err
	}
	// The sources are aligned among themselves first, so that the
	// author's draft cannot change what the sources agree on (it would
	// through word weights and name aliases); the draft's own links come
	// from a second pass over everything.
	var sources []*docFeat
	drafts := map[string]bool{}
	for _, d := range docs {
		if !d.src.Draft {
			sources = append(sources, d)
			continue
		}
		for _, c := range d.claims {
			drafts[c.ID] = true
		}
	}
	best, bestDraft := &a.best, &a.bestDraft
	if a.opts.Once {
		best, bestDraft = nil, nil
	}
	links, warns, err := align(ctx, sources, a.lex, ov, th, best, false, a.opts.Once && len(drafts) == 0)
	if err != nil {
		return nil, err
	}
	if len(drafts) > 0 {
		all, _, err := align(ctx, docs, a.lex, ov, th, bestDraft, true, a.opts.Once)
		if err != nil {
			return nil, err
		}
		for _, l := range all {
			if drafts[l.A] || drafts[l.B] {
				links = append(links, l)
			}
		}
		sortLinks(links)
	}
	links, w2 := ov.applyLinks(ann.Claims, links)
	warns = append(warns, w2...)
	warns.RemoveMultiples()
	ann.Links = links
	ann.Warnings = warns
	// Facts are what the sources report: draft claims join none.
	sourceLinks := links
	if len(drafts) > 0 {
		sourceLinks = nil
		for _, l := range links {
			if !drafts[l.A] && !drafts[l.B] {
				sourceLinks = append(sourceLinks, l)
			}
		}
	}
	ann.Clusters = Clusters(ann.Claims, sourceLinks)
	return ann, nil
}

// extracted extracts the sources that Update added or changed since
// the last call and returns every source's extraction in the order of
// their IDs. Sources are extracted independently of each other, so the
// work is spread over GOMAXPROCS goroutines and the result does not
// depend on their order. A panic while extracting a source is returned
// as an error (the first in ID order), and the source is tried again by
// the next call.
func (a *Annotator) extracted() ([]*docFeat, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	ids := sortedKeys(a.docs)
	var todo []*cached
	for _, id := range ids {
		if c := a.docs[id]; c.doc == nil {
			todo = append(todo, c)
		}
	}
	errs := make([]error, len(todo))
	extract := func(i int) {
		defer catch(&errs[i])
		todo[i].doc = extractSource(todo[i].src, a.lex)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(todo); i = int(next.Add(1)) - 1 {
				extract(i)
			}
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("extract %s: %w", todo[i].src.ID, err)
		}
	}
	docs := make([]*docFeat, len(ids))
	for i, id := range ids {
		docs[i] = a.docs[id].doc
		if a.opts.Once {
			a.docs[id].doc = nil // the caller's alone
		}
	}
	return docs, nil
}

// sourceHash identifies a source's content for the cache.
func sourceHash(s *brief.Source) [32]byte {
	h := sha256.New()
	for _, f := range []string{s.ID, s.Path, string(s.Body)} {
		h.Write([]byte(f))
		h.Write([]byte{0})
	}
	var flags [2]byte
	if s.Draft {
		flags[0] = 1
	}
	flags[1] = byte(s.BodyLine)
	h.Write(flags[:])
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}
