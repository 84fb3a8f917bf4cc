# capnzero standard import: /capnp/compat/json.capnp
#
# Two things for mapping Cap'n Proto data to and from JSON:
#
# * `Value`, a Cap'n Proto struct able to hold any JSON document, for APIs
#   that carry free-form JSON inside Cap'n Proto messages;
# * annotations that adjust how a JSON codec spells a given schema's data
#   (member names, flattening of groups, union discriminators, binary
#   encodings).
#
# capnzero's own text; the file ID, node IDs, ordinals, types, defaults and
# annotation targets follow the reference implementation (Cap'n Proto 0.9.2).

@0x8ef99297a43a5e34;

$import "/capnp/c++.capnp".namespace("capnp::json");

struct Value {
  # One JSON value of any kind.

  union {
    null @0 :Void;
    # JSON `null`.

    boolean @1 :Bool;
    # JSON `true` / `false`.

    number @2 :Float64;
    # Any JSON number; JSON does not distinguish integers, so every number is
    # held as a double.

    string @3 :Text;
    # A JSON string.

    array @4 :List(Value);
    # A JSON array, elements in order.

    object @5 :List(Field);
    # A JSON object, as its members in document order.

    call @6 :Call;
    # Not standard JSON: an identifier applied to arguments, `f(a, b)`, as
    # found in some JSON dialects (MongoDB's shell, for one, writes dates and
    # binary values that way).  Plain JSON never produces it.
  }

  struct Field {
    # One `"name": value` member of an object.
    name @0 :Text;
    value @1 :Value;
  }

  struct Call {
    # The `function(params...)` extension form.
    function @0 :Text;
    params @1 :List(Value);
  }
}

# ---------------------------------------------------------------------------
# Annotations for JSON codecs.

annotation name @0xfa5b1fd61c2e7c3d (field, enumerant, method, group, union) :Text;
# Spell this member differently in JSON, e.g. to match an existing API that
# uses snake_case keys while the schema keeps Cap'n Proto's camelCase.

annotation flatten @0x82d3e852af0336bf (field, group, union) :FlattenOptions;
# Write the members of this struct-typed field, group or union directly into
# the enclosing JSON object instead of as a nested object.  Flattening a union
# member requires the union (or, for an unnamed union, its struct) to carry
# `$discriminator`, because the members' own keys can then no longer tell the
# variants apart.

struct FlattenOptions {
  prefix @0 :Text = "";
  # Prepended to each flattened member's key, to keep keys unique.
}

annotation discriminator @0xcfa794e8d19a0162 (struct, union) :DiscriminatorOptions;
# Encode which union variant is set in a separate string-valued key (naming
# the variant) rather than by which key happens to be present.  This is what
# allows variants to be flattened or to share one key name.

struct DiscriminatorOptions {
  name @0 :Text;
  # Key of the discriminator member.  When null, the union's own name is used.

  valueName @1 :Text;
  # When set, every variant's value is written under this one key, so only
  # the discriminator tells the variants apart.  Cannot be combined with
  # `$flatten` on any variant.
}

annotation base64 @0xd7d879450a253e4b (field) :Void;
# For a `Data` field: encode the bytes as a Base64 string.

annotation hex @0xf061e22f0ae5c7b5 (field) :Void;
# For a `Data` field: encode the bytes as a hexadecimal string.

annotation notification @0xa0a054dea32fd98c (method) :Void;
# In JSON-RPC, send calls to this method as notifications: no reply is
# expected or sent.
