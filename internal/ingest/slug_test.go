package ingest_test

import (
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/ingest"
)

func TestSlug(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Trump’s Envoy Landed In Russia", "trumps-envoy-landed-in-russia"},
		{"Trump and Putin: A Potential Conversation?", "trump-and-putin-a-potential-conversation"},
		{"Zelenskyy in Kraków, Łódź and Gdańsk", "zelenskyy-in-krakow-lodz-and-gdansk"},
		{"Straße über Ærø — naïve café", "strasse-uber-aero-naive-cafe"},
		{"AT&T   --  results", "at-and-t-results"},
		{"  ...Leading and trailing!  ", "leading-and-trailing"},
		{"Путин и Трамп", "putin-i-tramp"},
		{"Αθήνα σήμερα", "athina-simera"},
		{"習近平", "article"},
		{"", "article"},
		{"２０２５ ﬁnal", "2025-final"},
		{
			"A delegation of United States diplomats arrived in Moscow on Thursday morning",
			"a-delegation-of-united-states-diplomats-arrived-in-moscow-on",
		},
		{strings.Repeat("x", 100), strings.Repeat("x", 60)},
	}
	for _, tt := range tests {
		got := ingest.Slug(tt.title)
		if got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.title, got, tt.want)
		}
		if len(got) > 60 {
			t.Errorf("Slug(%q) is %d bytes long", tt.title, len(got))
		}
	}
}
