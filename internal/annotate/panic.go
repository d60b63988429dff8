package annotate

import (
	"fmt"
	"runtime/debug"
)

// catch turns a panic of a scoring goroutine into an error stored in
// *err, so that the panic reaches the build's caller as an error (a
// panic on another goroutine cannot be recovered there and would end
// brief serve). It must be called directly by defer.
func catch(err *error) {
	if v := recover(); v != nil {
		*err = fmt.Errorf("internal error (please report it with the input that caused it): %v\n\n%s", v, debug.Stack())
	}
}
