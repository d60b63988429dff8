package serve

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// internalPrefix is the folder, under the base path, that serve keeps for
// itself: the event stream and the reload script. Built sites never
// contain it.
const internalPrefix = "_brief/"

// noDeadline clears a connection's write deadline.
var noDeadline time.Time

// isUnsupported reports whether a ResponseController method is not
// available on this ResponseWriter (as in httptest.ResponseRecorder).
func isUnsupported(err error) bool { return errors.Is(err, http.ErrNotSupported) }

// ServeHTTP serves the current site under the base path, the reload
// script and the event stream. It never serves a path with a ".."
// element, however encoded, nor anything but the files of a completed
// build.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.checkHost(w, r) {
		return
	}
	p := r.URL.Path // already percent-decoded: %2e%2e is ".."
	if !strings.HasPrefix(p, s.base) {
		if p+"/" == s.base {
			http.Redirect(w, r, s.base, http.StatusMovedPermanently)
			return
		}
		s.notFound(w, r, nil)
		return
	}
	rel := p[len(s.base):]
	if !safePath(rel) {
		s.notFound(w, r, nil)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch rel {
	case internalPrefix + "events":
		s.serveEvents(w, r)
		return
	case internalPrefix + "live.js":
		s.serveLiveJS(w, r)
		return
	}

	st := s.state.Load()
	name := rel
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	f := st.site.files[name]
	if f == nil && !strings.HasSuffix(rel, "/") && st.site.files[rel+"/index.html"] != nil {
		// A folder without its slash: relative links in its index.html
		// need the slash.
		target := p + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	if f == nil {
		s.notFound(w, r, st)
		return
	}
	s.serveFile(w, r, st, rel, name, f, http.StatusOK)
}

// serveLiveJS serves the reload script. Under the URL that names its
// hash it never changes, so the browser keeps it for good and a reload
// does not wait for it.
func (s *Server) serveLiveJS(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/javascript; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	if r.URL.Query().Get("v") == s.liveTag {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	}
	etag := `"` + s.liveTag + `"`
	h.Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(liveJS)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(liveJS)
	}
}

// safePath reports whether rel, a decoded URL path relative to the base
// path, names something inside the site: no ".." element, no backslash
// (a separator on Windows), no NUL, no empty element.
func safePath(rel string) bool {
	if strings.ContainsAny(rel, "\\\x00") || strings.HasPrefix(rel, "/") || strings.Contains(rel, "//") {
		return false
	}
	for _, el := range strings.Split(rel, "/") {
		if el == ".." || el == "." {
			return false
		}
	}
	return true
}

// serveFile writes f, with the reload script in HTML pages. rel is the
// request path relative to the base path; it sets how many "../" lead
// back to the base path from the page. name is the site path of f.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, st *state, rel, name string, f *file, status int) {
	data, err := st.site.bytes(name, f)
	if err != nil {
		// A stored site's folder went away under it, which only a
		// request outliving two builds sees.
		http.Error(w, "the site changed while this page was read: reload", http.StatusServiceUnavailable)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	// Revalidate every time: the point of serve is to see changes. But
	// under the URL that names its contents (see assetref.go), a file
	// never changes.
	h.Set("Cache-Control", "no-cache")
	if !f.html && r.URL.RawQuery != "" {
		if v := r.URL.Query().Get("v"); v != "" && v == f.contentHash() {
			h.Set("Cache-Control", immutable)
		}
	}
	h.Set("X-Content-Type-Options", "nosniff")
	body := data
	if f.html {
		pg := page{data, f.body}
		if status == http.StatusOK {
			// A 404 page is served under any path, so its relative
			// references are left alone.
			pg = s.versioned(st.site, name, f, data)
		}
		body = inject(pg.data, pg.body, s.reloadScript(rel, st.version))
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if status == http.StatusOK {
		// The script in an HTML page names the site version, so the
		// page's ETag does too.
		etag := f.etag
		if f.html {
			etag = strings.TrimSuffix(etag, `"`) + "-" + strconv.FormatUint(st.version, 36) + `"`
		}
		h.Set("ETag", etag)
		if match := r.Header.Get("If-None-Match"); match != "" && match == etag {
			h.Del("Content-Length")
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// notFound writes the site's 404.html with status 404, or a plain page
// if the site has none. st is nil when the path is unsafe: the reply then
// does not depend on the site at all.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, st *state) {
	if st != nil {
		if f := st.site.files["404.html"]; f != nil {
			rel := strings.TrimPrefix(r.URL.Path, s.base)
			if !safePath(rel) {
				rel = ""
			}
			s.serveFile(w, r, st, rel, "404.html", f, http.StatusNotFound)
			return
		}
		if len(st.site.files) == 0 {
			// Nothing built yet (the first build failed): show a page
			// that carries the overlay and reloads once the site builds.
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			w.WriteHeader(http.StatusServiceUnavailable)
			page := []byte("<!doctype html><title>brief</title><body><p>The site has not been built yet.</p></body>")
			rel := strings.TrimPrefix(r.URL.Path, s.base)
			if !strings.HasPrefix(r.URL.Path, s.base) || !safePath(rel) {
				rel = ""
			}
			w.Write(inject(page, closingBody(page), s.reloadScript(rel, st.version)))
			return
		}
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}
