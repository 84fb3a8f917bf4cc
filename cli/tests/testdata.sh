#!/usr/bin/env bash
# Runs the convert, encode, decode, eval and compile-error checks of the official capnp-test.sh
# (capnp 0.9.2), and the official testdata/lists.binary vector, with capnzero and with capnp side
# by side: each case's standard output must be the same bytes from both tools, and the same as
# the file the official test compares with. Prints one line per case (PASS or FAIL and why);
# exits 1 if any case fails.
#
# Usage: cli/tests/testdata.sh [<capnproto-c++-0.9.2 source dir>]
# The directory is the unpacked official source (with src/capnp/test.capnp and
# src/capnp/testdata/). Without it, the Debian source package is fetched with apt-get (as root:
# it adds a deb-src entry) into a temporary directory and unpacked there.
# CAPNZERO (default: target/debug/capnzero, built if missing) and CAPNP (default: capnp) name
# the tools.
set -uo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
capnp="${CAPNP:-capnp}"
capnzero="${CAPNZERO:-$repo/target/debug/capnzero}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ $# -ge 1 ]; then
  src="$(cd "$1" && pwd)"
else
  if [ ! -f /etc/apt/sources.list.d/debian-src.sources ]; then
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
      > /etc/apt/sources.list.d/debian-src.sources
  fi
  apt-get update -q >/dev/null
  (cd "$work" && apt-get source --download-only capnproto >/dev/null) || { echo "apt-get source failed" >&2; exit 1; }
  tar -xzf "$work"/capnproto_0.9.2.orig.tar.gz -C "$work"
  src="$(find "$work" -maxdepth 5 -type f -path '*/src/capnp/test.capnp' | head -1)"
  src="${src%/src/capnp/test.capnp}"
fi
[ -f "$src/src/capnp/test.capnp" ] || { echo "no src/capnp/test.capnp in $src" >&2; exit 1; }
case "$capnzero" in /*) ;; *) capnzero="$PWD/$capnzero" ;; esac
if [ -z "${CAPNZERO:-}" ] && [ ! -x "$capnzero" ]; then
  (cd "$repo" && cargo build -q -p capnzero-cli) || exit 1
fi

srcdir="$src/src"
# The paths are those of capnp-test.sh run from the source's top directory:
# `dirname "$0"`/../test.capnp and so on, with -I only where the official script gives it.
cd "$src"
here=src/capnp/compiler
schema="$here/../test.capnp"
json_schema="$here/../compat/json-test.capnp"
srcdir_arg="$here/../.."
data="$srcdir/capnp/testdata"
passed=0
failed=0

# check NAME EXPECTED-FILE-OR-EMPTY INPUT-FILE ARGS...: runs both tools on INPUT-FILE with ARGS;
# their outputs must be equal (and equal to EXPECTED when given).
check() {
  local name="$1" expected="$2" input="$3"
  shift 3
  "$capnp" "$@" < "$input" > "$work/capnp.out" 2> "$work/capnp.err"
  local capnp_status=$?
  "$capnzero" "$@" < "$input" > "$work/capnzero.out" 2> "$work/capnzero.err"
  local status=$?
  local why=""
  if ! cmp -s "$work/capnp.out" "$work/capnzero.out"; then
    why="output differs from capnp's"
  elif [ -n "$expected" ] && ! cmp -s "$expected" "$work/capnzero.out"; then
    why="output differs from $(basename "$expected")"
  elif [ "$status" != "$capnp_status" ]; then
    why="exit status $status, capnp's $capnp_status"
  fi
  if [ -z "$why" ]; then
    echo "PASS $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name: $why; capnzero said: $(head -c 300 "$work/capnzero.err" | tr '\n' ' ')"
    failed=$((failed + 1))
  fi
}

# What an eval must print: the official test strips the trailing newline (backquotes).
expect() {
  printf '%s\n' "$1" > "$work/expected.$2"
  echo "$work/expected.$2"
}

t="$data"
check "convert text:binary" "$t/binary" "$t/short.txt" convert text:binary "$schema" TestAllTypes
check "convert text:flat" "$t/flat" "$t/short.txt" convert text:flat "$schema" TestAllTypes
check "convert text:packed" "$t/packed" "$t/short.txt" convert text:packed "$schema" TestAllTypes
check "convert text:flat-packed" "$t/packedflat" "$t/short.txt" convert text:flat-packed "$schema" TestAllTypes
check "convert text:binary (pretty)" "$t/binary" "$t/pretty.txt" convert text:binary "$schema" TestAllTypes
check "convert binary:text" "$t/pretty.txt" "$t/binary" convert binary:text "$schema" TestAllTypes
check "convert flat:text" "$t/pretty.txt" "$t/flat" convert flat:text "$schema" TestAllTypes
check "convert packed:text" "$t/pretty.txt" "$t/packed" convert packed:text "$schema" TestAllTypes
check "convert flat-packed:text" "$t/pretty.txt" "$t/packedflat" convert flat-packed:text "$schema" TestAllTypes
check "convert binary:text --short" "$t/short.txt" "$t/binary" convert binary:text --short "$schema" TestAllTypes
check "convert binary:text (segmented)" "$t/pretty.txt" "$t/segmented" convert binary:text "$schema" TestAllTypes
check "convert packed:text (segmented)" "$t/pretty.txt" "$t/segmented-packed" convert packed:text "$schema" TestAllTypes
check "convert binary:packed" "$t/packed" "$t/binary" convert binary:packed
check "convert packed:binary" "$t/binary" "$t/packed" convert packed:binary
check "convert binary:json" "$t/pretty.json" "$t/binary" convert binary:json "$schema" TestAllTypes
check "convert binary:json --short" "$t/short.json" "$t/binary" convert binary:json --short "$schema" TestAllTypes
check "convert json:binary" "$t/binary" "$t/pretty.json" convert json:binary "$schema" TestAllTypes
check "convert json:binary (short)" "$t/binary" "$t/short.json" convert json:binary "$schema" TestAllTypes
check "convert json:binary (annotated)" "$t/annotated-json.binary" "$t/annotated.json" \
  convert json:binary "$json_schema" TestJsonAnnotations -I"$srcdir_arg"
check "convert binary:json (annotated)" "$t/annotated.json" "$t/annotated-json.binary" \
  convert binary:json "$json_schema" TestJsonAnnotations -I"$srcdir_arg"

printf '%s\n' '(foo = (text = "abc"))' > "$work/foo.txt"
printf '%s\n' '(baz = (text = "abc"))' > "$work/baz.txt"
check "convert text:text BrandedAlias" "$(expect '(foo = (text = "abc"), uv = void)' a)" "$work/foo.txt" \
  convert text:text "$srcdir_arg/capnp/test.capnp" BrandedAlias
check "convert text:text BrandedAlias.Inner" "$(expect '(foo = (text = "abc"))' b)" "$work/foo.txt" \
  convert text:text "$srcdir_arg/capnp/test.capnp" BrandedAlias.Inner
check "convert text:text TestGenerics(BoxedText, Text)" "$(expect '(foo = (text = "abc"), uv = void)' c)" \
  "$work/foo.txt" convert text:text "$srcdir_arg/capnp/test.capnp" 'TestGenerics(BoxedText, Text)'
check "convert text:text TestGenerics(...).Inner2(BoxedText)" "$(expect '(baz = (text = "abc"))' d)" \
  "$work/baz.txt" convert text:text "$srcdir_arg/capnp/test.capnp" 'TestGenerics(TestAllTypes, List(Int32)).Inner2(BoxedText)'

check "encode" "$t/binary" "$t/short.txt" encode "$schema" TestAllTypes
check "encode --flat" "$t/flat" "$t/short.txt" encode --flat "$schema" TestAllTypes
check "encode --packed" "$t/packed" "$t/short.txt" encode --packed "$schema" TestAllTypes
check "encode --packed --flat" "$t/packedflat" "$t/short.txt" encode --packed --flat "$schema" TestAllTypes
check "encode (pretty)" "$t/binary" "$t/pretty.txt" encode "$schema" TestAllTypes
check "decode" "$t/pretty.txt" "$t/binary" decode "$schema" TestAllTypes
check "decode --flat" "$t/pretty.txt" "$t/flat" decode --flat "$schema" TestAllTypes
check "decode --packed" "$t/pretty.txt" "$t/packed" decode --packed "$schema" TestAllTypes
check "decode --packed --flat" "$t/pretty.txt" "$t/packedflat" decode --packed --flat "$schema" TestAllTypes
check "decode --short" "$t/short.txt" "$t/binary" decode --short "$schema" TestAllTypes
check "decode (segmented)" "$t/pretty.txt" "$t/segmented" decode "$schema" TestAllTypes
check "decode --packed (segmented)" "$t/pretty.txt" "$t/segmented-packed" decode --packed "$schema" TestAllTypes

i=0
for case in "TestDefaults.uInt32Field|3456789012" \
  'TestDefaults.structField.textField|"baz"' \
  'TestDefaults.int8List|[111, -111]' \
  'TestDefaults.structList[1].textField|"structlist 2"' \
  'globalPrintableStruct|(someText = "foo")' \
  'TestConstants.enumConst|corge' \
  'TestListDefaults.lists.int32ListList[2][0]|12341234'; do
  i=$((i + 1))
  check "eval ${case%%|*}" "$(expect "${case#*|}" "e$i")" /dev/null eval "$schema" "${case%%|*}"
done
check "eval -ojson globalPrintableStruct" "$(expect '{"someText": "foo"}' json)" /dev/null \
  eval "$schema" -ojson globalPrintableStruct

# The other vectors of testdata/, which capnp-test.sh leaves to the C++ tests: lists.binary
# (a TestLists message) both ways through text, JSON and packing, and the compiler's error
# reports of errors.capnp.nobuild and errors2.capnp.nobuild (its last two steps).
"$capnp" decode "$schema" TestLists < "$t/lists.binary" > "$work/lists.txt"
"$capnp" convert binary:json "$schema" TestLists < "$t/lists.binary" > "$work/lists.json"
"$capnp" convert binary:packed < "$t/lists.binary" > "$work/lists.packed"
check "decode lists" "" "$t/lists.binary" decode "$schema" TestLists
check "decode --short lists" "" "$t/lists.binary" decode --short "$schema" TestLists
check "encode lists" "$t/lists.binary" "$work/lists.txt" encode "$schema" TestLists
check "convert binary:json lists" "$work/lists.json" "$t/lists.binary" convert binary:json "$schema" TestLists
check "convert json:binary lists" "$t/lists.binary" "$work/lists.json" convert json:binary "$schema" TestLists
check "convert binary:packed lists" "$work/lists.packed" "$t/lists.binary" convert binary:packed
check "convert packed:binary lists" "$t/lists.binary" "$work/lists.packed" convert packed:binary

# check_errors NAME: `compile -ofoo` of testdata/NAME.capnp.nobuild prints NAME.txt (after the
# official script's sed), from both tools.
check_errors() {
  local name="$1" tool out
  for tool in "$capnp" "$capnzero"; do
    out="$work/$(basename "$tool").errors"
    "$tool" compile --no-standard-import --src-prefix="$srcdir_arg" -ofoo "$t/$name.capnp.nobuild" 2>&1 \
      | sed -e "s,^.*$name[.]capnp[.]nobuild:,file:,g" | tr -d '\r' > "$out"
  done
  if cmp -s "$work/$(basename "$capnp").errors" "$work/$(basename "$capnzero").errors" \
    && cmp -s "$t/$name.txt" "$work/$(basename "$capnzero").errors"; then
    echo "PASS compile errors $name"
    passed=$((passed + 1))
  else
    echo "FAIL compile errors $name: $(diff "$t/$name.txt" "$work/$(basename "$capnzero").errors" | head -5 | tr '\n' ' ')"
    failed=$((failed + 1))
  fi
}
check_errors errors
check_errors errors2

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
