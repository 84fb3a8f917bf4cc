#!/usr/bin/env bash
# Regenerates the fixtures of tests/schema_clash.rs with the official tool (capnp 0.9.2), for
# each case of cases.txt (name, type):
#   name.bin     `capnp encode clash.capnp TYPE < name.txt`;
#   name.short   `capnp decode --short clash.capnp TYPE < name.bin`;
#   name.pretty  `capnp decode clash.capnp TYPE < name.bin`.
# With a directory argument, writes everything there instead (check_fixtures.sh uses that).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here}"
mkdir -p "$out"

while read -r name type; do
  case "$name" in ''|'#'*) continue ;; esac
  capnp encode "$here/clash.capnp" "$type" < "$here/$name.txt" > "$out/$name.bin"
  capnp decode --short "$here/clash.capnp" "$type" < "$out/$name.bin" > "$out/$name.short"
  capnp decode "$here/clash.capnp" "$type" < "$out/$name.bin" > "$out/$name.pretty"
done < "$here/cases.txt"
