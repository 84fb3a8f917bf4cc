#!/usr/bin/env bash
# The official schemas of the capnproto repository (c++/src/capnp/**/*.capnp of the 0.9.2
# release: test.capnp, test-import*.capnp, compat/json-test.capnp, schema.capnp, rpc.capnp, …),
# for CI:
# 1. `capnzero compile -o-` gives the request `capnp compile -o-` gives, for each of them;
# 2. `capnp_schema!` expands each of them into a crate that builds.
#   check.sh SRC    SRC: the release's c++/src directory (fetch.sh prints one)
# Exits non-zero on any difference. Needs `capnp` and /usr/include/capnp/schema.capnp.
set -euo pipefail
src="$(cd "$1" && pwd)"
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$repo"
cargo build -q -p capnzero-cli
ours="${CARGO_TARGET_DIR:-$repo/target}/debug/capnzero"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
request_text() { capnp decode /usr/include/capnp/schema.capnp CodeGeneratorRequest; }

schemas=()
while IFS= read -r file; do schemas+=("$file"); done < <(cd "$src" && find capnp -name '*.capnp' | sort)
for file in "${schemas[@]}"; do
  (cd "$src" && capnp compile -o- -I. "$file") | request_text > "$work/theirs.txt"
  (cd "$src" && "$ours" compile -o- -I. "$file") | request_text > "$work/ours.txt"
  if cmp -s "$work/theirs.txt" "$work/ours.txt"; then
    echo "same request: $file"
  else
    echo "FAIL: capnzero compile -o- $file differs from capnp's" >&2
    status=1
  fi
done

# From the directory above, with the import directory inside the current one: the standard
# files test-import2.capnp reaches are the same files under two names each (src/capnp/… and
# capnp/…), named after the import compiled first.
for file in capnp/test-import2.capnp capnp/test.capnp; do
  (cd "$src/.." && capnp compile -o- -Isrc "src/$file" 2>/dev/null) | request_text > "$work/theirs.txt"
  (cd "$src/.." && "$ours" compile -o- -Isrc "src/$file" 2>/dev/null) | request_text > "$work/ours.txt"
  if cmp -s "$work/theirs.txt" "$work/ours.txt"; then
    echo "same request: -Isrc src/$file"
  else
    echo "FAIL: capnzero compile -o- -Isrc src/$file differs from capnp's" >&2
    status=1
  fi
done

# One crate, one module per schema.
mkdir -p "$work/crate/src"
cat > "$work/crate/Cargo.toml" <<TOML
[package]
name = "official-schemas"
version = "0.0.0"
edition = "2021"
publish = false
[dependencies]
capnzero = { path = "$repo" }
[workspace]
TOML
: > "$work/crate/src/lib.rs"
i=0
for file in "${schemas[@]}"; do
  echo "pub mod m$i { capnzero::capnp_schema!(\"$src/$file\", include = [\"$src\"]); } // $file" >> "$work/crate/src/lib.rs"
  i=$((i + 1))
done
if (cd "$work/crate" && CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}/official-schemas" cargo build -q 2> "$work/build.txt"); then
  echo "capnp_schema! expands and builds all ${#schemas[@]} official schemas"
else
  echo "FAIL: capnp_schema! on the official schemas:" >&2
  head -60 "$work/build.txt" >&2
  status=1
fi
# Again with the RPC items of their interfaces (capnzero's rpc feature).
if (cd "$work/crate" && CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}/official-schemas" cargo build -q --features capnzero/rpc 2> "$work/build.txt"); then
  echo "capnp_schema! expands and builds all ${#schemas[@]} official schemas with their RPC items"
else
  echo "FAIL: capnp_schema! on the official schemas, with the rpc feature:" >&2
  head -60 "$work/build.txt" >&2
  status=1
fi
exit "$status"
