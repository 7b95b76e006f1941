#!/usr/bin/env bash
# Makes sure a FerretDB v1.24.2 binary exists in $(go env GOPATH)/bin and prints its path.
# FerretDB is the MongoDB-compatible server that tests and `npm run dev` use when no MONGODB_URI is set.
#
# Why not a bare `go install …/cmd/ferretdb@v1.24.2`: that build has no build/version/version.txt,
# and the binary panics at start-up ("Invalid build/version/version.txt file content"). So we fetch
# the same module through the Go module proxy, add the one-line version file, and build it.
set -euo pipefail
version=v1.24.2
command -v go >/dev/null 2>&1 || { echo "ensure-ferretdb: Go is not installed; install Go or set MONGODB_URI" >&2; exit 1; }
bin_dir="$(go env GOPATH)/bin"
target="$bin_dir/ferretdb"
# Read the whole version output first: `grep -q` closing the pipe early would fail it under pipefail.
if [ -x "$target" ] && [[ "$("$target" --version 2>/dev/null)" == *"version: $version"* ]]; then
  echo "$target"
  exit 0
fi
echo "ensure-ferretdb: building FerretDB $version (one time, about a minute)…" >&2
module_dir=$(cd /tmp && go mod download -json "github.com/FerretDB/FerretDB@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -n "$module_dir" ] || { echo "ensure-ferretdb: go mod download failed" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$module_dir/." "$work/"
chmod -R u+w "$work"
echo "$version" > "$work/build/version/version.txt"
mkdir -p "$bin_dir"
# A per-process temporary name, so two builds started at once never collide; mv is atomic.
(cd "$work" && go build -o "$target.tmp.$$" ./cmd/ferretdb)
mv "$target.tmp.$$" "$target"
[[ "$("$target" --version)" == *"version: $version"* ]]
echo "$target"
