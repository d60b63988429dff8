package build

import (
	"strings"
	"testing"
)

// TestMarksAroundCode checks that claim anchors and note markers placed
// at the edge of (or inside) inline code go outside the code span:
// goldmark's code span renderer reads only text children, and a claim
// starting with `code` used to panic the build (issue 12, item 1).
func TestMarksAroundCode(t *testing.T) {
	tests := []struct {
		name string
		src  string
		// start and end are the claim's offsets in src; -1 means no mark.
		start, end int
		want       string
	}{
		{name: "StartsWithCode", src: "`Witkoff` arrived in Moscow on Thursday for talks.\n", start: 0, end: 50,
			want: `<p><span class="claim" id="c"></span><code>Witkoff</code> arrived in Moscow on Thursday for talks.<i></i></p>`},
		{name: "EndsWithCode", src: "He said `yes`\n", start: 0, end: 13,
			want: `<p><span class="claim" id="c"></span>He said <code>yes</code><i></i></p>`},
		{name: "InsideCode", src: "A `b c d` e.\n", start: 4, end: 6,
			want: `<p>A <span class="claim" id="c"></span><code>b c d</code><i></i> e.</p>`},
		{name: "MultiLineCode", src: "`a\nb` c.\n", start: 0, end: 3,
			want: `<p><span class="claim" id="c"></span><code>a b</code><i></i> c.</p>`},
		{name: "OnlyCode", src: "``````0``````\n", start: 0, end: 13,
			want: `<p><span class="claim" id="c"></span><code>0</code><i></i></p>`},
		{name: "CodeInEmphasis", src: "*`x` y*\n", start: 1, end: 4,
			want: `<p><em><span class="claim" id="c"></span><code>x</code><i></i> y</em></p>`},
	}
	md := markdownRenderer{md: newMarkdown()}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			marks := []mark{{off: tt.start, id: "c"}, {off: tt.end, end: true, html: []byte("<i></i>")}}
			got, err := md.render([]byte(tt.src), "p-", marks)
			if err != nil {
				t.Fatal(err)
			}
			if g := strings.TrimSpace(string(got)); g != tt.want {
				t.Errorf("got  %s\nwant %s", g, tt.want)
			}
		})
	}
}

// TestHighlight checks that fenced code is highlighted with chroma's
// classes by brief's own lexer registry (chromalexer.go), by its
// language, by analysis without one, and as escaped plain text in a
// language brief has no lexer for.
func TestHighlight(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"Go", "```go\nfmt.Println(\"x\")\n```\n", `<span class="nx">fmt</span><span class="p">.</span><span class="nf">Println</span>`},
		{"GoRawString", "```go\nx := `a`\n```\n", "<span class=\"s\">`a`</span>"},
		{"Python", "```python\ndef f(): pass\n```\n", `<span class="k">def</span>`},
		{"YAML", "```yaml\nkey: value\n```\n", `<span class="nt">key</span>`},
		{"Bash", "```bash\necho hi\n```\n", `<span class="nb">echo</span>`},
		{"Unknown", "```cobol\nDISPLAY '<x>'.\n```\n", `DISPLAY &#39;&lt;x&gt;&#39;.`},
	}
	md := markdownRenderer{md: newMarkdown()}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := md.render([]byte(tt.src), "p-", nil)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(got), `<pre class="chroma">`) || !strings.Contains(string(got), tt.want) {
				t.Errorf("got %s\nwant it to hold %s", got, tt.want)
			}
		})
	}
}
