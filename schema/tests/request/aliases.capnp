@0xc4f1a2b3d4e5f602;
# Aliases of generic parameters and of nested generic declarations, looked up through bound
# brands (`G(P).AliasFoo`): the official compiler substitutes the bindings.

using Lib = import "aliases_lib.capnp";

struct P {
  x @0 :Int16;
  name @1 :Text;
}

struct G(Foo, Bar) {
  using AliasFoo = Foo;
  using AliasBar = Bar;
  using AliasOfAlias = AliasFoo;
  using AliasInner = Inner;
  using AliasInner2 = Inner2;
  using AliasInner2Text = Inner2(Text);
  using AliasRev = G(Bar, Foo);
  using FooList = List(Foo);

  f @0 :Foo;
  b @1 :Bar;

  struct Inner {
    foo @0 :Foo;
    bar @1 :Bar;
  }

  struct Inner2(Baz) {
    bar @0 :Bar;
    baz @1 :Baz;
    innerBound @2 :Inner;
  }

  interface Service {
    call @0 (value :AliasFoo) -> (result :AliasInner);
  }
}

struct S {
  a @0 :G(P, Text).AliasFoo = (x = 123);
  b @1 :G(P, Text).AliasBar = "bee";
  c @2 :G(P, Text).AliasOfAlias = (x = 7, name = "seven");
  inner @3 :G(P, Text).AliasInner = (foo = (x = 1), bar = "one");
  inner2 @4 :G(P, Text).AliasInner2(Data) = (bar = "two", baz = 0x"0102", innerBound = (foo = (x = 2)));
  inner2Text @5 :G(P, Text).AliasInner2Text = (baz = "text", innerBound = (bar = "bound"));
  rev @6 :G(P, Text).AliasRev.AliasFoo = "reversed";
  list @7 :List(G(P, Text).AliasFoo) = [(x = 1), (x = 2)];
  fooList @8 :G(P, Text).FooList = [(x = 3)];
  nested @9 :G(G(P, Text).AliasInner, Data).AliasFoo;
  service @10 :G(P, Text).Service;
  boxValue @11 :Lib.Box(P).Value = (x = 11);
  boxItems @12 :Lib.Box(Text).Items = ["i", "j"];
  boxSelf @13 :Lib.Box(P).Self;
  boxWrap @14 :Lib.Box(P).Wrap = (inner = (x = 14));
  plain @15 :G.AliasFoo;
}

interface UsesAliases {
  send @0 (p :G(P, Text).AliasFoo, list :List(G(P, Text).AliasBar)) -> (inner :G(P, Text).AliasInner);
}

const aliasConst :G(P, Data).AliasFoo = (x = 5, name = "five");
