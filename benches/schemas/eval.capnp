# The "eval" workload of the classic benchmark trio: a random arithmetic expression tree is
# evaluated on the server. Same types, ordinals and field types as the reference suite (each
# operand is a union of a literal and a nested expression, in a group of its own).
@0xec451fa97d0fac99;

enum Operation {
  add @0;
  subtract @1;
  multiply @2;
  divide @3;
  modulus @4;
}

struct Expression {
  op @0 :Operation;

  left :union {
    value @1 :Int32;
    expression @2 :Expression;
  }

  right :union {
    value @3 :Int32;
    expression @4 :Expression;
  }
}

struct EvaluationResult {
  value @0 :Int32;
}
