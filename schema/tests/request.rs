//! The CodeGeneratorRequest read from and written back to what `capnp compile -o-` 0.9.2 gives.
//!
//! The fixtures in `tests/request/` are the official compiler's requests for the schemas next to
//! them (`regen.sh` regenerates them, `check.sh` re-checks them and our output against the `capnp`
//! tool). Each is read, checked for facts taken from `capnp decode` of it, and written back: the
//! result must read back to the same model and be byte for byte the canonical form of the
//! official message.

use capnzero_schema::model::{
    Annotation, AnyPointer, Binding, Brand, BrandScope, ElementSize, Enumerant, Field, FieldKind, InterfaceNode,
    Method, NestedNode, Node, NodeKind, SourceInfo, StructNode, Superclass, Type, Value,
};
use capnzero_schema::request::{read, try_write, write, CodeGeneratorRequest, Error, Import, RequestedFile};

const FIXTURES: [&str; 9] =
    ["imported", "basics", "generics", "consts", "docs", "uses_std", "all", "schema", "aliases"];

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/request/{name}.cgr", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn load(name: &str) -> CodeGeneratorRequest {
    read(&fixture(name)).unwrap_or_else(|e| panic!("{name}.cgr: {e}"))
}

fn node<'a>(request: &'a CodeGeneratorRequest, display_name: &str) -> &'a Node {
    request.nodes.iter().find(|n| n.display_name == display_name).unwrap_or_else(|| panic!("no node {display_name}"))
}

fn id_of(request: &CodeGeneratorRequest, display_name: &str) -> u64 {
    node(request, display_name).id
}

fn struct_of(node: &Node) -> &StructNode {
    match &node.kind {
        NodeKind::Struct(st) => st,
        other => panic!("{} is not a struct: {other:?}", node.display_name),
    }
}

fn interface_of(node: &Node) -> &InterfaceNode {
    match &node.kind {
        NodeKind::Interface(interface) => interface,
        other => panic!("{} is not an interface: {other:?}", node.display_name),
    }
}

fn enumerant_names(node: &Node) -> Vec<&str> {
    match &node.kind {
        NodeKind::Enum(enumerants) => enumerants.iter().map(|e| e.name.as_str()).collect(),
        other => panic!("{} is not an enum: {other:?}", node.display_name),
    }
}

fn field<'a>(st: &'a StructNode, name: &str) -> &'a Field {
    st.fields.iter().find(|f| f.name == name).unwrap_or_else(|| panic!("no field {name}"))
}

/// A slot's offset, type, default and whether the default was explicit.
fn slot(field: &Field) -> (u32, &Type, &Value, bool) {
    match &field.kind {
        FieldKind::Slot { offset, ty, default_value, had_explicit_default } => {
            (*offset, ty, default_value, *had_explicit_default)
        }
        FieldKind::Group { .. } => panic!("{} is a group", field.name),
    }
}

fn method<'a>(interface: &'a InterfaceNode, name: &str) -> &'a Method {
    interface.methods.iter().find(|m| m.name == name).unwrap_or_else(|| panic!("no method {name}"))
}

fn const_of(node: &Node) -> (&Type, &Value) {
    match &node.kind {
        NodeKind::Const { ty, value } => (ty, value),
        other => panic!("{} is not a const: {other:?}", node.display_name),
    }
}

fn doc(request: &CodeGeneratorRequest, id: u64) -> Option<&str> {
    request.source_info(id).and_then(|info| info.doc_comment.as_deref())
}

fn member_doc(request: &CodeGeneratorRequest, id: u64, index: usize) -> Option<&str> {
    request.source_info(id).and_then(|info| info.members[index].as_deref())
}

fn words(bytes: &[u8]) -> Vec<u64> {
    assert_eq!(bytes.len() % 8, 0);
    bytes.chunks(8).map(|w| u64::from_le_bytes(w.try_into().unwrap())).collect()
}

fn bound(scope_id: u64, types: Vec<Type>) -> Brand {
    Brand { scopes: vec![BrandScope { scope_id, bind: Some(types.into_iter().map(Binding::Type).collect()) }] }
}

fn inherited(scope_id: u64) -> Brand {
    Brand { scopes: vec![BrandScope { scope_id, bind: None }] }
}

fn parameter(scope_id: u64, index: u16) -> Type {
    Type::AnyPointer(AnyPointer::Parameter { scope_id, index })
}

/// The canonical form of a framed message, framed.
fn canonical(bytes: &[u8]) -> Vec<u8> {
    let message = capnp::serialize::read_message(&mut &bytes[..], capnp::message::ReaderOptions::new()).unwrap();
    let canonical = message.canonicalize().unwrap();
    let mut framed = vec![0, 0, 0, 0];
    framed.extend_from_slice(&(canonical.len() as u32).to_le_bytes());
    framed.extend_from_slice(capnp::Word::words_to_bytes(&canonical));
    framed
}

/// Equal models, NaNs included (the model's `PartialEq` says NaN != NaN; Debug prints both the
/// same, and the byte comparisons check their bits).
fn assert_same_model(a: &CodeGeneratorRequest, b: &CodeGeneratorRequest) {
    assert_eq!(format!("{a:#?}"), format!("{b:#?}"));
}

fn check_round_trip(name: &str) {
    let original = fixture(name);
    let model = read(&original).unwrap();
    let ours = write(&model);
    let again = read(&ours).unwrap();
    assert_same_model(&model, &again);
    assert!(ours == canonical(&original), "{name}: our message is not the canonical form of the official one");
    assert_eq!(write(&again), ours, "{name}: writing is not stable");
    let message = capnp::serialize::read_message(&mut &ours[..], capnp::message::ReaderOptions::new()).unwrap();
    assert!(message.is_canonical().unwrap());
}

#[test]
fn round_trips_are_canonical_forms_of_the_official_requests() {
    for name in FIXTURES {
        check_round_trip(name);
    }
}

/// For `check.sh`: with `CAPNZERO_REQUEST_OUT` set, writes `write(read(x))` of every fixture
/// into that directory, for `capnp decode` to compare with the official message.
#[test]
fn dump_round_trips() {
    let Some(dir) = std::env::var_os("CAPNZERO_REQUEST_OUT") else { return };
    for name in FIXTURES {
        let path = std::path::Path::new(&dir).join(format!("{name}.cgr"));
        std::fs::write(&path, write(&load(name))).unwrap();
    }
}

#[test]
fn models_without_nans_are_equal_after_a_round_trip() {
    for name in ["imported", "generics", "consts", "schema"] {
        let model = load(name);
        assert_eq!(read(&write(&model)).unwrap(), model, "{name}");
    }
}

#[test]
fn imported() {
    let r = load("imported");
    assert_eq!(r.capnp_version, (0, 9, 2));
    assert_eq!(r.nodes.len(), 8);
    let file = node(&r, "imported.capnp");
    assert_eq!(file.id, 0xab22_4c77_7863_1e7b);
    assert_eq!(file.kind, NodeKind::File);
    assert_eq!(file.display_name_prefix_length, 9);
    let nested: Vec<&str> = file.nested_nodes.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(nested, ["label", "weight", "tagged", "marker", "Tag", "Color", "Box"]);
    assert_eq!(r.requested_files, [RequestedFile { id: file.id, filename: "imported.capnp".into(), imports: vec![] }]);

    let tag = node(&r, "imported.capnp:Tag");
    assert_eq!(tag.scope_id, file.id);
    let st = struct_of(tag);
    assert_eq!((st.data_word_count, st.pointer_count), (1, 2));
    assert_eq!(st.preferred_list_encoding, ElementSize::InlineComposite);
    assert_eq!(slot(field(st, "level")), (0, &Type::UInt8, &Value::UInt8(3), true));
    assert_eq!(slot(field(st, "flags")), (1, &Type::List(Box::new(Type::Bool)), &Value::List(None), false));
    assert_eq!(slot(field(st, "name")), (0, &Type::Text, &Value::Text(None), false));
    assert_eq!(field(st, "flags").ordinal, Some(2));
    assert_eq!(field(st, "flags").discriminant_value, Field::NO_DISCRIMINANT);
    assert_eq!(doc(&r, tag.id), Some("A structured annotation value.\n"));
    assert_eq!(r.source_info(tag.id).unwrap().members, [None, None, None]);

    let color = node(&r, "imported.capnp:Color");
    assert_eq!(enumerant_names(color), ["red", "green", "blue"]);
    let NodeKind::Enum(enumerants) = &color.kind else { unreachable!() };
    let label = id_of(&r, "imported.capnp:label");
    assert_eq!(
        enumerants[2],
        Enumerant {
            name: "blue".into(),
            code_order: 2,
            annotations: vec![Annotation {
                id: label,
                brand: Brand::default(),
                value: Value::Text(Some("the sky".into()))
            }],
        }
    );

    let NodeKind::Annotation { ty, targets } = &node(&r, "imported.capnp:label").kind else { panic!() };
    assert_eq!((ty, targets), (&Type::Text, &[true; 12]));
    assert_eq!(doc(&r, label), Some("A free-form label, applicable everywhere.\n"));
    let NodeKind::Annotation { ty, targets } = &node(&r, "imported.capnp:weight").kind else { panic!() };
    assert_eq!(ty, &Type::Float64);
    let mut expected = [false; 12];
    expected[3..6].copy_from_slice(&[true, true, true]); // enumerant, struct, field
    assert_eq!(targets, &expected);

    let boxed = node(&r, "imported.capnp:Box");
    assert_eq!(boxed.parameters, ["T"]);
    assert!(boxed.is_generic);
    assert_eq!(slot(field(struct_of(boxed), "content")).1, &parameter(boxed.id, 0));
    assert_eq!(slot(field(struct_of(boxed), "content")).2, &Value::AnyPointer(None));
}

#[test]
fn basics() {
    let r = load("basics");
    assert_eq!(r.nodes.len(), 19);
    let file = node(&r, "basics.capnp");
    assert_eq!(file.id, 0xeccf_6365_b0d6_f80d);
    let imported = 0xab22_4c77_7863_1e7b;
    assert_eq!(
        r.requested_files,
        [RequestedFile {
            id: file.id,
            filename: "basics.capnp".into(),
            imports: vec![Import { id: imported, name: "imported.capnp".into() }],
        }]
    );
    assert!(r.node(imported).is_some(), "imported file's nodes are in the request");

    let person = node(&r, "basics.capnp:Person");
    assert_eq!(person.nested_nodes, [NestedNode { name: "Phone".into(), id: id_of(&r, "basics.capnp:Person.Phone") }]);
    let st = struct_of(person);
    assert_eq!((st.data_word_count, st.pointer_count), (4, 8));
    assert_eq!((st.discriminant_count, st.discriminant_offset), (4, 4));
    assert!(!st.is_group);
    let names: Vec<&str> = st.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "id",
            "name",
            "email",
            "unemployed",
            "employer",
            "school",
            "selfEmployed",
            "address",
            "status",
            "favorite",
            "phones",
            "nested"
        ]
    );
    let employer = field(st, "employer");
    assert_eq!((employer.discriminant_value, employer.code_order, employer.ordinal), (1, 4, Some(4)));
    assert_eq!(slot(employer), (2, &Type::Text, &Value::Text(None), false));
    assert_eq!(slot(field(st, "email")).2, &Value::Text(Some("nobody@example.com".into())));
    assert_eq!(
        slot(field(st, "favorite")),
        (
            12,
            &Type::Enum { type_id: id_of(&r, "imported.capnp:Color"), brand: Brand::default() },
            &Value::Enum(2),
            true
        )
    );
    let tag_id = id_of(&r, "imported.capnp:Tag");
    let box_id = id_of(&r, "imported.capnp:Box");
    assert_eq!(slot(field(st, "nested")).1, &Type::Struct { type_id: box_id, brand: bound(box_id, vec![Type::Text]) });

    let self_employed = field(st, "selfEmployed");
    assert_eq!((self_employed.discriminant_value, self_employed.ordinal), (3, None));
    let FieldKind::Group { type_id } = self_employed.kind else { panic!() };
    let group = r.node(type_id).unwrap();
    assert_eq!(group.display_name, "basics.capnp:Person.selfEmployed");
    assert_eq!(group.scope_id, person.id);
    assert!(struct_of(group).is_group);
    assert_eq!((struct_of(group).data_word_count, struct_of(group).pointer_count), (4, 8));
    let status = node(&r, "basics.capnp:Person.status");
    assert_eq!((struct_of(status).discriminant_count, struct_of(status).discriminant_offset), (3, 9));
    assert_eq!(slot(field(struct_of(status), "retired")).2, &Value::Int16(-7));
    let address = node(&r, "basics.capnp:Person.address");
    assert_eq!(slot(field(struct_of(address), "zip")), (3, &Type::UInt32, &Value::UInt32(12345), true));
    assert_eq!(doc(&r, address.id), Some("A group.\n"));

    // Annotations with a Text value and a struct value (the value's canonical encoding).
    let label = id_of(&r, "imported.capnp:label");
    let tagged = id_of(&r, "imported.capnp:tagged");
    assert_eq!(
        person.annotations[0],
        Annotation { id: label, brand: Brand::default(), value: Value::Text(Some("a person".into())) }
    );
    assert_eq!(person.annotations[1].id, tagged);
    let Value::Struct(Some(bytes)) = &person.annotations[1].value else { panic!("{:?}", person.annotations[1]) };
    assert_eq!(
        words(bytes),
        [
            0x0002_0001_0000_0000, // root: struct, 1 data word, 2 pointers
            9 ^ 3,                 // level = 9, stored XOR its default 3
            0x0000_0012_0000_0005, // name: 2 bytes, one word on
            0x0000_0019_0000_0005, // flags: 3 bits, one word on
            b'p' as u64,           // "p\0"
            0b101,                 // [true, false, true]
        ]
    );
    assert_eq!(
        field(st, "name").annotations,
        [
            Annotation { id: label, brand: Brand::default(), value: Value::Text(Some("full name".into())) },
            Annotation { id: id_of(&r, "imported.capnp:weight"), brand: Brand::default(), value: Value::Float64(0.5) },
        ]
    );

    // Doc comments of the node and of its members.
    assert_eq!(doc(&r, person.id), Some("A person: a node doc comment.\n"));
    assert_eq!(member_doc(&r, person.id, 0), Some("Unique.\n"));
    assert_eq!(member_doc(&r, person.id, 1), Some("The name.\n"));
    assert_eq!(member_doc(&r, person.id, 2), None);
    let kind = node(&r, "basics.capnp:Person.Phone.Kind");
    assert_eq!(enumerant_names(kind), ["mobile", "home", "work"]);
    assert_eq!(doc(&r, kind.id), Some("Phone kinds.\n"));
    assert_eq!(r.source_info(kind.id).unwrap().members, [Some("Carried around.\n".into()), None, None]);

    // Defaults of every type, explicit and not.
    let defaults = struct_of(node(&r, "basics.capnp:Defaults"));
    let expect = |name: &str, value: Value, explicit: bool| {
        let (_, _, default, had) = slot(field(defaults, name));
        assert_eq!((default, had), (&value, explicit), "{name}");
    };
    expect("void", Value::Void, true);
    expect("bool", Value::Bool(true), true);
    expect("int8", Value::Int8(-8), true);
    expect("int16", Value::Int16(-1616), true);
    expect("int32", Value::Int32(-323232), true);
    expect("int64", Value::Int64(-6464646464646464), true);
    expect("uint8", Value::UInt8(8), true);
    expect("uint16", Value::UInt16(1616), true);
    expect("uint32", Value::UInt32(323232), true);
    expect("uint64", Value::UInt64(6464646464646464), true);
    expect("float32", Value::Float32(3.25), true);
    expect("float64", Value::Float64(-1.5e300), true);
    expect("text", Value::Text(Some("hello\nworld".into())), true);
    expect("data", Value::Data(Some(vec![0xde, 0xad, 0xbe, 0xef])), true);
    expect("enum", Value::Enum(1), true);
    expect("inf", Value::Float64(f64::INFINITY), true);
    let (_, _, Value::Float32(nan), true) = slot(field(defaults, "nan")) else { panic!() };
    assert!(nan.is_nan());
    let (_, _, Value::Float64(neg_zero), true) = slot(field(defaults, "negZero")) else { panic!() };
    assert_eq!(neg_zero.to_bits(), (-0.0f64).to_bits());
    let (_, ty, Value::List(Some(list)), true) = slot(field(defaults, "list")) else { panic!() };
    assert_eq!(ty, &Type::List(Box::new(Type::Int32)));
    assert_eq!(words(list), [0x0000_001c_0000_0001, 0xffff_fffe_0000_0001, 3]); // 3 x 4 bytes: 1, -2, 3
    let (_, ty, Value::Struct(Some(_)), true) = slot(field(defaults, "struct")) else { panic!() };
    assert_eq!(ty, &Type::Struct { type_id: tag_id, brand: Brand::default() });
    for name in ["structList", "textList", "listList"] {
        assert!(matches!(slot(field(defaults, name)).2, Value::List(Some(_))), "{name}");
    }
    expect("plainVoid", Value::Void, false);
    expect("plainBool", Value::Bool(false), false);
    expect("plainInt8", Value::Int8(0), false);
    expect("plainInt16", Value::Int16(0), false);
    expect("plainInt32", Value::Int32(0), false);
    expect("plainInt64", Value::Int64(0), false);
    expect("plainUInt8", Value::UInt8(0), false);
    expect("plainUInt16", Value::UInt16(0), false);
    expect("plainUInt32", Value::UInt32(0), false);
    expect("plainUInt64", Value::UInt64(0), false);
    expect("plainFloat32", Value::Float32(0.0), false);
    expect("plainFloat64", Value::Float64(0.0), false);
    expect("plainText", Value::Text(None), false);
    expect("plainData", Value::Data(None), false);
    expect("plainList", Value::List(None), false);
    expect("plainEnum", Value::Enum(0), false);
    expect("plainStruct", Value::Struct(None), false);
    expect("plainAny", Value::AnyPointer(None), false);
    assert_eq!(slot(field(defaults, "plainAny")).1, &Type::AnyPointer(AnyPointer::AnyKind));

    // Empty declarations.
    assert_eq!(node(&r, "basics.capnp:NoValues").kind, NodeKind::Enum(vec![]));
    let nothing = node(&r, "basics.capnp:Nothing");
    assert!(struct_of(nothing).fields.is_empty());
    assert_eq!(
        r.source_info(nothing.id),
        Some(&SourceInfo {
            id: nothing.id,
            doc_comment: Some(
                "No fields: the compiler writes no field list (and no member doc comments) for it.\n".into()
            ),
            members: vec![],
        })
    );
}

#[test]
fn generics() {
    let r = load("generics");
    assert_eq!(r.nodes.len(), 36);
    let pair = id_of(&r, "generics.capnp:Pair");
    let store_node = node(&r, "generics.capnp:Store");
    let store = store_node.id;
    let box_id = id_of(&r, "imported.capnp:Box");
    assert_eq!(node(&r, "generics.capnp:Pair").parameters, ["K", "V"]);
    assert_eq!(store_node.parameters, ["T"]);

    // Brands on field types: bound, two scopes, and bound to the enclosing scope's parameters.
    let uses = struct_of(node(&r, "generics.capnp:Uses"));
    assert_eq!(
        slot(field(uses, "textInt")).1,
        &Type::Struct { type_id: pair, brand: bound(pair, vec![Type::Text, Type::List(Box::new(Type::Int32))]) }
    );
    assert_eq!(
        slot(field(uses, "partial")).1,
        &Type::Struct { type_id: pair, brand: bound(pair, vec![Type::Data, Type::AnyPointer(AnyPointer::AnyKind)]) }
    );
    let inner = id_of(&r, "generics.capnp:Pair.Inner");
    assert_eq!(
        slot(field(uses, "inner")).1,
        &Type::Struct { type_id: inner, brand: bound(pair, vec![Type::Text, Type::Data]) }
    );
    let deep = id_of(&r, "generics.capnp:Pair.Deep");
    let Type::Struct { brand, .. } = slot(field(uses, "deep")).1 else { panic!() };
    assert_eq!(brand.scopes.len(), 2);
    assert_eq!(brand.scopes[0], bound(deep, vec![Type::List(Box::new(Type::Bool))]).scopes[0]);
    assert_eq!(brand.scopes[1].scope_id, pair);
    assert_eq!(slot(field(uses, "bare")).1, &Type::Struct { type_id: pair, brand: Brand::default() });
    assert_eq!(slot(field(uses, "anyStruct")).1, &Type::AnyPointer(AnyPointer::Struct));
    assert_eq!(slot(field(uses, "anyList")).1, &Type::AnyPointer(AnyPointer::List));
    assert_eq!(slot(field(uses, "cap")).1, &Type::AnyPointer(AnyPointer::Capability));
    assert_eq!(
        slot(field(uses, "iface")).1,
        &Type::Interface { type_id: store, brand: bound(store, vec![Type::Text]) }
    );
    assert_eq!(slot(field(uses, "iface")).2, &Value::Interface);
    let again = field(struct_of(node(&r, "generics.capnp:Pair.Inner")), "again");
    assert_eq!(
        slot(again).1,
        &Type::Struct { type_id: pair, brand: bound(pair, vec![parameter(pair, 1), parameter(pair, 0)]) }
    );
    assert!(node(&r, "generics.capnp:Pair.Inner").is_generic);
    assert_eq!(doc(&r, inner), Some("Uses its parent's parameters: an inherited brand.\n"));

    // An annotation declared in a generic scope carries a brand.
    let note = id_of(&r, "generics.capnp:Pair.note");
    assert_eq!(
        node(&r, "generics.capnp:Uses").annotations,
        [Annotation {
            id: note,
            brand: bound(pair, vec![Type::Text, Type::Data]),
            value: Value::Text(Some("on a struct".into()))
        }]
    );

    // Methods: parameter structs, inherited brands, implicit parameters.
    let interface = interface_of(store_node);
    let names: Vec<&str> = interface.methods.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["get", "put", "convert", "listed", "named", "child", "wrapped"]);
    let get = method(interface, "get");
    let get_params = node(&r, "generics.capnp:Store.get$Params");
    assert_eq!(get.param_struct_type, get_params.id);
    assert_eq!(get.result_struct_type, id_of(&r, "generics.capnp:Store.get$Results"));
    assert_eq!(get.param_brand, inherited(store));
    assert_eq!(get_params.scope_id, 0);
    assert!(get_params.nested_nodes.is_empty());
    assert_eq!(slot(field(struct_of(get_params), "key")).1, &Type::Text);
    assert_eq!(slot(field(struct_of(node(&r, "generics.capnp:Store.get$Results")), "value")).1, &parameter(store, 0));
    let convert = method(interface, "convert");
    assert_eq!(convert.implicit_parameters, ["U"]);
    let convert_params = r.node(convert.param_struct_type).unwrap();
    assert_eq!(convert_params.display_name, "generics.capnp:Store.convert$Params");
    assert_eq!(convert_params.parameters, ["U"]);
    assert_eq!(slot(field(struct_of(convert_params), "input")).1, &parameter(convert_params.id, 0));
    let named = method(interface, "named");
    assert_eq!(named.param_struct_type, box_id);
    assert_eq!(named.param_brand, bound(box_id, vec![parameter(store, 0)]));
    assert_eq!(named.result_struct_type, id_of(&r, "imported.capnp:Tag"));
    assert_eq!(named.result_brand, Brand::default());
    let wrapped = method(interface, "wrapped");
    let implicit = Type::AnyPointer(AnyPointer::ImplicitMethodParameter { index: 0 });
    assert_eq!(wrapped.param_brand, bound(box_id, vec![implicit.clone()]));
    assert_eq!(wrapped.result_brand, bound(pair, vec![implicit, parameter(store, 0)]));
    assert_eq!(doc(&r, store), Some("A generic store.\n"));
    assert_eq!(member_doc(&r, store, 1), Some("Stores.\n"));
    let marker = id_of(&r, "imported.capnp:marker");
    assert_eq!(
        method(interface, "put").annotations,
        [Annotation { id: marker, brand: Brand::default(), value: Value::Void }]
    );
    let put_params = struct_of(node(&r, "generics.capnp:Store.put$Params"));
    assert_eq!(field(put_params, "key").annotations[0].id, marker);

    // Superclasses.
    let base = id_of(&r, "generics.capnp:Base");
    assert_eq!(interface.superclasses, [Superclass { id: base, brand: Brand::default() }]);
    let both = interface_of(node(&r, "generics.capnp:Both"));
    assert_eq!(
        both.superclasses,
        [
            Superclass { id: store, brand: bound(store, vec![Type::Text]) },
            Superclass { id: store, brand: bound(store, vec![Type::Data]) },
        ]
    );
    let extra = method(both, "extra");
    let extra_results = struct_of(r.node(extra.result_struct_type).unwrap());
    assert_eq!(slot(field(extra_results, "y")), (0, &Type::Float32, &Value::Float32(0.5), true));
    assert_eq!(
        interface_of(node(&r, "generics.capnp:Empty")),
        &InterfaceNode { methods: vec![], superclasses: vec![] }
    );

    // Streaming: the result is stream.capnp's StreamResult.
    let streaming = interface_of(node(&r, "generics.capnp:Streaming"));
    assert_eq!(method(streaming, "write").result_struct_type, id_of(&r, "capnp/stream.capnp:StreamResult"));
    assert_eq!(r.requested_files[0].imports.len(), 2);
}

#[test]
fn consts() {
    let r = load("consts");
    assert_eq!(r.nodes.len(), 57);
    let c = |name: &str| const_of(node(&r, &format!("consts.capnp:{name}"))).1.clone();
    assert_eq!(c("void"), Value::Void);
    assert_eq!(c("bool"), Value::Bool(true));
    assert_eq!(c("int8"), Value::Int8(i8::MIN));
    assert_eq!(c("int16"), Value::Int16(i16::MIN));
    assert_eq!(c("int32"), Value::Int32(i32::MIN));
    assert_eq!(c("int64"), Value::Int64(i64::MIN));
    assert_eq!(c("uint8"), Value::UInt8(u8::MAX));
    assert_eq!(c("uint16"), Value::UInt16(u16::MAX));
    assert_eq!(c("uint32"), Value::UInt32(u32::MAX));
    assert_eq!(c("uint64"), Value::UInt64(u64::MAX));
    assert_eq!(c("float32"), Value::Float32(-1.25e-3));
    assert_eq!(c("float64"), Value::Float64(6.02214076e23));
    assert_eq!(c("text"), Value::Text(Some("café \"quoted\"".into())));
    assert_eq!(c("data"), Value::Data(Some(b"bytes\x00\xff".to_vec())));
    assert_eq!(c("enum"), Value::Enum(0));
    assert_eq!(c("reference"), c("text"));
    let Value::Struct(Some(st)) = c("struct") else { panic!() };
    assert_eq!(words(&st)[..2], [0x0002_0001_0000_0000, 200 ^ 3]);
    let Value::List(Some(list)) = c("list") else { panic!() };
    assert_eq!(words(&list), [0x0000_001d_0000_0001, i64::MAX as u64, u64::MAX, 0]); // 3 x 8 bytes
    let Value::List(Some(bools)) = c("boolList") else { panic!() };
    assert_eq!(words(&bools), [0x0000_0049_0000_0001, 0b1_0101_1001]); // 9 bits
    let Value::List(Some(empty)) = c("emptyList") else { panic!() };
    assert_eq!(words(&empty), [0x0000_0004_0000_0001]); // 0 x 4 bytes
    for name in ["structList", "textList", "dataList", "listOfLists", "enumList"] {
        assert!(matches!(c(name), Value::List(Some(_))), "{name}");
    }
    let (ty, Value::Struct(Some(_))) = const_of(node(&r, "consts.capnp:boxed")) else { panic!() };
    let box_id = id_of(&r, "imported.capnp:Box");
    assert_eq!(ty, &Type::Struct { type_id: box_id, brand: bound(box_id, vec![Type::Text]) });

    // Annotation declarations, one per target, and their uses.
    let everywhere = node(&r, "consts.capnp:everywhere");
    assert_eq!(everywhere.id, 0x9fbb_9fb9_ad3d_0c6f);
    assert_eq!(doc(&r, everywhere.id), Some("Applies to everything.\n"));
    let targets = |name: &str| match &node(&r, &format!("consts.capnp:{name}")).kind {
        NodeKind::Annotation { targets, .. } => *targets,
        other => panic!("{other:?}"),
    };
    let names = [
        "File",
        "Const",
        "Enum",
        "Enumerant",
        "Struct",
        "Field",
        "Union",
        "Group",
        "Interface",
        "Method",
        "Param",
        "Annotation",
    ];
    for (i, name) in names.iter().enumerate() {
        let mut expected = [false; 12];
        expected[i] = true;
        assert_eq!(targets(&format!("on{name}")), expected, "on{name}");
    }
    let id = |name: &str| id_of(&r, &format!("consts.capnp:{name}"));
    let file = node(&r, "consts.capnp");
    assert_eq!(file.annotations, [Annotation { id: id("onFile"), brand: Brand::default(), value: Value::Void }]);
    assert_eq!(
        node(&r, "consts.capnp:onSome").annotations,
        [Annotation { id: id("onAnnotation"), brand: Brand::default(), value: Value::Float64(1.5) }]
    );
    let e = node(&r, "consts.capnp:E");
    let values: Vec<&Value> = e.annotations.iter().map(|a| &a.value).collect();
    assert_eq!(values, [&Value::Int8(-1), &Value::Data(Some(vec![0xab])), &Value::Enum(1)]);
    let NodeKind::Enum(enumerants) = &e.kind else { panic!() };
    assert_eq!(enumerants[0].annotations[0].value, Value::Int16(-2));
    let s = node(&r, "consts.capnp:S");
    assert_eq!(s.annotations[0].value, Value::Int32(3));
    let f = field(struct_of(s), "f");
    assert_eq!(f.annotations[0].value, Value::Int64(4));
    let Value::List(Some(empty_text_list)) = &f.annotations[1].value else { panic!() };
    assert_eq!(words(empty_text_list), [0x0000_0006_0000_0001]); // 0 pointers
    assert_eq!(field(struct_of(s), "u").annotations[0].value, Value::UInt8(5));
    assert_eq!(field(struct_of(s), "g").annotations[0].value, Value::UInt16(6));
    let i = interface_of(node(&r, "consts.capnp:I"));
    assert_eq!(method(i, "m").annotations[0].value, Value::UInt64(9));
    assert_eq!(field(struct_of(node(&r, "consts.capnp:I.m$Params")), "p").annotations[0].value, Value::Float32(8.5));
    let annotated = node(&r, "consts.capnp:annotated");
    assert_eq!(annotated.annotations[0].value, Value::Bool(true));
    assert!(matches!(annotated.annotations[1].value, Value::Struct(Some(_))));
}

#[test]
fn several_requested_files() {
    let r = load("all");
    assert_eq!(r.nodes.len(), 104);
    let files: Vec<&str> = r.requested_files.iter().map(|f| f.filename.as_str()).collect();
    assert_eq!(files, ["basics.capnp", "generics.capnp", "consts.capnp"]);
    for file in &r.requested_files {
        assert_eq!(r.node(file.id).unwrap().kind, NodeKind::File);
    }
}

#[test]
fn official_schema_capnp() {
    let r = load("schema");
    assert_eq!(r.nodes.len(), 40);
    let file = &r.requested_files[0];
    assert_eq!(file.filename, "capnp/schema.capnp");
    assert_eq!(file.id, 0xa93f_c509_624c_72d9);
    assert_eq!(file.imports, [Import { id: id_of(&r, "capnp/c++.capnp"), name: "/capnp/c++.capnp".into() }]);
    let namespace = id_of(&r, "capnp/c++.capnp:namespace");
    assert_eq!(
        node(&r, "capnp/schema.capnp").annotations,
        [Annotation { id: namespace, brand: Brand::default(), value: Value::Text(Some("capnp::schema".into())) }]
    );
    let schema_node = struct_of(node(&r, "capnp/schema.capnp:Node"));
    assert_eq!((schema_node.data_word_count, schema_node.pointer_count), (5, 6));
    let field_node = struct_of(node(&r, "capnp/schema.capnp:Field"));
    let (offset, _, default, explicit) = slot(field(field_node, "discriminantValue"));
    assert_eq!((offset, default, explicit), (1, &Value::UInt16(0xffff), true));
    assert_eq!(
        enumerant_names(node(&r, "capnp/schema.capnp:ElementSize")),
        ["empty", "bit", "byte", "twoBytes", "fourBytes", "eightBytes", "pointer", "inlineComposite"]
    );
    let request = node(&r, "capnp/schema.capnp:CodeGeneratorRequest");
    assert_eq!(doc(&r, request.id), None);
    assert_eq!(member_doc(&r, request.id, 1), Some("Files which were listed on the command line.\n"));
}

/// A model with what the official compiler never writes: unbound bindings, AnyPointer values,
/// empty texts, other list encodings, a source info for an unknown node.
fn synthetic() -> CodeGeneratorRequest {
    let text_hi = vec![1, 0, 0, 0, 0x1a, 0, 0, 0, b'h', b'i', 0, 0, 0, 0, 0, 0];
    let generic = Type::Struct {
        type_id: 0x8000_0000_0000_0002,
        brand: Brand {
            scopes: vec![
                BrandScope {
                    scope_id: 0x8000_0000_0000_0002,
                    bind: Some(vec![Binding::Unbound, Binding::Type(Type::Text)]),
                },
                BrandScope { scope_id: 0x8000_0000_0000_0003, bind: None },
            ],
        },
    };
    let slot = |name: &str, offset: u32, ty: Type, value: Value| Field {
        name: name.into(),
        code_order: offset as u16,
        annotations: vec![],
        discriminant_value: Field::NO_DISCRIMINANT,
        kind: FieldKind::Slot { offset, ty, default_value: value, had_explicit_default: true },
        ordinal: Some(offset as u16),
    };
    CodeGeneratorRequest {
        capnp_version: (1, 2, 3),
        nodes: vec![
            Node {
                id: 0x8000_0000_0000_0001,
                display_name: "x.capnp".into(),
                display_name_prefix_length: 0,
                scope_id: 0,
                parameters: vec![],
                is_generic: false,
                nested_nodes: vec![NestedNode { name: "S".into(), id: 0x8000_0000_0000_0002 }],
                annotations: vec![Annotation {
                    id: 0x8000_0000_0000_0009,
                    brand: Brand { scopes: vec![BrandScope { scope_id: 7, bind: Some(vec![Binding::Unbound]) }] },
                    value: Value::AnyPointer(Some(text_hi.clone())),
                }],
                kind: NodeKind::File,
            },
            Node {
                id: 0x8000_0000_0000_0002,
                display_name: "x.capnp:S".into(),
                display_name_prefix_length: 8,
                scope_id: 0x8000_0000_0000_0001,
                parameters: vec!["A".into(), "B".into()],
                is_generic: true,
                nested_nodes: vec![],
                annotations: vec![],
                kind: NodeKind::Struct(StructNode {
                    data_word_count: 1,
                    pointer_count: 5,
                    preferred_list_encoding: ElementSize::Pointer,
                    is_group: false,
                    discriminant_count: 0,
                    discriminant_offset: 0,
                    fields: vec![
                        slot("a", 0, Type::AnyPointer(AnyPointer::AnyKind), Value::AnyPointer(Some(text_hi))),
                        slot("b", 1, Type::Text, Value::Text(Some(String::new()))),
                        slot("c", 2, Type::Data, Value::Data(Some(vec![]))),
                        slot("d", 3, generic, Value::Struct(None)),
                        slot("e", 4, Type::List(Box::new(Type::Float32)), Value::List(None)),
                    ],
                }),
            },
            Node {
                id: 0x8000_0000_0000_0004,
                display_name: "x.capnp:c".into(),
                display_name_prefix_length: 8,
                scope_id: 0x8000_0000_0000_0001,
                parameters: vec![],
                is_generic: false,
                nested_nodes: vec![],
                annotations: vec![],
                kind: NodeKind::Const {
                    ty: Type::Float64,
                    value: Value::Float64(f64::from_bits(0x7ff8_0000_0000_1234)),
                },
            },
        ],
        source_info: vec![
            SourceInfo {
                id: 0x8000_0000_0000_0002,
                doc_comment: Some(String::new()),
                members: vec![None, Some("b".into())],
            },
            SourceInfo { id: 0x1234, doc_comment: None, members: vec![] },
        ],
        requested_files: vec![RequestedFile {
            id: 0x8000_0000_0000_0001,
            filename: "x.capnp".into(),
            imports: vec![Import { id: 5, name: "/y.capnp".into() }],
        }],
    }
}

#[test]
fn synthetic_model_round_trips() {
    let model = synthetic();
    let bytes = write(&model);
    let message = capnp::serialize::read_message(&mut &bytes[..], capnp::message::ReaderOptions::new()).unwrap();
    assert!(message.is_canonical().unwrap());
    let again = read(&bytes).unwrap();
    assert_same_model(&model, &again);
    let NodeKind::Const { value: Value::Float64(nan), .. } = &again.nodes[2].kind else { panic!() };
    assert_eq!(nan.to_bits(), 0x7ff8_0000_0000_1234, "NaN payload kept");
    assert_eq!(write(&again), bytes);
}

#[test]
fn pointer_values_are_read_back_canonical() {
    // A struct value with a zero data word and a null pointer at its end: canonical form drops both.
    let padded = vec![0, 0, 0, 0, 2, 0, 1, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    let mut model = synthetic();
    model.nodes[2].kind =
        NodeKind::Const { ty: Type::AnyPointer(AnyPointer::Struct), value: Value::Struct(Some(padded)) };
    let again = read(&write(&model)).unwrap();
    let NodeKind::Const { value: Value::Struct(Some(bytes)), .. } = &again.nodes[2].kind else { panic!() };
    assert_eq!(words(bytes), [0x0000_0001_0000_0000, 7]);
}

#[test]
fn bad_input_is_an_error() {
    let good = fixture("imported");
    assert!(matches!(read(&[]), Err(Error::Message(_))));
    assert!(matches!(read(&good[..good.len() - 8]), Err(Error::Message(_))));
    let mut long = good.clone();
    long.extend_from_slice(&[0; 8]);
    assert_eq!(read(&long), Err(Error::TrailingBytes { count: 8 }));

    // An unknown union discriminant: the marker value's discriminant (UInt64 = 9) made 99.
    let mut model = synthetic();
    let marker = 0x0123_4567_89ab_cdef_u64;
    model.nodes[2].kind = NodeKind::Const { ty: Type::UInt64, value: Value::UInt64(marker) };
    let mut bytes = write(&model);
    let at = bytes.windows(8).position(|w| w == marker.to_le_bytes()).unwrap();
    assert_eq!(bytes[at - 8..at - 6], [9, 0]);
    bytes[at - 8] = 99;
    assert_eq!(read(&bytes), Err(Error::NotInSchema { what: "Value", value: 99 }));

    // Text that is not UTF-8.
    let mut message = capnp::message::Builder::new_default();
    {
        let root: capnp::schema_capnp::code_generator_request::Builder<'_> = message.init_root();
        let mut node = root.init_nodes(1).get(0);
        node.set_display_name(capnp::text::Reader::from(&b"bad \xff"[..]));
    }
    let bytes = capnp::serialize::write_message_to_words(&message);
    assert_eq!(read(&bytes), Err(Error::NotUtf8 { what: "Node.displayName" }));

    // A value whose bytes are not a message.
    let mut model = synthetic();
    model.nodes[2].kind =
        NodeKind::Const { ty: Type::AnyPointer(AnyPointer::AnyKind), value: Value::AnyPointer(Some(vec![1, 2, 3])) };
    assert!(matches!(try_write(&model), Err(Error::BadValue(_))));
}

#[test]
fn null_pointers_read_as_empty() {
    // A request with nothing set: every list empty, version 0.0.0.
    let mut message = capnp::message::Builder::new_default();
    message.init_root::<capnp::schema_capnp::code_generator_request::Builder<'_>>();
    let r = read(&capnp::serialize::write_message_to_words(&message)).unwrap();
    assert_eq!(
        r,
        CodeGeneratorRequest { capnp_version: (0, 0, 0), nodes: vec![], source_info: vec![], requested_files: vec![] }
    );

    // A node with null name, lists and union members.
    let mut message = capnp::message::Builder::new_default();
    {
        let root: capnp::schema_capnp::code_generator_request::Builder<'_> = message.init_root();
        root.init_nodes(1).get(0).init_const();
    }
    let r = read(&capnp::serialize::write_message_to_words(&message)).unwrap();
    assert_eq!(r.nodes[0].display_name, "");
    assert_eq!(r.nodes[0].kind, NodeKind::Const { ty: Type::Void, value: Value::Void });
}

/// Every CodeGeneratorRequest committed in the workspace (`*.cgr` and `*.request.bin`, outside
/// `target/` and hidden directories), by path.
fn committed_requests() -> Vec<std::path::PathBuf> {
    fn walk(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|entry| entry.unwrap().path()).collect();
        entries.sort();
        for path in entries {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                if !name.starts_with('.') && name != "target" {
                    walk(&path, found);
                }
            } else if name.ends_with(".cgr") || name.ends_with(".request.bin") {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")), &mut found);
    found
}

#[test]
fn every_committed_request_round_trips_byte_for_byte() {
    let paths = committed_requests();
    // tests/request (9), tests/embed (1), tests/layout (3), the derive fixture (1).
    assert!(paths.len() >= 14, "only {} requests found: {paths:?}", paths.len());
    for path in &paths {
        let original = std::fs::read(path).unwrap();
        let model = read(&original).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let ours = write(&model);
        assert!(ours == canonical(&original), "{}: not the canonical form of the committed request", path.display());
        assert_eq!(write(&read(&ours).unwrap()), ours, "{}: writing is not stable", path.display());
    }
}

#[test]
fn truncated_or_garbled_input_is_an_error_not_a_panic() {
    let good = fixture("generics");
    // Every truncation: the segment table announces more than follows.
    for len in 0..good.len() {
        assert!(matches!(read(&good[..len]), Err(Error::Message(_))), "cut at {len}");
    }
    // Every single byte flipped, and every word set to all ones: anything but a panic.
    for at in 0..good.len() {
        let mut bad = good.clone();
        bad[at] ^= 0xff;
        let _ = read(&bad);
    }
    for at in (8..good.len()).step_by(8) {
        let mut bad = good.clone();
        bad[at..at + 8].fill(0xff);
        let _ = read(&bad);
    }
    // Pseudo-random garbage behind a plausible segment table.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..200 {
        let mut bytes = vec![0, 0, 0, 0, 32, 0, 0, 0];
        for _ in 0..32 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            bytes.extend_from_slice(&state.to_le_bytes());
        }
        let _ = read(&bytes);
    }
    // A segment table announcing more than there is, and a root pointing past its segment.
    assert!(matches!(read(&[0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), Err(Error::Message(_))));
    assert!(matches!(read(&[0, 0, 0, 0, 1, 0, 0, 0, 0x10, 0, 0, 0, 0, 0, 4, 0]), Err(Error::Message(_))));
}

#[test]
fn a_pointer_value_holding_a_capability_is_a_bad_value() {
    let mut model = synthetic();
    // A capability pointer (kind 3), index 0, as the root of an AnyPointer value.
    let capability = vec![3, 0, 0, 0, 0, 0, 0, 0];
    model.nodes[2].kind =
        NodeKind::Const { ty: Type::AnyPointer(AnyPointer::Capability), value: Value::AnyPointer(Some(capability)) };
    assert!(matches!(try_write(&model), Err(Error::BadValue(_))));
}
