#!/usr/bin/env bash
# Checks capnzero's standard import files (this directory) with the official
# Cap'n Proto compiler.  Run from anywhere:  schema/std/verify.sh
#
# 1. Every file that has a counterpart in the reference installation
#    (/usr/include/capnp/...) must compile to exactly what the reference file
#    compiles to:
#      a. `capnp compile -ocapnp` output, compared as text.  It prints every
#         node ID, ordinal, type, default, annotation value and the layout of
#         every field (`bits[a, b)`, `ptr[n]`, union tags, struct sizes) and
#         contains no doc comments, so it must match byte for byte.
#      b. the CodeGeneratorRequest (`capnp compile -o-`, decoded as text with
#         the reference schema.capnp) with only `sourceInfo` (the doc
#         comments) removed: nodes, scopes, nested nodes, code order,
#         discriminants, offsets, explicit-default flags, annotations,
#         brands, requested files and imports must all be equal.
#    Each reference *.capnp without a counterpart here is reported as missing.
# 2. Files without a counterpart in the installation (capnproto-rust's
#    rust.capnp, capnpy's annotate.capnp) are compared the same way (b) with
#    golden requests in verify/expected/, generated from the upstream files.
#    capnzero's own annotate.capnp is pinned the same way, so its IDs cannot
#    change by accident.
# 3. verify/uses-std.capnp imports every reference file as a standard import
#    (`import "/capnp/..."`, with --no-standard-import and -I pointing here);
#    compiled against this directory and against the reference installation
#    it must give the same request.
# 4. verify/uses-annotations.capnp uses the annotation files as standard
#    imports; it must compile and carry each annotation with its expected ID.
#
# Environment: CAPNP (default: capnp from PATH), CAPNP_INCLUDE (default: the
# include directory next to the capnp binary, e.g. /usr/include).  The files
# mirror Cap'n Proto 0.9.2; another version is refused unless
# CAPNZERO_ANY_CAPNP_VERSION=1 is set (differences are then expected).
#
# To re-pin capnzero's own annotation file after a deliberate, additive
# change:  schema/std/verify.sh --update-capnzero-golden

set -u -o pipefail

STD=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CAPNP=${CAPNP:-capnp}
if ! command -v "$CAPNP" >/dev/null 2>&1; then
  echo "verify.sh: '$CAPNP' not found; install Cap'n Proto 0.9.2 (apt-get install capnproto libcapnp-dev)" >&2
  exit 2
fi
REF=${CAPNP_INCLUDE:-$(dirname "$(dirname "$(command -v "$CAPNP")")")/include}
if [ ! -f "$REF/capnp/schema.capnp" ]; then
  echo "verify.sh: no reference schemas in $REF/capnp (set CAPNP_INCLUDE)" >&2
  exit 2
fi
VERSION=$("$CAPNP" --version 2>&1)
if [ "$VERSION" != "Cap'n Proto version 0.9.2" ] && [ "${CAPNZERO_ANY_CAPNP_VERSION:-0}" != 1 ]; then
  echo "verify.sh: found '$VERSION'; the standard imports mirror Cap'n Proto 0.9.2" >&2
  echo "           (set CAPNZERO_ANY_CAPNP_VERSION=1 to compare anyway)" >&2
  exit 2
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAILURES=0
fail() { echo "FAIL  $*"; FAILURES=$((FAILURES + 1)); }
pass() { echo "ok    $*"; }

# The decoded request without its `sourceInfo` member.  Top-level members of
# the request are the lines indented by exactly two spaces (the first one,
# `nodes`, shares the line with the opening parenthesis); strings never span
# lines, so doc comments cannot fake such a line.
strip_source_info() {
  awk '/^  [A-Za-z]+ = / { skip = ($1 == "sourceInfo") } !skip'
}

# schema_text IMPORT_ROOT SRC_PREFIX FILE OUT
schema_text() {
  "$CAPNP" compile -ocapnp --no-standard-import -I "$1" --src-prefix="$2" "$3" >"$4" 2>"$4.err" \
    && [ ! -s "$4.err" ]
}

# request IMPORT_ROOT SRC_PREFIX FILE OUT
request() {
  "$CAPNP" compile -o- --no-standard-import -I "$1" --src-prefix="$2" "$3" 2>"$4.err" \
    | "$CAPNP" decode "$REF/capnp/schema.capnp" CodeGeneratorRequest 2>>"$4.err" \
    | strip_source_info >"$4" \
    && [ ! -s "$4.err" ] \
    && grep -q '^( nodes = \[' "$4" \
    && ! grep -q 'docComment = ' "$4"
}

# compare LABEL EXPECTED ACTUAL
compare() {
  if diff -u "$2" "$3" >"$TMP/diff"; then
    pass "$1"
  else
    fail "$1"
    head -n 40 "$TMP/diff" | sed 's/^/      /'
  fi
}

show_errors() { [ -s "$1.err" ] && sed 's/^/      /' "$1.err"; return 0; }

if [ "${1:-}" = "--update-capnzero-golden" ]; then
  request "$STD" "$STD" "$STD/capnzero/annotate.capnp" "$TMP/golden" \
    || { show_errors "$TMP/golden"; exit 1; }
  cp "$TMP/golden" "$STD/verify/expected/capnzero-annotate.request.txt"
  echo "updated verify/expected/capnzero-annotate.request.txt"
  exit 0
fi

echo "checking $STD against $VERSION ($REF)"

# --- 1. files with a reference counterpart ---------------------------------

while IFS= read -r ref; do
  rel=${ref#"$REF"/}
  ours="$STD/$rel"
  if [ ! -f "$ours" ]; then
    fail "$rel: reference file has no counterpart in schema/std"
    continue
  fi
  if schema_text "$STD" "$STD" "$ours" "$TMP/ours.capnp" \
     && schema_text "$REF" "$REF" "$ref" "$TMP/ref.capnp"; then
    compare "$rel: compiled schema (IDs, ordinals, types, defaults, layout)" "$TMP/ref.capnp" "$TMP/ours.capnp"
  else
    fail "$rel: does not compile cleanly"
    show_errors "$TMP/ours.capnp"; show_errors "$TMP/ref.capnp"
  fi
  if request "$STD" "$STD" "$ours" "$TMP/ours.req" \
     && request "$REF" "$REF" "$ref" "$TMP/ref.req"; then
    compare "$rel: CodeGeneratorRequest without doc comments" "$TMP/ref.req" "$TMP/ours.req"
  else
    fail "$rel: CodeGeneratorRequest could not be produced"
    show_errors "$TMP/ours.req"; show_errors "$TMP/ref.req"
  fi
done < <(find "$REF/capnp" -name '*.capnp' | LC_ALL=C sort)

# --- 2. files checked against golden requests ------------------------------

for pair in \
  "capnp/rust.capnp:rust.request.txt" \
  "capnpy/annotate.capnp:capnpy-annotate.request.txt" \
  "capnzero/annotate.capnp:capnzero-annotate.request.txt"
do
  rel=${pair%%:*}
  golden="$STD/verify/expected/${pair#*:}"
  if [ ! -f "$STD/$rel" ] || [ ! -f "$golden" ]; then
    fail "$rel: file or golden ${golden#"$STD"/} missing"
    continue
  fi
  if request "$STD" "$STD" "$STD/$rel" "$TMP/ours.req"; then
    compare "$rel: CodeGeneratorRequest matches ${golden#"$STD"/}" "$golden" "$TMP/ours.req"
  else
    fail "$rel: does not compile cleanly"
    show_errors "$TMP/ours.req"
  fi
done

# --- 3. reference files used as standard imports ---------------------------

test_schema="$STD/verify/uses-std.capnp"
if request "$STD" "$STD/verify" "$test_schema" "$TMP/ours.req" \
   && request "$REF" "$STD/verify" "$test_schema" "$TMP/ref.req"; then
  compare "verify/uses-std.capnp: same request with schema/std and with $REF" "$TMP/ref.req" "$TMP/ours.req"
else
  fail "verify/uses-std.capnp: does not compile against both import roots"
  show_errors "$TMP/ours.req"; show_errors "$TMP/ref.req"
fi

# --- 4. annotation files used as standard imports --------------------------

test_schema="$STD/verify/uses-annotations.capnp"
if request "$STD" "$STD/verify" "$test_schema" "$TMP/ann.req"; then
  pass "verify/uses-annotations.capnp: compiles with -I schema/std --no-standard-import"
  # name:ID of every annotation the test schema applies
  for ann in \
    rust.name:0xc2fe4c6d100166d0 rust.parentModule:0xabee386cd1450364 rust.option:0xabfef22c4ee1964e \
    capnpy.key:0xcb6c062c1b3cf586 capnpy.nullable:0x9cc3dea2b1b5e7dd capnpy.group:0xb02c044a1e63b88d \
    capnpy.options:0xbdb63a67441ed493 \
    capnzero.key:0xf666d17f92deec89 capnzero.group:0xe5abe3aa62a49642 capnzero.nullable:0xc56a9e0c93575ae3 \
    capnzero.name:0xc6dd646b2c31bdad capnzero.options:0x8bc743bc5a31a5f3
  do
    id=$(printf '%u' "${ann#*:}")
    # An application, `annotations = [ ( id = N, brand = ..., value = ... ) ]`,
    # is printed indented by 8 or more spaces; the declaration node of the
    # annotation (also in the request, as an imported node) by exactly 4.
    if grep -Eq "^ {8,}\( id = $id,\$" "$TMP/ann.req"; then
      pass "  annotation ${ann%%:*} applied with ID ${ann#*:}"
    else
      fail "  annotation ${ann%%:*} with ID ${ann#*:} not found in the request"
    fi
  done
else
  fail "verify/uses-annotations.capnp: does not compile"
  show_errors "$TMP/ann.req"
fi

if [ "$FAILURES" -ne 0 ]; then
  echo "verify.sh: $FAILURES check(s) failed"
  exit 1
fi
echo "verify.sh: all checks passed"
