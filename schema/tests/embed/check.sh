#!/usr/bin/env bash
# CI check, where the official `capnp` tool is installed: regenerates the expected outputs of
# schema/tests/embed.rs into a temporary directory (regen.sh) and compares them with the
# committed files. Exits non-zero on any difference.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v capnp > /dev/null || { echo "check.sh: the capnp tool is not installed" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$here/regen.sh" "$tmp" || { echo "check.sh: regen.sh failed" >&2; exit 1; }
failures=0
for name in point.bin embeds.cgr missing.errors; do
  if ! cmp -s "$tmp/$name" "$here/$name"; then
    echo "FAIL: $name differs from what the tool makes now" >&2
    failures=$((failures + 1))
  fi
done
echo "check.sh: 3 files compared, $failures differ"
[[ $failures -eq 0 ]]
