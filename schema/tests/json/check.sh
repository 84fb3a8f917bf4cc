#!/usr/bin/env bash
# Re-checks the committed JSON codec fixtures against the official tool, for CI:
# 1. capnp 0.9.2 still gives every committed .bin and .json file (regen.sh into a scratch
#    directory, compared byte for byte) and still refuses every name.bad.json;
# 2. capnzero's codec writes and reads them exactly so (cargo test --test json).
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
if ! (cd "$repo" && cargo test -q -p capnzero-schema --test json >/dev/null 2>&1); then
  echo "FAIL: capnzero's JSON codec differs from capnp convert (cargo test -p capnzero-schema --test json)" >&2
  status=1
fi
[ "$status" -eq 0 ] && echo "JSON fixtures: the official tool's output is unchanged and capnzero's codec matches it"
exit "$status"
