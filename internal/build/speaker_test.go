package build

import "testing"

func TestEndsWithName(t *testing.T) {
	tests := []struct {
		full, short string
		want        bool
	}{
		{"Dmitry Peskov", "Peskov", true},
		{"Volodymyr Zelensky", "Zelenskyy", true},
		{"Vladimir Putin", "Putin", true},
		{"Karoline Leavitt", "Leavitt", true},
		{"Vladimir Putin", "Vladimir Putin", false}, // not longer
		{"Mike Waltz", "Walt", false},               // a prefix is not a name
		{"Jon Day", "Dey", false},                   // short names must match exactly
		{"Anna Berg", "Bergman", false},
		{"Maria Ortiz", "Ortiz Maria", false},
	}
	for _, tt := range tests {
		if got := endsWithName(tt.full, tt.short); got != tt.want {
			t.Errorf("endsWithName(%q, %q)=%v, want %v", tt.full, tt.short, got, tt.want)
		}
	}
}
