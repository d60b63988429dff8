package brief_test

import (
	"errors"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
)

func TestYAMLError(t *testing.T) {
	tests := []struct {
		line0 int
		err   string
		want  string
	}{
		{1, "yaml: line 3: did not find expected key", "x.yaml:3: p: did not find expected key"},
		{5, "yaml: line 2: found character that cannot start any token", "x.yaml:6: p: found character that cannot start any token"},
		{1, "yaml: line 1: mapping values are not allowed in this context: ':'", "x.yaml:1: p: mapping values are not allowed in this context: ':'"},
		{1, "yaml: control characters are not allowed", "x.yaml: p: control characters are not allowed"},
	}
	for _, tt := range tests {
		if got := brief.YAMLError("x.yaml", tt.line0, "p: ", errors.New(tt.err)).Error(); got != tt.want {
			t.Errorf("YAMLError(%d, %q)=%q, want %q", tt.line0, tt.err, got, tt.want)
		}
	}
}

func TestCheckText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"Clean", "a: b\n\tc: \"d\"\r\n", ""},
		{"InvalidUTF8", "a: ok\nb: x\xffy\n", "f.yaml:2:5: invalid UTF-8: save the file as UTF-8"},
		{"NUL", "a: ok\n\nb: \"y\x00\"\n", "f.yaml:3:6: NUL byte: this is not a text file, or it holds a stray NUL"},
		{"Control", "é: \x01\n", "f.yaml:1:4: control character U+0001 is not allowed"},
		{"DEL", "\x7f", "f.yaml:1:1: control character U+007F is not allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := brief.CheckText("f.yaml", []byte(tt.in))
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Fatalf("CheckText=%q, want %q", got, tt.want)
			}
		})
	}
}
