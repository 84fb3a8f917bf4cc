#!/usr/bin/env bash
# A crate that uses the large benchmark schema (the one `expand_large` times, 8,000+ lines) the
# way a user would, `capnzero::capnp_schema!("large.capnp")` under `#![deny(warnings)]` and
# `#![deny(missing_docs)]`: checks that rustc, clippy (-D warnings) and rustdoc accept the
# generated code, that the docs show the schema's doc comments, and times rustc and rustdoc on it.
#
# The crate lives in a temp dir, outside the repo's workspace, and depends on the repo's root
# crate by path with the repo's Cargo.lock, so it needs no crate the workspace does not use.
# CARGO_TARGET_DIR is used when set (keep it to reuse the dependencies between runs), else a
# target dir in the temp dir. Exits non-zero, saying what failed, when a step fails or a doc
# comment is missing from the HTML.
#
# LARGE_CRATE_RECURSION_LIMIT (default 1024; empty: no attribute) is the crate's
# `#![recursion_limit]`. The schema chains its 120 structs into one cycle (`Sn.other :S(n+1)`,
# the last back to S0), so the owned types nest `Option<Box<…>>` 120 deep: with rustc's default
# limit (128) the build fails with E0320 (drop-check overflow; it passes from about 256), and
# rustdoc's auto-trait pages (Send, Sync, RefUnwindSafe, …) need more than 640 (E0275). Set it
# empty to see whether the generated code still needs it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
crate="$tmp/large_crate"
name=capnzero_large_crate
recursion_limit="${LARGE_CRATE_RECURSION_LIMIT-1024}"
mkdir -p "$crate/src"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# The schema comes from the generator the benchmarks use, built with the repo's own settings.
(cd "$repo" && cargo run -q -p capnzero-schema --example write_large_schema) > "$crate/large.capnp" ||
  fail "cannot write the large schema (cargo run -p capnzero-schema --example write_large_schema)"

cp "$repo/Cargo.lock" "$crate/Cargo.lock"
cat > "$crate/Cargo.toml" <<EOF
[package]
name = "capnzero-large-crate"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
capnzero = { path = "$repo" }

# Its own workspace: a crate inside no workspace, whatever surrounds the temp dir.
[workspace]
EOF

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$tmp/target}"
doc_dir="$CARGO_TARGET_DIR/doc/$name"
log="$tmp/cargo.log"

now() { date +%s%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

# Runs cargo in the crate with its output in $log; on failure shows the first errors and exits.
cargo_step() {
  local what="$1"
  shift
  if ! (cd "$crate" && cargo "$@") > "$log" 2>&1; then
    echo "FAIL: $what (cargo $*) failed; first lines of its output:" >&2
    grep -v -E '^ *(Compiling|Checking|Documenting|Blocking|Locking|Adding|Downloaded?|Updating) ' "$log" | head -60 >&2
    exit 1
  fi
}

# Timings are meant for this crate alone: a dependency compiled inside a timed step would inflate them.
only_this_crate() {
  local others
  others="$(grep -E '^ *(Compiling|Checking|Documenting) ' "$log" | grep -v 'capnzero-large-crate' || true)"
  if [ -n "$others" ]; then
    echo "note: the $1 time includes dependencies:" >&2
    echo "$others" >&2
  fi
}

# Dependencies first (built for `cargo build`, checked for clippy and rustdoc), against a
# lib.rs without the schema, so the timed steps below compile only the crate itself.
printf '//! Warm-up: the dependencies without the schema.\n' > "$crate/src/lib.rs"
cargo_step "building the dependencies" build
cargo_step "checking the dependencies" check

{
  printf '//! The large benchmark schema of capnzero, compiled with `capnp_schema!`.\n'
  printf '#![deny(warnings)]\n#![deny(missing_docs)]\n'
  if [ -n "$recursion_limit" ]; then
    printf '#![recursion_limit = "%s"]\n' "$recursion_limit"
  fi
  printf 'capnzero::capnp_schema!("large.capnp");\n'
} > "$crate/src/lib.rs"

start="$(now)"
cargo_step "cargo build (debug) of the crate using the large schema" build
build_s="$(seconds "$start" "$(now)")"
only_this_crate build

start="$(now)"
cargo_step "clippy on the crate using the large schema" clippy -- -D warnings
clippy_s="$(seconds "$start" "$(now)")"
only_this_crate clippy

rm -rf "$doc_dir"
start="$(now)"
cargo_step "cargo doc of the crate using the large schema" doc --no-deps
doc_s="$(seconds "$start" "$(now)")"
only_this_crate doc

# Doc comments written in the schema (see benches/support/large_schema.rs) must reach the pages
# of the types they document: a struct's, a field's (on the owned type and on the reader), an
# enum's, and a nested struct's.
expect_doc() {
  local page="$1" text="$2" what="$3"
  [ -f "$doc_dir/$page" ] || fail "cargo doc wrote no page $page ($what) under $doc_dir"
  grep -qF "$text" "$doc_dir/$page" || fail "the page $page lacks $what: \"$text\" (from large.capnp)"
}
expect_doc struct.S7.html "Struct number 7." "the doc comment of struct S7"
expect_doc struct.S7.html "Identifier of struct 7." "the doc comment of field S7.id"
expect_doc struct.S7Reader.html "Identifier of struct 7." "the doc comment of field S7.id (reader accessor)"
expect_doc struct.S7.html "The name, <code>s7</code> unless set." "the doc comment of field S7.name"
expect_doc s7/enum.Kind.html "What kind of S7 this is." "the doc comment of enum S7.Kind"
expect_doc s7/struct.Inner.html "A point inside S7." "the doc comment of struct S7.Inner"
expect_doc struct.S119Builder.html "S119Builder" "the page of the builder of the last struct"

lines="$(wc -l < "$crate/large.capnp" | tr -d ' ')"
doc_size="$(du -sh "$doc_dir" | cut -f1)"
pages="$(find "$doc_dir" -name '*.html' | wc -l | tr -d ' ')"
echo "large_crate: ${lines}-line schema: cargo build (debug) ${build_s} s, clippy ${clippy_s} s," \
  "cargo doc ${doc_s} s (${doc_size}, ${pages} pages); doc comments present" \
  "(recursion_limit ${recursion_limit:-default})"
