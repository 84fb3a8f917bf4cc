#!/usr/bin/env bash
# Re-checks the committed text printer fixtures against the official tool, for CI:
# 1. `capnp encode` still gives the committed name.bin for every `text` case, and capnzero's
#    runtime still builds the committed name.bin for every `built` case;
# 2. `capnp decode` and `capnp decode --short` still print the committed name.pretty and
#    name.short for every case;
# 3. capnzero's printer prints every case exactly so (cargo test --test text_print).
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
if ! (cd "$repo" && cargo test -q -p capnzero-schema --test text_print >/dev/null 2>&1); then
  echo "FAIL: capnzero's printer differs from capnp decode (cargo test -p capnzero-schema --test text_print)" >&2
  status=1
fi
[ "$status" -eq 0 ] && echo "text printer fixtures: the official tool's output is unchanged and capnzero prints it exactly"
exit "$status"
