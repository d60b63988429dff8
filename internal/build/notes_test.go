package build

import "testing"

// TestQuoted checks that a note's sentence gets one pair of double
// quotes, its own quotation marks becoming single ones (issue 10: notes
// showed ““We urge…).
func TestQuoted(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The envoy landed.", "“The envoy landed.”"},
		{"“We urge the Russians to sign on,” Leavitt said.", "“‘We urge the Russians to sign on,’ Leavitt said.”"},
		{`"We urge," she said.`, "“‘We urge,’ she said.”"},
		{`He said "yes" twice.`, "“He said ‘yes’ twice.”"},
		{"  spaced  ", "“spaced”"},
		{"", "“”"},
	}
	for _, tt := range tests {
		if got := quoted(tt.in); got != tt.want {
			t.Errorf("quoted(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestHeadTail checks the template functions that split a long section
// into what is shown and what is behind a disclosure.
func TestHeadTail(t *testing.T) {
	list := []int{1, 2, 3}
	for _, tt := range []struct {
		n          int
		head, tail int
	}{{0, 0, 3}, {2, 2, 1}, {3, 3, 0}, {5, 3, 0}, {-1, 0, 3}} {
		h, err := head(tt.n, list)
		if err != nil {
			t.Fatal(err)
		}
		tl, err := tail(tt.n, list)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(h.([]int)); got != tt.head {
			t.Errorf("head(%d) has %d, want %d", tt.n, got, tt.head)
		}
		if got := len(tl.([]int)); got != tt.tail {
			t.Errorf("tail(%d) has %d, want %d", tt.n, got, tt.tail)
		}
	}
	if _, err := head(1, "no"); err == nil {
		t.Error("head of a string: no error")
	}
}
