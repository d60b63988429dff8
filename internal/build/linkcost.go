package build

import (
	"bytes"

	"github.com/brief-dev/brief/internal/brief"
)

// goldmark's link parser reads a link destination after "](" up to a
// space, an unbalanced ")" or the end of the line, and on failure starts
// again at the next "](": one line of "[a](" × 50,000 (200 KB) reads
// about 5·10⁹ bytes and took 75 s, in a library call that cannot be
// interrupted. maxLinkScan bounds the bytes those reads take in one
// file, about 0.2 s of goldmark's time; an article with ordinary links
// needs about the length of its URLs.
const maxLinkScan = 64 << 20

// checkLinkScan returns an error naming the line of body (which starts
// on file line line0) that costs most when the link scans of body
// together exceed maxLinkScan, or nil.
func checkLinkScan(path string, line0 int, body []byte) *brief.Error {
	var total, worst int64
	worstLine, worstLinks := 0, 0
	for n, line := range bytes.Split(body, []byte("\n")) {
		cost, links := lineLinkScan(line)
		total += cost
		if cost > worst {
			worst, worstLine, worstLinks = cost, line0+n, links
		}
	}
	if total <= maxLinkScan {
		return nil
	}
	return brief.Errorf(brief.Pos{File: path, Line: worstLine}, "%d link destinations (\"](\") on this line are left open, so the Markdown would take minutes to read: close each link with \")\" or write \\( for a literal \"(\" after \"]\"", worstLinks)
}

// lineLinkScan returns how many bytes goldmark reads for the link
// destinations that start on line (after "](", or "](<"), and how many
// such destinations there are. It mirrors parseLinkDestination: a
// destination in <> ends at ">", any other at a space, an unbalanced
// ")" or the end of the line. It takes time linear in the line.
func lineLinkScan(line []byte) (cost int64, links int) {
	if !bytes.Contains(line, []byte("](")) {
		return 0, 0
	}
	n := len(line)
	// nextSpace[i] and nextGT[i]: the first index >= i holding a space
	// (or control character) or '>', n when there is none.
	nextSpace := make([]int32, n+1)
	nextGT := make([]int32, n+1)
	nextSpace[n], nextGT[n] = int32(n), int32(n)
	for i := n - 1; i >= 0; i-- {
		nextSpace[i], nextGT[i] = nextSpace[i+1], nextGT[i+1]
		if c := line[i]; c <= ' ' {
			nextSpace[i] = int32(i)
		} else if c == '>' {
			nextGT[i] = int32(i)
		}
	}
	// depth[k] is the paren depth before byte k (escaped parens do not
	// count); a scan from p stops before the first k > p with
	// depth[k] < depth[p], the ")" that closes nothing. nextLower holds
	// that k for each p (the next smaller element, by a stack).
	depth := make([]int32, n+1)
	for i := 0; i < n; i++ {
		d := int32(0)
		switch line[i] {
		case '(':
			d = 1
		case ')':
			d = -1
		}
		if i > 0 && line[i-1] == '\\' {
			d = 0
		}
		depth[i+1] = depth[i] + d
	}
	nextLower := make([]int32, n+1)
	stack := make([]int32, 0, 64)
	for k := n; k >= 0; k-- {
		for len(stack) > 0 && depth[stack[len(stack)-1]] >= depth[k] {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			nextLower[k] = int32(n + 1)
		} else {
			nextLower[k] = stack[len(stack)-1]
		}
		stack = append(stack, int32(k))
	}
	for i := 0; i+1 < n; i++ {
		if line[i] != ']' || line[i+1] != '(' {
			continue
		}
		p := i + 2
		for p < n && (line[p] == ' ' || line[p] == '\t') {
			p++
		}
		links++
		if p < n && line[p] == '<' {
			cost += int64(nextGT[p] - int32(p))
			continue
		}
		stop := min(nextSpace[p], nextLower[p]-1, int32(n))
		if stop > int32(p) {
			cost += int64(stop - int32(p))
		}
	}
	return cost, links
}
