# capnzero standard import: /capnp/rust.capnp
#
# The annotations of capnproto-rust's code generator (capnpc-rust).  Schemas
# written for capnproto-rust usually import them as
#
#     using Rust = import "rust.capnp";          # copied next to the schema
#     using Rust = import "/capnp/rust.capnp";   # from an include directory
#
# capnzero ships this file among its standard imports so such schemas compile
# without copying anything.  The meanings described below are the ones
# capnproto-rust gives these annotations; capnzero's own annotations live in
# /capnzero/annotate.capnp.
#
# capnzero's own text; the file ID, annotation IDs, targets and value types
# are those of capnproto-rust's `capnpc/rust.capnp`, so annotation values
# written against either copy are the same annotation.

@0x83b3c14c3c8dd083;

annotation name @0xc2fe4c6d100166d0 (struct, field, enum, enumerant, union, group) :Text;
# Use another identifier for this declaration in the generated Rust code.
# Write the new name the way the schema language would spell it (camelCase
# for fields and enumerants, UpperCamelCase for types); the generator applies
# its usual conversion to Rust style afterwards, so `$Rust.name("fooBar")` on
# a field still becomes `foo_bar` accessors.

annotation parentModule @0xabee386cd1450364 (file) :Text;
# The Rust module path (`a::b`) under which the generated code of this file
# is placed, so that references between generated files resolve when the
# code is included somewhere other than the crate root.

annotation option @0xabfef22c4ee1964e (field) :Void;
# For a pointer field (struct, list, Text, Data): the getter returns
# `Option<...>`, `None` when the pointer is null, instead of falling back to
# the field's default value.  Setters are not affected.
