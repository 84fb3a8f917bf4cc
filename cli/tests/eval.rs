//! `capnzero eval` and `capnzero convert`, run as a process on `fixtures/eval.capnp`; the
//! expected outputs are what `capnp eval` / `capnp convert` 0.9.2 wrote (`fixtures/regen.sh`),
//! byte for byte.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn capnzero(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_capnzero"))
        .current_dir(fixtures())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run capnzero");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().expect("wait for capnzero");
    writer.join().unwrap();
    output
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixtures().join(name)).unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn eval_prints_values_as_capnp_eval() {
    let cases: &[(&[&str], &str)] = &[
        (&["outer"], &text(&fixture("outer.eval"))),
        (&["--short", "small"], "(a = 1, c = 0)\n"),
        (&["num"], "42\n"),
        (&["flt"], "0.10000000149011612\n"),
        (&["txt"], "\"hello\\n\"\n"),
        (&["lst"], "[1, 2, 3]\n"),
        (&["lst[1]"], "2\n"),
        (&["outer.list"], "[ (a = 2, c = 0),\n  (a = 0, b = \"two\", c = 0) ]\n"),
        (&["outer.list[1]"], "(a = 0, b = \"two\", c = 0)\n"),
        (&["outer.nums[0][1]"], "2\n"),
        (&["Outer.x"], "5\n"),
        (&["Outer.f"], "1.5\n"),
        (&["outer.e"], "green\n"),
        (&["Outer.inner"], "(a = 0, c = 0)\n"),
    ];
    for (args, expected) in cases {
        let mut all = vec!["eval"];
        all.extend(args[..args.len() - 1].iter());
        all.extend(["eval.capnp", args[args.len() - 1]]);
        let output = capnzero(&all, b"");
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", text(&output.stderr));
        assert_eq!(text(&output.stdout), *expected, "{args:?}");
    }
}

#[test]
fn eval_writes_structs_in_every_binary_format() {
    for (args, expected) in [
        (&["-obinary", "small"][..], "small.bin"),
        (&["-b", "small"], "small.bin"),
        (&["--flat", "-p", "outer.list[1]"], "list1.flat-packed"),
        (&["-ocanonical", "outer"], "outer.canonical"),
    ] {
        let mut all = vec!["eval"];
        all.extend(args[..args.len() - 1].iter());
        all.extend(["eval.capnp", args[args.len() - 1]]);
        let output = capnzero(&all, b"");
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", text(&output.stderr));
        assert!(output.stdout == fixture(expected), "{args:?}: not the bytes of {expected}");
    }
    // The empty struct a null pointer reads as is written empty, as capnp writes it.
    let output = capnzero(&["eval", "-oflat", "eval.capnp", "Outer.inner"], b"");
    assert_eq!(output.stdout, [0xfc, 0xff, 0xff, 0xff, 0, 0, 0, 0]);
}

/// capnzero keeps constants in canonical form; `capnp` writes each struct of a constant at its
/// schema's size (fields, list elements, lists of lists, groups, unions), and the empty struct of
/// a null pointer without a default as the empty struct.
#[test]
fn eval_writes_constants_at_their_schema_sizes() {
    for (args, expected) in [
        (&["-obinary", "outer"][..], "widen-outer.bin"),
        (&["-oflat", "outer.g.g"], "widen-group.flat"),
        (&["-obinary", "zero"], "widen-zero.bin"),
        (&["-opacked", "g2"], "widen-g2.packed"),
    ] {
        let output = capnzero(&["eval", args[0], "widen.capnp", args[1]], b"");
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", text(&output.stderr));
        assert!(output.stdout == fixture(expected), "{args:?}: not the bytes of {expected}");
    }
    for name in ["Outer.g.g", "Outer.inner"] {
        let output = capnzero(&["eval", "-oflat", "widen.capnp", name], b"");
        assert_eq!(output.stdout, [0xfc, 0xff, 0xff, 0xff, 0, 0, 0, 0], "{name}");
    }
}

#[test]
fn eval_errors_read_like_capnp_eval() {
    let cases: &[(&[&str], &str)] = &[
        (&["Outer"], "Outer: 'Outer' cannot be evaluated."),
        (&["Color"], "Color: 'Color' cannot be evaluated."),
        (&["nope"], "nope: 'nope' is not defined."),
        (&["nope[1]"], "nope[1]: 'nope' is not defined."),
        (&["outer.zz"], "outer.zz: 'outer' has no member 'zz'."),
        (&["outer.x[1]"], "outer.x[1]: 'x' is not a list."),
        (&["outer.nums[5]"], "outer.nums[5]: 'nums[5]' is out-of-bounds."),
        (&["outer.nums[0][9]"], "outer.nums[0][9]: 'nums[0][9]' is out-of-bounds."),
        (&["num.a"], "num.a: 'num' is not a struct."),
        (&["outer.inner[0]"], "outer.inner[0]: 'inner' is not a list."),
        (&["outer.list[0][0]"], "outer.list[0][0]: 'list[0]' is not a list."),
        (&["Outer[0]"], "Outer[0]: 'Outer' is not a list."),
        (&["1x"], "1x: invalid syntax"),
        (&["-b", "num"], "num: not a struct; binary output is only available on structs"),
        (&["-p", "-b", "num"], "-b: cannot be used with --packed"),
        (&["--binary", "--flat", "num"], "--flat: cannot be used with --binary"),
        (&["-oxx", "num"], "-o xx: unknown format: xx"),
    ];
    for (args, message) in cases {
        let mut all = vec!["eval"];
        all.extend(args[..args.len() - 1].iter());
        all.extend(["eval.capnp", args[args.len() - 1]]);
        let output = capnzero(&all, b"");
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert_eq!(
            text(&output.stderr),
            format!("capnzero eval: {message}\nTry 'capnzero eval --help' for more information.\n"),
            "{args:?}"
        );
    }
}

#[test]
fn convert_between_formats_as_capnp_convert() {
    let input = fixture("outer.txt");
    let binary = fixture("outer.bin");
    for (args, input, expected) in [
        (&["text:binary", "eval.capnp", "Outer"][..], &input, binary.clone()),
        (&["--segment-size=3", "text:packed", "eval.capnp", "Outer"], &input, fixture("outer.seg3.packed")),
        (&["text:canonical", "eval.capnp", "Outer"], &input, fixture("outer2.canonical")),
        (&["binary:text", "--short", "eval.capnp", "Outer"], &binary, fixture("outer.short")),
        (&["packed:text", "--short", "eval.capnp", "Outer"], &fixture("outer.seg3.packed"), fixture("outer.short")),
        (&["binary:packed"], &binary, capnzero_runtime::pack(&binary)),
    ] {
        let mut all = vec!["convert"];
        all.extend_from_slice(args);
        let output = capnzero(&all, input);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", text(&output.stderr));
        assert!(output.stdout == expected, "{args:?}: {}", text(&output.stdout));
    }
}

#[test]
fn json_in_and_out_as_capnp_convert() {
    let binary = fixture("outer.bin");
    let json = fixture("outer.json");
    for (args, input, expected) in [
        (&["binary:json", "eval.capnp", "Outer"][..], &binary, json.clone()),
        (&["binary:json", "--short", "eval.capnp", "Outer"], &binary, fixture("outer.short.json")),
        (&["json:binary", "eval.capnp", "Outer"], &json, binary.clone()),
        (&["json:binary", "eval.capnp", "Outer"], &fixture("outer.short.json"), binary.clone()),
        (&["json:text", "--short", "eval.capnp", "Outer"], &json, fixture("outer.short")),
    ] {
        let mut all = vec!["convert"];
        all.extend_from_slice(args);
        let output = capnzero(&all, input);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", text(&output.stderr));
        assert!(output.stdout == expected, "{args:?}: {}", text(&output.stdout));
    }
    let output = capnzero(&["eval", "-ojson", "eval.capnp", "outer"], b"");
    assert_eq!(output.stdout, fixture("outer.eval.json"));
    // A message cut short: the error, and exit status 1.
    let output = capnzero(&["convert", "json:binary", "eval.capnp", "Outer"], b"{\"x\": ");
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert_eq!(text(&output.stderr), "error: 1:7: JSON message ends prematurely.\n");
}

#[test]
fn convert_usage_errors_read_like_capnp_convert() {
    for (args, message) in [
        (&["binary:text"][..], "format requires schema: text"),
        (&["binary:json", "eval.capnp"], "format requires schema: json"),
        (&["bogus"], "bogus: invalid conversion, format is: <from>:<to>"),
        (&["foo:binary"], "foo:binary: unknown format: foo"),
        (&["binary:bar"], "binary:bar: unknown format: bar"),
        (&["binary:text", "eval.capnp", "Nope"], "Nope: 1-4: Not defined: Nope"),
        (&["binary:text", "none.capnp", "Outer"], "none.capnp: no such file"),
    ] {
        let mut all = vec!["convert"];
        all.extend_from_slice(args);
        let output = capnzero(&all, b"");
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_eq!(
            text(&output.stderr),
            format!("capnzero convert: {message}\nTry 'capnzero convert --help' for more information.\n")
        );
    }
    // Empty input, in any format, is an error, as capnp fails to read it.
    for args in [
        &["convert", "binary:packed"][..],
        &["convert", "text:binary", "eval.capnp", "Outer"],
        &["encode", "eval.capnp", "Outer"],
    ] {
        let output = capnzero(args, b"");
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_eq!(text(&output.stderr), "error: Premature EOF: the input holds no message\n");
    }
}
