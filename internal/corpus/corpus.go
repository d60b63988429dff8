// Package corpus generates synthetic brief projects for benchmarks and
// latency measurements: n news articles from sentence templates filled
// with names, places, days and numbers drawn from shared pools, so that
// articles overlap the way coverage of one story does, without being
// copies. The output is deterministic.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Articles returns n articles as source files: slash paths relative to
// the project root ("content/sources/report-0000.md") to their text.
func Articles(n int) map[string]string {
	r := rand.New(rand.NewPCG(1, 2))
	people := []string{"Steve Witkoff", "Dmitry Peskov", "Marco Rubio", "Sergei Lavrov", "Yuri Ushakov",
		"Karoline Leavitt", "Volodymyr Zelensky", "Keir Starmer", "Emmanuel Macron", "Olaf Scholz",
		"Andrii Sybiha", "Mike Waltz", "Kirill Dmitriev", "Antonio Guterres", "Ursula von der Leyen",
		"Mark Rutte", "Recep Tayyip Erdogan", "Mohammed bin Salman", "Alexander Lukashenko", "Kaja Kallas"}
	places := []string{"Moscow", "Kyiv", "Riyadh", "Jeddah", "Istanbul", "Geneva", "Minsk", "Doha",
		"Brussels", "Washington", "London", "Paris", "Berlin", "Warsaw", "Kursk", "Zaporizhzhia",
		"Kherson", "Odesa", "Kharkiv", "Donetsk"}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	things := []string{"ceasefire", "prisoner exchange", "grain corridor", "energy truce", "peace plan",
		"minerals deal", "sanctions package", "aid convoy", "monitoring mission", "maritime truce"}
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	templates := []func() string{
		func() string {
			return fmt.Sprintf("%s met %s in %s on %s.", pick(people), pick(people), pick(places), pick(days))
		},
		func() string {
			return fmt.Sprintf("%s said the %s would last %d days.", pick(people), pick(things), 10+r.IntN(80))
		},
		func() string {
			return fmt.Sprintf("Officials in %s reported %d people evacuated on %s.", pick(places), 100+r.IntN(5000), pick(days))
		},
		func() string {
			return fmt.Sprintf("The %s was discussed in %s, according to %s.", pick(things), pick(places), pick(people))
		},
		func() string {
			return fmt.Sprintf("%s flew to %s from %s on %s.", pick(people), pick(places), pick(places), pick(days))
		},
		func() string {
			return fmt.Sprintf("%s said: \"We need to see the details of the %s first.\"", pick(people), pick(things))
		},
		func() string {
			return fmt.Sprintf("A call between %s and %s could follow on %s.", pick(people), pick(people), pick(days))
		},
	}
	out := make(map[string]string, n)
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: \"Report %d from %s\"\noutlet: Outlet %d\ndate: 2025-03-%02d\n---\n", i, pick(places), i%37, 1+i%28)
		for range 3 + r.IntN(3) {
			for range 2 + r.IntN(3) {
				b.WriteString(templates[r.IntN(len(templates))]())
				b.WriteByte(' ')
			}
			b.WriteString("\n\n")
		}
		out[fmt.Sprintf("content/sources/report-%04d.md", i)] = b.String()
	}
	return out
}

// Write writes a project of n articles under root, with a brief.yaml.
func Write(root string, n int) error {
	files := Articles(n)
	files["brief.yaml"] = "title: \"Generated briefing\"\nlanguage: en\n"
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
