package main

import (
	"bytes"
	"context"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runBrief runs the command in-process and returns its exit code and output.
func runBrief(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), &env{stdout: &out, stderr: &errb}, args)
	return code, out.String(), errb.String()
}

func TestUsage(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{"NoArgs", nil, 2, "", "Usage: brief <command>"},
		{"Help", []string{"-h"}, 0, "Commands:", ""},
		{"Unknown", []string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{"Version", []string{"version"}, 0, "brief ", ""},
		{"BuildHelp", []string{"build", "-h"}, 0, "Example:\n  brief build", ""},
		{"ImportHelp", []string{"import", "-h"}, 0, "Example:\n  brief import", ""},
		{"NewHelp", []string{"new", "-h"}, 0, "Example:", ""},
		{"ServeHelp", []string{"serve", "-h"}, 0, "Example:", ""},
		{"BadFlag", []string{"build", "--nope"}, 2, "", "flag provided but not defined"},
		{"BuildExtraArg", []string{"build", "extra"}, 2, "", `unexpected argument "extra"`},
		{"ImportNoFiles", []string{"import"}, 2, "", "no files given"},
		{"NewNoDir", []string{"new"}, 2, "", "want exactly one DIR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runBrief(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit code=%d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.Contains(stdout, tt.inStdout) {
				t.Errorf("stdout=%q, want it to contain %q", stdout, tt.inStdout)
			}
			if !strings.Contains(stderr, tt.inStderr) {
				t.Errorf("stderr=%q, want it to contain %q", stderr, tt.inStderr)
			}
		})
	}
}

// copyExample copies the repository's example project (brief.yaml and
// content/) into a temporary folder and returns it.
func copyExample(t testing.TB) string {
	t.Helper()
	dst := t.TempDir()
	root := filepath.Join("..", "..")
	b, err := os.ReadFile(filepath.Join(root, "brief.yaml"))
	if err == nil {
		err = os.WriteFile(filepath.Join(dst, "brief.yaml"), b, 0o644)
	}
	if err == nil {
		err = os.CopyFS(filepath.Join(dst, "content"), os.DirFS(filepath.Join(root, "content")))
	}
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// readTree returns every file under dir, by slash path.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestBuildExample(t *testing.T) {
	dir := copyExample(t)
	code, stdout, stderr := runBrief(t, "build", "--source", dir, "--stats")
	if code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"phase", "annotate", "render", "write", "built "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("build --stats output lacks %q:\n%s", want, stdout)
		}
	}
	first := readTree(t, filepath.Join(dir, "public"))
	for _, f := range []string{"index.html", "claims.json", ".nojekyll", "404.html"} {
		if _, ok := first[f]; !ok {
			t.Errorf("public/%s not written", f)
		}
	}

	// A second build gives byte-identical output.
	if code, _, stderr := runBrief(t, "build", "--source", dir, "--quiet"); code != 0 {
		t.Fatalf("second build: exit %d: %s", code, stderr)
	}
	second := readTree(t, filepath.Join(dir, "public"))
	if len(first) != len(second) {
		t.Fatalf("second build wrote %d files, first %d", len(second), len(first))
	}
	for name, b := range first {
		if second[name] != b {
			t.Errorf("%s differs between two builds of the same input", name)
		}
	}
}

// TestBuildBadInput checks that each kind of bad input fails the build
// with exit code 1, an error naming the file and line, and the previous
// public/ untouched.
func TestBuildBadInput(t *testing.T) {
	tests := []struct {
		name    string
		file    string // relative to the project root
		data    string
		wantErr string
	}{
		{"BrokenFrontMatter", "content/sources/broken.md", "---\ntitle: [unclosed\n---\n\nText.\n", "content/sources/broken.md:2"},
		{"UnknownFrontMatterKey", "content/sources/typo.md", "---\ntitle: T\noutlte: X\n---\n\nText.\n", "content/sources/typo.md:3"},
		{"BinaryFile", "content/sources/image.md", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "content/sources/image.md"},
		{"InvalidUTF8", "content/sources/latin1.md", "---\ntitle: T\n---\n\nCaf\xe9 au lait.\n", "content/sources/latin1.md:5"},
		{"EmptyArticle", "content/sources/empty.md", "---\ntitle: T\n---\n\n", "content/sources/empty.md"},
		{"UnknownConfigKey", "brief.yaml", "title: T\nbase_urll: /x/\n", `brief.yaml:2:1: unknown key "base_urll"`},
		{"BrokenTemplate", "themes/default/source.html", "{{define \"main\"}}{{.Nope\n", "themes/default/source.html:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyExample(t)
			if code, _, stderr := runBrief(t, "build", "--source", dir, "--quiet"); code != 0 {
				t.Fatalf("good build: exit %d: %s", code, stderr)
			}
			before := readTree(t, filepath.Join(dir, "public"))

			p := filepath.Join(dir, filepath.FromSlash(tt.file))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(tt.data), 0o644); err != nil {
				t.Fatal(err)
			}
			code, _, stderr := runBrief(t, "build", "--source", dir, "--quiet")
			if code != 1 {
				t.Fatalf("exit code=%d, want 1 (stderr %q)", code, stderr)
			}
			if msg := strings.ReplaceAll(stderr, dir+string(filepath.Separator), ""); !strings.Contains(msg, tt.wantErr) {
				t.Errorf("stderr=%q, want it to name %q", msg, tt.wantErr)
			}
			after := readTree(t, filepath.Join(dir, "public"))
			if len(after) != len(before) {
				t.Fatalf("public/ has %d files after the failed build, %d before", len(after), len(before))
			}
			for name, b := range before {
				if after[name] != b {
					t.Errorf("public/%s changed by a failed build", name)
				}
			}
			// No temporary folder is left beside public/.
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.Contains(e.Name(), "public") && e.Name() != "public" {
					t.Errorf("leftover %s beside public/", e.Name())
				}
			}
		})
	}
}

func TestNewScaffold(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "proj")
	if code, _, stderr := runBrief(t, "new", "--title", "My briefing", "--theme", dir); code != 0 {
		t.Fatalf("new: exit %d: %s", code, stderr)
	}
	for _, f := range []string{"brief.yaml", "content/sources/.gitkeep", "content/annotations.yaml", "themes/default/base.html"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("new did not create %s: %v", f, err)
		}
	}
	cfg, err := loadConfig(dir)
	if err != nil {
		t.Fatalf("scaffolded config does not load: %v", err)
	}
	if cfg.Title != "My briefing" {
		t.Errorf("title=%q", cfg.Title)
	}
	// Scaffolding twice refuses.
	if code, _, _ := runBrief(t, "new", dir); code != 1 {
		t.Errorf("second new: exit %d, want 1", code)
	}
}

// TestExampleBriefing checks the example briefing shows the seeds' known
// disagreements under Contested, with their reasons, and the Lukashenko
// sentence, which no other source reports, under Reported by one source.
func TestExampleBriefing(t *testing.T) {
	dir := copyExample(t)
	if code, _, stderr := runBrief(t, "build", "--source", dir, "--quiet"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "public", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	section := func(id, next string) string {
		i := strings.Index(page, `id="`+id+`"`)
		j := strings.Index(page, `id="`+next+`"`)
		if i < 0 || j < i {
			t.Fatalf("no section %q before %q", id, next)
		}
		return html.UnescapeString(page[i:j])
	}
	contested := section("contested", "single")
	for _, want := range []string{
		"number: “two-year war” vs “three-year-long war”",
		"role: “National Security Secretary” vs “National Security Adviser”",
		// The link between the two sentences shown, rather than the
		// shorter one between other claims of the same two facts.
		"quote: “This is the closest we’ve been to peace since the war began” vs “the closest we have been to peace in this war”",
	} {
		// Either order of the two sides is right.
		alt := want
		if k := strings.Index(want, ": "); k > 0 {
			parts := strings.SplitN(want[k+2:], " vs ", 2)
			alt = want[:k+2] + parts[1] + " vs " + parts[0]
		}
		if !strings.Contains(contested, want) && !strings.Contains(contested, alt) {
			t.Errorf("Contested lacks %s", want)
		}
	}
	if single := section("single", "quotations"); !strings.Contains(single, "Lukashenko also flew into Moscow on Thursday") {
		t.Errorf("Reported by one source lacks the Lukashenko sentence")
	}
}

// TestExampleLabels checks that every source of the example names its
// outlet and date, and that the index and each source page show them.
func TestExampleLabels(t *testing.T) {
	dir := copyExample(t)
	if code, _, stderr := runBrief(t, "build", "--source", dir, "--quiet"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	index, err := os.ReadFile(filepath.Join(dir, "public", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "content", "sources", "*.md"))
	if len(files) == 0 {
		t.Fatal("no example sources")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var outlet, date string
		for _, line := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "outlet: "); ok {
				outlet = strings.Trim(v, `"`)
			}
			if v, ok := strings.CutPrefix(line, "date: "); ok {
				date = strings.Trim(v, `"`)
			}
		}
		name := filepath.Base(f)
		if outlet == "" || date == "" {
			t.Errorf("%s: outlet %q, date %q: the example's sources need both", name, outlet, date)
			continue
		}
		page, err := os.ReadFile(filepath.Join(dir, "public", "sources", strings.TrimSuffix(name, ".md"), "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		label := dateLabel(t, date)
		for what, b := range map[string][]byte{"index": index, "source page": page} {
			if !bytes.Contains(b, []byte(html.EscapeString(outlet))) {
				t.Errorf("%s of %s does not show the outlet %q", what, name, outlet)
			}
			if what == "source page" && !bytes.Contains(b, []byte(label)) {
				t.Errorf("%s of %s does not show the date %q", what, name, label)
			}
		}
	}
	if bytes.Contains(index, []byte("Compiled by brief example")) {
		t.Errorf("the footer reads %q", "Compiled by brief example with brief.")
	}
}

// dateLabel formats a YYYY-MM-DD date as the pages show it.
func dateLabel(t *testing.T, date string) string {
	t.Helper()
	d, err := time.Parse("2006-01-02", date)
	if err != nil {
		t.Fatalf("date %q: %v", date, err)
	}
	return d.Format("2 January 2006")
}
