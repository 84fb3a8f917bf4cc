#!/usr/bin/env bash
# Regenerates the fixtures of tests/reflection.rs with the official tool (capnp 0.9.2), for each
# case of cases.txt (name, type, the schema the message is encoded with):
#   name.bin     `capnp encode SCHEMA TYPE < name.txt` (newer.capnp writes values reflect.capnp
#                does not know);
#   name.short   `capnp decode --short reflect.capnp TYPE < name.bin`;
#   name.pretty  `capnp decode reflect.capnp TYPE < name.bin`.
# With a directory argument, writes everything there instead (check.sh uses that).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here}"
mkdir -p "$out"

while read -r name type schema; do
  case "$name" in ''|'#'*) continue ;; esac
  capnp encode "$here/$schema" "$type" < "$here/$name.txt" > "$out/$name.bin"
  capnp decode --short "$here/reflect.capnp" "$type" < "$out/$name.bin" > "$out/$name.short"
  capnp decode "$here/reflect.capnp" "$type" < "$out/$name.bin" > "$out/$name.pretty"
done < "$here/cases.txt"
