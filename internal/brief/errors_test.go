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
