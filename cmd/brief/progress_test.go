package main

import (
	"bytes"
	"os"
	"testing"
)

// TestProgressOffTerminal checks that the progress line writes nothing
// where output is not a terminal (a buffer, a file, a pipe).
func TestProgressOffTerminal(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	var buf bytes.Buffer
	for name, out := range map[string]any{"buffer": &buf, "file": f, "pipe": w} {
		if isTerminal(out.(interface{ Write([]byte) (int, error) })) {
			t.Errorf("%s: isTerminal = true", name)
		}
		p := newProgress(out.(interface{ Write([]byte) (int, error) }))
		if p != nil {
			t.Errorf("%s: newProgress made a display", name)
		}
		p.set("render", 1, 2) // a nil display does nothing
		p.end()
	}
	if buf.Len() > 0 {
		t.Errorf("wrote %q", buf.String())
	}
}
