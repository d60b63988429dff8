package ingest

import "testing"

// TestPatternsCompile compiles every pattern of the package, which
// lazyRegexp would otherwise only compile (or panic on) when first used.
func TestPatternsCompile(t *testing.T) {
	if len(patterns) < 25 {
		t.Fatalf("%d patterns registered, want every lazyRegexp of the package", len(patterns))
	}
	for _, p := range patterns {
		if p() == nil {
			t.Fatal("nil pattern")
		}
	}
}
