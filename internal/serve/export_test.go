package serve

// The stand-in build and file helper of the package's own tests, for the
// browser tests in package serve_test.
var (
	FakeBuild = fakeBuild
	WriteFile = writeFile2
)
