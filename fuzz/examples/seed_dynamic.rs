//! Writes the seed corpus of the `dynamic` fuzz target: framed messages of the fixed schema's
//! `Everything` (built from the text format: every field kind, unions, groups, defaults), and a
//! few that read badly (an unknown union member, a struct too small for its schema, pointers
//! of the wrong kind, a truncated message).
//!
//! `cargo run --example seed_dynamic` (in `fuzz/`) rewrites the files named `seed-*` in
//! `corpus/dynamic/`; inputs libFuzzer added there are left alone.

use std::fs;
use std::path::Path;

use capnzero_runtime::{ElementSize, MessageBuilder};
use capnzero_schema::text::parse::TextEncoder;

/// Messages given in the text format, by name.
const TEXT: &[(&str, &str)] = &[
    ("empty", "()"),
    (
        "primitives",
        "(bool = true, int8 = -128, int16 = 32767, int32 = -5, int64 = -9223372036854775808, uint8 = 255, \
         uint16 = 65535, uint32 = 4294967295, uint64 = 18446744073709551615, float32 = nan, float64 = -inf)",
    ),
    ("text-data", r#"(text = "t ✓", data = 0x"00ff", textList = ["a", ""], dataList = [0x"01"])"#),
    ("enum", "(color = green, colorList = [red, blue])"),
    (
        "lists",
        "(voidList = [void, void], boolList = [true, false, true], int8List = [-1], int16List = [2], \
         int32List = [3], int64List = [4], uint8List = [5], uint16List = [6], uint32List = [7], \
         uint64List = [8], float32List = [0.5], float64List = [0.25], listList = [[1], [], [2, 3]])",
    ),
    ("structs", r#"(inner = (id = 1, child = (id = 2, tags = ["x"])), innerList = [(id = 3), (name = "n")])"#),
    ("group-union", r#"(group = (a = 1, b = "b"), choice = (pair = (left = 1, right = 2)), tagged = (circle = 1.5))"#),
    ("union-nested", "(choice = (nested = (id = 9)), tagged = (square = (name = \"sq\")))"),
    ("union-list", "(choice = (numbers = [1, 2, 3]))"),
    ("defaults", "(withDefault = 0, textDefault = \"\", innerDefault = (), listDefault = [], colorDefault = red)"),
];

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/dynamic");
    fs::create_dir_all(&dir).unwrap();
    let fixed = capnzero_fuzz::fixed::fixed();
    let encoder = TextEncoder::new(fixed.schema.compiled(), fixed.root().id()).unwrap();
    let mut seeds: Vec<(String, Vec<u8>)> = Vec::new();
    for (name, text) in TEXT {
        let message = encoder.encode(text).unwrap_or_else(|e| panic!("{name}: {e:?}")).pop().unwrap();
        seeds.push((name.to_string(), message.to_bytes()));
    }
    let layout = fixed.root().layout();
    let (data_words, pointers) = (layout.data_word_count, layout.pointer_count);
    {
        // The union `choice` with a discriminant no member has.
        let mut message = MessageBuilder::default();
        let mut root = message.init_root(data_words, pointers);
        let offset = fixed.root().field("choice").unwrap().group().unwrap().unwrap().discriminant_offset();
        root.set::<u16>(offset as usize, 77);
        seeds.push(("unknown-union-member".into(), message.to_bytes()));
    }
    {
        // An old, smaller struct: one data word, one pointer (Text).
        let mut message = MessageBuilder::default();
        let mut root = message.init_root(1, 1);
        root.set::<u64>(0, u64::MAX);
        root.pointer(0).unwrap().set_text("small").unwrap();
        seeds.push(("small-struct".into(), message.to_bytes()));
    }
    {
        // Every pointer of the wrong kind: a struct where lists are, a list where structs are.
        let mut message = MessageBuilder::default();
        let mut root = message.init_root(data_words, pointers);
        for i in 0..pointers {
            let p = root.pointer(i).unwrap();
            if i % 2 == 0 {
                p.init_struct(1, 0);
            } else {
                p.init_list(ElementSize::FourBytes, 3).unwrap();
            }
        }
        seeds.push(("wrong-pointer-kinds".into(), message.to_bytes()));
    }
    {
        let mut bytes = seeds[5].1.clone();
        bytes.truncate(bytes.len() - 8);
        seeds.push(("truncated".into(), bytes));
    }
    for (name, bytes) in &seeds {
        capnzero_fuzz::dynamic(bytes);
        let path = dir.join(format!("seed-{name}"));
        fs::write(&path, bytes).unwrap();
        println!("{:5} bytes  {}", bytes.len(), path.display());
    }
}
