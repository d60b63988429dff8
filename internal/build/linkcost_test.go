package build

import (
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
)

// TestLineLinkScan checks the cost model against what goldmark reads.
func TestLineLinkScan(t *testing.T) {
	tests := []struct {
		line        string
		cost, links int
	}{
		{"no links here", 0, 0},
		{"[a](http://x.org/a) and [b](c)", 15, 2},
		{"[a](b (c) d)", 1, 1},         // stops at the space
		{"[a](b(c)d) e", 5, 1},         // "b(c)d", up to the unbalanced ")"
		{"[a](<b c> d)", 4, 1},         // "<b c" up to '>'
		{"[a](<b", 2, 1},               // to the end
		{"[a](\\)x) y", 3, 1},          // an escaped ')' does not close
		{"[a]([a]([a](", 8 + 4 + 0, 3}, // each to the end of the line
	}
	for _, tt := range tests {
		cost, links := lineLinkScan([]byte(tt.line))
		if int(cost) != tt.cost || links != tt.links {
			t.Errorf("lineLinkScan(%q) = %d, %d; want %d, %d", tt.line, cost, links, tt.cost, tt.links)
		}
	}
}

// TestLinkScanRefused checks that the inputs that made goldmark's link
// parser quadratic are refused at their line, quickly, and that many
// ordinary links are not (issue 12 item 3: "[a](" × 50,000 took 75 s).
func TestLinkScanRefused(t *testing.T) {
	for _, body := range []string{
		"Intro.\n\n" + strings.Repeat("[a](", 50000) + "\n",
		"Intro.\n\n" + strings.Repeat("[a](<", 40000) + "\n",
		"Intro.\n\n" + strings.Repeat("![a](", 40000) + "\n",
		"Intro.\n\n" + strings.Repeat(strings.Repeat("[a](", 3000)+"\n", 60),
	} {
		start := time.Now()
		e := checkLinkScan("a.md", 4, []byte(body))
		if e == nil {
			t.Fatalf("%.20q…: not refused", body)
		}
		if e.Pos.Line != 6 || !strings.Contains(e.Msg, "left open") {
			t.Errorf("error %v, want one at a.md:6", e)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("check took %v", d)
		}
	}
	ok := strings.Repeat("See [the report](https://example.org/reports/2025/annual-report.pdf) and (more) here. ", 20000)
	if e := checkLinkScan("a.md", 4, []byte(ok)); e != nil {
		t.Fatalf("ordinary links refused: %v", e)
	}
	// What is accepted parses fast: the bound is what goldmark needs.
	edge := strings.Repeat("[a](", 4000)
	cost, _ := lineLinkScan([]byte(edge))
	start := time.Now()
	goldmark.New().Parser().Parse(text.NewReader([]byte(edge)))
	t.Logf("%d bytes scanned in %v", cost, time.Since(start))
}
