//! The compiler end to end on small schemas: IDs, layouts, defaults, annotations and errors,
//! checked against what `capnp compile` 0.9.2 gives for the same text.

use capnzero_schema::compile::{compile, MemoryLoader, SourceFile};
use capnzero_schema::model::{FieldKind, NodeKind, Type, Value};

fn compile_one(name: &str, text: &str) -> Result<capnzero_schema::compile::Compiled, Vec<String>> {
    let mut loader = MemoryLoader::default();
    compile(&[SourceFile { name: name.into(), text: text.into() }], &mut loader).map_err(|e| e.rendered())
}

#[test]
fn addressbook_ids_and_layout() {
    let text = include_str!("../../examples/addressbook.capnp");
    let compiled = compile_one("addressbook.capnp", text).unwrap();
    let person = compiled.node(0xb8b9_7a58_015d_f443).expect("Person");
    assert_eq!(person.display_name, "addressbook.capnp:Person");
    assert_eq!(person.display_name_prefix_length, "addressbook.capnp:".len() as u32);
    let NodeKind::Struct(s) = &person.kind else { panic!("{person:?}") };
    assert_eq!((s.data_word_count, s.pointer_count), (1, 4));
    let names: Vec<&str> = s.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["id", "name", "email", "phones", "employment"]);
    let FieldKind::Group { type_id } = s.fields[4].kind else { panic!() };
    let employment = compiled.node(type_id).unwrap();
    assert_eq!(employment.display_name, "addressbook.capnp:Person.employment");
    let NodeKind::Struct(e) = &employment.kind else { panic!() };
    assert!(e.is_group);
    assert_eq!((e.discriminant_count, e.discriminant_offset), (4, 2));
    let employer = &e.fields[1];
    assert_eq!(employer.name, "employer");
    assert_eq!(employer.discriminant_value, 1);
    assert!(matches!(employer.kind, FieldKind::Slot { offset: 3, ty: Type::Text, .. }));
    let phone = compiled.node(0xad16_af30_4524_889f).expect("PhoneNumber");
    let NodeKind::Struct(p) = &phone.kind else { panic!() };
    assert!(matches!(
        &p.fields[1].kind,
        FieldKind::Slot { offset: 0, ty: Type::Enum { type_id: 0xce53_ac05_141d_2166, .. }, .. }
    ));
    let ty = compiled.node(0xce53_ac05_141d_2166).unwrap();
    let NodeKind::Enum(enumerants) = &ty.kind else { panic!() };
    assert_eq!(enumerants.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["mobile", "home", "work"]);
}

#[test]
fn defaults_consts_and_annotations() {
    let text = r#"@0xe0e1e2e3e4e5e6e7;
annotation note(struct, field) :Text;
const answer :Int32 = 42;
const origin :Point = (x = 1, y = -2, tags = ["a", "b"]);
struct Point $note("a point") {
  x @0 :Int64 = 7;
  y @1 :Int64 = .answer;
  tags @2 :List(Text);
  f @3 :Float32 = -inf;
  b @4 :Bool = true;
  c @5 :Color = green $note("colour");
  enum Color { red @0; green @1; }
}
"#;
    let compiled = compile_one("defaults.capnp", text).unwrap();
    let point = compiled.nodes.iter().find(|n| n.display_name == "defaults.capnp:Point").unwrap();
    let NodeKind::Struct(s) = &point.kind else { panic!() };
    let default = |i: usize| match &s.fields[i].kind {
        FieldKind::Slot { default_value, .. } => default_value.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(default(0), Value::Int64(7));
    assert_eq!(default(1), Value::Int64(42));
    assert_eq!(default(3), Value::Float32(f32::NEG_INFINITY));
    assert_eq!(default(4), Value::Bool(true));
    assert_eq!(default(5), Value::Enum(1));
    assert_eq!(point.annotations.len(), 1);
    assert_eq!(point.annotations[0].value, Value::Text(Some("a point".into())));
    assert_eq!(s.fields[5].annotations[0].value, Value::Text(Some("colour".into())));
    let origin = compiled.nodes.iter().find(|n| n.display_name == "defaults.capnp:origin").unwrap();
    let NodeKind::Const { value: Value::Struct(Some(bytes)), .. } = &origin.kind else { panic!("{origin:?}") };
    let message = capnzero_runtime::MessageReader::from_flat(bytes, Default::default()).unwrap();
    let root = message.root_struct().unwrap();
    // Stored XOR the field defaults: x = 1 ^ 7, y = -2 ^ 42.
    assert_eq!(root.get_or::<i64>(0, 7), 1);
    assert_eq!(root.get_or::<i64>(1, 42), -2);
    let tags = root.pointer(0).get_list(capnzero_runtime::ElementSize::Pointer).unwrap().unwrap();
    assert_eq!(tags.get_pointer(1).unwrap().get_text().unwrap().unwrap().as_str().unwrap(), "b");
}

#[test]
fn errors_are_reported_together_with_locations() {
    // The expected lines are what `capnp compile` 0.9.2 prints for this text.
    let text = "@0xe0e1e2e3e4e5e6e8;\nstruct Bar { a @0 :Nope; b @0 :Int32; c @2 :Int8 = 300; }\nannotation onlyStruct(struct) :Void;\nenum E { x @0 $onlyStruct; }\n";
    let errors = compile_one("bad.capnp", text).unwrap_err();
    assert_eq!(
        errors,
        [
            "bad.capnp:2:20-24: error: Not defined: Nope",
            "bad.capnp:2:29-30: error: Duplicate ordinal number.",
            "bad.capnp:2:17-18: error: Ordinal @0 originally used here.",
            "bad.capnp:2:42-43: error: Skipped ordinal @1.  Ordinals must be sequential with no holes.",
            "bad.capnp:2:52-55: error: Integer value out of range.",
            "bad.capnp:4:16-26: error: 'onlyStruct' cannot be applied to this kind of declaration.",
        ]
    );
}

#[test]
fn integer_constants_convert_to_other_numeric_types_in_range() {
    // As the official compiler: a constant of another integer type is accepted when its value
    // fits, and reported at the place of use when it does not.
    let text = "@0xe0e1e2e3e4e5e6e7;\nconst answer :Int32 = 42;\nconst big :Int64 = 5000000000;\nstruct P { y @1 :Int64 = .answer; z @0 :Int8 = .answer; w @2 :Float32 = .answer; q @3 :Int16 = .big; }\n";
    let errors = compile_one("c.capnp", text).unwrap_err();
    assert_eq!(errors, ["c.capnp:4:96-100: error: Integer value out of range."]);
    let ok = text.replace(" q @3 :Int16 = .big;", "");
    let compiled = compile_one("c.capnp", &ok).unwrap();
    let p = compiled.nodes.iter().find(|n| n.display_name == "c.capnp:P").unwrap();
    let NodeKind::Struct(s) = &p.kind else { panic!() };
    let defaults: Vec<Value> = s
        .fields
        .iter()
        .map(|f| match &f.kind {
            FieldKind::Slot { default_value, .. } => default_value.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(defaults, [Value::Int8(42), Value::Int64(42), Value::Float32(42.0)]);
}

fn compile_files(files: &[(&str, &str)]) -> Result<capnzero_schema::compile::Compiled, Vec<String>> {
    let mut loader = MemoryLoader::default();
    for (name, text) in files {
        loader.files.insert(name.to_string(), text.to_string());
    }
    let (name, text) = files[0];
    compile(&[SourceFile { name: name.into(), text: text.into() }], &mut loader).map_err(|e| e.rendered())
}

#[test]
fn the_request_holds_what_the_requested_file_needs_and_compiled_holds_everything() {
    // As `capnp compile -o-` 0.9.2 lists them: the file's nodes, then what they use, with the
    // lexical parents of what they use; not the unused declarations of the imported file.
    let main = "@0xe0e1e2e3e4e5e6e9;\nusing L = import \"lib.capnp\";\nstruct A { b @0 :L.Outer.Used; }\n";
    let lib = "@0xf0e1e2e3e4e5e6e9;\nstruct Outer {\n  struct Used { x @0 :Int32; }\n  struct Unused {}\n}\nstruct Other {}\n";
    let compiled = compile_files(&[("main.capnp", main), ("lib.capnp", lib)]).unwrap();
    let names: Vec<&str> = compiled.request_nodes().iter().map(|n| n.display_name.as_str()).collect();
    assert_eq!(names, ["main.capnp", "lib.capnp:Outer.Used", "main.capnp:A", "lib.capnp:Outer", "lib.capnp"]);
    let all: Vec<&str> = compiled.nodes.iter().map(|n| n.display_name.as_str()).collect();
    for name in ["lib.capnp:Outer.Unused", "lib.capnp:Other"] {
        assert!(all.contains(&name), "{all:?}");
    }
    let request = compiled.request();
    assert_eq!(request.capnp_version, (0, 9, 2));
    assert_eq!(request.nodes.len(), 5);
    assert_eq!(request.requested_files[0].filename, "main.capnp");
    assert_eq!(request.requested_files[0].imports[0].id, 0xf0e1_e2e3_e4e5_e6e9);
}

#[test]
fn the_import_table_lists_imports_of_types_sorted_by_name() {
    // An import used only in a value is not listed (the official compiler lists what code
    // generators must include); a `-> stream` method lists stream.capnp.
    let main = "@0xe0e1e2e3e4e5e6ea;\nusing Z = import \"z.capnp\";\nstruct A { a @0 :Z.T; b @1 :Int32 = import \"v.capnp\".c; }\n\
                interface I { m @0 () -> stream; }\n";
    let z = "@0xf0e1e2e3e4e5e6ea;\nstruct T {}\n";
    let v = "@0xf0e1e2e3e4e5e6eb;\nconst c :Int32 = 5;\n";
    let stream = "@0x86c366a91393f3f8;\nstruct StreamResult @0x995f9a3377c0b16e {}\n";
    let compiled =
        compile_files(&[("main.capnp", main), ("z.capnp", z), ("v.capnp", v), ("capnp/stream.capnp", stream)]).unwrap();
    let names: Vec<&str> = compiled.requested[0].imports.iter().map(|(_, name)| name.as_str()).collect();
    assert_eq!(names, ["/capnp/stream.capnp", "z.capnp"]);
}

#[test]
fn errors_come_in_the_order_the_official_compiler_finds_them() {
    // What `capnp compile` 0.9.2 prints for these files: the names of the file's block first,
    // then each struct, the declarations it depends on right after it (in the imported file),
    // then its nested declarations; a part of the imported file nothing uses is never compiled.
    let main = "@0xe0e1e2e3e4e5e6eb;\nusing L = import \"lib.capnp\";\nstruct A {\n  a @0 :L.Used;\n  b @1 :Nope;\n  struct N { c @0 :Nope2; }\n}\nenum bad_name { x @0; }\n";
    let lib = "@0xf0e1e2e3e4e5e6ec;\nstruct Used { x @0 :Missing; }\nstruct Unused { y @0 :AlsoMissing; }\n";
    let errors = compile_files(&[("main.capnp", main), ("lib.capnp", lib)]).unwrap_err();
    assert_eq!(
        errors,
        [
            "main.capnp:8:6-14: error: Type names must begin with a capital letter.",
            "main.capnp:8:6-14: error: Cap'n Proto declaration names should use camelCase and must not contain underscores. (Code generators may convert names to the appropriate style for the target language.)",
            "main.capnp:5:9-13: error: Not defined: Nope",
            "lib.capnp:2:21-28: error: Not defined: Missing",
            "main.capnp:6:20-25: error: Not defined: Nope2",
        ]
    );
}

#[test]
fn a_statement_over_several_lines_is_reported_at_its_first_line() {
    let errors = compile_one("s.capnp", "@0xe0e1e2e3e4e5e6ec;\nconst c :Int32 = 1 {\n}\n").unwrap_err();
    assert_eq!(errors, ["s.capnp:2: error: This statement should end with a semicolon, not a block."]);
}

#[test]
fn stream_before_the_arrow_looks_for_stream_capnp_too() {
    // `stream` as a method's parameters is an error, but the official compiler looks for
    // `/capnp/stream.capnp` there as it does after `->`, and says so when it is missing or not
    // the official one. The expected lines are what `capnp compile -o-` 0.9.2 prints for these
    // texts with `--no-standard-import` (no stream.capnp) and with `-I` a directory holding a
    // stream.capnp without StreamResult.
    let params = "@0xd1b6d6d0f7f3a0c1;\ninterface I {\n  m @0 stream -> ();\n  n @1 stream;\n}\n";
    let both = "@0xd1b6d6d0f7f3a0c2;\ninterface I {\n  m @0 stream -> stream;\n  n @1 () -> stream;\n}\n";
    let fake = "@0x86c366a91393f3f8; struct X {}\n";
    let before = "error: 'stream' can only appear after '->', not before.";
    let missing = "error: A method declaration uses streaming, but '/capnp/stream.capnp' is not found in the import \
                   path. This is a standard file that should always be installed with the Cap'n Proto compiler.";
    let unofficial = "error: The version of '/capnp/stream.capnp' found in your import path does not appear to be the \
                      official one; it is missing the declaration of StreamResult.";
    let lines = |name: &str, expected: &[(&str, &str)]| -> Vec<String> {
        expected.iter().map(|(at, message)| format!("{name}:{at}: {message}")).collect()
    };
    assert_eq!(
        compile_files(&[("params.capnp", params)]).unwrap_err(),
        lines("params.capnp", &[("3:8-14", before), ("3:8-14", missing), ("4:8-14", before), ("4:8-14", missing)])
    );
    assert_eq!(
        compile_files(&[("params.capnp", params), ("capnp/stream.capnp", fake)]).unwrap_err(),
        lines(
            "params.capnp",
            &[("3:8-14", before), ("3:8-14", unofficial), ("4:8-14", before), ("4:8-14", unofficial)]
        )
    );
    assert_eq!(
        compile_files(&[("both.capnp", both)]).unwrap_err(),
        lines("both.capnp", &[("3:8-14", before), ("3:8-14", missing), ("3:18-24", missing), ("4:14-20", missing)])
    );
    assert_eq!(
        compile_files(&[("both.capnp", both), ("capnp/stream.capnp", fake)]).unwrap_err(),
        lines(
            "both.capnp",
            &[("3:8-14", before), ("3:8-14", unofficial), ("3:18-24", unofficial), ("4:14-20", unofficial)]
        )
    );
}

#[test]
fn enum_constants_are_numbers_as_values() {
    // As `capnp compile` 0.9.2, whose `-ocapnp` output for this text gives every field and
    // `k` the value 2 (and `e` the list [2, 5]): a constant of an enum type is its number.
    let text = "@0xd1b6d6d0f7f3a0b2;\nenum Color { red @0; green @1; blue @2; }\nconst c :Color = blue;\n\
                struct S {\n  a @0 :Int8 = .c;\n  b @1 :UInt64 = .c;\n  d @2 :Float32 = .c;\n  \
                e @3 :List(UInt16) = [.c, 5];\n  h @4 :List(Float64) = [.c];\n}\nconst k :UInt8 = .c;\n";
    let compiled = compile_one("evok.capnp", text).unwrap();
    let s = compiled.nodes.iter().find(|n| n.display_name == "evok.capnp:S").unwrap();
    let NodeKind::Struct(s) = &s.kind else { panic!() };
    let defaults: Vec<Value> = s
        .fields
        .iter()
        .map(|f| match &f.kind {
            FieldKind::Slot { default_value, .. } => default_value.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(defaults[..3], [Value::Int8(2), Value::UInt64(2), Value::Float32(2.0)]);
    let list = |value: &Value, size: capnzero_runtime::ElementSize| -> Vec<u64> {
        let Value::List(Some(bytes)) = value else { panic!("{value:?}") };
        let message = capnzero_runtime::MessageReader::from_flat(bytes, Default::default()).unwrap();
        let list = message.root().get_list(size).unwrap().unwrap();
        (0..list.len())
            .map(|i| match size {
                capnzero_runtime::ElementSize::TwoBytes => list.get::<u16>(i).unwrap() as u64,
                _ => list.get::<f64>(i).unwrap().to_bits(),
            })
            .collect()
    };
    assert_eq!(list(&defaults[3], capnzero_runtime::ElementSize::TwoBytes), [2, 5]);
    assert_eq!(list(&defaults[4], capnzero_runtime::ElementSize::EightBytes), [2.0f64.to_bits()]);
    let k = compiled.nodes.iter().find(|n| n.display_name == "evok.capnp:k").unwrap();
    assert_eq!(k.kind, NodeKind::Const { ty: Type::UInt8, value: Value::UInt8(2) });
}

#[test]
fn expressions_nested_too_deep_are_parse_errors_not_a_stack_overflow() {
    // `levels` applications of `Outer`, one inside the other, each followed by `members`
    // `.a` suffixes, as a constant's value: expressions nest `levels * (members + 1)` deep.
    let schema = |levels: usize, members: usize| {
        let mut value = "x".to_string();
        for _ in 0..levels {
            value = format!("Outer({value}){}", ".a".repeat(members));
        }
        format!("@0xd1b6d6d0f7f3a0d1;\nconst c :Int32 = {value};\n")
    };
    let compile_deep = |text: String| {
        std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || compile_one("deep.capnp", &text).unwrap_err())
            .unwrap()
            .join()
            .unwrap()
    };
    // Up to `MAX_EXPRESSION_DEPTH` (512) levels, as `capnp compile` 0.9.2 for both texts:
    // only "Not defined: Outer".
    assert_eq!(capnzero_schema::parser::MAX_EXPRESSION_DEPTH, 512);
    assert_eq!(compile_deep(schema(2, 255)), ["deep.capnp:2:18-23: error: Not defined: Outer"]);
    // Deeper is capnzero's parse error (the official compiler reads it).
    assert_eq!(compile_deep(schema(2, 256)), ["deep.capnp:2:1056: error: Parse error."]);
    // 250 levels of 100 members: each argument that would nest too deep is a parse error.
    let errors = compile_deep(schema(250, 100));
    let (last, parse_errors) = errors.split_last().unwrap();
    assert_eq!(last, "deep.capnp:2:18-23: error: Not defined: Outer");
    assert_eq!(parse_errors.len(), 41);
    assert!(parse_errors.iter().all(|e| e.starts_with("deep.capnp:2:") && e.ends_with(": error: Parse error.")));
}
