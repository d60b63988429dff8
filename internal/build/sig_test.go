package build

import (
	"testing"

	"github.com/brief-dev/brief/internal/brief"
)

// TestSourceSig checks that a source page's signature changes with each
// input the page is made from, and only with those: a missed input would
// let brief serve copy a stale page.
func TestSourceSig(t *testing.T) {
	type fixture struct {
		th    *theme
		sv    siteView
		srcs  []*brief.Source
		files map[string]*parsedFile
		ann   *brief.Annotation
	}
	mk := func() *fixture {
		srcs := []*brief.Source{
			{ID: "a", Title: "A", Outlet: "Outlet A", Date: "2025-03-13", URL: "https://a.example/1"},
			{ID: "b", Title: "B", Outlet: "Outlet B"},
			{ID: "c", Title: "C", Outlet: "Outlet C"},
		}
		files := map[string]*parsedFile{}
		for _, s := range srcs {
			files[s.ID] = &parsedFile{src: s, data: []byte("---\ntitle: " + s.Title + "\n---\nBody of " + s.ID + ".\n"), bodyOff: 20}
		}
		ann := &brief.Annotation{
			Sources: srcs,
			Claims: []*brief.Claim{
				{ID: "c-a1", Source: "a", Kind: brief.KindClaim, Text: "Talks began.", Start: 0, End: 12},
				{ID: "c-b1", Source: "b", Kind: brief.KindClaim, Text: "Talks started.", Start: 0, End: 14},
				{ID: "c-c1", Source: "c", Kind: brief.KindClaim, Text: "It rained.", Start: 0, End: 10},
			},
			Links: []brief.Link{{A: "c-a1", B: "c-b1", Relation: brief.Agree, Score: 0.9, Reason: "agree: both report talks"}},
		}
		return &fixture{th: &theme{sum: [32]byte{1}}, sv: siteView{Title: "T", Language: "en", BasePath: "/"}, srcs: srcs, files: files, ann: ann}
	}
	sig := func(f *fixture, id string) [32]byte {
		a := analyze(f.ann)
		var rows []sourceRow
		for _, s := range a.sources {
			rows = append(rows, a.sourceRow(s, "../../"))
		}
		for i, s := range a.sources {
			if s.ID == id {
				return a.sourceSig(f.th, f.sv, s, f.files[id], rows, i)
			}
		}
		t.Fatalf("no source %s", id)
		return [32]byte{}
	}
	base := mk()
	if sig(base, "a") != sig(mk(), "a") {
		t.Fatal("signature is not deterministic")
	}
	for _, tc := range []struct {
		name   string
		change func(*fixture)
		same   bool // the page of "a" does not depend on it
	}{
		{"theme", func(f *fixture) { f.th.sum[0] = 2 }, false},
		{"site title", func(f *fixture) { f.sv.Title = "U" }, false},
		{"base path", func(f *fixture) { f.sv.BasePath = "/demo/" }, false},
		{"file", func(f *fixture) { f.files["a"].data = []byte("---\ntitle: A\n---\nBody of a!\n") }, false},
		{"body offset", func(f *fixture) { f.files["a"].bodyOff = 21 }, false},
		{"own title", func(f *fixture) { f.srcs[0].Title = "A2" }, false},
		{"next source's title", func(f *fixture) { f.srcs[1].Title = "B2" }, false},
		{"claim offsets", func(f *fixture) { f.ann.Claims[0].End = 11 }, false},
		{"claim ID", func(f *fixture) { f.ann.Claims[0].ID = "c-a9"; f.ann.Links[0].A = "c-a9" }, false},
		{"link reason", func(f *fixture) { f.ann.Links[0].Reason = "agree: other" }, false},
		{"link relation", func(f *fixture) {
			f.ann.Links[0].Relation, f.ann.Links[0].Kind = brief.Disagree, brief.DisagreeKind("number")
		}, false},
		{"other claim's text", func(f *fixture) { f.ann.Claims[1].Text = "Talks opened." }, false},
		{"other source's outlet", func(f *fixture) { f.srcs[1].Outlet = "Outlet B2" }, false},
		{"other source's date", func(f *fixture) { f.srcs[1].Date = "2025-03-14" }, false},
		{"other source's URL", func(f *fixture) { f.srcs[1].URL = "https://b.example/" }, false},
		{"new link", func(f *fixture) {
			f.ann.Links = append(f.ann.Links, brief.Link{A: "c-a1", B: "c-c1", Relation: brief.Agree, Reason: "x"})
		}, false},
		{"unrelated claim's text", func(f *fixture) { f.ann.Claims[2].Text = "It snowed." }, true},
		{"unrelated file", func(f *fixture) { f.files["c"].data = []byte("---\ntitle: C\n---\nOther.\n") }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := mk()
			tc.change(f)
			if got := sig(f, "a") == sig(base, "a"); got != tc.same {
				t.Errorf("signature unchanged = %v, want %v", got, tc.same)
			}
		})
	}
}
