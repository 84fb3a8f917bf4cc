//! Oracle tests against the official `capnp` tool (0.9.2).
//!
//! `oracle/` holds a schema, text inputs and what the tool made of them (see
//! `oracle/cases.list` and `oracle/regen.sh`): framed (`.bin`), packed (`.packed`), flat
//! (`.flat`), canonical (`.canonical`) and fixed-size-segment (`.segN.bin`, `.segN.packed`)
//! encodings. The tool is not needed here: everything is committed, and `oracle/check.sh`
//! (run where the tool is installed) checks that the committed files are what the tool makes.
//!
//! The tests read every vector and check every field against the expected values written out
//! below by hand from the `.txt` inputs, at the offsets `oracle/layout.txt` gives. Then
//! capnzero builds the same messages and must produce the tool's bytes exactly: `capnp encode`
//! decodes the text into one message and deep-copies its root into a fresh builder (1024-word
//! first segment growing heuristically, or fixed `--segment-size` segments), which writes
//! every object in pre-order, pointer by pointer; a capnzero builder with the same options
//! filling the pointers in the same order allocates the same words. The messages capnzero
//! builds are also committed as `oracle/ours-<name>.bin`, which `check.sh` decodes with the
//! tool.
//!
//! `CAPNZERO_ORACLE_BLESS=1` rewrites the `ours-<name>.bin` files instead of comparing them.

use std::fmt::Debug;
#[cfg(feature = "std")]
use std::io::BufReader;

use capnzero_runtime::*;

/// Where `CAPNZERO_ORACLE_BLESS=1` writes the ours-<name>.bin files.
const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/oracle");

// ---------------------------------------------------------------------------------------------
// Layout, from oracle/layout.txt (`capnp compile -ocapnp schema.capnp`). Data offsets are in
// units of the field's size (bits for Bool), as `get::<T>` / `get_bool` take them.

/// `struct Leaf  # 16 bytes, 1 ptrs`
mod leaf {
    pub const DATA_WORDS: u16 = 2;
    pub const POINTERS: u16 = 1;
    /// UInt32, bits[0, 32)
    pub const TAG: usize = 0;
    /// Float64, bits[64, 128)
    pub const WEIGHT: usize = 1;
    /// Bool, bits[32, 33)
    pub const OK: usize = 32;
    /// Text
    pub const CAPTION: u16 = 0;
}

/// `struct Specimen  # 64 bytes, 22 ptrs`
mod specimen {
    pub const DATA_WORDS: u16 = 8;
    pub const POINTERS: u16 = 22;
    /// Bool, bits[0, 1)
    pub const FLAG: usize = 0;
    /// Int8, bits[8, 16)
    pub const INT8: usize = 1;
    /// Int16, bits[16, 32)
    pub const INT16: usize = 1;
    /// Int32, bits[32, 64)
    pub const INT32: usize = 1;
    /// Int64, bits[64, 128)
    pub const INT64: usize = 1;
    /// UInt8, bits[128, 136)
    pub const UINT8: usize = 16;
    /// UInt16, bits[144, 160)
    pub const UINT16: usize = 9;
    /// UInt32, bits[160, 192)
    pub const UINT32: usize = 5;
    /// UInt64, bits[192, 256)
    pub const UINT64: usize = 3;
    /// Float32, bits[256, 288)
    pub const FLOAT32: usize = 8;
    /// Float64, bits[320, 384)
    pub const FLOAT64: usize = 5;
    /// Shade (UInt16), bits[288, 304)
    pub const SHADE: usize = 18;
    /// The union `choice`: tag bits [304, 320)
    pub const CHOICE_TAG: usize = 19;
    pub const CHOICE_EMPTY: u16 = 0;
    pub const CHOICE_COUNT: u16 = 1;
    pub const CHOICE_LABEL: u16 = 2;
    pub const CHOICE_LEAFY: u16 = 3;
    /// choice.count: UInt16, bits[384, 400)
    pub const COUNT: usize = 24;
    /// box.width: UInt32, bits[416, 448)
    pub const BOX_WIDTH: usize = 13;
    /// box.height: Int16, bits[400, 416)
    pub const BOX_HEIGHT: usize = 25;
    /// box.lit: Bool, bits[1, 2)
    pub const BOX_LIT: usize = 1;
    /// The union `box.corner`: tag bits [448, 464)
    pub const CORNER_TAG: usize = 28;
    pub const CORNER_SQUARE: u16 = 0;
    pub const CORNER_ROUND: u16 = 1;
    /// box.corner.round: Float32, bits[480, 512)
    pub const CORNER_ROUND_VALUE: usize = 15;

    pub const TEXT: u16 = 0;
    pub const BLOB: u16 = 1;
    pub const LEAF: u16 = 2;
    /// choice.label (Text) and choice.leafy (Leaf) share it.
    pub const CHOICE_PTR: u16 = 3;
    pub const BOX_TITLE: u16 = 4;
    pub const VOIDS: u16 = 5;
    pub const BOOLS: u16 = 6;
    pub const INT8S: u16 = 7;
    pub const INT16S: u16 = 8;
    pub const INT32S: u16 = 9;
    pub const INT64S: u16 = 10;
    pub const UINT8S: u16 = 11;
    pub const UINT16S: u16 = 12;
    pub const UINT32S: u16 = 13;
    pub const UINT64S: u16 = 14;
    pub const FLOAT32S: u16 = 15;
    pub const FLOAT64S: u16 = 16;
    pub const TEXTS: u16 = 17;
    pub const BLOBS: u16 = 18;
    pub const LEAVES: u16 = 19;
    pub const MATRIX: u16 = 20;
    pub const SHADES: u16 = 21;
}

/// `struct Preset  # 64 bytes, 3 ptrs`, with the schema defaults.
mod preset {
    pub const DATA_WORDS: u16 = 8;
    pub const POINTERS: u16 = 3;
    /// Bool = true, bits[0, 1)
    pub const FLAG: usize = 0;
    /// Int8 = -100, bits[8, 16)
    pub const INT8: usize = 1;
    /// Int16 = -12345, bits[16, 32)
    pub const INT16: usize = 1;
    /// Int32 = 123456789, bits[32, 64)
    pub const INT32: usize = 1;
    /// Int64 = -1234567890123456789, bits[64, 128)
    pub const INT64: usize = 1;
    /// UInt8 = 250, bits[128, 136)
    pub const UINT8: usize = 16;
    /// UInt16 = 65000, bits[144, 160)
    pub const UINT16: usize = 9;
    /// UInt32 = 4000000000, bits[160, 192)
    pub const UINT32: usize = 5;
    /// UInt64 = 18000000000000000000, bits[192, 256)
    pub const UINT64: usize = 3;
    /// Float32 = -1.5, bits[256, 288)
    pub const FLOAT32: usize = 8;
    /// Float64 = inf, bits[320, 384)
    pub const FLOAT64: usize = 5;
    /// Float32 = -inf, bits[288, 320)
    pub const FLOAT32_INF: usize = 9;
    /// Float64 = -2.75e-300, bits[384, 448)
    pub const FLOAT64_NEG: usize = 6;
    /// Shade = indigo, bits[448, 464)
    pub const SHADE: usize = 28;
    /// Bool = false, bits[1, 2)
    pub const OTHER: usize = 1;
    /// Bool = true, bits[2, 3)
    pub const LATE: usize = 2;
    /// Text = "preset"
    pub const TEXT: u16 = 0;
    /// Leaf = (tag = 9, caption = "nine")
    pub const LEAF: u16 = 1;
    /// List(Int32) = [1, 2, 3]
    pub const NUMS: u16 = 2;
}

/// `struct Bulk  # 0 bytes, 4 ptrs`
mod bulk {
    pub const DATA_WORDS: u16 = 0;
    pub const POINTERS: u16 = 4;
    pub const NOTE: u16 = 0;
    pub const VALUES: u16 = 1;
    pub const NAMES: u16 = 2;
    pub const TAIL: u16 = 3;
}

/// Enum Shade.
const CRIMSON: u16 = 0;
const AMBER: u16 = 1;
const TEAL: u16 = 2;
const INDIGO: u16 = 3;

/// Where a field lives, as layout.txt says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    /// `# bits[start, end)`
    Bits(usize, usize),
    /// `# ptr[i]`
    Ptr(u16),
}

fn bits<T: Primitive>(offset: usize) -> Slot {
    Slot::Bits(offset * T::SIZE * 8, (offset + 1) * T::SIZE * 8)
}

fn bit(offset: usize) -> Slot {
    Slot::Bits(offset, offset + 1)
}

/// (struct, field or `<group>.union` for a union's tag, slot) for every constant above.
fn layout_table() -> Vec<(&'static str, &'static str, Slot)> {
    use Slot::Ptr;
    vec![
        ("Leaf", "tag", bits::<u32>(leaf::TAG)),
        ("Leaf", "caption", Ptr(leaf::CAPTION)),
        ("Leaf", "weight", bits::<f64>(leaf::WEIGHT)),
        ("Leaf", "ok", bit(leaf::OK)),
        ("Specimen", "nothing", Slot::Bits(0, 0)),
        ("Specimen", "flag", bit(specimen::FLAG)),
        ("Specimen", "int8", bits::<i8>(specimen::INT8)),
        ("Specimen", "int16", bits::<i16>(specimen::INT16)),
        ("Specimen", "int32", bits::<i32>(specimen::INT32)),
        ("Specimen", "int64", bits::<i64>(specimen::INT64)),
        ("Specimen", "uint8", bits::<u8>(specimen::UINT8)),
        ("Specimen", "uint16", bits::<u16>(specimen::UINT16)),
        ("Specimen", "uint32", bits::<u32>(specimen::UINT32)),
        ("Specimen", "uint64", bits::<u64>(specimen::UINT64)),
        ("Specimen", "float32", bits::<f32>(specimen::FLOAT32)),
        ("Specimen", "float64", bits::<f64>(specimen::FLOAT64)),
        ("Specimen", "text", Ptr(specimen::TEXT)),
        ("Specimen", "blob", Ptr(specimen::BLOB)),
        ("Specimen", "shade", bits::<u16>(specimen::SHADE)),
        ("Specimen", "leaf", Ptr(specimen::LEAF)),
        ("Specimen", "choice.union", bits::<u16>(specimen::CHOICE_TAG)),
        ("Specimen", "empty", Slot::Bits(0, 0)),
        ("Specimen", "count", bits::<u16>(specimen::COUNT)),
        ("Specimen", "label", Ptr(specimen::CHOICE_PTR)),
        ("Specimen", "leafy", Ptr(specimen::CHOICE_PTR)),
        ("Specimen", "width", bits::<u32>(specimen::BOX_WIDTH)),
        ("Specimen", "height", bits::<i16>(specimen::BOX_HEIGHT)),
        ("Specimen", "title", Ptr(specimen::BOX_TITLE)),
        ("Specimen", "lit", bit(specimen::BOX_LIT)),
        ("Specimen", "corner.union", bits::<u16>(specimen::CORNER_TAG)),
        ("Specimen", "square", Slot::Bits(0, 0)),
        ("Specimen", "round", bits::<f32>(specimen::CORNER_ROUND_VALUE)),
        ("Specimen", "voids", Ptr(specimen::VOIDS)),
        ("Specimen", "bools", Ptr(specimen::BOOLS)),
        ("Specimen", "int8s", Ptr(specimen::INT8S)),
        ("Specimen", "int16s", Ptr(specimen::INT16S)),
        ("Specimen", "int32s", Ptr(specimen::INT32S)),
        ("Specimen", "int64s", Ptr(specimen::INT64S)),
        ("Specimen", "uint8s", Ptr(specimen::UINT8S)),
        ("Specimen", "uint16s", Ptr(specimen::UINT16S)),
        ("Specimen", "uint32s", Ptr(specimen::UINT32S)),
        ("Specimen", "uint64s", Ptr(specimen::UINT64S)),
        ("Specimen", "float32s", Ptr(specimen::FLOAT32S)),
        ("Specimen", "float64s", Ptr(specimen::FLOAT64S)),
        ("Specimen", "texts", Ptr(specimen::TEXTS)),
        ("Specimen", "blobs", Ptr(specimen::BLOBS)),
        ("Specimen", "leaves", Ptr(specimen::LEAVES)),
        ("Specimen", "matrix", Ptr(specimen::MATRIX)),
        ("Specimen", "shades", Ptr(specimen::SHADES)),
        ("Preset", "flag", bit(preset::FLAG)),
        ("Preset", "int8", bits::<i8>(preset::INT8)),
        ("Preset", "int16", bits::<i16>(preset::INT16)),
        ("Preset", "int32", bits::<i32>(preset::INT32)),
        ("Preset", "int64", bits::<i64>(preset::INT64)),
        ("Preset", "uint8", bits::<u8>(preset::UINT8)),
        ("Preset", "uint16", bits::<u16>(preset::UINT16)),
        ("Preset", "uint32", bits::<u32>(preset::UINT32)),
        ("Preset", "uint64", bits::<u64>(preset::UINT64)),
        ("Preset", "float32", bits::<f32>(preset::FLOAT32)),
        ("Preset", "float64", bits::<f64>(preset::FLOAT64)),
        ("Preset", "float32Inf", bits::<f32>(preset::FLOAT32_INF)),
        ("Preset", "float64Neg", bits::<f64>(preset::FLOAT64_NEG)),
        ("Preset", "shade", bits::<u16>(preset::SHADE)),
        ("Preset", "other", bit(preset::OTHER)),
        ("Preset", "late", bit(preset::LATE)),
        ("Preset", "text", Ptr(preset::TEXT)),
        ("Preset", "leaf", Ptr(preset::LEAF)),
        ("Preset", "nums", Ptr(preset::NUMS)),
        ("Bulk", "note", Ptr(bulk::NOTE)),
        ("Bulk", "values", Ptr(bulk::VALUES)),
        ("Bulk", "names", Ptr(bulk::NAMES)),
        ("Bulk", "tail", Ptr(bulk::TAIL)),
    ]
}

/// Section sizes (data words, pointers) of each struct.
fn struct_sizes() -> Vec<(&'static str, u16, u16)> {
    vec![
        ("Leaf", leaf::DATA_WORDS, leaf::POINTERS),
        ("Specimen", specimen::DATA_WORDS, specimen::POINTERS),
        ("Preset", preset::DATA_WORDS, preset::POINTERS),
        ("Bulk", bulk::DATA_WORDS, bulk::POINTERS),
    ]
}

// ---------------------------------------------------------------------------------------------
// Fixtures.

/// Compiles in every committed file the tests read, so they need no file system (Miri's
/// isolation allows them) and are rebuilt when a fixture changes. The list repeats cases.list (name and
/// segment sizes); `every_case_is_known_and_complete` checks that the two agree.
macro_rules! fixtures {
    ($($name:literal $([$($size:literal),*])?;)*) => {
        fn fixtures() -> Vec<(String, &'static [u8])> {
            let mut files: Vec<(String, &'static [u8])> = vec![
                ("cases.list".into(), include_bytes!("oracle/cases.list")),
                ("layout.txt".into(), include_bytes!("oracle/layout.txt")),
            ];
            $(
                files.extend([
                    (concat!($name, ".txt").into(), &include_bytes!(concat!("oracle/", $name, ".txt"))[..]),
                    (concat!($name, ".bin").into(), include_bytes!(concat!("oracle/", $name, ".bin"))),
                    (concat!($name, ".packed").into(), include_bytes!(concat!("oracle/", $name, ".packed"))),
                    (concat!($name, ".flat").into(), include_bytes!(concat!("oracle/", $name, ".flat"))),
                    (concat!($name, ".canonical").into(), include_bytes!(concat!("oracle/", $name, ".canonical"))),
                    (concat!("ours-", $name, ".bin").into(), include_bytes!(concat!("oracle/ours-", $name, ".bin"))),
                    (
                        concat!("ours-", $name, ".expected.txt").into(),
                        include_bytes!(concat!("oracle/ours-", $name, ".expected.txt")),
                    ),
                ]);
                $($(
                    files.extend([
                        (
                            concat!($name, ".seg", $size, ".bin").into(),
                            &include_bytes!(concat!("oracle/", $name, ".seg", $size, ".bin"))[..],
                        ),
                        (
                            concat!($name, ".seg", $size, ".packed").into(),
                            include_bytes!(concat!("oracle/", $name, ".seg", $size, ".packed")),
                        ),
                    ]);
                )*)?
            )*
            files
        }
    };
}

fixtures! {
    "specimen-full" [5, 16];
    "specimen-count" [8];
    "specimen-label";
    "specimen-empty";
    "preset-empty";
    "preset-same";
    "preset-set";
    "bulk" [256];
}

fn fixture(file: &str) -> &'static [u8] {
    fixtures()
        .into_iter()
        .find(|(name, _)| name == file)
        .unwrap_or_else(|| panic!("oracle/{file} is not in the fixtures! list of oracle.rs"))
        .1
}

fn fixture_text(file: &str) -> &'static str {
    std::str::from_utf8(fixture(file)).unwrap_or_else(|e| panic!("oracle/{file}: {e}"))
}

/// One line of oracle/cases.list.
struct Case {
    name: String,
    root: String,
    segment_sizes: Vec<u32>,
}

fn cases() -> Vec<Case> {
    let cases: Vec<Case> = fixture_text("cases.list")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let mut words = line.split_whitespace();
            let name = words.next().unwrap().to_string();
            let root = words.next().unwrap_or_else(|| panic!("cases.list: no root type for {name}")).to_string();
            let segment_sizes = words
                .next()
                .map(|sizes| sizes.split(',').map(|s| s.parse().expect("cases.list: segment size")).collect())
                .unwrap_or_default();
            Case { name, root, segment_sizes }
        })
        .collect();
    assert!(cases.len() >= 8, "cases.list lists {} cases", cases.len());
    cases
}

fn fixed(words: u32) -> BuilderOptions {
    BuilderOptions { first_segment_words: words, allocation: AllocationStrategy::FixedSize }
}

/// Panics with the first differing word when `ours` is not `theirs`.
fn assert_bytes_eq(what: &str, ours: &[u8], theirs: &[u8]) {
    if ours == theirs {
        return;
    }
    let at = ours.iter().zip(theirs).position(|(a, b)| a != b).unwrap_or(ours.len().min(theirs.len()));
    let word = at / 8;
    let show = |bytes: &[u8]| -> String {
        bytes.get(word * 8..(word * 8 + 8).min(bytes.len())).map(|w| format!("{w:02x?}")).unwrap_or_default()
    };
    panic!(
        "{what}: {} bytes, expected {}; first difference at byte {at} (word {word}): {} vs expected {}",
        ours.len(),
        theirs.len(),
        show(ours),
        show(theirs)
    );
}

/// A framed message cut into the pieces `writePackedMessage` packs one by one: the segment
/// table, then each segment.
fn framed_pieces(bytes: &[u8]) -> Vec<&[u8]> {
    let reader = MessageReader::from_bytes(bytes, ReaderOptions::default()).unwrap();
    let body: usize = reader.segments().map(<[u8]>::len).sum();
    let mut pieces = vec![&bytes[..bytes.len() - body]];
    pieces.extend(reader.segments());
    pieces
}

// ---------------------------------------------------------------------------------------------
// Expected values, written out from the .txt inputs.

/// A primitive compared bit for bit (so NaN and -0.0 compare exactly).
trait Exact: Primitive + Debug {
    fn bits(self) -> u64;
}

macro_rules! exact {
    ($($t:ty => |$v:ident| $e:expr),* $(,)?) => {$(
        impl Exact for $t {
            fn bits(self) -> u64 {
                let $v = self;
                $e
            }
        }
    )*};
}

exact! {
    i8 => |v| v as u8 as u64, i16 => |v| v as u16 as u64, i32 => |v| v as u32 as u64, i64 => |v| v as u64,
    u8 => |v| v as u64, u16 => |v| v as u64, u32 => |v| v as u64, u64 => |v| v,
    f32 => |v| v.to_bits() as u64, f64 => |v| v.to_bits(),
}

fn assert_exact<T: Exact>(what: &str, got: T, expected: T) {
    assert_eq!(got.bits(), expected.bits(), "{what}: got {got:?}, expected {expected:?}");
}

#[derive(Clone, Debug, Default)]
struct Leaf {
    tag: u32,
    caption: Option<&'static str>,
    weight: f64,
    ok: bool,
}

#[derive(Clone, Debug, Default)]
enum Choice {
    #[default]
    Empty,
    Count(u16),
    Label(&'static str),
    Leafy(Leaf),
}

#[derive(Clone, Debug, Default)]
enum Corner {
    #[default]
    Square,
    Round(f32),
}

#[derive(Clone, Debug, Default)]
struct Specimen {
    flag: bool,
    int8: i8,
    int16: i16,
    int32: i32,
    int64: i64,
    uint8: u8,
    uint16: u16,
    uint32: u32,
    uint64: u64,
    float32: f32,
    float64: f64,
    text: Option<&'static str>,
    blob: Option<&'static [u8]>,
    shade: u16,
    leaf: Option<Leaf>,
    choice: Choice,
    box_width: u32,
    box_height: i16,
    box_title: Option<&'static str>,
    box_lit: bool,
    corner: Corner,
    voids: Option<u32>,
    bools: Option<Vec<bool>>,
    int8s: Option<Vec<i8>>,
    int16s: Option<Vec<i16>>,
    int32s: Option<Vec<i32>>,
    int64s: Option<Vec<i64>>,
    uint8s: Option<Vec<u8>>,
    uint16s: Option<Vec<u16>>,
    uint32s: Option<Vec<u32>>,
    uint64s: Option<Vec<u64>>,
    float32s: Option<Vec<f32>>,
    float64s: Option<Vec<f64>>,
    texts: Option<Vec<&'static str>>,
    blobs: Option<Vec<&'static [u8]>>,
    leaves: Option<Vec<Leaf>>,
    matrix: Option<Vec<Vec<i32>>>,
    shades: Option<Vec<u16>>,
}

/// Preset's fields as the program sees them (the wire holds each XOR its default).
#[derive(Clone, Debug)]
struct Preset {
    flag: bool,
    int8: i8,
    int16: i16,
    int32: i32,
    int64: i64,
    uint8: u8,
    uint16: u16,
    uint32: u32,
    uint64: u64,
    float32: f32,
    float64: f64,
    float32_inf: f32,
    float64_neg: f64,
    shade: u16,
    other: bool,
    late: bool,
    text: Option<&'static str>,
    leaf: Option<Leaf>,
    nums: Option<Vec<i32>>,
}

/// The schema defaults of Preset's primitive fields (pointers null).
const PRESET_DEFAULTS: Preset = Preset {
    flag: true,
    int8: -100,
    int16: -12345,
    int32: 123_456_789,
    int64: -1_234_567_890_123_456_789,
    uint8: 250,
    uint16: 65000,
    uint32: 4_000_000_000,
    uint64: 18_000_000_000_000_000_000,
    float32: -1.5,
    float64: f64::INFINITY,
    float32_inf: f32::NEG_INFINITY,
    float64_neg: -2.75e-300,
    shade: INDIGO,
    other: false,
    late: true,
    text: None,
    leaf: None,
    nums: None,
};

#[derive(Clone, Debug)]
struct Bulk {
    note: &'static str,
    values: Vec<i64>,
    names: Vec<String>,
    tail: Leaf,
}

/// The message of one case.
#[derive(Clone, Debug)]
enum Message {
    Specimen(Box<Specimen>),
    Preset(Box<Preset>),
    Bulk(Box<Bulk>),
}

impl Message {
    fn root_type(&self) -> &'static str {
        match self {
            Message::Specimen(_) => "Specimen",
            Message::Preset(_) => "Preset",
            Message::Bulk(_) => "Bulk",
        }
    }
}

fn expected(case: &str) -> Message {
    match case {
        "specimen-full" => Message::Specimen(Box::new(Specimen {
            flag: true,
            int8: -128,
            int16: 32767,
            int32: -2_147_483_648,
            int64: 9_223_372_036_854_775_807,
            uint8: 255,
            uint16: 65535,
            uint32: 4_294_967_295,
            uint64: 18_446_744_073_709_551_615,
            float32: -1.25,
            float64: 6.02214076e23,
            text: Some("héllo, wörld\n\t\"quoted\" \\ end"),
            blob: Some(&[0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff]),
            shade: TEAL,
            leaf: Some(Leaf { tag: 7, caption: Some("seven"), weight: -0.5, ok: true }),
            choice: Choice::Leafy(Leaf { tag: 99, caption: Some("in the union"), weight: 0.125, ok: false }),
            box_width: 640,
            box_height: -480,
            box_title: Some("frame"),
            box_lit: true,
            corner: Corner::Round(2.5),
            voids: Some(5),
            bools: Some(vec![true, false, true, true, false, false, false, true, true, false, true]),
            int8s: Some(vec![-128, -1, 0, 1, 127]),
            int16s: Some(vec![-32768, -2, 300, 32767]),
            int32s: Some(vec![-2_147_483_648, -1, 0, 65536, 2_147_483_647]),
            int64s: Some(vec![i64::MIN, -1, 0, 4_294_967_296, i64::MAX]),
            uint8s: Some(vec![0, 1, 128, 255]),
            uint16s: Some(vec![0, 1, 40000, 65535]),
            uint32s: Some(vec![0, 3_000_000_000, 4_294_967_295]),
            uint64s: Some(vec![0, 10_000_000_000_000_000_000, u64::MAX]),
            float32s: Some(vec![0.5, -3.25, 1_048_576.0, f32::INFINITY, f32::NEG_INFINITY, f32::NAN]),
            float64s: Some(vec![1.5, -0.0, 1e300, f64::NEG_INFINITY, f64::NAN]),
            texts: Some(vec!["alpha", "", "gamma with spaces"]),
            blobs: Some(vec![&[0x01], &[], &[2, 3, 4, 5, 6, 7, 8, 9]]),
            leaves: Some(vec![
                Leaf { tag: 1, caption: Some("one"), weight: 1.0, ok: true },
                Leaf { tag: 2, ..Leaf::default() },
                Leaf { tag: 3, caption: Some("three"), weight: 0.0, ok: true },
            ]),
            matrix: Some(vec![vec![1, 2, 3], vec![], vec![-4], vec![5, 6, 7, 8, 9]]),
            shades: Some(vec![INDIGO, CRIMSON, AMBER, TEAL, TEAL]),
        })),
        "specimen-count" => Message::Specimen(Box::new(Specimen {
            flag: false,
            int8: 1,
            int16: -1,
            int32: 2,
            int64: i64::MIN,
            uint8: 0,
            uint16: 1,
            uint32: 0,
            uint64: 1,
            float32: f32::INFINITY,
            float64: f64::NEG_INFINITY,
            shade: CRIMSON,
            leaf: Some(Leaf::default()),
            choice: Choice::Count(54321),
            box_width: 1,
            box_height: 32767,
            box_lit: false,
            corner: Corner::Square,
            voids: Some(0),
            bools: Some(vec![true]),
            int8s: Some(vec![]),
            int16s: Some(vec![-1]),
            int32s: Some(vec![]),
            int64s: Some(vec![1]),
            texts: Some(vec![""]),
            leaves: Some(vec![]),
            matrix: Some(vec![vec![]]),
            shades: Some(vec![AMBER]),
            ..Specimen::default()
        })),
        "specimen-label" => {
            let (f, t) = (false, true);
            Message::Specimen(Box::new(Specimen {
                text: Some(""),
                blob: Some(&[]),
                choice: Choice::Label("the label"),
                box_title: Some(""),
                box_lit: true,
                bools: Some(
                    [
                        [f, f, f, f, f, f, f, t],
                        [t, t, t, t, t, t, t, f],
                        [f, t, f, t, f, t, f, t],
                        [t, t, t, t, t, t, t, t],
                        [f; 8],
                        [f; 8],
                        [f; 8],
                        [f; 8],
                    ]
                    .concat()
                    .into_iter()
                    .chain([t, f, t])
                    .collect(),
                ),
                int8s: Some(vec![1, 2, 3, 4, 5, 6, 7, 8, 9]),
                int16s: Some(vec![100, 200, 300, 400, 500]),
                int32s: Some(vec![10, 20, 30]),
                uint8s: Some((245..=255).rev().collect()),
                float32s: Some(vec![1.5, 2.5, 3.5]),
                texts: Some(vec!["a", "bb", "ccc", "dddd", "eeeee", "ffffff", "ggggggg", "hhhhhhhh", "iiiiiiiii"]),
                matrix: Some(vec![vec![7], vec![8, 9], vec![10, 11, 12]]),
                ..Specimen::default()
            }))
        }
        "specimen-empty" => Message::Specimen(Box::default()),
        "preset-empty" => Message::Preset(Box::new(PRESET_DEFAULTS)),
        "preset-set" => Message::Preset(Box::new(Preset {
            flag: false,
            int8: 0,
            int16: 12345,
            int32: -1,
            int64: 0,
            uint8: 5,
            uint16: 0,
            uint32: 1,
            uint64: 0,
            float32: 0.0,
            float64: -1.5,
            float32_inf: f32::INFINITY,
            float64_neg: 0.1,
            shade: CRIMSON,
            other: true,
            late: false,
            text: Some("custom"),
            leaf: Some(Leaf { tag: 10, ..Leaf::default() }),
            nums: Some(vec![]),
        })),
        "preset-same" => Message::Preset(Box::new(Preset {
            text: Some("preset"),
            leaf: Some(Leaf { tag: 9, caption: Some("nine"), ..Leaf::default() }),
            nums: Some(vec![1, 2, 3]),
            ..PRESET_DEFAULTS
        })),
        "bulk" => Message::Bulk(Box::new(Bulk {
            note: "bulk message",
            values: (0..1200i64).map(|i| (7919 * i * i - 5_000_000) * if i % 2 == 1 { 1 } else { -1 }).collect(),
            names: (0..300).map(|i| format!("name number {i:03} of the bulk")).collect(),
            tail: Leaf { tag: 4242, caption: Some("the end"), weight: 2.5, ok: true },
        })),
        other => panic!("no expected values for case {other}; add them to oracle.rs"),
    }
}

// ---------------------------------------------------------------------------------------------
// Checking a message against the expected values.

fn text_of<'a>(what: &str, p: PointerReader<'a>) -> Option<&'a str> {
    p.get_text().unwrap_or_else(|e| panic!("{what}: {e}")).map(|t| t.as_str().unwrap_or_else(|e| panic!("{what}: {e}")))
}

fn check_text(what: &str, p: PointerReader<'_>, expected: Option<&str>) {
    assert_eq!(text_of(what, p), expected, "{what}");
}

fn check_data(what: &str, p: PointerReader<'_>, expected: Option<&[u8]>) {
    assert_eq!(p.get_data().unwrap_or_else(|e| panic!("{what}: {e}")), expected, "{what}");
}

fn list_of<'a>(what: &str, p: PointerReader<'a>, size: ElementSize) -> Option<ListReader<'a>> {
    let list = p.get_list(size).unwrap_or_else(|e| panic!("{what}: {e}"));
    if let Some(list) = &list {
        // The tool writes every list with the element size of its schema type.
        assert_eq!(list.element_size(), size, "{what}: element size on the wire");
    }
    list
}

/// Section sizes (data words, pointers): the schema's exactly, or at most those (canonical
/// form truncates trailing zero words and null pointers).
trait Sections {
    fn sections(&self) -> (u16, u16);
}

impl Sections for StructReader<'_> {
    fn sections(&self) -> (u16, u16) {
        (self.data_words(), self.pointer_count())
    }
}

impl Sections for (u16, u16) {
    fn sections(&self) -> (u16, u16) {
        *self
    }
}

fn check_sections(what: &str, s: &impl Sections, schema: (u16, u16), exact: bool) {
    let got = s.sections();
    if exact {
        assert_eq!(got, schema, "{what}: section sizes");
    } else {
        assert!(got.0 <= schema.0 && got.1 <= schema.1, "{what}: section sizes {got:?} exceed {schema:?}");
    }
}

fn check_primitives<T: Exact>(what: &str, p: PointerReader<'_>, size: ElementSize, expected: &Option<Vec<T>>) {
    let list = list_of(what, p, size);
    assert_eq!(list.is_some(), expected.is_some(), "{what}: null?");
    if let (Some(list), Some(expected)) = (list, expected) {
        assert_eq!(list.len() as usize, expected.len(), "{what}: length");
        for (i, &e) in expected.iter().enumerate() {
            assert_exact(&format!("{what}[{i}]"), list.get::<T>(i as u32).unwrap(), e);
        }
        assert!(list.get::<T>(list.len()).is_none(), "{what}: element past the end");
    }
}

fn check_leaf(what: &str, s: StructReader<'_>, expected: &Leaf, exact: bool) {
    check_sections(what, &s, (leaf::DATA_WORDS, leaf::POINTERS), exact);
    assert_exact(&format!("{what}.tag"), s.get::<u32>(leaf::TAG), expected.tag);
    assert_exact(&format!("{what}.weight"), s.get::<f64>(leaf::WEIGHT), expected.weight);
    assert_eq!(s.get_bool(leaf::OK), expected.ok, "{what}.ok");
    check_text(&format!("{what}.caption"), s.pointer(leaf::CAPTION), expected.caption);
}

fn check_leaf_pointer(what: &str, p: PointerReader<'_>, expected: &Option<Leaf>, exact: bool) {
    let s = p.get_struct().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(s.is_some(), expected.is_some(), "{what}: null?");
    if let (Some(s), Some(expected)) = (s, expected) {
        check_leaf(what, s, expected, exact);
    }
}

fn check_specimen(s: StructReader<'_>, v: &Specimen, exact: bool) {
    use specimen::*;
    check_sections("Specimen", &s, (DATA_WORDS, POINTERS), exact);
    assert_eq!(s.get_bool(FLAG), v.flag, "flag");
    assert_exact("int8", s.get::<i8>(INT8), v.int8);
    assert_exact("int16", s.get::<i16>(INT16), v.int16);
    assert_exact("int32", s.get::<i32>(INT32), v.int32);
    assert_exact("int64", s.get::<i64>(INT64), v.int64);
    assert_exact("uint8", s.get::<u8>(UINT8), v.uint8);
    assert_exact("uint16", s.get::<u16>(UINT16), v.uint16);
    assert_exact("uint32", s.get::<u32>(UINT32), v.uint32);
    assert_exact("uint64", s.get::<u64>(UINT64), v.uint64);
    assert_exact("float32", s.get::<f32>(FLOAT32), v.float32);
    assert_exact("float64", s.get::<f64>(FLOAT64), v.float64);
    assert_exact("shade", s.get::<u16>(SHADE), v.shade);
    check_text("text", s.pointer(TEXT), v.text);
    check_data("blob", s.pointer(BLOB), v.blob);
    check_leaf_pointer("leaf", s.pointer(LEAF), &v.leaf, exact);

    let tag = s.get::<u16>(CHOICE_TAG);
    match &v.choice {
        Choice::Empty => {
            assert_eq!(tag, CHOICE_EMPTY, "choice tag");
            assert!(s.pointer(CHOICE_PTR).is_null(), "choice pointer");
        }
        Choice::Count(n) => {
            assert_eq!(tag, CHOICE_COUNT, "choice tag");
            assert_exact("choice.count", s.get::<u16>(COUNT), *n);
            assert!(s.pointer(CHOICE_PTR).is_null(), "choice pointer");
        }
        Choice::Label(label) => {
            assert_eq!(tag, CHOICE_LABEL, "choice tag");
            check_text("choice.label", s.pointer(CHOICE_PTR), Some(label));
        }
        Choice::Leafy(leaf) => {
            assert_eq!(tag, CHOICE_LEAFY, "choice tag");
            check_leaf_pointer("choice.leafy", s.pointer(CHOICE_PTR), &Some(leaf.clone()), exact);
        }
    }
    if !matches!(v.choice, Choice::Count(_)) {
        assert_eq!(s.get::<u16>(COUNT), 0, "choice.count outside its variant");
    }

    assert_exact("box.width", s.get::<u32>(BOX_WIDTH), v.box_width);
    assert_exact("box.height", s.get::<i16>(BOX_HEIGHT), v.box_height);
    check_text("box.title", s.pointer(BOX_TITLE), v.box_title);
    assert_eq!(s.get_bool(BOX_LIT), v.box_lit, "box.lit");
    match v.corner {
        Corner::Square => {
            assert_eq!(s.get::<u16>(CORNER_TAG), CORNER_SQUARE, "box.corner tag");
            assert_eq!(s.get::<u32>(CORNER_ROUND_VALUE), 0, "box.corner.round outside its variant");
        }
        Corner::Round(r) => {
            assert_eq!(s.get::<u16>(CORNER_TAG), CORNER_ROUND, "box.corner tag");
            assert_exact("box.corner.round", s.get::<f32>(CORNER_ROUND_VALUE), r);
        }
    }

    let voids = list_of("voids", s.pointer(VOIDS), ElementSize::Void);
    assert_eq!(voids.map(|l| l.len()), v.voids, "voids");

    let bools = list_of("bools", s.pointer(BOOLS), ElementSize::Bit);
    assert_eq!(bools.is_some(), v.bools.is_some(), "bools: null?");
    if let (Some(list), Some(expected)) = (bools, &v.bools) {
        let got: Vec<bool> = (0..list.len()).map(|i| list.get_bool(i).unwrap()).collect();
        assert_eq!(&got, expected, "bools");
        assert_eq!(list.get_bool(list.len()), None, "bools: element past the end");
    }

    check_primitives("int8s", s.pointer(INT8S), ElementSize::Byte, &v.int8s);
    check_primitives("int16s", s.pointer(INT16S), ElementSize::TwoBytes, &v.int16s);
    check_primitives("int32s", s.pointer(INT32S), ElementSize::FourBytes, &v.int32s);
    check_primitives("int64s", s.pointer(INT64S), ElementSize::EightBytes, &v.int64s);
    check_primitives("uint8s", s.pointer(UINT8S), ElementSize::Byte, &v.uint8s);
    check_primitives("uint16s", s.pointer(UINT16S), ElementSize::TwoBytes, &v.uint16s);
    check_primitives("uint32s", s.pointer(UINT32S), ElementSize::FourBytes, &v.uint32s);
    check_primitives("uint64s", s.pointer(UINT64S), ElementSize::EightBytes, &v.uint64s);
    check_primitives("float32s", s.pointer(FLOAT32S), ElementSize::FourBytes, &v.float32s);
    check_primitives("float64s", s.pointer(FLOAT64S), ElementSize::EightBytes, &v.float64s);
    check_primitives("shades", s.pointer(SHADES), ElementSize::TwoBytes, &v.shades);

    let texts = list_of("texts", s.pointer(TEXTS), ElementSize::Pointer);
    assert_eq!(texts.is_some(), v.texts.is_some(), "texts: null?");
    if let (Some(list), Some(expected)) = (texts, &v.texts) {
        assert_eq!(list.len() as usize, expected.len(), "texts: length");
        for (i, e) in expected.iter().enumerate() {
            check_text(&format!("texts[{i}]"), list.get_pointer(i as u32).unwrap(), Some(e));
        }
    }

    let blobs = list_of("blobs", s.pointer(BLOBS), ElementSize::Pointer);
    assert_eq!(blobs.is_some(), v.blobs.is_some(), "blobs: null?");
    if let (Some(list), Some(expected)) = (blobs, &v.blobs) {
        assert_eq!(list.len() as usize, expected.len(), "blobs: length");
        for (i, e) in expected.iter().enumerate() {
            check_data(&format!("blobs[{i}]"), list.get_pointer(i as u32).unwrap(), Some(e));
        }
    }

    let leaves = list_of("leaves", s.pointer(LEAVES), ElementSize::InlineComposite);
    assert_eq!(leaves.is_some(), v.leaves.is_some(), "leaves: null?");
    if let (Some(list), Some(expected)) = (leaves, &v.leaves) {
        let (data_bits, pointers) = list.element_layout();
        check_sections("leaves", &((data_bits / 64) as u16, pointers), (leaf::DATA_WORDS, leaf::POINTERS), exact);
        assert_eq!(list.len() as usize, expected.len(), "leaves: length");
        for (i, e) in expected.iter().enumerate() {
            check_leaf(&format!("leaves[{i}]"), list.get_struct(i as u32).unwrap(), e, exact);
        }
        assert!(list.get_struct(list.len()).is_none(), "leaves: element past the end");
    }

    let matrix = list_of("matrix", s.pointer(MATRIX), ElementSize::Pointer);
    assert_eq!(matrix.is_some(), v.matrix.is_some(), "matrix: null?");
    if let (Some(list), Some(expected)) = (matrix, &v.matrix) {
        assert_eq!(list.len() as usize, expected.len(), "matrix: length");
        for (i, row) in expected.iter().enumerate() {
            check_primitives(
                &format!("matrix[{i}]"),
                list.get_pointer(i as u32).unwrap(),
                ElementSize::FourBytes,
                &Some(row.clone()),
            );
        }
    }
}

fn check_preset(s: StructReader<'_>, v: &Preset, exact: bool) {
    use preset::*;
    let d = &PRESET_DEFAULTS;
    check_sections("Preset", &s, (DATA_WORDS, POINTERS), exact);
    // The values, with the defaults applied by XOR.
    assert_eq!(s.get_bool_or(FLAG, d.flag), v.flag, "flag");
    assert_exact("int8", s.get_or::<i8>(INT8, d.int8), v.int8);
    assert_exact("int16", s.get_or::<i16>(INT16, d.int16), v.int16);
    assert_exact("int32", s.get_or::<i32>(INT32, d.int32), v.int32);
    assert_exact("int64", s.get_or::<i64>(INT64, d.int64), v.int64);
    assert_exact("uint8", s.get_or::<u8>(UINT8, d.uint8), v.uint8);
    assert_exact("uint16", s.get_or::<u16>(UINT16, d.uint16), v.uint16);
    assert_exact("uint32", s.get_or::<u32>(UINT32, d.uint32), v.uint32);
    assert_exact("uint64", s.get_or::<u64>(UINT64, d.uint64), v.uint64);
    assert_exact("float32", s.get_or::<f32>(FLOAT32, d.float32), v.float32);
    assert_exact("float64", s.get_or::<f64>(FLOAT64, d.float64), v.float64);
    assert_exact("float32Inf", s.get_or::<f32>(FLOAT32_INF, d.float32_inf), v.float32_inf);
    assert_exact("float64Neg", s.get_or::<f64>(FLOAT64_NEG, d.float64_neg), v.float64_neg);
    assert_exact("shade", s.get_or::<u16>(SHADE, d.shade), v.shade);
    assert_eq!(s.get_bool_or(OTHER, d.other), v.other, "other");
    assert_eq!(s.get_bool_or(LATE, d.late), v.late, "late");
    // The raw wire values are the XOR, checked independently of get_or.
    assert_eq!(s.get_bool(FLAG), v.flag != d.flag, "flag on the wire");
    assert_exact("int16 on the wire", s.get::<i16>(INT16), v.int16 ^ d.int16);
    assert_exact("uint64 on the wire", s.get::<u64>(UINT64), v.uint64 ^ d.uint64);
    assert_exact("float32 on the wire", s.get::<u32>(FLOAT32), v.float32.to_bits() ^ d.float32.to_bits());
    assert_exact("float64 on the wire", s.get::<u64>(FLOAT64), v.float64.to_bits() ^ d.float64.to_bits());
    check_text("text", s.pointer(TEXT), v.text);
    check_leaf_pointer("leaf", s.pointer(LEAF), &v.leaf, exact);
    check_primitives("nums", s.pointer(NUMS), ElementSize::FourBytes, &v.nums);
}

fn check_bulk(s: StructReader<'_>, v: &Bulk, exact: bool) {
    use bulk::*;
    check_sections("Bulk", &s, (DATA_WORDS, POINTERS), exact);
    check_text("note", s.pointer(NOTE), Some(v.note));
    check_primitives("values", s.pointer(VALUES), ElementSize::EightBytes, &Some(v.values.clone()));
    let names = list_of("names", s.pointer(NAMES), ElementSize::Pointer).expect("names");
    assert_eq!(names.len() as usize, v.names.len(), "names: length");
    for (i, e) in v.names.iter().enumerate() {
        check_text(&format!("names[{i}]"), names.get_pointer(i as u32).unwrap(), Some(e));
    }
    check_leaf_pointer("tail", s.pointer(TAIL), &Some(v.tail.clone()), exact);
}

/// Checks every field of `message`. Struct sections must have the schema's sizes, as the tool
/// and capnzero's builder write them.
fn check_message(what: &str, message: &MessageReader<'_>, expected: &Message) {
    check_message_with(what, message, expected, true)
}

/// Checks every field of a canonical message, whose struct sections may be truncated.
fn check_canonical_message(what: &str, message: &MessageReader<'_>, expected: &Message) {
    check_message_with(what, message, expected, false)
}

fn check_message_with(what: &str, message: &MessageReader<'_>, expected: &Message, exact: bool) {
    let run = || {
        let root = message.root_struct().unwrap();
        match expected {
            Message::Specimen(v) => check_specimen(root, v, exact),
            Message::Preset(v) => check_preset(root, v, exact),
            Message::Bulk(v) => check_bulk(root, v, exact),
        }
    };
    if let Err(panic) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        let message = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        panic!("{what}: {message}");
    }
}

// ---------------------------------------------------------------------------------------------
// Building the same messages with capnzero, pointers in index order (as the tool's copy does).

fn write_text(p: PointerBuilder<'_>, value: Option<&str>) {
    if let Some(value) = value {
        p.set_text(value).unwrap();
    }
}

fn write_data(p: PointerBuilder<'_>, value: Option<&[u8]>) {
    if let Some(value) = value {
        p.set_data(value).unwrap();
    }
}

fn write_primitives<T: Exact>(p: PointerBuilder<'_>, size: ElementSize, values: &Option<Vec<T>>) {
    if let Some(values) = values {
        let mut list = p.init_list(size, values.len() as u32).unwrap();
        for (i, &v) in values.iter().enumerate() {
            list.set::<T>(i as u32, v).unwrap();
        }
    }
}

fn write_leaf(mut s: StructBuilder<'_>, v: &Leaf) {
    s.set::<u32>(leaf::TAG, v.tag);
    s.set::<f64>(leaf::WEIGHT, v.weight);
    s.set_bool(leaf::OK, v.ok);
    write_text(s.pointer(leaf::CAPTION).unwrap(), v.caption);
}

fn write_leaf_pointer(p: PointerBuilder<'_>, v: &Option<Leaf>) {
    if let Some(v) = v {
        write_leaf(p.init_struct(leaf::DATA_WORDS, leaf::POINTERS), v);
    }
}

fn write_specimen(mut s: StructBuilder<'_>, v: &Specimen) {
    use specimen::*;
    s.set_bool(FLAG, v.flag);
    s.set::<i8>(INT8, v.int8);
    s.set::<i16>(INT16, v.int16);
    s.set::<i32>(INT32, v.int32);
    s.set::<i64>(INT64, v.int64);
    s.set::<u8>(UINT8, v.uint8);
    s.set::<u16>(UINT16, v.uint16);
    s.set::<u32>(UINT32, v.uint32);
    s.set::<u64>(UINT64, v.uint64);
    s.set::<f32>(FLOAT32, v.float32);
    s.set::<f64>(FLOAT64, v.float64);
    s.set::<u16>(SHADE, v.shade);
    s.set::<u32>(BOX_WIDTH, v.box_width);
    s.set::<i16>(BOX_HEIGHT, v.box_height);
    s.set_bool(BOX_LIT, v.box_lit);
    match v.corner {
        Corner::Square => s.set::<u16>(CORNER_TAG, CORNER_SQUARE),
        Corner::Round(r) => {
            s.set::<u16>(CORNER_TAG, CORNER_ROUND);
            s.set::<f32>(CORNER_ROUND_VALUE, r);
        }
    }

    write_text(s.pointer(TEXT).unwrap(), v.text);
    write_data(s.pointer(BLOB).unwrap(), v.blob);
    write_leaf_pointer(s.pointer(LEAF).unwrap(), &v.leaf);
    match &v.choice {
        Choice::Empty => s.set::<u16>(CHOICE_TAG, CHOICE_EMPTY),
        Choice::Count(n) => {
            s.set::<u16>(CHOICE_TAG, CHOICE_COUNT);
            s.set::<u16>(COUNT, *n);
        }
        Choice::Label(label) => {
            s.set::<u16>(CHOICE_TAG, CHOICE_LABEL);
            write_text(s.pointer(CHOICE_PTR).unwrap(), Some(label));
        }
        Choice::Leafy(leaf) => {
            s.set::<u16>(CHOICE_TAG, CHOICE_LEAFY);
            write_leaf_pointer(s.pointer(CHOICE_PTR).unwrap(), &Some(leaf.clone()));
        }
    }
    write_text(s.pointer(BOX_TITLE).unwrap(), v.box_title);
    if let Some(n) = v.voids {
        s.pointer(VOIDS).unwrap().init_list(ElementSize::Void, n).unwrap();
    }
    if let Some(bools) = &v.bools {
        let mut list = s.pointer(BOOLS).unwrap().init_list(ElementSize::Bit, bools.len() as u32).unwrap();
        for (i, &b) in bools.iter().enumerate() {
            list.set_bool(i as u32, b).unwrap();
        }
    }
    write_primitives(s.pointer(INT8S).unwrap(), ElementSize::Byte, &v.int8s);
    write_primitives(s.pointer(INT16S).unwrap(), ElementSize::TwoBytes, &v.int16s);
    write_primitives(s.pointer(INT32S).unwrap(), ElementSize::FourBytes, &v.int32s);
    write_primitives(s.pointer(INT64S).unwrap(), ElementSize::EightBytes, &v.int64s);
    write_primitives(s.pointer(UINT8S).unwrap(), ElementSize::Byte, &v.uint8s);
    write_primitives(s.pointer(UINT16S).unwrap(), ElementSize::TwoBytes, &v.uint16s);
    write_primitives(s.pointer(UINT32S).unwrap(), ElementSize::FourBytes, &v.uint32s);
    write_primitives(s.pointer(UINT64S).unwrap(), ElementSize::EightBytes, &v.uint64s);
    write_primitives(s.pointer(FLOAT32S).unwrap(), ElementSize::FourBytes, &v.float32s);
    write_primitives(s.pointer(FLOAT64S).unwrap(), ElementSize::EightBytes, &v.float64s);
    if let Some(texts) = &v.texts {
        let mut list = s.pointer(TEXTS).unwrap().init_list(ElementSize::Pointer, texts.len() as u32).unwrap();
        for (i, t) in texts.iter().enumerate() {
            list.get_pointer(i as u32).unwrap().set_text(t).unwrap();
        }
    }
    if let Some(blobs) = &v.blobs {
        let mut list = s.pointer(BLOBS).unwrap().init_list(ElementSize::Pointer, blobs.len() as u32).unwrap();
        for (i, b) in blobs.iter().enumerate() {
            list.get_pointer(i as u32).unwrap().set_data(b).unwrap();
        }
    }
    if let Some(leaves) = &v.leaves {
        let mut list =
            s.pointer(LEAVES).unwrap().init_struct_list(leaves.len() as u32, leaf::DATA_WORDS, leaf::POINTERS).unwrap();
        for (i, l) in leaves.iter().enumerate() {
            write_leaf(list.get_struct(i as u32).unwrap(), l);
        }
    }
    if let Some(matrix) = &v.matrix {
        let mut list = s.pointer(MATRIX).unwrap().init_list(ElementSize::Pointer, matrix.len() as u32).unwrap();
        for (i, row) in matrix.iter().enumerate() {
            write_primitives(list.get_pointer(i as u32).unwrap(), ElementSize::FourBytes, &Some(row.clone()));
        }
    }
    write_primitives(s.pointer(SHADES).unwrap(), ElementSize::TwoBytes, &v.shades);
}

fn write_preset(mut s: StructBuilder<'_>, v: &Preset) {
    use preset::*;
    let d = &PRESET_DEFAULTS;
    s.set_bool_or(FLAG, v.flag, d.flag);
    s.set_or::<i8>(INT8, v.int8, d.int8);
    s.set_or::<i16>(INT16, v.int16, d.int16);
    s.set_or::<i32>(INT32, v.int32, d.int32);
    s.set_or::<i64>(INT64, v.int64, d.int64);
    s.set_or::<u8>(UINT8, v.uint8, d.uint8);
    s.set_or::<u16>(UINT16, v.uint16, d.uint16);
    s.set_or::<u32>(UINT32, v.uint32, d.uint32);
    s.set_or::<u64>(UINT64, v.uint64, d.uint64);
    s.set_or::<f32>(FLOAT32, v.float32, d.float32);
    s.set_or::<f64>(FLOAT64, v.float64, d.float64);
    s.set_or::<f32>(FLOAT32_INF, v.float32_inf, d.float32_inf);
    s.set_or::<f64>(FLOAT64_NEG, v.float64_neg, d.float64_neg);
    s.set_or::<u16>(SHADE, v.shade, d.shade);
    s.set_bool_or(OTHER, v.other, d.other);
    s.set_bool_or(LATE, v.late, d.late);
    write_text(s.pointer(TEXT).unwrap(), v.text);
    write_leaf_pointer(s.pointer(LEAF).unwrap(), &v.leaf);
    write_primitives(s.pointer(NUMS).unwrap(), ElementSize::FourBytes, &v.nums);
}

fn write_bulk(mut s: StructBuilder<'_>, v: &Bulk) {
    use bulk::*;
    write_text(s.pointer(NOTE).unwrap(), Some(v.note));
    write_primitives(s.pointer(VALUES).unwrap(), ElementSize::EightBytes, &Some(v.values.clone()));
    let mut names = s.pointer(NAMES).unwrap().init_list(ElementSize::Pointer, v.names.len() as u32).unwrap();
    for (i, name) in v.names.iter().enumerate() {
        names.get_pointer(i as u32).unwrap().set_text(name).unwrap();
    }
    write_leaf_pointer(s.pointer(TAIL).unwrap(), &Some(v.tail.clone()));
}

fn build(message: &Message, options: BuilderOptions) -> MessageBuilder {
    let mut builder = MessageBuilder::new(options);
    match message {
        Message::Specimen(v) => write_specimen(builder.init_root(specimen::DATA_WORDS, specimen::POINTERS), v),
        Message::Preset(v) => write_preset(builder.init_root(preset::DATA_WORDS, preset::POINTERS), v),
        Message::Bulk(v) => write_bulk(builder.init_root(bulk::DATA_WORDS, bulk::POINTERS), v),
    }
    builder
}

// ---------------------------------------------------------------------------------------------
// The tests.

/// The offsets used here are the ones the official compiler assigned (oracle/layout.txt).
#[test]
fn layout_constants_match_the_compilers_layout() {
    let layout = fixture_text("layout.txt");
    let mut found = std::collections::HashMap::new();
    let mut sizes = std::collections::HashMap::new();
    let (mut current, mut group) = (String::new(), String::new());
    for line in layout.lines() {
        let trimmed = line.trim();
        if let Some(rest) = line.strip_prefix("struct ") {
            current = rest.split_whitespace().next().unwrap().to_string();
            // `struct Leaf @0x... {  # 16 bytes, 1 ptrs`
            let comment = rest.split("# ").nth(1).unwrap();
            let numbers: Vec<u16> = comment
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty())
                .map(|s| s.parse().unwrap())
                .collect();
            sizes.insert(current.clone(), (numbers[0] / 8, numbers[1]));
            continue;
        }
        if let Some(name) = trimmed.strip_suffix(" :group {") {
            group = name.to_string();
            continue;
        }
        let Some((decl, comment)) = trimmed.split_once("# ") else { continue };
        let name = if decl.starts_with("union {") {
            format!("{group}.union")
        } else if decl.contains(" @") && decl.contains(" :") {
            decl.split_whitespace().next().unwrap().to_string()
        } else {
            continue;
        };
        let slot = if let Some(rest) = comment.strip_prefix("ptr[") {
            Slot::Ptr(rest.split(']').next().unwrap().parse().unwrap())
        } else {
            let rest = comment.split("bits").nth(1).unwrap_or_else(|| panic!("layout.txt: {line}"));
            let rest = rest.trim_start().strip_prefix('[').unwrap();
            let (start, end) = rest.split_once(')').unwrap().0.split_once(", ").unwrap();
            Slot::Bits(start.parse().unwrap(), end.parse().unwrap())
        };
        let previous = found.insert((current.clone(), name.clone()), slot);
        assert!(previous.is_none(), "layout.txt: {current}.{name} twice");
    }
    let table = layout_table();
    for (structure, field, slot) in &table {
        assert_eq!(
            found.get(&(structure.to_string(), field.to_string())),
            Some(slot),
            "{structure}.{field}: the constant disagrees with layout.txt"
        );
    }
    assert_eq!(found.len(), table.len(), "layout.txt has fields the tests do not know");
    for (structure, data_words, pointers) in struct_sizes() {
        assert_eq!(sizes.get(structure), Some(&(data_words, pointers)), "{structure}: section sizes");
    }
}

/// Every case in cases.list has expected values of its root type, and the fixtures! list
/// compiles in exactly its files.
#[test]
fn every_case_is_known_and_complete() {
    let mut wanted = vec!["cases.list".to_string(), "layout.txt".to_string()];
    for case in cases() {
        assert_eq!(expected(&case.name).root_type(), case.root, "{}: root type", case.name);
        for ext in ["txt", "bin", "packed", "flat", "canonical"] {
            wanted.push(format!("{}.{ext}", case.name));
        }
        wanted.push(format!("ours-{}.bin", case.name));
        wanted.push(format!("ours-{}.expected.txt", case.name));
        for size in &case.segment_sizes {
            wanted.push(format!("{}.seg{size}.bin", case.name));
            wanted.push(format!("{}.seg{size}.packed", case.name));
        }
    }
    let mut compiled_in: Vec<String> = fixtures().into_iter().map(|(name, _)| name).collect();
    wanted.sort();
    compiled_in.sort();
    assert_eq!(compiled_in, wanted, "the fixtures! list of oracle.rs disagrees with cases.list");
}

#[cfg(feature = "std")]
/// `capnp encode` output, framed: every field of every case reads back as the input says.
#[test]
fn tool_framed_messages_read_back() {
    for case in cases() {
        let expected = expected(&case.name);
        let bytes = fixture(&format!("{}.bin", case.name));
        let message = MessageReader::from_bytes(bytes, ReaderOptions::default()).unwrap();
        check_message(&format!("{}.bin", case.name), &message, &expected);
        // The same bytes through the stream reader.
        let owned = read_message(bytes, ReaderOptions::default()).unwrap();
        check_message(&format!("{}.bin via read_message", case.name), &owned.reader(), &expected);
        assert_eq!(owned.to_bytes(), bytes, "{}: OwnedMessage::to_bytes", case.name);
    }
}

/// The multi-segment vectors really have several segments (far pointers), and read back.
#[test]
fn tool_multi_segment_messages_read_back() {
    let mut multi = 0;
    for case in cases() {
        let expected = expected(&case.name);
        let mut files = vec![format!("{}.bin", case.name)];
        files.extend(case.segment_sizes.iter().map(|size| format!("{}.seg{size}.bin", case.name)));
        for file in files {
            let bytes = fixture(&file);
            let message = MessageReader::from_bytes(bytes, ReaderOptions::default()).unwrap();
            if file.contains(".seg") || case.name == "bulk" {
                assert!(message.segment_count() > 1, "{file}: {} segment(s)", message.segment_count());
                multi += 1;
            }
            check_message(&file, &message, &expected);
        }
    }
    assert!(multi >= 5, "only {multi} multi-segment vectors");
    // bulk.bin: the default builder's 1024-word first segment overflows into two more.
    let bytes = fixture("bulk.bin");
    assert_eq!(MessageReader::from_bytes(bytes, ReaderOptions::default()).unwrap().segment_count(), 3);
}

#[cfg(feature = "std")]
/// `capnp encode --packed` output reads back through read_packed_message (also with a
/// one-byte buffer, so every packed run is cut), and unpacks to the framed bytes.
#[test]
fn tool_packed_messages_read_back() {
    for case in cases() {
        let expected = expected(&case.name);
        let mut pairs = vec![(format!("{}.packed", case.name), format!("{}.bin", case.name))];
        pairs.extend(
            case.segment_sizes
                .iter()
                .map(|size| (format!("{}.seg{size}.packed", case.name), format!("{}.seg{size}.bin", case.name))),
        );
        for (packed_file, framed_file) in pairs {
            let packed = fixture(&packed_file);
            let framed = fixture(&framed_file);
            let owned = read_packed_message(packed, ReaderOptions::default()).unwrap();
            check_message(&packed_file, &owned.reader(), &expected);
            assert_bytes_eq(&format!("{packed_file} read"), &owned.to_bytes(), framed);
            let owned = read_packed_message(BufReader::with_capacity(1, packed), ReaderOptions::default()).unwrap();
            assert_bytes_eq(&format!("{packed_file} read byte by byte"), &owned.to_bytes(), framed);
            assert_bytes_eq(&format!("unpack({packed_file})"), &unpack(packed).unwrap(), framed);
        }
    }
}

/// `capnp encode --flat` output reads back as one segment.
#[test]
fn tool_flat_messages_read_back() {
    for case in cases() {
        let expected = expected(&case.name);
        let file = format!("{}.flat", case.name);
        let flat = fixture(&file);
        let message = MessageReader::from_flat(flat, ReaderOptions::default()).unwrap();
        assert_eq!(message.segment_count(), 1);
        check_message(&file, &message, &expected);
    }
}

/// `capnp convert text:canonical` output reads back, and capnzero agrees it is canonical.
#[test]
fn tool_canonical_messages_read_back_and_are_canonical() {
    for case in cases() {
        let expected = expected(&case.name);
        let file = format!("{}.canonical", case.name);
        let canonical = fixture(&file);
        let message = MessageReader::from_flat(canonical, ReaderOptions::default()).unwrap();
        check_canonical_message(&file, &message, &expected);
        assert!(is_canonical(&message).unwrap(), "{file}: is_canonical");
    }
}

/// capnzero's packer alone, on the tool's framed bytes, gives the tool's packed bytes.
#[test]
fn packing_the_tools_messages_gives_the_tools_packed_bytes() {
    for case in cases() {
        let mut pairs = vec![(format!("{}.bin", case.name), format!("{}.packed", case.name))];
        pairs.extend(
            case.segment_sizes
                .iter()
                .map(|size| (format!("{}.seg{size}.bin", case.name), format!("{}.seg{size}.packed", case.name))),
        );
        for (framed_file, packed_file) in pairs {
            let framed = fixture(&framed_file);
            // The reference packs the segment table and each segment separately.
            let packed = pack_pieces(&framed_pieces(framed));
            assert_bytes_eq(&format!("pack_pieces({framed_file})"), &packed, fixture(&packed_file));
        }
    }
}

#[cfg(feature = "std")]
/// The strongest test: capnzero's builder, given the same content with the tool's options,
/// writes exactly the bytes `capnp encode` writes, in every form: framed (`to_bytes` and
/// `write_message`), packed (`write_packed_message`) and flat (`to_flat_bytes`). That holds
/// for the multi-segment bulk message (default options) and for every `--segment-size=N`
/// vector (fixed N-word segments, far pointers), whose flat form is the tool's flat form too.
#[test]
fn capnzero_writes_the_tools_bytes() {
    for case in cases() {
        let expected = expected(&case.name);
        let mut variants = vec![(BuilderOptions::DEFAULT, String::new())];
        variants.extend(case.segment_sizes.iter().map(|&size| (fixed(size), format!(".seg{size}"))));
        for (options, suffix) in variants {
            let what = format!("capnzero's {}{suffix}", case.name);
            let builder = build(&expected, options);
            let tool_framed = fixture(&format!("{}{suffix}.bin", case.name));
            let ours = builder.to_bytes();
            assert_bytes_eq(&format!("{what}.bin (to_bytes)"), &ours, tool_framed);
            let mut streamed = Vec::new();
            write_message(&mut streamed, &builder).unwrap();
            assert_bytes_eq(&format!("{what}.bin (write_message)"), &streamed, tool_framed);
            let mut packed = Vec::new();
            write_packed_message(&mut packed, &builder).unwrap();
            assert_bytes_eq(&format!("{what}.packed"), &packed, fixture(&format!("{}{suffix}.packed", case.name)));
            let flat = builder.to_flat_bytes().unwrap();
            assert_bytes_eq(&format!("{what} flat"), &flat, fixture(&format!("{}.flat", case.name)));
            check_message(&what, &builder.as_reader(), &expected);
        }
    }
}

/// capnzero's canonical form of its own messages and of the tool's (every segment layout) is
/// the tool's canonical form.
#[test]
fn capnzero_canonicalizes_like_the_tool() {
    for case in cases() {
        let canonical = fixture(&format!("{}.canonical", case.name));
        let builder = build(&expected(&case.name), BuilderOptions::DEFAULT);
        assert_bytes_eq(
            &format!("canonicalize(capnzero's {})", case.name),
            &canonicalize(builder.as_reader().root()).unwrap(),
            canonical,
        );
        let mut files = vec![format!("{}.bin", case.name)];
        files.extend(case.segment_sizes.iter().map(|size| format!("{}.seg{size}.bin", case.name)));
        for file in files {
            let bytes = fixture(&file);
            let message = MessageReader::from_bytes(bytes, ReaderOptions::default()).unwrap();
            assert_bytes_eq(&format!("canonicalize({file})"), &canonicalize(message.root()).unwrap(), canonical);
        }
    }
}

/// A deep copy of the tool's message into a capnzero builder is the same pre-order copy the
/// tool makes, so with the same builder options it reproduces the tool's bytes, whatever
/// segment layout the source had.
#[test]
fn copying_the_tools_messages_reproduces_the_tools_bytes() {
    for case in cases() {
        let sources: Vec<String> = std::iter::once(format!("{}.bin", case.name))
            .chain(case.segment_sizes.iter().map(|size| format!("{}.seg{size}.bin", case.name)))
            .collect();
        let mut targets = vec![(BuilderOptions::DEFAULT, format!("{}.bin", case.name))];
        targets.extend(case.segment_sizes.iter().map(|&size| (fixed(size), format!("{}.seg{size}.bin", case.name))));
        for source in &sources {
            let bytes = fixture(source);
            let reader = MessageReader::from_bytes(bytes, ReaderOptions::default()).unwrap();
            for (options, target) in &targets {
                let mut copy = MessageBuilder::new(*options);
                copy.root().set_copy_of(reader.root()).unwrap();
                assert_bytes_eq(&format!("copy of {source} like {target}"), &copy.to_bytes(), fixture(target));
            }
        }
    }
}

/// The messages capnzero builds are the committed ours-<name>.bin, which oracle/check.sh
/// decodes with `capnp decode` and compares with ours-<name>.expected.txt (the tool's own
/// decoding of its encoding of <name>.txt). CAPNZERO_ORACLE_BLESS=1 rewrites them.
#[test]
fn capnzero_messages_are_the_committed_ours_files() {
    let bless = std::env::var_os("CAPNZERO_ORACLE_BLESS").is_some_and(|v| !v.is_empty() && v != "0");
    for case in cases() {
        let builder = build(&expected(&case.name), BuilderOptions::DEFAULT);
        let ours = builder.to_bytes();
        let file = format!("ours-{}.bin", case.name);
        if bless {
            std::fs::write(format!("{DIR}/{file}"), &ours).unwrap();
        } else {
            assert_bytes_eq(
                &format!("capnzero's {} (CAPNZERO_ORACLE_BLESS=1 to rewrite)", case.name),
                &ours,
                fixture(&file),
            );
        }
        // And they read back.
        let message = MessageReader::from_bytes(&ours, ReaderOptions::default()).unwrap();
        check_message(&file, &message, &expected(&case.name));
    }
}
