package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// importProject makes an empty project and returns its root.
func importProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "brief.yaml"), []byte("title: T\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func writeImportFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func sources(t *testing.T, root string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(root, "content", "sources", "*.md"))
	return m
}

const articleHTML = `<!doctype html><html lang="en"><head><title>Envoy lands in Moscow | Ledger</title>
<meta property="og:site_name" content="Ledger"></head><body><article><h1>Envoy lands in Moscow</h1>
<p>The American envoy landed in Moscow on Thursday for talks on a ceasefire, officials said, after weeks of preparation.</p>
<p>Kremlin officials said contacts were planned but declined to say who would meet the Americans on Friday.</p>
<p>Fighting continued overnight along the front line, the defence ministries of both countries said.</p></article></body></html>`

func TestImportURL(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/article.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(articleHTML))
	})
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/article.html", http.StatusFound)
	})
	mux.HandleFunc("/feed.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{}`))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	root := importProject(t)

	code, stdout, stderr := runBrief(t, "import", "--source", root, srv.URL+"/old")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files := sources(t, root)
	if len(files) != 1 || filepath.Base(files[0]) != "envoy-lands-in-moscow.md" {
		t.Fatalf("sources = %v (stdout %q)", files, stdout)
	}
	data, _ := os.ReadFile(files[0])
	for _, s := range []string{`url: "` + srv.URL + `/article.html"`, `outlet: "Ledger"`, `title: "Envoy lands in Moscow"`, "Kremlin officials"} {
		if !strings.Contains(string(data), s) {
			t.Errorf("source lacks %s:\n%s", s, data)
		}
	}
	// The same URL again: one source, unchanged.
	if code, stdout, _ := runBrief(t, "import", "--source", root, srv.URL+"/article.html"); code != 0 || !strings.Contains(stdout, "unchanged") {
		t.Errorf("re-import: exit %d, %q", code, stdout)
	}
	// Failures name the URL.
	for _, u := range []string{srv.URL + "/missing", srv.URL + "/feed.json"} {
		code, _, stderr := runBrief(t, "import", "--source", root, u)
		if code != 1 || !strings.Contains(stderr, u+": ") {
			t.Errorf("import %s: exit %d, stderr %q", u, code, stderr)
		}
	}
	if n := len(sources(t, root)); n != 1 {
		t.Errorf("%d sources, want 1", n)
	}
}

func TestImportFlagsAnywhereAndChecked(t *testing.T) {
	root := importProject(t)
	a := filepath.Join(root, "a.txt")
	writeImportFile(t, a, "Talks resume\n\nThe delegation met on Thursday.\n")
	tests := []struct {
		name string
		args []string
		code int
		want string // in stderr
	}{
		{"BadDate", []string{"import", a, "--date", "not-a-date"}, 2, `date "not-a-date" is not a date`},
		{"ImpossibleDate", []string{"import", "--date", "2025-13-45", a}, 2, "is not a date"},
		{"JavascriptURL", []string{"import", a, "--url", "javascript:alert(1)"}, 2, "not an http or https address"},
		{"UnknownFlagAfterFiles", []string{"import", a, "--outlte", "AP"}, 2, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runBrief(t, append(tt.args, "--source", root)...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.want)
			}
			if n := len(sources(t, root)); n != 0 {
				t.Errorf("%d sources written before the flags were checked", n)
			}
		})
	}
	// Flags after the file name apply; an RFC 3339 date is kept as its date.
	code, _, stderr := runBrief(t, "import", a, "--outlet", "AP", "--date", "2025-03-13T09:30:00+01:00", "--source", root)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, _ := os.ReadFile(filepath.Join(root, "content", "sources", "talks-resume.md"))
	if !strings.Contains(string(data), `outlet: "AP"`) || !strings.Contains(string(data), `date: "2025-03-13"`) {
		t.Errorf("flags after the file not applied:\n%s", data)
	}
}

func TestImportReimportKeepsEdits(t *testing.T) {
	root := importProject(t)
	a := filepath.Join(root, "talks.txt")
	writeImportFile(t, a, "Talks resume\n\nThe delegation met on Thursday.\n")
	if code, _, stderr := runBrief(t, "import", "--source", root, "--outlet", "Reuters", "--date", "2025-03-13", a); code != 0 {
		t.Fatal(stderr)
	}
	path := filepath.Join(root, "content", "sources", "talks-resume.md")
	data, _ := os.ReadFile(path)
	writeImportFile(t, path, strings.Replace(string(data), `author: ""`, `author: "Jane Doe"`, 1))

	// A plain re-import keeps outlet, date and the hand-set author.
	if code, _, stderr := runBrief(t, "import", "--source", root, a); code != 0 {
		t.Fatal(stderr)
	}
	data, _ = os.ReadFile(path)
	for _, s := range []string{`outlet: "Reuters"`, `date: "2025-03-13"`, `author: "Jane Doe"`} {
		if !strings.Contains(string(data), s) {
			t.Errorf("re-import lost %s:\n%s", s, data)
		}
	}
	// Re-importing with --title updates the same source.
	if code, _, stderr := runBrief(t, "import", "--source", root, "--title", "Talks resume in Geneva", a); code != 0 {
		t.Fatal(stderr)
	}
	if files := sources(t, root); len(files) != 1 {
		t.Errorf("sources = %v, want one", files)
	}
	// A body edited by hand is kept, and the error says what to do.
	data, _ = os.ReadFile(path)
	writeImportFile(t, path, strings.Replace(string(data), "on Thursday", "on Thursday (corrected)", 1))
	writeImportFile(t, a, "Talks resume\n\nThe delegation met on Friday.\n")
	code, _, stderr := runBrief(t, "import", "--source", root, a)
	if code != 1 || !strings.Contains(stderr, "--force") || !strings.Contains(stderr, path) {
		t.Errorf("exit %d, stderr %q; want an error naming %s and --force", code, stderr, path)
	}
	if data, _ := os.ReadFile(path); !strings.Contains(string(data), "(corrected)") {
		t.Error("hand-edited body overwritten")
	}
}

func TestImportSameTitleDifferentArticles(t *testing.T) {
	root := importProject(t)
	a, b := filepath.Join(root, "reuters.txt"), filepath.Join(root, "ap.txt")
	writeImportFile(t, a, "Talks in Moscow\n\nReuters' account of the talks.\n")
	writeImportFile(t, b, "Talks in Moscow\n\nAP's account of the talks.\n")
	code, stdout, stderr := runBrief(t, "import", "--source", root, a, b)
	if code != 0 {
		t.Fatal(stderr)
	}
	if files := sources(t, root); len(files) != 2 {
		t.Fatalf("sources = %v, want two", files)
	}
	if !strings.Contains(stdout, "talks-in-moscow-2.md") || !strings.Contains(stdout, "holds another article") {
		t.Errorf("stdout %q does not say which name was chosen and why", stdout)
	}
}

func TestImportFrom(t *testing.T) {
	root := importProject(t)
	writeImportFile(t, filepath.Join(root, "a.txt"), "Talks resume\n\nThe delegation met on Thursday.\n")
	writeImportFile(t, filepath.Join(root, "b.txt"), "Markets fall\n\nShares fell on Friday.\n")
	list := filepath.Join(root, "coverage.csv")
	writeImportFile(t, list, "# coverage of the talks\nsource,outlet,date,author\na.txt,Reuters,2025-03-13,Jane Doe\n\"b.txt\",AP,,\n")
	if code, _, stderr := runBrief(t, "import", "--source", root, "--from", list); code != 0 {
		t.Fatal(stderr)
	}
	a, _ := os.ReadFile(filepath.Join(root, "content", "sources", "talks-resume.md"))
	b, _ := os.ReadFile(filepath.Join(root, "content", "sources", "markets-fall.md"))
	for _, s := range []string{`outlet: "Reuters"`, `date: "2025-03-13"`, `author: "Jane Doe"`} {
		if !strings.Contains(string(a), s) {
			t.Errorf("a lacks %s:\n%s", s, a)
		}
	}
	if !strings.Contains(string(b), `outlet: "AP"`) {
		t.Errorf("b lacks its outlet:\n%s", b)
	}

	bad := filepath.Join(root, "bad.csv")
	writeImportFile(t, bad, "a.txt,Reuters,2025-13-45\nb.txt,AP,2025-01-01,x,y,ftp://z,extra\n")
	code, _, stderr := runBrief(t, "import", "--source", root, "--from", bad)
	if code == 0 || !strings.Contains(stderr, bad+":1:") || !strings.Contains(stderr, bad+":2:") {
		t.Errorf("exit %d, stderr %q; want errors at bad.csv:1 and :2", code, stderr)
	}
}

// TestImportSourcesOutside checks that brief import refuses a sources
// folder outside the project as brief build does, with the same error
// at brief.yaml's line, and writes nothing anywhere (issue 12 item 10:
// `sources: ../x` made import write ../x/<slug>.md).
func TestImportSourcesOutside(t *testing.T) {
	parent := t.TempDir()
	root := filepath.Join(parent, "project")
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	article := filepath.Join(parent, "talks.txt")
	writeImportFile(t, article, "Talks in Moscow\n\nThe envoy landed in Moscow on Thursday for talks.\n")
	for _, dir := range []string{"../x", "../../x", "content/../../x", filepath.Join(parent, "abs")} {
		t.Run(dir, func(t *testing.T) {
			writeImportFile(t, filepath.Join(root, "brief.yaml"), "title: T\nsources: "+dir+"\n")
			code, _, importErr := runBrief(t, "import", "--source", root, article)
			if code != 1 || !strings.Contains(importErr, `brief.yaml:2:10: key "sources"`) {
				t.Fatalf("import: exit %d, stderr %q; want exit 1 and an error at brief.yaml:2:10", code, importErr)
			}
			code, _, buildErr := runBrief(t, "build", "--quiet", "--source", root)
			if code != 1 || firstLine(buildErr) != firstLine(importErr) {
				t.Fatalf("build: exit %d, stderr %q; want exit 1 and import's error %q", code, buildErr, importErr)
			}
		})
	}
	var written []string
	filepath.WalkDir(filepath.Dir(parent), func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			written = append(written, p)
		}
		return nil
	})
	if len(written) > 0 {
		t.Fatalf("import wrote %v", written)
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// TestImportOtherSchemes checks that an address of another scheme is
// refused as such, not read as a missing file.
func TestImportOtherSchemes(t *testing.T) {
	root := importProject(t)
	for _, u := range []string{"ftp://127.0.0.1/x.html", "file:///etc/hostname", "FTP://example.org/a"} {
		code, _, stderr := runBrief(t, "import", "--source", root, u)
		if code != 1 || !strings.Contains(stderr, u+": only http and https addresses can be imported") {
			t.Errorf("import %s: exit %d, stderr %q", u, code, stderr)
		}
	}
	if files := sources(t, root); len(files) != 0 {
		t.Errorf("sources = %v, want none", files)
	}
}

// TestImportIrregularAndHuge checks that brief import reads only regular
// files of at most maxImportSize bytes: /dev/zero once grew until memory
// ran out, and a FIFO blocked for ever (issue 12, item 9).
func TestImportIrregularAndHuge(t *testing.T) {
	root := importProject(t)
	fifo := filepath.Join(root, "fifo.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	huge := filepath.Join(root, "huge.txt")
	writeImportFile(t, huge, "Huge\n\n"+strings.Repeat("The delegation met on Thursday.\n", maxImportSize/32+1))
	for _, tt := range []struct{ name, file, want string }{
		{"DevZero", "/dev/zero", "not a regular file"},
		{"FIFO", fifo, "not a regular file"},
		{"Folder", root, "not a regular file"},
		{"Huge", huge, "more than the limit"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan struct{})
			var code int
			var stderr string
			go func() { code, _, stderr = runBrief(t, "import", "--source", root, tt.file); close(done) }()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("brief import still reading after 30 s")
			}
			if code == 0 || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want an error with %q", code, stderr, tt.want)
			}
			if n := len(sources(t, root)); n != 0 {
				t.Errorf("%d sources written", n)
			}
		})
	}
}
