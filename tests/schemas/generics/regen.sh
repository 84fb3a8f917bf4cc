#!/bin/sh
# Writes the messages and prints of tests/schema_generics.rs with the official tool, into the
# directory given (default: beside this script).
set -e
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here}"
cd "$here"
capnp encode generics.capnp User < user.txt > "$out/user.bin"
capnp decode --short generics.capnp User < "$out/user.bin" > "$out/user.short"
capnp decode generics.capnp User < "$out/user.bin" > "$out/user.pretty"
