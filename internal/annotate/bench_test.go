package annotate

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
)

// genCorpus builds n articles about a few hundred shared events, each
// article reporting some events in varied wording, so that candidate
// lists are realistic. It is deterministic.
func genCorpus(n int) []*brief.Source {
	r := rand.New(rand.NewPCG(1, 2))
	places := []string{"Port Alder", "Riverton", "North Bay", "Glenford", "Eastmarch", "Kellby", "Sunmoor", "Westhaven"}
	people := []string{"Maria Ortiz", "John Reyes", "Anna Berg", "Tom Hale", "Lena Park", "Omar Said", "Ruth Kim", "Ivan Petrov"}
	titles := []string{"Governor", "Mayor", "Senator", "Minister", "Spokesperson"}
	verbs := []string{"announced", "confirmed", "reported", "said", "denied"}
	nouns := []string{"flood", "storm", "ceasefire", "election", "strike", "outage", "evacuation", "budget", "bridge", "school"}
	words := strings.Fields("rain wind power homes roads officials residents crews damage water police army talks vote " +
		"prices market shelter aid hospital families border troops court plan report meeting rescue support")
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	const events = 300
	var out []*brief.Source
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "# Article %d\n\n", i)
		for range 25 {
			e := r.IntN(events)
			er := rand.New(rand.NewPCG(uint64(e), 7))
			fmt.Fprintf(&b, "%s %s %s that the %s in %s affected %d-day %s and %d %s on %s.",
				titles[er.IntN(len(titles))], people[er.IntN(len(people))], verbs[r.IntN(len(verbs))],
				nouns[er.IntN(len(nouns))], places[er.IntN(len(places))], 1+er.IntN(30), words[er.IntN(len(words))],
				10+r.IntN(500), words[r.IntN(len(words))], days[er.IntN(len(days))])
			for range 3 {
				b.WriteString(" " + words[r.IntN(len(words))])
			}
			b.WriteString(".\n\n")
		}
		out = append(out, &brief.Source{ID: fmt.Sprintf("s%04d", i), Body: []byte(b.String())})
	}
	return out
}

func BenchmarkAnnotate(b *testing.B) {
	for _, n := range []int{100, 1000} {
		srcs := genCorpus(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Annotate(b.Context(), srcs, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

var _ = brief.KindClaim
