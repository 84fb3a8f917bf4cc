#!/usr/bin/env bash
# Runs every fuzz target of this crate for SECONDS each (default 600), one after the other, and
# prints each run's last status line (executions, coverage, corpus) for docs/reliability.md.
# What libFuzzer adds to the corpora stays in corpus/<target>/ (untracked; minimise with
# `cargo +nightly fuzz cmin <target>` before keeping any). A finding stops the script, its input
# under artifacts/<target>/.
#
#   fuzz/run-all.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
targets=$(cargo +nightly fuzz list)
for target in $targets; do
  log="${TMPDIR:-/tmp}/capnzero-fuzz-$target.log"
  echo "== $target: $seconds s"
  cargo +nightly fuzz run "$target" -- -max_total_time="$seconds" -rss_limit_mb=2048 >"$log" 2>&1 || {
    tail -40 "$log" >&2
    echo "$target: a finding (see $log and artifacts/$target/)" >&2
    exit 1
  }
  grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1
done
