package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/brief-dev/brief/internal/brief"
)

// Write writes the article to dir/<slug>.md, the slug taken from its
// title. It returns the path and whether the file changed:
//
//   - a file with identical bytes is left alone;
//   - a file edited by hand since it was imported (its body no longer
//     matches the checksum in its front matter, or it has none) is kept,
//     and Write returns an error naming it, unless force is set;
//   - otherwise the file is replaced atomically (temporary file and
//     rename), so a reader never sees half of it.
func Write(dir string, a *Article, force bool) (path string, changed bool, err error) {
	path = filepath.Join(dir, Slug(a.Meta.Title)+".md")
	data := a.Markdown()
	old, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return path, false, fmt.Errorf("read %s: %w", path, err)
	case bytes.Equal(old, data):
		return path, false, nil
	case !force && editedByHand(old):
		return path, false, brief.Errorf(brief.Pos{File: path},
			"kept: edited by hand since it was imported (its body no longer matches its checksum); to replace it, import again with --force")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return path, false, fmt.Errorf("create %s: %w", dir, err)
	}
	if err := writeAtomic(path, data); err != nil {
		return path, false, err
	}
	return path, true, nil
}

// editedByHand reports whether an existing file's body differs from the
// checksum recorded at import. A file without one, or whose front matter
// cannot be read, was not written by Write and counts as edited.
func editedByHand(data []byte) bool {
	s := normalizeNewlines(data)
	src, body, _, found, err := splitFrontMatter("", s)
	if err != nil || !found {
		return true
	}
	fm, err := parseFrontMatter("", src, 2)
	if err != nil || fm.checksum == "" {
		return true
	}
	// Markdown separates front matter and body by one blank line.
	body, ok := strings.CutPrefix(body, "\n")
	return !ok || Checksum(body) != fm.checksum
}

// writeAtomic writes data to a temporary file in the same directory and
// renames it over path.
func writeAtomic(path string, data []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err := f.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Chmod(0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
