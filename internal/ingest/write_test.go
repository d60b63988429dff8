package ingest_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
	"github.com/brief-dev/brief/internal/ingest"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	a := &ingest.Article{Meta: ingest.Meta{Title: "Talks Begin", Origin: "t.txt"}, Body: "First version.\n"}

	t.Run("Create", func(t *testing.T) {
		path, changed, err := ingest.Write(dir, a, false)
		if err != nil || !changed {
			t.Fatalf("Write = %q, %v, %v; want changed", path, changed, err)
		}
		if got, want := path, filepath.Join(dir, "talks-begin.md"); got != want {
			t.Errorf("path = %q, want %q", got, want)
		}
		if data, _ := os.ReadFile(path); string(data) != string(a.Markdown()) {
			t.Errorf("file holds %q", data)
		}
	})
	t.Run("Unchanged", func(t *testing.T) {
		if _, changed, err := ingest.Write(dir, a, false); err != nil || changed {
			t.Fatalf("Write = %v, %v; want no change", changed, err)
		}
	})
	t.Run("UpdatedArticle", func(t *testing.T) {
		b := *a
		b.Body = "Second version.\n"
		path, changed, err := ingest.Write(dir, &b, false)
		if err != nil || !changed {
			t.Fatalf("Write = %v, %v; want changed", changed, err)
		}
		if data, _ := os.ReadFile(path); !strings.Contains(string(data), "Second version.") {
			t.Errorf("file not updated: %q", data)
		}
		a = &b
	})
	t.Run("EditedByHand", func(t *testing.T) {
		path := filepath.Join(dir, "talks-begin.md")
		data, _ := os.ReadFile(path)
		edited := strings.Replace(string(data), "Second version.", "Second version, corrected by hand.", 1)
		if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
		b := *a
		b.Body = "Third version.\n"
		_, changed, err := ingest.Write(dir, &b, false)
		var e *brief.Error
		if err == nil || changed || !errors.As(err, &e) || e.Pos.File != path {
			t.Fatalf("Write = %v, %v; want an error naming %s", changed, err, path)
		}
		if !strings.Contains(err.Error(), "--force") {
			t.Errorf("error %q does not name the fix (--force)", err)
		}
		if data, _ := os.ReadFile(path); string(data) != edited {
			t.Error("hand-edited file was overwritten")
		}
		if _, changed, err := ingest.Write(dir, &b, true); err != nil || !changed {
			t.Fatalf("Write(force) = %v, %v; want changed", changed, err)
		}
		if data, _ := os.ReadFile(path); !strings.Contains(string(data), "Third version.") {
			t.Error("force did not overwrite")
		}
	})
	t.Run("NoChecksum", func(t *testing.T) {
		path := filepath.Join(dir, "hand-made.md")
		if err := os.WriteFile(path, []byte("---\ntitle: Hand Made\n---\n\nMine.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		b := &ingest.Article{Meta: ingest.Meta{Title: "Hand Made"}, Body: "Imported.\n"}
		got, _, err := ingest.Write(dir, b, false)
		if err != nil {
			t.Fatal(err)
		}
		if data, _ := os.ReadFile(path); string(data) != "---\ntitle: Hand Made\n---\n\nMine.\n" {
			t.Fatal("overwrote a file that was never imported")
		}
		if want := filepath.Join(dir, "hand-made-2.md"); got != want {
			t.Errorf("path = %s, want %s", got, want)
		}
	})
	t.Run("NoTempFilesLeft", func(t *testing.T) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".tmp") {
				t.Errorf("temporary file %s left behind", e.Name())
			}
		}
	})
}
