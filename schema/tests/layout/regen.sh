#!/usr/bin/env bash
# Regenerates the expected layouts with the official compiler (capnp 0.9.2).
set -euo pipefail
cd "$(dirname "$0")"
for schema in *.capnp; do
  capnp compile -ocapnp "$schema" | python3 normalize.py > "${schema%.capnp}.expected"
done
