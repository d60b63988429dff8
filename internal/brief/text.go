package brief

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// CheckText returns an error at the first byte of data that a text
// file such as brief.yaml or annotations.yaml may not hold: invalid
// UTF-8, a NUL byte or another C0 control character than tab, line feed
// and carriage return (YAML refuses those, without saying where). The
// error names file:line:col and holds the line, with invalid bytes shown
// as U+FFFD. It returns nil for clean text.
func CheckText(file string, data []byte) *Error {
	for off := 0; off < len(data); {
		r, n := utf8.DecodeRune(data[off:])
		var msg string
		switch {
		case r == utf8.RuneError && n <= 1:
			msg = "invalid UTF-8: save the file as UTF-8"
		case r == 0:
			msg = "NUL byte: this is not a text file, or it holds a stray NUL"
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0x7f:
			msg = fmt.Sprintf("control character U+%04X is not allowed", r)
		default:
			off += n
			continue
		}
		line, start := LineAt(data, off)
		col := utf8.RuneCount(data[start:off]) + 1
		return &Error{Pos: Pos{File: file, Line: line, Col: col}, Msg: msg, LineText: LineText(data, off)}
	}
	return nil
}

// LineAt returns the 1-based number of the line of data that holds byte
// offset off, and the offset at which that line starts. An offset past
// the end counts as the end.
func LineAt(data []byte, off int) (line, start int) {
	off = min(off, len(data))
	return 1 + bytes.Count(data[:off], []byte("\n")), bytes.LastIndexByte(data[:off], '\n') + 1
}

// LineText returns the line of data that holds byte offset off, without
// its line ending and with invalid UTF-8 shown as U+FFFD, so that it can
// be printed beside an error (Error.LineText).
func LineText(data []byte, off int) string {
	off = min(off, len(data))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	end := bytes.IndexByte(data[off:], '\n')
	if end < 0 {
		end = len(data)
	} else {
		end += off
	}
	return string(bytes.ToValidUTF8(bytes.TrimRight(data[start:end], "\r"), []byte("\uFFFD")))
}
