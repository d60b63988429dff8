package ingest_test

import (
	"compress/gzip"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/brief-dev/brief/internal/brief"
	"github.com/brief-dev/brief/internal/ingest"
)

const fetchPage = `<html><head><title>Talks resume</title></head><body><article><p>The delegation met on Thursday, officials said, and talks will resume next week.</p></article></body></html>`

func TestFetch(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	mux := http.NewServeMux()
	var gotUA string
	mux.HandleFunc("/article.html", func(w http.ResponseWriter, r *http.Request) {
		gotUA = r.UserAgent()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(fetchPage))
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/article.html", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.com/x", http.StatusFound)
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>filler</p>", 100))
		for range 1000 { // 1.3 MB, no Content-Length
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>Start"))
		w.(http.Flusher).Flush()
		select { // never finishes: the client must give up
		case <-r.Context().Done():
		case <-release:
		}
	})
	mux.HandleFunc("/image.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG"))
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			http.Error(w, "want gzip", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write([]byte(fetchPage))
		zw.Close()
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		w.Write([]byte("<html><body><p>Caf\xe9 talks</p></body></html>"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	client := ingest.NewHTTPClient()
	client.Timeout = 500 * time.Millisecond // the slow body; nothing else comes near it

	t.Run("OK", func(t *testing.T) {
		p, err := ingest.Fetch(context.Background(), client, srv.URL+"/article.html", 0)
		if err != nil {
			t.Fatal(err)
		}
		if string(p.Data) != fetchPage || p.ContentType != "text/html" {
			t.Errorf("page = %q, %q", p.ContentType, p.Data)
		}
		if !strings.Contains(gotUA, "brief") {
			t.Errorf("User-Agent %q does not name brief", gotUA)
		}
	})
	t.Run("Redirect", func(t *testing.T) {
		p, err := ingest.Fetch(context.Background(), client, srv.URL+"/moved", 0)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := p.URL.String(), srv.URL+"/article.html"; got != want {
			t.Errorf("final URL = %s, want %s", got, want)
		}
	})
	t.Run("Gzip", func(t *testing.T) {
		p, err := ingest.Fetch(context.Background(), client, srv.URL+"/gzip", 0)
		if err != nil {
			t.Fatal(err)
		}
		if string(p.Data) != fetchPage {
			t.Errorf("data = %q", p.Data)
		}
	})
	t.Run("Charset", func(t *testing.T) {
		p, err := ingest.Fetch(context.Background(), client, srv.URL+"/latin1", 0)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(p.Data), "Café talks") {
			t.Errorf("data = %q", p.Data)
		}
	})
	errTests := []struct {
		name, path string
		max        int64
		want       string
	}{
		{"NotFound", "/missing", 0, "404 Not Found"},
		{"TooManyRedirects", "/loop", 0, "redirects"},
		{"RedirectToFTP", "/to-ftp", 0, "ftp"},
		{"Huge", "/huge", 1 << 20, "larger than the limit"},
		{"Slow", "/slow", 0, "timed out"},
		{"WrongContentType", "/image.png", 0, "content type image/png"},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			u := srv.URL + tt.path
			_, err := ingest.Fetch(context.Background(), client, u, tt.max)
			var e *brief.Error
			if !errors.As(err, &e) || e.Pos.File != u {
				t.Fatalf("error %v does not name %s", err, u)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q lacks %q", err, tt.want)
			}
		})
	}
	t.Run("NotHTTP", func(t *testing.T) {
		for _, u := range []string{"file:///etc/passwd", "javascript:alert(1)", "ftp://x/y"} {
			if _, err := ingest.Fetch(context.Background(), client, u, 0); err == nil || !strings.Contains(err.Error(), "http or https") {
				t.Errorf("Fetch(%s) = %v", u, err)
			}
		}
	})
}
