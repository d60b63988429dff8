package serve

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestHostCheck checks the DNS-rebinding guard (issue 12, item 5): a
// foreign Host or Origin gets 403, local names and allowed ones pass.
func TestHostCheck(t *testing.T) {
	s := New(Options{Bind: "127.0.0.1", AllowHosts: []string{"preview.example.org", ".app.github.dev"}}, nil)
	tests := []struct {
		host, origin string
		ok           bool
	}{
		{"127.0.0.1:1313", "", true},
		{"localhost:1313", "", true},
		{"[::1]:1313", "", true},
		{"foo.localhost:1313", "", true},
		{"preview.example.org", "", true},
		{"x-1313.app.github.dev", "https://x-1313.app.github.dev", true},
		{"127.0.0.1:1313", "http://localhost:1313", true},
		{"attacker.example", "", false},
		{"attacker.example:1313", "", false},
		{"127.0.0.1:1313", "http://attacker.example", false},
		{"", "", false},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/claims.json", nil)
		r.Host = tt.host
		if tt.origin != "" {
			r.Header.Set("Origin", tt.origin)
		}
		w := httptest.NewRecorder()
		got := s.checkHost(w, r)
		if got != tt.ok {
			t.Errorf("Host %q Origin %q: allowed=%v, want %v", tt.host, tt.origin, got, tt.ok)
		}
		if !got && w.Code != http.StatusForbidden {
			t.Errorf("Host %q: status %d, want 403", tt.host, w.Code)
		}
	}
}
