// Command brief builds annotated briefings: it imports source articles,
// cross-annotates their claims and renders a static site.
//
// Usage:
//
//	brief new DIR            scaffold a project
//	brief import FILE...     convert articles into content/sources/*.md
//	brief build              render the site into public/
//	brief serve              preview the site, rebuilding on every change
//	brief version            print the version
//
// Exit codes: 0 success, 1 build or input error, 2 usage error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// env is what a subcommand may touch of the process: its output streams.
// Tests give it buffers.
type env struct {
	stdout, stderr io.Writer
}

// usageError marks an error in how the command was called (exit code 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// usagef returns a usageError with a formatted message.
func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

func commands() []command {
	return []command{
		{"new", "scaffold a new project", runNew},
		{"import", "convert articles into content/sources/*.md", runImport},
		{"build", "render the site into public/", runBuild},
		{"serve", "preview the site and rebuild on every change", runServe},
		{"version", "print the version", runVersion},
	}
}

// stopGrace is how long brief waits, after SIGINT or SIGTERM, for the
// command to stop by itself (every long loop checks the context). Past
// it, brief exits anyway: a library call that does not check contexts
// (a pathological Markdown input in goldmark, say) must not keep it
// running. The output folder is safe either way: it is replaced by
// renames only, and the next build removes what an interrupted write
// left next to it.
const stopGrace = 500 * time.Millisecond

// exitCleanups are what a command must undo even when runMain returns
// without waiting for it (a second signal, or stopGrace passed), such
// as serve's temporary folder; see atExit.
var exitCleanups struct {
	sync.Mutex
	next int
	fns  map[int]func()
}

// atExit registers f to be run if runMain stops waiting for the command;
// the command calls the returned function once it has done f itself.
func atExit(f func()) (drop func()) {
	c := &exitCleanups
	c.Lock()
	defer c.Unlock()
	if c.fns == nil {
		c.fns = map[int]func(){}
	}
	id := c.next
	c.next++
	c.fns[id] = f
	return func() {
		c.Lock()
		delete(c.fns, id)
		c.Unlock()
	}
}

// runExitCleanups runs the registered cleanups.
func runExitCleanups() {
	c := &exitCleanups
	c.Lock()
	defer c.Unlock()
	for id, f := range c.fns {
		f()
		delete(c.fns, id)
	}
}

func main() {
	os.Exit(runMain(os.Args[1:], &env{stdout: os.Stdout, stderr: os.Stderr}))
}

// runMain runs the command with a context that SIGINT (Ctrl-C) and
// SIGTERM cancel alike. It prints one line when a signal arrives and
// returns within stopGrace of it: the command's own exit code if it
// stopped in time (0 for a serve that shut down cleanly), 1 otherwise.
// A second signal exits at once.
func runMain(args []string, e *env) int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	done := make(chan int, 1)
	go func() { done <- run(ctx, e, args) }()
	select {
	case code := <-done:
		return code
	case sig := <-sigs:
		fmt.Fprintf(e.stderr, "brief: %s, stopping\n", signalName(sig))
		cancel()
	}
	select {
	case code := <-done:
		return code
	case <-sigs:
	case <-time.After(stopGrace):
	}
	runExitCleanups()
	if len(args) > 0 && args[0] == "serve" {
		return 0 // serve holds no state to lose: stopping is its normal end
	}
	return 1
}

// signalName names a signal as a user knows it.
func signalName(sig os.Signal) string {
	switch sig {
	case os.Interrupt:
		return "interrupted (SIGINT)"
	case syscall.SIGTERM:
		return "terminated (SIGTERM)"
	}
	return sig.String()
}

// run dispatches to a subcommand and maps its error to an exit code.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 {
		mainUsage(e.stderr)
		return 2
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help", "help":
		mainUsage(e.stdout)
		return 0
	case "-v", "--version":
		name = "version"
	}
	for _, c := range commands() {
		if c.name == name {
			return exitCode(e, c.run(ctx, e, args[1:]))
		}
	}
	fmt.Fprintf(e.stderr, "brief: unknown command %q\n", name)
	mainUsage(e.stderr)
	return 2
}

// exitCode prints err and returns the exit code that goes with it.
func exitCode(e *env, err error) int {
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, context.Canceled):
		return 1 // stopped by a signal, which runMain has reported
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "brief: %v\n", err)
		return 2
	default:
		fmt.Fprintf(e.stderr, "%v\n", err)
		return 1
	}
}

func mainUsage(w io.Writer) {
	fmt.Fprintln(w, "brief builds annotated briefings from news articles.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: brief <command> [flags] [args]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'brief <command> -h' for a command's flags and an example.")
}
