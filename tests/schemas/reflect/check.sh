#!/usr/bin/env bash
# Re-checks the committed fixtures of tests/reflection.rs against the official tool, for CI:
# 1. `capnp encode` still gives the committed name.bin, and `capnp decode` (--short and pretty)
#    still prints the committed name.short and name.pretty, for every case of cases.txt;
# 2. the Debug and Display of the generated types print every case exactly so
#    (cargo test --test reflection).
# Exits non-zero on any difference.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

bash "$here/regen.sh" "$tmp"
status=0
for fresh in "$tmp"/*; do
  name="$(basename "$fresh")"
  if ! cmp -s "$fresh" "$here/$name"; then
    echo "FAIL: the official tool no longer gives the committed $name (run regen.sh)" >&2
    status=1
  fi
done
if ! (cd "$repo" && cargo test -q -p capnzero --test reflection >/dev/null 2>&1); then
  echo "FAIL: generated Debug/Display differ from capnp decode (cargo test -p capnzero --test reflection)" >&2
  status=1
fi
[ "$status" -eq 0 ] && echo "reflection fixtures: the official tool's output is unchanged and generated types print it exactly"
exit "$status"
