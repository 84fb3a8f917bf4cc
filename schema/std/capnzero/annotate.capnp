# capnzero standard import: /capnzero/annotate.capnp
#
# Annotations understood by capnzero's Rust code generator.  Import the file
# under any alias; the examples below use `Rust`:
#
#     using Rust = import "/capnzero/annotate.capnp";
#
#     struct Point $Rust.key("x, y") {
#       x @0 :Int64;
#       y @1 :Int64;
#       label @2 :Text;          # not part of the key: ignored by == and hash
#     }
#
# (If the schema also imports capnproto-rust's "/capnp/rust.capnp", give one
# of the two files another alias.)
#
# Annotations only change the generated Rust API, never the wire format: a
# schema with or without them reads and writes the same bytes, and other
# languages simply ignore them.
#
# Field lists in `key` and `group` use the field names as written in the
# schema (camelCase), separated by commas; spaces are optional.
#
# The same annotations are accepted from capnpy's "/capnpy/annotate.capnp"
# (`$Py.key`, `$Py.group`, `$Py.nullable`), so schemas written for capnpy
# keep their meaning.
#
# Every ID in this file except the file's own is derived from the file ID and
# the declaration's name, so names here must never change.  New options are
# added as new fields at the end of `Options`.

@0xaed352ed51e398e1;

annotation key(struct, group, field) :Text;
# Value semantics: equality and hashing by the listed fields.
#
# With `$Rust.key("x, y")` the struct's owned type and its reader implement
# `PartialEq`, `Eq` and `Hash` looking only at `x` and `y`, in that order, and
# get a `key()` method returning them as a tuple.  Hashing a value hashes
# that tuple, so with the same hasher `(1, 2)` finds `Point { x: 1, y: 2, .. }`
# in a hash map.  `"*"` means every field the schema declares, in ordinal
# order (fields added by a later version of the schema are not part of it).
#
# Without a key, readers are not comparable: writing `a == b` on them is a
# compile error that points to this annotation.
#
# Key fields may be of any type, including pointers (compared by content, a
# null pointer equal only to null) and floats, which compare and hash by bit
# pattern so that `Eq` and `Hash` stay lawful (`NaN == NaN`, `0.0 != -0.0`).
#
# On a group: the same, for the group's own type.  On a field: only
# meaningful together with `group` on that field, and applies to the virtual
# group it creates.

annotation group(field) :Text;
# Virtual group: on a `Void` field, makes the field a read-only view of other
# fields of the same struct, e.g.
#
#     struct Point {
#       x @0 :Int64;
#       y @1 :Int64;
#       color @2 :Text;
#       position @3 :Void $Rust.group("x, y") $Rust.key("*");
#     }
#
# `position()` returns a value with `x()` and `y()`; `x` and `y` keep their
# own accessors and their place in the owned type.  The Void field takes no
# space in the message.  Combined with `key` (as above) the view gets
# equality and hashing by its fields, without giving the whole struct a key.

annotation nullable(group) :Void;
# Optional value without a pointer: on a group whose members are exactly
# `isNull` (Bool or an integer) followed by `value` (a non-pointer field, or
# a group), e.g.
#
#     x :group $Rust.nullable { isNull @0 :Bool; value @1 :Int64; }
#
# the group reads as `Option<T>`: `None` when `isNull` is true / non-zero,
# `Some(value)` otherwise, and the owned type holds an `Option<T>`.  Writing
# `None` sets `isNull` and leaves `value` at its default.  Pointer fields need
# no such group: they are already `Option`s.

annotation name(*) :Text;
# Rename the annotated declaration in the generated Rust code; the schema
# name (the one the text format and reflection use) is unchanged.
# Write the name in the Rust style of the item: `snake_case` for fields,
# groups, unions, methods, parameters and files (the module name),
# `UpperCamelCase` for structs, enums, enumerants and interfaces,
# `UPPER_SNAKE_CASE` for constants.  Names derived from it follow the rename
# (`$Rust.name("Vec2")` on a struct gives `Vec2`, `Vec2Reader`,
# `Vec2Builder`).  Useful to avoid raw identifiers such as `r#type`, or to
# resolve two schema names that map to the same Rust name.

annotation options(file, struct, field) :Options;
# Code generation settings for the annotated scope.  A setting on a file
# applies to every declaration in it, one on a struct to the struct and
# everything nested in it; the innermost scope that sets an option wins.
# Options left unset are inherited.

enum Switch {
  # An on/off option that can also be left to the enclosing scope.  `inherit`
  # is the zero value, so an option that is not written is inherited.
  inherit @0;
  off @1;
  on @2;
}

struct Options {
  derive @0 :Text;
  # Extra `#[derive(...)]` traits for the owned value types, as
  # comma-separated paths: `$Rust.options(derive = "PartialOrd, serde::Serialize")`.
  # Derives add up across scopes (file, then enclosing structs, then the
  # struct itself) and also reach the struct's group and union types.  The
  # traits must be derivable for every field type.  `Default`, `Clone` and
  # `Debug` are always present; for `PartialEq`, `Eq` and `Hash` use `key`.
  # On a field: not used.

  reflection @1 :Switch;
  # Whether the generated code embeds the schema nodes so that they are
  # available at run time (field names, annotations, IDs).  Default: on.
  # Turn it off in size-sensitive builds.  Meaningful on files and structs.

  boxed @2 :Switch;
  # On a field of struct type: hold it as `Option<Box<T>>` in the owned
  # type, to keep a large rarely-set member from inflating its parent.
  # Default: off, except that fields which would make a type contain itself
  # are always boxed.  Not used on files and structs.
}
