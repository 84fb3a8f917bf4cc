@0xc5a1e3f27b9d4e01;
# Constants and interfaces, for tests/schema_items.rs.

enum Color {
  red @0;
  green @1;
  blue @2;
}

struct Point {
  x @0 :Int32;
  y @1 :Int32;
  label @2 :Text;

  const origin :Point = (x = 0, y = 0, label = "origin");
  # A constant nested in a struct.
}

const answer :Int32 = 42;
# The answer.
const bigUnsigned :UInt64 = 18446744073709551615;
const smallest :Int64 = -9223372036854775808;
const tiny :Int8 = -128;
const flag :Bool = true;
const ratio :Float32 = 0.1;
const pi :Float64 = 3.141592653589793;
const negZero :Float64 = -0.0;
const notANumber :Float64 = nan;
const negInfinity :Float32 = -inf;
const favourite :Color = blue;
const greeting :Text = "tab\there \"quoted\" \xe2\x82\xac";
const blob :Data = 0x"00 01 fe ff";
const nothing :Void = void;
const corner :Point = (x = -3, y = 7, label = "corner");
const primes :List(UInt16) = [2, 3, 5, 7, 11];
const names :List(Text) = ["ada", "grace"];
const path :List(Point) = [(x = 1, y = 2), (x = 3, y = 4, label = "end")];
const flags :List(Bool) = [true, false, true];
const nested :List(List(Int8)) = [[1, 2], [], [-1]];
const anything :AnyPointer = .corner;
const copyOfAnswer :Int32 = .answer;

struct Expression {
  literal @0 :Float64;
}

interface Calculator {
  # Evaluates expressions.
  evaluate @0 (expression :Expression, precision :UInt8 = 3) -> (value :Float64);
  # Evaluate one expression.
  ping @1 ();
  locate @2 Point -> Point;

  struct Memory {
    slot @0 :UInt32;
  }

  const maxDepth :UInt16 = 64;
}

interface ScientificCalculator extends(Calculator) {
  sine @0 (angle :Float64) -> (result :Float64);
}

interface Empty {}
