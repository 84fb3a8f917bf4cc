#!/bin/sh
# Writes the message and prints of tests/schema_aliases.rs with the official tool, into the
# directory given (default: beside this script). The schema is the request fixture
# schema/tests/request/aliases.capnp.
set -e
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here}"
schema="$here/../../../schema/tests/request/aliases.capnp"
cd "$here"
capnp encode "$schema" S < s.txt > "$out/s.bin"
capnp decode --short "$schema" S < "$out/s.bin" > "$out/s.short"
capnp decode "$schema" S < "$out/s.bin" > "$out/s.pretty"
