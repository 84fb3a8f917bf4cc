# capnzero standard import: /capnp/c++.capnp
#
# Annotations read by the C++ code generator of the reference implementation.
# capnzero's Rust code generator ignores them, but many published schemas
# (including the other standard imports shipped next to this file) attach
# them, so the file has to be importable and has to carry the same IDs as the
# reference copy.  This text is capnzero's own; only the identifiers, targets
# and value types are fixed by the reference (Cap'n Proto 0.9.2).

@0xbdf87d7bb8304e81;

# The file annotates itself with the C++ namespace of its own generated code.
$namespace("capnp::annotations");

annotation namespace(file) :Text;
# The C++ namespace, written with `::` separators, that the declarations of the
# annotated file are placed into.  Example: `$Cxx.namespace("my::project");`

annotation name(struct, field, enum, enumerant, union, group, interface, method, param) :Text;
# Gives the annotated declaration a different identifier in generated C++,
# e.g. to dodge a clash with a C++ keyword or macro.  The schema name (the one
# seen on the wire in text formats and in reflection) is unchanged.
