//! `capnzero compile`, `id` and the usage errors, run as a process, against what `capnp` 0.9.2
//! does (its requests committed in `schema/tests/request/*.cgr`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use capnzero_schema::request::{self, CodeGeneratorRequest};

fn request_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/tests/request")
}

fn capnzero(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_capnzero"))
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run capnzero")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The differences between two requests: node sets, each node, doc comments and the requested
/// files; then the order of nodes. capnzero writes 0.9.2 as the compiler version.
fn differences(ours: &CodeGeneratorRequest, official: &CodeGeneratorRequest) -> Vec<String> {
    let mut out = Vec::new();
    for node in &official.nodes {
        match ours.node(node.id) {
            None => out.push(format!("missing node {}", node.display_name)),
            Some(mine) if mine != node => out.push(format!("node differs: {}", node.display_name)),
            Some(_) => {}
        }
    }
    for node in &ours.nodes {
        if official.node(node.id).is_none() {
            out.push(format!("extra node {}", node.display_name));
        }
    }
    for info in &official.source_info {
        // capnzero's copies of the standard imports have doc comments of capnzero's own (and
        // not always where the official files have one): for their nodes only the records
        // are compared, not the comments.
        let node = official.node(info.id).or_else(|| ours.node(info.id));
        let standard = node.is_some_and(|n| n.display_name.starts_with("capnp/"));
        let same = match ours.source_info(info.id) {
            Some(mine) if standard => mine.members.len() == info.members.len(),
            Some(mine) => mine == info,
            None => false,
        };
        if !same {
            out.push(format!("source info differs for @0x{:x}: {:?}", info.id, node.map(|n| &n.display_name)));
        }
    }
    if ours.source_info.len() != official.source_info.len() {
        out.push(format!("{} source info records, official {}", ours.source_info.len(), official.source_info.len()));
    }
    if ours.requested_files != official.requested_files {
        out.push(format!("requested files: {:?}\n official: {:?}", ours.requested_files, official.requested_files));
    }
    let order = |r: &CodeGeneratorRequest| r.nodes.iter().map(|n| n.id).collect::<Vec<u64>>();
    if out.is_empty() && order(ours) != order(official) {
        out.push("the nodes are in another order".into());
    }
    out
}

#[test]
fn compile_writes_the_official_request() {
    let dir = request_dir();
    for (fixture, files) in [
        ("imported", &["imported.capnp"][..]),
        ("basics", &["basics.capnp"]),
        ("generics", &["generics.capnp"]),
        ("consts", &["consts.capnp"]),
        ("all", &["basics.capnp", "generics.capnp", "consts.capnp"]),
    ] {
        let mut args = vec!["compile", "-o-"];
        args.extend_from_slice(files);
        let output = capnzero(&dir, &args);
        assert_eq!(output.status.code(), Some(0), "{fixture}: {}", text(&output.stderr));
        assert!(output.stderr.is_empty(), "{fixture}: {}", text(&output.stderr));
        let ours = request::read(&output.stdout).unwrap();
        assert_eq!(ours.capnp_version, (0, 9, 2));
        let official = request::read(&std::fs::read(dir.join(format!("{fixture}.cgr"))).unwrap()).unwrap();
        let found = differences(&ours, &official);
        assert!(found.is_empty(), "{fixture}:\n{}", found.join("\n"));
    }
}

#[test]
fn src_prefix_and_standard_imports_name_files_as_capnp_does() {
    // The official schema.cgr was made with --src-prefix=/usr/include from the installed file;
    // capnzero's copy, compiled under its own prefix, must give the same request.
    let std_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/std");
    let output =
        capnzero(&request_dir(), &["compile", "-o-", "--src-prefix", "../../std", "../../std/capnp/schema.capnp"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let ours = request::read(&output.stdout).unwrap();
    let official = request::read(&std::fs::read(request_dir().join("schema.cgr")).unwrap()).unwrap();
    assert_eq!(ours.requested_files, official.requested_files);
    let found: Vec<String> =
        differences(&ours, &official).into_iter().filter(|d| !d.starts_with("source info")).collect();
    assert!(found.is_empty(), "{}", found.join("\n"));
    assert!(std_dir.join("capnp/schema.capnp").is_file());
}

#[test]
fn standard_imports_come_from_the_system_include_directories_first() {
    // As capnp: /usr/local/include, then /usr/include, where they hold the file; the shipped
    // copies only after them.
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/std");
    let system = ["/usr/local/include", "/usr/include"].map(Path::new);
    let from = system.into_iter().find(|d| d.join("capnp/c++.capnp").is_file()).unwrap_or(&shipped);
    let dir = request_dir();
    let by_default = capnzero(&dir, &["compile", "-o-", "uses_std.capnp"]);
    let from_arg = from.to_str().unwrap();
    let explicit = capnzero(&dir, &["compile", "-o-", "--no-standard-import", "-I", from_arg, "uses_std.capnp"]);
    assert_eq!(by_default.status.code(), Some(0), "{}", text(&by_default.stderr));
    assert_eq!(explicit.status.code(), Some(0), "{}", text(&explicit.stderr));
    let (by_default, explicit) = (request::read(&by_default.stdout).unwrap(), request::read(&explicit.stdout).unwrap());
    let found = differences(&by_default, &explicit);
    assert!(found.is_empty(), "from {}:\n{}", from.display(), found.join("\n"));
    let version = Command::new("capnp").arg("--version").output().map(|o| text(&o.stdout)).unwrap_or_default();
    if from == Path::new("/usr/include") && version.trim() == "Cap'n Proto version 0.9.2" {
        // capnp 0.9.2's own files, from which the official request was made: equal to the last
        // doc comment.
        let official = request::read(&std::fs::read(dir.join("uses_std.cgr")).unwrap()).unwrap();
        let found = differences(&by_default, &official);
        assert!(found.is_empty(), "{}", found.join("\n"));
    }
}

#[test]
fn schema_errors_are_printed_with_positions_and_exit_1() {
    let dir = tempdir("errors");
    std::fs::write(dir.join("bad.capnp"), "@0xe1b2c3d4e5f60718;\nstruct A {\n  a @0 :Nope;\n  b @0 :UInt8;\n}\n")
        .unwrap();
    let output = capnzero(&dir, &["compile", "-o-", "bad.capnp"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert_eq!(
        text(&output.stderr),
        "bad.capnp:3:9-13: error: Not defined: Nope\n\
         bad.capnp:4:6-7: error: Duplicate ordinal number.\n\
         bad.capnp:3:6-7: error: Ordinal @0 originally used here.\n"
    );
}

#[test]
fn usage_errors_read_like_capnp() {
    let dir = request_dir();
    let cases: &[(&[&str], &str)] = &[
        (&[], "capnzero: missing command\nTry 'capnzero --help' for more information.\n"),
        (&["bogus"], "capnzero: bogus: unknown command\nTry 'capnzero --help' for more information.\n"),
        (&["compile"], "capnzero compile: missing argument <source>\nTry 'capnzero compile --help' for more information.\n"),
        (
            &["compile", "basics.capnp"],
            "capnzero compile: no outputs specified\nTry 'capnzero compile --help' for more information.\n",
        ),
        (
            &["compile", "-o-", "--bogus", "basics.capnp"],
            "capnzero compile: --bogus: unrecognized option\nTry 'capnzero compile --help' for more information.\n",
        ),
        (
            &["compile", "-o-", "-I", "no-such-dir", "basics.capnp"],
            "capnzero compile: -I no-such-dir: no such directory\nTry 'capnzero compile --help' for more information.\n",
        ),
        (
            &["compile", "-o-", "nofile.capnp"],
            "capnzero compile: nofile.capnp: no such file\nTry 'capnzero compile --help' for more information.\n",
        ),
        (
            &["compile", "-o", "rust:no-such-dir", "basics.capnp"],
            "capnzero compile: -o rust:no-such-dir: output location is inaccessible or is not a directory\n\
             Try 'capnzero compile --help' for more information.\n",
        ),
        (&["decode", "basics.capnp"], "capnzero decode: missing argument <type>\nTry 'capnzero decode --help' for more information.\n"),
        (&["id", "x"], "capnzero id: x: too many arguments\nTry 'capnzero id --help' for more information.\n"),
    ];
    for (args, expected) in cases {
        let output = capnzero(&dir, args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_eq!(text(&output.stderr), *expected, "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn help_and_version_exit_0() {
    let output = capnzero(&request_dir(), &["--version"]);
    assert_eq!(
        (output.status.code(), text(&output.stdout)),
        (Some(0), format!("capnzero {}\n", env!("CARGO_PKG_VERSION")))
    );
    let output = capnzero(&request_dir(), &["compile", "--help"]);
    assert_eq!(output.status.code(), Some(0));
    let help = text(&output.stdout);
    assert!(help.starts_with("Usage: capnzero compile [<option>...] <source>...\n"), "{help}");
    assert!(help.contains("--src-prefix=<prefix>") && help.contains("-I<dir>, --import-path=<dir>"), "{help}");
    let output = capnzero(&request_dir(), &["--help"]);
    let help = text(&output.stdout);
    for command in ["compile", "decode", "encode", "id"] {
        assert!(help.contains(&format!("\n  {command} ")), "{help}");
    }
}

#[test]
fn id_prints_a_fresh_file_id() {
    let a = text(&capnzero(&request_dir(), &["id"]).stdout);
    let b = text(&capnzero(&request_dir(), &["id"]).stdout);
    for id in [&a, &b] {
        assert_eq!(id.len(), 20, "{id:?}");
        let value = u64::from_str_radix(id.trim_end().trim_start_matches("@0x"), 16).unwrap();
        assert_eq!(value >> 63, 1);
    }
    assert_ne!(a, b);
}

#[cfg(unix)]
#[test]
fn plugins_get_the_request_on_their_input() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempdir("plugin");
    std::fs::create_dir_all(dir.join("out")).unwrap();
    let plugin = dir.join("capnpc-copy");
    std::fs::write(&plugin, "#!/bin/sh\ncat > request.bin\n").unwrap();
    std::fs::set_permissions(&plugin, std::fs::Permissions::from_mode(0o755)).unwrap();
    for file in ["basics.capnp", "imported.capnp"] {
        std::fs::copy(request_dir().join(file), dir.join(file)).unwrap();
    }
    let output = capnzero(&dir, &["compile", "-o", "./capnpc-copy:out", "-o-", "basics.capnp"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(std::fs::read(dir.join("out/request.bin")).unwrap(), output.stdout);

    let failing = dir.join("capnpc-fail");
    std::fs::write(&failing, "#!/bin/sh\ncat > /dev/null\nexit 3\n").unwrap();
    std::fs::set_permissions(&failing, std::fs::Permissions::from_mode(0o755)).unwrap();
    let output = capnzero(&dir, &["compile", "-o./capnpc-fail", "basics.capnp"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(text(&output.stderr), "./capnpc-fail: plugin failed: exit code 3\n");
    let output = capnzero(&dir, &["compile", "-onope-no-such", "basics.capnp"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(text(&output.stderr), "nope-no-such: no such plugin (executable should be 'capnpc-nope-no-such')\n");
}

#[test]
fn a_file_under_two_names_is_named_after_the_first_import_compiled_and_warned_of() {
    // As capnp 0.9.2: field `a`, compiled first, reaches inc/lib/b.capnp relatively, so that is
    // the file's name, though the `/lib/b.capnp` import (through -Iinc) is written first.
    let dir = tempdir("two-names");
    std::fs::create_dir_all(dir.join("inc/lib")).unwrap();
    std::fs::write(dir.join("inc/lib/b.capnp"), "@0xd0e4b7a6c3f2e1b1;\nstruct B { x @0 :Int32; }\n").unwrap();
    std::fs::write(
        dir.join("main.capnp"),
        "@0xd0e4b7a6c3f2e1b4;\nusing X = import \"/lib/b.capnp\";\nusing Y = import \"inc/lib/b.capnp\";\n\
         struct M { a @0 :Y.B; b @1 :X.B; }\n",
    )
    .unwrap();
    let output = capnzero(&dir, &["compile", "-o-", "-Iinc", "main.capnp"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stderr),
        "warning: Found exactly the same source file mapped at two different paths (inc/lib/b.capnp and \
         lib/b.capnp). The -I and --src-prefix directories should be roots of the source tree, none inside \
         another.\n"
    );
    let request = request::read(&output.stdout).unwrap();
    let mut names: Vec<&str> = request.nodes.iter().map(|n| n.display_name.as_str()).collect();
    names.sort();
    assert_eq!(names, ["inc/lib/b.capnp", "inc/lib/b.capnp:B", "main.capnp", "main.capnp:M"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

fn tempdir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("capnzero-cli-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
