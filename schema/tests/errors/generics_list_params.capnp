@0xd1b6d6d0f7f3a034;
# The official compiler reads a generic parameter's index where a list element's AnyPointer kind
# would be: List of the first parameter is refused as List(AnyPointer), of the second as
# List(AnyStruct); of the others, accepted.
struct S(A, B, C, D, E) { a @0 :List(A); b @1 :List(B); c @2 :List(C); d @3 :List(D); e @4 :List(E); }
interface I { m @0 [X, Y, Z] (x :List(X), y :List(Y), z :List(Z)) -> (); }
