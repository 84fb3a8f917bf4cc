# Test schema for verify.sh: imports every reference standard file the way
# user schemas do.  verify.sh compiles it once against capnzero's copies
# (schema/std) and once against the installed reference copies and requires
# the same CodeGeneratorRequest (doc comments aside).

@0xe0f1b5a3c2d49786;

using Cxx = import "/capnp/c++.capnp";
using Schema = import "/capnp/schema.capnp";
using Rpc = import "/capnp/rpc.capnp";
using TwoParty = import "/capnp/rpc-twoparty.capnp";
using Persistent = import "/capnp/persistent.capnp";
using Stream = import "/capnp/stream.capnp";
using Json = import "/capnp/compat/json.capnp";

$Cxx.namespace("capnzero::verify");

struct Everything {
  node @0 :Schema.Node;
  kind @1 :Schema.ElementSize = inlineComposite;
  request @2 :Schema.CodeGeneratorRequest;
  message @3 :Rpc.Message;
  exceptionType @4 :Rpc.Exception.Type = overloaded;
  side @5 :TwoParty.Side = client;
  vat @6 :TwoParty.VatId;
  json @7 :Json.Value;
  done @8 :Stream.StreamResult;
  blob @9 :Data $Json.base64;
  renamed @10 :UInt32 $Cxx.name("renamedInCxx") $Json.name("renamed_in_json");
  flat :group $Json.flatten(prefix = "flat_") {
    a @11 :Int16;
    b @12 :Text;
  }
  choice :union $Json.discriminator(name = "kind") {
    one @13 :Void;
    two @14 :Float64 = 2.5;
  }
}

interface Store extends(Persistent.Persistent(Text, Data)) $Persistent.persistent {
  put @0 (chunk :Data) -> stream;
  get @1 () -> (value :Json.Value, save :Persistent.Persistent(Text, Data).SaveResults);
  ping @2 () -> () $Json.notification;
}

const defaultValue :Json.Value = (object = [(name = "a", value = (number = 1))]);
