package ingest_test

import (
	"os"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/ingest"
)

// TestHTMLMarkedArticleFallback imports two real pages of trafilatura's
// test set on which readability finds no article (rnz.de) or only a
// sign-up form that sanitizing removes (france.attac.org), while the page
// marks its article (itemprop="articleBody", <article>): the marked
// article is imported instead of failing with "empty article". The
// snippets are those trafilatura's evaldata.json says the text must and
// must not hold.
func TestHTMLMarkedArticleFallback(t *testing.T) {
	tests := []struct {
		file          string
		with, without []string
	}{
		{"testdata/html/trafilatura-rnz.de.witzel.html",
			[]string{"Für einen Roman", "Auszeichnung der Branche."}, []string{"Ihre RNZ.", "WHATSAPP"}},
		{"testdata/html/trafilatura-france.attc.org-privatisations.html",
			[]string{"Aurélie Trouvé, porte-parole", "partagé pour empêcher", " pour parler du"}, []string{"Dans la même rubrique", "Je fais un don à Attac", "Abandon du projet"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			a, err := ingest.Convert("page.html", data, ingest.Options{})
			if err != nil {
				t.Fatalf("Convert: %v", err)
			}
			for _, s := range tt.with {
				if !strings.Contains(a.Body, s) {
					t.Errorf("body lacks %q:\n%s", s, a.Body)
				}
			}
			for _, s := range tt.without {
				if strings.Contains(a.Body, s) {
					t.Errorf("body holds %q:\n%s", s, a.Body)
				}
			}
		})
	}
}
