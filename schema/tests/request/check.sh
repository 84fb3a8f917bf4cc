#!/usr/bin/env bash
# Oracle check of the CodeGeneratorRequest fixtures, for CI:
# 1. `capnp compile -o-` still produces exactly the committed .cgr files;
# 2. capnzero's writer, run on what it read from each fixture, gives a message that
#    `capnp decode` prints exactly as it prints the official one;
# 3. capnzero's compiler makes the same requests of the same schemas (the `conformance` test).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
schema=/usr/include/capnp/schema.capnp
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/official" "$tmp/ours"

bash "$here/regen.sh" "$tmp/official"
status=0
for fixture in "$here"/*.cgr; do
  name="$(basename "$fixture")"
  if ! cmp -s "$fixture" "$tmp/official/$name"; then
    echo "FAIL: capnp compile -o- no longer gives $name (run regen.sh)" >&2
    status=1
  fi
done

(cd "$repo" && CAPNZERO_REQUEST_OUT="$tmp/ours" \
  cargo test -q -p capnzero-schema --test request -- --exact dump_round_trips >/dev/null)
for fixture in "$here"/*.cgr; do
  name="$(basename "$fixture")"
  capnp decode "$schema" CodeGeneratorRequest < "$fixture" > "$tmp/official.txt"
  capnp decode "$schema" CodeGeneratorRequest < "$tmp/ours/$name" > "$tmp/ours.txt"
  if ! diff -u "$tmp/official.txt" "$tmp/ours.txt" > "$tmp/diff.txt"; then
    echo "FAIL: capnp decode prints capnzero's $name differently:" >&2
    head -40 "$tmp/diff.txt" >&2
    status=1
  fi
done
if ! (cd "$repo" && cargo test -q -p capnzero-schema --test conformance > "$tmp/conformance.txt" 2>&1); then
  echo "FAIL: capnzero's compiler makes other requests than the official one:" >&2
  cat "$tmp/conformance.txt" >&2
  status=1
fi
[ "$status" -eq 0 ] && echo "request fixtures: official output unchanged, capnzero's output decodes identically, capnzero compiles the same requests"
exit "$status"
