package serve

import (
	"path"
	"strings"
)

// ignorer decides which paths the watcher and the poller skip: editor
// swap, backup and lock files, version-control folders, and the folders
// named in Options.Ignore (the output folder, so that writing the site
// does not trigger another build).
type ignorer struct {
	dirs []string // slash-separated, relative to the root, no trailing slash
}

func newIgnorer(dirs []string) ignorer {
	var ig ignorer
	for _, d := range dirs {
		d = path.Clean(strings.ReplaceAll(d, "\\", "/"))
		if d != "." && d != "" {
			ig.dirs = append(ig.dirs, d)
		}
	}
	return ig
}

// skip reports whether rel (slash-separated, relative to the root) must
// be ignored.
func (ig ignorer) skip(rel string) bool {
	for _, d := range ig.dirs {
		if rel == d || strings.HasPrefix(rel, d+"/") {
			return true
		}
	}
	for p := rel; p != "." && p != "/" && p != ""; p = path.Dir(p) {
		switch path.Base(p) {
		case ".git", ".hg", ".svn", "node_modules":
			return true
		}
	}
	return isEditorJunk(path.Base(rel))
}

// isEditorJunk reports whether name is a file an editor writes beside the
// real one while saving: Vim's swap files and its "4913" probe, Emacs's
// lock (.#x) and auto-save (#x#) files, backups (x~), and macOS's
// .DS_Store.
func isEditorJunk(name string) bool {
	switch {
	case name == "4913", name == ".DS_Store":
		return true
	case strings.HasSuffix(name, "~"):
		return true
	case strings.HasPrefix(name, ".#"):
		return true
	case len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		return true
	}
	switch path.Ext(name) {
	case ".swp", ".swx", ".swo":
		return true
	}
	return false
}
