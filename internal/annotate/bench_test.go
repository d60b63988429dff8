package annotate

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/brief-dev/brief/internal/brief"
)

// genCorpus builds n articles about 3n events, deterministically, shaped
// like a news corpus: each event has names of its own (a person, a place,
// a number), articles report events near their own position in the
// stream (so each event is told by a handful of articles, in varied
// wording), and common words are shared by everything. The number of
// claims sharing a name therefore stays about constant as n grows, as it
// does in real coverage, and candidate lists are realistic.
func genCorpus(n int) []*brief.Source {
	r := rand.New(rand.NewPCG(1, 2))
	syll := strings.Fields("ka ro ven li mar to sel dun fa gri bel os tam ne quin")
	name := func(e, salt int) string {
		a := syll[(e+salt)%len(syll)] + syll[(e/len(syll)+salt)%len(syll)]
		b := syll[(e/7+salt)%len(syll)] + syll[(e/3+2*salt)%len(syll)] + "ton"
		return strings.ToUpper(a[:1]) + a[1:] + " " + strings.ToUpper(b[:1]) + b[1:]
	}
	titles := []string{"Governor", "Mayor", "Senator", "Minister", "Spokesperson"}
	verbs := []string{"announced", "confirmed", "reported", "said", "denied"}
	nouns := []string{"flood", "storm", "ceasefire", "election", "strike", "outage", "evacuation", "budget", "bridge", "school"}
	words := strings.Fields("rain wind power homes roads officials residents crews damage water police army talks vote " +
		"prices market shelter aid hospital families border troops court plan report meeting rescue support")
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	events := 3 * n
	var out []*brief.Source
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "# Article %d\n\n", i)
		for range 25 {
			e := min(max(3*i+r.IntN(60)-30, 0), events-1)
			er := rand.New(rand.NewPCG(uint64(e), 7))
			fmt.Fprintf(&b, "%s %s %s that the %s in %s affected %d-day %s and %d %s on %s.",
				titles[er.IntN(len(titles))], name(e, 0), verbs[r.IntN(len(verbs))],
				nouns[er.IntN(len(nouns))], strings.Fields(name(e, 5))[1], 1+er.IntN(30), words[er.IntN(len(words))],
				10+er.IntN(500)+r.IntN(2), words[r.IntN(len(words))], days[er.IntN(len(days))])
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
			var claims int
			cpu0 := cpuTime()
			for b.Loop() {
				ann, err := Annotate(b.Context(), srcs, nil)
				if err != nil {
					b.Fatal(err)
				}
				claims = len(ann.Claims)
			}
			// Cost per claim: flat if the cost grows linearly.
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(claims), "ns/claim")
			// CPU time (the process's, so with the garbage collector's)
			// varies less than wall time on a shared machine.
			cpu := float64((cpuTime() - cpu0).Nanoseconds()) / float64(b.N)
			b.ReportMetric(cpu, "cpu-ns/op")
			b.ReportMetric(cpu/float64(claims), "cpu-ns/claim")
		})
	}
}

// cpuTime returns the user and system time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

var _ = brief.KindClaim
