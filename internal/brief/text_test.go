package brief_test

import (
	"testing"

	"github.com/brief-dev/brief/internal/brief"
)

func TestLineAt(t *testing.T) {
	data := []byte("one\r\ntwo \xff\nthree")
	tests := []struct {
		off         int
		line, start int
		text        string
	}{
		{0, 1, 0, "one"},
		{3, 1, 0, "one"},
		{5, 2, 5, "two \uFFFD"},
		{9, 2, 5, "two \uFFFD"},
		{11, 3, 11, "three"},
		{16, 3, 11, "three"},
		{99, 3, 11, "three"}, // past the end: the end
	}
	for _, tt := range tests {
		line, start := brief.LineAt(data, tt.off)
		if line != tt.line || start != tt.start {
			t.Errorf("LineAt(%d) = %d, %d, want %d, %d", tt.off, line, start, tt.line, tt.start)
		}
		if got := brief.LineText(data, tt.off); got != tt.text {
			t.Errorf("LineText(%d) = %q, want %q", tt.off, got, tt.text)
		}
	}
}
