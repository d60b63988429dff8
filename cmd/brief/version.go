package main

import (
	"context"
	"fmt"
	"regexp"
	"runtime/debug"
	"strings"
)

// modulePath is brief's module path: go.mod's module line, the path in
// the README's `go install`, and the one `brief new` writes into the
// project's workflow. TestModulePath keeps the four the same.
const modulePath = "github.com/brief-dev/brief"

// version is set at link time with -ldflags "-X main.version=v1.2.3";
// otherwise it comes from the module's build information.
var version = ""

// runVersion implements `brief version`.
func runVersion(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "version", "version", "brief version")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("version: unexpected argument %q", fs.Arg(0))
	}
	v := readVersion()
	fmt.Fprintf(e.stdout, "brief %s\n", v)
	if v.Version == "" && v.Revision == "" {
		fmt.Fprintf(e.stdout, "(no version or revision recorded: 'go run' and -buildvcs=false leave them out; 'go build' in a git checkout or 'go install %s/cmd/brief@VERSION' records them)\n", modulePath)
	}
	return nil
}

// buildVersion is what the binary knows of the source it was built from.
type buildVersion struct {
	Version  string // module version (a tag or a pseudo-version) or the link-time one; "" for a devel build
	Revision string // VCS commit, when built in a checkout
	Time     string // the commit's time (RFC 3339)
	Modified bool   // the checkout had uncommitted changes
	Go       string // toolchain, e.g. go1.26.8
}

// readVersion returns the running binary's version.
func readVersion() buildVersion {
	info, _ := debug.ReadBuildInfo()
	return versionFrom(version, info)
}

// versionFrom reads a version from the link-time string and the build
// information (nil when the binary has none). Since Go 1.24, `go build`
// in a git checkout records a pseudo-version such as
// v0.0.0-20261122024624-d0eab1914e55 (+dirty when modified), `go install
// module@v1.2.3` records v1.2.3, and `go run` or -buildvcs=false record
// "(devel)" and no revision.
func versionFrom(linked string, info *debug.BuildInfo) buildVersion {
	var v buildVersion
	if info != nil {
		v.Go = info.GoVersion
		if info.Main.Version != "(devel)" {
			v.Version = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				v.Revision = s.Value
			case "vcs.time":
				v.Time = s.Value
			case "vcs.modified":
				v.Modified = s.Value == "true"
			}
		}
	}
	if linked != "" {
		v.Version = linked
	}
	return v
}

// String formats the version for `brief version`:
//
//	v1.2.3 (go1.26.8)
//	v0.0.0-20261122024624-d0eab1914e55 (revision d0eab1914e55, 2026-11-22T02:46:24Z, go1.26.8)
//	(devel) (go1.26.8)
func (v buildVersion) String() string {
	name := v.Version
	if name == "" {
		name = "(devel)"
	}
	var detail []string
	if v.Revision != "" {
		rev := v.Revision
		if len(rev) > 12 {
			rev = rev[:12]
		}
		detail = append(detail, "revision "+rev)
		if v.Time != "" {
			detail = append(detail, v.Time)
		}
		if v.Modified {
			detail = append(detail, "modified")
		}
	}
	if v.Go != "" {
		detail = append(detail, v.Go)
	}
	s := name
	if len(detail) > 0 {
		s += " (" + strings.Join(detail, ", ") + ")"
	}
	return s
}

// installVersion returns the version query that `go install
// modulePath/cmd/brief@query` reinstalls this binary's source with, and a
// note for the reader when it is not exactly that source.
func (v buildVersion) installVersion() (query, note string) {
	switch {
	case v.Version != "" && (v.Modified || strings.HasSuffix(v.Version, "+dirty")):
		return strings.TrimSuffix(v.Version, "+dirty"),
			"The brief that wrote this file was built from a checkout with uncommitted changes; this installs the commit they were made on."
	case v.Version != "":
		return v.Version, ""
	case v.Revision != "" && v.Modified:
		return v.Revision, "The brief that wrote this file was built from a checkout with uncommitted changes; this installs the commit they were made on."
	case v.Revision != "":
		return v.Revision, ""
	}
	return "latest", "The brief that wrote this file recorded no version (built with 'go run' or -buildvcs=false), so this installs the latest release; pin one with @vX.Y.Z."
}

// goRelease matches a released toolchain name such as go1.26.8.
var goRelease = regexp.MustCompile(`^go(1\.\d+(\.\d+)?)$`)

// setupGoVersion returns actions/setup-go's go-version for the toolchain
// this binary was built with, or "stable" for a development toolchain.
func (v buildVersion) setupGoVersion() string {
	if m := goRelease.FindStringSubmatch(v.Go); m != nil {
		return m[1]
	}
	return "stable"
}
