package serve

import (
	"context"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"
	"testing/fstest"
)

// mapSite returns an fs.FS with the given files.
func mapSite(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, data := range files {
		m[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
	}
	return m
}

// newTestServer returns a Server whose current site is files, as after
// a successful first build.
func newTestServer(t *testing.T, opts Options, files map[string]string) *Server {
	t.Helper()
	// httptest.NewRequest's requests are for example.com.
	opts.AllowHosts = append(opts.AllowHosts, "example.com")
	s := New(opts, func(context.Context, []string) (fs.FS, error) { return mapSite(files), nil })
	s.publish(s.runBuild(context.Background(), nil, nil), nil)
	if st := s.state.Load(); st.errs != nil {
		t.Fatalf("build: %v", st.errs)
	}
	return s
}

// setSite publishes files as the result of a rebuild.
func setSite(t *testing.T, s *Server, files map[string]string) {
	t.Helper()
	s.build = func(context.Context, []string) (fs.FS, error) { return mapSite(files), nil }
	s.publish(s.runBuild(context.Background(), []string{"x"}, s.state.Load().site), []string{"x"})
}

// get performs a request against the handler.
func get(t *testing.T, h http.Handler, method, target string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

var scriptTag = regexp.MustCompile(`<script src="[./]*_brief/live\.js\?v=[0-9a-f]+" data-brief-version="[^"]*" async></script>\n`)

// stripScript removes the reload script and the asset queries from a
// served page.
func stripScript(body string) string {
	return assetQuery.ReplaceAllString(scriptTag.ReplaceAllString(body, ""), "")
}

// assetQuery is the query serve adds to asset references in pages.
var assetQuery = regexp.MustCompile(`\?v=[0-9a-f]{8}\b`)
