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
		start := bytes.LastIndexByte(data[:off], '\n') + 1
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += off
		}
		line := 1 + bytes.Count(data[:off], []byte("\n"))
		col := utf8.RuneCount(data[start:off]) + 1
		text := bytes.ToValidUTF8(bytes.TrimRight(data[start:end], "\r"), []byte("\uFFFD"))
		return &Error{Pos: Pos{File: file, Line: line, Col: col}, Msg: msg, LineText: string(text)}
	}
	return nil
}
