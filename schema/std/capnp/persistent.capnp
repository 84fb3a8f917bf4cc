# capnzero standard import: /capnp/persistent.capnp
#
# The interface for capabilities that can outlive a connection.  Saving such a
# capability yields a "sturdy ref": a token that can be stored (on disk, in a
# database, in a URL...) and later handed back to the vat that issued it to get
# a live reference to the same object again.
#
# What a sturdy ref looks like, and who may redeem it, depends on the network,
# so both are left to the user as type parameters.
#
# capnzero's own text; the file ID, node IDs, ordinals and types follow the
# reference implementation (Cap'n Proto 0.9.2).

@0xb8630836983feed7;

$import "/capnp/c++.capnp".namespace("capnp");

interface Persistent @0xc8cb212fcd9f5691 (SturdyRef, Owner) {
  # An object that can be saved as a sturdy ref.
  #
  # `SturdyRef` is the network's token type for a saved capability.
  # `Owner` identifies the party that is allowed to redeem the token; a vat
  # that receives the token from anyone else must refuse to restore it.

  save @0 SaveParams -> SaveResults;
  # Produce a sturdy ref for this object, bound to the given owner.

  struct SaveParams {
    sealFor @0 :Owner;
    # Who will be allowed to restore the returned token.  The vat that mints
    # the token records this and checks it when the token comes back, so a
    # leaked token is useless to anyone else.
  }

  struct SaveResults {
    sturdyRef @0 :SturdyRef;
    # The token.  Its meaning is private to the issuing vat.
  }
}

annotation persistent(interface, field) :Void;
# Documentation-only marker: on an interface, says that its capabilities are
# expected to implement `Persistent`; on a field of capability type, says that
# the capability stored there is expected to be persistent.  Code generators
# (the reference C++ one included) do not act on it.
