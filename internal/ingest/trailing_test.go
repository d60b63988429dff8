package ingest

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestRemoveTrailingLinks(t *testing.T) {
	p := "<p>The council voted on Tuesday to close the old bridge for repairs that will take most of next year, the mayor said.</p>"
	ja := "<p>子どもへの虐待をなくすための法律ができて、親が子どもを教育するために、たたいたり蹴ったりする体罰を禁止することになりました。最近、親に虐待された子どもを児童相談所が守ることができなくて、子どもが亡くなる事件が続いています。</p>"
	teasers := `<ul><li><a href="/a">Ferry fares to rise in May</a></li><li><a href="/b">New tram line opens</a></li></ul>`
	tests := []struct {
		name, in, want string
	}{
		{"Teasers", p + teasers, p + "<ul></ul>"},
		{"OneLinkKept", p + `<p><a href="/r">Read the full report</a></p>`, p + `<p><a href="/r">Read the full report</a></p>`},
		{"LinksAboveKept", teasers + p, teasers + p},
		{"ProseWithLinksKept", p + `<p>See <a href="/a">the ruling</a> and the <a href="/b">ministry reply</a>, both published on Friday after the vote in the city council.</p>`,
			p + `<p>See <a href="/a">the ruling</a> and the <a href="/b">ministry reply</a>, both published on Friday after the vote in the city council.</p>`},
		{"Japanese", ja + teasers, ja + "<ul></ul>"},
		{"NoProse", teasers, teasers},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rewritten(t, tt.in, removeTrailingLinks); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// rewritten parses the HTML fragment in under a <div>, runs f on the div
// and renders what the div then holds.
func rewritten(t *testing.T, in string, f func(root *html.Node)) string {
	t.Helper()
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(in), root)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	f(root)
	var b strings.Builder
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		html.Render(&b, c)
	}
	return b.String()
}
