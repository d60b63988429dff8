package serve

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
	"sync/atomic"
)

// site is an immutable snapshot of a built site. The server swaps whole
// snapshots, so a request sees one build or the next, never a mix, and a
// builder that reuses its buffers for the next build cannot change what
// is being served.
type site struct {
	files map[string]*file // by slash-separated path: "index.html", "assets/style.css"
	// stored is the folder-backed site the files are read from, for
	// those without data (see storedSite); nil if all are in memory.
	stored fs.FS

	// pages holds the HTML files as served, by path (*servedPage), made
	// on first request: their asset references name the assets of this
	// site. Only files held in memory are kept there.
	pages   sync.Map
	cssOnce sync.Once
	css     []byte // see cssVersions
}

// file is one file of a site.
type file struct {
	// data holds the bytes, or is nil for a file of a stored site,
	// read from its folder on each request.
	data []byte
	// sum identifies the bytes of a stored site's file (see storedSite).
	sum   string
	ctype string
	// etag identifies these bytes: a file keeps its etag across builds
	// as long as its bytes do not change.
	etag string
	// html is set for an HTML file, which gets the reload script.
	html bool

	once  sync.Once   // sets what follows, from the bytes
	ready atomic.Bool // set once they are
	// body is the offset of the closing </body> tag in an HTML file,
	// where the reload script goes; -1 if the file is not HTML.
	body int
	hash string     // see contentHash
	refs []assetRef // see assetRefs
}

// fileLister is implemented by sites that can list their files and hand
// out their bytes without copying, such as build.Site. Only immutable
// sites may implement it: the server keeps the bytes after the next
// build has started.
type fileLister interface {
	Paths() []string
	Bytes(name string) ([]byte, bool)
}

// storedSite is implemented by sites kept in a folder on disk, such as
// build.Stored: it lists its files with a sum of the bytes of each
// (equal sums mean equal bytes), and serve reads a file through Open
// when it is asked for, so that memory does not hold the site. The
// folder must not change, and must stay readable until the site two
// builds later has been returned.
type storedSite interface {
	fs.FS
	Paths() []string
	Sum(name string) (string, bool)
}

// snapshot copies every regular file of fsys (or shares its bytes, if it
// is an immutable fileLister, or lists it, if it is a storedSite). Files
// whose bytes did not change since prev are taken over from prev, with
// their etags; changed and new files get an etag from newTag. Symbolic
// links and other special files are skipped: a link in a built folder
// could point anywhere.
func snapshot(fsys fs.FS, prev *site, newTag func() string) (*site, error) {
	s := &site{files: map[string]*file{}}
	add := func(name string, data []byte) {
		if prev != nil {
			if old := prev.files[name]; old != nil && old.sum == "" && sameBytes(old.data, data) {
				s.files[name] = old
				return
			}
		}
		s.files[name] = newFile(name, data, newTag())
	}
	if st, ok := fsys.(storedSite); ok {
		s.stored = st
		for _, name := range st.Paths() {
			sum, ok := st.Sum(name)
			if !ok || !fs.ValidPath(name) {
				continue
			}
			if prev != nil {
				if old := prev.files[name]; old != nil && old.sum == sum {
					s.files[name] = old
					continue
				}
			}
			f := &file{sum: sum, etag: newTag(), body: -1}
			f.ctype = contentType(name)
			if f.ctype == "" {
				// No type by the name: sniff the bytes.
				data, err := fs.ReadFile(st, name)
				if err != nil {
					return nil, fmt.Errorf("read built site: %w", err)
				}
				f.ctype = http.DetectContentType(data)
			}
			f.html = strings.HasPrefix(f.ctype, "text/html")
			s.files[name] = f
		}
		return s, nil
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

// bytes returns the bytes of the file f at name: its data, or what its
// stored site's folder holds. derive has been run on them.
func (st *site) bytes(name string, f *file) ([]byte, error) {
	data := f.data
	if data == nil && f.sum != "" {
		var err error
		if data, err = fs.ReadFile(st.stored, name); err != nil {
			return nil, err
		}
	}
	f.derive(data)
	return data, nil
}

// derive sets what is found in the file's bytes, once: the offset of
// the closing body tag, the asset references and the content hash.
func (f *file) derive(data []byte) {
	f.once.Do(func() {
		f.body = -1
		if f.html {
			f.body = closingBody(data)
			f.refs = findAssetRefs(data)
		}
		h := sha256.Sum256(data)
		f.hash = hex.EncodeToString(h[:4])
		f.ready.Store(true)
	})
}

// derived returns f once derive has run on its bytes (read if need be;
// if they cannot be, f has no body offset, references or hash).
func (st *site) derived(name string, f *file) *file {
	if !f.ready.Load() {
		st.bytes(name, f)
	}
	return f
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
	f := &file{data: data, ctype: contentType(name), etag: etag}
	if f.ctype == "" {
		f.ctype = http.DetectContentType(data)
	}
	f.html = strings.HasPrefix(f.ctype, "text/html")
	f.derive(data)
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
// the system's table; "" if neither knows the name (the caller then
// sniffs the bytes).
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := types[ext]; ok {
		return t
	}
	return mime.TypeByExtension(ext)
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
