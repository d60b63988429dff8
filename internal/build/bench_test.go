package build_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/build"
)

// generated writes n synthetic news articles under root, as
// cmd/brief's latency test does: sentence templates filled from shared
// pools of names, places, days and numbers, so that articles overlap
// the way coverage of one story does.
func generated(t testing.TB, root string, n int) {
	t.Helper()
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
	dir := filepath.Join(root, "content", "sources")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
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
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("report-%04d.md", i)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// copyExample copies the example project's content/ under root.
func copyExample(t testing.TB, root string) {
	t.Helper()
	if err := os.CopyFS(filepath.Join(root, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkIncremental times what brief serve does after a save: a
// build told that one source changed, alternately with and without an
// added sentence, on the example project and on 1,000 generated
// articles.
func BenchmarkIncremental(b *testing.B) {
	for _, bc := range []struct {
		name  string
		setup func(testing.TB, string)
	}{
		{"Example", copyExample},
		{"Generated1000", func(t testing.TB, root string) { generated(t, root, 1000) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			root := b.TempDir()
			bc.setup(b, root)
			names, err := filepath.Glob(filepath.Join(root, "content", "sources", "*.md"))
			if err != nil || len(names) == 0 {
				b.Fatalf("no sources: %v", err)
			}
			file := names[0]
			rel := filepath.ToSlash(strings.TrimPrefix(file, root+string(filepath.Separator)))
			orig, err := os.ReadFile(file)
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			bl := build.NewBuilder(build.Options{Root: root})
			if _, _, err := bl.Build(ctx, nil); err != nil {
				b.Fatal(err)
			}
			i := 0
			for b.Loop() {
				data := orig
				if i%2 == 0 {
					data = append(append([]byte(nil), orig...), "\nAn extra sentence was added.\n"...)
				}
				i++
				if err := os.WriteFile(file, data, 0o644); err != nil {
					b.Fatal(err)
				}
				if _, _, err := bl.Build(ctx, []string{rel}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
