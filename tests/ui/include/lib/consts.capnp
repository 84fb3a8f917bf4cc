# Imported as `/lib/consts.capnp` by schemas that list tests/ui/include as an import
# directory (`include = ["tests/ui/include"]`).
@0xc8a1e3b5d7f90214;

const answer :Int32 = 42;
const greeting :Text = "hello";
