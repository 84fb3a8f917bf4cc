#!/usr/bin/env bash
# Re-checks the fixtures of one test of generated types against the official tool, for CI:
#   check_fixtures.sh DIR TEST
# 1. DIR/regen.sh, run into a temp dir, still writes every committed fixture of DIR byte for
#    byte (`capnp encode` for the .bin files, `capnp decode` for the printed ones);
# 2. the generated types still read and print them (cargo test --test TEST).
# Exits non-zero on any difference.
set -euo pipefail
dir="$(cd "$1" && pwd)"
test_name="$2"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

bash "$dir/regen.sh" "$tmp"
status=0
for fresh in "$tmp"/*; do
  name="$(basename "$fresh")"
  if ! cmp -s "$fresh" "$dir/$name"; then
    echo "FAIL: the official tool no longer gives the committed $dir/$name (run regen.sh)" >&2
    status=1
  fi
done
if ! (cd "$repo" && cargo test -q -p capnzero --test "$test_name" >/dev/null 2>&1); then
  echo "FAIL: generated types disagree with the fixtures of $dir (cargo test -p capnzero --test $test_name)" >&2
  status=1
fi
[ "$status" -eq 0 ] && echo "$test_name fixtures: the official tool's output is unchanged and generated types read and print it"
exit "$status"
