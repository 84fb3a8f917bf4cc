# capnzero standard import: /capnp/stream.capnp
#
# Support declarations for streaming RPC methods.  A method declared as
#
#     write @0 (chunk :Data) -> stream;
#
# is compiled as if its result type were `StreamResult` below; the RPC layer
# then applies flow control to such calls instead of returning a result per
# call.  The compiler looks this struct up by its ID, which is why the ID is
# written out explicitly and must never change.
#
# capnzero's own text; the file ID, node ID and annotation values follow the
# reference implementation (Cap'n Proto 0.9.2).

@0x86c366a91393f3f8;

$import "/capnp/c++.capnp".namespace("capnp");

struct StreamResult @0x995f9a3377c0b16e {
  # The (empty) result of every `-> stream` method.  It has no fields; it only
  # exists so that streaming methods still have a result struct type.
}
