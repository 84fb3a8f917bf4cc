#!/usr/bin/env bash
# Regenerates the oracle vectors from the .txt inputs with the official `capnp` tool (0.9.2):
# layout.txt and, for every case of cases.list, <name>.bin, .packed, .flat, .canonical,
# .segN.bin, .segN.packed and ours-<name>.expected.txt. Then it rewrites ours-<name>.bin,
# the messages capnzero builds, by running the oracle tests with CAPNZERO_ORACLE_BLESS=1
# (--no-ours skips that step). Run check.sh afterwards, and commit everything.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

capnp compile -ocapnp schema.capnp > layout.txt

while read -r name type sizes; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  capnp encode schema.capnp "$type" < "$name.txt" > "$name.bin"
  capnp encode --packed schema.capnp "$type" < "$name.txt" > "$name.packed"
  capnp encode --flat schema.capnp "$type" < "$name.txt" > "$name.flat"
  capnp convert text:canonical schema.capnp "$type" < "$name.txt" > "$name.canonical"
  for size in ${sizes//,/ }; do
    capnp encode --segment-size="$size" schema.capnp "$type" < "$name.txt" > "$name.seg$size.bin"
    capnp encode --packed --segment-size="$size" schema.capnp "$type" < "$name.txt" > "$name.seg$size.packed"
  done
  capnp decode schema.capnp "$type" < "$name.bin" > "ours-$name.expected.txt"
  # oracle.rs compiles the ours- files in: a new case needs one before the tests can build.
  [[ -e "ours-$name.bin" ]] || : > "ours-$name.bin"
done < cases.list

# A new case also needs its expected values in oracle.rs (fn expected) and its files in the
# fixtures! list there.
if [[ "${1:-}" != "--no-ours" ]]; then
  CAPNZERO_ORACLE_BLESS=1 cargo test --quiet -p capnzero-runtime --test oracle
fi
