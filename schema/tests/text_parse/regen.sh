#!/usr/bin/env bash
# Regenerates the expected outputs of schema/tests/text_parse.rs with the official `capnp`
# tool (0.9.2), from all.capnp and the inputs listed in cases.list and errors.list:
#   <name>.bin, .packed, .flat           capnp encode [--packed | --flat] all.capnp TYPE
#   <name>.seg<N>.bin, .seg<N>.packed    the same with --segment-size=N
#   err-<name>.out                       what the tool writes on stdout for a bad input
#   err-<name>.err                       its errors (normalize.awk) and its exit status
# The files go next to this script, or into the directory given as the argument (check.sh
# uses that). Commit everything it writes.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(cd "${1:-$here}" && pwd)"
cd "$here"
command -v capnp > /dev/null || { echo "regen.sh: the capnp tool is not installed" >&2; exit 2; }

while read -r name type sizes; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  capnp encode all.capnp "$type" < "$name.txt" > "$out/$name.bin" || exit 1
  capnp encode --packed all.capnp "$type" < "$name.txt" > "$out/$name.packed" || exit 1
  capnp encode --flat all.capnp "$type" < "$name.txt" > "$out/$name.flat" || exit 1
  for size in ${sizes//,/ }; do
    capnp encode --segment-size="$size" all.capnp "$type" < "$name.txt" > "$out/$name.seg$size.bin" || exit 1
    capnp encode --packed --segment-size="$size" all.capnp "$type" < "$name.txt" \
      > "$out/$name.seg$size.packed" || exit 1
  done
done < cases.list

while read -r name type how; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  if [[ "$how" == quiet ]]; then
    capnp convert --quiet text:binary all.capnp "$type" < "err-$name.txt" > "$out/err-$name.out" 2> "$out/err-$name.stderr"
  else
    capnp encode all.capnp "$type" < "err-$name.txt" > "$out/err-$name.out" 2> "$out/err-$name.stderr"
  fi
  status=$?
  { awk -f normalize.awk "$out/err-$name.stderr"; echo "exit: $status"; } > "$out/err-$name.err"
  rm -f "$out/err-$name.stderr"
done < errors.list
