package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brief-dev/brief/internal/brief"
)

// fakeProject writes a small project: content/page.md holds a front
// matter and one sentence, themes/style.css the stylesheet.
func fakeProject(t testing.TB, sentence string) string {
	t.Helper()
	root := t.TempDir()
	writeFile2(t, filepath.Join(root, "content/page.md"), "---\ntitle: Page\n---\n"+sentence+"\n")
	writeFile2(t, filepath.Join(root, "themes/style.css"), "p { color: rgb(0, 0, 0); }\n")
	return root
}

func writeFile2(t testing.TB, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// fakeBuild renders a fakeProject: a page with the sentence and a
// stylesheet. A page whose front matter is not closed fails with the
// position of the opening line, as the real build does.
func fakeBuild(root string) BuildFunc {
	return func(ctx context.Context, changed []string) (fs.FS, error) {
		page, err := os.ReadFile(filepath.Join(root, "content/page.md"))
		if err != nil {
			return nil, err
		}
		css, err := os.ReadFile(filepath.Join(root, "themes/style.css"))
		if err != nil {
			return nil, err
		}
		text := string(page)
		rest, ok := strings.CutPrefix(text, "---\n")
		if !ok {
			return nil, brief.ErrorList{{Pos: brief.Pos{File: "content/page.md", Line: 1, Col: 1}, Msg: "front matter: missing"}}
		}
		_, body, ok := strings.Cut(rest, "---\n")
		if !ok {
			return nil, brief.ErrorList{{Pos: brief.Pos{File: "content/page.md", Line: 1, Col: 1}, Msg: `front matter: no closing "---" line`, LineText: "---"}}
		}
		return mapSite(map[string]string{
			"index.html": `<!doctype html><html><head><title>t</title><link rel="stylesheet" href="style.css"></head>` +
				`<body><p id="s">` + strings.TrimSpace(body) + `</p><div style="height:3000px"></div></body></html>`,
			"sources/page/index.html": "<!doctype html><body><p>" + strings.TrimSpace(body) + "</p></body>",
			"style.css":               string(css),
			"404.html":                "<!doctype html><body>not found</body>",
		}), nil
	}
}

// syncBuffer is a log that tests can read while the server writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// running is a Server started with Run for a test.
type running struct {
	*Server
	log  *syncBuffer
	stop func() error // cancels Run and returns its error
}

func startServer(t testing.TB, opts Options, build BuildFunc) *running {
	t.Helper()
	log := &syncBuffer{}
	if opts.Log == nil {
		opts.Log = log
	}
	if opts.Port == 0 {
		opts.Port = -1
	}
	s := New(opts, build)
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- s.Run(ctx) }()
	select {
	case <-s.Ready():
	case err := <-errc:
		cancel()
		t.Fatalf("Run: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("server not ready")
	}
	var once sync.Once
	var runErr error
	stop := func() error {
		once.Do(func() {
			cancel()
			select {
			case runErr = <-errc:
			case <-time.After(10 * time.Second):
				runErr = fmt.Errorf("Run did not return")
			}
		})
		return runErr
	}
	t.Cleanup(func() { stop() })
	return &running{Server: s, log: log, stop: stop}
}

// sse is one parsed server-sent event, or a comment.
type sse struct {
	id, event, data, comment string
}

// openStream connects to the event stream with the page's version and
// returns the events as they arrive; the channel closes with the stream.
func openStream(t testing.TB, base, version string) (<-chan sse, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", base+"_brief/events?v="+version, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q", ct)
	}
	out := make(chan sse, 64)
	go func() {
		defer close(out)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var ev sse
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev != (sse{}) {
					out <- ev
				}
				ev = sse{}
			case strings.HasPrefix(line, ":"):
				out <- sse{comment: strings.TrimSpace(line[1:])}
			case strings.HasPrefix(line, "id: "):
				ev.id = line[4:]
			case strings.HasPrefix(line, "event: "):
				ev.event = line[7:]
			case strings.HasPrefix(line, "data: "):
				ev.data = line[6:]
			}
		}
	}()
	return out, cancel
}

// nextEvent returns the next event that is not a comment or a retry.
func nextEvent(t testing.TB, c <-chan sse) sse {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case ev, ok := <-c:
			if !ok {
				t.Fatal("stream closed")
			}
			if ev.event != "" {
				return ev
			}
		case <-timeout:
			t.Fatal("no event")
		}
	}
}

var versionAttr = regexp.MustCompile(`data-brief-version="([^"]*)"`)

// pageVersion fetches a page and returns the version in its script.
func pageVersion(t testing.TB, url string) (version, body string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	m := versionAttr.FindStringSubmatch(string(b))
	if m == nil {
		t.Fatalf("no version in %q", b)
	}
	return m[1], string(b)
}

func TestRunEvents(t *testing.T) {
	root := fakeProject(t, "The talks began.")
	srv := startServer(t, Options{
		Root:         root,
		Watch:        []string{"content", "themes"},
		Debounce:     10 * time.Millisecond,
		WriteTimeout: 200 * time.Millisecond,
		Heartbeat:    50 * time.Millisecond,
	}, fakeBuild(root))
	base := srv.URL()
	v, body := pageVersion(t, base)
	if !strings.Contains(body, "The talks began.") {
		t.Fatalf("page %q", body)
	}
	events, closeStream := openStream(t, base, v)
	defer closeStream()

	// The stream outlives the write timeout several times over, with
	// heartbeats.
	beats := 0
	deadline := time.After(700 * time.Millisecond)
wait:
	for {
		select {
		case ev, ok := <-events:
			if !ok {
				t.Fatal("stream cut by the write timeout")
			}
			if ev.comment == "heartbeat" {
				beats++
			} else if ev.event != "" {
				t.Fatalf("unexpected event %+v", ev)
			}
		case <-deadline:
			break wait
		}
	}
	if beats < 3 {
		t.Errorf("%d heartbeats in 700ms at a 50ms interval", beats)
	}

	// A changed sentence reloads.
	writeFile2(t, filepath.Join(root, "content/page.md"), "---\ntitle: Page\n---\nThe talks ended.\n")
	if ev := nextEvent(t, events); ev.event != evReload {
		t.Fatalf("event %+v, want reload", ev)
	}
	if _, body := pageVersion(t, base); !strings.Contains(body, "The talks ended.") {
		t.Errorf("page after reload event: %q", body)
	}
	// A stylesheet swaps.
	writeFile2(t, filepath.Join(root, "themes/style.css"), "p { color: rgb(200, 0, 0); }\n")
	if ev := nextEvent(t, events); ev.event != evCSS {
		t.Fatalf("event %+v, want css", ev)
	}
	// A broken front matter shows the error, with its position.
	writeFile2(t, filepath.Join(root, "content/page.md"), "---\ntitle: Page\nThe talks ended.\n")
	ev := nextEvent(t, events)
	if ev.event != evError {
		t.Fatalf("event %+v, want builderror", ev)
	}
	var infos []errorInfo
	if err := json.Unmarshal([]byte(ev.data), &infos); err != nil || len(infos) != 1 || infos[0].File != "content/page.md" || infos[0].Line != 1 {
		t.Fatalf("error data %q (%v)", ev.data, err)
	}
	// The last good site is still served, and a tab that connects now
	// sees the error at once.
	v2, body := pageVersion(t, base)
	if !strings.Contains(body, "The talks ended.") {
		t.Errorf("page during the error: %q", body)
	}
	late, closeLate := openStream(t, base, v2)
	defer closeLate()
	if ev := nextEvent(t, late); ev.event != evError {
		t.Fatalf("late stream: %+v, want builderror", ev)
	}
	// Fixing it the way it was clears the overlay without a reload.
	writeFile2(t, filepath.Join(root, "content/page.md"), "---\ntitle: Page\n---\nThe talks ended.\n")
	for _, c := range []<-chan sse{events, late} {
		if ev := nextEvent(t, c); ev.event != evOK {
			t.Fatalf("event %+v, want ok", ev)
		}
	}

	// One line per rebuild in the log.
	log := srv.log.String()
	for _, want := range []string{
		"Serving at " + base,
		"rebuilt in ",
		"content/page.md (2 pages changed)",
		"themes/style.css (1 stylesheet changed)",
		`error: content/page.md:1:1: front matter: no closing "---" line`,
		"content/page.md (no output changed)",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}

	// Shutting down ends the streams and returns.
	if err := srv.stop(); err != nil {
		t.Fatalf("Run: %v", err)
	}
	for range events {
	}
}

func TestRunShutdownLeavesNoGoroutine(t *testing.T) {
	before := runtime.NumGoroutine()
	root := fakeProject(t, "One.")
	srv := startServer(t, Options{Root: root, Watch: []string{"content", "themes"}}, fakeBuild(root))
	v, _ := pageVersion(t, srv.URL())
	events, closeStream := openStream(t, srv.URL(), v)
	defer closeStream()
	start := time.Now()
	if err := srv.stop(); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("shutdown took %v with an open event stream", d)
	}
	for range events {
	}
	http.DefaultClient.CloseIdleConnections()
	deadline := time.Now().Add(3 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines after shutdown, %d before:\n%s", n, before, buf[:runtime.Stack(buf, true)])
	}
}

func TestRunPortTaken(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	taken := ln.Addr().(*net.TCPAddr).Port
	root := fakeProject(t, "One.")
	srv := startServer(t, Options{Root: root, Port: taken, BasePath: "/demo/"}, fakeBuild(root))
	if strings.Contains(srv.URL(), fmt.Sprintf(":%d/", taken)) {
		t.Errorf("URL %s uses the taken port", srv.URL())
	}
	if !strings.HasSuffix(srv.URL(), "/demo/") || !strings.HasPrefix(srv.URL(), "http://127.0.0.1:") {
		t.Errorf("URL %s", srv.URL())
	}
	if want := fmt.Sprintf("Port %d is in use; using port ", taken); !strings.Contains(srv.log.String(), want) {
		t.Errorf("log %q lacks %q", srv.log.String(), want)
	}
}

func TestRunPoll(t *testing.T) {
	root := fakeProject(t, "One.")
	srv := startServer(t, Options{Root: root, Watch: []string{"content", "themes"}, Poll: 20 * time.Millisecond, Debounce: 5 * time.Millisecond}, fakeBuild(root))
	v, _ := pageVersion(t, srv.URL())
	events, closeStream := openStream(t, srv.URL(), v)
	defer closeStream()
	writeFile2(t, filepath.Join(root, "content/page.md"), "---\ntitle: Page\n---\nTwo, longer.\n")
	if ev := nextEvent(t, events); ev.event != evReload {
		t.Fatalf("event %+v, want reload", ev)
	}
	if !strings.Contains(srv.log.String(), "Polling for changes every 20ms") {
		t.Errorf("log: %s", srv.log.String())
	}
}
