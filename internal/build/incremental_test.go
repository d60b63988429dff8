package build_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/build"
)

// seedCorpus writes n generated sources from the seed sentences below under
// root/content/sources.
func seedCorpus(t testing.TB, root string, n int) {
	t.Helper()
	dir := filepath.Join(root, "content", "sources")
	os.MkdirAll(dir, 0o755)
	sentences := []string{
		"US envoy Steve Witkoff arrived in Moscow on Thursday for talks.",
		"The Kremlin said it would study the %d-day ceasefire proposal.",
		"Dmitry Peskov said: \"We need to see the details first.\"",
		"President Trump said he wanted a deal within %d days.",
		"Ukraine's president said the ball was now in Russia's court.",
		"Russian forces advanced near Kursk, the defence ministry said.",
		"Officials in Kyiv reported %d drones overnight.",
		"A call between the two presidents could follow later today.",
	}
	for i := 0; i < n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: Report %d\noutlet: Outlet %d\ndate: 2025-03-%02d\nurl: https://example.com/%d\n---\n", i, i, 10+i%9, i)
		for p := 0; p < 6; p++ {
			for s := 0; s < 4; s++ {
				line := sentences[(i+p*3+s)%len(sentences)]
				if strings.Contains(line, "%d") {
					line = fmt.Sprintf(line, 30+(i+s)%3*10)
				}
				b.WriteString(line + " ")
			}
			b.WriteString("\n\n")
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("s%03d.md", i)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestIncremental checks that a Builder that is told what changed gives
// the same bytes as a full build of the same inputs.
func TestIncremental(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	seedCorpus(t, root, 4)
	b := build.NewBuilder(build.Options{Root: root, BaseURL: "/demo/"})
	if _, _, err := b.Build(ctx, nil); err != nil {
		t.Fatal(err)
	}
	// d keeps its sites on disk (brief serve's), each linking the
	// unchanged files of the last.
	d, sites := build.NewBuilder(build.Options{Root: root, BaseURL: "/demo/"}), t.TempDir()
	if _, _, err := d.BuildTo(ctx, nil, sites); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name  string
		apply func() []string
	}{
		{"EditSource", func() []string {
			p := filepath.Join(root, "content/sources/s001.md")
			data, _ := os.ReadFile(p)
			os.WriteFile(p, []byte(strings.Replace(string(data), "Thursday", "Friday", 1)), 0o644)
			return []string{"content/sources/s001.md"}
		}},
		{"AddSource", func() []string {
			os.WriteFile(filepath.Join(root, "content/sources/zz.md"), []byte("---\ntitle: New\n---\nSteve Witkoff arrived in Moscow on Thursday for talks.\n"), 0o644)
			return []string{"content/sources/zz.md"}
		}},
		{"RemoveSource", func() []string {
			os.Remove(filepath.Join(root, "content/sources/s002.md"))
			return []string{"content/sources/s002.md"}
		}},
		{"AddBriefing", func() []string {
			os.WriteFile(filepath.Join(root, "content/briefing.md"), []byte("Witkoff arrived in Moscow on Thursday. Nobody knows more.\n"), 0o644)
			return []string{"content/briefing.md"}
		}},
		{"ThemeOverride", func() []string {
			os.MkdirAll(filepath.Join(root, "themes/default/assets"), 0o755)
			os.WriteFile(filepath.Join(root, "themes/default/assets/extra.css"), []byte("p{}"), 0o644)
			return []string{"themes/default/assets/extra.css"}
		}},
		{"Nothing", func() []string { return []string{} }},
	}
	for _, st := range steps {
		changed := st.apply()
		inc, _, err := b.Build(ctx, changed)
		if err != nil {
			t.Fatalf("%s: incremental: %v", st.name, err)
		}
		full, _, err := build.Build(ctx, build.Options{Root: root, BaseURL: "/demo/"})
		if err != nil {
			t.Fatalf("%s: full: %v", st.name, err)
		}
		if !equalSites(inc, full) {
			t.Errorf("%s: incremental build differs from full build", st.name)
		}
		stored, _, err := d.BuildTo(ctx, changed, sites)
		if err != nil {
			t.Fatalf("%s: incremental on disk: %v", st.name, err)
		}
		if diff := diffStored(stored, full); diff != "" {
			t.Errorf("%s: incremental build on disk differs from full build: %s", st.name, diff)
		}
	}
}

// diffStored names a difference between a site on disk and one in
// memory, "" if there is none.
func diffStored(s *build.Stored, m *build.Site) string {
	if a, b := strings.Join(s.Paths(), "\n"), strings.Join(m.Paths(), "\n"); a != b {
		return fmt.Sprintf("files %q, want %q", s.Paths(), m.Paths())
	}
	for _, p := range m.Paths() {
		x, err := fs.ReadFile(s, p)
		if err != nil {
			return err.Error()
		}
		if y, _ := m.Bytes(p); !bytes.Equal(x, y) {
			return p + " differs"
		}
		if sum, ok := s.Sum(p); !ok || sum == "" {
			return p + " has no sum"
		}
	}
	return ""
}

func BenchmarkBuild(b *testing.B) {
	root := b.TempDir()
	seedCorpus(b, root, 40)
	ctx := context.Background()
	b.Run("Full", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := build.Build(ctx, build.Options{Root: root}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Incremental", func(b *testing.B) {
		bl := build.NewBuilder(build.Options{Root: root})
		if _, _, err := bl.Build(ctx, nil); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if _, _, err := bl.Build(ctx, []string{"content/sources/s001.md"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestBuildToFailure checks that a failed build on disk leaves the last
// site as it was and its own folder removed, that the build after it
// matches a full build, and that a page an edit does not touch is the
// last site's file, not written again, and that a site given up
// leaves only the files another site has.
func TestBuildToFailure(t *testing.T) {
	ctx := context.Background()
	root, sites := t.TempDir(), t.TempDir()
	seedCorpus(t, root, 4)
	opts := build.Options{Root: root, BaseURL: "/demo/"}
	d := build.NewBuilder(opts)
	first, _, err := d.BuildTo(ctx, nil, sites)
	if err != nil {
		t.Fatal(err)
	}
	want, _, _ := build.Build(ctx, opts)
	steps := []struct {
		name, file, text string
		fails            bool
	}{
		{"BadFrontMatter", "content/sources/s001.md", "---\ntitle: [unclosed\n---\nText.\n", true},
		{"BadTemplate", "themes/default/layouts/source.html", "{{ .Nope }}", true},
		{"Fixed", "themes/default/layouts/source.html", "", false},
	}
	orig, _ := os.ReadFile(filepath.Join(root, "content/sources/s001.md"))
	last := first
	for _, st := range steps {
		p := filepath.Join(root, filepath.FromSlash(st.file))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if st.text == "" {
			os.Remove(p)
			os.WriteFile(filepath.Join(root, "content/sources/s001.md"), orig, 0o644)
		} else {
			os.WriteFile(p, []byte(st.text), 0o644)
		}
		got, _, err := d.BuildTo(ctx, []string{st.file, "content/sources/s001.md"}, sites)
		if st.fails {
			if err == nil {
				t.Fatalf("%s: no error", st.name)
			}
			if diff := diffStored(last, want); diff != "" {
				t.Errorf("%s: the last site changed: %s", st.name, diff)
			}
			if entries, _ := os.ReadDir(sites); len(entries) != 1 {
				t.Errorf("%s: %d folders under the sites' folder, want the last site's alone", st.name, len(entries))
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if diff := diffStored(got, want); diff != "" {
			t.Errorf("%s: differs from a full build: %s", st.name, diff)
		}
		last = got
	}
	// After an edit, the files it does not change are the last site's:
	// a page rendered from the same inputs (404.html) and a file put
	// with the same bytes (the stylesheet).
	before := map[string]os.FileInfo{}
	for _, p := range []string{"404.html", "assets/style.css"} {
		fi, err := os.Stat(build.StoredFile(last, p))
		if err != nil {
			t.Fatal(err)
		}
		before[p] = fi
	}
	os.WriteFile(filepath.Join(root, "content/sources/s003.md"), append(orig, "\nA new sentence was added.\n"...), 0o644)
	next, _, err := d.BuildTo(ctx, []string{"content/sources/s003.md"}, sites)
	if err != nil {
		t.Fatal(err)
	}
	for p, a := range before {
		b, err := os.Stat(build.StoredFile(next, p))
		if err != nil || !os.SameFile(a, b) || !a.ModTime().Equal(b.ModTime()) {
			t.Errorf("%s, unchanged, was written again (%v)", p, err)
		}
	}
	// Once the earlier sites are given up, the folder holds the files
	// of the next alone, each content once.
	for _, s := range []*build.Stored{first, last, last} {
		if err := s.Remove(); err != nil {
			t.Fatal(err)
		}
	}
	want2, _, _ := build.Build(ctx, opts)
	if diff := diffStored(next, want2); diff != "" {
		t.Errorf("after the last site's removal: %s", diff)
	}
	distinct := map[string]bool{}
	for _, p := range next.Paths() {
		distinct[build.StoredFile(next, p)] = true
	}
	entries, err := os.ReadDir(next.Dir())
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(distinct) {
		t.Errorf("%d files on disk, want %d (the next site's distinct files)", len(entries), len(distinct))
	}
}

// TestIncrementalSteps is TestIncrementalGenerated on a generated
// project large enough (1,200 claims) for the IDF total to move in steps, so
// that a rebuild takes the scores and decisions of the pairs an edit
// does not touch from the last (annotate's pairMemo): a sentence added
// to a source and changed, a word changed, a short source added and
// removed, a source removed, sentences enough to move the total a step.
func TestIncrementalSteps(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated project 8 times")
	}
	ctx := context.Background()
	root := t.TempDir()
	generated(t, root, 32)
	opts := build.Options{Root: root}
	d, sites := build.NewBuilder(opts), t.TempDir()
	if _, _, err := d.BuildTo(ctx, nil, sites); err != nil {
		t.Fatal(err)
	}
	src := func(id string) string { return filepath.Join(root, "content", "sources", id+".md") }
	orig, err := os.ReadFile(src("report-00003"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(id, text string) []string {
		if err := os.WriteFile(src(id), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return []string{"content/sources/" + id + ".md"}
	}
	var many strings.Builder
	for k := range 40 {
		fmt.Fprintf(&many, "\nCrews counted %d damaged roofs in the district on day %d.\n", 10+k, k+1)
	}
	steps := []struct {
		name  string
		apply func() []string
	}{
		{"Probe", func() []string {
			return write("report-00003", string(orig)+"\nProbe number 1 was added to the article.\n")
		}},
		{"ProbeAgain", func() []string {
			return write("report-00003", string(orig)+"\nProbe number 2 was added to the article.\n")
		}},
		{"ChangeWord", func() []string {
			data, _ := os.ReadFile(src("report-00011"))
			return write("report-00011", strings.Replace(string(data), " talks ", " negotiations ", 1))
		}},
		{"AddShort", func() []string {
			return write("short", "---\ntitle: Short\n---\nThe talks in Doha began on Wednesday. Officials said the talks would resume.\n")
		}},
		{"RemoveShort", func() []string {
			os.Remove(src("short"))
			return []string{"content/sources/short.md"}
		}},
		{"Remove", func() []string {
			os.Remove(src("report-00020"))
			return []string{"content/sources/report-00020.md"}
		}},
		{"MoveTotal", func() []string { return write("report-00003", string(orig)+many.String()) }},
		{"Revert", func() []string { return write("report-00003", string(orig)) }},
	}
	for _, st := range steps {
		changed := st.apply()
		stored, _, err := d.BuildTo(ctx, changed, sites)
		if err != nil {
			t.Fatalf("%s: incremental on disk: %v", st.name, err)
		}
		full, _, err := build.Build(ctx, opts)
		if err != nil {
			t.Fatalf("%s: full: %v", st.name, err)
		}
		if diff := diffStored(stored, full); diff != "" {
			t.Errorf("%s: incremental build on disk differs from full build: %s", st.name, diff)
		}
	}
}
