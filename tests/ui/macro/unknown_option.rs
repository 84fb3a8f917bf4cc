mod shapes {
    capnzero::capnp_schema!("tests/ui/include/lib/consts.capnp", includes = ["tests/ui/include"]);
}

fn main() {}
