#!/usr/bin/env bash
# Times the classic benchmark trio (carsales, catrank, eval) on one or more executables that
# take the reference command line `CASE MODE REUSE COMPRESSION ITERS`: capnzero's
# `capnzero-benchmark` and capnproto-rust's `benchmark`.
#
#   benches/trio.sh [--quick] BINARY [BINARY...]
#
# Each case runs in `object` mode (reuse and no-reuse), then `bytes` and `pipe` (compression
# none and packed, each with reuse and no-reuse), with the reference suite's iteration counts
# (carsales 10000, catrank 1000, eval 200000; `--quick`: 10 each, for CI). capnproto-rust's
# run_all times catrank and eval without reuse only; here every case runs both ways. For a
# fair comparison the binaries take turns: each configuration runs on every binary before the
# next configuration starts, so a change in the machine's load hits them alike.
#
# Prints one line per run, `case mode reuse compression binary seconds` (wall clock, from
# bash's EPOCHREALTIME), and nothing else on stdout (the binaries' stdout is discarded). A run
# that exits non-zero is reported on stderr, the other runs go on, and the script exits 1.
set -euo pipefail

usage() {
  echo "usage: $0 [--quick] BINARY [BINARY...]" >&2
  exit 2
}

quick=0
if [[ "${1-}" == "--quick" ]]; then
  quick=1
  shift
fi
[[ $# -ge 1 ]] || usage
for binary in "$@"; do
  if [[ ! -x "$binary" || -d "$binary" ]]; then
    echo "$0: $binary is not an executable file" >&2
    exit 2
  fi
done

if [[ $quick -eq 1 ]]; then
  declare -A iterations=([carsales]=10 [catrank]=10 [eval]=10)
else
  declare -A iterations=([carsales]=10000 [catrank]=1000 [eval]=200000)
fi

# Microseconds since the epoch. EPOCHREALTIME's separator follows the locale: keep the digits.
now_us() {
  local t="$EPOCHREALTIME"
  echo "${t//[!0-9]/}"
}

failed=0

run_one() {
  local case="$1" mode="$2" reuse="$3" compression="$4" binary="$5"
  local start end elapsed status=0
  start="$(now_us)"
  "$binary" "$case" "$mode" "$reuse" "$compression" "${iterations[$case]}" >/dev/null || status=$?
  end="$(now_us)"
  elapsed=$((end - start))
  printf '%s %s %s %s %s %d.%06d\n' "$case" "$mode" "$reuse" "$compression" "$binary" \
    $((elapsed / 1000000)) $((elapsed % 1000000))
  if [[ $status -ne 0 ]]; then
    echo "$0: FAILED (exit status $status): $binary $case $mode $reuse $compression ${iterations[$case]}" >&2
    failed=1
  fi
}

run_everywhere() {
  local binary
  for binary in "${binaries[@]}"; do
    run_one "$@" "$binary"
  done
}

binaries=("$@")
for case in carsales catrank eval; do
  for reuse in reuse no-reuse; do
    run_everywhere "$case" object "$reuse" none
  done
  for mode in bytes pipe; do
    for compression in none packed; do
      for reuse in reuse no-reuse; do
        run_everywhere "$case" "$mode" "$reuse" "$compression"
      done
    done
  done
done

exit "$failed"
