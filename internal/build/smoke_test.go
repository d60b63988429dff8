package build_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/brief-dev/brief/internal/build"
	"golang.org/x/tools/txtar"
)

func TestSmoke(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/small.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		p := filepath.Join(dir, f.Name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, f.Data, 0o644)
	}
	b := build.WithFixtures(build.NewBuilder(build.Options{Root: dir, BaseURL: "/demo/", Title: "Moscow talks"}))
	site, rep, err := b.Build(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(rep)
	out := os.Getenv("SMOKE_OUT")
	if out != "" {
		if err := site.WriteDir(out); err != nil {
			t.Fatal(err)
		}
	}
}
