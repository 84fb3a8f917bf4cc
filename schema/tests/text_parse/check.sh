#!/usr/bin/env bash
# CI check, where the official `capnp` tool is installed: regenerates every expected output of
# schema/tests/text_parse.rs into a temporary directory (regen.sh) and compares it with the
# committed file. The tests compare capnzero with the committed files, so together they
# compare capnzero with the tool. Exits non-zero on any difference.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v capnp > /dev/null || { echo "check.sh: the capnp tool is not installed" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$here/regen.sh" "$tmp" || { echo "check.sh: regen.sh failed" >&2; exit 1; }
failures=0
count=0
for fresh in "$tmp"/*; do
  name=$(basename "$fresh")
  count=$((count + 1))
  if [[ ! -e "$here/$name" ]]; then
    echo "FAIL: $name is missing (run regen.sh and commit)" >&2
    failures=$((failures + 1))
  elif ! cmp -s "$fresh" "$here/$name"; then
    echo "FAIL: $name differs from what the tool makes now" >&2
    failures=$((failures + 1))
  fi
done
echo "check.sh: $count files compared, $failures differ"
[[ $failures -eq 0 ]]
