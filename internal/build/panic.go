package build

import (
	"fmt"
	"runtime/debug"
)

// PanicError is a panic inside a build (a bug in brief or in a library
// it calls) turned into an error, so that `brief build` reports it and
// `brief serve` shows it in the overlay and keeps serving the last good
// site instead of dying.
type PanicError struct {
	Value any
	Stack []byte
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("internal error (please report it with the input that caused it): %v\n\n%s", e.Value, e.Stack)
}

// catch turns a panic of the calling goroutine into a *PanicError
// stored in *err. It must be called directly by defer.
func catch(err *error) {
	if v := recover(); v != nil {
		*err = &PanicError{Value: v, Stack: debug.Stack()}
	}
}

// protect calls f, turning its panic into a *PanicError, for work run
// on goroutines of its own.
func protect(f func() error) (err error) {
	defer catch(&err)
	return f()
}
