package ingest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/ingest"
)

func mustWrite(t *testing.T, l *ingest.Library, a *ingest.Article, opts ingest.WriteOptions) ingest.Result {
	t.Helper()
	r, err := l.Write(a, opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func mustOpen(t *testing.T, dir string) *ingest.Library {
	t.Helper()
	l, err := ingest.OpenLibrary(dir)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestReimportKeepsHandEdits(t *testing.T) {
	dir := t.TempDir()
	a := &ingest.Article{Meta: ingest.Meta{Title: "Talks in Moscow", Origin: "talks.txt"}, Body: "The envoy landed.\n"}
	// First import with flags.
	r := mustWrite(t, mustOpen(t, dir), a, ingest.WriteOptions{Set: ingest.Meta{Outlet: "Reuters", Date: "2025-03-13"}})
	// Hand edits to the front matter.
	data, _ := os.ReadFile(r.Path)
	edited := strings.Replace(string(data), `author: ""`, `author: "Jane Doe"`, 1)
	edited = strings.Replace(edited, `title: "Talks in Moscow"`, `title: "Envoy lands in Moscow"`, 1)
	if err := os.WriteFile(r.Path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	// A plain re-import of the same file, whose text changed.
	b := *a
	b.Meta.Outlet, b.Meta.Date = "", ""
	b.Body = "The envoy landed on Thursday.\n"
	r2 := mustWrite(t, mustOpen(t, dir), &b, ingest.WriteOptions{})
	if r2.Path != r.Path || !r2.Changed {
		t.Fatalf("re-import wrote %s (changed %v), want %s updated", r2.Path, r2.Changed, r.Path)
	}
	got, _ := os.ReadFile(r.Path)
	for _, s := range []string{`outlet: "Reuters"`, `date: "2025-03-13"`, `author: "Jane Doe"`, `title: "Envoy lands in Moscow"`, "on Thursday"} {
		if !strings.Contains(string(got), s) {
			t.Errorf("re-imported file lacks %s:\n%s", s, got)
		}
	}
	// A flag given now wins over the file.
	mustWrite(t, mustOpen(t, dir), &b, ingest.WriteOptions{Set: ingest.Meta{Outlet: "AP"}})
	if got, _ := os.ReadFile(r.Path); !strings.Contains(string(got), `outlet: "AP"`) {
		t.Errorf("--outlet on re-import not applied:\n%s", got)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*.md")); len(files) != 1 {
		t.Errorf("files = %v, want one source", files)
	}
}

func TestSameArticleOneSource(t *testing.T) {
	dir := t.TempDir()
	a := &ingest.Article{Meta: ingest.Meta{Title: "Talks in Moscow", URL: "https://news.example/talks", Origin: "a.html"}, Body: "Body.\n"}
	r := mustWrite(t, mustOpen(t, dir), a, ingest.WriteOptions{})
	tests := []struct {
		name string
		a    ingest.Article
		set  ingest.Meta
	}{
		// Same body, new title given with --title.
		{"SameBodyNewTitle", ingest.Article{Meta: ingest.Meta{Title: "Other title", Origin: "copy.html"}, Body: "Body.\n"}, ingest.Meta{Title: "Other title"}},
		// Same URL (trailing slash, fragment), changed body.
		{"SameURL", ingest.Article{Meta: ingest.Meta{Title: "Talks in Moscow (updated)", URL: "https://NEWS.example/talks/#top", Origin: "b.html"}, Body: "Body, updated.\n"}, ingest.Meta{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustWrite(t, mustOpen(t, dir), &tt.a, ingest.WriteOptions{Set: tt.set})
			if got.Path != r.Path {
				t.Errorf("wrote %s, want %s updated in place", got.Path, r.Path)
			}
			if files, _ := filepath.Glob(filepath.Join(dir, "*.md")); len(files) != 1 {
				t.Errorf("files = %v, want one source", files)
			}
		})
	}
}

func TestSameSlugDifferentArticles(t *testing.T) {
	dir := t.TempDir()
	l := mustOpen(t, dir)
	one := &ingest.Article{Meta: ingest.Meta{Title: "Talks in Moscow", Origin: "reuters.txt"}, Body: "One.\n"}
	two := &ingest.Article{Meta: ingest.Meta{Title: "Talks in Moscow", Origin: "ap.txt"}, Body: "Two.\n"}
	r1 := mustWrite(t, l, one, ingest.WriteOptions{})
	r2 := mustWrite(t, l, two, ingest.WriteOptions{})
	if r1.Path == r2.Path {
		t.Fatalf("both articles written to %s", r1.Path)
	}
	if filepath.Base(r2.Path) != "talks-in-moscow-2.md" || !strings.Contains(r2.Note, "talks-in-moscow.md") {
		t.Errorf("second = %s (note %q), want talks-in-moscow-2.md and a note", r2.Path, r2.Note)
	}
	if got, _ := os.ReadFile(r1.Path); !strings.Contains(string(got), "One.") {
		t.Error("first article overwritten")
	}

	// Titles with nothing to spell in ASCII: the origin's name, else a hash.
	zh := &ingest.Article{Meta: ingest.Meta{Title: "習近平會見", Origin: "xinhua-0412.html"}, Body: "甲。\n"}
	if r := mustWrite(t, l, zh, ingest.WriteOptions{}); filepath.Base(r.Path) != "xinhua-0412.md" {
		t.Errorf("non-Latin title with origin: %s", r.Path)
	}
	zh2 := &ingest.Article{Meta: ingest.Meta{Title: "習近平", Origin: "新聞.html"}, Body: "乙。\n"}
	if r := mustWrite(t, l, zh2, ingest.WriteOptions{}); !strings.HasPrefix(filepath.Base(r.Path), "article-") {
		t.Errorf("non-Latin title and origin: %s", r.Path)
	}
}
