//! A streaming method (`-> stream`) with flow control: the client writes 2,000 chunks of 1 KiB
//! to a sink over an in-memory pipe through a `StreamWriter` whose window is 16 KiB, so at most
//! 16 calls are ever in flight however fast it writes; then `done()` gives what the sink
//! received, which must be everything, in order.
//!
//! `cargo run --features tokio --example rpc_stream`

use std::sync::{Arc, Mutex};

use capnzero::rpc::{Error, RpcConnection, StreamWriter, TokioIo, TypedParams, TypedResults};

capnzero::capnp_schema! {
    @0xb1e8d5c0a4f27a93;

    interface Sink {
      write @0 (index :UInt32, chunk :Data) -> stream;
      done @1 () -> (bytes :UInt64, chunks :UInt32, inOrder :Bool);
    }
}

use stream_capnp::StreamResult;

#[derive(Default)]
struct Received {
    bytes: u64,
    chunks: u32,
    in_order: bool,
}

struct SinkImpl(Mutex<Received>);

impl sink::Server for SinkImpl {
    async fn write(
        self: Arc<Self>,
        params: TypedParams<sink::WriteParams>,
        results: TypedResults<StreamResult>,
    ) -> Result<TypedResults<StreamResult>, Error> {
        let (index, len) = {
            let reader = params.reader();
            let p = reader.get()?;
            (p.index(), p.get_chunk().len())
        };
        {
            let mut received = self.0.lock().unwrap();
            received.in_order &= index == received.chunks;
            received.chunks += 1;
            received.bytes += len as u64;
        }
        // A slow sink: the writer's window, not a queue, holds the client back.
        if index % 64 == 0 {
            tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        }
        Ok(results)
    }

    async fn done(
        self: Arc<Self>,
        _: TypedParams<sink::DoneParams>,
        mut results: TypedResults<sink::DoneResults>,
    ) -> Result<TypedResults<sink::DoneResults>, Error> {
        let received = self.0.lock().unwrap();
        let mut r = results.get();
        r.set_bytes(received.bytes);
        r.set_chunks(received.chunks);
        r.set_in_order(received.in_order);
        drop(received);
        Ok(results)
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (a, b) = tokio::io::duplex(1 << 16);
    let (ar, aw) = tokio::io::split(a);
    let (br, bw) = tokio::io::split(b);
    let server = sink::new_client(SinkImpl(Mutex::new(Received { in_order: true, ..Received::default() })));
    tokio::spawn(RpcConnection::new(TokioIo(ar), TokioIo(aw), Some(server.into())));
    let connection = RpcConnection::new(TokioIo(br), TokioIo(bw), None);
    let sink = sink::Client::from(connection.bootstrap());
    tokio::spawn(connection);

    let chunk = vec![7u8; 1024];
    let mut writer = StreamWriter::new(16 * 1024);
    let mut most_in_flight = 0;
    for index in 0..2000 {
        let mut request = sink.write_request();
        let mut params = request.params();
        params.set_index(index);
        params.set_chunk(&chunk)?;
        writer.send(request).await?;
        most_in_flight = most_in_flight.max(writer.in_flight());
    }
    writer.finish().await?;
    let response = sink.done_request().send().await?;
    let reader = response.reader();
    let done = reader.get()?;
    println!(
        "sent 2000 chunks, at most {most_in_flight} in flight; the sink got {} bytes in {} chunks, in order: {}",
        done.bytes(),
        done.chunks(),
        done.in_order()
    );
    assert_eq!((done.bytes(), done.chunks(), done.in_order()), (2000 * 1024, 2000, true));
    assert!(most_in_flight <= 16, "the window holds at most 16 calls of 1 KiB and a bit");
    Ok(())
}
