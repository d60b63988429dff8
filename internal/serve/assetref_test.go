package serve

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

func TestFindAssetRefs(t *testing.T) {
	tests := []struct {
		html string
		want []string
	}{
		{`<link rel="stylesheet" href="assets/style.css">`, []string{"assets/style.css"}},
		{`<link href='a.css'><script src="../b.js" async></script>`, []string{"a.css", "../b.js"}},
		{`<link href=a.css><img src=/logo.png alt="">`, []string{"a.css", "/logo.png"}},
		{`<a href="sources/x/">x</a><a href="page.html">p</a><a href="#f">f</a>`, nil},
		{`<link href="https://cdn.example/a.css"><link href="//cdn/a.css"><link href="a.css?x=1">`, nil},
		{`<p>data-href="a.css" x.src="b.js"</p>`, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range findAssetRefs([]byte(tt.html)) {
			got = append(got, r.url)
			if !strings.HasSuffix(tt.html[:r.end], r.url) {
				t.Errorf("%s: ref %q ends at %d", tt.html, r.url, r.end)
			}
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%s: refs %q, want %q", tt.html, got, tt.want)
		}
	}
}

func TestServeVersionedAssets(t *testing.T) {
	files := copyMap(testSite)
	files["sources/a/index.html"] = `<!doctype html><link rel="stylesheet" href="../../assets/style.css">` +
		`<link rel="stylesheet" href="https://cdn.example/x.css"><link rel="stylesheet" href="missing.css">` +
		`<body><img src="/assets/logo.svg"><a href="../../claims.json">claims</a></body>`
	s := newTestServer(t, Options{}, files)
	hash := func(name string) string { return s.state.Load().site.files[name].contentHash() }

	body := get(t, s, "GET", "/sources/a/").Body.String()
	for _, want := range []string{
		`href="../../assets/style.css?v=` + hash("assets/style.css") + `"`,
		`src="/assets/logo.svg?v=` + hash("assets/logo.svg") + `"`,
		`href="../../claims.json?v=` + hash("claims.json") + `"`,
		`href="https://cdn.example/x.css"`,
		`href="missing.css"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s: %s", want, body)
		}
	}
	if got := stripScript(body); got != files["sources/a/index.html"] {
		t.Errorf("page %q, want %q with queries", got, files["sources/a/index.html"])
	}
	// The reload script still goes before </body>.
	if i, j := strings.Index(body, "_brief/live.js"), strings.Index(body, "</body>"); i < 0 || i > j {
		t.Errorf("script misplaced: %s", body)
	}
	// The 404 page is served under any path: its references stay.
	if body := get(t, s, "GET", "/nope").Body.String(); strings.Contains(stripScript(body), "?v=") != strings.Contains(files["404.html"], "?v=") {
		t.Errorf("404 page rewritten: %s", body)
	}

	// Under its current hash an asset is kept for good, otherwise
	// revalidated.
	cur := "/assets/style.css?v=" + hash("assets/style.css")
	if got := get(t, s, "GET", cur).Header().Get("Cache-Control"); got != immutable {
		t.Errorf("GET %s: Cache-Control %q", cur, got)
	}
	for _, target := range []string{"/assets/style.css", "/assets/style.css?v=00000000"} {
		if got := get(t, s, "GET", target).Header().Get("Cache-Control"); got != "no-cache" {
			t.Errorf("GET %s: Cache-Control %q", target, got)
		}
	}

	// A changed stylesheet gets a new URL in the pages and in the css
	// event; the old URL is revalidated.
	old := hash("assets/style.css")
	files["assets/style.css"] = "body{color:red}"
	setSite(t, s, files)
	if hash("assets/style.css") == old {
		t.Fatal("hash did not change")
	}
	if body := get(t, s, "GET", "/").Body.String(); !strings.Contains(body, "assets/style.css?v="+hash("assets/style.css")) {
		t.Errorf("index does not name the new stylesheet: %s", body)
	}
	if got := get(t, s, "GET", "/assets/style.css?v="+old).Header().Get("Cache-Control"); got != "no-cache" {
		t.Errorf("old URL: Cache-Control %q", got)
	}
	c := &streamClient{run: s.run, version: s.state.Load().version - 1}
	ev, data := c.next(s.run, s.state.Load())
	if want := `{"assets/style.css":"` + hash("assets/style.css") + `"}`; ev != evCSS || string(data) != want {
		t.Errorf("event %s %s, want css %s", ev, data, want)
	}
	if w := get(t, s, "GET", "/"); w.Code != http.StatusOK || !regexp.MustCompile(`style\.css\?v=[0-9a-f]{8}>`).MatchString(w.Body.String()) {
		t.Errorf("unquoted reference not versioned: %s", w.Body)
	}
}
