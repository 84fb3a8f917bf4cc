mod shapes {
    capnzero::capnp_schema!("tests/ui/schema/syntax_error.capnp");
}

fn main() {}
