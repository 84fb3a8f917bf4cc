#!/usr/bin/env bash
# The RPC messages capnzero declares (src/rpc/rpc.capnp) are the official ones: the same IDs,
# ordinals, types, defaults and layouts as capnp prints them for /usr/include/capnp/rpc.capnp.
set -euo pipefail
cd "$(dirname "$0")/../.."
strip() { sed 's/  *#.*//; s/\$import[^;]*;//' | grep -v '^ *#' | grep -v '^\s*$'; }
official=$(capnp compile -ocapnp -I/usr/include /usr/include/capnp/rpc.capnp | strip)
ours=$(capnp compile -ocapnp src/rpc/rpc.capnp | strip)
if [ "$official" != "$ours" ]; then
  diff <(echo "$official") <(echo "$ours") >&2 || true
  echo "src/rpc/rpc.capnp differs from the official rpc.capnp" >&2
  exit 1
fi
echo "src/rpc/rpc.capnp: the official layouts and IDs"
