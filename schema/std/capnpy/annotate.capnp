# capnzero standard import: /capnpy/annotate.capnp
#
# The annotations of capnpy, the Cap'n Proto library for Python.  Schemas
# written for capnpy import this file as
#
#     using Py = import "/capnpy/annotate.capnp";
#
# and compile unchanged with capnzero, which gives `key`, `group` and
# `nullable` the same meaning in Rust (value semantics, virtual groups,
# nullable groups).  capnpy's `options` only tune capnpy's Python output;
# capnzero accepts them and has nothing to apply them to.
#
# capnzero's own text; the file ID, the names (from which the compiler
# derives every other ID), targets, types, enumerant order and defaults are
# those of capnpy's `capnpy/annotate.capnp`.

@0xbc24c21845631520;

annotation key(struct, group, field) :Text;
# Gives the struct value semantics: equality and hashing look only at the
# listed fields, in the order listed, e.g. `$Py.key("x, y")`; `"*"` lists
# every field.  A keyed value compares and hashes like the tuple of its key
# fields.  On a field, the annotation applies to the virtual group that
# `group` makes of that field.

annotation nullable(group) :Void;
# On a group whose members are exactly `isNull` (a Bool or integer flag) and
# then `value` (any non-pointer type, or a group; pointers can already be
# null): the group reads as "no value" when the flag is non-zero and as
# `value` otherwise, e.g.
#
#     x :group $Py.nullable { isNull @0 :Bool; value @1 :Int64; }

annotation group(field) :Text;
# On a Void field: presents the listed fields of the struct ("x, y") as a
# read-only group under this field's name, without moving them; they stay
# readable as plain fields too.

enum BoolOption {
  # A yes/no switch that can also be left unset, so that an inner scope can
  # leave the decision to the enclosing one.
  false @0;
  true @1;
  notset @2;
}

enum TextType {
  # How capnpy hands out Text fields in Python.
  notset @0;
  # Leave it to the enclosing scope.
  bytes @1;
  # As `bytes` objects.
  unicode @2;
  # As `str` (unicode) objects.
}

struct Options {
  # capnpy compiler settings that a schema can set for a whole file, for one
  # struct, or for one field.  An inner setting overrides an outer one; an
  # option left `notset` is inherited.

  versionCheck @0 :BoolOption = notset;
  # Check at import time that the generated module matches the capnpy it is
  # loaded with.

  convertCase @1 :BoolOption = notset;
  # Turn camelCase names into snake_case Python names.

  textType @2 :TextType = notset;
  # Python type used for Text fields.

  includeReflectionData @3 :BoolOption = notset;
  # Embed the schema in the generated module for run-time reflection.
}

annotation options(file, struct, field) :Options;
# Set some of the `Options` above for the annotated scope and everything
# inside it, e.g. `$Py.options(convertCase = false);` at file level.
