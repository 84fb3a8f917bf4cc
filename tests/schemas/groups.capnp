@0xc1d2e3f4a5b6c7d8;
# Named unions and nullable groups, for tests/schema_groups.rs.

using Py = import "/capnpy/annotate.capnp";
using Rust = import "/capnzero/annotate.capnp";

struct Person {
  name @0 :Text;
  job :union {
    # A named union: a group with a union inside.
    unemployed @1 :Void;
    employer @2 :Text;
    school @3 :Text;
    selfEmployed @4 :Void;
  }
  age @5 :UInt8;
}

struct Reading {
  celsius :group $Py.nullable {
    isNull @0 :Bool;
    value @1 :Float64;
  }
  count :group $Rust.nullable {
    isNull @2 :UInt8;
    value @3 :Int32;
  }
  span :group $Py.nullable {
    isNull @4 :Bool;
    value :group {
      low @5 :Int16;
      high @6 :Int16 = 100;
    }
  }
  missing :group $Py.nullable {
    isNull @7 :Bool = true;
    value @8 :UInt16 = 7;
  }
}

struct Tuned $Py.options(convertCase = true) {
  # capnpy's options only tune capnpy's Python output; capnzero accepts them.
  someField @0 :Int32 $Py.options(textType = unicode);
}
