package build

import (
	"bytes"
	"fmt"
	stdhtml "html"
	"html/template"
	"net/url"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/yuin/goldmark"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/brief-dev/brief/internal/frontmatter"
)

// Article text is untrusted: the Markdown pipeline never passes raw HTML
// through (html.WithUnsafe is off, and build renders raw HTML as escaped
// text), drops links whose URL is not http,
// https, mailto or relative, and highlights code with chroma's classes
// rather than inline styles.

// prefixAttr is the document attribute holding the page's ID prefix,
// read by the footnote extension so that pages combined for print never
// share an id.
const prefixAttr = "brief-prefix"

// newMarkdown returns the goldmark pipeline used for every page.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.Table,
			extension.Strikethrough,
			extension.Linkify,
			extension.NewTypographer(),
			extension.NewFootnote(extension.WithFootnoteIDPrefixFunction(func(n ast.Node) []byte {
				if doc := n.OwnerDocument(); doc != nil {
					if v, ok := doc.AttributeString(prefixAttr); ok {
						return v.([]byte)
					}
				}
				return nil
			})),
		),
		goldmark.WithParserOptions(
			// goldmark-meta consumes the front matter (already checked
			// strictly by parseSource), guarded so that it only ever sees
			// a real front matter block.
			parser.WithBlockParsers(util.Prioritized(frontMatterParser{meta.NewParser()}, 0)),
			parser.WithASTTransformers(
				util.Prioritized(linkFilter{}, 100),
				util.Prioritized(anchorTransformer{}, 1000),
			),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(nodeRenderer{}, 100)),
		),
	)
}

// frontMatterParser wraps goldmark-meta's block parser: it opens only on
// a first line that is exactly "---" and closes on "---" or "..." as
// parseSource does, and it drops the block even if goldmark-meta's own
// YAML decoder disagrees with ours.
type frontMatterParser struct{ parser.BlockParser }

func (p frontMatterParser) Open(parent ast.Node, r text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if line, _ := r.PeekLine(); !frontmatter.IsFence(line, "---") {
		return nil, parser.NoChildren
	}
	return p.BlockParser.Open(parent, r, pc)
}

func (p frontMatterParser) Continue(n ast.Node, r text.Reader, pc parser.Context) parser.State {
	line, seg := r.PeekLine()
	if frontmatter.IsFence(line, "---") || frontmatter.IsFence(line, "...") {
		r.Advance(seg.Len())
		return parser.Close
	}
	n.Lines().Append(seg)
	return parser.Continue | parser.NoChildren
}

func (p frontMatterParser) Close(n ast.Node, r text.Reader, pc parser.Context) {
	p.BlockParser.Close(n, r, pc)
	if parent := n.Parent(); parent != nil {
		parent.RemoveChild(parent, n)
	}
}

// safeURL reports whether a link or image destination from an article
// may be kept: http, https and mailto URLs and relative references.
func safeURL(dest []byte) bool {
	// goldmark's renderer decodes entities in destinations, as browsers
	// do: check what the browser will see.
	s := strings.TrimSpace(stdhtml.UnescapeString(string(dest)))
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return false // browsers strip these inside schemes
		}
	}
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https", "mailto":
	default:
		return false
	}
	// "javascript&colon;…" and similar tricks have no scheme to url
	// but one to a browser after entity decoding; reject a colon before
	// the first slash in a relative reference.
	if u.Scheme == "" && strings.Contains(strings.SplitN(s, "/", 2)[0], ":") {
		return false
	}
	return true
}

// linkFilter removes links and images whose destination is unsafe,
// keeping their text.
type linkFilter struct{}

func (linkFilter) Transform(doc *ast.Document, r text.Reader, pc parser.Context) {
	src := r.Source()
	var bad []ast.Node
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if !safeURL(n.Destination) {
				bad = append(bad, n)
			}
		case *ast.Image:
			if !safeURL(n.Destination) || bytes.HasPrefix(bytes.TrimSpace(n.Destination), []byte("//")) {
				bad = append(bad, n)
			}
		case *ast.AutoLink:
			if !safeURL(n.URL(src)) {
				bad = append(bad, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range bad {
		parent := n.Parent()
		if al, ok := n.(*ast.AutoLink); ok {
			parent.ReplaceChild(parent, n, ast.NewString(al.Label(src)))
			continue
		}
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	}
}

// mark is a point in a Markdown document where build inserts markup:
// a claim's anchor at its start, or its note markers after its end.
type mark struct {
	off  int    // byte offset in the document given to goldmark
	end  bool   // false: anchor before off; true: markers after off
	id   string // claim ID (anchor)
	html []byte // the markers' HTML, built by build with escaping
}

var marksKey = parser.NewContextKey()

// KindClaimAnchor and KindNoteRefs are the inline nodes build inserts.
var (
	KindClaimAnchor = ast.NewNodeKind("ClaimAnchor")
	KindNoteRefs    = ast.NewNodeKind("NoteRefs")
)

// claimAnchor is an empty element marking where a claim starts.
type claimAnchor struct {
	ast.BaseInline
	id string
}

func (n *claimAnchor) Kind() ast.NodeKind { return KindClaimAnchor }
func (n *claimAnchor) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.id}, nil)
}

// noteRefs holds a claim's note markers, already rendered.
type noteRefs struct {
	ast.BaseInline
	html      []byte
	softBreak bool
}

func (n *noteRefs) Kind() ast.NodeKind            { return KindNoteRefs }
func (n *noteRefs) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// anchorTransformer inserts claim anchors and note markers at the byte
// offsets given in the parser context. It splits ast.Text nodes at those
// offsets instead of wrapping claims, because inline markup (emphasis,
// links) may cross claim boundaries.
type anchorTransformer struct{}

func (anchorTransformer) Transform(doc *ast.Document, r text.Reader, pc parser.Context) {
	v := pc.Get(marksKey)
	if v == nil {
		return
	}
	marks := v.([]mark)
	if len(marks) == 0 {
		return
	}
	var texts []*ast.Text
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok && entering {
			texts = append(texts, t)
		}
		return ast.WalkContinue, nil
	})
	// Marks are processed from the last to the first, so a split only
	// shortens nodes that later (earlier-placed) marks may still use.
	for i := len(marks) - 1; i >= 0; i-- {
		m := marks[i]
		if m.end {
			insertEnd(texts, m)
		} else {
			texts = insertStart(texts, m)
		}
	}
}

// insertStart puts an anchor before the first text at or after m.off.
func insertStart(texts []*ast.Text, m mark) []*ast.Text {
	for _, t := range texts {
		seg := t.Segment
		if seg.Stop <= m.off {
			continue
		}
		a := &claimAnchor{id: m.id}
		// Inline code holds only text (goldmark's renderer reads its
		// children as *ast.Text): the anchor goes before the code span.
		if cs := codeSpanOf(t); cs != nil {
			cs.Parent().InsertBefore(cs.Parent(), cs, a)
			return texts
		}
		parent := t.Parent()
		if seg.Start < m.off {
			right := splitText(t, m.off)
			parent.InsertAfter(parent, t, right)
			parent.InsertBefore(parent, right, a)
			return texts
		}
		// Typographic quotes and dashes are String nodes without a
		// position; one right before t lies in the gap where the claim
		// starts, so the anchor goes before it.
		var before ast.Node = t
		if seg.Start > m.off {
			for p := before.PreviousSibling(); p != nil && p.Kind() == ast.KindString; p = p.PreviousSibling() {
				before = p
			}
		}
		parent.InsertBefore(parent, before, a)
		return texts
	}
	return texts
}

// insertEnd puts markers after the last text that starts before m.off,
// moving out of inline elements that end there and out of any link
// (markers are links and may not nest).
func insertEnd(texts []*ast.Text, m mark) {
	var t *ast.Text
	for i := len(texts) - 1; i >= 0; i-- {
		if texts[i].Segment.Start < m.off {
			t = texts[i]
			break
		}
	}
	if t == nil {
		return
	}
	refs := &noteRefs{html: m.html}
	var after ast.Node = t
	if cs := codeSpanOf(t); cs != nil {
		// Markers never go inside inline code, only after it.
		after = cs
	} else if t.Segment.Stop > m.off {
		right := splitText(t, m.off)
		t.Parent().InsertAfter(t.Parent(), t, right)
	}
	// A gap between t and the claim's end holds typographic String
	// nodes (a closing quote): the markers go after them.
	if after == ast.Node(t) && t.Segment.Stop < m.off {
		for n := after.NextSibling(); n != nil && n.Kind() == ast.KindString; n = n.NextSibling() {
			after = n
		}
	}
	for p := after.Parent(); p != nil && p.Type() == ast.TypeInline; p = p.Parent() {
		if after.NextSibling() == nil {
			after = p
		}
	}
	for p := after.Parent(); p != nil && p.Type() == ast.TypeInline; p = p.Parent() {
		switch p.Kind() {
		case ast.KindLink, ast.KindAutoLink, ast.KindImage:
			after = p
		}
	}
	if after == ast.Node(t) && t.SoftLineBreak() {
		t.SetSoftLineBreak(false)
		refs.softBreak = true
	}
	after.Parent().InsertAfter(after.Parent(), after, refs)
}

// codeSpanOf returns the code span that t lies in, or nil.
func codeSpanOf(t *ast.Text) ast.Node {
	for p := t.Parent(); p != nil && p.Type() == ast.TypeInline; p = p.Parent() {
		if p.Kind() == ast.KindCodeSpan {
			return p
		}
	}
	return nil
}

// splitText shortens t to end at off and returns a new text node for
// the rest, which takes over t's line-break flags.
func splitText(t *ast.Text, off int) *ast.Text {
	right := ast.NewTextSegment(t.Segment.WithStart(off))
	right.SetSoftLineBreak(t.SoftLineBreak())
	right.SetHardLineBreak(t.HardLineBreak())
	right.SetRaw(t.IsRaw())
	t.Segment = t.Segment.WithStop(off)
	t.SetSoftLineBreak(false)
	t.SetHardLineBreak(false)
	return right
}

// nodeRenderer renders build's own nodes and fenced code blocks.
type nodeRenderer struct{}

func (nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindClaimAnchor, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			fmt.Fprintf(w, `<span class="claim" id="%s"></span>`, template.HTMLEscapeString(n.(*claimAnchor).id))
		}
		return ast.WalkContinue, nil
	})
	reg.Register(KindNoteRefs, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			r := n.(*noteRefs)
			w.Write(r.html)
			if r.softBreak {
				w.WriteByte('\n')
			}
		}
		return ast.WalkContinue, nil
	})
	reg.Register(ast.KindFencedCodeBlock, renderCode)
	reg.Register(ast.KindCodeBlock, renderCode)
	reg.Register(ast.KindRawHTML, renderRawHTML)
	reg.Register(ast.KindHTMLBlock, renderHTMLBlock)
}

// renderRawHTML shows inline HTML in an article as the text it is
// (`Text <b>bold</b> here.` reads so on the page): goldmark's safe
// renderer would replace it with an "omitted" comment, dropping words
// the source printed.
func renderRawHTML(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	segs := n.(*ast.RawHTML).Segments
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		template.HTMLEscape(w, seg.Value(src))
	}
	return ast.WalkSkipChildren, nil
}

// renderHTMLBlock shows a block of HTML as an escaped paragraph, line
// breaks kept.
func renderHTMLBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	b := n.(*ast.HTMLBlock)
	var raw bytes.Buffer
	lines := b.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		raw.Write(seg.Value(src))
	}
	if b.HasClosure() {
		closure := b.ClosureLine
		raw.Write(closure.Value(src))
	}
	text := bytes.TrimRight(raw.Bytes(), "\r\n")
	if len(bytes.TrimSpace(text)) == 0 {
		return ast.WalkSkipChildren, nil
	}
	w.WriteString(`<p class="raw-html">`)
	for i, line := range bytes.Split(text, []byte("\n")) {
		if i > 0 {
			w.WriteString("<br>\n")
		}
		template.HTMLEscape(w, bytes.TrimRight(line, "\r"))
	}
	w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}

// chromaFormatter writes highlighted code with CSS classes; the
// stylesheet is assets/chroma.css.
var chromaFormatter = chromahtml.New(chromahtml.WithClasses(true))

func renderCode(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	var code bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		code.Write(seg.Value(src))
	}
	lang := ""
	if fc, ok := n.(*ast.FencedCodeBlock); ok {
		lang = string(fc.Language(src))
	}
	lexer := chromaLexers().Get(lang)
	if lexer == nil {
		lexer = chromaLexers().Analyse(code.String())
	}
	if lexer == nil {
		lexer = fallbackLexer()
	}
	lexer = chroma.Coalesce(lexer)
	var out bytes.Buffer
	it, err := lexer.Tokenise(nil, code.String())
	if err == nil {
		err = chromaFormatter.Format(&out, chromaStyle("swapoff"), it)
	}
	if err != nil {
		// Highlighting is a nicety: fall back to plain escaped code.
		out.Reset()
		out.WriteString(`<pre class="chroma"><code>`)
		template.HTMLEscape(&out, code.Bytes())
		out.WriteString("</code></pre>\n")
	}
	w.Write(out.Bytes())
	return ast.WalkSkipChildren, nil
}

// chromaCSS returns the stylesheet for highlighted code: a light style,
// and a dark one under prefers-color-scheme: dark.
func chromaCSS() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("/* Generated by brief from chroma's github and github-dark styles. */\n")
	if err := chromaFormatter.WriteCSS(&b, chromaStyle("github")); err != nil {
		return nil, fmt.Errorf("write chroma.css: %w", err)
	}
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	if err := chromaFormatter.WriteCSS(&b, chromaStyle("github-dark")); err != nil {
		return nil, fmt.Errorf("write chroma.css: %w", err)
	}
	b.WriteString("}\n")
	return b.Bytes(), nil
}

// markdownRenderer renders Markdown documents with build's pipeline.
type markdownRenderer struct{ md goldmark.Markdown }

// render renders the Markdown in src with the given marks (offsets
// into src) and footnote ID prefix. The result comes from goldmark's
// safe configuration only, so it may be used as template.HTML.
func (r markdownRenderer) render(src []byte, prefix string, marks []mark) (template.HTML, error) {
	md := r.md
	pc := parser.NewContext()
	pc.Set(marksKey, marks)
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	doc.SetAttributeString(prefixAttr, []byte(prefix))
	var b bytes.Buffer
	if err := md.Renderer().Render(&b, src, doc); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}
