#!/usr/bin/env bash
# The survey of docs/real-world-schemas.md: capnp and capnzero on the schemas of schemas.txt.
#   survey.sh SRC [LIST]
# SRC holds the source trees (fetch.sh SRC makes it), LIST is schemas.txt by default. For each
# schema, `capnp compile -o-` and `capnzero compile -o-` with the same options, both requests
# printed by `capnp decode schema.capnp CodeGeneratorRequest` and compared; then one scratch
# crate with a module per schema capnp accepts (capnp_schema! on the file, its -I directories as
# `include`) and `cargo check`. Prints one table row per schema, then the counts.
# Needs capnp (0.9.2, with /usr/include/capnp) and cargo. The scratch crate and everything else
# is written to a temporary directory (kept, and named at the end); the crate's target directory
# is $SURVEY_TARGET (default /tmp/capnzero-survey-target), kept between runs.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
src="$(cd "$1" && pwd)"
list="$(realpath "${2:-$repo/docs/real-world/schemas.txt}")"
work="$(mktemp -d /tmp/capnzero-survey.XXXXXX)"
target="${SURVEY_TARGET:-/tmp/capnzero-survey-target}"
decode=(capnp decode /usr/include/capnp/schema.capnp CodeGeneratorRequest)

cargo build -q -p capnzero-cli --manifest-path "$repo/Cargo.toml"
capnzero="${CARGO_TARGET_DIR:-$repo/target}/debug/capnzero"

# +newstd: the standard files with the newer ones go-capnp ships laid over them.
newstd() {
  [[ -d "$work/std" ]] && return
  mkdir -p "$work/std"
  cp -r /usr/include/capnp "$work/std/"
  for f in c++.capnp compat/byte-stream.capnp compat/http-over-capnp.capnp; do
    cp "$src/go-capnp/std/capnp/$f" "$work/std/capnp/$f"
  done
  cp "$src/go-capnp/std/go.capnp" "$work/std/"
}

# The first error of a log, shortened, made safe for a table cell.
first_error() { { grep -m1 'error' "$1" || true; } | cut -c1-300 | sed 's/|/\\|/g; s/`/'"'"'/g'; }

# Pass 1: the two compilers. Results go to $work/rows (one tab-separated line per schema).
mkdir -p "$work/out" "$work/crate/src"
n=0
cd "$src"
# shellcheck disable=SC2162 # plain `read`, so that a file name's spaces can be written "\ "
while read dir file rest; do
  [[ -z "$dir" || "$dir" == \#* ]] && continue
  n=$((n + 1))
  args=() include=()
  for opt in $rest; do
    case "$opt" in
      -I*) args+=(-I "$src/${opt#-I}"); include+=("$src/${opt#-I}") ;;
      --src-prefix=*) args+=("--src-prefix=$src/${opt#*=}") ;;
      +newstd) newstd; args+=(--no-standard-import -I "$work/std"); include+=("$work/std") ;;
      *) echo "survey.sh: unknown option $opt in $list" >&2; exit 1 ;;
    esac
  done
  o="$work/out/$n"
  lines=$(wc -l < "$dir/$file")
  capnp_ok=0 zero_ok=0
  capnp compile -o- "${args[@]}" "$dir/$file" < /dev/null > "$o.capnp.cgr" 2> "$o.capnp.err" && capnp_ok=1
  "$capnzero" compile -o- "${args[@]}" "$dir/$file" < /dev/null > "$o.zero.cgr" 2> "$o.zero.err" \
    && zero_ok=1
  if [[ $capnp_ok == 1 && $zero_ok == 1 ]]; then
    "${decode[@]}" < "$o.capnp.cgr" > "$o.capnp.txt"
    "${decode[@]}" < "$o.zero.cgr" > "$o.zero.txt"
    if diff "$o.capnp.txt" "$o.zero.txt" > "$o.diff"; then request=equal
    else request="differs ($(grep -c '^[<>]' "$o.diff") lines, $o.diff)"; fi
  elif [[ $capnp_ok == 1 ]]; then request="capnzero rejects: \`$(first_error "$o.zero.err")\`"
  elif [[ $zero_ok == 1 ]]; then request="capnzero accepts"
  else request="both reject"; fi
  if [[ $capnp_ok == 1 ]]; then
    capnp=ok
    mod="m${n}_$(basename "$file" .capnp | tr -c 'a-zA-Z0-9\n' _)"
    inc=""
    for d in "${include[@]}"; do inc+="${inc:+, }\"$d\""; done
    echo "pub mod $mod { capnzero::capnp_schema!(\"$src/$dir/$file\", include = [$inc]); }" > "$o.mod"
  else
    capnp="rejects: \`$(first_error "$o.capnp.err")\`"
  fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$dir" "$file" "$lines" "$capnp" "$request" >> "$work/rows"
done < "$list"

# Pass 2: the macro. Check the crate; the modules with an error (by the line it is reported on)
# are failures, taken out, and the rest checked again until no error is left.
cat > "$work/crate/Cargo.toml" <<EOF
[package]
name = "capnzero-survey"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
capnzero = { path = "$repo" }

[workspace]
EOF
declare -A macro
while :; do
  : > "$work/crate/src/lib.rs"
  declare -A line_of=()
  i=0
  for ((k = 1; k <= n; k++)); do
    [[ -f "$work/out/$k.mod" && -z "${macro[$k]:-}" ]] || continue
    cat "$work/out/$k.mod" >> "$work/crate/src/lib.rs"
    i=$((i + 1)); line_of[$i]=$k
  done
  [[ $i == 0 ]] && break
  if (cd "$work/crate" && CARGO_TARGET_DIR="$target" cargo check -q --message-format=short) \
      > "$work/check.log" 2>&1; then
    for k in "${line_of[@]}"; do macro[$k]=ok; done
    break
  fi
  failed=0
  while IFS= read -r err; do
    l="${err#src/lib.rs:}"; l="${l%%:*}"
    k="${line_of[$l]:-}"
    if [[ -n "$k" && -z "${macro[$k]:-}" ]]; then
      echo "${err#*: }" > "$work/err"
      macro[$k]="fails: \`$(first_error "$work/err")\`"; failed=1
    fi
  done < <(grep '^src/lib.rs:[0-9]*:[0-9]*: error' "$work/check.log" || true)
  if [[ $failed == 0 ]]; then
    echo "survey.sh: cargo check failed with no error on a module; see $work/check.log" >&2; exit 1
  fi
  cp "$work/check.log" "$work/check.$(date +%s%N).log"
done

# The table and the counts.
echo "| repository | file | lines | capnp | request vs capnp | macro |"
echo "| --- | --- | --- | --- | --- | --- |"
k=0 files=0 lines_total=0 accepted=0 equal=0 macro_ok=0
while IFS=$'\t' read -r dir file lines capnp request; do
  k=$((k + 1)); files=$((files + 1)); lines_total=$((lines_total + lines))
  [[ $capnp == ok ]] && accepted=$((accepted + 1))
  [[ $request == equal ]] && equal=$((equal + 1))
  [[ ${macro[$k]:-} == ok ]] && macro_ok=$((macro_ok + 1))
  echo "| $dir | \`$file\` | $lines | $capnp | $request | ${macro[$k]:-not tried} |"
done < "$work/rows"
echo
echo "$files files, $lines_total lines: capnp accepts $accepted; request equal $equal; macro ok $macro_ok"
echo "(work files in $work)"
