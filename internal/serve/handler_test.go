package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

var testSite = map[string]string{
	"index.html":           "<!doctype html><html><head><link rel=stylesheet href=assets/style.css></head><body><h1>Briefing</h1></body></html>",
	"sources/a/index.html": "<!doctype html><BODY><p>Source A</p></BODY>",
	"404.html":             "<!doctype html><body><p>No such page</p></body>",
	"assets/style.css":     "body{color:black}",
	"assets/app.js":        "console.log(1)",
	"assets/logo.svg":      "<svg xmlns='http://www.w3.org/2000/svg'/>",
	"claims.json":          `{"claims":[]}`,
	"feed.xml":             "<rss/>",
	"fragment.html":        "<p>no body tag</p>",
	".nojekyll":            "",
}

func TestServeFiles(t *testing.T) {
	s := newTestServer(t, Options{}, testSite)
	tests := []struct {
		target   string
		status   int
		ctype    string
		body     string // the page without the reload script
		script   string // the script's src, if one must be injected
		location string
	}{
		{"/", 200, "text/html; charset=utf-8", testSite["index.html"], "_brief/live.js", ""},
		{"/index.html", 200, "text/html; charset=utf-8", testSite["index.html"], "_brief/live.js", ""},
		{"/sources/a/", 200, "text/html; charset=utf-8", testSite["sources/a/index.html"], "../../_brief/live.js", ""},
		{"/sources/a/index.html", 200, "text/html; charset=utf-8", testSite["sources/a/index.html"], "../../_brief/live.js", ""},
		{"/sources/a", 301, "", "", "", "/sources/a/"},
		{"/sources/a?x=1", 301, "", "", "", "/sources/a/?x=1"},
		{"/assets/style.css", 200, "text/css; charset=utf-8", testSite["assets/style.css"], "", ""},
		{"/assets/app.js", 200, "text/javascript; charset=utf-8", testSite["assets/app.js"], "", ""},
		{"/assets/logo.svg", 200, "image/svg+xml", testSite["assets/logo.svg"], "", ""},
		{"/claims.json", 200, "application/json", testSite["claims.json"], "", ""},
		{"/feed.xml", 200, "application/xml", testSite["feed.xml"], "", ""},
		{"/fragment.html", 200, "text/html; charset=utf-8", testSite["fragment.html"], "_brief/live.js", ""},
		{"/nope", 404, "text/html; charset=utf-8", testSite["404.html"], "_brief/live.js", ""},
		{"/sources/b/", 404, "text/html; charset=utf-8", testSite["404.html"], "../../_brief/live.js", ""},
		{"/_brief/live.js", 200, "text/javascript; charset=utf-8", string(liveJS), "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			w := get(t, s, "GET", tt.target)
			if w.Code != tt.status {
				t.Fatalf("status=%d, want %d", w.Code, tt.status)
			}
			if tt.location != "" {
				if got := w.Header().Get("Location"); got != tt.location {
					t.Errorf("Location=%q, want %q", got, tt.location)
				}
				return
			}
			if got := w.Header().Get("Content-Type"); got != tt.ctype {
				t.Errorf("Content-Type=%q, want %q", got, tt.ctype)
			}
			body := w.Body.String()
			if got := stripScript(body); got != tt.body {
				t.Errorf("body=%q, want %q", got, tt.body)
			}
			if tt.script == "" {
				if strings.Contains(body, "_brief/") && tt.target != "/_brief/live.js" {
					t.Errorf("script injected into %s", tt.target)
				}
				return
			}
			want := `<script src="` + tt.script + `?v=`
			i := strings.Index(body, want)
			if i < 0 {
				t.Fatalf("body %q lacks %s", body, want)
			}
			if j := strings.LastIndex(strings.ToLower(body), "</body>"); j >= 0 && i > j {
				t.Errorf("script after </body>: %q", body)
			}
			if got := w.Header().Get("Content-Length"); got != fmt.Sprint(len(body)) {
				t.Errorf("Content-Length=%s, want %d", got, len(body))
			}
		})
	}
}

func TestServeMethodsAndCaching(t *testing.T) {
	s := newTestServer(t, Options{}, testSite)
	if w := get(t, s, "POST", "/"); w.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: status=%d, want 405", w.Code)
	}
	w := get(t, s, "HEAD", "/assets/style.css")
	if w.Code != 200 || w.Body.Len() != 0 || w.Header().Get("Content-Length") != "17" {
		t.Errorf("HEAD: status=%d body=%q length=%q", w.Code, w.Body, w.Header().Get("Content-Length"))
	}
	// The reload script is cached for good under the URL pages use.
	src := regexp.MustCompile(`src="(_brief/live\.js\?v=[0-9a-f]+)"`).FindStringSubmatch(get(t, s, "GET", "/").Body.String())
	if src == nil {
		t.Fatal("no script in /")
	}
	if w := get(t, s, "GET", "/"+src[1]); w.Code != 200 || !strings.Contains(w.Header().Get("Cache-Control"), "immutable") {
		t.Errorf("GET /%s: status %d, Cache-Control %q", src[1], w.Code, w.Header().Get("Cache-Control"))
	}
	if w := get(t, s, "GET", "/_brief/live.js?v=old"); w.Header().Get("Cache-Control") != "no-cache" {
		t.Errorf("script under an old URL: Cache-Control %q", w.Header().Get("Cache-Control"))
	}
	etag := get(t, s, "GET", "/assets/style.css").Header().Get("ETag")
	if w := get(t, s, "GET", "/assets/style.css", "If-None-Match", etag); w.Code != http.StatusNotModified {
		t.Errorf("If-None-Match: status=%d, want 304", w.Code)
	}
	// A rebuild that changes another file keeps the stylesheet's ETag;
	// one that changes the stylesheet does not.
	next := copyMap(testSite)
	next["sources/a/index.html"] = "<body>changed</body>"
	setSite(t, s, next)
	if got := get(t, s, "GET", "/assets/style.css").Header().Get("ETag"); got != etag {
		t.Errorf("ETag of an unchanged file changed: %s -> %s", etag, got)
	}
	next["assets/style.css"] = "body{color:red}"
	setSite(t, s, next)
	if got := get(t, s, "GET", "/assets/style.css").Header().Get("ETag"); got == etag {
		t.Errorf("ETag of a changed file did not change: %s", got)
	}
}

func copyMap(m map[string]string) map[string]string {
	c := make(map[string]string, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

func TestServeBasePath(t *testing.T) {
	s := newTestServer(t, Options{BasePath: "https://example.org/demo"}, testSite)
	if w := get(t, s, "GET", "/demo"); w.Code != 301 || w.Header().Get("Location") != "/demo/" {
		t.Errorf("/demo: status=%d Location=%q, want 301 to /demo/", w.Code, w.Header().Get("Location"))
	}
	if w := get(t, s, "GET", "/"); w.Code != 404 {
		t.Errorf("/: status=%d, want 404 outside the base path", w.Code)
	}
	w := get(t, s, "GET", "/demo/sources/a/")
	if w.Code != 200 || !strings.Contains(w.Body.String(), `src="../../_brief/live.js?v=`) {
		t.Errorf("/demo/sources/a/: status=%d body=%q", w.Code, w.Body)
	}
	if w := get(t, s, "GET", "/demo/_brief/live.js"); w.Code != 200 {
		t.Errorf("/demo/_brief/live.js: status=%d", w.Code)
	}
}

func TestServeBeforeFirstBuild(t *testing.T) {
	s := New(Options{AllowHosts: []string{"example.com"}}, nil)
	w := get(t, s, "GET", "/sources/a/")
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), `src="../../_brief/live.js?v=`) {
		t.Errorf("status=%d body=%q, want 503 with the reload script", w.Code, w.Body)
	}
}

// rawGet sends target verbatim (no client-side cleaning) and returns the
// status code and body.
func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, addr)
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// serveTCP serves h on a loopback port for the test.
func serveTCP(t *testing.T, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

func TestPathTraversal(t *testing.T) {
	// A built folder with symbolic links pointing out of it, as a
	// BuildFunc returning os.DirFS of an output folder could have.
	outside := t.TempDir()
	writeFile(t, filepath.Join(outside, "secret.txt"), "root:x:0:0:SECRET")
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "index.html"), "<body>home</body>")
	writeFile(t, filepath.Join(dir, "404.html"), "<body>not found</body>")
	writeFile(t, filepath.Join(dir, "sources/a/index.html"), "<body>a</body>")
	for link, target := range map[string]string{
		"leak.txt":       filepath.Join(outside, "secret.txt"),
		"sources/out":    outside,
		"sources/passwd": "/etc/passwd",
	} {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(link))); err != nil {
			t.Skipf("symlinks: %v", err)
		}
	}
	s := New(Options{AllowHosts: []string{"example.com"}}, func(context.Context, []string) (fs.FS, error) { return os.DirFS(dir), nil })
	s.publish(s.runBuild(context.Background(), nil, nil), nil)
	addr := serveTCP(t, s)

	for _, target := range []string{
		"/../../etc/passwd",
		"/%2e%2e/%2e%2e/etc/passwd",
		"/%2E%2E/%2E%2E/etc/passwd",
		"/..%2f..%2fetc%2fpasswd",
		"/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
		"/sources/../../../etc/passwd",
		"/sources/..%5c..%5cetc%5cpasswd",
		"/..\\..\\etc\\passwd",
		"//etc/passwd",
		"/./index.html",
		"/leak.txt",
		"/sources/out/secret.txt",
		"/sources/passwd",
		"/_brief/../leak.txt",
		"/%00",
	} {
		code, body := rawGet(t, addr, target)
		if code != 404 && code != 400 {
			t.Errorf("GET %s: status %d, want 404", target, code)
		}
		if strings.Contains(body, "root:") || strings.Contains(body, "SECRET") {
			t.Errorf("GET %s leaked: %q", target, body)
		}
	}
	if code, body := rawGet(t, addr, "/"); code != 200 || !strings.Contains(body, "home") {
		t.Errorf("GET /: %d %q", code, body)
	}
}

// TestConcurrentRequestsDuringRebuild checks that requests made while
// the site is being replaced each get one whole version of a page.
func TestConcurrentRequestsDuringRebuild(t *testing.T) {
	page := func(fill string) string {
		return "<!doctype html><body>" + strings.Repeat(fill, 256<<10) + "</body>"
	}
	a, b := page("a"), page("b")
	s := newTestServer(t, Options{}, map[string]string{"index.html": a})
	addr := serveTCP(t, s)

	stop := make(chan struct{})
	rebuilt := make(chan int)
	go func() {
		n := 0
		defer func() { rebuilt <- n }()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			next := a
			if i%2 == 0 {
				next = b
			}
			setSite(t, s, map[string]string{"index.html": next})
			n++
		}
	}()

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 200}, Timeout: 30 * time.Second}
	defer client.CloseIdleConnections()
	var wg sync.WaitGroup
	errs := make(chan error, 200)
	seen := make(chan string, 200)
	for range 200 {
		wg.Go(func() {
			resp, err := client.Get("http://" + addr + "/")
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			if err != nil {
				errs <- err
				return
			}
			if resp.StatusCode != 200 || fmt.Sprint(len(body)) != resp.Header.Get("Content-Length") {
				errs <- fmt.Errorf("status %d, %d bytes, Content-Length %s", resp.StatusCode, len(body), resp.Header.Get("Content-Length"))
				return
			}
			switch got := stripScript(string(body)); got {
			case a:
				seen <- "a"
			case b:
				seen <- "b"
			default:
				errs <- fmt.Errorf("a mixed or partial page of %d bytes", len(got))
			}
		})
	}
	wg.Wait()
	close(stop)
	n := <-rebuilt
	close(errs)
	close(seen)
	for err := range errs {
		t.Error(err)
	}
	count := map[string]int{}
	for v := range seen {
		count[v]++
	}
	t.Logf("%d rebuilds during the requests; pages served: %v", n, count)
}

func TestClosingBody(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"<body>x</body></html>", 7},
		{"<BODY>x</BODY>", 7},
		{"<body><script>'</body>'</script>x</body>", 33},
		{"<p>x</p>", 8},
		{"", 0},
		{"</bo", 4},
	}
	for _, tt := range tests {
		if got := closingBody([]byte(tt.in)); got != tt.want {
			t.Errorf("closingBody(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
