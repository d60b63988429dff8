package ingest

import (
	"regexp"
	"testing"
)

// TestPatternsCompile compiles every pattern of the package, which
// lazyRegexp would otherwise only compile (or panic on) when first used.
func TestPatternsCompile(t *testing.T) {
	for _, p := range []func() *regexp.Regexp{
		atxHeading, bareCount, blockMarker, bylineDate, bylinePrefix, chromeText, copyrightNotice, creditLabel,
		creditSuffix, creditText, dateInURL, dateLine, entityRef, fenceOpen, isoDate, mdLink, nameSeparator,
		newBlock, orderedItem, orderedStart, postMeta, promptText, relatedHeading, signUpText, teaserLabel, thematicBreak,
	} {
		if p() == nil {
			t.Fatal("nil pattern")
		}
	}
}
