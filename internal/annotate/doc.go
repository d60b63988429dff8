/*
Method

Claims. Each source's Markdown body is parsed with goldmark; every leaf
block (paragraph, heading, list item text, block quote paragraph) is turned
into the plain text the reader sees, keeping the body offset of every byte,
and split into sentences on that text (split.go): a period, "!", "?" or
"…" followed by a blank and a capital ends a sentence, except inside a
quotation that closes later in the block, after titles ("Mr.", "Gen."),
initials ("J. D. Vance") and, unless a common sentence opener follows,
dotted acronyms ("U.S."). Headings are KindHeading, sentences ending in
"?" outside quotes KindQuestion, everything else a claim. IDs are
"c-" + 8 hex digits of sha256(source ID, NUL, normalised text).

What a claim says (features.go, entities.go, numbers.go, quotes.go,
extract.go): content lemmas (Snowball stems or a Lexicon's lemmas, function
words dropped); names as runs of capitalised words, with titles split off
at the last role noun ("White House Press Secretary | Karoline Leavitt"),
folded across the corpus (surname alone → full name in the same source,
acronyms → initials, one-letter spelling variants, demonyms); quantities
with their unit, counted noun and kind ("mod" for "30-day ceasefire",
"rel" for "30 days ago", "pct", "count"); weekdays and dates; quotations
with their speaker ("X said", "said X", "according to X", a colon, a
pronoun or a bare quotation resolved from previous sentences); status
markers ("en route", "yet to", "denied") and past-tense verbs.

Alignment (index.go, score.go, align.go): an inverted index over lemma,
name, quantity and quotation-trigram keys proposes candidate pairs from
other sources; keys shared by more than maxPosting claims propose none, so
the work per claim is bounded and the total grows linearly. Each candidate
is scored by an IDF-weighted soft alignment of the two feature sets in both
directions (names and quantities weigh more; a Lexicon's Related adds
synonyms and vector neighbours). A pair agrees when its score reaches
agreeHigh, or agreeLow when each claim is the other's best match in the
other source. Detectors (disagree.go) then judge: quote (same speaker, a
quotation sharing most words in a different wording; one quotation inside
the other is agreement), role (same person, titles with different head
nouns), number (same kind, unit and noun, different value), and, for
aligned pairs only, status, time (different weekdays or dates) and place
(each names one place the other does not, with two names shared). Clusters
(cluster.go) are connected components of agree links, strongest first,
never holding two claims of one source.

# The annotations.yaml format

content/annotations.yaml corrects the automatic pass. Links name claims
by source ID and a fragment of their text (case, quotation marks and blanks
folded); relation is agree, disagree (with kind: number, quote, role,
status, time or place) or none (reject the link). Entities merge names or
keep them apart. Overrides are applied after the automatic pass; a fragment
matching no claim, or several, and a name found in no source, are reported
as warnings at their file:line.

	links:
	  - a: {source: 000-slug, text: "arrived in Moscow"}
	    b: {source: 004-slug, text: "arrived in Moscow on Thursday"}
	    relation: agree
	  - a: {source: 001-slug, text: "three-year-long war"}
	    b: {source: 004-slug, text: "two-year war"}
	    relation: disagree
	    kind: number
	    reason: "number: “three-year-long war” vs “two-year war”"
	entities:
	  - same: ["Dnipro", "Dnipropetrovsk"]
	  - different: ["Georgia", "Georgia (US state)"]
*/
package annotate
