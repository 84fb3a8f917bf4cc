mod shapes {
    capnzero::capnp_schema!("tests/ui/include/lib/consts.capnp", include = "tests/ui/include");
}

mod points {
    capnzero::capnp_schema!(inline = ["@0xd4c3b2a1e5f60718;"]);
}

fn main() {}
