#!/usr/bin/env bash
# Runs the `capnzero` binary and the official `capnp` tool (0.9.2) side by side on the same
# inputs and requires the same output, byte for byte:
#   compile -o-   every schema of schema/tests/{request,layout,text_print,text_parse,errors-free}
#                 (the requests are compared as `capnp decode` prints them, in order, with
#                 the official standard imports of /usr/include for both);
#   decode        every message of schema/tests/text_print (pretty and --short);
#   encode        every text of schema/tests/text_parse (framed, --packed, --flat,
#                 --segment-size=N) and the CLI's generic-root fixture;
#   convert       every pair of formats on cli/tests/fixtures/eval.capnp (plain, --short,
#                 --segment-size=3), warnings and errors included;
#   eval          values and errors of eval.capnp and widen.capnp in every output format;
#   the committed fixtures of cli/tests/fixtures, remade by regen.sh.
# Exits non-zero on the first difference. Needs `capnp` and /usr/include/capnp/schema.capnp.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"
cargo build -q -p capnzero-cli
ours="${CARGO_TARGET_DIR:-$repo/target}/debug/capnzero"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

differ() { echo "DIFFERENT: $*" >&2; failures=$((failures + 1)); }

request_text() { capnp decode /usr/include/capnp/schema.capnp CodeGeneratorRequest; }

# compile -o-
compile_both() { # dir, then the arguments after `compile -o-`
  local dir="$1"; shift
  # Both compilers read the official standard imports, from /usr/include.
  (cd "$dir" && capnp compile -o- --no-standard-import -I/usr/include "$@") | request_text > "$work/theirs.txt"
  (cd "$dir" && "$ours" compile -o- --no-standard-import -I/usr/include "$@") | request_text > "$work/ours.txt"
  cmp -s "$work/theirs.txt" "$work/ours.txt" || differ "compile -o- $* (in $dir)"
}
for file in schema/tests/request/*.capnp; do compile_both schema/tests/request "$(basename "$file")"; done
compile_both schema/tests/request basics.capnp generics.capnp consts.capnp
for file in schema/tests/layout/*.capnp; do compile_both schema/tests/layout "$(basename "$file")"; done
compile_both schema/tests/text_print all.capnp
compile_both schema/tests/text_parse all.capnp

# decode
dir=schema/tests/text_print
while read -r name schema type source; do
  case "$name" in ''|'#'*) continue ;; esac
  case "$source" in file:*) message="$dir/${source#file:}" ;; *) message="$dir/$name.bin" ;; esac
  case "$schema" in
    /capnp/*) theirs_schema="/usr/include$schema"; ours_schema="$repo/schema/std$schema" ;;
    *) theirs_schema="$dir/$schema"; ours_schema="$dir/$schema" ;;
  esac
  for flag in "" --short; do
    capnp decode $flag "$theirs_schema" "$type" < "$message" > "$work/theirs" 2>/dev/null || true
    "$ours" decode $flag "$ours_schema" "$type" < "$message" > "$work/ours" 2>/dev/null || true
    cmp -s "$work/theirs" "$work/ours" || differ "decode $flag $name"
  done
done < "$dir/cases.txt"

# encode
dir=schema/tests/text_parse
while read -r name type sizes; do
  case "$name" in ''|'#'*) continue ;; esac
  flag_sets=("" "--packed" "--flat")
  for size in ${sizes//,/ }; do flag_sets+=("--segment-size=$size" "--packed --segment-size=$size"); done
  for flags in "${flag_sets[@]}"; do
    capnp encode $flags "$dir/all.capnp" "$type" < "$dir/$name.txt" > "$work/theirs"
    "$ours" encode $flags "$dir/all.capnp" "$type" < "$dir/$name.txt" > "$work/ours"
    cmp -s "$work/theirs" "$work/ours" || differ "encode $flags $name"
  done
done < "$dir/cases.list"
dir=cli/tests/fixtures
type='Pair(Text, Box(List(Int32)))'
capnp encode "$dir/generic.capnp" "$type" < "$dir/pair.txt" > "$work/theirs"
"$ours" encode "$dir/generic.capnp" "$type" < "$dir/pair.txt" > "$work/ours"
cmp -s "$work/theirs" "$work/ours" || differ "encode $type"
bash cli/tests/fixtures/regen.sh "$work"
for f in pair.bin pair.seg2.packed pair.pretty pair.short outer.eval small.bin list1.flat-packed outer.canonical \
  outer.bin outer.seg3.packed outer2.canonical outer.short widen-outer.bin widen-group.flat widen-zero.bin \
  widen-g2.packed outer.json outer.short.json outer.eval.json; do
  cmp -s "$dir/$f" "$work/$f" || differ "committed cli/tests/fixtures/$f is not what capnp makes"
done

# convert: every pair of formats on the CLI's eval.capnp fixture, with and without --short.
capnp encode "$dir/eval.capnp" Outer < "$dir/outer.txt" > "$work/outer.bin"
for from in binary packed flat flat-packed canonical text json; do
  capnp convert "binary:$from" "$dir/eval.capnp" Outer < "$work/outer.bin" > "$work/in.$from"
  # Canonical input is one message (two canonical messages in a row are not canonical; capnp
  # then aborts with an uncaught exception, capnzero reports an error).
  if [ "$from" = canonical ]; then capnp eval -ocanonical "$dir/eval.capnp" outer > "$work/in.$from"; fi
  for to in binary packed flat flat-packed canonical text json; do
    for flag in "" --short --segment-size=3; do
      capnp convert $flag "$from:$to" "$dir/eval.capnp" Outer < "$work/in.$from" > "$work/theirs" 2>&1 || true
      "$ours" convert $flag "$from:$to" "$dir/eval.capnp" Outer < "$work/in.$from" 2>&1 \
        | sed 's/capnzero /capnp /g' > "$work/ours" || true
      cmp -s "$work/theirs" "$work/ours" || differ "convert $flag $from:$to"
    done
  done
done

# eval: values and errors, in every format, on eval.capnp and widen.capnp.
for schema in eval.capnp widen.capnp; do
  for name in outer small num flt txt lst 'lst[1]' outer.inner outer.list 'outer.list[1]' 'outer.nums[0][1]' \
    Outer.x Outer.f Outer.inner Outer.g.g outer.g outer.g.g outer.ll zero g2 'outer.ll[2][0]' \
    Outer nope outer.zz 'outer.x[1]' 'outer.nums[5]' num.a '1x'; do
    for format in text binary packed flat flat-packed canonical json; do
      for flag in "" --short; do
        capnp eval $flag -o$format "$dir/$schema" "$name" > "$work/theirs" 2>&1 || true
        "$ours" eval $flag -o$format "$dir/$schema" "$name" 2>&1 | sed 's/capnzero /capnp /g' > "$work/ours" || true
        cmp -s "$work/theirs" "$work/ours" || differ "eval $flag -o$format $schema $name"
      done
    done
  done
done

# TYPE names through `using` aliases and bound brands: the same message bytes (a text field
# the type lacks is reported and skipped by both; the reports' wording is not compared here).
for type in 'G(P, Text).AliasInner' 'G(P, Text).AliasFoo' 'G(P, Text).AliasOfAlias' 'G(P, Text).AliasInner2(Data)' \
    'G(P, Text).AliasInner2Text' 'G(Text, P).AliasRev.AliasFoo' 'Lib.Box(P).Wrap' 'Lib.Box(P).Self' 'G(P, Text).Nope'; do
  for tool in capnp "$ours"; do
    echo '(foo = (x = 1), bar = "b", inner = (x = 2), value = (x = 3))' \
      | "$tool" encode schema/tests/request/aliases.capnp "$type" > "$work/$(basename "$tool").bin" 2>/dev/null || true
  done
  cmp -s "$work/capnp.bin" "$work/capnzero.bin" || differ "encode through alias $type"
done

# One file under two names: capnp/a.capnp imports "c++.capnp" relatively, capnp/b.capnp
# imports "/capnp/c++.capnp"; with an import directory holding capnp/c++.capnp both reach the
# same file (the import directory's, not the standard copy), whatever the directory is called.
tree="$work/two-names"
mkdir -p "$tree/capnp"
cp /usr/include/capnp/c++.capnp "$tree/capnp/"
printf '@0xd1f0a1b2c3d4e5f7;\nusing Cxx = import "c++.capnp";\n$Cxx.namespace("a");\nstruct A { a @0 :Int32; }\n' > "$tree/capnp/a.capnp"
printf '@0xd1f0a1b2c3d4e5f8;\nusing Cxx = import "/capnp/c++.capnp";\n$Cxx.namespace("b");\nstruct B { b @0 :Int32; }\n' > "$tree/capnp/b.capnp"
two_names() { # dir, then the arguments after `compile -o-`
  local dir="$1"; shift
  (cd "$dir" && capnp compile -o- "$@" 2>/dev/null) | request_text > "$work/theirs.txt"
  (cd "$dir" && "$ours" compile -o- "$@" 2>/dev/null) | request_text > "$work/ours.txt"
  cmp -s "$work/theirs.txt" "$work/ours.txt" || differ "compile -o- $* (in $dir)"
}
two_names "$tree" -I. capnp/a.capnp capnp/b.capnp
two_names "$tree" -I"$tree" capnp/a.capnp capnp/b.capnp
two_names / -I"$tree" "$tree/capnp/a.capnp" "$tree/capnp/b.capnp"
two_names "$tree/capnp" -I.. a.capnp b.capnp
two_names "$tree/capnp" -I.. b.capnp a.capnp
two_names "$work" -Itwo-names two-names/capnp/a.capnp two-names/capnp/b.capnp
# Named after the import the compiler resolves first (the field compiled first), not the first
# written; with only aliases, after the import table's first (sorted by path).
lazy="$work/lazy"
mkdir -p "$lazy/inc/lib"
printf '@0xd0e4b7a6c3f2e1b1;\nstruct B { x @0 :Int32; }\n' > "$lazy/inc/lib/b.capnp"
for fields in 'a @0 :Y.B; b @1 :X.B;' 'a @0 :X.B; b @1 :Y.B;' ''; do
  printf '@0xd0e4b7a6c3f2e1b4;\nusing X = import "/lib/b.capnp";\nusing Y = import "inc/lib/b.capnp";\nstruct M { %s }\nconst c :Y.B = (x = 1);\n' \
    "$fields" > "$lazy/main.capnp"
  two_names "$lazy" -Iinc main.capnp
done

if [ "$failures" -ne 0 ]; then
  echo "$failures difference(s) between capnzero and capnp" >&2
  exit 1
fi
echo "capnzero and capnp agree"
