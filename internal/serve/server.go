// Package serve runs brief's development server: it serves the built
// site (from memory, or from its folder on disk: see storedSite),
// watches the project for changes, rebuilds through
// the BuildFunc it is given, and tells open browser tabs to reload, to
// swap a stylesheet, or to show the build error.
//
// serve does not import the build package. cmd/brief passes a BuildFunc
// closure over it, as esbuild's bundler is handed its linker.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// BuildFunc builds the site. changed lists the paths (relative to the
// project root, slash-separated) that changed since the last successful
// call; nil means build everything. A path may name a file that no
// longer exists (it was deleted or renamed away) or an editor's
// temporary file. The returned fs.FS is read completely before the next
// call, so a builder may reuse it, unless it is a storedSite, which is
// read on request and must stay as it is until the site two builds
// later has been returned. An error may be a brief.ErrorList or a
// *brief.Error: their positions are shown in the browser overlay. A
// BuildFunc must return soon after ctx is cancelled; its result is then
// discarded and the changes are passed again to the next call.
type BuildFunc func(ctx context.Context, changed []string) (fs.FS, error)

// Defaults for Options fields left zero.
const (
	DefaultBind         = "127.0.0.1"
	DefaultPort         = 1313
	DefaultDebounce     = 15 * time.Millisecond
	DefaultWriteTimeout = 10 * time.Second
	DefaultHeartbeat    = 15 * time.Second
)

// maxWaitFloor is the least time a burst of events is held back
// before a build starts anyway (see debouncer.maxWait).
const maxWaitFloor = 600 * time.Millisecond

// Options configure a Server. The zero value serves the current folder
// on 127.0.0.1:1313 and watches nothing.
type Options struct {
	// Root is the project folder; the paths below are relative to it.
	Root string
	// Watch lists the folders and files to watch: the content folder,
	// the themes folder, brief.yaml, the default theme's folder. Folders
	// are watched recursively; a missing entry is watched for creation.
	Watch []string
	// Ignore lists folders whose changes are ignored, such as the output
	// folder.
	Ignore []string
	// Bind is the address to listen on (DefaultBind if empty).
	Bind string
	// AllowHosts are further host names that requests may use (a
	// reverse proxy's or a Codespace's name); ".example.org" allows
	// every name under example.org. See host.go for the policy.
	AllowHosts []string
	// Port is the TCP port (DefaultPort if 0, any free port if negative).
	// If the port is taken, a free one is used and the log says so.
	Port int
	// BasePath is the path prefix of the site, from the base URL
	// ("/demo/"); "/" if empty. A full URL is accepted too.
	BasePath string
	// Poll, if positive, checks for changes by walking the watched
	// folders at this interval instead of using file system events.
	Poll time.Duration
	// Debounce is how long the watched files must stay quiet before a
	// rebuild starts (DefaultDebounce if 0).
	Debounce time.Duration
	// WriteTimeout bounds the time to write a normal response
	// (DefaultWriteTimeout if 0). Event streams are exempt.
	WriteTimeout time.Duration
	// Heartbeat is the interval of keep-alive comments on event streams
	// (DefaultHeartbeat if 0).
	Heartbeat time.Duration
	// Log receives one line per rebuild and the server's messages;
	// nil discards them.
	Log io.Writer
}

// Server is a development server. Create it with New and start it with
// Run; a Server runs once.
type Server struct {
	opts  Options
	build BuildFunc
	base  string // normalised BasePath: starts and ends with "/"
	clock clock
	run   string // identifies this run in event IDs, so a tab opened on an earlier run reloads
	// liveTag is the hash of the reload script, in its URL.
	liveTag string

	state atomic.Pointer[state]
	hub   hub
	tags  atomic.Uint64 // ETags handed out

	logMu sync.Mutex
	ready chan struct{}
	url   string
}

// New returns a Server that builds with build.
func New(opts Options, build BuildFunc) *Server {
	if opts.Root == "" {
		opts.Root = "."
	}
	if opts.Bind == "" {
		opts.Bind = DefaultBind
	}
	if opts.Port == 0 {
		opts.Port = DefaultPort
	}
	if opts.Debounce <= 0 {
		opts.Debounce = DefaultDebounce
	}
	if opts.WriteTimeout <= 0 {
		opts.WriteTimeout = DefaultWriteTimeout
	}
	if opts.Heartbeat <= 0 {
		opts.Heartbeat = DefaultHeartbeat
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	s := &Server{
		opts:  opts,
		build: build,
		base:  normalizeBase(opts.BasePath),
		clock: realClock{},
		run:   strconv.FormatInt(time.Now().UnixNano(), 36),
		ready: make(chan struct{}),

		liveTag: liveTag(),
	}
	s.state.Store(&state{site: &site{files: map[string]*file{}}})
	return s
}

// normalizeBase turns "/demo", "demo/", "https://example.org/demo/" into
// "/demo/", and "" into "/".
func normalizeBase(b string) string {
	if strings.Contains(b, "://") {
		if u, err := url.Parse(b); err == nil {
			b = u.Path
		}
	}
	b = strings.Trim(b, "/")
	if b == "" {
		return "/"
	}
	return "/" + b + "/"
}

// Ready is closed once Run has built the site for the first time and is
// listening.
func (s *Server) Ready() <-chan struct{} { return s.ready }

// URL returns the address of the served site, such as
// "http://127.0.0.1:1313/", once Ready is closed, and "" before.
func (s *Server) URL() string {
	select {
	case <-s.ready:
		return s.url
	default:
		return ""
	}
}

// Run builds the site, starts watching and serving, prints the address,
// and then rebuilds on every change until ctx is done. It then shuts the
// server down, ends the event streams and the watcher, and returns nil;
// it returns an error if it cannot watch or listen.
func (s *Server) Run(ctx context.Context) (err error) {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel()

	// Watch first, so that a save during the first build is not lost.
	watch, err := s.newWatch()
	if err != nil {
		return err
	}
	changes := make(chan change, 256)
	batches := make(chan batch)
	wg.Go(func() { watch(ctx, changes) })
	d := &debouncer{clock: s.clock, delay: s.opts.Debounce, maxWait: max(20*s.opts.Debounce, maxWaitFloor), exists: s.exists}
	wg.Go(func() { d.run(ctx, changes, batches) })

	// Build.
	r := s.runBuild(ctx, nil, nil)
	if ctx.Err() != nil {
		return nil
	}
	s.publish(r, nil)

	// Listen.
	ln, err := s.listen()
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		WriteTimeout:      s.opts.WriteTimeout,
		IdleTimeout:       time.Minute,
		// Requests, event streams included, end when ctx is done.
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	var serveErr error
	wg.Go(func() {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			serveErr = err
			cancel()
		}
	})
	s.url = "http://" + displayHost(ln.Addr()) + s.base
	s.logf("Serving at %s (Ctrl-C to stop)", s.url)
	close(s.ready)

	s.loop(ctx, batches)

	// Shut down: ctx is done, so event streams are ending; wait for
	// normal requests a moment.
	sctx, scancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer scancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
	}
	return serveErr
}

// newWatch starts watching with fsnotify, or by polling if Options.Poll
// is set or a system limit on watches is hit, and returns the loop that
// reports changes.
func (s *Server) newWatch() (func(context.Context, chan<- change), error) {
	ig := newIgnorer(s.opts.Ignore)
	if s.opts.Poll > 0 {
		p := newPoller(s.opts.Root, s.opts.Watch, ig, s.clock, s.opts.Poll)
		p.start()
		s.logf("Polling for changes every %v", s.opts.Poll)
		return p.run, nil
	}
	fw := newFSWatcher(s.opts.Root, s.opts.Watch, ig, s.logf)
	if err := fw.start(); err != nil {
		hint := watchLimitHint(err)
		if hint == "" {
			return nil, err
		}
		const every = time.Second
		s.logf("%v\n%s\nPolling for changes every %v instead.", err, hint, every)
		p := newPoller(s.opts.Root, s.opts.Watch, ig, s.clock, every)
		p.start()
		return p.run, nil
	}
	return fw.run, nil
}

// exists reports whether rel (slash-separated, relative to the root)
// exists.
func (s *Server) exists(rel string) bool {
	_, err := os.Lstat(filepath.Join(s.opts.Root, filepath.FromSlash(rel)))
	return err == nil
}

// listen opens the listening socket, falling back to a free port if the
// requested one is taken.
func (s *Server) listen() (net.Listener, error) {
	port := max(s.opts.Port, 0)
	ln, err := net.Listen("tcp", net.JoinHostPort(s.opts.Bind, strconv.Itoa(port)))
	if err != nil && port != 0 && errors.Is(err, syscall.EADDRINUSE) {
		ln, err = net.Listen("tcp", net.JoinHostPort(s.opts.Bind, "0"))
		if err == nil {
			s.logf("Port %d is in use; using port %d instead", port, ln.Addr().(*net.TCPAddr).Port)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("listen: %w", err)
	}
	return ln, nil
}

// displayHost returns host:port for a browser: an unspecified address
// (0.0.0.0, ::) becomes localhost.
func displayHost(a net.Addr) string {
	ta, ok := a.(*net.TCPAddr)
	if !ok {
		return a.String()
	}
	host := ta.IP.String()
	if ta.IP.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, strconv.Itoa(ta.Port))
}

// logf prints one line (or a few, for hints) to the log.
func (s *Server) logf(format string, args ...any) {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.opts.Log, format+"\n", args...)
}
