package build_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/build"
	"golang.org/x/net/html"
)

// evil is an adversarial article: every field and construct tries to
// get markup or script into the page. (A date that is not YYYY-MM-DD
// is refused before it reaches a page: hostile case bad-date.)
var evil = map[string]string{
	"content/sources/evil.md": `---
title: "<script>alert('title')</script>"
outlet: "\"><img src=x onerror=alert('outlet')>"
author: "<b onmouseover=alert(1)>me</b>"
date: "2025-01-01"
origin: "\"><script>alert('origin')</script>"
url: "javascript:alert('url')"
---
Hello <script>alert('body')</script> world. Click [here](javascript:alert('link')) now.

An image ![x](javascript:alert('img')) and <img src=x onerror=alert('raw')> inline.

Entity trick [y](javascript&#58;alert('ent')) and [z](  JaVaScRiPt:alert(1)) and <javascript:alert('auto')>.

A data link [d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) and a vb [v](vbscript:msgbox(1)).

<div onclick="alert('block')">raw block</div>

<iframe src="https://evil.example"></iframe>
`,
	"content/sources/good.md": "---\ntitle: Good\noutlet: Good News\nurl: https://good.example/a\n---\nHello world says the good source. Another sentence here.\n",
	"content/annotations.yaml": `claims:
  - {source: evil, md: "Hello <script>alert('body')</script> world."}
  - {source: good, md: "Hello world says the good source."}
  - {source: evil, md: "Click [here](javascript:alert('link')) now.", quote: "<script>q</script>", speaker: "<img src=x onerror=1>"}
  - {source: good, md: "Another sentence here.", quote: "<script>q</script> x", speaker: "<img src=x onerror=1>"}
links:
  - [evil-1, good-1, agree]
  - [evil-2, good-2, disagree, quote, "<script>reason</script>"]
`,
}

func TestXSS(t *testing.T) {
	root := t.TempDir()
	for name, data := range evil {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(data), 0o644)
	}
	site, _, err := build.WithFixtures(build.NewBuilder(build.Options{Root: root})).Build(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range site.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		data, _ := site.Bytes(p)
		walk(t, data, func(n *html.Node) {
			switch n.Data {
			case "script":
				for _, a := range n.Attr {
					if a.Key == "src" && strings.HasSuffix(a.Val, "assets/brief.js") {
						return
					}
				}
				t.Errorf("%s: <script> element", p)
			case "iframe", "object", "embed", "img", "form", "base", "meta", "link":
				if n.Data == "meta" || n.Data == "link" {
					if parentIs(n, "head") {
						return
					}
				}
				t.Errorf("%s: <%s> element from article", p, n.Data)
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("%s: <%s %s=%q>", p, n.Data, a.Key, a.Val)
				}
				if a.Key == "href" || a.Key == "src" || a.Key == "action" {
					v := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
					for _, bad := range []string{"javascript:", "vbscript:", "data:"} {
						if strings.HasPrefix(v, bad) {
							t.Errorf("%s: <%s %s=%q>", p, n.Data, a.Key, a.Val)
						}
					}
				}
			}
		})
	}
	if os.Getenv("XSS_DUMP") != "" {
		site.WriteDir(context.Background(), os.Getenv("XSS_DUMP"))
	}
	if strings.Contains(string(page0(site)), `href=""`) {
		t.Error("an unsafe link survived as an empty href")
	}
	// The matrix names its columns' outlets in CSS strings (--o2:'…';),
	// every quote and angle bracket of them escaped.
	mx, _ := site.Bytes("matrix/index.html")
	styles := 0
	walk(t, mx, func(n *html.Node) {
		for _, a := range n.Attr {
			if a.Key == "style" && strings.Contains(a.Val, "--o") {
				styles++
				if !outletVars.MatchString(a.Val) {
					t.Errorf("matrix/index.html: style %q is not CSS strings of escaped outlets", a.Val)
				}
			}
		}
	})
	if styles == 0 {
		t.Error("matrix/index.html: no table names its outlets")
	}
	// The text is still there, escaped.
	page, _ := site.Bytes("sources/evil/index.html")
	if !strings.Contains(string(page), "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;") {
		t.Error("escaped title missing from the source page")
	}
}

// outletVars is a style attribute of custom properties, each a single
// CSS string whose quotes, brackets and backslashes are escapes.
var outletVars = regexp.MustCompile(`^(--o[0-9]+:'([^'"<>\\]|\\[0-9a-f]+ ?)*';)*$`)

func parentIs(n *html.Node, tag string) bool {
	return n.Parent != nil && n.Parent.Type == html.ElementNode && n.Parent.Data == tag
}

func page0(site *build.Site) []byte {
	b, _ := site.Bytes("sources/evil/index.html")
	return b
}
