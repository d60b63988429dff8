// Package lexicon is the offline English language resource of the claim
// aligner: lemmas and synonyms from WordNet 3.0, word vectors and frequency
// ranks from GloVe 6B (100 dimensions), the same vectors counter-fitted to
// synonym and antonym pairs (Mrkšić et al. 2016), the antonym pairs
// themselves, and SIF sentence vectors (Arora et al. 2017) over the
// counter-fitted table.
//
// The package-level functions use tables embedded in the binary and loaded
// on first use (60-70 ms on a small 2-core machine). [Load] reads the same
// files from any [fs.FS], which is how tests check a freshly generated table.
//
// # Data files
//
// tools/lexicon writes the files under data/ from the WordNet and GloVe
// inputs (see tools/lexicon/README.md); NOTICE holds the licences. They are
// not compressed: parsing plain text is faster than gunzipping it, and the
// vectors hardly compress. Text files are UTF-8, one record a line, fields separated by tabs, lines
// starting with '#' are comments.
//
// wordnet.txt has one line per single-word WordNet lemma, in byte order:
//
//	lemma  pos-mask  tag-count  senses  derived  hypernyms
//
// pos-mask has bit 0 set for nouns, 1 verbs, 2 adjectives, 3 adverbs.
// tag-count is the sum of WordNet's tagged-sense counts over the parts of
// speech, a rough frequency. senses lists the synsets of the lemma's first
// few senses per part of speech; derived the synsets of words
// derivationally related to those senses ("arrive" -> "arrival"); hypernyms
// the direct hypernyms of its verb senses, leaving out very general ones.
// Synsets are comma-separated base-36 numbers that only identify a synset
// within the file.
//
// exceptions.txt lists WordNet's irregular forms:
//
//	pos  inflected  base  [base...]
//
// words.txt holds the GloVe vocabulary kept, one word a line, most
// frequent first. vectors.bin starts with the magic "LXV1", then the word
// count, the dimension (uint32) and the scale (float32), little endian,
// followed by count*dimension int8 components: each word's unit vector
// times the scale, rounded. The words are those of words.txt, in order.
//
// paraphrase.bin has the layout of vectors.bin, the same words in the same
// order, and a scale of its own: the GloVe vectors counter-fitted to the
// PPDB 2.0 synonym pairs and the PPDB and WordNet antonym pairs of
// github.com/nmrksic/counter-fitting (see tools/lexicon/counterfit.go).
//
// antonyms.txt lists those antonym pairs, "a  b" with a < b, sorted; the
// loader adds the pairs of their lemmas.
//
// sif.txt holds the SIF parameters, one "key  number..." a line: "a" and
// "zipf" (a word of rank r weighs a/(a + zipf/(r+1))), and per table
// ("vectors.bin", "paraphrase.bin") its common component, Dims numbers: a
// unit vector in the table's dequantised space, whose projection is removed
// from each sentence vector.
package lexicon
