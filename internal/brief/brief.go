// Package brief holds the vocabulary shared by every stage of brief:
// sources, claims, links between claims, and positioned errors.
//
// Data flows one way: ingest writes content/sources/*.md, annotate reads
// parsed sources and produces an Annotation, build renders the Annotation
// into public/. The stages meet only in these types and never import each
// other sideways. This package imports the standard library only.
package brief

// Source is one article under content/sources/, parsed from its front
// matter and Markdown body.
type Source struct {
	// ID is the slug of the source, taken from its file name without
	// extension ("reuters-talks" for content/sources/reuters-talks.md).
	ID string
	// Path is the file the source was read from, relative to the project
	// root and with forward slashes ("content/sources/reuters-talks.md").
	Path string

	Title        string
	Outlet       string
	URL          string
	Date         string // as written in front matter, normally YYYY-MM-DD
	Author       string
	Origin       string // the file the article was imported from
	TitleDerived bool   // the title was derived from the first sentence

	// Body is the Markdown body, after the front matter.
	Body []byte
	// BodyLine is the 1-based line of the file on which Body starts, so
	// that an offset into Body maps to a file position.
	BodyLine int

	// Draft marks the author's own briefing (content/briefing.md): its
	// sentences are checked against the sources but it is not a source.
	Draft bool
}

// SentenceKind says what role a sentence plays in its article.
type SentenceKind string

// Sentence kinds. Only KindClaim sentences take part in alignment; the
// others are kept so that pages can show every sentence of the article.
const (
	KindClaim    SentenceKind = "claim"
	KindHeading  SentenceKind = "heading"
	KindQuestion SentenceKind = "question"
	// Sentences of the article that state nothing a reader could check
	// against another source. Pages show them as text; they are not
	// claims, are never linked and are not in claims.json.
	KindByline   SentenceKind = "byline"   // "By Jane Doe, Reuters"
	KindDateline SentenceKind = "dateline" // "MOSCOW, March 13 (Reuters)", "Updated 14:02 GMT"
	KindCaption  SentenceKind = "caption"  // a photo caption or credit: "Photo: Getty"
	KindCode     SentenceKind = "code"     // program text: "var x = 'y'; f(x);"
	KindFragment SentenceKind = "fragment" // no verb, a lone word, an imperative: "Check."
)

// Claim is one sentence of a source. Sentences whose Kind is not
// KindClaim are not claims in the product's sense (headings, questions,
// bylines, captions, code, fragments) but are listed so that every
// sentence is accounted for.
type Claim struct {
	// ID is stable: derived from the source ID and the normalised text, so
	// it survives edits elsewhere in the file. Unique within an Annotation.
	ID     string
	Source string // Source.ID
	Kind   SentenceKind
	// Text is the sentence as plain text, exactly as the reader sees it
	// (Markdown syntax removed, typography kept).
	Text string
	// Start and End are byte offsets into Source.Body: Body[Start:End]
	// holds the sentence's Markdown. Build uses them to place the claim's
	// anchor and its footnote markers.
	Start, End int
	// Line is the 1-based line in the source file where the claim starts.
	Line int

	// Quote is the direct quotation the claim carries, if any, and
	// Speaker who said it (as named in the source; empty if unknown).
	Quote   string
	Speaker string
}

// Relation is how two claims relate.
type Relation string

// Relations.
const (
	Agree    Relation = "agree"
	Disagree Relation = "disagree"
)

// DisagreeKind says what two disagreeing claims differ on.
type DisagreeKind string

// Kinds of disagreement.
const (
	KindNumber DisagreeKind = "number" // same quantity, different value
	KindQuote  DisagreeKind = "quote"  // same speaker and quotation, different wording
	KindRole   DisagreeKind = "role"   // different title for the same person
	KindStatus DisagreeKind = "status" // done/said vs not yet/denied
	KindTime   DisagreeKind = "time"   // different day, date or time
	KindPlace  DisagreeKind = "place"  // different place or name for the same thing
	// KindDenial: one claim denies, refutes or debunks what the other
	// states ("denies the ceasefire claim", "a hoax", "greatly exaggerated").
	KindDenial DisagreeKind = "denial"
	// KindNegation: one claim states the negation of the other
	// ("will not play" / "to play").
	KindNegation DisagreeKind = "negation"
	// KindOpposite: the two claims say opposite things of one subject
	// ("added 1.92 points" / "dipped 0.08 of a point", "won" / "lost").
	KindOpposite DisagreeKind = "opposite"
)

// Link relates two claims of different sources. A is the claim whose ID
// sorts first; each pair appears once in an Annotation.
type Link struct {
	A, B     string // claim IDs
	Relation Relation
	Kind     DisagreeKind // set when Relation is Disagree
	Score    float64      // 0..1, confidence of the judgement
	// Reason is a short explanation a reader can check, naming the
	// differing words: `number: “three-year-long war” vs “two-year war”`.
	Reason string
	// Manual is set when the link was confirmed or added by an override.
	Manual bool
}

// Cluster groups claims into one fact: Rep, the sentence shown for it,
// and claims of other sources that each agree with Rep directly, one
// claim per source and no two that disagree with each other.
type Cluster struct {
	ID      string
	Claims  []string // claim IDs, sorted; Rep among them
	Sources []string // source IDs, sorted
	Rep     string   // the claim every other claim agrees with
}

// Annotation is the result of annotating a set of sources: every
// sentence of every source, the links between claims, and the facts
// (clusters) they form. All slices are sorted deterministically.
type Annotation struct {
	Sources  []*Source
	Claims   []*Claim // in source order, then document order
	Links    []Link   // sorted by A, then B
	Clusters []Cluster
	// Warnings are problems that do not stop a build, such as an
	// override in content/annotations.yaml that matches no claim.
	Warnings ErrorList
}
