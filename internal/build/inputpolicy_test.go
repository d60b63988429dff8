package build_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/brief-dev/brief/internal/build"
)

// TestInputFilePolicy checks that build reads only regular files inside
// the project, each at most build.MaxInputSize bytes (issue 12, items 4
// and 9): links leaving the project, devices, FIFOs and oversized files
// are errors naming the file; a link inside the project is read.
func TestInputFilePolicy(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "secret.txt")
	os.WriteFile(secret, []byte("---\ntitle: Secret\n---\nroot:x:0:0 secret text.\n"), 0o644)
	tests := []struct {
		name  string
		setup func(t *testing.T, root string) error
		want  string // "" for a build that succeeds
	}{
		{"LinkOutside", func(t *testing.T, root string) error {
			return os.Symlink(secret, filepath.Join(root, "content/sources/passwd.md"))
		}, "content/sources/passwd.md: read: symbolic link to a file outside the project folder"},
		{"LinkDevZero", func(t *testing.T, root string) error {
			return os.Symlink("/dev/zero", filepath.Join(root, "content/sources/zero.md"))
		}, "content/sources/zero.md: read: symbolic link to a file outside the project folder"},
		{"RelativeLinkOut", func(t *testing.T, root string) error {
			rel, _ := filepath.Rel(filepath.Join(root, "content/sources"), secret)
			return os.Symlink(rel, filepath.Join(root, "content/sources/rel.md"))
		}, "content/sources/rel.md: read: symbolic link to a file outside the project folder"},
		{"ThemeAssetOutside", func(t *testing.T, root string) error {
			os.MkdirAll(filepath.Join(root, "themes/default/assets"), 0o755)
			return os.Symlink(secret, filepath.Join(root, "themes/default/assets/x.css"))
		}, "themes/default/assets/x.css: symbolic link to a file outside the project folder"},
		{"OverridesOutside", func(t *testing.T, root string) error {
			return os.Symlink(secret, filepath.Join(root, "content/annotations.yaml"))
		}, "content/annotations.yaml: read: symbolic link to a file outside the project folder"},
		{"FIFO", func(t *testing.T, root string) error {
			return syscall.Mkfifo(filepath.Join(root, "content/sources/fifo.md"), 0o644)
		}, "content/sources/fifo.md: read: not a regular file"},
		{"TooLarge", func(t *testing.T, root string) error {
			big := "---\ntitle: Big\n---\n" + strings.Repeat("A sentence of some length. ", build.MaxInputSize/27+1)
			return os.WriteFile(filepath.Join(root, "content/sources/big.md"), []byte(big), 0o644)
		}, "content/sources/big.md: read: file larger than 2 MiB"},
		{"LinkInside", func(t *testing.T, root string) error {
			os.WriteFile(filepath.Join(root, "notes.md"), []byte("---\ntitle: Notes\n---\nInside text.\n"), 0o644)
			return os.Symlink("../../notes.md", filepath.Join(root, "content/sources/notes.md"))
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			os.MkdirAll(filepath.Join(root, "content/sources"), 0o755)
			os.WriteFile(filepath.Join(root, "content/sources/ok.md"), []byte("---\ntitle: OK\n---\nA sentence.\n"), 0o644)
			if err := tt.setup(t, root); err != nil {
				t.Skip(err)
			}
			site, _, err := build.Build(context.Background(), build.Options{Root: root})
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if page, ok := site.Bytes("sources/notes/index.html"); !ok || !strings.Contains(string(page), "Inside text.") {
					t.Error("the linked file inside the project was not built")
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v\nwant one containing %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "secret text") {
				t.Error("the error shows the outside file's text")
			}
		})
	}
}
