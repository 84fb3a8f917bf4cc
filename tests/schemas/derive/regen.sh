#!/bin/sh
# Writes the official tool's fixtures of tests/derive_layout.rs into the directory given
# (default: beside this script): the CodeGeneratorRequest of the equivalent schema file, the
# messages `capnp encode` writes from the expected values (`*.txt`), and `capnp decode` of the
# messages the derived types write (`*.ours.bin`, which the test checks or blesses).
# derived_capnp.rs (the `capnp` crate's code for derived.capnp) is made by hand, with
# capnpc-rust 0.27: capnp compile -orust:. derived.capnp
set -e
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here}"
cd "$here"
capnp compile -o- derived.capnp > "$out/derived.request.bin"
for txt in *.txt; do
  name="${txt%.txt}"
  capnp encode derived.capnp "$name" < "$txt" > "$out/$name.bin"
  capnp decode --short derived.capnp "$name" < "$out/$name.bin" > "$out/$name.short"
  capnp decode --short derived.capnp "$name" < "$name.ours.bin" > "$out/$name.ours.short"
done
