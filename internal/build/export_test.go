package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// WithFixtures makes b use the test fixture annotator, which reads
// content/annotations.yaml as the complete annotation.
func WithFixtures(b *Builder) *Builder {
	b.newAnnotator = newFixtureAnnotator
	return b
}

// SetSourcesPerPage sets the length of a page of the source list and
// returns a function that restores it.
func SetSourcesPerPage(n int) func() {
	old := sourcesPerPage
	sourcesPerPage = n
	return func() { sourcesPerPage = old }
}

// WriteArchive writes the archive's input files (all but want/) under
// a new temporary root and returns it: the project a test builds, for
// the tests of package build and of build_test alike.
func WriteArchive(t testing.TB, ar *txtar.Archive) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "want/") {
			continue
		}
		p := filepath.Join(root, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// SetSectionPaging sets the items and the estimated bytes a page of each
// of the briefing's sections holds at most, and returns a function that
// restores them.
func SetSectionPaging(items, budget int) func() {
	secs := []*section{&establishedSection, &contestedSection, &singleSection, &quotesSection}
	old := make([]section, len(secs))
	oldBudget := sectionBudget
	for i, s := range secs {
		old[i] = *s
		s.max = items
	}
	sectionBudget = budget
	return func() {
		for i, s := range secs {
			*s = old[i]
		}
		sectionBudget = oldBudget
	}
}

// StoredFile returns the file on disk holding the bytes of the file at
// p of s, "" if s has no such file.
func StoredFile(s *Stored, p string) string {
	f, ok := s.files[p]
	if !ok {
		return ""
	}
	return s.pool.path(f.sum)
}
