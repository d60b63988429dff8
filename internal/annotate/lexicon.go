package annotate

// DefaultLexicon returns the lexicon Annotate uses: Snowball stems, with
// no synonyms or vectors.
func DefaultLexicon() Lexicon { return stemLexicon{} }
