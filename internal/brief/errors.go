package brief

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in an input file. Line and Col start at 1; a zero
// Line means the position is the whole file.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats the position as file:line:col, the form editors jump to.
func (p Pos) String() string {
	switch {
	case p.Line > 0 && p.Col > 0:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return p.File
	}
}

// Error is an input error at a position. LineText optionally holds the
// offending line so that terminals and the serve overlay can show it.
type Error struct {
	Pos      Pos
	Msg      string
	LineText string
}

// Error implements the error interface as "file:line:col: msg".
func (e *Error) Error() string {
	if e.Pos.File == "" {
		return e.Msg
	}
	return e.Pos.String() + ": " + e.Msg
}

// Errorf returns an *Error at pos with a formatted message.
func Errorf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// YAMLError gives a YAML parser's syntax error ("yaml: line N: msg", as
// go.yaml.in/yaml/v3 reports it) the file:line form, with prefix before
// the message. line0 is the file line the YAML starts on (1 for a whole
// file). An error that names no line is at the file, with Line 0.
func YAMLError(file string, line0 int, prefix string, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var n int
	if k, _ := fmt.Sscanf(msg, "line %d:", &n); k == 1 {
		_, rest, _ := strings.Cut(msg, ":")
		return &Error{Pos: Pos{File: file, Line: line0 + n - 1}, Msg: prefix + strings.TrimSpace(rest)}
	}
	return &Error{Pos: Pos{File: file}, Msg: prefix + msg}
}

// ErrorList collects every input error of a run, as go/scanner's
// ErrorList does. The zero value is an empty list ready to use.
type ErrorList []*Error

// Add appends an error at pos.
func (l *ErrorList) Add(pos Pos, msg string) {
	*l = append(*l, &Error{Pos: pos, Msg: msg})
}

// Append appends err; an *Error or ErrorList keeps its positions, any
// other error is added without one.
func (l *ErrorList) Append(err error) {
	switch e := err.(type) {
	case nil:
	case *Error:
		*l = append(*l, e)
	case ErrorList:
		*l = append(*l, e...)
	default:
		*l = append(*l, &Error{Msg: err.Error()})
	}
}

// Len returns the number of errors.
func (l ErrorList) Len() int { return len(l) }

// Sort sorts the list by file, line, column and message.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		return a.Msg < b.Msg
	})
}

// RemoveMultiples sorts the list and removes duplicate errors (same
// position and message).
func (l *ErrorList) RemoveMultiples() {
	l.Sort()
	var out ErrorList
	for i, e := range *l {
		if i > 0 {
			p := (*l)[i-1]
			if p.Pos == e.Pos && p.Msg == e.Msg {
				continue
			}
		}
		out = append(out, e)
	}
	*l = out
}

// Error joins the messages, one a line.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns nil for an empty list and the list itself otherwise.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
