#!/usr/bin/env bash
# Re-checks the fixtures of tests/schema_generics.rs against the official tool, for CI: the
# committed user.bin is what `capnp encode` writes today, user.short and user.pretty what
# `capnp decode` prints, and the generated types read and print them
# (cargo test --test schema_generics). Exits non-zero on any difference.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

sh "$here/regen.sh" "$tmp"
status=0
for fresh in "$tmp"/*; do
  name="$(basename "$fresh")"
  if ! cmp -s "$fresh" "$here/$name"; then
    echo "FAIL: the official tool no longer gives the committed $name (run regen.sh)" >&2
    status=1
  fi
done
if ! (cd "$repo" && cargo test -q -p capnzero --test schema_generics >/dev/null 2>&1); then
  echo "FAIL: generated generic types disagree with the fixtures (cargo test -p capnzero --test schema_generics)" >&2
  status=1
fi
[ "$status" -eq 0 ] && echo "generics fixtures: the official tool's output is unchanged and generated types read and print it"
exit "$status"
