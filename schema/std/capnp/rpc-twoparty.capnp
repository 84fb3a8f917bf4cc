# capnzero standard import: /capnp/rpc-twoparty.capnp
#
# The simplest RPC network: exactly two vats talking over one stream (a socket,
# a pipe).  It fills in the network-specific type parameters that rpc.capnp
# leaves open (`VatId`, `ProvisionId`, `RecipientId`, `ThirdPartyCapId`,
# `JoinKeyPart`, `JoinResult`).  With only two parties there is no third party
# to introduce, so several of these are empty.
#
# capnzero's own text; the file ID, node IDs, ordinals and types follow the
# reference implementation (Cap'n Proto 0.9.2).

@0xa184c7885cdaf2a1;

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("capnp::rpc::twoparty");

enum Side {
  # Which end of the connection a vat is on.  The two ends are told apart only
  # by this role, so it doubles as the vat's identity.

  server @0;
  # The end that accepted the connection (usually the one exporting a
  # bootstrap interface).

  client @1;
  # The end that initiated the connection.
}

struct VatId {
  # Names a vat on a two-party network: simply which side it is on.
  side @0 :Side;
}

struct ProvisionId {
  # Only joins use this here: a two-party network never hands a capability
  # over to a third vat.

  joinId @0 :UInt32;
  # The `joinId` of the `JoinKeyPart` this provision belongs to.
}

struct RecipientId {}
# Placeholder: with two parties there is never a third vat to send to.

struct ThirdPartyCapId {}
# Placeholder: with two parties there is never a third vat to point at.

struct JoinKeyPart {
  # One part of a join key, as sent in a `Join` message.

  joinId @0 :UInt32;
  # Identifies the join operation; every part of one join carries the same
  # value.

  partCount @1 :UInt16;
  # How many parts the join consists of in total.

  partNum @2 :UInt16;
  # Which part this is, counting from zero (less than `partCount`).
}

struct JoinResult {
  # The answer to one part of a join.

  joinId @0 :UInt32;
  # Matches `JoinKeyPart.joinId`.

  succeeded @1 :Bool;
  # Whether the join worked out.  Every result of one join reports the same
  # value: the receiver collects all parts, performs the join itself, and only
  # then answers each part.

  cap @2 :AnyPointer;
  # The joined capability.  Among the results of one join, exactly one has it
  # set; the others leave it null.
}
