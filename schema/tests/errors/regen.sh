#!/usr/bin/env bash
# Regenerates the expected errors of the broken-schema table with the official compiler
# (capnp 0.9.2): FILE.expected is what `capnp compile -o- FILE` prints on standard error, run in
# this directory. The one normalization: the random ID suggested for a file without an ID is
# written as `@0xRANDOM;`. With an argument, writes the .expected files into that directory.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(cd "${1:-$here}" && pwd)"
cd "$here"
for schema in *.capnp; do
  # The tool exits non-zero on errors: that is what these cases are for.
  capnp compile -o- "$schema" 2> "$out/$schema.expected" > /dev/null || true
  sed -i -E 's/(Add this line to your file: @0x)[0-9a-f]+;/\1RANDOM;/' "$out/$schema.expected"
done
