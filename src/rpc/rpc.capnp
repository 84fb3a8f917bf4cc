# The messages of Cap'n Proto RPC, as the `rpc.capnp` of the official distribution declares them:
# the same file, struct and enum IDs, ordinals and types, so the same layouts. Written for
# capnzero's RPC (`src/rpc/`); the explanations of the protocol are in the official file and in
# docs/rpc.md. Checked against `capnp compile -ocapnp /usr/include/capnp/rpc.capnp` in `.ci/run`.
@0xb312981b2552a250;

struct Message @0x91b79f1f808db032 {
  union {
    unimplemented @0 :Message;
    abort @1 :Exception;
    bootstrap @8 :Bootstrap;
    call @2 :Call;
    return @3 :Return;
    finish @4 :Finish;
    resolve @5 :Resolve;
    release @6 :Release;
    disembargo @13 :Disembargo;
    obsoleteSave @7 :AnyPointer;
    obsoleteDelete @9 :AnyPointer;
    provide @10 :Provide;
    accept @11 :Accept;
    join @12 :Join;
  }
}

struct Bootstrap @0xe94ccf8031176ec4 {
  questionId @0 :UInt32;
  deprecatedObjectId @1 :AnyPointer;
}

struct Call @0x836a53ce789d4cd4 {
  questionId @0 :UInt32;
  target @1 :MessageTarget;
  interfaceId @2 :UInt64;
  methodId @3 :UInt16;
  allowThirdPartyTailCall @8 :Bool = false;
  params @4 :Payload;
  sendResultsTo :group {
    union {
      caller @5 :Void;
      yourself @6 :Void;
      thirdParty @7 :AnyPointer;
    }
  }
}

struct Return @0x9e19b28d3db3573a {
  answerId @0 :UInt32;
  releaseParamCaps @1 :Bool = true;
  union {
    results @2 :Payload;
    exception @3 :Exception;
    canceled @4 :Void;
    resultsSentElsewhere @5 :Void;
    takeFromOtherQuestion @6 :UInt32;
    acceptFromThirdParty @7 :AnyPointer;
  }
}

struct Finish @0xd37d2eb2c2f80e63 {
  questionId @0 :UInt32;
  releaseResultCaps @1 :Bool = true;
}

struct Resolve @0xbbc29655fa89086e {
  promiseId @0 :UInt32;
  union {
    cap @1 :CapDescriptor;
    exception @2 :Exception;
  }
}

struct Release @0xad1a6c0d7dd07497 {
  id @0 :UInt32;
  referenceCount @1 :UInt32;
}

struct Disembargo @0xf964368b0fbd3711 {
  target @0 :MessageTarget;
  context :group {
    union {
      senderLoopback @1 :UInt32;
      receiverLoopback @2 :UInt32;
      accept @3 :Void;
      provide @4 :UInt32;
    }
  }
}

struct Provide @0x9c6a046bfbc1ac5a {
  questionId @0 :UInt32;
  target @1 :MessageTarget;
  recipient @2 :AnyPointer;
}

struct Accept @0xd4c9b56290554016 {
  questionId @0 :UInt32;
  provision @1 :AnyPointer;
  embargo @2 :Bool;
}

struct Join @0xfbe1980490e001af {
  questionId @0 :UInt32;
  target @1 :MessageTarget;
  keyPart @2 :AnyPointer;
}

struct MessageTarget @0x95bc14545813fbc1 {
  union {
    importedCap @0 :UInt32;
    promisedAnswer @1 :PromisedAnswer;
  }
}

struct Payload @0x9a0e61223d96743b {
  content @0 :AnyPointer;
  capTable @1 :List(CapDescriptor);
}

struct CapDescriptor @0x8523ddc40b86b8b0 {
  union {
    none @0 :Void;
    senderHosted @1 :UInt32;
    senderPromise @2 :UInt32;
    receiverHosted @3 :UInt32;
    receiverAnswer @4 :PromisedAnswer;
    thirdPartyHosted @5 :ThirdPartyCapDescriptor;
  }
  attachedFd @6 :UInt8 = 255;
}

struct PromisedAnswer @0xd800b1d6cd6f1ca0 {
  questionId @0 :UInt32;
  transform @1 :List(Op);

  struct Op @0xf316944415569081 {
    union {
      noop @0 :Void;
      getPointerField @1 :UInt16;
    }
  }
}

struct ThirdPartyCapDescriptor @0xd37007fde1f0027d {
  id @0 :AnyPointer;
  vineId @1 :UInt32;
}

struct Exception @0xd625b7063acf691a {
  reason @0 :Text;
  type @3 :Type;
  obsoleteIsCallersFault @1 :Bool;
  obsoleteDurability @2 :UInt16;
  trace @4 :Text;

  enum Type @0xb28c96e23f4cbd58 {
    failed @0;
    overloaded @1;
    disconnected @2;
    unimplemented @3;
  }
}
