package serve

import (
	"net"
	"net/http"
	"net/url"
	"strings"
)

// The host policy: a page on another site whose DNS name an attacker
// rebinds to 127.0.0.1 reaches the preview with its own name in the
// Host header (and its own origin in Origin). serve therefore answers
// only requests whose Host names the loopback addresses, "localhost"
// (and names under ".localhost"), the address given to Bind, or a name
// in Options.AllowHosts; and an event stream or reload script request
// that carries an Origin must come from one of those hosts too. Any
// other request gets 403 with a message saying how to allow the name.

// allowedHost reports whether host (a Host header or URL host, with or
// without a port) may reach this server.
func (s *Server) allowedHost(host string) bool {
	h := host
	if hh, _, err := net.SplitHostPort(host); err == nil {
		h = hh
	}
	h = strings.ToLower(strings.TrimSuffix(strings.Trim(h, "[]"), "."))
	if h == "" {
		return false
	}
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	if ip := net.ParseIP(h); ip != nil {
		if ip.IsLoopback() {
			return true
		}
		if b := net.ParseIP(s.opts.Bind); b != nil && (b.Equal(ip) || b.IsUnspecified() && isLocalIP(ip)) {
			return true
		}
	}
	if strings.EqualFold(h, s.opts.Bind) {
		return true
	}
	for _, a := range s.opts.AllowHosts {
		a = strings.ToLower(strings.TrimSuffix(a, "."))
		if a == h || strings.HasPrefix(a, ".") && strings.HasSuffix(h, a) {
			return true
		}
	}
	return false
}

// isLocalIP reports whether ip is an address of this machine, for a
// server bound to every interface (0.0.0.0), which a browser in a VM or
// on the network reaches by the machine's address.
func isLocalIP(ip net.IP) bool {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return false
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.Equal(ip) {
			return true
		}
	}
	return false
}

// checkHost writes 403 and returns false for a request from a name or
// origin that the host policy does not allow.
func (s *Server) checkHost(w http.ResponseWriter, r *http.Request) bool {
	if !s.allowedHost(r.Host) {
		http.Error(w, "brief serve: host "+r.Host+" is not allowed (a DNS-rebinding guard); "+
			"to reach the preview by this name, start brief serve with --allow-host "+hostOnly(r.Host), http.StatusForbidden)
		return false
	}
	if o := r.Header.Get("Origin"); o != "" && o != "null" {
		u, err := url.Parse(o)
		if err != nil || !s.allowedHost(u.Host) {
			http.Error(w, "brief serve: origin "+o+" is not allowed", http.StatusForbidden)
			return false
		}
	}
	return true
}

func hostOnly(host string) string {
	if h, _, err := net.SplitHostPort(host); err == nil {
		return h
	}
	return host
}
