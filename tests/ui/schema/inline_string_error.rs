mod shapes {
    capnzero::capnp_schema!(inline = "@0xd4c3b2a1e5f60718; struct Point { x @0 :Int46; }");
}

fn main() {}
