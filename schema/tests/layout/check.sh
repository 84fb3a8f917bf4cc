#!/usr/bin/env bash
# Oracle check of the layout fixtures, for CI: the official compiler still gives exactly the
# committed layouts and requests, and capnzero's compiler reproduces them (the `layout` and
# `conformance` tests). Exits non-zero on any difference.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
bash "$here/regen.sh" "$tmp"
status=0
for fixture in "$here"/*.expected "$here"/*.cgr; do
  name="$(basename "$fixture")"
  if ! cmp -s "$fixture" "$tmp/$name"; then
    echo "FAIL: the official compiler no longer gives $name (run regen.sh)" >&2
    status=1
  fi
done
if ! (cd "$repo" && cargo test -q -p capnzero-schema --test layout --test conformance > "$tmp/test.txt" 2>&1); then
  echo "FAIL: capnzero's layouts or requests differ from the official ones:" >&2
  cat "$tmp/test.txt" >&2
  status=1
fi
[ "$status" -eq 0 ] && echo "layout fixtures: official output unchanged, capnzero gives the same"
exit "$status"
