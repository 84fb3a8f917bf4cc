//! The text format parser ([`capnzero_schema::text::parse`]) against `capnp encode` 0.9.2.
//!
//! `text_parse/` holds a schema (`all.capnp`: every primitive at its limits, Text with escapes,
//! Data in both forms, enums, nested and recursive structs, anonymous and named unions, groups
//! in unions and unions in groups, lists of every kind including `List(Bool)`, `List(Void)`,
//! nested lists and lists of structs, generics bound by brands, AnyPointer and an interface),
//! inputs, and what the tool made of them, committed so that no tool is needed here:
//!
//! - `cases.list`: inputs that encode, each with the tool's plain (`.bin`), `--packed`,
//!   `--flat` and `--segment-size=N` (`.segN.bin`, `.segN.packed`) output. capnzero must give
//!   the same bytes, message for message (several messages in one input, multi-segment ones
//!   among them).
//! - `errors.list`: bad inputs, with what the tool wrote on stdout (`err-<name>.out`: the
//!   messages before a fatal error, and messages it could partly build) and its errors and
//!   exit status (`err-<name>.err`, normalized by `normalize.awk`). capnzero must report the
//!   same errors, in the same words, at the same places, and build the same bytes.
//!
//! `regen.sh` regenerates the expected files with the tool; `check.sh` checks that they are
//! current.

use capnzero_runtime::{pack_pieces, segment_table, MessageBuilder, MessageReader, ReaderOptions};
use capnzero_schema::compile::{compile, Compiled, MemoryLoader, SourceFile};
use capnzero_schema::text::parse::{split_messages, EncodedMessage, TextEncoder, TextError};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/text_parse/");

fn read(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn read_text(name: &str) -> String {
    String::from_utf8(read(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn schema() -> Compiled {
    let source = SourceFile { name: "all.capnp".into(), text: read_text("all.capnp") };
    compile(&[source], &mut MemoryLoader::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn type_id(compiled: &Compiled, name: &str) -> u64 {
    let full = format!("all.capnp:{name}");
    compiled.nodes.iter().find(|n| n.display_name == full).unwrap_or_else(|| panic!("no type {name}")).id
}

/// The rows of a `.list` file: its words, comments and blank lines skipped.
fn list(name: &str) -> Vec<Vec<String>> {
    read_text(name)
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().map(String::from).collect())
        .collect()
}

/// The message as `capnp encode --packed` writes it: the segment table and each segment
/// packed as separate pieces.
fn packed(message: &MessageBuilder) -> Vec<u8> {
    let segments = message.segments();
    let lengths: Vec<usize> = segments.iter().map(|s| s.len()).collect();
    let table = segment_table(&lengths);
    let mut pieces = vec![&table[..]];
    pieces.extend(segments.iter().copied());
    pack_pieces(&pieces)
}

/// The message as `capnp encode --flat` writes it: one segment, every object in pre-order.
/// (`MessageBuilder::to_flat_bytes` reads a multi-segment message with the default nesting
/// limit of 64, which deep.txt exceeds; the tool reads its own messages without limits.)
fn flat(message: &MessageBuilder) -> Vec<u8> {
    let segments = message.segments();
    let unlimited = ReaderOptions { traversal_limit_words: u64::MAX, nesting_limit: u32::MAX };
    let reader = MessageReader::from_segments(&segments, unlimited).unwrap();
    let copy = capnzero_runtime::compact(reader.root()).unwrap();
    let segments = copy.segments();
    assert_eq!(segments.len(), 1);
    segments[0].to_vec()
}

/// Panics with the first differing byte when `ours` is not `theirs`.
fn assert_bytes_eq(what: &str, ours: &[u8], theirs: &[u8]) {
    if ours == theirs {
        return;
    }
    let at = ours.iter().zip(theirs).position(|(a, b)| a != b).unwrap_or(ours.len().min(theirs.len()));
    let word =
        |bytes: &[u8]| format!("{:02x?}", &bytes[(at / 8 * 8).min(bytes.len())..(at / 8 * 8 + 8).min(bytes.len())]);
    panic!(
        "{what}: {} bytes, the tool's {}; first difference at byte {at}: {} vs {}",
        ours.len(),
        theirs.len(),
        word(ours),
        word(theirs)
    );
}

/// The error of an input that must fail.
fn first_error(result: Result<Vec<MessageBuilder>, TextError>) -> TextError {
    match result {
        Ok(messages) => panic!("{} messages, no error", messages.len()),
        Err(error) => error,
    }
}

#[test]
fn encodes_as_the_tool_does_in_every_output_form() {
    let compiled = schema();
    let cases = list("cases.list");
    assert!(cases.len() >= 9, "{} cases", cases.len());
    let mut checked = 0;
    for case in &cases {
        let (name, root) = (&case[0], type_id(&compiled, &case[1]));
        let input = read_text(&format!("{name}.txt"));
        let encoder = TextEncoder::new(&compiled, root).unwrap();
        let messages = encoder.encode(&input).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(messages.len(), split_messages(&input).len(), "{name}");
        let plain: Vec<u8> = messages.iter().flat_map(|m| m.to_bytes()).collect();
        assert_bytes_eq(&format!("{name}.bin"), &plain, &read(&format!("{name}.bin")));
        let pack: Vec<u8> = messages.iter().flat_map(packed).collect();
        assert_bytes_eq(&format!("{name}.packed"), &pack, &read(&format!("{name}.packed")));
        let flat_form: Vec<u8> = messages.iter().flat_map(flat).collect();
        assert_bytes_eq(&format!("{name}.flat"), &flat_form, &read(&format!("{name}.flat")));
        checked += 3;
        for size in case.get(2).map(|s| s.split(',').collect::<Vec<_>>()).unwrap_or_default() {
            let words: u32 = size.parse().unwrap();
            let encoder = TextEncoder::new(&compiled, root).unwrap().with_segment_size(words);
            let messages = encoder.encode(&input).unwrap();
            let plain: Vec<u8> = messages.iter().flat_map(|m| m.to_bytes()).collect();
            assert_bytes_eq(&format!("{name}.seg{size}.bin"), &plain, &read(&format!("{name}.seg{size}.bin")));
            let pack: Vec<u8> = messages.iter().flat_map(packed).collect();
            assert_bytes_eq(&format!("{name}.seg{size}.packed"), &pack, &read(&format!("{name}.seg{size}.packed")));
            checked += 2;
        }
    }
    assert!(checked >= 40, "{checked} files compared");
}

#[test]
fn big_and_small_segments_make_multi_segment_messages() {
    let compiled = schema();
    let big = type_id(&compiled, "Big");
    let input = read_text("big.txt");
    // The default builder's 1024-word first segment overflows (twice, as the tool's big.bin).
    let messages = TextEncoder::new(&compiled, big).unwrap().encode(&input).unwrap();
    assert_eq!(messages.len(), 2);
    assert_eq!(messages[0].segment_count(), 3);
    assert_eq!(messages[1].segment_count(), 1);
    // The segment counts of the tool's big.segN.bin.
    for (words, segments) in [(16, 77), (100, 16), (1000, 4)] {
        let messages = TextEncoder::new(&compiled, big).unwrap().with_segment_size(words).encode(&input).unwrap();
        assert_eq!(messages[0].segment_count(), segments, "--segment-size={words}");
        let bytes = messages[0].to_bytes();
        let reader = MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap();
        let root = reader.root_struct().unwrap();
        let items = root.pointer(0).get_list(capnzero_runtime::ElementSize::InlineComposite).unwrap().unwrap();
        assert_eq!(items.len(), 300);
        let item = items.get_struct(299).unwrap();
        assert_eq!(item.get::<u32>(0), 299);
        assert_eq!(item.pointer(0).get_text().unwrap().unwrap().as_str().unwrap(), "item number 299");
        assert_eq!(root.pointer(1).get_data().unwrap().unwrap().len(), 9000);
    }
}

/// capnzero's account of a bad input, in the form `normalize.awk` gives the tool's: one line
/// per error, then the exit status.
fn account(encoded: &[EncodedMessage]) -> String {
    let mut out = String::new();
    for error in encoded.iter().filter_map(|m| m.error.as_ref()) {
        let line = match (&error.location, error.fatal) {
            (_, true) => format!("fatal: {}", error.message),
            (Some(l), false) => format!("{}: {}-{}: {}", l.line, l.columns.0, l.columns.1, error.message),
            (None, false) => error.message.clone(),
        };
        out.push_str(&line);
        out.push('\n');
    }
    let failed = encoded.iter().any(|m| m.error.is_some());
    out.push_str(&format!("exit: {}\n", failed as u8));
    out
}

#[test]
fn bad_input_gives_the_tools_errors_and_output() {
    let compiled = schema();
    let cases = list("errors.list");
    assert!(cases.len() >= 35, "{} cases", cases.len());
    for case in &cases {
        let (name, root) = (&case[0], type_id(&compiled, &case[1]));
        let input = read_text(&format!("err-{name}.txt"));
        let encoded = TextEncoder::new(&compiled, root).unwrap().messages(&input);
        assert_eq!(account(&encoded), read_text(&format!("err-{name}.err")), "err-{name}");
        let written: Vec<u8> = encoded.iter().filter_map(|m| m.message.as_ref()).flat_map(|m| m.to_bytes()).collect();
        assert_bytes_eq(&format!("err-{name}.out"), &written, &read(&format!("err-{name}.out")));
        // The strict form stops at the first error.
        let first = encoded.iter().find_map(|m| m.error.clone()).unwrap();
        assert_eq!(first_error(TextEncoder::new(&compiled, root).unwrap().encode(&input)), first, "err-{name}");
    }
}

#[test]
fn errors_name_their_place_in_the_whole_input() {
    let compiled = schema();
    let encoder = TextEncoder::new(&compiled, type_id(&compiled, "Everything")).unwrap();
    let input = "(int32 = 1)\n(int32 = 2,\n  text = 3)\n";
    let error = first_error(encoder.encode(input));
    let location = error.location.clone().unwrap();
    assert_eq!(&input[location.span.clone()], "3");
    assert_eq!(location.span, 33..34);
    // The tool counts lines from the start of each message's text.
    assert_eq!((location.line, location.columns), (2, (10, 11)));
    assert_eq!(error.to_string(), "(capnp text input):2: 10-11: Type mismatch; expected Text.");
    assert!(!error.fatal);
    // A message starts at each '(' after a complete one, with or without space between; on
    // a message's first line the tool's columns are 0-based.
    let error = first_error(encoder.encode("(int32 = 1)(text = 2)"));
    assert_eq!(error.location.clone().unwrap().span, 19..20);
    assert_eq!(error.to_string(), "(capnp text input):1: 8-9: Type mismatch; expected Text.");
    // Unless a '#' in a string hid the ')': then two tuples follow each other in one text,
    // which parses as an application, not a struct.
    let error = first_error(encoder.encode("(text = \"#\")(int32 = 2)\n"));
    assert_eq!(
        (error.to_string(), error.location, error.fatal),
        ("Input does not contain a struct.".into(), None, false)
    );
    let error = first_error(encoder.encode("(int32 = -3000000000)"));
    assert_eq!(error.location.unwrap().span, 10..20, "the place of a negative number leaves out the '-'");
}

#[test]
fn text_must_be_valid_utf8() {
    // capnzero reads Text as `str`, so Text that is not UTF-8 is an error (the tool writes the
    // bytes). The same bytes are fine as Data.
    let compiled = schema();
    let encoder = TextEncoder::new(&compiled, type_id(&compiled, "Everything")).unwrap();
    let error = first_error(encoder.encode(r#"(int8 = 1, text = "caf\xe9")"#));
    assert_eq!(error.message, "Text must be valid UTF-8.");
    assert_eq!(error.location.unwrap().span, 18..27);
    let encoded = encoder.messages(r#"(int8 = 1, texts = ["ok", "\xff"])"#);
    assert_eq!(encoded[0].error.as_ref().unwrap().message, "Text must be valid UTF-8.");
    let messages = encoder.encode(r#"(data = "caf\xe9", datas = ["\xff"])"#).unwrap();
    let bytes = messages[0].to_bytes();
    let reader = MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap();
    let root = reader.root_struct().unwrap();
    let compiled_node = compiled.node(type_id(&compiled, "Everything")).unwrap();
    let capnzero_schema::model::NodeKind::Struct(s) = &compiled_node.kind else { panic!() };
    let data = s.fields.iter().find(|f| f.name == "data").unwrap();
    let capnzero_schema::model::FieldKind::Slot { offset, .. } = data.kind else { panic!() };
    assert_eq!(root.pointer(offset as u16).get_data().unwrap().unwrap(), b"caf\xe9");
}

#[test]
fn messages_are_split_as_the_tool_splits_them() {
    let input = "# intro (\n(a = (1)) (b = 2)\n  (c = \"#\")\n(d = 4)\n)(e = 5)";
    let pieces: Vec<&str> = split_messages(input).into_iter().map(|r| &input[r]).collect();
    // A '#' in a string starts a comment for the splitter, which hides the ')' after it, so
    // `(d = 4)` stays with the text before it (one bad message, as for the tool) and the stray
    // ')' closes the message.
    assert_eq!(pieces, ["# intro (\n(a = (1)) ", "(b = 2)\n  ", "(c = \"#\")\n(d = 4)\n)", "(e = 5)"]);
    assert!(split_messages("").is_empty());
    assert_eq!(split_messages("  \n"), vec![0..3]);
    assert_eq!(split_messages("()()"), [0..2, 2..4]);
}

#[test]
fn values_read_back_exactly() {
    let compiled = schema();
    let everything = type_id(&compiled, "Everything");
    let encoder = TextEncoder::new(&compiled, everything).unwrap();
    let messages = encoder
        .encode("(float32 = -0.0, float64 = nan, int64 = -9223372036854775808, answer = 42, flag = false, count = 9)")
        .unwrap();
    let node = compiled.node(everything).unwrap();
    let capnzero_schema::model::NodeKind::Struct(s) = &node.kind else { panic!() };
    let offset = |name: &str| match s.fields.iter().find(|f| f.name == name).unwrap().kind {
        capnzero_schema::model::FieldKind::Slot { offset, .. } => offset as usize,
        _ => panic!("{name} is a group"),
    };
    let bytes = messages[0].to_bytes();
    let reader = MessageReader::from_bytes(&bytes, ReaderOptions::default()).unwrap();
    let root = reader.root_struct().unwrap();
    assert_eq!(root.get::<f32>(offset("float32")).to_bits(), (-0.0f32).to_bits());
    assert_eq!(root.get::<f64>(offset("float64")).to_bits(), f64::NAN.to_bits());
    assert_eq!(root.get::<i64>(offset("int64")), i64::MIN);
    // Fields with defaults are stored XOR the default: the default itself is zero bits.
    assert_eq!(root.get::<i32>(offset("answer")), 0);
    assert!(root.get_bool(offset("flag")));
    assert_eq!(root.get::<u16>(s.discriminant_offset as usize), 1, "count is the union's second member");
    assert_eq!(root.get::<u16>(offset("count")), 9);
}

#[test]
fn the_root_must_be_a_struct() {
    let compiled = schema();
    let error = TextEncoder::new(&compiled, type_id(&compiled, "Color")).err().unwrap();
    assert_eq!(error, TextError { message: "'Color' is not a struct type.".into(), location: None, fatal: true });
    let error = TextEncoder::new(&compiled, 0x1234).err().unwrap();
    assert_eq!(error.message, "No node with ID @0x0000000000001234.");
}

#[test]
fn nesting_is_limited_before_the_stack_is() {
    // capnzero's limit (the tool crashes a few thousand levels down): 256 levels of
    // parentheses and brackets, counted outside strings and comments.
    let compiled = schema();
    let encoder = TextEncoder::new(&compiled, type_id(&compiled, "Everything")).unwrap();
    let nested = |levels: usize| format!("{}(){}", "(self = ".repeat(levels - 1), ")".repeat(levels - 1));
    let messages = encoder.encode(&nested(256)).unwrap();
    assert!(messages[0].segment_count() > 1);
    let error = first_error(encoder.encode(&nested(257)));
    assert!(error.fatal);
    assert_eq!(error.message, "Parse error: the value nests parentheses and brackets more than 256 levels deep.");
    let quoted = format!("(text = \"{}\", texts = [\"# ((\"]) # {}\n", "(".repeat(300), "[".repeat(300));
    let messages = encoder.encode(&quoted).unwrap();
    assert_eq!(messages.len(), 1);
}

#[test]
fn tokens_the_official_lexer_does_not_make_fail_to_read() {
    // `capnp encode` 0.9.2 gives up on each with "Failed to read input.": a hex number written
    // `0X`, a backtick line, an empty `0x""`.
    let compiled = schema();
    let encoder = TextEncoder::new(&compiled, type_id(&compiled, "Everything")).unwrap();
    for input in ["(int32 = 0X1F)", "(text = `abc\n)", "(data = 0x\"\")"] {
        let error = first_error(encoder.encode(input));
        assert_eq!(
            error,
            TextError { message: "Failed to read input.".into(), location: None, fatal: true },
            "{input}"
        );
    }
    // As the tool: `0x1F` is a number.
    let bytes = |input: &str| encoder.encode(input).unwrap()[0].to_bytes();
    assert_eq!(bytes("(int32 = 0x1F)"), bytes("(int32 = 31)"));
}

/// `levels` applications of `Outer`, one inside the other, each followed by `members`
/// `.a` suffixes: expressions nest `levels * (members + 1)` levels deep.
fn chains(levels: usize, members: usize) -> String {
    let mut text = "x".to_string();
    for _ in 0..levels {
        text = format!("Outer({text}){}", ".a".repeat(members));
    }
    text
}

/// Runs `f` on a thread with a 2 MiB stack (the default for threads).
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(2 << 20).spawn(f).unwrap().join().unwrap()
}

#[test]
fn suffix_chains_nested_too_deep_are_refused_before_the_stack_is_exhausted() {
    use capnzero_schema::diagnostic::Diagnostics;
    use capnzero_schema::parser::{parse_value, MAX_VALUE_DEPTH};
    let too_deep = format!(
        "Parse error: the value nests expressions (with their `.member` suffixes) more than {MAX_VALUE_DEPTH} levels deep."
    );
    assert_eq!(MAX_VALUE_DEPTH, 256 * 48);
    let parse = |text: String| on_small_stack(move || parse_value(&text, &mut Diagnostics::default()).map(|_| ()));
    // 250 levels of parentheses, each followed by 100 members: refused (this exhausted the
    // stack when the expression was dropped).
    assert_eq!(parse(chains(250, 100)).unwrap_err().message, too_deep);
    // Up to the limit (256 levels of 48), the expression is read (and dropped) on such a stack.
    assert_eq!(parse(chains(256, 47)), Ok(()));
    assert_eq!(parse(chains(256, 48)).unwrap_err().message, too_deep);
    // One chain takes at most 512 suffixes, as before: the rest is left over.
    assert_eq!(parse(chains(1, 511)), Ok(()));
    assert_eq!(parse(chains(1, 512)).unwrap_err().message, "Extra tokens in input.");
    // The text format gives up on such a value.
    let refused = on_small_stack(move || {
        let compiled = schema();
        let encoder = TextEncoder::new(&compiled, type_id(&compiled, "Everything")).unwrap();
        first_error(encoder.encode(&format!("(int32 = {})", chains(250, 100))))
    });
    assert_eq!(refused, TextError { message: too_deep, location: None, fatal: true });
}
