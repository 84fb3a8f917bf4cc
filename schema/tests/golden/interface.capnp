@0xd5a0e2b4c6f80006;
# An interface with two methods.

interface Calculator {
  evaluate @0 (expression :Text) -> (value :Float64);
  reset @1 () -> ();
}
