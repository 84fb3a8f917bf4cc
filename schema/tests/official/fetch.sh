#!/usr/bin/env bash
# Fetches the source of the installed capnproto release (Debian's source package, which holds
# the upstream tarball) and prints its c++/src directory, for the checks that need the official
# test schemas and test vectors (schema/tests/official/check.sh, cli/tests/testdata.sh).
# They are fetched, never committed.
#   fetch.sh DIR     unpacks into DIR (reuses an earlier unpacking there)
set -euo pipefail
dir="$(mkdir -p "$1" && cd "$1" && pwd)"
found="$(find "$dir" -maxdepth 4 -path '*/src/capnp/test.capnp' 2>/dev/null | head -1)"
if [ -z "$found" ]; then
  if [ ! -f /etc/apt/sources.list.d/debian-src.sources ]; then
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > /etc/apt/sources.list.d/debian-src.sources
  fi
  apt-get update -qq >&2
  (cd "$dir" && apt-get source --download-only capnproto >&2 && tar xzf capnproto_*.orig.tar.gz)
  found="$(find "$dir" -maxdepth 4 -path '*/src/capnp/test.capnp' | head -1)"
fi
[ -n "$found" ] || { echo "fetch.sh: no capnp/test.capnp in the unpacked source" >&2; exit 1; }
dirname "$(dirname "$found")"
