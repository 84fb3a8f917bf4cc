mod shapes {
    capnzero::capnp_schema!("tests/ui/schema/missing.capnp");
}

fn main() {}
