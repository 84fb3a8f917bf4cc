# A declaration a derived type is bound to (`#[capnp(schema = …, name = "Sensor.Reading")]`,
# tests/derive_layout.rs): the derive refuses to compile when its layout differs.
@0xa4c2e9b1d7f30561;

struct Sensor {
  struct Reading {
    at @0 :Int64;
    span :group {
      low @1 :Float32;
      high @2 :Float32;
    }
    union {
      ok @3 :Void;
      fault @4 :Text;
    }
    source @5 :Text;
  }
}
