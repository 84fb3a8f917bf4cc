//! Writes the seed corpus of the `text_format` fuzz target: messages of the fixed schema's
//! `Everything` in the text format, one per field kind and a few with everything, escapes,
//! special floats, unions and defaults; and a few that do not parse.
//!
//! `cargo run --example seed_text_format` (in `fuzz/`) rewrites the files named `seed-*` in
//! `corpus/text_format/`; inputs libFuzzer added there are left alone.

use std::fs;
use std::path::Path;

/// Seeds that must parse, by name.
const VALID: &[(&str, &str)] = &[
    ("empty", "()"),
    (
        "primitives",
        "(void = void, bool = true, int8 = -128, int16 = 32767, int32 = -5, int64 = -9223372036854775808, \
         uint8 = 255, uint16 = 65535, uint32 = 4294967295, uint64 = 18446744073709551615, \
         float32 = 1.5, float64 = -2.25e-300)",
    ),
    (
        "special-floats",
        "(float32 = inf, float64 = -inf, float32List = [nan, 0.1, -0, 3.4028235e38], float64List = [1e308, 5e-324])",
    ),
    ("text-escapes", r#"(text = "tab\there \"quoted\" \\ \x41 \101 ✓", data = "\x00\xff\n")"#),
    ("data-hex", r#"(data = 0x"0001feff", dataList = [0x"00", "abc", 0x"0a"])"#),
    ("enum", "(color = blue, colorList = [red, green, blue], colorDefault = red)"),
    ("nested-struct", r#"(inner = (id = 1, name = "one", child = (id = 2, child = (id = 3)), tags = ["x", "y"]))"#),
    (
        "lists",
        "(voidList = [void, void], boolList = [true, false, true], int8List = [-1, 1], \
         int16List = [300], int32List = [1, 2, 3], int64List = [-1], uint8List = [0, 255], \
         uint16List = [7], uint32List = [8], uint64List = [9])",
    ),
    ("list-of-structs", r#"(innerList = [(id = 1), (name = "b"), (), (child = (id = 4), tags = [])])"#),
    ("list-of-lists", "(listList = [[1, 2], [], [-3]], textList = [\"a\", \"\", \"ccc\"])"),
    ("group", r#"(group = (a = 9, b = "bee"))"#),
    ("union-number", "(choice = (number = 12345))"),
    ("union-nested", r#"(choice = (nested = (id = 5, tags = ["t"])))"#),
    ("union-group", "(choice = (pair = (left = -3, right = 0.5)))"),
    ("union-list", "(choice = (numbers = [1, 2, 65535]))"),
    ("union-replaced", r#"(choice = (number = 1), choice = (word = "later"))"#),
    (
        "defaults",
        "(withDefault = 0, textDefault = \"\", boolDefault = false, floatDefault = 0, \
         innerDefault = (), listDefault = [])",
    ),
    (
        "json-annotated",
        r#"(renamed = -7, hexData = 0x"beef", base64Data = "hello", flat = (x = 1, y = "why"), tagged = (square = (id = 2)))"#,
    ),
    ("comments-and-spaces", "# a comment\n(\n  int32 = 1,  # trailing\n  text = \"t\"\n)\n"),
];

/// Seeds that must not parse, by name.
const INVALID: &[(&str, &str)] = &[
    ("unknown-field", "(nope = 1)"),
    ("type-mismatch", "(int8 = \"x\", text = 3)"),
    ("out-of-range", "(uint8 = 256)"),
    ("syntax", "(int32 = , [ ("),
    ("not-a-struct", "[1, 2]"),
];

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/text_format");
    fs::create_dir_all(&dir).unwrap();
    let fixed = capnzero_fuzz::fixed::fixed();
    let encoder = capnzero_schema::text::parse::TextEncoder::new(fixed.schema.compiled(), fixed.root().id()).unwrap();
    for (valid, seeds) in [(true, VALID), (false, INVALID)] {
        for (name, text) in seeds {
            let parsed = encoder.encode(text);
            assert_eq!(parsed.is_ok(), valid, "{name}: {:?}", parsed.err());
            capnzero_fuzz::text_format(text.as_bytes());
            let path = dir.join(format!("seed-{name}"));
            fs::write(&path, text).unwrap();
            println!("{:5} bytes  {}", text.len(), path.display());
        }
    }
}
