mod shapes {
    capnzero::capnp_schema!(
        "tests/ui/include/lib/consts.capnp",
        include = ["tests/ui/include"],
        imports = { "tests/ui/include/lib/other.capnp": crate::other },
    );
}

fn main() {}
