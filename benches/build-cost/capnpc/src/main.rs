//! The program of ../capnzero (an RPC message and a schema node written and read back) with the
//! code capnpc generates.

pub mod rpc_capnp {
    include!(concat!(env!("OUT_DIR"), "/capnp/rpc_capnp.rs"));
}
pub mod rpc_twoparty_capnp {
    include!(concat!(env!("OUT_DIR"), "/capnp/rpc_twoparty_capnp.rs"));
}
pub mod schema_capnp {
    include!(concat!(env!("OUT_DIR"), "/capnp/schema_capnp.rs"));
}
pub mod json_capnp {
    include!(concat!(env!("OUT_DIR"), "/capnp/compat/json_capnp.rs"));
}
pub mod stream_capnp {
    include!(concat!(env!("OUT_DIR"), "/capnp/stream_capnp.rs"));
}

use capnp::message::{Builder, ReaderOptions};
use capnp::serialize;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut message = Builder::new_default();
    let mut root = message.init_root::<rpc_capnp::message::Builder<'_>>();
    root.reborrow().init_bootstrap().set_question_id(7);
    let bytes = serialize::write_message_to_words(&message);
    let reader = serialize::read_message(&mut &bytes[..], ReaderOptions::new())?;
    match reader.get_root::<rpc_capnp::message::Reader<'_>>()?.which()? {
        rpc_capnp::message::Bootstrap(b) => println!("bootstrap {}", b?.get_question_id()),
        _ => return Err("not a bootstrap".into()),
    }
    let mut message = Builder::new_default();
    let mut node = message.init_root::<schema_capnp::node::Builder<'_>>();
    node.set_id(0x1234);
    node.set_display_name("x.capnp:Y");
    let side = rpc_twoparty_capnp::Side::Client;
    let bytes = serialize::write_message_to_words(&message);
    let reader = serialize::read_message(&mut &bytes[..], ReaderOptions::new())?;
    let name = reader.get_root::<schema_capnp::node::Reader<'_>>()?.get_display_name()?.to_string()?;
    println!("node {name} {side:?}");
    let mut message = Builder::new_default();
    let value = message.init_root::<json_capnp::value::Builder<'_>>();
    let is_null = matches!(value.into_reader().which()?, json_capnp::value::Null(()));
    let mut message = Builder::new_default();
    let result = message.init_root::<stream_capnp::stream_result::Builder<'_>>();
    println!("{is_null} {}", result.into_reader().total_size()?.word_count);
    Ok(())
}
