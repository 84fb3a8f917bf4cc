#!/usr/bin/env bash
# CI check, where the official `capnp` tool is installed (apt-get install capnproto):
#  (a) re-encodes every .txt input of cases.list and compares with the committed vectors and
#      layout.txt, so the fixtures ../oracle.rs reads cannot drift from what the tool makes;
#  (b) reads the messages capnzero builds -- the committed ours-<name>.bin, which the tests in
#      ../oracle.rs assert are exactly what capnzero builds -- with the tool: `capnp decode`
#      must print ours-<name>.expected.txt (the tool's decoding of its own encoding of
#      <name>.txt), and `capnp convert binary:canonical` must give <name>.canonical.
# Exits non-zero on any mismatch. Run from anywhere: bash runtime/tests/oracle/check.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

command -v capnp > /dev/null || { echo "check.sh: the capnp tool is not installed" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# into <output file> <command...>: runs the command with its stdout in the file; a failing
# command is a failure (and leaves the file empty).
into() {
  local out=$1
  shift
  if ! "$@" > "$out" 2> "$out.err"; then
    fail "$* exited non-zero: $(head -c 500 "$out.err")"
    : > "$out"
  fi
}

# same <committed file> <fresh file>
same() {
  if [[ ! -e "$1" ]]; then
    fail "$1 is missing (run regen.sh)"
  elif ! cmp -s "$1" "$2"; then
    fail "$1 differs: $(cmp "$1" "$2" 2>&1 || true)"
  fi
}

into "$tmp/layout.txt" capnp compile -ocapnp schema.capnp
same layout.txt "$tmp/layout.txt"

cases=0
while read -r name type sizes; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  cases=$((cases + 1))

  # (a) the tool's vectors
  into "$tmp/$name.bin" capnp encode schema.capnp "$type" < "$name.txt"
  same "$name.bin" "$tmp/$name.bin"
  into "$tmp/$name.packed" capnp encode --packed schema.capnp "$type" < "$name.txt"
  same "$name.packed" "$tmp/$name.packed"
  into "$tmp/$name.flat" capnp encode --flat schema.capnp "$type" < "$name.txt"
  same "$name.flat" "$tmp/$name.flat"
  into "$tmp/$name.canonical" capnp convert text:canonical schema.capnp "$type" < "$name.txt"
  same "$name.canonical" "$tmp/$name.canonical"
  for size in ${sizes//,/ }; do
    into "$tmp/$name.seg$size.bin" capnp encode --segment-size="$size" schema.capnp "$type" < "$name.txt"
    same "$name.seg$size.bin" "$tmp/$name.seg$size.bin"
    into "$tmp/$name.seg$size.packed" \
      capnp encode --packed --segment-size="$size" schema.capnp "$type" < "$name.txt"
    same "$name.seg$size.packed" "$tmp/$name.seg$size.packed"
  done
  into "$tmp/$name.expected.txt" capnp decode schema.capnp "$type" < "$tmp/$name.bin"
  same "ours-$name.expected.txt" "$tmp/$name.expected.txt"

  # (b) capnzero's message, read by the tool
  if [[ ! -e "ours-$name.bin" ]]; then
    fail "ours-$name.bin is missing (run regen.sh)"
    continue
  fi
  into "$tmp/ours-$name.txt" capnp decode schema.capnp "$type" < "ours-$name.bin"
  same "ours-$name.expected.txt" "$tmp/ours-$name.txt"
  into "$tmp/ours-$name.canonical" capnp convert binary:canonical < "ours-$name.bin"
  same "$name.canonical" "$tmp/ours-$name.canonical"
done < cases.list

# Every ours-*.bin belongs to a case.
for file in ours-*.bin; do
  [[ -e "$file" ]] || continue
  name=${file#ours-}
  name=${name%.bin}
  grep -q "^$name " cases.list || fail "$file is not in cases.list"
done

if ((failures > 0)); then
  echo "check.sh: $failures failure(s)" >&2
  exit 1
fi
echo "check.sh: $cases cases agree with capnp $(capnp --version | awk '{print $NF}')"
