#!/usr/bin/env bash
# The build cost of capnzero against the capnp + capnpc route, side by side in one run: the
# crates benches/build-cost/capnzero and benches/build-cost/capnpc do the same (write and read an
# RPC message and a schema node) with the same schemas, Cap'n Proto's own protocol schemas
# (rpc, rpc-twoparty, schema, compat/json, stream and the c++ they import: 2,200 lines in six
# files, copied from /usr/include/capnp, which `apt-get install capnproto` gives). For each crate,
# in turn, in one target directory of its own:
#   - a clean debug build, then the rebuild after touching src/main.rs (the crate's own compile
#     time), then the same in release, and the release binary's size;
#   - the crates of `cargo tree -e normal` (what the program links) and of the whole build.
# Then the capnzero / capnpc ratio of each figure.
#
#   benches/build_cost.sh [--quick] [WORK_DIR]
#
# WORK_DIR (default target/build-cost) holds copies of the crates and their target directories.
# `--quick` does the debug builds only (CI's smoke run). Builds use 2 jobs (`-j2`).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
quick=0
if [[ "${1-}" == "--quick" ]]; then
  quick=1
  shift
fi
work="$(mkdir -p "${1:-$repo/target/build-cost}" && cd "${1:-$repo/target/build-cost}" && pwd)"
include=/usr/include/capnp
command -v capnp > /dev/null || { echo "build_cost.sh: needs the capnp tool (apt-get install capnproto)" >&2; exit 1; }
[[ -f "$include/rpc.capnp" ]] || { echo "build_cost.sh: no $include/rpc.capnp" >&2; exit 1; }

for side in capnzero capnpc; do
  rm -rf "$work/$side"
  cp -r "$repo/benches/build-cost/$side" "$work/$side"
  mkdir -p "$work/$side/schema/capnp/compat"
  for file in rpc rpc-twoparty schema stream c++; do
    cp "$include/$file.capnp" "$work/$side/schema/capnp/"
  done
  cp "$include/compat/json.capnp" "$work/$side/schema/capnp/compat/"
done
# The copy's path dependency points back at this repository.
sed -i "s|path = \"../../..\"|path = \"$repo\"|" "$work/capnzero/Cargo.toml"

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

declare -A figure
# build SIDE PROFILE: a clean build, then a rebuild after touching main.rs.
build() {
  local side="$1" profile="$2" flag=()
  [[ "$profile" == release ]] && flag=(--release)
  local dir="$work/$side"
  local target="$work/target-$side"
  rm -rf "$target"
  local start end
  start="$(now)"
  (cd "$dir" && CARGO_TARGET_DIR="$target" cargo build -q -j2 "${flag[@]}")
  end="$(now)"
  figure[$side.$profile.clean]="$(seconds "$start" "$end")"
  touch "$dir/src/main.rs"
  start="$(now)"
  (cd "$dir" && CARGO_TARGET_DIR="$target" cargo build -q -j2 "${flag[@]}")
  end="$(now)"
  figure[$side.$profile.own]="$(seconds "$start" "$end")"
  local binary="$target/$profile/build-cost-$side"
  figure[$side.$profile.size]="$(stat -c %s "$binary")"
  # The program prints the same on both sides.
  (cd "$dir" && "$binary") > "$work/$side.$profile.out"
}

profiles=(debug)
[[ $quick -eq 0 ]] && profiles+=(release)
for profile in "${profiles[@]}"; do
  for side in capnzero capnpc; do
    build "$side" "$profile"
  done
  cmp -s "$work/capnzero.$profile.out" "$work/capnpc.$profile.out" \
    || { echo "build_cost.sh: the two programs print different things" >&2; exit 1; }
done
for side in capnzero capnpc; do
  tree() { (cd "$work/$side" && CARGO_TARGET_DIR="$work/target-$side" cargo tree -q "$@" --prefix none) | sed 's/ (\*)$//; s/ (proc-macro)$//' | sort -u; }
  figure[$side.linked]="$(tree -e normal,no-proc-macro | wc -l)"
  figure[$side.built]="$(tree -e normal,build | wc -l)"
  tree -e normal,no-proc-macro > "$work/$side.linked.txt"
done

printf '%-42s %10s %10s %7s\n' "build cost (2 jobs)" capnzero capnpc ratio
row() { # label key unit
  local a="${figure[capnzero.$2]}" b="${figure[capnpc.$2]}"
  printf '%-42s %10s %10s %7s\n' "$1" "$a$3" "$b$3" "$(ratio "$a" "$b")"
}
for profile in "${profiles[@]}"; do
  row "clean $profile build" "$profile.clean" " s"
  row "rebuild after touching main.rs ($profile)" "$profile.own" " s"
  row "binary size ($profile)" "$profile.size" ""
done
row "crates linked (-e normal,no-proc-macro)" linked ""
row "crates built (-e normal,build)" built ""
if grep -q '^capnp v' "$work/capnzero.linked.txt"; then
  echo "the capnzero program links the capnp crate (cargo tree -e normal)"
fi
