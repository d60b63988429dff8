package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brief-dev/brief/internal/browsertest"
	"github.com/brief-dev/brief/internal/build"
)

// serveProject returns a copy of the example project. While the
// repository's example has no sources yet, the annotate seeds stand in
// for them, with front matter.
func serveProject(t testing.TB) string {
	t.Helper()
	dir := copyExample(t)
	srcDir := filepath.Join(dir, "content", "sources")
	if m, _ := filepath.Glob(filepath.Join(srcDir, "*.md")); len(m) > 0 {
		return dir
	}
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "internal", "annotate", "testdata", "seeds", "*.md"))
	if len(seeds) == 0 {
		t.Skip("no example sources")
	}
	for i, s := range seeds {
		body, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		fm := fmt.Sprintf("---\ntitle: Seed report %d\noutlet: Outlet %d\ndate: 2025-03-13\n---\n", i, i)
		writeTB(t, filepath.Join(srcDir, fmt.Sprintf("seed-%d.md", i)), fm+string(body))
	}
	return dir
}

func writeTB(t testing.TB, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// firstSource returns the path (relative to dir) and text of the first
// source article.
func firstSource(t testing.TB, dir string) (rel, text string) {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, "content", "sources", "*.md"))
	sort.Strings(m)
	if len(m) == 0 {
		t.Fatal("no sources")
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	r, _ := filepath.Rel(dir, m[0])
	return filepath.ToSlash(r), string(b)
}

// appendSentence returns a source with a sentence added at the end of
// its body.
func appendSentence(src, sentence string) string {
	return strings.TrimRight(src, "\n") + "\n\n" + sentence + "\n"
}

func TestServeUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--port", "70000"},
		{"serve", "--poll", "-1s"},
		{"serve", "extra"},
		{"serve", "--source", filepath.Join(t.TempDir(), "missing")},
	} {
		if code, _, stderr := runBrief(t, args...); code != 2 {
			t.Errorf("%q: exit %d, want 2 (stderr %q)", args, code, stderr)
		}
	}
}

// TestServeIncrementalMatchesFull edits, adds, renames and deletes files
// and checks after each step that the incremental build serve runs
// gives the same bytes as a full build of the same files.
func TestServeIncrementalMatchesFull(t *testing.T) {
	dir := serveProject(t)
	ctx := context.Background()
	sites := t.TempDir()
	sb := &siteBuilder{root: dir, dir: sites, warn: io.Discard, out: io.Discard}
	if _, err := sb.build(ctx, nil); err != nil {
		t.Fatalf("first build: %v", err)
	}
	src, text := firstSource(t, dir)
	path := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	steps := []struct {
		name    string
		do      func()
		changed []string
	}{
		{"EditSentence", func() {
			writeTB(t, path(src), strings.Replace(text, "Moscow", "Minsk", 1))
		}, []string{src}},
		{"AppendSentence", func() {
			writeTB(t, path(src), appendSentence(text, "The envoy said the talks would resume on Friday."))
		}, []string{src}},
		{"AddSource", func() {
			writeTB(t, path("content/sources/added.md"), "---\ntitle: Added\noutlet: Wire\ndate: 2025-03-14\n---\nSteve Witkoff arrived in Moscow on Friday for talks. Russia will study the 30-day ceasefire proposal.\n")
		}, []string{"content/sources/added.md"}},
		{"RenameSource", func() {
			if err := os.Rename(path("content/sources/added.md"), path("content/sources/renamed.md")); err != nil {
				t.Fatal(err)
			}
		}, []string{"content/sources/added.md", "content/sources/renamed.md"}},
		{"DeleteSource", func() {
			if err := os.Remove(path(src)); err != nil {
				t.Fatal(err)
			}
		}, []string{src}},
		{"RecreateSource", func() {
			writeTB(t, path(src), text)
		}, []string{src}},
		{"Briefing", func() {
			writeTB(t, path("content/briefing.md"), "---\ntitle: My briefing\n---\nWitkoff arrived in Moscow on Thursday.\n")
		}, []string{"content/briefing.md"}},
		{"ThemeCSS", func() {
			writeTB(t, path("themes/default/assets/style.css"), "body { color: #123; }\n")
		}, []string{"themes/default/assets/style.css"}},
		{"Config", func() {
			writeTB(t, path("brief.yaml"), "title: \"Renamed briefing\"\nlanguage: en\n")
		}, []string{"brief.yaml"}},
		{"EditorJunk", func() {
			writeTB(t, path("content/sources/.renamed.md.tmp"), "partial")
			os.Remove(path("content/sources/.renamed.md.tmp"))
		}, []string{"content/sources/.renamed.md.tmp"}},
	}
	for _, step := range steps {
		step.do()
		got, err := sb.build(ctx, step.changed)
		if err != nil {
			t.Fatalf("%s: incremental build: %v", step.name, err)
		}
		cfg, err := loadConfig(dir)
		if err != nil {
			t.Fatal(err)
		}
		want, _, err := build.NewBuilder(cfg.buildOptions(dir, "")).Build(ctx, nil)
		if err != nil {
			t.Fatalf("%s: full build: %v", step.name, err)
		}
		gs, ws := got.(*build.Stored), want
		if !slices.Equal(gs.Paths(), ws.Paths()) {
			t.Errorf("%s: incremental build has files %q,\nfull build %q", step.name, gs.Paths(), ws.Paths())
			continue
		}
		for _, p := range ws.Paths() {
			a, err := fs.ReadFile(gs, p)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := ws.Bytes(p)
			if string(a) != string(b) {
				t.Errorf("%s: %s differs between the incremental and the full build", step.name, p)
			}
		}
		// The folders of the last two sites are kept, no others.
		sb.removing.Wait()
		if entries, err := os.ReadDir(sites); err != nil || len(entries) > 2 {
			t.Errorf("%s: %d folders under the sites' folder (%v), want at most 2", step.name, len(entries), err)
		}
	}
}

// startServe runs `brief serve` on a free port and returns the site's
// URL and a function that stops it and returns its output.
// serveStartTimeout bounds startServe's wait for the first build.
// Generous: the first build of TestServeLatency's 1,000 articles took
// over 30 s on a busy 2-core machine; TestServeLatency raises it for
// larger projects.
var serveStartTimeout = 2 * time.Minute

func startServe(t testing.TB, args ...string) (url string, stop func() string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var mu sync.Mutex
	var out strings.Builder
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			line := sc.Text()
			mu.Lock()
			out.WriteString(line + "\n")
			mu.Unlock()
			if u, ok := strings.CutPrefix(line, "Serving at "); ok {
				urls <- strings.Fields(u)[0]
			}
		}
	}()
	e := &env{stdout: pw, stderr: pw}
	done := make(chan int, 1)
	go func() { done <- exitCode(e, runServe(ctx, e, append([]string{"--port", "0"}, args...))) }()
	var once sync.Once
	var code int
	stop = func() string {
		once.Do(func() {
			cancel()
			code = <-done
			pw.Close()
		})
		mu.Lock()
		defer mu.Unlock()
		if code != 0 {
			t.Errorf("brief serve: exit %d:\n%s", code, out.String())
		}
		return out.String()
	}
	t.Cleanup(func() { stop() })
	select {
	case url = <-urls:
	case c := <-done:
		t.Fatalf("brief serve exited with %d", c)
	case <-time.After(serveStartTimeout):
		t.Fatal("brief serve did not start")
	}
	return url, stop
}

func httpGet(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestServeDoesNotServeOutputFolder(t *testing.T) {
	dir := serveProject(t)
	// A symbolic link in the project's output folder, and a stale file
	// there: serve builds in memory and serves neither.
	writeTB(t, filepath.Join(dir, "public", "stale.html"), "<p>stale</p>")
	writeTB(t, filepath.Join(dir, "public", build.MarkerFile), "") // an earlier build's output
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "public", "passwd")); err != nil {
		t.Skip(err)
	}
	url, stop := startServe(t, "--source", dir)
	for _, p := range []string{"passwd", "stale.html", "../../etc/passwd", "%2e%2e/%2e%2e/etc/passwd"} {
		if code, body := httpGet(t, url+p); code != 404 || strings.Contains(body, "root:") {
			t.Errorf("GET %s: status %d", p, code)
		}
	}
	code, body := httpGet(t, url)
	if code != 200 || !strings.Contains(body, "_brief/live.js") {
		t.Errorf("GET /: status %d, no reload script", code)
	}
	// The built site on disk never has the script.
	if code, _, stderr := runBrief(t, "build", "--source", dir, "--quiet"); code != 0 {
		t.Fatal(stderr)
	}
	for name, data := range readTree(t, filepath.Join(dir, "public")) {
		if strings.Contains(data, "_brief/") {
			t.Errorf("brief build wrote the reload script into %s", name)
		}
	}
	out := stop()
	if !strings.Contains(out, "built in ") {
		t.Errorf("output %q", out)
	}
}

// TestServeBrowser is the acceptance test of brief serve with the real
// build: edits on disk show up in the open tab without any action.
func TestServeBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	dir := serveProject(t)
	src, text := firstSource(t, dir)
	id := strings.TrimSuffix(filepath.Base(src), ".md")
	url, stop := startServe(t, "--source", dir)
	page := url + "sources/" + id + "/"
	if code, _ := httpGet(t, page); code != 200 {
		t.Fatalf("GET %s: %d", page, code)
	}
	browsertest.Navigate(t, ctx, page)
	has := func(s string) string { return `document.body.textContent.includes(` + jsQuote(s) + `)` }
	file := filepath.Join(dir, filepath.FromSlash(src))

	// Written in place.
	const first = "The delegation left Moscow on Saturday evening."
	writeTB(t, file, appendSentence(text, first))
	browsertest.Wait(t, ctx, "sentence written in place", has(first), 20*time.Second)

	// Written to a temporary file and renamed over the source.
	const second = "The delegation returned to Washington on Sunday."
	tmp := filepath.Join(filepath.Dir(file), ".~"+filepath.Base(file)+".tmp")
	writeTB(t, tmp, appendSentence(text, second))
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}
	browsertest.Wait(t, ctx, "sentence renamed over", has(second)+" && !"+has(first), 20*time.Second)

	// The theme's stylesheet restyles the page.
	browsertest.MustEval[any](t, ctx, `window.marker = 1`)
	writeTB(t, filepath.Join(dir, "themes", "default", "assets", "style.css"), "body { background-color: rgb(1, 2, 3); }\n")
	browsertest.Wait(t, ctx, "restyled page", `getComputedStyle(document.body).backgroundColor === "rgb(1, 2, 3)"`, 20*time.Second)

	// A broken front matter shows the overlay, naming file and line.
	broken := strings.Replace(text, "---\n", "---\noutlte: typo\n", 1)
	writeTB(t, file, broken)
	overlay := `document.querySelector('#brief-error-overlay[role="alert"]')`
	where := src + ":2"
	browsertest.Wait(t, ctx, "error overlay naming "+where, overlay+" && "+overlay+".textContent.includes("+jsQuote(where)+")", 20*time.Second)

	// Fixing it removes the overlay.
	writeTB(t, file, appendSentence(text, second))
	browsertest.Wait(t, ctx, "overlay gone", "!"+overlay+" && "+has(second), 20*time.Second)

	out := stop()
	for _, want := range []string{"rebuilt in ", "error: " + where} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func jsQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

// TestServeProjectRenamedAwayAndBack renames the project folder away and
// back while brief serve runs, then edits brief.yaml and moves content/
// away and back: each change must reach the served site. Before the fix
// the watch on the project folder was lost, so the title never changed
// and the site stayed empty after content/ came back (issue 12, item 7).
func TestServeProjectRenamedAwayAndBack(t *testing.T) {
	if testing.Short() {
		t.Skip("runs brief serve")
	}
	dir := serveProject(t)
	url, _ := startServe(t, "--source", dir)
	// waitFor polls the index page until ok holds, generously for a
	// loaded machine.
	waitFor := func(what string, ok func(code int, body string) bool) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for {
			code, body := httpGet(t, url)
			if ok(code, body) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: not seen after 30 s (status %d)", what, code)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	const outlet = "Source A"
	waitFor("first build", func(code int, body string) bool { return code == 200 && strings.Contains(body, outlet) })

	away := dir + ".away"
	if err := os.Rename(dir, away); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)
	if err := os.Rename(away, dir); err != nil {
		t.Fatal(err)
	}
	writeTB(t, filepath.Join(dir, "brief.yaml"), "title: \"Renamed briefing\"\nlanguage: en\n")
	waitFor("brief.yaml edited", func(code int, body string) bool { return strings.Contains(body, "Renamed briefing") })

	content := filepath.Join(dir, "content")
	if err := os.Rename(content, content+".away"); err != nil {
		t.Fatal(err)
	}
	waitFor("content/ moved away", func(code int, body string) bool { return !strings.Contains(body, outlet) })
	if err := os.Rename(content+".away", content); err != nil {
		t.Fatal(err)
	}
	waitFor("content/ moved back", func(code int, body string) bool { return code == 200 && strings.Contains(body, outlet) })
}
