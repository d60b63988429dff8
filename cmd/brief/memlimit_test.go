package main

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"
)

func TestBuildMemoryLimit(t *testing.T) {
	for _, tt := range []struct {
		name   string
		bytes  int64
		lo, hi int64 // the limit is in [lo, hi]
	}{
		{"Empty", 0, minLimit, minLimit},
		{"Example", 200 << 10, minLimit, minLimit},
		// 1,000 generated articles: the peak live heap is about 174 MB
		// and the default pacing reaches about 400 MB: no limit needed.
		{"Scale1000", 4_337_202, minLimit, minLimit},
		// 10,000: the peak is about 1.27 GB; the limit keeps the process
		// under 2 GiB with room for the collector.
		{"Scale10000", 43_467_962, 1_600 << 20, 1_800 << 20},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := buildMemoryLimit(tt.bytes); got < tt.lo || got > tt.hi {
				t.Fatalf("buildMemoryLimit(%d) = %d MiB, want %d-%d MiB", tt.bytes, got>>20, tt.lo>>20, tt.hi>>20)
			}
		})
	}
}

// TestSetBuildMemoryLimit: the limit counts the Markdown under the
// sources folder, leaves a GOMEMLIMIT from the environment alone, and
// restore puts the previous limit back.
func TestSetBuildMemoryLimit(t *testing.T) {
	dir := t.TempDir()
	big := make([]byte, 20<<20) // 20 MB of sources: above the minimum
	if err := os.WriteFile(filepath.Join(dir, "a.md"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.txt"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	before := debug.SetMemoryLimit(-1)
	t.Setenv("GOMEMLIMIT", "")
	restore := setBuildMemoryLimit(dir)
	if got, want := debug.SetMemoryLimit(-1), buildMemoryLimit(20<<20); got != want {
		t.Errorf("limit %d, want %d (only a.md counts)", got, want)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("after restore: limit %d, want %d", got, before)
	}
	t.Setenv("GOMEMLIMIT", "1GiB")
	restore = setBuildMemoryLimit(dir)
	got := debug.SetMemoryLimit(-1)
	restore()
	if got != before {
		t.Errorf("with GOMEMLIMIT set: limit %d, want it untouched (%d)", got, before)
	}
}

// TestServeMemoryLimit: serve's limit is a build's at 1,000 articles
// (minLimit, 1.4 times the build's peak there) and serveRatio times it
// where a build's limit binds.
func TestServeMemoryLimit(t *testing.T) {
	for _, tt := range []struct {
		name   string
		bytes  int64
		lo, hi int64
	}{
		{"Empty", 0, minLimit, minLimit},
		{"Scale1000", 4_337_202, minLimit, minLimit},
		{"Scale10000", 43_467_962, 3_200 << 20, 3_500 << 20},
	} {
		if got := serveMemoryLimit(tt.bytes); got < tt.lo || got > tt.hi {
			t.Errorf("%s: serveMemoryLimit(%d) = %d MiB, want %d-%d MiB", tt.name, tt.bytes, got>>20, tt.lo>>20, tt.hi>>20)
		}
	}
}

// TestServeMemoryLimitRaise: after a build serve's limit is at least
// 1.25 times the live heap, never below the limit from the sources,
// and GOMEMLIMIT leaves it alone.
func TestServeMemoryLimitRaise(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	t.Setenv("GOMEMLIMIT", "")
	raise, restore := setServeMemoryLimit(t.TempDir())
	defer restore()
	base := debug.SetMemoryLimit(-1)
	if base != minLimit {
		t.Fatalf("limit %d, want %d", base, minLimit)
	}
	raise()
	if got := debug.SetMemoryLimit(-1); got != base {
		t.Errorf("small heap: raised to %d MiB, want %d MiB", got>>20, base>>20)
	}
	live := make([]byte, 480<<20) // 1.25 times this is over minLimit
	for i := range live {
		live[i] = byte(i)
	}
	runtime.GC()
	raise()
	if got := debug.SetMemoryLimit(-1); got < 600<<20 {
		t.Errorf("with 480 MiB live: limit %d MiB, want at least 600 MiB", got>>20)
	}
	runtime.KeepAlive(live)

	t.Setenv("GOMEMLIMIT", "1GiB")
	debug.SetMemoryLimit(base)
	raise, restore = setServeMemoryLimit(t.TempDir())
	raise()
	restore()
	if got := debug.SetMemoryLimit(-1); got != base {
		t.Errorf("with GOMEMLIMIT set: limit %d, want %d left alone", got, base)
	}
}
