@0xc5d1a07f9b3e2a14;

# The interfaces of the RPC tests (tests/rpc.rs, tests/rpc_interop.rs) and of their pycapnp
# peers (.ci/rpc/adder_server.py, .ci/rpc/adder_client.py).

interface Adder {
  add @0 (a :Int64, b :Int64) -> (sum :Int64);
  # a + b.
  getSelf @1 () -> (adder :Adder);
  # This object again (waits until it is let go, in the tests).
  callBack @2 (cb :Callback, x :Int64) -> (y :Int64);
  # What cb.call(x) returns, plus one.
  fail @3 (kind :Text) -> ();
  # Fails with an exception of `kind`.
  hang @4 () -> ();
  # Never returns.
  counter @5 () -> (counter :Counter);
  # A new counter.
  cancelled @6 () -> (count :UInt32);
  # How many hang() calls were cancelled so far.
  liveCounters @7 () -> (count :UInt32);
  # How many counters this server has made that are not released yet.
}

interface Callback {
  call @0 (x :Int64) -> (y :Int64);
}

interface Counter {
  next @0 () -> (value :UInt32);
}
