package frontmatter

import (
	"bytes"

	"go.yaml.in/yaml/v3"
)

// Encode writes m as YAML, without fences, in the fixed key order
// title, title_derived (only when true), outlet, author, date, url,
// language (only when set), origin, checksum (only when set). Every string is double-quoted, so
// no value can change type ("yes", "2025-03-13") or break the YAML,
// whichever parser reads it. The output is deterministic.
func Encode(m Meta) []byte {
	root := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, v *yaml.Node) {
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, v)
	}
	str := func(key, val string) {
		add(key, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: val})
	}
	str(keyTitle, m.Title)
	if m.TitleDerived {
		add(keyTitleDerived, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	str(keyOutlet, m.Outlet)
	str(keyAuthor, m.Author)
	str(keyDate, m.Date)
	str(keyURL, m.URL)
	if m.Language != "" {
		str(keyLanguage, m.Language)
	}
	str(keyOrigin, m.Origin)
	if m.Checksum != "" {
		str(keyChecksum, m.Checksum)
	}

	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		// Encoding a mapping of scalars cannot fail.
		panic("frontmatter: encode: " + err.Error())
	}
	enc.Close()
	return b.Bytes()
}
