// Command scalebench measures `brief build` on generated projects (see
// internal/corpus) of several sizes: it writes each project once into a
// cache folder, builds the brief binary, runs `brief build --stats` as a
// child process per size and reports the child's wall time, CPU time
// (user + system, from its rusage), peak resident set (rusage maxrss),
// the bytes it allocated (from --stats), and the output's total size,
// file count and largest file.
//
//	go run ./tools/scalebench -n 100,1000            # sizes to build
//	go run ./tools/scalebench -n 10000 -runs 1 -dir /tmp/briefscale
//
// The figures of a shared machine vary; compare runs made back to back.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/brief-dev/brief/internal/corpus"
)

func main() {
	sizes := flag.String("n", "100,1000", "comma-separated numbers of articles")
	dir := flag.String("dir", filepath.Join(os.TempDir(), "briefscale"), "folder for the generated projects")
	runs := flag.Int("runs", 1, "builds per size")
	bin := flag.String("brief", "", "brief binary to run (default: build ./cmd/brief into -dir)")
	keep := flag.Bool("keep", false, "keep each project's public/ after the run")
	flag.Parse()
	if err := run(*sizes, *dir, *runs, *bin, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "scalebench:", err)
		os.Exit(1)
	}
}

func run(sizes, dir string, runs int, bin string, keep bool) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if bin == "" {
		bin = filepath.Join(dir, "brief")
		cmd := exec.Command("go", "build", "-o", bin, "./cmd/brief")
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("build brief: %w", err)
		}
	}
	fmt.Printf("%8s %9s %9s %10s %10s %10s %7s %10s\n", "articles", "wall", "cpu", "peak RSS", "allocated", "output", "files", "largest")
	for _, s := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("size %q: %w", s, err)
		}
		root := filepath.Join(dir, fmt.Sprintf("p%d", n))
		if _, err := os.Stat(filepath.Join(root, "brief.yaml")); err != nil {
			if err := corpus.Write(root, n); err != nil {
				return err
			}
		}
		for range runs {
			out := filepath.Join(root, "public")
			os.RemoveAll(out)
			var stdout bytes.Buffer
			cmd := exec.Command(bin, "build", "--stats", "--source", root)
			cmd.Stdout, cmd.Stderr = &stdout, os.Stderr
			start := time.Now()
			if err := cmd.Run(); err != nil {
				return fmt.Errorf("brief build (%d articles): %w", n, err)
			}
			wall := time.Since(start)
			ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
			cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
			total, files, largest, name := outputSize(out)
			fmt.Printf("%8d %9s %9s %10s %10s %10s %7d %10s  %s\n", n, wall.Round(10*time.Millisecond), cpu.Round(10*time.Millisecond),
				mib(ru.Maxrss<<10), mib(allocated(stdout.Bytes())), mib(total), files, mib(largest), name)
			if !keep {
				os.RemoveAll(out)
			}
		}
	}
	return nil
}

// allocated reads the "allocated N bytes" line of brief build --stats.
func allocated(stats []byte) int64 {
	sc := bufio.NewScanner(bytes.NewReader(stats))
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "allocated "); ok {
			n, _ := strconv.ParseInt(strings.Fields(rest)[0], 10, 64)
			return n
		}
	}
	return -1
}

func outputSize(out string) (total int64, files int, largest int64, name string) {
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		total += info.Size()
		files++
		if info.Size() > largest {
			largest, name = info.Size(), strings.TrimPrefix(p, out+string(filepath.Separator))
		}
		return nil
	})
	return
}

func mib(b int64) string {
	if b < 0 {
		return "?"
	}
	return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20))
}
