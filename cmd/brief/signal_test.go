package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// briefBinary builds the brief command once per test run.
func briefBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "brief-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "brief")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = err
			t.Log(string(out))
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// TestSignalStops runs the built binary, sends SIGINT or SIGTERM while
// it is busy, and checks that it stops promptly with one line saying
// why: brief build with exit status 1 and the output folder untouched,
// brief serve with exit status 0 (issue 12, item 3 and issue 14).
//
// The busy phases: a long annotate pass over many sources (stopped by
// the context checks), a theme template that never ends (render), a
// build waiting to write its output folder while another process holds
// its lock (write), and for serve a tiny project it has already built
// (serving). The load phase takes about 0.1 s for 600 sources, too short
// to aim a signal at; it checks the context between sources as annotate
// does.
// The bound checked is generous for a loaded machine; the time taken is
// logged (README and the closing note give the measurement).
func TestSignalStops(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := briefBinary(t)
	tiny := func(t *testing.T) string {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "content/sources/a.md"), "---\ntitle: A\n---\nThe talks began on Monday.\n")
		return dir
	}
	// wait is how long after starting the signal is sent: well inside
	// the work, or after the phase is reached for the cases that wait.
	wait := map[string]time.Duration{"Write": 2 * time.Second, "Serving": 3 * time.Second}
	projects := map[string]func(t *testing.T) string{
		"Many": func(t *testing.T) string { return generateProject(t, 600) },
		// The output folder's lock, held by another build (a flock on
		// the folder's parent, here the project), keeps this one waiting
		// to write.
		"Write": func(t *testing.T) string {
			dir := tiny(t)
			f, err := os.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { f.Close() })
			if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
				t.Fatal(err)
			}
			return dir
		},
		"Serving": tiny,
		// A theme template that never ends (issue 12 item 8). The
		// Markdown that kept goldmark busy for minutes ("[a](" x
		// 60,000) is now refused before it is parsed.
		"Theme": func(t *testing.T) string {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "themes/default/index.html"), `{{define "main"}}{{range 100000000000000}}{{end}}{{end}}`)
			writeFile(t, filepath.Join(dir, "content/sources/a.md"), "---\ntitle: A\n---\nThe talks began on Monday.\n")
			return dir
		},
	}
	for _, cmd := range []string{"build", "serve"} {
		for pname, mk := range projects {
			if cmd == "build" && pname == "Serving" || cmd == "serve" && pname == "Write" {
				continue // serve writes no folder; build does not serve
			}
			for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
				t.Run(cmd+"/"+pname+"/"+sig.String(), func(t *testing.T) {
					dir := mk(t)
					args := []string{cmd, "--source", dir}
					if cmd == "serve" {
						args = append(args, "--port", "0")
					}
					c := exec.Command(bin, args...)
					// serve keeps its sites in a temporary folder,
					// which must go even when a build outlasts stopGrace.
					tmp := t.TempDir()
					c.Env = append(os.Environ(), "TMPDIR="+tmp)
					var stderr bytes.Buffer
					c.Stderr = &stderr
					if err := c.Start(); err != nil {
						t.Fatal(err)
					}
					if d, ok := wait[pname]; ok {
						time.Sleep(d)
					} else {
						time.Sleep(400 * time.Millisecond) // well inside the work
					}
					sent := time.Now()
					c.Process.Signal(sig)
					errc := make(chan error, 1)
					go func() { errc <- c.Wait() }()
					var err error
					select {
					case err = <-errc:
					case <-time.After(5 * time.Second):
						c.Process.Kill()
						t.Fatalf("still running 5 s after %v; stderr:\n%s", sig, stderr.String())
					}
					took := time.Since(sent)
					t.Logf("stopped %v after %v", took.Round(time.Millisecond), sig)
					if took > 3*time.Second {
						t.Errorf("took %v to stop, want well under 1 s", took)
					}
					code := c.ProcessState.ExitCode()
					want := 1
					if cmd == "serve" {
						want = 0
					}
					if code != want {
						t.Errorf("exit status %d (%v), want %d; stderr:\n%s", code, err, want, stderr.String())
					}
					if n := strings.Count(stderr.String(), ", stopping"); n != 1 {
						t.Errorf("stderr has %d stop lines, want 1:\n%s", n, stderr.String())
					}
					if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); cmd == "build" && err == nil {
						t.Errorf("an interrupted build wrote public/")
					}
					if left, _ := filepath.Glob(filepath.Join(tmp, "brief-serve-*")); len(left) > 0 {
						t.Errorf("left %q behind", left)
					}
				})
			}
		}
	}
}

// TestServeSecondSignal: a second signal stops serve at once, in the
// middle of a build, and its temporary folder still goes.
func TestServeSecondSignal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := briefBinary(t)
	dir, tmp := generateProject(t, 600), t.TempDir()
	c := exec.Command(bin, "serve", "--source", dir, "--port", "0")
	c.Env = append(os.Environ(), "TMPDIR="+tmp)
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(400 * time.Millisecond) // in the first build
	if left, _ := filepath.Glob(filepath.Join(tmp, "brief-serve-*")); len(left) != 1 {
		t.Errorf("no temporary folder during the build: %q", left)
	}
	c.Process.Signal(syscall.SIGINT)
	time.Sleep(20 * time.Millisecond) // two signals at once are one
	c.Process.Signal(syscall.SIGINT)
	errc := make(chan error, 1)
	go func() { errc <- c.Wait() }()
	select {
	case <-errc:
	case <-time.After(5 * time.Second):
		c.Process.Kill()
		t.Fatal("still running 5 s after two signals")
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "brief-serve-*")); len(left) > 0 {
		t.Errorf("left %q behind", left)
	}
}
