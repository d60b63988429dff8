package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Event names sent on the stream. "builderror" is not "error", which
// EventSource already uses for connection failures.
const (
	evReload = "reload"     // reload the page
	evCSS    = "css"        // only stylesheets changed: swap them
	evError  = "builderror" // the latest build failed: show the overlay
	evOK     = "ok"         // the error is fixed and the page is current: hide the overlay
)

// streamClient is what one event stream has told its tab so far.
type streamClient struct {
	run     string // the server run the tab's page came from
	version uint64 // the site version the tab shows
	shown   *state // the error state whose overlay the tab shows, if any
}

// parseVersion reads "run.version" as sent in event IDs and the v query
// parameter.
func parseVersion(id string) (run string, v uint64) {
	run, n, ok := strings.Cut(id, ".")
	if !ok {
		return "", 0
	}
	v, _ = strconv.ParseUint(n, 10, 64)
	return run, v
}

// next returns the event that brings the tab from c to st, or "" if it
// is up to date, and records it as sent.
func (c *streamClient) next(serverRun string, st *state) (event string, data []byte) {
	if st.errs != nil {
		if c.shown == st {
			return "", nil
		}
		c.shown = st
		data, _ = json.Marshal(st.errs)
		return evError, data
	}
	switch {
	case c.run != serverRun || c.version > st.version:
		// A page from another run of the server.
		c.run, c.version, c.shown = serverRun, st.version, nil
		return evReload, nil
	case c.version < st.version:
		ev := evCSS
		if c.version < st.reloadAt {
			ev = evReload
		}
		c.version, c.shown = st.version, nil
		if ev == evCSS && st.site != nil {
			data = st.site.cssVersions()
		}
		return ev, data
	case c.shown != nil:
		c.shown = nil
		return evOK, nil
	}
	return "", nil
}

// serveEvents streams state changes to one tab as Server-Sent Events.
// The stream is exempt from the server's write timeout, sends a comment
// as a heartbeat so that proxies keep it open, and ends when the tab
// closes it (on pagehide) or the server shuts down.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	// The server's WriteTimeout would silently end the stream.
	if err := rc.SetWriteDeadline(noDeadline); err != nil && !isUnsupported(err) {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no") // nginx: do not buffer the stream

	c := &streamClient{}
	id := r.Header.Get("Last-Event-ID")
	if id == "" {
		id = r.URL.Query().Get("v")
	}
	c.run, c.version = parseVersion(id)

	wake, unsubscribe := s.hub.subscribe()
	defer unsubscribe()
	beat := s.clock.NewTimer(s.opts.Heartbeat)
	defer beat.Stop()

	// Reconnect quickly when the server restarts.
	fmt.Fprint(w, "retry: 500\n\n")
	for {
		st := s.state.Load()
		if ev, data := c.next(s.run, st); ev != "" {
			fmt.Fprintf(w, "id: %s.%d\nevent: %s\n", s.run, c.version, ev)
			if data != nil {
				fmt.Fprintf(w, "data: %s\n\n", data) // JSON has no raw newlines
			} else {
				fmt.Fprint(w, "data: \n\n")
			}
		}
		if err := rc.Flush(); err != nil {
			return
		}
		select {
		case <-r.Context().Done():
			return
		case <-wake:
		case <-beat.C():
			if _, err := fmt.Fprint(w, ": heartbeat\n\n"); err != nil {
				return
			}
			beat.Reset(s.opts.Heartbeat)
		}
	}
}
