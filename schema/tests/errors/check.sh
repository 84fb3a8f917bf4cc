#!/usr/bin/env bash
# Oracle check of the broken-schema table, for CI: the official compiler still prints exactly
# the committed .expected files, capnzero's compiler gives the same errors (the `errors` test),
# and the two give the same errors and requests for mutated schemas (the ignored
# `mutated_schemas_give_the_official_errors` test, which runs the tool). Exits non-zero on any
# difference.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
bash "$here/regen.sh" "$tmp"
status=0
for expected in "$here"/*.expected; do
  name="$(basename "$expected")"
  if ! diff -u "$expected" "$tmp/$name" > "$tmp/diff.txt"; then
    echo "FAIL: capnp compile -o- no longer prints ${name%.expected}'s errors (run regen.sh):" >&2
    cat "$tmp/diff.txt" >&2
    status=1
  fi
done
for schema in "$here"/*.capnp; do
  if [ ! -e "$schema.expected" ]; then
    echo "FAIL: $(basename "$schema") has no .expected (run regen.sh)" >&2
    status=1
  fi
done
if ! (cd "$repo" && cargo test -q -p capnzero-schema --test errors > "$tmp/test.txt" 2>&1); then
  echo "FAIL: capnzero's errors differ from the official ones:" >&2
  cat "$tmp/test.txt" >&2
  status=1
fi
if ! (cd "$repo" && cargo test -q -p capnzero-schema --test errors -- --ignored > "$tmp/mutations.txt" 2>&1); then
  echo "FAIL: capnzero and the official compiler differ on mutated schemas:" >&2
  cat "$tmp/mutations.txt" >&2
  status=1
fi
[ "$status" -eq 0 ] && echo "broken-schema table: official errors unchanged, capnzero gives the same (and on mutated schemas)"
exit "$status"
