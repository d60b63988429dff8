package build_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/brief-dev/brief/internal/build"
	"golang.org/x/tools/txtar"
)

// TestHostile builds each testdata/hostile/*.txtar with the real
// annotator: inputs that once crashed, hung or misbehaved (issue 12).
// The archive's comment says what must happen:
//
//	want: ok                    the build succeeds
//	error: TEXT                 the build fails with an error containing TEXT
//	contains: PATH TEXT         the built file PATH contains TEXT
//	lacks: PATH TEXT            the built file PATH does not contain TEXT
//
// Each build must finish within a generous bound (a hang is a failure,
// not a slow test).
func TestHostile(t *testing.T) {
	files, _ := filepath.Glob("testdata/hostile/*.txtar")
	if len(files) == 0 {
		t.Fatal("no cases in testdata/hostile")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			root := writeArchive(t, ar)
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			site, _, err := build.Build(ctx, build.Options{Root: root})
			for _, line := range strings.Split(string(ar.Comment), "\n") {
				k, v, ok := strings.Cut(line, ":")
				if !ok {
					continue
				}
				v = strings.TrimSpace(v)
				switch k {
				case "want":
					if err != nil {
						t.Fatalf("build: %v", err)
					}
				case "error":
					if err == nil || !strings.Contains(err.Error(), v) {
						t.Fatalf("error %v, want one containing %q", err, v)
					}
				case "contains", "lacks":
					if err != nil {
						t.Fatalf("build: %v", err)
					}
					p, text, _ := strings.Cut(v, " ")
					data, ok := site.Bytes(p)
					if !ok {
						t.Fatalf("%s not built", p)
					}
					if got := bytes.Contains(data, []byte(text)); got != (k == "contains") {
						t.Errorf("%s: contains %q = %v, want %v", p, text, got, !got)
					}
				}
			}
		})
	}
}
