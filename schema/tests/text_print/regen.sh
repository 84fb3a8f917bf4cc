#!/usr/bin/env bash
# Regenerates the text printer fixtures with the official tool (capnp 0.9.2):
#   name.bin     from name.txt with `capnp encode` (cases whose source is `text`);
#   name.bin     from capnzero's runtime (cases whose source is `built`), by the test
#                `write_built_messages` of tests/text_print.rs;
#   name.pretty  `capnp decode SCHEMA TYPE < message`;
#   name.short   `capnp decode --short SCHEMA TYPE < message`.
# With a directory argument, writes everything there instead (check.sh uses that).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
out="${1:-$here}"
mkdir -p "$out"

schema_path() {
  case "$1" in
    /capnp/*) echo "/usr/include$1" ;;
    *) echo "$here/$1" ;;
  esac
}

# Messages built by capnzero's runtime: written by the Rust test.
(cd "$repo" && CAPNZERO_TEXT_PRINT_OUT="$out" \
  cargo test -q -p capnzero-schema --test text_print -- --exact write_built_messages >/dev/null)

while read -r name schema type source; do
  case "$name" in ''|'#'*) continue ;; esac
  file="$(schema_path "$schema")"
  case "$source" in
    text) capnp encode "$file" "$type" < "$here/$name.txt" > "$out/$name.bin"
          message="$out/$name.bin" ;;
    built) message="$out/$name.bin" ;;
    file:*) message="$here/${source#file:}"
            if [ ! -e "$message" ]; then message="$out/${source#file:}"; fi ;;
    *) echo "unknown source '$source' for $name" >&2; exit 1 ;;
  esac
  # A message with malformed pointers still prints (defaults where it cannot be read), and
  # the tool then reports the error on stderr and exits non-zero: the printed text is kept.
  capnp decode "$file" "$type" < "$message" > "$out/$name.pretty" 2>/dev/null || true
  capnp decode --short "$file" "$type" < "$message" > "$out/$name.short" 2>/dev/null || true
  if [ ! -s "$out/$name.short" ]; then echo "capnp decode printed nothing for $name" >&2; exit 1; fi
done < "$here/cases.txt"

# Type names: what `capnp decode` says about each TYPE of typenames.txt (`<empty>` stands for
# the empty argument): `ok`, or its message after "capnp decode: TYPE: ".
while IFS= read -r type; do
  [ "$type" = "<empty>" ] && type=""
  if message="$(capnp decode "$here/all.capnp" "$type" < "$here/null_root.bin" 2>&1)"; then
    echo "ok"
  else
    printf '%s\n' "$message" | head -1 | cut -c"$((${#type} + 17))"-
  fi
done < "$here/typenames.txt" > "$out/typenames.expected"
