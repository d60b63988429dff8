package build_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/brief"
	"github.com/brief-dev/brief/internal/build"
	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want/ sections of testdata/*.txtar")

// caseOptions reads build options from a txtar comment's "key: value"
// lines (base, title, theme).
func caseOptions(comment []byte, root string) build.Options {
	o := build.Options{Root: root}
	for _, line := range strings.Split(string(comment), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "base":
			o.BaseURL = v
		case "title":
			o.Title = v
		case "theme":
			o.Theme = v
		}
	}
	return o
}

// writeArchive writes the archive's input files under a new temporary
// root (build.WriteArchive).
var writeArchive = build.WriteArchive

// TestCases builds each testdata/*.txtar with the fixture annotator and
// compares the output with its want/ sections: want/<path> for a file
// of the site, want/error for the lines an error must contain.
// With -update, the want/ sections are rewritten from the output (every
// page and claims.json; assets are left out).
func TestCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	seen := 0
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			seen++
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			root := writeArchive(t, ar)
			b := build.WithFixtures(build.NewBuilder(caseOptions(ar.Comment, root)))
			site, _, err := b.Build(context.Background(), nil)
			if *update {
				rewrite(t, file, ar, site, err)
				return
			}
			for _, f := range ar.Files {
				name, ok := strings.CutPrefix(f.Name, "want/")
				if !ok {
					continue
				}
				if name == "error" {
					if err == nil {
						t.Fatalf("build succeeded, want error")
					}
					for _, line := range strings.Split(strings.TrimSpace(string(f.Data)), "\n") {
						if !strings.Contains(err.Error(), line) {
							t.Errorf("error %q\ndoes not contain %q", err, line)
						}
					}
					continue
				}
				if err != nil {
					t.Fatalf("build: %v", err)
				}
				got, ok := site.Bytes(name)
				if !ok {
					t.Errorf("%s: not built", name)
					continue
				}
				if !bytes.Equal(got, f.Data) {
					t.Errorf("%s differs from want (run go test -update and read the diff):\n%s", name, firstDiff(got, f.Data))
				}
			}
		})
	}
	if seen == 0 {
		t.Fatal("no test cases in testdata")
	}
}

func rewrite(t *testing.T, file string, ar *txtar.Archive, site *build.Site, err error) {
	var keep []txtar.File
	for _, f := range ar.Files {
		if !strings.HasPrefix(f.Name, "want/") {
			keep = append(keep, f)
		}
	}
	if err != nil {
		keep = append(keep, txtar.File{Name: "want/error", Data: []byte(err.Error() + "\n")})
	} else {
		for _, p := range site.Paths() {
			if strings.HasSuffix(p, ".html") || p == "claims.json" {
				data, _ := site.Bytes(p)
				keep = append(keep, txtar.File{Name: "want/" + p, Data: data})
			}
		}
	}
	ar.Files = keep
	if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
		t.Fatal(err)
	}
}

func firstDiff(got, want []byte) string {
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", i+1, g, w)
		}
	}
	return ""
}

// smallSite builds testdata/small.txtar with the fixture annotator.
func smallSite(t testing.TB, base string) *build.Site {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/small.txtar")
	if err != nil {
		t.Fatal(err)
	}
	root := writeArchive(t, ar)
	site, _, err := build.WithFixtures(build.NewBuilder(build.Options{Root: root, BaseURL: base})).Build(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return site
}

func TestDeterministic(t *testing.T) {
	a, b := smallSite(t, "/"), smallSite(t, "/")
	if !equalSites(a, b) {
		t.Fatal("two builds of the same input differ")
	}
}

func equalSites(a, b *build.Site) bool {
	pa, pb := a.Paths(), b.Paths()
	if strings.Join(pa, "\n") != strings.Join(pb, "\n") {
		return false
	}
	for _, p := range pa {
		x, _ := a.Bytes(p)
		y, _ := b.Bytes(p)
		if !bytes.Equal(x, y) {
			return false
		}
	}
	return true
}

// TestLinks parses every page and checks that every internal link and
// resource resolves to a file of the site (and an element with the
// fragment's id), with the site served under /demo/ and at the root.
func TestLinks(t *testing.T) {
	for _, base := range []string{"/demo/", "/", "https://example.org/repo/"} {
		t.Run(base, func(t *testing.T) {
			if checked := checkLinks(t, smallSite(t, base), base); checked < 50 {
				t.Errorf("only %d links checked", checked)
			}
		})
	}
}

// checkLinks checks that every internal link and resource of every page
// of site, served from base, resolves to a file of the site (and an
// element with the fragment's id), and returns the number checked.
func checkLinks(t *testing.T, site *build.Site, base string) int {
	t.Helper()
	u, _ := url.Parse(base)
	basePath := u.Path
	ids := map[string]map[string]bool{}
	for _, p := range site.Paths() {
		if strings.HasSuffix(p, ".html") {
			data, _ := site.Bytes(p)
			ids[p] = collectIDs(t, data)
		}
	}
	checked := 0
	for _, p := range site.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		pageURL := "http://host" + basePath + strings.TrimSuffix(p, "index.html")
		if p == "404.html" {
			pageURL = "http://host" + basePath + "no/such/deep/page/"
		}
		pu, _ := url.Parse(pageURL)
		data, _ := site.Bytes(p)
		for _, ref := range collectRefs(t, data) {
			r, err := url.Parse(ref)
			if err != nil {
				t.Errorf("%s: bad URL %q", p, ref)
				continue
			}
			if r.Scheme != "" || r.Host != "" {
				continue // external
			}
			if r.Path == "" && r.RawQuery == "" {
				if r.Fragment != "" && !ids[p][r.Fragment] {
					t.Errorf("%s: %q: no such id", p, ref)
				}
				checked++
				continue
			}
			abs := pu.ResolveReference(r)
			target, ok := strings.CutPrefix(abs.Path, basePath)
			if !ok {
				t.Errorf("%s: %q leaves the base path %s", p, ref, basePath)
				continue
			}
			if target == "" || strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			if _, ok := site.Bytes(target); !ok {
				t.Errorf("%s: %q -> %s: no such file", p, ref, target)
				continue
			}
			if abs.Fragment != "" && strings.HasSuffix(target, ".html") && !ids[target][abs.Fragment] {
				t.Errorf("%s: %q: no id %q in %s", p, ref, abs.Fragment, target)
			}
			checked++
		}
	}
	return checked
}

func collectRefs(t testing.TB, data []byte) []string {
	var refs []string
	walk(t, data, func(n *html.Node) {
		for _, a := range n.Attr {
			if a.Key == "href" || a.Key == "src" {
				refs = append(refs, a.Val)
			}
		}
	})
	return refs
}

func collectIDs(t testing.TB, data []byte) map[string]bool {
	ids := map[string]bool{}
	walk(t, data, func(n *html.Node) {
		for _, a := range n.Attr {
			if a.Key == "id" {
				if ids[a.Val] {
					t.Errorf("duplicate id %q", a.Val)
				}
				ids[a.Val] = true
			}
		}
	})
	return ids
}

func walk(t testing.TB, data []byte, f func(*html.Node)) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.ElementNode {
			f(n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(doc)
}

// TestInputErrors checks that bad input fails the build with every
// error positioned at its file and line, and that a failed build
// leaves the previous output untouched.
func TestInputErrors(t *testing.T) {
	good := "---\ntitle: Fine\n---\nA sentence.\n"
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"UnknownKey", map[string]string{"content/sources/a.md": "---\ntitle: A\noutlte: X\n---\nBody.\n"},
			[]string{`content/sources/a.md:3:1: front matter: unknown key "outlte"`}},
		{"YAMLSyntax", map[string]string{"content/sources/a.md": "---\ntitle: A\nurl: [unclosed\n---\nBody.\n"},
			[]string{"content/sources/a.md:", "front matter:"}},
		{"WrongType", map[string]string{"content/sources/a.md": "---\ntitle: [a, b]\ntitle_derived: maybe\n---\nBody.\n"},
			[]string{"content/sources/a.md:2:8: front matter: title: want a string", "content/sources/a.md:3:16: front matter: title_derived: want true or false"}},
		{"Unclosed", map[string]string{"content/sources/a.md": "---\ntitle: A\nBody.\n"},
			[]string{`content/sources/a.md:1:1: front matter: no closing "---" line`}},
		{"Binary", map[string]string{"content/sources/a.md": "---\ntitle: A\n---\nBo\x00dy\n"},
			[]string{"content/sources/a.md:4:3: binary file"}},
		{"InvalidUTF8", map[string]string{"content/sources/a.md": "---\ntitle: A\n---\nline\nbad \xff byte\n"},
			[]string{"content/sources/a.md:5:5: invalid UTF-8"}},
		{"Empty", map[string]string{"content/sources/a.md": "---\ntitle: A\n---\n\n  \n"},
			[]string{"content/sources/a.md:1:1: empty article"}},
		{"Several", map[string]string{
			"content/sources/a.md": "---\nfoo: 1\n---\nx\n",
			"content/sources/b.md": "---\nbar: 1\n---\nx\n",
			"content/briefing.md":  "---\nbaz: 1\n---\nx\n"},
			[]string{`content/briefing.md:2:1: front matter: unknown key "baz"`, `content/sources/a.md:2:1: front matter: unknown key "foo"`, `content/sources/b.md:2:1: front matter: unknown key "bar"`}},
		{"TemplateParse", map[string]string{"themes/default/index.html": "{{define \"main\"}}\n<p>\n{{if}}\n{{end}}\n"},
			[]string{"themes/default/index.html:3: template: missing value for if"}},
		{"TemplateExec", map[string]string{"themes/default/source.html": "{{define \"main\"}}{{.Source.Nope}}{{end}}\n"},
			[]string{"render sources/ok/index.html:", "Nope"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			files := map[string]string{"content/sources/ok.md": good}
			for k, v := range tt.files {
				files[k] = v
			}
			for name, data := range files {
				p := filepath.Join(root, filepath.FromSlash(name))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out := filepath.Join(root, "public")
			os.MkdirAll(out, 0o755)
			os.WriteFile(filepath.Join(out, "previous.html"), []byte("old"), 0o644)

			site, _, err := build.Build(context.Background(), build.Options{Root: root})
			if err == nil {
				site.WriteDir(context.Background(), out)
				t.Fatalf("build succeeded, want errors %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error:\n%v\ndoes not contain\n%s", err, w)
				}
			}
			var list brief.ErrorList
			if tt.name != "TemplateExec" && !errors.As(err, &list) {
				t.Errorf("error %T is not a brief.ErrorList", err)
			}
			if data, err := os.ReadFile(filepath.Join(out, "previous.html")); err != nil || string(data) != "old" {
				t.Errorf("previous output changed: %q, %v", data, err)
			}
			if entries, _ := os.ReadDir(out); len(entries) != 1 {
				t.Errorf("output has %d entries, want the 1 previous file", len(entries))
			}
		})
	}
}

func TestWriteDir(t *testing.T) {
	site := smallSite(t, "/")
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	// out does not exist yet.
	if err := site.WriteDir(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(out, "stale.html"), []byte("x"), 0o644)
	// A second write replaces it completely (it holds the marker).
	if err := site.WriteDir(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "stale.html")); !os.IsNotExist(err) {
		t.Errorf("stale file survived: %v", err)
	}
	var got []string
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(out, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return err
	})
	sort.Strings(got)
	if want := append([]string{build.MarkerFile}, site.Paths()...); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("written %v\nwant %v", got, want)
	}
	// Nothing is left next to out.
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d entries next to out, want 1", len(entries))
	}
}

// TestWriteDirKeepsGitFiles checks that the output folder's git files
// (the repository's public/.gitkeep, a gh-pages checkout's .git) survive
// a build, while every other stale file goes.
func TestWriteDirKeepsGitFiles(t *testing.T) {
	site := smallSite(t, "/")
	out := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(filepath.Join(out, ".git"), 0o755)
	os.WriteFile(filepath.Join(out, ".git", "HEAD"), []byte("ref: refs/heads/gh-pages\n"), 0o644)
	os.WriteFile(filepath.Join(out, ".gitkeep"), nil, 0o644)
	os.WriteFile(filepath.Join(out, build.MarkerFile), nil, 0o644) // written by brief before
	os.WriteFile(filepath.Join(out, "stale.html"), []byte("x"), 0o644)
	if err := site.WriteDir(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	for _, keep := range []string{".gitkeep", ".git/HEAD"} {
		if _, err := os.Stat(filepath.Join(out, keep)); err != nil {
			t.Errorf("%s lost: %v", keep, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "stale.html")); !os.IsNotExist(err) {
		t.Errorf("stale file survived: %v", err)
	}
}

// TestFS checks the Site as an fs.FS, as brief serve uses it.
func TestFS(t *testing.T) {
	site := smallSite(t, "/")
	f, err := site.Open("sources")
	if err != nil {
		t.Fatal(err)
	}
	fi, _ := f.Stat()
	if !fi.IsDir() {
		t.Error("sources is not a directory")
	}
	if _, err := site.Open("nope.html"); err == nil {
		t.Error("opened a missing file")
	}
	data, ok := site.Bytes("index.html")
	if !ok || !bytes.Contains(data, []byte("<!doctype html>")) {
		t.Error("index.html missing")
	}
	for _, p := range []string{".nojekyll", "claims.json", "404.html", "assets/style.css", "assets/chroma.css", "matrix/index.html", "sources/index.html"} {
		if _, ok := site.Bytes(p); !ok {
			t.Errorf("%s not built", p)
		}
	}
}
