// Package frontmatter reads and writes the front matter of brief's
// source files, content/sources/*.md. It is the single owner of that
// format: ingest writes it with Encode, and both ingest and build read it
// with Split and Decode, so the two cannot drift apart.
//
// # Format
//
// A source file may start with a UTF-8 byte order mark, which is not
// text. Front matter, if there is any, follows: a first line "---", YAML,
// and a closing line "---" or "...". Trailing spaces, tabs and "\r" on a
// fence line are ignored. A file whose first line is not "---" has no
// front matter; one with an opening fence and no closing fence is an
// error at file:1:1. Everything after the closing fence is the Markdown
// body. Front matter longer than 64 KiB is an error.
//
// The YAML is a single mapping of these keys, each at most once:
//
//	title          the article's headline
//	title_derived  true when ingest took the title from the first sentence
//	outlet         the publication, such as "Reuters"
//	author         the byline
//	date           the publication date, YYYY-MM-DD (a real calendar date)
//	url            where the article was published
//	language       the article's language, a BCP 47 tag such as "en" or "pt-BR"
//	origin         the base name of the file it was imported from
//	checksum       "sha256:" and the hex digest of the body, so that ingest
//	               can tell a hand-edited file from one it wrote
//
// title_derived is a YAML boolean (true or false). Every other key takes
// any scalar and reads it as a string, so that an unquoted date
// (2025-03-13) or number works; an empty value or null is "". A date
// that is not YYYY-MM-DD, or not a day of the calendar (2025-13-45), is
// an error. Unknown
// and duplicate keys, anchors and aliases, sequences and mappings as
// values, and more than one YAML document are errors. Every error is
// reported at its file:line:col, so an editor can jump to it.
//
// Encode writes the keys in the order above, omitting title_derived when
// false and language and checksum when empty, with every string double-quoted: no
// value can change type ("yes", "2025-03-13") or break the YAML.
package frontmatter
