# Uses one annotation of /capnp/c++.capnp and one struct of /capnp/schema.capnp: the request
# holds those, what they depend on (transitively) and their lexical parents, not the rest of
# the two files.
@0xe3c1d2b4a5f60718;
using Cxx = import "/capnp/c++.capnp";
using Schema = import "/capnp/schema.capnp";
$Cxx.namespace("uses::std");

struct Holder {
  node @0 :Schema.Node;
}
