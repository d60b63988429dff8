package serve

import (
	"bytes"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
)

// site is an immutable snapshot of a built site. The server swaps whole
// snapshots, so a request sees one build or the next, never a mix, and a
// builder that reuses its buffers for the next build cannot change what
// is being served.
type site struct {
	files map[string]*file // by slash-separated path: "index.html", "assets/style.css"

	// pages holds the HTML files as served, by path (*servedPage), made
	// on first request: their asset references name the assets of this
	// site.
	pages   sync.Map
	cssOnce sync.Once
	css     []byte // see cssVersions
}

// file is one file of a site.
type file struct {
	data  []byte
	ctype string
	// etag identifies these bytes: a file keeps its etag across builds
	// as long as its bytes do not change.
	etag string
	// body is the offset of the closing </body> tag in an HTML file,
	// where the reload script goes; -1 if the file is not HTML.
	body int

	hashOnce sync.Once
	hash     string // see contentHash
	refsOnce sync.Once
	refs     []assetRef // see assetRefs
}

// fileLister is implemented by sites that can list their files and hand
// out their bytes without copying, such as build.Site. Only immutable
// sites may implement it: the server keeps the bytes after the next
// build has started.
type fileLister interface {
	Paths() []string
	Bytes(name string) ([]byte, bool)
}

// snapshot copies every regular file of fsys (or shares its bytes, if it
// is an immutable fileLister). Files whose bytes did not change since
// prev are taken over from prev, with their etags; changed and new files
// get an etag from newTag. Symbolic links and other special files are
// skipped: a link in a built folder could point anywhere.
func snapshot(fsys fs.FS, prev *site, newTag func() string) (*site, error) {
	s := &site{files: map[string]*file{}}
	add := func(name string, data []byte) {
		if prev != nil {
			if old := prev.files[name]; old != nil && sameBytes(old.data, data) {
				s.files[name] = old
				return
			}
		}
		s.files[name] = newFile(name, data, newTag())
	}
	if l, ok := fsys.(fileLister); ok {
		for _, name := range l.Paths() {
			if data, ok := l.Bytes(name); ok && fs.ValidPath(name) {
				add(name, data)
			}
		}
		return s, nil
	}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		add(p, data)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read built site: %w", err)
	}
	return s, nil
}

// sameBytes is bytes.Equal with a shortcut for a builder that hands out
// the same slice for a page it did not render again.
func sameBytes(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	if len(a) == 0 || &a[0] == &b[0] {
		return true
	}
	return bytes.Equal(a, b)
}

func newFile(name string, data []byte, etag string) *file {
	f := &file{data: data, ctype: contentType(name, data), etag: etag, body: -1}
	if strings.HasPrefix(f.ctype, "text/html") {
		f.body = closingBody(data)
	}
	return f
}

// closingBody returns the offset of the last </body> tag (any case) in
// data, or len(data) if there is none, so the script then goes at the
// end, where browsers still run it.
func closingBody(data []byte) int {
	for i := len(data); ; {
		j := bytes.LastIndex(data[:i], []byte("</"))
		if j < 0 {
			return len(data)
		}
		if len(data) >= j+7 && bytes.EqualFold(data[j+2:j+6], []byte("body")) {
			return j
		}
		i = j
	}
}

// types fixes the content types of the files a site is made of, rather
// than depending on the system's mime.types.
var types = map[string]string{
	".html":  "text/html; charset=utf-8",
	".htm":   "text/html; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".mjs":   "text/javascript; charset=utf-8",
	".json":  "application/json",
	".xml":   "application/xml",
	".rss":   "application/rss+xml",
	".atom":  "application/atom+xml",
	".txt":   "text/plain; charset=utf-8",
	".md":    "text/markdown; charset=utf-8",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".jpeg":  "image/jpeg",
	".gif":   "image/gif",
	".webp":  "image/webp",
	".avif":  "image/avif",
	".ico":   "image/x-icon",
	".woff":  "font/woff",
	".woff2": "font/woff2",
	".ttf":   "font/ttf",
	".otf":   "font/otf",
	".pdf":   "application/pdf",
	".wasm":  "application/wasm",
	".map":   "application/json",
}

// contentType returns the Content-Type for a file name, falling back to
// the system's table and then to sniffing the bytes.
func contentType(name string, data []byte) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := types[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return http.DetectContentType(data)
}

// diff compares two sites and returns the paths added, removed or
// changed, sorted, and whether every one of them is a stylesheet that
// existed in both (a change the browser can apply without reloading).
func diff(old, cur *site) (changed []string, cssOnly bool) {
	cssOnly = true
	set := map[string]bool{}
	for p, f := range cur.files {
		o, ok := old.files[p]
		if ok && o == f {
			continue // snapshot shares unchanged files
		}
		set[p] = true
		if !ok || path.Ext(p) != ".css" {
			cssOnly = false
		}
	}
	for p := range old.files {
		if _, ok := cur.files[p]; !ok {
			set[p] = true
			cssOnly = false
		}
	}
	changed = sortedKeys(set)
	return changed, cssOnly && len(changed) > 0
}
