package serve

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"strconv"
	"strings"
)

// liveJS is the script that listens for reload, stylesheet and error
// events and shows the error overlay. It is served only by serve: the
// output of brief build never refers to it.
//
//go:embed assets/live.js
var liveJS []byte

// liveTag identifies the contents of liveJS, so that browsers may cache
// it for good under a URL that names it.
func liveTag() string {
	h := sha256.Sum256(liveJS)
	return hex.EncodeToString(h[:6])
}

// reloadScript returns the script tag for a page served at rel (the
// request path relative to the base path). The URL is relative to the
// page, so it still resolves when a proxy maps the site under another
// prefix; the script finds the event stream next to itself. The script
// is async: it neither blocks parsing nor waits for the page's
// stylesheets, so it adds nothing to the time a reload takes.
func (s *Server) reloadScript(rel string, version uint64) string {
	up := strings.Repeat("../", strings.Count(rel, "/"))
	return `<script src="` + up + internalPrefix + `live.js?v=` + s.liveTag + `" data-brief-version="` +
		s.run + "." + strconv.FormatUint(version, 10) + `" async></script>`
}

// inject returns a copy of page with script inserted at offset at (the
// closing body tag).
func inject(page []byte, at int, script string) []byte {
	out := make([]byte, 0, len(page)+len(script)+1)
	out = append(out, page[:at]...)
	out = append(out, script...)
	out = append(out, '\n')
	return append(out, page[at:]...)
}
