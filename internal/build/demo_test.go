package build_test

import (
	"context"
	"os"
	"testing"

	"github.com/brief-dev/brief/internal/build"
)

// TestDemo builds the project in $BRIEF_DEMO into $BRIEF_DEMO/public
// with internal/annotate; it is for looking at real output.
func TestDemo(t *testing.T) {
	root := os.Getenv("BRIEF_DEMO")
	if root == "" {
		t.Skip("BRIEF_DEMO not set")
	}
	site, rep, err := build.Build(context.Background(), build.Options{Root: root, Title: "Demo briefing", BaseURL: "/demo/"})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d sources, %d claims, %d links, %d pages, %v", rep.Sources, rep.Claims, rep.Links, rep.Pages, rep.Phases)
	if err := site.WriteDir(context.Background(), root+"/public"); err != nil {
		t.Fatal(err)
	}
}
