package annotate

import (
	"reflect"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
)

// FuzzAnnotatePair annotates two one-paragraph sources, which runs every
// pair detector (roles, opposites, numbers, polarity) on what the fuzzer
// writes: it must not panic, and must give the same links twice.
func FuzzAnnotatePair(f *testing.F) {
	for _, s := range [][2]string{
		{"Russia accused Ukraine of violating the ceasefire on Sunday.", "Ukraine accused Russia of violating the ceasefire on Sunday."},
		{"Oil prices rose sharply on Monday.", "Oil prices fell sharply on Monday."},
		{"Three hundred and one soldiers died.", "301 soldiers died, officials said."},
		{"DHS rebuffs claims that ISIS shot down a drone.", "Officials shoot down claims ISIS shot down a drone."},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		srcs := func() []*brief.Source {
			return []*brief.Source{{ID: "a", Body: []byte(a)}, {ID: "b", Body: []byte(b)}}
		}
		x, err := Annotate(t.Context(), srcs(), nil)
		if err != nil {
			t.Fatal(err)
		}
		y, err := Annotate(t.Context(), srcs(), nil)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(x.Links, y.Links) {
			t.Fatal("not deterministic")
		}
	})
}
