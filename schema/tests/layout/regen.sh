#!/usr/bin/env bash
# Regenerates the expected layouts with the official compiler (capnp 0.9.2), and the
# CodeGeneratorRequests of the same schemas (`capnp compile -o-`), which the conformance test
# compares with capnzero's node for node. With an argument, writes them into that directory
# instead (check.sh compares the two).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(cd "${1:-$here}" && pwd)"
cd "$here"
for schema in *.capnp; do
  capnp compile -ocapnp "$schema" | python3 normalize.py > "$out/${schema%.capnp}.expected"
  capnp compile -o- "$schema" > "$out/${schema%.capnp}.cgr"
done
# The layouts of the official standard schemas, which the compiler must reproduce from
# capnzero's own copies in schema/std.
for f in schema rpc persistent; do
  capnp compile -ocapnp "/usr/include/capnp/$f.capnp" | python3 normalize.py > "$out/std-$f.expected"
done
capnp compile -ocapnp /usr/include/capnp/compat/json.capnp | python3 normalize.py > "$out/std-json.expected"
