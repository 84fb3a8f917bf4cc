#!/usr/bin/env bash
# capnzero's RPC against the C++ implementation (pycapnp bundles it): the calculator of the
# official samples both ways, capnzero's client against the pycapnp server and the pycapnp
# client against capnzero's server, each running the five checks and printing PASS for each;
# then tests/rpc_interop.rs against the pycapnp Adder peers.
# Usage: interop.sh PYTHON (a python with pycapnp installed).
set -euo pipefail
cd "$(dirname "$0")/../.."
python="$1"
cargo build -q --features tokio --example calculator_server --example calculator_client
bin=target/debug/examples
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_listening() {
  for _ in $(seq 1 100); do
    if grep -q "listening on" "$1"; then return 0; fi
    sleep 0.1
  done
  echo "the server did not start:" >&2
  cat "$1" >&2
  exit 1
}

expect_five() {
  local out="$1"
  echo "$out"
  for name in "Evaluating a literal" "Using add and subtract" "Pipelining eval() calls" "Defining functions" "Using a callback"; do
    if ! grep -qF "$name... PASS" <<<"$out"; then
      echo "missing: $name... PASS" >&2
      exit 1
    fi
  done
}

log=$(mktemp)
"$python" .ci/rpc/calculator_server.py 127.0.0.1:5931 >"$log" 2>&1 &
pids+=($!)
wait_listening "$log"
echo "-- capnzero calculator_client -> pycapnp (C++) server"
expect_five "$(timeout 60 "$bin/calculator_client" 127.0.0.1:5931)"

log=$(mktemp)
"$bin/calculator_server" 127.0.0.1:5932 >"$log" 2>&1 &
pids+=($!)
wait_listening "$log"
echo "-- pycapnp (C++) client -> capnzero calculator_server"
expect_five "$(timeout 60 "$python" .ci/rpc/calculator_client.py 127.0.0.1:5932)"
echo "RPC interop: both directions pass"

echo "-- tests/rpc_interop.rs: capabilities both ways, Release, cancellation, exceptions, disconnects"
CAPNZERO_PYTHON="$python" cargo test -q --features tokio --test rpc_interop -- --ignored
