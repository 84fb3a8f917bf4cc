#!/usr/bin/env bash
# Checks the benchmark's generated schema against the official compiler (capnp 0.9.2): the
# schema compiles, and the CodeGeneratorRequest capnzero makes of it is the one
# `capnp compile -o-` makes (same nodes and doc comments, in the same order, every field equal:
# `capnp decode` prints both the same). Prints the timing too. Exits non-zero on a difference.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$repo" && CAPNZERO_BENCH_OUT="$tmp" cargo bench -q -p capnzero-schema --bench compile_large)
(cd "$tmp" && capnp compile -o- large.capnp > official.cgr)
schema=/usr/include/capnp/schema.capnp
capnp decode "$schema" CodeGeneratorRequest < "$tmp/official.cgr" > "$tmp/official.txt"
capnp decode "$schema" CodeGeneratorRequest < "$tmp/large.cgr" > "$tmp/ours.txt"
if ! diff -u "$tmp/official.txt" "$tmp/ours.txt" > "$tmp/diff.txt"; then
  echo "FAIL: capnzero's request for the generated schema differs from the official one:" >&2
  head -60 "$tmp/diff.txt" >&2
  exit 1
fi
echo "compile_large: capnzero's request equals capnp compile -o-'s ($(grep -c 'displayName = ' "$tmp/ours.txt") nodes)"
