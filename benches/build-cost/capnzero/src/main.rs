//! Writes and reads an RPC message and a schema node with the types `capnp_schema!` generates
//! from Cap'n Proto's protocol schemas (copied into `schema/` by benches/build_cost.sh); prints
//! what ../capnpc's program prints.

mod rpc {
    capnzero::capnp_schema!("schema/capnp/rpc.capnp", include = ["schema"]);
}
mod rpc_twoparty {
    capnzero::capnp_schema!("schema/capnp/rpc-twoparty.capnp", include = ["schema"]);
}
mod schema {
    capnzero::capnp_schema!("schema/capnp/schema.capnp", include = ["schema"]);
}
mod json {
    capnzero::capnp_schema!("schema/capnp/compat/json.capnp", include = ["schema"]);
}
mod stream {
    capnzero::capnp_schema!("schema/capnp/stream.capnp", include = ["schema"]);
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut message = capnzero::MessageBuilder::default();
    let mut root = capnzero::init_root::<rpc::Message>(&mut message);
    root.init_bootstrap()?.set_question_id(7);
    let bytes = message.to_bytes();
    match capnzero::read::<rpc::Message>(&bytes)?.root().which() {
        rpc::message::Which::Bootstrap(Some(bootstrap)) => println!("bootstrap {}", bootstrap.question_id()),
        _ => return Err("not a bootstrap".into()),
    }
    let mut message = capnzero::MessageBuilder::default();
    let mut node = capnzero::init_root::<schema::Node>(&mut message);
    node.set_id(0x1234);
    node.set_display_name("x.capnp:Y")?;
    let side = rpc_twoparty::Side::Client;
    let bytes = message.to_bytes();
    println!("node {} {side:?}", capnzero::read::<schema::Node>(&bytes)?.root().get_display_name());
    let is_null = matches!(json::ValueReader::default().which(), json::value::Which::Null);
    println!("{is_null} {}", <stream::StreamResult as capnzero::Struct>::DATA_WORDS);
    Ok(())
}
