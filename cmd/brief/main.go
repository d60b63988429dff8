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
	"syscall"
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

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, &env{stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:])
	stop()
	os.Exit(code)
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
