#!/usr/bin/env bash
# Regenerates the CodeGeneratorRequest fixtures with the official compiler (capnp 0.9.2): one
# request per schema (docs.capnp: doc comments in every place), one for three of them at once,
# and one for the official schema.capnp.
# With an argument, writes them into that directory instead (check.sh compares the two).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(cd "${1:-$here}" && pwd)"
cd "$here/../../.."
dir=schema/tests/request
for name in imported basics generics consts docs uses_std aliases; do
  capnp compile -o- --src-prefix="$dir/" "$dir/$name.capnp" > "$out/$name.cgr"
done
capnp compile -o- --src-prefix="$dir/" \
  "$dir/basics.capnp" "$dir/generics.capnp" "$dir/consts.capnp" > "$out/all.cgr"
capnp compile -o- --src-prefix=/usr/include /usr/include/capnp/schema.capnp > "$out/schema.cgr"
