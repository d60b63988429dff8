package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/brief-dev/brief/internal/frontmatter"
)

// The source-file format belongs to package frontmatter; the functions
// below adapt it to ingest's normalised strings and its Meta.

// frontMatter is what the front matter of a Markdown file holds.
type frontMatter struct {
	meta     Meta
	checksum string
}

// splitFrontMatter splits normalised Markdown into its front matter YAML
// and its body (see frontmatter.Split). found is false when the file has
// no front matter; body then is all of s. bodyLine is the 1-based file
// line the body starts on.
func splitFrontMatter(name, s string) (src, body string, bodyLine int, found bool, err error) {
	yaml, _, b, found, err := frontmatter.Split(name, []byte(s))
	if err != nil || !found {
		return "", s, 1, found, err
	}
	head := s[:len(s)-len(b)]
	return string(yaml), s[len(head):], 1 + strings.Count(head, "\n"), true, nil
}

// parseFrontMatter decodes front matter YAML whose first line is line
// firstLine of the file name (see frontmatter.Decode). Every error is
// reported at its file position.
func parseFrontMatter(name, src string, firstLine int) (frontMatter, error) {
	m, err := frontmatter.Decode(name, firstLine, []byte(src))
	if err != nil {
		return frontMatter{}, err
	}
	return frontMatter{
		meta:     Meta{Title: m.Title, Outlet: m.Outlet, URL: m.URL, Date: m.Date, Author: m.Author, Language: m.Language, Origin: m.Origin, TitleDerived: m.TitleDerived},
		checksum: m.Checksum,
	}, nil
}

// Checksum returns the checksum recorded in front matter for a body:
// "sha256:" and the hex digest of its bytes.
func Checksum(body string) string {
	sum := sha256.Sum256([]byte(body))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// Markdown renders the article as the file written under
// content/sources/: "---\n", the YAML front matter, "---\n\n" and the
// body. The output is deterministic; keys come in a fixed order (title,
// title_derived when true, outlet, author, date, url, language when
// known, origin, checksum).
func (a *Article) Markdown() []byte {
	m := a.Meta
	fm := frontmatter.Encode(frontmatter.Meta{
		Title: m.Title, TitleDerived: m.TitleDerived, Outlet: m.Outlet, Author: m.Author,
		Date: m.Date, URL: m.URL, Language: m.Language, Origin: m.Origin, Checksum: Checksum(a.Body),
	})
	var b bytes.Buffer
	b.Grow(len(fm) + len(a.Body) + 9)
	b.WriteString("---\n")
	b.Write(fm)
	b.WriteString("---\n\n")
	b.WriteString(a.Body)
	return b.Bytes()
}
