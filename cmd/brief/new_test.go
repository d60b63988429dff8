package main

import (
	"bytes"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"
)

// testVersion is the version builtBrief links into the binary.
const testVersion = "v1.4.2"

// briefBin is the binary builtBrief builds once per test run.
var briefBin struct {
	once      sync.Once
	dir, path string
	err       error
}

// builtBrief builds this command with -ldflags "-X main.version=v1.4.2"
// (once per test run) and returns the binary's path: the tests below run
// brief as a user does, as a program in a folder of its own.
func builtBrief(t testing.TB) string {
	t.Helper()
	briefBin.once.Do(func() {
		briefBin.dir, briefBin.err = os.MkdirTemp("", "brief-bin-")
		if briefBin.err != nil {
			return
		}
		name := "brief"
		if runtime.GOOS == "windows" {
			name += ".exe"
		}
		briefBin.path = filepath.Join(briefBin.dir, name)
		out, err := exec.Command("go", "build", "-ldflags", "-X main.version="+testVersion, "-o", briefBin.path, ".").CombinedOutput()
		if err != nil {
			briefBin.err = &exec.Error{Name: "go build: " + string(out), Err: err}
		}
	})
	if briefBin.err != nil {
		t.Fatal(briefBin.err)
	}
	return briefBin.path
}

func TestMain(m *testing.M) {
	code := m.Run()
	if briefBin.dir != "" {
		os.RemoveAll(briefBin.dir)
	}
	os.Exit(code)
}

// runIn runs the program name with args in dir and returns its output;
// it fails the test unless the program exits 0.
func runIn(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, out.String())
	}
	return out.String()
}

// TestVersionLinked checks `brief version` of a binary built with
// -ldflags "-X main.version=...".
func TestVersionLinked(t *testing.T) {
	out := runIn(t, t.TempDir(), nil, builtBrief(t), "version")
	if want := "brief " + testVersion + " (go"; !strings.HasPrefix(out, want) {
		t.Errorf("brief version printed %q, want it to start with %q", out, want)
	}
}

func TestVersionFrom(t *testing.T) {
	vcs := func(rev, time, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.time", Value: time}, {Key: "vcs.modified", Value: modified}}
	}
	const rev = "d0eab1914e55fb1a1448f7e69febad9f755d3b98"
	const pseudo = "v0.0.0-20261122024624-d0eab1914e55"
	tests := []struct {
		name    string
		linked  string
		info    *debug.BuildInfo
		want    string // String()
		query   string // installVersion
		note    bool   // installVersion gives a note
		setupGo string
	}{
		{"Installed", "", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: modulePath, Version: "v1.2.0"}},
			"v1.2.0 (go1.26.8)", "v1.2.0", false, "1.26.8"},
		{"Checkout", "", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: modulePath, Version: pseudo}, Settings: vcs(rev, "2026-11-22T02:46:24Z", "false")},
			pseudo + " (revision d0eab1914e55, 2026-11-22T02:46:24Z, go1.26.8)", pseudo, false, "1.26.8"},
		{"DirtyCheckout", "", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: modulePath, Version: pseudo + "+dirty"}, Settings: vcs(rev, "2026-11-22T02:46:24Z", "true")},
			pseudo + "+dirty (revision d0eab1914e55, 2026-11-22T02:46:24Z, modified, go1.26.8)", pseudo, true, "1.26.8"},
		{"DevelWithRevision", "", &debug.BuildInfo{GoVersion: "go1.27", Main: debug.Module{Path: modulePath, Version: "(devel)"}, Settings: vcs(rev, "2026-11-22T02:46:24Z", "false")},
			"(devel) (revision d0eab1914e55, 2026-11-22T02:46:24Z, go1.27)", rev, false, "1.27"},
		{"GoRun", "", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: modulePath, Version: "(devel)"}},
			"(devel) (go1.26.8)", "latest", true, "1.26.8"},
		{"Linked", "v2.0.0", &debug.BuildInfo{GoVersion: "devel go1.27-abcdef", Main: debug.Module{Path: modulePath, Version: "(devel)"}},
			"v2.0.0 (devel go1.27-abcdef)", "v2.0.0", false, "stable"},
		{"NoBuildInfo", "", nil, "(devel)", "latest", true, "stable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := versionFrom(tt.linked, tt.info)
			if got := v.String(); got != tt.want {
				t.Errorf("String()=%q, want %q", got, tt.want)
			}
			query, note := v.installVersion()
			if query != tt.query || (note != "") != tt.note {
				t.Errorf("installVersion()=%q, %q; want %q and a note: %v", query, note, tt.query, tt.note)
			}
			if got := v.setupGoVersion(); got != tt.setupGo {
				t.Errorf("setupGoVersion()=%q, want %q", got, tt.setupGo)
			}
		})
	}
}

// TestModulePath checks that go.mod, the README's install command and
// the binary's build information use modulePath.
func TestModulePath(t *testing.T) {
	gomod, err := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(gomod), "\n")
	if got := strings.TrimSpace(strings.TrimPrefix(first, "module")); got != modulePath {
		t.Errorf("go.mod: module %q, want %q", got, modulePath)
	}
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "go install " + modulePath + "/cmd/brief@"; !bytes.Contains(readme, []byte(want)) {
		t.Errorf("README.md lacks %q", want)
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Path != "" && info.Main.Path != modulePath {
		t.Errorf("build info: main module %q, want %q", info.Main.Path, modulePath)
	}
}

// workflow is the part of a GitHub Actions workflow the test reads.
type workflow struct {
	On          map[string]any    `yaml:"on"`
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]struct {
		Needs string `yaml:"needs"`
		Steps []struct {
			ID   string            `yaml:"id"`
			Name string            `yaml:"name"`
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			With map[string]string `yaml:"with"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// TestNewWorkflow follows the README from `brief new` to a published
// site: it scaffolds a project with the built binary, imports two
// articles, builds, and then runs the shell steps of the project's
// workflow (its install step replaced by the binary under test, the
// Pages base URL a repository's sub-path) and checks that every link of
// the site resolves.
func TestNewWorkflow(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash to run the workflow's steps: ", err)
	}
	bin := builtBrief(t)
	tmp := t.TempDir()
	runIn(t, tmp, nil, bin, "new", "--title", "River bridge", "proj")
	proj := filepath.Join(tmp, "proj")

	// The scaffold.
	for _, f := range []string{"brief.yaml", "content/sources", ".gitignore", "README.md", workflowFile} {
		if _, err := os.Stat(filepath.Join(proj, f)); err != nil {
			t.Errorf("brief new did not write %s: %v", f, err)
		}
	}
	if gi, _ := os.ReadFile(filepath.Join(proj, ".gitignore")); !strings.Contains("\n"+string(gi), "\n/public/\n") {
		t.Errorf(".gitignore does not ignore /public/:\n%s", gi)
	}
	readme, _ := os.ReadFile(filepath.Join(proj, "README.md"))
	for _, cmd := range []string{"brief import", "brief serve", "brief build"} {
		if !bytes.Contains(readme, []byte(cmd)) {
			t.Errorf("the project's README.md does not mention %q", cmd)
		}
	}

	// The README's steps: import two articles, build.
	for i, f := range []string{"river-bridge-a.txt", "river-bridge-b.txt"} {
		abs, _ := filepath.Abs(filepath.Join("testdata", "new", f))
		runIn(t, proj, nil, bin, "import", "--outlet", "Source "+string(rune('A'+i)), "--date", "2025-03-1"+string(rune('0'+i)), abs)
	}
	runIn(t, proj, nil, bin, "build", "--quiet")
	if _, err := os.Stat(filepath.Join(proj, "public", "index.html")); err != nil {
		t.Fatalf("brief build: %v", err)
	}
	// A clean checkout of the project has no public/ (it is ignored).
	if err := os.RemoveAll(filepath.Join(proj, "public")); err != nil {
		t.Fatal(err)
	}

	// The workflow: official Pages actions, the right permissions.
	data, err := os.ReadFile(filepath.Join(proj, workflowFile))
	if err != nil {
		t.Fatal(err)
	}
	var wf workflow
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatalf("%s: %v", workflowFile, err)
	}
	if wf.Permissions["pages"] != "write" || wf.Permissions["id-token"] != "write" {
		t.Errorf("permissions=%v, want pages: write and id-token: write", wf.Permissions)
	}
	if _, ok := wf.On["push"]; !ok {
		t.Errorf("the workflow does not run on push")
	}
	uses := map[string]map[string]string{}
	for _, job := range wf.Jobs {
		for _, s := range job.Steps {
			if name, _, ok := strings.Cut(s.Uses, "@"); ok {
				uses[name] = s.With
			}
		}
	}
	for _, a := range []string{"actions/checkout", "actions/setup-go", "actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} {
		if _, ok := uses[a]; !ok {
			t.Errorf("the workflow does not use %s", a)
		}
	}
	if got := uses["actions/upload-pages-artifact"]["path"]; got != "public" {
		t.Errorf("upload-pages-artifact path=%q, want public", got)
	}
	if wf.Jobs["deploy"].Needs != "build" {
		t.Errorf("the deploy job does not need the build job")
	}

	// Run the build job's shell steps as the runner does (bash -e -o
	// pipefail, in the checkout), with the Pages base URL of a project
	// repository.
	const pagesURL = "https://owner.github.io/river-bridge"
	bindir := filepath.Dir(bin)
	env := []string{
		"PATH=" + bindir + string(os.PathListSeparator) + os.Getenv("PATH"),
		"GITHUB_PATH=" + filepath.Join(tmp, "github_path"),
	}
	installed, built := false, false
	for _, s := range wf.Jobs["build"].Steps {
		if s.Run == "" {
			continue
		}
		if strings.Contains(s.Run, "go install") {
			want := "go install " + modulePath + "/cmd/brief@" + testVersion
			if !strings.Contains(s.Run, want) {
				t.Errorf("install step %q does not run %q", s.Run, want)
			}
			installed = true // the binary under test is on PATH instead
			continue
		}
		script := strings.ReplaceAll(s.Run, "${{ steps.pages.outputs.base_url }}", pagesURL)
		if strings.Contains(script, "${{") {
			t.Fatalf("step %q uses an expression the test does not provide: %s", s.Name, s.Run)
		}
		if strings.Contains(script, "brief build") {
			built = true
		}
		runIn(t, proj, env, bash, "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", script)
	}
	if !installed || !built {
		t.Fatalf("the workflow's build job lacks an install step (%v) or a brief build step (%v)", installed, built)
	}
	if n := checkSiteLinks(t, filepath.Join(proj, "public"), pagesURL+"/"); n < 20 {
		t.Errorf("only %d links checked; want the pages and notes of two linked sources", n)
	}
}

// checkSiteLinks checks that every link and resource of every page in
// the built site public resolves to a file of the site (and an element
// with the fragment's id) when the site is published at base, and
// returns how many it checked. External links are not followed.
func checkSiteLinks(t *testing.T, public, base string) int {
	t.Helper()
	bu, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	files := readTree(t, public)
	ids := map[string]map[string]bool{}
	refs := map[string][]string{}
	for p, data := range files {
		if strings.HasSuffix(p, ".html") {
			ids[p], refs[p] = parsePage(t, data)
		}
	}
	if !strings.HasSuffix(base, "/") {
		t.Fatalf("base %q does not end in /", base)
	}
	checked := 0
	for p, pageRefs := range refs {
		rel := strings.TrimSuffix(p, "index.html")
		if p == "404.html" { // served for any missing path
			rel = "no/such/page"
		}
		page, err := url.Parse(base + rel)
		if err != nil {
			t.Fatal(err)
		}
		for _, ref := range pageRefs {
			r, err := url.Parse(ref)
			if err != nil {
				t.Errorf("%s: bad URL %q", p, ref)
				continue
			}
			if r.Scheme == "" && r.Host == "" && r.Path == "" && r.RawQuery == "" {
				if r.Fragment != "" && !ids[p][r.Fragment] {
					t.Errorf("%s: link %q: no such id in the page", p, ref)
				}
				checked++
				continue
			}
			abs := page.ResolveReference(r)
			if abs.Host != bu.Host || abs.Scheme != bu.Scheme {
				continue // external
			}
			target, ok := strings.CutPrefix(abs.Path, bu.Path)
			if !ok {
				t.Errorf("%s: %q leaves the site's path %s", p, ref, bu.Path)
				continue
			}
			if target == "" || strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			if _, ok := files[target]; !ok {
				t.Errorf("%s: broken link %q (%s is not in the site)", p, ref, target)
				continue
			}
			if abs.Fragment != "" && strings.HasSuffix(target, ".html") && !ids[target][abs.Fragment] {
				t.Errorf("%s: link %q: %s has no id %q", p, ref, target, abs.Fragment)
				continue
			}
			checked++
		}
	}
	return checked
}

// parsePage returns the element IDs of an HTML page and its href and src
// attribute values.
func parsePage(t *testing.T, data string) (ids map[string]bool, refs []string) {
	t.Helper()
	ids = map[string]bool{}
	z := html.NewTokenizer(strings.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ids, refs
		case html.StartTagToken, html.SelfClosingTagToken:
			for {
				key, val, more := z.TagAttr()
				switch string(key) {
				case "id":
					ids[string(val)] = true
				case "href", "src":
					refs = append(refs, string(val))
				}
				if !more {
					break
				}
			}
		}
	}
}
