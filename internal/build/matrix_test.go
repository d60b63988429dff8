package build_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/build"
)

var (
	matrixRow  = regexp.MustCompile(`<div class="mrow[^"]*" role="row"><span class="fact-col" role="rowheader" aria-colindex="1"><a href="([^"]+)">.*?</div>`)
	matrixCell = regexp.MustCompile(`role="cell" aria-colindex="\d+"><a href="([^"]+)"`)
	matrixAlso = regexp.MustCompile(`<a class="also-(?:agree|disagree)" href="([^"]+)"`)
)

// TestMatrixMarksOnce: on 40 generated articles (five stories, so the
// matrix has several tables, with facts reported across them), a fact
// has a row in a table only if two or more of the table's sources mark
// it or it is the fact's own table; every mark is shown once, as a
// cell or, for a source alone in its table to mark the fact, named in
// the fact's row; and some are named.
func TestMatrixMarksOnce(t *testing.T) {
	root := t.TempDir()
	generated(t, root, 40)
	site, _, err := build.Build(context.Background(), build.Options{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{} // fact and mark's href -> the table that shows it
	rows := map[string]int{}    // fact -> tables with a row for it
	thin := map[string]int{}    // fact -> rows of one mark
	named := 0
	for _, p := range site.Paths() {
		if !strings.HasPrefix(p, "matrix/") || p == "matrix/index.html" {
			continue
		}
		data, _ := site.Bytes(p)
		for _, m := range matrixRow.FindAllStringSubmatch(string(data), -1) {
			fact, row := m[1], m[0]
			rows[fact]++
			cells := matrixCell.FindAllStringSubmatch(row, -1)
			also := matrixAlso.FindAllStringSubmatch(row, -1)
			named += len(also)
			if len(cells) < 2 {
				thin[fact]++
			}
			for _, x := range append(cells, also...) {
				k := fact + " " + x[1]
				if prev, ok := seen[k]; ok {
					t.Errorf("fact %s: mark %s shown in %s and again in %s", fact, x[1], prev, p)
				}
				seen[k] = p
			}
		}
	}
	for fact, n := range thin {
		if n > 1 || n == 1 && rows[fact] > 1 {
			t.Errorf("fact %s: %d rows of one mark among %d rows (only its own table may have one)", fact, n, rows[fact])
		}
	}
	if len(rows) == 0 || len(seen) == 0 {
		t.Fatal("no matrix rows found: has the markup changed?")
	}
	if named == 0 {
		t.Error("no mark is named in a fact's row: the corpus should have facts reported across tables")
	}
}
