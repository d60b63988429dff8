#!/bin/sh
# fetch.sh DIR: puts the public test sets extracteval reads under DIR:
#   DIR/readability  Mozilla Readability's test/test-pages (Apache-2.0)
#   DIR/trafilatura  trafilatura's tests/eval, tests/cache, tests/evaldata.json (Apache-2.0)
# With READABILITY_GIT or TRAFILATURA_GIT set to an existing (bare) git
# directory, that copy is read instead of cloning.
set -eu
dir=${1:?usage: fetch.sh DIR}
mkdir -p "$dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
get() { # get NAME URL ENVVAR
	if [ -n "$3" ]; then echo "$3"; return; fi
	git clone -q --bare --depth 1 "$2" "$tmp/$1" && echo "$tmp/$1"
}
r=$(get readability https://github.com/mozilla/readability "${READABILITY_GIT:-}")
t=$(get trafilatura https://github.com/adbar/trafilatura "${TRAFILATURA_GIT:-}")
rm -rf "$dir/readability" "$dir/trafilatura"
git --git-dir="$r" archive HEAD test/test-pages | tar -x -C "$tmp"
mv "$tmp/test/test-pages" "$dir/readability"
git --git-dir="$t" archive HEAD tests/eval tests/cache tests/evaldata.json | tar -x -C "$tmp"
mv "$tmp/tests" "$dir/trafilatura"
echo "test pages in $dir: $(ls "$dir/readability" | wc -l) Readability, $(ls "$dir/trafilatura/eval" "$dir/trafilatura/cache" | wc -l) trafilatura"
