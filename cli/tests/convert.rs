//! `capnzero decode` and `capnzero encode`, run as a process on the committed fixtures of the
//! text printer (`schema/tests/text_print/`) and of the text parser (`schema/tests/text_parse/`),
//! whose expected outputs were made by `capnp decode` / `capnp encode` 0.9.2. Every output must
//! be the tool's, byte for byte.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn schema_tests() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/tests")
}

fn capnzero(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_capnzero"))
        .current_dir(dir)
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

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The schema file for a fixture's schema column: a file of the fixture directory, or a standard
/// import (`/capnp/schema.capnp`), which capnzero ships in `schema/std/`.
fn schema_file(schema: &str) -> String {
    match schema.strip_prefix('/') {
        Some(standard) => format!("../../std/{standard}"),
        None => schema.to_string(),
    }
}

/// The cases of a fixture list: name, schema, type and the rest of the line.
fn cases(list: &Path) -> Vec<Vec<String>> {
    std::fs::read_to_string(list)
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| line.split_whitespace().map(str::to_string).collect())
        .collect()
}

#[test]
fn decode_prints_what_capnp_decode_prints() {
    let dir = schema_tests().join("text_print");
    let mut checked = 0;
    for case in cases(&dir.join("cases.txt")) {
        let (name, schema, ty) = (&case[0], schema_file(&case[1]), &case[2]);
        let source = match case[3].strip_prefix("file:") {
            Some(file) => dir.join(file),
            None => dir.join(format!("{name}.bin")),
        };
        let message = std::fs::read(source).unwrap();
        for (flag, expected) in [(None, "pretty"), (Some("--short"), "short")] {
            let mut args = vec!["decode"];
            args.extend(flag);
            args.extend([schema.as_str(), ty.as_str()]);
            let output = capnzero(&dir, &args, &message);
            let expected = std::fs::read(dir.join(format!("{name}.{expected}"))).unwrap();
            assert!(
                output.stdout == expected,
                "{name} {flag:?}:\nours:\n{}\ncapnp:\n{}",
                text(&output.stdout),
                text(&expected)
            );
            // A malformed message is printed, then reported, with exit status 1, as capnp does.
            let malformed = !output.stderr.is_empty();
            assert_eq!(output.status.code(), Some(if malformed { 1 } else { 0 }), "{name}: {}", text(&output.stderr));
            checked += 1;
        }
    }
    assert!(checked >= 90, "{checked} decodings");
}

#[test]
fn decode_reads_packed_and_flat_messages() {
    let dir = schema_tests().join("text_print");
    let message = std::fs::read(dir.join("big.bin")).unwrap();
    let expected = std::fs::read(dir.join("big.short")).unwrap();
    let reader = capnzero_runtime::MessageReader::from_bytes(&message, Default::default()).unwrap();
    let segments: Vec<&[u8]> = reader.segments().collect();
    assert_eq!(segments.len(), 1, "big.bin is one segment");
    let flat = segments[0].to_vec();
    let packed = capnzero_runtime::pack(&message);
    let flat_packed = capnzero_runtime::pack(&flat);
    for (flags, input) in [
        (&["--flat"][..], &flat),
        (&["--packed"], &packed),
        (&["-p"], &packed),
        (&["--flat", "--packed"], &flat_packed),
    ] {
        let mut args = vec!["decode", "--short"];
        args.extend_from_slice(flags);
        args.extend(["all.capnp", "Big"]);
        let output = capnzero(&dir, &args, input);
        assert_eq!(output.status.code(), Some(0), "{flags:?}: {}", text(&output.stderr));
        assert!(output.stdout == expected, "{flags:?}: {}", text(&output.stdout));
    }
}

#[test]
fn decode_reports_bad_types_and_input() {
    let dir = schema_tests().join("text_print");
    let message = std::fs::read(dir.join("big.bin")).unwrap();
    let output = capnzero(&dir, &["decode", "all.capnp", "Nope"], &message);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr),
        "capnzero decode: Nope: 1-4: Not defined: Nope\nTry 'capnzero decode --help' for more information.\n"
    );
    let output = capnzero(&dir, &["decode", "all.capnp", "Big"], &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert_eq!(text(&output.stderr), "error: Premature EOF: the input holds no message\n");
    // A message cut short: the messages before it are printed, then the error.
    let mut two = message.clone();
    two.extend_from_slice(&message[..message.len() - 8]);
    let output = capnzero(&dir, &["decode", "--short", "all.capnp", "Big"], &two);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(output.stdout, std::fs::read(dir.join("big.short")).unwrap());
    assert!(text(&output.stderr).starts_with("error: "), "{}", text(&output.stderr));
}

#[test]
fn encode_writes_what_capnp_encode_writes() {
    let dir = schema_tests().join("text_parse");
    let mut checked = 0;
    for case in cases(&dir.join("cases.list")) {
        let (name, ty) = (&case[0], &case[1]);
        let input = std::fs::read(dir.join(format!("{name}.txt"))).unwrap();
        let mut runs: Vec<(Vec<String>, String)> = vec![
            (vec![], format!("{name}.bin")),
            (vec!["--packed".into()], format!("{name}.packed")),
            (vec!["--flat".into()], format!("{name}.flat")),
        ];
        for size in case.get(2).map(|s| s.split(',').collect::<Vec<_>>()).unwrap_or_default() {
            runs.push((vec![format!("--segment-size={size}")], format!("{name}.seg{size}.bin")));
            runs.push((vec!["-p".into(), "--segment-size".into(), size.into()], format!("{name}.seg{size}.packed")));
        }
        for (flags, expected) in runs {
            let mut args = vec!["encode"];
            args.extend(flags.iter().map(String::as_str));
            args.extend(["all.capnp", ty.as_str()]);
            let output = capnzero(&dir, &args, &input);
            assert_eq!(output.status.code(), Some(0), "{name} {flags:?}: {}", text(&output.stderr));
            let expected_bytes = std::fs::read(dir.join(&expected)).unwrap();
            assert!(output.stdout == expected_bytes, "{name} {flags:?}: not the bytes of {expected}");
            checked += 1;
        }
    }
    assert!(checked >= 40, "{checked} encodings");
}

#[test]
fn encode_errors_write_and_exit_as_capnp_encode() {
    let dir = schema_tests().join("text_parse");
    let mut checked = 0;
    for case in cases(&dir.join("errors.list")) {
        let (name, ty, how) = (&case[0], &case[1], &case[2]);
        if how != "encode" {
            // Run by the tool without its check that the input starts like text, which the
            // encoder does not make either; the same input through `encode` differs only there.
            continue;
        }
        let input = std::fs::read(dir.join(format!("err-{name}.txt"))).unwrap();
        let output = capnzero(&dir, &["encode", "all.capnp", ty], &input);
        let expected_out = std::fs::read(dir.join(format!("err-{name}.out"))).unwrap();
        let expected_err = std::fs::read_to_string(dir.join(format!("err-{name}.err"))).unwrap();
        let status: i32 = expected_err.lines().last().unwrap().trim_start_matches("exit: ").parse().unwrap();
        assert!(output.stdout == expected_out, "{name}: stdout differs");
        assert_eq!(output.status.code(), Some(status), "{name}: {}", text(&output.stderr));
        // The messages, in capnzero's format: `(capnp text input):LINE: START-END: MESSAGE`.
        for line in expected_err.lines().filter(|l| !l.starts_with("exit: ")) {
            let message = line.trim_start_matches("fatal: ");
            assert!(text(&output.stderr).contains(message), "{name}: {message:?} not in {}", text(&output.stderr));
        }
        checked += 1;
    }
    assert!(checked >= 25, "{checked} error cases");
}

#[test]
fn encode_of_generic_instances_and_bad_arguments() {
    let dir = schema_tests().join("text_parse");
    let output = capnzero(&dir, &["encode", "--flat", "--segment-size=4", "all.capnp", "Everything"], b"()");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr),
        "capnzero encode: --segment-size=4: cannot be used with --flat\nTry 'capnzero encode --help' for more information.\n"
    );
    let output = capnzero(&dir, &["encode", "--segment-size=x", "all.capnp", "Everything"], b"()");
    assert_eq!(
        text(&output.stderr),
        "capnzero encode: --segment-size=x: not an integer\nTry 'capnzero encode --help' for more information.\n"
    );
}

#[test]
fn generic_instances_as_root_types() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let ty = "Pair(Text, Box(List(Int32)))";
    let input = std::fs::read(dir.join("pair.txt")).unwrap();
    let output = capnzero(&dir, &["encode", "generic.capnp", ty], &input);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(output.stdout, std::fs::read(dir.join("pair.bin")).unwrap());
    let output = capnzero(&dir, &["encode", "--packed", "--segment-size=2", "generic.capnp", ty], &input);
    assert_eq!(output.stdout, std::fs::read(dir.join("pair.seg2.packed")).unwrap());
    let message = std::fs::read(dir.join("pair.bin")).unwrap();
    for (flags, expected) in [(&[][..], "pair.pretty"), (&["--short"], "pair.short")] {
        let mut args = vec!["decode"];
        args.extend_from_slice(flags);
        args.extend(["generic.capnp", ty]);
        let output = capnzero(&dir, &args, &message);
        assert_eq!(text(&output.stdout), std::fs::read_to_string(dir.join(expected)).unwrap());
    }
}
