package build

import (
	"bytes"
	"embed"
	"sync"

	"github.com/alecthomas/chroma/v2"
)

// chromaStyleFiles holds the highlighting styles brief uses (see
// chromastyles/README.md for why they are copies).
//
//go:embed chromastyles/*.xml
var chromaStyleFiles embed.FS

// chromaStyles parses the styles on first use, not at program start.
var chromaStyles = sync.OnceValue(func() map[string]*chroma.Style {
	m := map[string]*chroma.Style{}
	for _, name := range []string{"github", "github-dark", "swapoff"} {
		data, err := chromaStyleFiles.ReadFile("chromastyles/" + name + ".xml")
		if err != nil {
			panic("build: embedded chroma style " + name + ": " + err.Error())
		}
		s, err := chroma.NewXMLStyle(bytes.NewReader(data))
		if err != nil {
			panic("build: embedded chroma style " + name + ": " + err.Error())
		}
		m[name] = s
	}
	return m
})

// chromaStyle returns one of the embedded styles by name.
func chromaStyle(name string) *chroma.Style { return chromaStyles()[name] }
