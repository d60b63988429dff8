package build

// WithFixtures makes b use the test fixture annotator, which reads
// content/annotations.yaml as the complete annotation.
func WithFixtures(b *Builder) *Builder {
	b.newAnnotator = newFixtureAnnotator
	return b
}

// SetSourcesPerPage sets the length of a page of the source list and
// returns a function that restores it.
func SetSourcesPerPage(n int) func() {
	old := sourcesPerPage
	sourcesPerPage = n
	return func() { sourcesPerPage = old }
}
