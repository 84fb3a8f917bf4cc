#!/usr/bin/env bash
# Regenerates the expected layouts with the official compiler (capnp 0.9.2).
set -euo pipefail
cd "$(dirname "$0")"
for schema in *.capnp; do
  capnp compile -ocapnp "$schema" | python3 normalize.py > "${schema%.capnp}.expected"
done
# The layouts of the official standard schemas, which the compiler must reproduce from
# capnzero's own copies in schema/std.
for f in schema rpc persistent; do
  capnp compile -ocapnp "/usr/include/capnp/$f.capnp" | python3 normalize.py > "std-$f.expected"
done
capnp compile -ocapnp /usr/include/capnp/compat/json.capnp | python3 normalize.py > std-json.expected
