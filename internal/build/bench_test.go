package build_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

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

// TestRebuildCost measures what brief serve does after a save, as
// BenchmarkIncremental does, with each rebuild's wall and CPU time (of
// the whole process: rusage), its allocation and phases, and the live
// heap once done:
//
//	BRIEF_REBUILD=/tmp/p1000 go test ./internal/build -run TestRebuildCost -v
//
// The project in BRIEF_REBUILD is generated (internal/corpus) unless it
// exists; BRIEF_REBUILD_N sets its size (1,000 articles) and
// BRIEF_REBUILD_EDITS the rebuilds (6), each after a sentence added to
// the first source. BRIEF_REBUILD_CPUPROFILE writes a CPU profile of the
// rebuilds (not the first build), BRIEF_REBUILD_HEAPPROFILE heap profiles
// before them (.base) and after.
func TestRebuildCost(t *testing.T) {
	dir := os.Getenv("BRIEF_REBUILD")
	if dir == "" {
		t.Skip("set BRIEF_REBUILD to a project folder to measure rebuilds")
	}
	n, edits := 1000, 6
	fmt.Sscan(os.Getenv("BRIEF_REBUILD_N"), &n)
	fmt.Sscan(os.Getenv("BRIEF_REBUILD_EDITS"), &edits)
	if _, err := os.Stat(filepath.Join(dir, "brief.yaml")); err != nil {
		generated(t, dir, n)
	}
	names, err := filepath.Glob(filepath.Join(dir, "content", "sources", "*.md"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no sources: %v", err)
	}
	file := names[0]
	rel := filepath.ToSlash(strings.TrimPrefix(file, dir+string(filepath.Separator)))
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer os.WriteFile(file, orig, 0o644)
	writeProfile := func(path string, write func(io.Writer) error) {
		f, err := os.Create(path)
		if err == nil {
			err = write(f)
		}
		if err == nil {
			err = f.Close()
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	// The sites are kept on disk, as brief serve keeps them.
	bl, sites := build.NewBuilder(build.Options{Root: dir}), t.TempDir()
	start := time.Now()
	if _, _, err := bl.BuildTo(ctx, nil, sites); err != nil {
		t.Fatal(err)
	}
	t.Logf("first build: %v", time.Since(start).Round(time.Millisecond))
	heap := os.Getenv("BRIEF_REBUILD_HEAPPROFILE")
	if heap != "" {
		writeProfile(heap+".base", pprof.WriteHeapProfile)
	}
	if p := os.Getenv("BRIEF_REBUILD_CPUPROFILE"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		defer pprof.StopCPUProfile()
	}
	cpu := func() time.Duration {
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	alloc0, cpu0 := ms.TotalAlloc, cpu()
	var walls, cpus []time.Duration
	var last *build.Stored
	for i := range edits {
		data := fmt.Appendf(append([]byte(nil), orig...), "\nProbe number %d was added to the article.\n", i+1)
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		site, rep, err := bl.BuildTo(ctx, []string{rel}, sites)
		if err != nil {
			t.Fatal(err)
		}
		wall, c := time.Since(start), cpu()
		if last != nil {
			last.Remove()
		}
		last = site
		runtime.ReadMemStats(&ms)
		var phases []string
		for _, p := range rep.Phases {
			phases = append(phases, fmt.Sprintf("%s %v", p.Name, p.Duration.Round(time.Millisecond)))
		}
		t.Logf("rebuild %d: %v wall, %v CPU, %d MiB allocated (%s)", i+1, wall.Round(time.Millisecond),
			(c - cpu0).Round(time.Millisecond), (ms.TotalAlloc-alloc0)>>20, strings.Join(phases, ", "))
		walls, cpus = append(walls, wall), append(cpus, c-cpu0)
		alloc0, cpu0 = ms.TotalAlloc, c
	}
	slices.Sort(walls)
	slices.Sort(cpus)
	t.Logf("median of %d rebuilds: %v wall, %v CPU", edits, walls[edits/2].Round(time.Millisecond), cpus[edits/2].Round(time.Millisecond))
	runtime.GC()
	runtime.ReadMemStats(&ms)
	t.Logf("live heap after the rebuilds: %d MiB", ms.HeapAlloc>>20)
	if heap != "" {
		writeProfile(heap, pprof.WriteHeapProfile)
	}
	runtime.KeepAlive(bl)
}
