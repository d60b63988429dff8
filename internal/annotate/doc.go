// Method and file format: see the package documentation in annotator.go
// (expanded below as the method settles).
package annotate
