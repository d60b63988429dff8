package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// The input file policy: brief reads only regular files inside the
// project folder, each at most MaxInputSize bytes.
//
//   - The project is read through an os.Root, so a symbolic link that
//     leads outside the project folder (content/sources/x.md -> /etc/passwd)
//     is refused; a link to another file inside the project is read.
//   - Devices, FIFOs and sockets are refused before they are opened for
//     reading (a FIFO would block, /dev/zero never ends).
//   - A file larger than MaxInputSize is refused; the read stops there
//     even if the file grows while it is read.

// MaxInputSize is the largest content or theme file brief reads: 2 MiB,
// about 300,000 words, several times a long news feature. It bounds the
// memory and time one article can take.
const MaxInputSize = 2 << 20

// projectFS returns the project root as a file system that refuses
// links leaving it, and a func that closes it.
func projectFS(root string) (fs.FS, func(), error) {
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, nil, fmt.Errorf("open project folder: %w", err)
	}
	return r.FS(), func() { r.Close() }, nil
}

// errTooLarge, errNotRegular and errOutside are the reasons readInput
// gives; load and the theme loader report them with the file's name.
var (
	errTooLarge   = fmt.Errorf("file larger than %d MiB, the limit for one input file: split it or shorten it", MaxInputSize>>20)
	errNotRegular = errors.New("not a regular file (a device, FIFO or socket): brief reads only regular files")
	errOutside    = errors.New("symbolic link to a file outside the project folder: brief reads only files inside the project; copy the file in instead")
)

// readInput reads the regular file p of fsys, at most MaxInputSize
// bytes.
func readInput(fsys fs.FS, p string) ([]byte, error) {
	// Lstat first: a link out of the project gets its own message.
	if li, err := fs.Lstat(fsys, p); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		if _, err := fs.Stat(fsys, p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, &fs.PathError{Op: "read", Path: p, Err: errOutside}
		}
	}
	fi, err := fs.Stat(fsys, p)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: p, Err: errNotRegular}
	}
	if fi.Size() > MaxInputSize {
		return nil, &fs.PathError{Op: "read", Path: p, Err: errTooLarge}
	}
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxInputSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxInputSize {
		return nil, &fs.PathError{Op: "read", Path: p, Err: errTooLarge}
	}
	return data, nil
}
