package serve

import (
	"bytes"
	"cmp"
	"encoding/json"
	"path"
	"slices"
	"strings"
)

// A page reloaded after a save should not wait for its stylesheets and
// scripts: with "no-cache" the browser asks for each of them again, and
// the page cannot be shown until the answers are in. So serve names each
// site-local asset in the HTML it serves by its contents (style.css
// becomes style.css?v=1a2b3c4d) and lets the browser keep a file for good
// under the URL that names its current contents. A changed asset gets a
// new URL, so nothing stale is ever shown. The built files are not
// touched: brief build output never carries these queries.

// immutable is the Cache-Control of a file requested under the URL that
// names its current contents.
const immutable = "public, max-age=31536000, immutable"

// contentHash returns a short hash of the file's bytes, once derived
// (see site.derived; a file in memory is derived when made).
func (f *file) contentHash() string { return f.hash }

// assetRef is the value of an href or src attribute in an HTML file that
// may name an asset: a path with an extension other than .html, without
// a scheme, query, fragment or character reference.
type assetRef struct {
	end int    // offset just after the value, where the query goes
	url string // the value
}

// findAssetRefs finds href and src attribute values that may name an
// asset. It is a scan, not a parse: a match in text would need a
// literal `href="` there, which the templates and goldmark escape; and a
// value is only changed if it names a file of the site.
func findAssetRefs(data []byte) []assetRef {
	var refs []assetRef
	for _, attr := range [...]string{"href=", "src="} {
		for i := 0; ; {
			j := bytes.Index(data[i:], []byte(attr))
			if j < 0 {
				break
			}
			j += i
			i = j + len(attr)
			if j == 0 || !isSpace(data[j-1]) || i >= len(data) {
				continue
			}
			var v string
			var end int
			if q := data[i]; q == '"' || q == '\'' {
				k := bytes.IndexByte(data[i+1:], q)
				if k < 0 {
					break
				}
				v, end = string(data[i+1:i+1+k]), i+1+k
				i = end + 1
			} else {
				// Unquoted: up to a space or the end of the tag.
				k := bytes.IndexFunc(data[i:], func(r rune) bool { return r == '>' || r < 0x80 && isSpace(byte(r)) })
				if k < 0 {
					break
				}
				v, end = string(data[i:i+k]), i+k
				i = end
			}
			if v == "" || strings.ContainsAny(v, "?#&:\\<> \t\n") || strings.HasPrefix(v, "//") {
				continue
			}
			switch ext := strings.ToLower(path.Ext(v)); ext {
			case "", ".html", ".htm":
				continue
			}
			refs = append(refs, assetRef{end: end, url: v})
		}
	}
	// In document order, for splicing.
	slices.SortFunc(refs, func(a, b assetRef) int { return cmp.Compare(a.end, b.end) })
	return refs
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// page is an HTML file as served: its asset references name their
// contents.
type page struct {
	data []byte
	body int // offset of the closing body tag
}

// versioned returns the HTML file f, served as name (relative to the
// base path), whose bytes are data, with a content query on every
// reference to an asset of the site. For a file held in memory the
// result is kept with the site, since it depends on the site's assets;
// a stored site's pages are made on each request, so that memory does
// not come to hold the site.
func (s *Server) versioned(st *site, name string, f *file, data []byte) page {
	refs := f.refs
	if len(refs) == 0 {
		return page{data, f.body}
	}
	keep := f.data != nil
	if keep {
		if p, ok := st.pages.Load(name); ok {
			if p := p.(*servedPage); p.f == f {
				return p.page
			}
		}
	}
	dir := path.Dir(name)
	out := make([]byte, 0, len(data)+len(refs)*12)
	body := f.body
	last := 0
	for _, r := range refs {
		target := s.resolve(dir, r.url)
		a := st.files[target]
		if a == nil || a.html {
			continue
		}
		out = append(out, data[last:r.end]...)
		q := "?v=" + st.derived(target, a).contentHash()
		out = append(out, q...)
		last = r.end
		if r.end <= f.body {
			body += len(q)
		}
	}
	out = append(out, data[last:]...)
	p := page{out, body}
	if keep {
		st.pages.Store(name, &servedPage{f: f, page: p})
	}
	return p
}

// servedPage is a versioned page kept with its site, with the file it
// was made from.
type servedPage struct {
	f    *file
	page page
}

// resolve returns the site path that url names from a page in dir, or
// "" if it names nothing inside the site.
func (s *Server) resolve(dir, url string) string {
	var p string
	if strings.HasPrefix(url, "/") {
		if !strings.HasPrefix(url, s.base) {
			return ""
		}
		p = path.Clean(url[len(s.base):])
	} else {
		p = path.Join(dir, url)
	}
	if p == ".." || strings.HasPrefix(p, "../") || p == "." {
		return ""
	}
	return p
}

// cssVersions returns, as JSON, the content hash of every stylesheet of
// the site by path, for the css event: the tab swaps its stylesheets to
// the URLs that name their new contents.
func (st *site) cssVersions() []byte {
	st.cssOnce.Do(func() {
		m := map[string]string{}
		for name, f := range st.files {
			if path.Ext(name) == ".css" {
				m[name] = st.derived(name, f).contentHash()
			}
		}
		st.css, _ = json.Marshal(m) // sorts the keys
	})
	return st.css
}
