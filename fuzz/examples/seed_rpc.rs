//! Writes the seed corpus of the `rpc_messages` fuzz target: sessions of well-formed RPC
//! messages (bootstrap, calls on exports and on promised answers, capabilities of every
//! descriptor kind, returns, finishes, releases, resolves, disembargoes, aborts, unknown kinds).
//!
//! `cargo run --example seed_rpc` (in `fuzz/`) rewrites the files named `seed-*` in
//! `corpus/rpc_messages/`.

use std::fs;
use std::path::Path;

use capnzero_runtime::{MessageBuilder, StructBuilder};

const ABORT: u16 = 1;
const CALL: u16 = 2;
const RETURN: u16 = 3;
const FINISH: u16 = 4;
const RESOLVE: u16 = 5;
const RELEASE: u16 = 6;
const BOOTSTRAP: u16 = 8;
const DISEMBARGO: u16 = 13;

/// A framed message: `Message` with union tag `kind`, its body built by `body` (sizes given).
fn message(kind: u16, data: u16, ptrs: u16, body: impl FnOnce(StructBuilder<'_>)) -> Vec<u8> {
    let mut m = MessageBuilder::default();
    let mut root = m.init_root(1, 1);
    root.set::<u16>(0, kind);
    body(root.into_pointer(0).unwrap().init_struct(data, ptrs));
    m.to_bytes()
}

fn bootstrap(question: u32) -> Vec<u8> {
    message(BOOTSTRAP, 1, 1, |mut b| b.set::<u32>(0, question))
}

/// Writes a capability table of `(tag, id)` descriptors into a Payload.
fn cap_table(payload: &mut StructBuilder<'_>, caps: &[(u16, u32)]) {
    let mut list = payload.pointer(1).unwrap().init_struct_list(caps.len() as u32, 1, 1).unwrap();
    for (i, &(tag, id)) in caps.iter().enumerate() {
        let mut d = list.get_struct(i as u32).unwrap();
        d.set::<u16>(0, tag);
        if tag == 4 {
            d.into_pointer(0).unwrap().init_struct(1, 1).set::<u32>(0, id);
        } else {
            d.set::<u32>(4, id);
        }
    }
}

/// A call (question `question`) of method `method` on export `export` or, when `answer` is
/// given, on that promised answer with `transform` (pointer fields).
fn call(question: u32, target: Result<u32, (u32, &[u16])>, method: u16, caps: &[(u16, u32)]) -> Vec<u8> {
    message(CALL, 3, 3, |mut call| {
        call.set::<u32>(0, question);
        call.set::<u16>(2, method);
        call.set::<u64>(1, 0x1234);
        let mut t = call.pointer(0).unwrap().init_struct(1, 1);
        match target {
            Ok(export) => t.set::<u32>(0, export),
            Err((answer, transform)) => {
                t.set::<u16>(2, 1);
                let mut promised = t.into_pointer(0).unwrap().init_struct(1, 1);
                promised.set::<u32>(0, answer);
                let mut ops = promised.into_pointer(0).unwrap().init_struct_list(transform.len() as u32, 1, 0).unwrap();
                for (i, &field) in transform.iter().enumerate() {
                    let mut op = ops.get_struct(i as u32).unwrap();
                    op.set::<u16>(0, 1);
                    op.set::<u16>(1, field);
                }
            }
        }
        let mut payload = call.into_pointer(1).unwrap().init_struct(0, 2);
        let mut content = payload.pointer(0).unwrap().init_struct(1, 2);
        content.set::<u64>(0, 7);
        if !caps.is_empty() {
            content.pointer(0).unwrap().set_capability(0);
        }
        cap_table(&mut payload, caps);
    })
}

fn finish(question: u32, release: bool) -> Vec<u8> {
    message(FINISH, 1, 0, |mut f| {
        f.set::<u32>(0, question);
        // releaseResultCaps defaults to true: the bit holds the XOR.
        f.set_bool(32, !release);
    })
}

fn release(id: u32, count: u32) -> Vec<u8> {
    message(RELEASE, 1, 0, |mut r| {
        r.set::<u32>(0, id);
        r.set::<u32>(1, count);
    })
}

/// A Return for our question `answer` (the harness's own bootstrap is question 0), its results
/// holding a capability the peer hosts.
fn ret(answer: u32, caps: &[(u16, u32)]) -> Vec<u8> {
    message(RETURN, 2, 1, |mut r| {
        r.set::<u32>(0, answer);
        let mut payload = r.into_pointer(0).unwrap().init_struct(0, 2);
        payload.pointer(0).unwrap().set_capability(0);
        cap_table(&mut payload, caps);
    })
}

fn corpus() -> Vec<(&'static str, Vec<u8>)> {
    let session = |parts: &[Vec<u8>]| parts.concat();
    vec![
        ("bootstrap", bootstrap(0)),
        (
            "bootstrap-call-finish",
            session(&[bootstrap(0), call(1, Err((0, &[])), 0, &[]), finish(1, true), finish(0, true)]),
        ),
        (
            "pipelined-self",
            session(&[
                bootstrap(0),
                call(1, Err((0, &[])), 1, &[]),
                call(2, Err((1, &[0])), 0, &[]),
                finish(2, true),
                finish(1, true),
            ]),
        ),
        (
            "call-with-their-cap",
            session(&[bootstrap(0), call(1, Err((0, &[])), 0, &[(1, 5)]), finish(1, false), release(0, 1)]),
        ),
        (
            "call-with-our-export",
            session(&[bootstrap(0), call(1, Err((0, &[])), 1, &[]), call(2, Ok(0), 0, &[(3, 0)]), finish(2, true)]),
        ),
        ("receiver-answer", session(&[bootstrap(0), call(1, Err((0, &[])), 0, &[(4, 0)])])),
        ("failing-method", session(&[bootstrap(0), call(1, Err((0, &[])), 2, &[]), call(2, Err((1, &[0])), 0, &[])])),
        ("return-of-our-bootstrap", session(&[ret(0, &[(1, 3)]), release(3, 1)])),
        (
            "resolve",
            session(&[
                ret(0, &[(2, 4)]),
                message(RESOLVE, 1, 1, |mut r| {
                    r.set::<u32>(0, 4);
                    r.into_pointer(0).unwrap().init_struct(1, 1).set::<u16>(0, 1);
                }),
            ]),
        ),
        (
            "disembargo",
            session(&[
                bootstrap(0),
                call(1, Err((0, &[])), 0, &[(1, 9)]),
                message(DISEMBARGO, 1, 1, |mut d| {
                    d.set::<u32>(0, 3);
                    let mut t = d.into_pointer(0).unwrap().init_struct(1, 1);
                    t.set::<u16>(2, 1);
                    t.into_pointer(0).unwrap().init_struct(1, 1).set::<u32>(0, 1);
                }),
            ]),
        ),
        (
            "abort",
            message(ABORT, 1, 2, |mut e| {
                e.pointer(0).unwrap().set_text("bye").unwrap();
            }),
        ),
        ("unknown-kind", message(42, 1, 0, |_| {})),
        ("finish-unknown", finish(77, true)),
        ("release-too-many", session(&[bootstrap(0), release(0, 5)])),
    ]
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/rpc_messages");
    fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in corpus() {
        let outcome = capnzero::rpc::fuzz::feed(&bytes);
        let path = dir.join(format!("seed-{name}"));
        fs::write(&path, &bytes).unwrap();
        println!("{:5} bytes  {}  {outcome:?}", bytes.len(), path.display());
    }
}
