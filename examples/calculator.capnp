# The calculator of the official Cap'n Proto samples (c++/samples/calculator.capnp), written
# again for capnzero's examples: the same file ID, names, ordinals and types, so the same type
# IDs, method IDs and layouts, and capnzero's calculator talks to the samples' and to pycapnp's.
@0x85150b117366d14b;

interface Calculator {
  # Evaluates expressions. Results come back as `Value` capabilities, so one call's result can
  # go into the next call before it has returned (promise pipelining).

  evaluate @0 (expression :Expression) -> (value :Value);

  struct Expression {
    union {
      literal @0 :Float64;
      previousResult @1 :Value;
      # The value of an earlier evaluate(), possibly still a promise.
      parameter @2 :UInt32;
      # A parameter of the function being defined (defFunction bodies only).
      call :group {
        function @3 :Function;
        params @4 :List(Expression);
      }
    }
  }

  interface Value {
    read @0 () -> (value :Float64);
  }

  defFunction @1 (paramCount :Int32, body :Expression) -> (func :Function);
  # A function of `paramCount` parameters that evaluates `body`.

  interface Function {
    call @0 (params :List(Float64)) -> (value :Float64);
  }

  getOperator @2 (op :Operator) -> (func :Function);
  # An arithmetic operator as a Function.

  enum Operator {
    add @0;
    subtract @1;
    multiply @2;
    divide @3;
  }
}
