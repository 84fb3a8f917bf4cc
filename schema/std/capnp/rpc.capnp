# capnzero standard import: /capnp/rpc.capnp
#
# The Cap'n Proto RPC protocol: the messages two vats (processes, or more
# generally independent object hosts) exchange over a connection to call
# methods on each other's objects.
#
# A short glossary used below:
#
# * vat: one side of a connection, hosting objects and holding references.
# * capability: a reference to an object, possibly living in another vat.
# * question / answer: a call or bootstrap request seen from the side that
#   sent it (a question, numbered by the sender) and from the side that
#   receives it (an answer, known by the same number).
# * export / import: a capability that a vat hands to its peer is an export of
#   that vat (numbered by it) and an import of the peer (known by the same
#   number).
# * promise pipelining: addressing a call to a capability that will appear in
#   the result of a call that has not returned yet, saving a round trip.
# * embargo: a short hold on calls placed while a promise resolves, which
#   keeps calls delivered in the order they were made.
#
# Each side keeps four tables: questions it asked, answers it owes, exports it
# made and imports it holds.  IDs in one table are independent of the others
# and are reused once freed.  The protocol is the same for both sides of a
# connection; "sender" and "receiver" below always refer to one message.
#
# Levels: a peer may implement only part of the protocol.  Level 0 can only
# call the bootstrap capability (no object references); level 1 adds object
# references, promises and pipelining between two vats (a third vat is only
# reachable through a proxy); level 2 adds persistent capabilities (see
# persistent.capnp); level 3 adds direct three-party handoff (provide /
# accept); level 4, the whole protocol, adds joins.  A message a peer does not
# implement comes back to the sender wrapped in `unimplemented`.
#
# Some types depend on the kind of network (how vats are named, how handoffs
# work).  They appear here as `AnyPointer` aliases at the bottom of the file;
# each network defines the concrete structs (see rpc-twoparty.capnp for the
# two-party network).
#
# capnzero's own text; the file ID, node IDs, ordinals, types and defaults
# follow the reference implementation (Cap'n Proto 0.9.2).

@0xb312981b2552a250;

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("capnp::rpc");

# ===========================================================================
# Table identifiers

using QuestionId = UInt32;
# Number of an outstanding question in the question table of the vat that
# asked it.

using AnswerId = QuestionId;
# The same number seen from the vat that must answer.

using ExportId = UInt32;
# Number of a capability in the export table of the vat that exported it.

using ImportId = ExportId;
# The same number seen from the vat that received the capability.

# ===========================================================================
# Messages

struct Message {
  # Everything sent over a connection is one of these.

  union {
    unimplemented @0 :Message;
    # Sent back when the receiver does not understand or support a message:
    # carries a copy of that message.  The original sender must then undo
    # any bookkeeping it did on the assumption the message would be handled
    # (e.g. treat a call as failed, release capabilities it sent).

    abort @1 :Exception;
    # The sender hit an error that ends the connection and is about to close
    # it.  Outstanding calls fail with this exception.

    # --- level 0 -----------------------------------------------------------

    bootstrap @8 :Bootstrap;
    # Ask for the peer's main, publicly offered capability.

    call @2 :Call;
    # Invoke a method on one of the receiver's capabilities.

    return @3 :Return;
    # Answer a `call` or `bootstrap`.

    finish @4 :Finish;
    # The asker is done with a question; the answer may be forgotten.

    # --- level 1 -----------------------------------------------------------

    resolve @5 :Resolve;
    # An exported promise has settled.

    release @6 :Release;
    # Drop references to an imported capability.

    disembargo @13 :Disembargo;
    # Lift a hold placed on calls while a promise resolved (see Disembargo).

    # --- level 2 -----------------------------------------------------------

    obsoleteSave @7 :AnyPointer;
    # Retired: older versions used this to save persistent capabilities.
    # Persistence now happens through the `Persistent` interface.  Answer
    # with `unimplemented`.

    obsoleteDelete @9 :AnyPointer;
    # Retired together with `obsoleteSave`.  Answer with `unimplemented`.

    # --- level 3 -----------------------------------------------------------

    provide @10 :Provide;
    # Make a capability available to a third vat (first half of a handoff).

    accept @11 :Accept;
    # Pick up a capability provided for us (second half of a handoff).

    # --- level 4 -----------------------------------------------------------

    join @12 :Join;
    # Check that several references lead to the same object.
  }
}

# ---------------------------------------------------------------------------
# Level 0: bootstrap, calls and returns

struct Bootstrap {
  # Request the capability the peer offers to whoever connects.  Answered by
  # a `Return` whose result content is that capability.  The question can be
  # pipelined on like any other.

  questionId @0 :QuestionId;
  # Number for this request in the sender's question table.

  deprecatedObjectId @1 :AnyPointer;
  # Retired: once named which of several offered objects was wanted.
  # Current vats leave it null and offer exactly one bootstrap capability.
}

struct Call {
  # Invoke a method.

  questionId @0 :QuestionId;
  # Number for this call in the caller's question table; the `Return` refers
  # to it, and so can pipelined calls and `Finish`.

  target @1 :MessageTarget;
  # The capability whose method is called: one the receiver exported to the
  # caller, or one expected in the result of a question the caller asked
  # (promise pipelining).

  interfaceId @2 :UInt64;
  # Type ID of the interface that declares the method.

  methodId @3 :UInt16;
  # Ordinal of the method within that interface.

  allowThirdPartyTailCall @8 :Bool = false;
  # Level 3: the caller accepts `acceptFromThirdParty` as a return, so the
  # callee may hand the call on to a third vat and let the result come from
  # there.

  params @4 :Payload;
  # The argument struct (its type is the method's parameter struct) plus the
  # capabilities it mentions.

  sendResultsTo :union {
    # Where the result should go.

    caller @5 :Void;
    # The usual case: return the result to the caller.

    yourself @6 :Void;
    # Keep the result in the receiver's answer table without sending it; the
    # caller will only pipeline on it or ask for it via
    # `takeFromOtherQuestion`.  Used to implement tail calls: the receiver
    # replies with `resultsSentElsewhere`.

    thirdParty @7 :RecipientId;
    # Level 3: deliver the result to another vat.  The receiver replies with
    # `resultsSentElsewhere`.
  }
}

struct Return {
  # The outcome of a `Call` or `Bootstrap`.

  answerId @0 :AnswerId;
  # Same number as the question being answered.

  releaseParamCaps @1 :Bool = true;
  # When true, every capability that came with the call's parameters counts
  # as released by this message; the callee sends no separate `Release` for
  # them.

  union {
    results @2 :Payload;
    # Success: the result struct and its capabilities.

    exception @3 :Exception;
    # Failure.

    canceled @4 :Void;
    # The call was abandoned because the caller sent `Finish` first.  The
    # caller already stopped caring, so nothing is reported.

    resultsSentElsewhere @5 :Void;
    # Answer to a call whose `sendResultsTo` was not `caller`: the results
    # went where they were asked to go.

    takeFromOtherQuestion @6 :QuestionId;
    # The sender of this `Return` earlier sent the receiver a `Call` with
    # this question ID and `sendResultsTo.yourself`; that call's results,
    # kept by the receiver, are also the results of this question.  This is
    # how a tail call completes without copying results back and forth.

    acceptFromThirdParty @7 :ThirdPartyCapId;
    # Level 3: fetch the result from a third vat, which is expecting the
    # receiver of this message.
  }
}

struct Finish {
  # The asker no longer needs a question.  For an unfinished call this
  # requests cancellation.  Either way the question ID may be reused once
  # both `Return` and `Finish` have been sent.

  questionId @0 :QuestionId;
  # The question being finished.

  releaseResultCaps @1 :Bool = true;
  # When true, the asker drops every capability that appeared in the
  # results, all at once, instead of sending `Release` for each.
}

# ---------------------------------------------------------------------------
# Level 1: promises, reference counting, embargoes

struct Resolve {
  # A promise that this vat exported (via `senderPromise`) has settled: it
  # now points at another capability (possibly another promise) or is broken.
  # A peer that does not implement `Resolve` answers `unimplemented`; the
  # sender then treats the resolution as released.

  promiseId @0 :ExportId;
  # The export that was the promise.  Until the peer releases it, messages
  # sent to this export are forwarded to the resolution.

  union {
    cap @1 :CapDescriptor;
    # The promise now points at this capability.

    exception @2 :Exception;
    # The promise failed; calls to it fail with this exception.
  }
}

struct Release {
  # Drop references to an import.  The counts of a capability are the number
  # of times the exporter sent it; once every one of them has been released
  # the exporter may free the export table entry.

  id @0 :ImportId;
  # The capability, as numbered in the exporter's table.

  referenceCount @1 :UInt32;
  # How many references are dropped with this message.
}

struct Disembargo {
  # Ordering guard for promise resolution.
  #
  # When a promise that calls were being sent through resolves to a
  # capability that lives in the caller's own vat (or is reached by another
  # path), calls made after the resolution could overtake calls still in
  # flight along the old path.  The vat that saw the resolution therefore
  # holds new calls, sends a `Disembargo` with `senderLoopback` along the old
  # path, and releases the held calls only when the peer reflects it back
  # with `receiverLoopback`: by then every earlier call has arrived.

  target @0 :MessageTarget;
  # The promise (or pipelined answer) the embargo is about, addressed as in a
  # `Call`.

  using EmbargoId = UInt32;
  # Chosen by the vat that starts the embargo, to match the echo.

  context :union {
    senderLoopback @1 :EmbargoId;
    # Start: the sender has learned that the target resolves to a capability
    # it hosts itself.  Once the receiver has sent every call it received
    # earlier on the target on to its destination, it echoes this ID back
    # as `receiverLoopback`.

    receiverLoopback @2 :EmbargoId;
    # Echo of an earlier `senderLoopback`: the embargo it started can end.

    accept @3 :Void;
    # Level 3: the target is a promise that resolved to a third-party
    # capability the sender is now accepting with an embargoed `Accept`.
    # The receiver, which sent the matching `Provide`, forwards the request
    # to the capability's host as a `Disembargo` with `provide`.

    provide @4 :QuestionId;
    # Level 3: sent to the host of a capability being provided; the value is
    # the question ID of the sender's `Provide`.  The host then lifts the
    # embargo on the `Accept` it received for that provision.
  }
}

# ---------------------------------------------------------------------------
# Level 2: persistence is done through the `Persistent` interface
# (persistent.capnp); no messages are needed beyond the retired ones above.

# ---------------------------------------------------------------------------
# Level 3: three-party handoff

struct Provide {
  # Sent by vat A to vat B: "keep this capability of yours ready for vat C".
  # A then tells C where to pick it up; C sends `Accept` to B.

  questionId @0 :QuestionId;
  # Question ID in A's table, kept open until C has picked the capability
  # up, at which point B returns.  As for any question, A eventually sends
  # `Finish`; sending it early cancels the handoff.

  target @1 :MessageTarget;
  # The capability of B that is being handed over.

  recipient @2 :RecipientId;
  # Who may accept it (C, as the network names it).
}

struct Accept {
  # Sent by C to B to pick up a capability that A provided for it.  Answered
  # by a `Return` whose result is the capability.  Also used to collect a
  # result redirected with `Return.acceptFromThirdParty`.

  questionId @0 :QuestionId;
  # Question ID in C's table.

  provision @1 :ProvisionId;
  # Which provision is being accepted, as given to C by A.

  embargo @2 :Bool;
  # Set when C still has calls in flight to the capability by way of A.  B
  # then holds back the `Return` and every call pipelined on it until A,
  # after forwarding those earlier calls, sends B a `Disembargo` whose
  # context is `provide` (A learns to do so from C's `Disembargo` with
  # `accept`).  This keeps C's calls in order.
}

# ---------------------------------------------------------------------------
# Level 4: joins

struct Join {
  # One part of a join: given several capabilities that are expected to be
  # (transparent proxies of) the same object, find that object and connect
  # to it directly.  Each capability gets its own part, which travels along
  # that capability's path; the object's host combines the parts and answers
  # each one with a `JoinResult`.  If the capabilities lead to different
  # objects, the join fails.

  questionId @0 :QuestionId;
  # Question ID for this part in the sender's table.

  target @1 :MessageTarget;
  # The capability this part follows.

  keyPart @2 :JoinKeyPart;
  # Network-defined data identifying the join and this part of it.
}

# ===========================================================================
# Shared structures

struct MessageTarget {
  # What a `Call` (or other targeted message) is addressed to.

  union {
    importedCap @0 :ImportId;
    # A capability the receiver exported.

    promisedAnswer @1 :PromisedAnswer;
    # A capability expected in the result of one of the sender's questions,
    # which may not have returned yet (promise pipelining).
  }
}

struct Payload {
  # A message body plus the capabilities it refers to.

  content @0 :AnyPointer;
  # The parameter or result struct.  Capability pointers inside it index
  # `capTable`.

  capTable @1 :List(CapDescriptor);
  # Descriptions of the capabilities referenced from `content`, in index
  # order.
}

struct CapDescriptor {
  # How a capability is passed in a message: which table, which entry.

  union {
    none @0 :Void;
    # A null capability.

    senderHosted @1 :ExportId;
    # A capability the sender exports (newly or again) with this ID.  The
    # receiver counts one more reference to it.

    senderPromise @2 :ExportId;
    # Like `senderHosted`, but the export is a promise that will later be
    # settled with a `Resolve` message.

    receiverHosted @3 :ImportId;
    # A capability the receiver itself exported to the sender: it is coming
    # home.

    receiverAnswer @4 :PromisedAnswer;
    # A capability that will appear in one of the receiver's own answers (the
    # sender pipelined on the receiver's result).

    thirdPartyHosted @5 :ThirdPartyCapDescriptor;
    # Level 3: a capability hosted by a third vat.
  }

  attachedFd @6 :UInt8 = 0xff;
  # When the transport can carry file descriptors alongside messages: index
  # of the descriptor attached to this message that stands for this
  # capability.  0xff (the default) means none.
}

struct PromisedAnswer {
  # A capability inside the (future) result of a question.

  questionId @0 :QuestionId;
  # The question, in the table of the vat that asked it.

  transform @1 :List(Op);
  # Path from the result struct to the capability, applied in order.

  struct Op {
    # One step of the path.
    union {
      noop @0 :Void;
      # Leave the current value as is.  (Ignored; allowed for convenience.)

      getPointerField @1 :UInt16;
      # Follow the pointer field with this index in the current struct.
    }
  }
}

struct ThirdPartyCapDescriptor {
  # Level 3: a capability the receiver should fetch from a third vat.

  id @0 :ThirdPartyCapId;
  # Network-specific instructions for contacting the third vat and
  # accepting the capability there.

  vineId @1 :ExportId;
  # A capability exported by the sender that forwards to the same object.
  # A peer that cannot reach third parties simply calls it; a level 3 peer
  # holds it until it has picked the object up directly, and only then
  # releases it.
}

struct Exception {
  # Why something failed.

  reason @0 :Text;
  # Human-readable explanation, for logs and debugging.

  type @3 :Type;
  # Machine-readable category, for deciding how to react.

  enum Type {
    failed @0;
    # Something went wrong.  The generic category.

    overloaded @1;
    # A resource ran out for now; retrying later, with backoff, may work.

    disconnected @2;
    # A capability on the path became unreachable (the connection or vat
    # went away).  Reconnecting and redoing the work may help.

    unimplemented @3;
    # The receiver does not implement the requested method.
  }

  obsoleteIsCallersFault @1 :Bool;
  # Retired; ignore.

  obsoleteDurability @2 :UInt16;
  # Retired; ignore.

  trace @4 :Text;
  # Optional stack trace or similar diagnostics from the failing side.
}

# ===========================================================================
# Network-specific types
#
# Each network supplies its own definitions; in this generic protocol they
# are opaque pointers.

using SturdyRef = AnyPointer;
# A saved, storable reference to a capability (see persistent.capnp).

using ProvisionId = AnyPointer;
# Level 3: names a provision, in `Accept`.

using RecipientId = AnyPointer;
# Level 3: names the vat a capability is provided for, in `Provide` and
# `Call.sendResultsTo.thirdParty`.

using ThirdPartyCapId = AnyPointer;
# Level 3: tells a vat how to reach a third vat and which provision to accept
# there.

using JoinKeyPart = AnyPointer;
# Level 4: one part of a join, in `Join`.

using JoinResult = AnyPointer;
# Level 4: the content of the `Return` answering one part of a join.
