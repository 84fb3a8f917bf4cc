//! Writes the seed corpus of the `json` fuzz target: JSON messages of the fixed schema's
//! `Everything`, one per field kind and a few with everything, the annotated fields (renamed,
//! hex, base64, flattened, discriminated), escapes and numbers in their several spellings; and
//! a few that do not decode.
//!
//! `cargo run --example seed_json` (in `fuzz/`) rewrites the files named `seed-*` in
//! `corpus/json/`; inputs libFuzzer added there are left alone.

use std::fs;
use std::path::Path;

use capnzero_model::dynamic::DynamicStructBuilder;
use capnzero_runtime::MessageBuilder;

/// Seeds that must decode, by name.
const VALID: &[(&str, &str)] = &[
    ("empty", "{}"),
    (
        "primitives",
        r#"{"void": null, "bool": true, "int8": -128, "int16": 32767, "int32": -5, "int64": "-9223372036854775808",
            "uint8": 255, "uint16": 65535, "uint32": 4294967295, "uint64": "18446744073709551615",
            "float32": 1.5, "float64": -2.25e-300}"#,
    ),
    ("numbers-as-strings", r#"{"int32": "12", "uint64": 7, "float64": "Infinity", "float32": "NaN"}"#),
    ("special-floats", r#"{"float32List": ["NaN", "-Infinity", 0.1, -0.0], "float64List": [1e308, 5e-324]}"#),
    ("text-escapes", r#"{"text": "tab\there \"q\" \\ \/ \u00e9 \ud83d\ude00 ✓", "textList": ["", "a\nb"]}"#),
    ("data", r#"{"data": [0, 1, 254, 255], "dataList": [[], [97, 98]]}"#),
    ("enum", r#"{"color": "BLUE", "colorList": ["red", "green", "BLUE"], "colorDefault": "red"}"#),
    ("enum-as-number", r#"{"color": 1, "colorList": [2, 0]}"#),
    ("nested-struct", r#"{"inner": {"id": 1, "name": "one", "child": {"id": 2, "child": {"id": 3}}, "tags": ["x"]}}"#),
    (
        "lists",
        r#"{"voidList": [null, null], "boolList": [true, false], "int8List": [-1, 1], "int16List": [300],
            "int32List": [1, 2, 3], "int64List": ["-1"], "uint8List": [0, 255], "uint16List": [7],
            "uint32List": [8], "uint64List": ["9"]}"#,
    ),
    ("list-of-structs", r#"{"innerList": [{"id": 1}, {"name": "b"}, {}, {"child": {"id": 4}, "tags": []}]}"#),
    ("list-of-lists", r#"{"listList": [[1, 2], [], [-3]]}"#),
    ("group", r#"{"group": {"a": 9, "b": "bee"}}"#),
    ("union-number", r#"{"number": "12345"}"#),
    ("union-nested", r#"{"nested": {"id": 5, "tags": ["t"]}}"#),
    ("union-group", r#"{"pair": {"left": -3, "right": 0.5}}"#),
    ("union-list", r#"{"numbers": [1, 2, 65535]}"#),
    ("union-replaced", r#"{"number": "1", "word": "later"}"#),
    ("member-twice", r#"{"int32": 1, "int32": 2, "inner": {"id": 1}, "inner": {"name": "n"}}"#),
    (
        "defaults",
        r#"{"withDefault": 0, "textDefault": "", "boolDefault": false, "floatDefault": 0, "innerDefault": {}, "listDefault": []}"#,
    ),
    ("renamed", r#"{"re-named": -7}"#),
    ("hex-base64", r#"{"hexData": "beef00", "base64Data": "aGVsbG8="}"#),
    ("hex-base64-lenient", r#"{"hexData": "xyz", "base64Data": "a%b=c"}"#),
    ("flattened", r#"{"flat_x": 1, "flat_y": "why"}"#),
    ("discriminated", r#"{"kind": "square", "square": {"id": 2}}"#),
    ("discriminated-void", r#"{"kind": "blank"}"#),
    ("unknown-members-ignored", r#"{"nope": [1, {"a": null}], "int8": 1, "other": "x"}"#),
    ("whitespace", "\n {\n\t\"int32\" : 1 ,\r\n \"text\":\"t\" } \n"),
];

/// Seeds that must not decode, by name.
const INVALID: &[(&str, &str)] = &[
    ("syntax", r#"{"int32": , }"#),
    ("type-mismatch", r#"{"int8": "x"}"#),
    ("out-of-range", r#"{"uint8": 256}"#),
    ("not-an-object", "[1, 2]"),
    ("truncated", r#"{"inner": {"id": 1"#),
    ("hex-array", r#"{"hexData": [1, 2]}"#),
];

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/json");
    fs::create_dir_all(&dir).unwrap();
    let root = capnzero_fuzz::fixed::fixed().root();
    for (valid, seeds) in [(true, VALID), (false, INVALID)] {
        for (name, text) in seeds {
            let mut message = MessageBuilder::default();
            let decoded =
                capnzero_model::json::decode_into(text, DynamicStructBuilder::init_root(&mut message, root.clone()));
            assert_eq!(decoded.is_ok(), valid, "{name}: {:?}", decoded.err());
            capnzero_fuzz::json(text.as_bytes());
            let path = dir.join(format!("seed-{name}"));
            fs::write(&path, text).unwrap();
            println!("{:5} bytes  {}", text.len(), path.display());
        }
    }
}
