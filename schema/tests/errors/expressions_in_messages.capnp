@0xd1b6d6d0f7f3a027;
# Expressions written back in error messages, as the official compiler writes them: floats as
# kj prints doubles, strings and data with C escapes, tuples and lists spaced.
struct G(T) {}
struct H {
  a @0 :G(1e100).X;
  b @1 :G(0.00001).X;
  c @2 :G(-2.5).X;
  d @3 :G(1e15, 123456789.0).X;
  e @4 :G(0.1).X;
  f @5 :G("a\"b\n\x01").X;
  g @6 :G(0x"0aff", [1, 2], (x = 1, y = .Foo)).X;
}
