package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
		out  string // in stdout, or in the error when err is set
		err  bool
	}{
		{"List", []string{"-list"}, "fnc1-stances  github.com/Athlon07/Research_paper", false},
		{"MissingFiles", []string{"-from", t.TempDir(), "-out", t.TempDir() + "/c"}, "not in", true},
		{"BothSources", []string{"-from", "a", "-git", "b"}, "exclude each other", true},
		{"Argument", []string{"extra"}, `unexpected argument "extra"`, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(t.Context(), c.args, &stdout, &stderr)
			if c.err {
				if err == nil || !strings.Contains(err.Error(), c.out) {
					t.Fatalf("err = %v, want one containing %q", err, c.out)
				}
				return
			}
			if err != nil || !strings.Contains(stdout.String(), c.out) {
				t.Fatalf("run: %v; stdout %q, want %q", err, stdout.String(), c.out)
			}
		})
	}
}
