package build_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/build"
	"github.com/brief-dev/brief/internal/corpus"
)

// generated writes n generated articles (see internal/corpus) under root.
func generated(t testing.TB, root string, n int) {
	t.Helper()
	if err := corpus.Write(root, n); err != nil {
		t.Fatal(err)
	}
}

// copyExample copies the example project's content/ under root.
func copyExample(t testing.TB, root string) {
	t.Helper()
	if err := os.CopyFS(filepath.Join(root, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkIncremental times what brief serve does after a save: a
// build told that one source changed, alternately with and without an
// added sentence, on the example project and on 1,000 generated
// articles.
func BenchmarkIncremental(b *testing.B) {
	for _, bc := range []struct {
		name  string
		setup func(testing.TB, string)
	}{
		{"Example", copyExample},
		{"Generated1000", func(t testing.TB, root string) { generated(t, root, 1000) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			root := b.TempDir()
			bc.setup(b, root)
			names, err := filepath.Glob(filepath.Join(root, "content", "sources", "*.md"))
			if err != nil || len(names) == 0 {
				b.Fatalf("no sources: %v", err)
			}
			file := names[0]
			rel := filepath.ToSlash(strings.TrimPrefix(file, root+string(filepath.Separator)))
			orig, err := os.ReadFile(file)
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			bl := build.NewBuilder(build.Options{Root: root})
			if _, _, err := bl.Build(ctx, nil); err != nil {
				b.Fatal(err)
			}
			i := 0
			for b.Loop() {
				data := orig
				if i%2 == 0 {
					data = append(append([]byte(nil), orig...), "\nAn extra sentence was added.\n"...)
				}
				i++
				if err := os.WriteFile(file, data, 0o644); err != nil {
					b.Fatal(err)
				}
				if _, _, err := bl.Build(ctx, []string{rel}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
