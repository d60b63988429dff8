package build

// WithFixtures makes b use the test fixture annotator, which reads
// content/annotations.yaml as the complete annotation.
func WithFixtures(b *Builder) *Builder {
	b.newAnnotator = newFixtureAnnotator
	return b
}
