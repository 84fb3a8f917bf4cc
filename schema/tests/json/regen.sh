#!/usr/bin/env bash
# Regenerates the JSON codec fixtures with the official tool (capnp 0.9.2) into DIR (default:
# this directory):
#   cases.txt:        name.bin (capnp encode of name.txt, or when there is a name.patch saying
#                     "BASE OFFSET HEX", capnp encode of BASE.txt with byte OFFSET set to 0xHEX),
#                     name.pretty.json and name.short.json
#                     (capnp convert binary:json, and with --short), name.json.bin (capnp convert
#                     json:binary of name.pretty.json; the short JSON must give the same bytes;
#                     not for cases marked encode-only, whose JSON the tool cannot read back);
#   decode_cases.txt: name.in.bin (capnp convert json:binary of name.in.json) and name.in.short.json
#                     (capnp convert binary:json --short of name.in.bin);
#   bad_cases.txt:    nothing, but capnp convert json:binary must refuse every name.bad.json.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here}"
mkdir -p "$out"
cd "$here"
cases() { grep -v '^#' "$1" | awk 'NF >= 2 { print $1, $2, ($3 == "" ? "-" : $3) }'; }

cases cases.txt | while read -r name ty mode; do
  if [ -f "$name.patch" ]; then
    read -r base offset hex < "$name.patch"
    capnp encode all.capnp "$ty" < "$base.txt" > "$out/$name.bin"
    printf "\\x$hex" | dd of="$out/$name.bin" bs=1 seek="$offset" conv=notrunc status=none
  else
    capnp encode all.capnp "$ty" < "$name.txt" > "$out/$name.bin"
  fi
  capnp convert binary:json all.capnp "$ty" < "$out/$name.bin" > "$out/$name.pretty.json"
  capnp convert binary:json --short all.capnp "$ty" < "$out/$name.bin" > "$out/$name.short.json"
  [ "$mode" = encode-only ] && continue
  capnp convert json:binary all.capnp "$ty" < "$out/$name.pretty.json" > "$out/$name.json.bin"
  capnp convert json:binary all.capnp "$ty" < "$out/$name.short.json" | cmp -s - "$out/$name.json.bin" \
    || { echo "short and pretty JSON of $name give different messages" >&2; exit 1; }
done
cases decode_cases.txt | while read -r name ty _; do
  capnp convert json:binary all.capnp "$ty" < "$name.in.json" > "$out/$name.in.bin"
  capnp convert binary:json --short all.capnp "$ty" < "$out/$name.in.bin" > "$out/$name.in.short.json"
done
cases bad_cases.txt | while read -r name ty _; do
  if capnp convert json:binary all.capnp "$ty" < "$name.bad.json" > /dev/null 2>&1; then
    echo "capnp accepts $name.bad.json" >&2
    exit 1
  fi
done
