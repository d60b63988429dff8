package build

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"testing"
)

// hostile strings for the escaping tests: markup, quotes, entities,
// URL schemes, NUL, invalid UTF-8 and non-ASCII text.
var hostile = []string{
	"", "plain", `<script>alert("x")</script>`, `a"b'c&d+e<f>g`, "&amp;", "nul\x00byte",
	"bad\xffutf8\xc3", "Kraków – “quoted” ‘single’", "javascript:alert(1)", "JavaScript:x", "http://a.b/c?d=e&f=g#h",
	"mailto:a@b", "../x y/#c-1", "%41%zz%", "a:b/c", "/a:b", "#frag", "sp ace\ttab\nnl", "(paren)'quote'",
	"!#$&*+,/:;=?@[]", "data:text/html,<b>", "\u2028\u2029",
}

// TestEscapersMatchTemplate checks that the note writer's escapers
// write what html/template writes for the same value in the same place.
func TestEscapersMatchTemplate(t *testing.T) {
	tmpl := template.Must(template.New("x").Parse(`{{define "text"}}{{.}}{{end}}{{define "attr"}}<li id="{{.}}">{{end}}{{define "href"}}<a href="{{.}}">{{end}}{{define "frag"}}<a href="#{{.}}">{{end}}`))
	exec := func(name, v string) string {
		var b bytes.Buffer
		if err := tmpl.ExecuteTemplate(&b, name, v); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for _, s := range hostile {
		if got, want := string(htmlEscape(nil, s)), exec("text", s); got != want {
			t.Errorf("htmlEscape(%q) = %q, want %q", s, got, want)
		}
		if got, want := `<li id="`+string(htmlEscape(nil, s))+`">`, exec("attr", s); got != want {
			t.Errorf("attribute %q: %q, want %q", s, got, want)
		}
		if got, want := `<a href="`+string(htmlEscape(nil, urlNormalize(s)))+`">`, exec("href", s); got != want {
			t.Errorf("href %q: %q, want %q", s, got, want)
		}
		if got, want := `<a href="#`+string(htmlEscape(nil, urlEscape(s)))+`">`, exec("frag", s); got != want {
			t.Errorf("fragment %q: %q, want %q", s, got, want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	long := "Opinion polls published in Kathmandu on Monday suggested that 46 percent of voters supported the talks on the energy truce."
	tests := []struct{ name, in, want string }{
		{"Short", "The envoy landed in Moscow on Thursday.", "The envoy landed in Moscow on Thursday."},
		{"Trimmed", "  The envoy landed.\n", "The envoy landed."},
		{"AtMax", strings.Repeat("a", excerptMax), strings.Repeat("a", excerptMax)},
		{"Long", long, "Opinion polls published in Kathmandu on Monday suggested that…"},
		{"CommaDropped", strings.Repeat("x", 55) + " lasted, officials said, seven hours in all.", strings.Repeat("x", 55) + " lasted…"},
		{"OneLongWord", strings.Repeat("é", 100), strings.Repeat("é", excerptCut) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := excerpt(tt.in); got != tt.want {
				t.Errorf("excerpt(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestNoteGroups checks that items showing the same words share one
// entry, that a repeated source's link is marked for the compact view,
// and that the spoken label comes once per kind.
func TestNoteGroups(t *testing.T) {
	item := func(kind, outlet, id, text, reason string) noteItem {
		it := noteItem{Kind: kind, Label: map[string]string{"agree": "Agrees", "disagree": "Disagrees"}[kind], Outlet: outlet, HasOutlet: true,
			Text: text, Reason: reason, Href: "../" + outlet + "/#" + id, SourceHref: "../" + outlet + "/"}
		return it
	}
	ns := &notes{}
	n := ns.add([]noteItem{
		item("agree", "afp", "c1", "Same words.", "agree: both report X"),
		item("agree", "ap", "c2", "Other words.", "agree: both report Y"),
		item("agree", "bbc", "c3", "Same words.", "agree: both report X"),
		item("agree", "bbc", "c4", "Same words.", "agree: both report X"),
		item("agree", "ap", "c5", "Other words.", "agree: both report Y"),
		item("disagree", "cnn", "c6", "Same words.", "time: “Monday” vs “Friday”"),
	})
	got := string(appendNote(nil, &n))
	for _, want := range []string{
		`<li class="ni-a"><span class="sr">Agrees:</span> <a href="../afp/#c1">afp</a>, <a href="../bbc/#c3">bbc</a><span class="ni-again">, <a href="../bbc/#c4">bbc</a></span><span class="qt">: “Same words.”</span><span class="reason"> both report X</span></li>`,
		`<li class="ni-a"> <a href="../ap/#c2">ap</a><span class="ni-again">, <a href="../ap/#c5">ap</a></span><span class="qt">: “Other words.”</span><span class="reason"> both report Y</span></li>`,
		`<li class="ni-d"><span class="sr">Disagrees:</span> <a href="../cnn/#c6">cnn</a><span class="qt">: “Same words.”</span><span class="reason"> time: “Monday” vs “Friday”</span></li>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("note lacks\n%s\nin\n%s", want, got)
		}
	}
	// An item whose first link repeats a source: the compact note, which
	// hides the repeat, must not start with its comma.
	n2 := ns.add([]noteItem{
		item("agree", "afp", "c1", "Same words.", "agree: both report X"),
		item("agree", "afp", "c7", "Other words.", "agree: both report Y"),
		item("agree", "dw", "c8", "Other words.", "agree: both report Y"),
	})
	want := `<li class="ni-a"> <span class="ni-again"><a href="../afp/#c7">afp</a></span><span class="ni-again">, </span><a href="../dw/#c8">dw</a><span class="qt">: “Other words.”</span>`
	if got := string(appendNote(nil, &n2)); !strings.Contains(got, want) {
		t.Errorf("note lacks\n%s\nin\n%s", want, got)
	}
	// The marker counts sources (afp, ap, bbc), not their sentences.
	if n.Agree != 3 || n.Disagree != 1 {
		t.Errorf("Agree, Disagree = %d, %d; want 3, 1", n.Agree, n.Disagree)
	}
}

// BenchmarkNotesHTML writes the notes of a source page the size of the
// 1,000-article scalebench project's: 17 notes of 14 items, a third of
// them showing words another item of the note shows.
func BenchmarkNotesHTML(b *testing.B) {
	texts := []string{
		"It was not immediately clear whether Jonas Dmitriev would attend the next meeting, which diplomats expect to take place in Seoul.",
		"Opinion polls published in Kathmandu on Monday suggested that 46 percent of voters supported the talks on the energy truce.",
		"Travelling from Vienna, Jonas Dmitriev landed in Hanoi on Saturday ahead of the negotiations.",
		"‘Any agreement has to be monitored by people on the ground, not only by satellites,’ Jonas Dmitriev said.",
	}
	ns := &notes{}
	for n := range 17 {
		var items []noteItem
		for i := range 14 {
			kind, label := "agree", "Agrees"
			if i >= 10 {
				kind, label = "disagree", "Disagrees"
			}
			items = append(items, noteItem{Kind: kind, Label: label, Outlet: "Agence France-Presse", HasOutlet: true,
				Text: texts[(n+i)%len(texts)], Href: "../report-00002/#c-c7f1076f", SourceHref: "../report-00002/",
				Reason: "agree: both report “Jonas Dmitriev”, “attend” ~ “minister”, “take” ~ “led”"})
		}
		ns.add(items)
	}
	b.ReportAllocs()
	for b.Loop() {
		notesHTML(ns.list)
	}
}

// TestSameWords checks which sentences a note calls the same words as
// its own.
func TestSameWords(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Talks began at 10 o'clock.", "Talks began at 10 o’clock.", true},
		{"Talks began at 10 o'clock.", "talks  began at 10 o'clock", true},
		{"“We will not sign,” he said.", "\"We will not sign\", he said.", true},
		{"Some 3,200 people left.", "Some 3200 people left.", false},
		{"Talks began at 10.", "Talks began at 10 on Monday.", false},
		{"Talks began.", "Talks began again.", false},
		{"", "", true},
		{"…", "", true},
		{"Ünïcode wörds.", "ÜNÏCODE WÖRDS", true},
	} {
		if got := sameWords(c.a, c.b); got != c.want {
			t.Errorf("sameWords(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// TestNoteExcerpts checks which entries of a note quote their
// sentence: "same words" for a sentence word for word the note's own,
// and one excerpt per distinct wording of a kind; every source keeps
// its link and reason.
func TestNoteExcerpts(t *testing.T) {
	var items []noteItem
	add := func(kind, outlet, text, reason string, same bool) {
		items = append(items, noteItem{Kind: kind, Label: map[string]string{"agree": "Agrees", "disagree": "Disagrees"}[kind],
			Outlet: outlet, HasOutlet: true, Text: text, Reason: reason, Same: same,
			Href: "../" + outlet + "/#c", SourceHref: "../" + outlet + "/"})
	}
	long := "Jonas Dmitriev, the defence minister, led the delegation that arrived in "
	add("agree", "a1", "The note's own words.", "agree: both report X", true)
	add("agree", "a2", long+"Hanoi on Monday.", "agree: both report “Hanoi”", false)
	add("agree", "a2", "Second sentence of a2.", "agree: both report “Oslo”", false)
	add("agree", "a3", long+"Muscat on Monday.", "agree: both report “Muscat”", false) // same excerpt as a2's first
	for i := range 8 {
		add("agree", fmt.Sprintf("b%d", i), fmt.Sprintf("Agreeing sentence %d.", i), fmt.Sprintf("agree: reason %d", i), false)
	}
	add("disagree", "d1", long+"Hanoi on Friday.", "time: “Monday” vs “Friday”", false) // a2's excerpt, other kind
	ns := &notes{}
	n := ns.add(items)
	got := string(appendNote(nil, &n))
	count := func(s string) int { return strings.Count(got, s) }
	if c := count(`<span class="ni-shown">: same words</span>`); c != 1 {
		t.Errorf("%d same words, want 1:\n%s", c, got)
	}
	if c := count(`: “Jonas Dmitriev, the defence minister, led the delegation that…”`); c != 2 {
		t.Errorf("the shared excerpt written %d times, want once for each kind:\n%s", c, got)
	}
	for _, q := range []string{"Second sentence of a2.", "Agreeing sentence 0.", "Agreeing sentence 7."} {
		if c := count("“" + q + "”"); c != 1 {
			t.Errorf("excerpt %q written %d times, want 1", q, c)
		}
	}
	for _, it := range items {
		if !strings.Contains(got, `<a href="`+it.Href[:len(it.Href)-2]) {
			t.Errorf("no link to %s", it.Outlet)
		}
		if r := strings.TrimPrefix(it.Reason, "agree: "); !strings.Contains(got, "> "+r+"</span>") {
			t.Errorf("no reason %q", r)
		}
	}
}
