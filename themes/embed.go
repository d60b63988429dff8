// Package themes embeds the default theme, so that a brief binary can
// build a site without any theme files on disk. A project overrides it
// file by file under themes/<name>/ (see internal/build).
package themes

import "embed"

// Default holds the default theme: Default's root contains the folder
// "default" with the layouts (*.html) and assets/.
//
//go:embed default
var Default embed.FS
