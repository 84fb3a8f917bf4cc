#!/usr/bin/env bash
# Regenerates the expected outputs of schema/tests/embed.rs with the official `capnp` tool
# (0.9.2):
#   point.bin       the message embeds.capnp embeds as a struct (capnp encode of point.txt)
#   embeds.cgr      capnp compile -I. -o- embeds.capnp (the import path serves "/abs/...")
#   missing.errors  what capnp compile prints for missing.capnp
# The files go next to this script, or into the directory given as the argument (check.sh
# uses that). Commit everything it writes.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(cd "${1:-$here}" && pwd)"
cd "$here"
command -v capnp > /dev/null || { echo "regen.sh: the capnp tool is not installed" >&2; exit 2; }
capnp encode embeds.capnp Point < point.txt > "$out/point.bin" || exit 1
capnp compile -I. -o- embeds.capnp > "$out/embeds.cgr" || exit 1
if capnp compile -I. -o- missing.capnp > /dev/null 2> "$out/missing.errors"; then
  echo "regen.sh: missing.capnp compiled without errors" >&2
  exit 1
fi
