mod shapes {
    capnzero::capnp_schema!("tests/ui/include/lib/consts.capnp", include = ["tests/ui/include", "tests/ui/nowhere"]);
}

fn main() {}
