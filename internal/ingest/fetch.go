package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/brief-dev/brief/internal/brief"
	"golang.org/x/net/html/charset"
)

// Limits of Fetch, chosen for news pages: the largest real article pages
// are a few megabytes with their inline scripts.
const (
	DefaultMaxBytes     = 10 << 20
	DefaultMaxRedirects = 5
	DefaultTimeout      = 30 * time.Second
)

// UserAgent names brief in every request Fetch makes.
const UserAgent = "brief-import/1 (+https://github.com/brief-dev/brief; article importer)"

// NewHTTPClient returns the client brief import fetches pages with:
// bounded connection, header and whole-request times, at most
// DefaultMaxRedirects redirects, each to http or https only. Responses
// compressed with gzip are decompressed by the transport.
func NewHTTPClient() *http.Client {
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 10 * time.Second}).DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 15 * time.Second,
		MaxIdleConnsPerHost:   2,
	}
	return &http.Client{Transport: tr, Timeout: DefaultTimeout, CheckRedirect: CheckRedirect}
}

// CheckRedirect allows at most DefaultMaxRedirects redirects, each to an
// http or https address (an http.Client's CheckRedirect).
func CheckRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > DefaultMaxRedirects {
		return fmt.Errorf("more than %d redirects", DefaultMaxRedirects)
	}
	if s := req.URL.Scheme; s != "http" && s != "https" {
		return fmt.Errorf("redirect to a %s: address", s)
	}
	return nil
}

// Page is a fetched page, as UTF-8.
type Page struct {
	URL         *url.URL // after redirects
	ContentType string   // media type without parameters
	Data        []byte
}

// IsURL reports whether arg names a web address for brief import rather
// than a file: it starts with http:// or https://.
func IsURL(arg string) bool {
	l := strings.ToLower(arg)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// acceptedTypes are the media types brief import reads from the web.
var acceptedTypes = map[string]bool{
	"text/html": true, "application/xhtml+xml": true, "text/plain": true,
	"text/markdown": true, "text/x-markdown": true,
}

// Fetch gets one article page with client: http and https only, a body
// of at most maxBytes (after decompression; 0 means DefaultMaxBytes),
// an HTML, XHTML, Markdown or plain-text content type, converted to
// UTF-8 from the charset the response or the page declares. Every error
// is a *brief.Error positioned at the address, saying what went wrong.
func Fetch(ctx context.Context, client *http.Client, raw string, maxBytes int64) (*Page, error) {
	fail := func(format string, args ...any) error {
		return brief.Errorf(brief.Pos{File: raw}, format, args...)
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, fail("not an http or https address")
	}
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fail("%v", err)
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,text/markdown;q=0.8,text/plain;q=0.7")
	resp, err := client.Do(req)
	if err != nil {
		return nil, fail("fetch: %v", describeFetchError(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fail("fetch: the server answered %s", resp.Status)
	}
	mt, params, err := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if err != nil && resp.Header.Get("Content-Type") != "" {
		return nil, fail("fetch: unreadable content type %q", resp.Header.Get("Content-Type"))
	}
	if mt == "" {
		mt = "text/html"
	}
	if !acceptedTypes[mt] {
		return nil, fail("fetch: content type %s is not a web page or text (want HTML, Markdown or plain text)", mt)
	}
	if resp.ContentLength > maxBytes {
		return nil, fail("fetch: the page is %d bytes, more than the limit of %d", resp.ContentLength, maxBytes)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBytes+1))
	if err != nil {
		return nil, fail("fetch: read the page: %v", describeFetchError(err))
	}
	if int64(len(data)) > maxBytes {
		return nil, fail("fetch: the page is larger than the limit of %d bytes", maxBytes)
	}
	// Valid UTF-8 is taken as UTF-8 whatever the header says: servers
	// often declare a default charset for every page.
	if cs := params["charset"]; cs != "" && !utf8.Valid(data) {
		if enc, name := charset.Lookup(cs); enc != nil && name != "utf-8" {
			if out, err := enc.NewDecoder().Bytes(data); err == nil {
				data = out
			}
		}
	}
	return &Page{URL: resp.Request.URL, ContentType: mt, Data: data}, nil
}

// describeFetchError shortens the errors of net/http to what the user
// can act on; the address is already in the position.
func describeFetchError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() || errors.Is(err, context.DeadlineExceeded) {
		return errors.New("timed out")
	}
	return err
}
