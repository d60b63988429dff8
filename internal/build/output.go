package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// The output folder policy. brief build replaces its output folder
// whole, so it must never be given a folder that holds anything else:
//
//   - Every output folder brief writes holds the file MarkerFile.
//   - WriteDir replaces only a folder that is missing, empty (git files
//     such as .gitkeep aside), or holds MarkerFile. Anything else, a
//     file or a symbolic link included, is refused with an error that
//     says what to do.
//   - CheckOutDir also refuses the project root, any folder above it,
//     and the content, sources and themes folders and anything inside
//     them.
//   - Builds into one output folder are serialised by a lock on its
//     parent folder (Unix); each removes the temporary folders that
//     earlier, killed builds left next to it.

// MarkerFile is the file brief writes into every output folder, by
// which it recognises a folder it may replace.
const MarkerFile = ".brief-output"

const markerText = "This folder was written by brief build, which replaces it whole on every build.\n" +
	"Do not keep other files here: they will be deleted.\n"

// CheckOutDir reports whether out may serve as the output folder of the
// project opts describes: it must not be the project root, a folder
// above it, or the content, sources or themes folder or inside them,
// and it must be replaceable (see WriteDir). Relative paths are
// relative to the working directory.
func CheckOutDir(opts Options, out string) error {
	o, err := opts.withDefaults()
	if err != nil {
		return err
	}
	abs := func(p string) string {
		p, err := filepath.Abs(p)
		if err != nil {
			return filepath.Clean(p)
		}
		// Resolve links in the longest existing prefix, so that two
		// names of one folder compare equal.
		rest := ""
		for d := p; ; d = filepath.Dir(d) {
			if r, err := filepath.EvalSymlinks(d); err == nil {
				return filepath.Join(r, rest)
			}
			if filepath.Dir(d) == d {
				return p
			}
			rest = filepath.Join(filepath.Base(d), rest)
		}
	}
	dst := abs(out)
	root := abs(o.Root)
	within := func(p, dir string) bool {
		rel, err := filepath.Rel(dir, p)
		return err == nil && (rel == "." || rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)))
	}
	if within(root, dst) {
		return fmt.Errorf("output folder %s is the project folder or contains it: brief build replaces its output folder whole; choose another --out, such as public", out)
	}
	for _, d := range []string{o.ContentDir, o.SourcesDir, "themes"} {
		if within(dst, abs(filepath.Join(o.Root, filepath.FromSlash(d)))) {
			return fmt.Errorf("output folder %s is inside the project's %s folder: brief build replaces its output folder whole; choose another --out, such as public", out, d)
		}
	}
	return checkReplaceable(out)
}

// checkReplaceable reports whether WriteDir may replace out: out is
// missing, a folder with MarkerFile, or a folder holding only git files.
func checkReplaceable(out string) error {
	fi, err := os.Lstat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		return fmt.Errorf("output folder %s is a symbolic link: brief build replaces its output folder whole and does not follow links; give the link's target as --out, or choose another folder", out)
	}
	if !fi.IsDir() {
		return fmt.Errorf("output %s is a file, not a folder: brief build writes a folder there and would delete the file; choose another --out", out)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	var other []string
	for _, e := range entries {
		switch name := e.Name(); {
		case name == MarkerFile:
			return nil
		case strings.HasPrefix(name, ".git"):
		default:
			other = append(other, name)
		}
	}
	if len(other) == 0 {
		return nil
	}
	return fmt.Errorf("output folder %s is not empty and was not written by brief build (it has %s but no %s file): brief build replaces its output folder whole, so it refuses; choose another --out, or delete or empty the folder yourself if its files may go", out, quoteFew(other), MarkerFile)
}

// quoteFew names the first few of names, for a message.
func quoteFew(names []string) string {
	const n = 3
	var b strings.Builder
	for i, name := range names {
		if i == n {
			fmt.Fprintf(&b, " and %d more", len(names)-n)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", name)
	}
	return b.String()
}

// LeftoverError reports that the site was written and is in place, but
// the previous output (moved aside) could not be removed. It is not a
// failure of the build: the next build tries again.
type LeftoverError struct {
	Path string
	Err  error
}

func (e *LeftoverError) Error() string {
	return fmt.Sprintf("site written, but the previous output %s could not be removed (the next build tries again): %v", e.Path, e.Err)
}

func (e *LeftoverError) Unwrap() error { return e.Err }

// tempPrefix is the name prefix of WriteDir's temporary folders for the
// output folder named base: ".public.tmp-".
func tempPrefix(base string) string { return "." + base + ".tmp-" }

// cleanStale removes the temporary folders that earlier builds into out
// left in parent when they were killed. The caller holds the lock, so no
// other build is using them. If out itself is missing because a build
// died between moving the old site aside and moving the new one in, the
// old site is put back first.
func cleanStale(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	out := filepath.Join(parent, base)
	_, outErr := os.Lstat(out)
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, tempPrefix(base)) {
			continue
		}
		p := filepath.Join(parent, name)
		if errors.Is(outErr, fs.ErrNotExist) && strings.HasSuffix(name, ".old") {
			if os.Rename(p, out) == nil {
				outErr = nil
				continue
			}
		}
		os.RemoveAll(p)
	}
}

// lockPoll is how often a build waiting for another one's lock checks
// again (and checks its context).
const lockPoll = 20 * time.Millisecond

// lockParent takes the lock that serialises builds writing into parent,
// waiting while another process holds it, until ctx is done. The
// returned func releases it.
func lockParent(ctx context.Context, parent string) (func(), error) {
	for {
		unlock, ok, err := tryLock(parent)
		if err != nil || ok {
			return unlock, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(lockPoll):
		}
	}
}
