#!/usr/bin/env bash
# Runs capnzero's whole benchmark suite and keeps its output for docs/benchmarks.md:
# the micro-benchmarks and the message benchmarks (divan; plain Rust, capnzero, the capnp
# crate side by side), then the trio (carsales, catrank, eval) through benches/trio.sh.
#
#   benches/run.sh [--quick] [OUT_DIR]
#
# OUT_DIR (default target/bench-results) receives micro.txt, messages.txt and trio.txt;
# benches/chart.py turns them into the report's chart. `--quick` takes one sample of each
# divan benchmark and 10 iterations of each trio run: it checks that everything runs (CI),
# it does not time anything. Set CAPNP_RUST_BENCHMARK to the path of capnproto-rust's
# `benchmark` binary to time the trio on it too, turn by turn with capnzero's.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
if [[ "${1-}" == "--quick" ]]; then
  quick=1
  shift
fi
out="${1:-target/bench-results}"
mkdir -p "$out"

divan=()
trio=()
if [[ $quick -eq 1 ]]; then
  divan=(--sample-count 1 --sample-size 1)
  trio=(--quick)
fi

cargo bench -q -p capnzero-benchmarks --bench micro -- "${divan[@]}" | tee "$out/micro.txt"
cargo bench -q -p capnzero-benchmarks --bench messages -- "${divan[@]}" | tee "$out/messages.txt"

cargo build -q --release -p capnzero-benchmarks --bin capnzero-benchmark
target_dir="${CARGO_TARGET_DIR:-target}"
binaries=("$target_dir/release/capnzero-benchmark")
if [[ -n "${CAPNP_RUST_BENCHMARK-}" ]]; then
  binaries+=("$CAPNP_RUST_BENCHMARK")
fi
bash benches/trio.sh "${trio[@]}" "${binaries[@]}" | tee "$out/trio.txt"
