//! Types declared in imported files: each imported file is generated once, in a module named
//! after it (`units.capnp` → `units_capnp`). Schema: tests/schemas/imports/main.capnp.

mod drawing {
    capnzero::capnp_schema!("tests/schemas/imports/main.capnp");
}

use drawing::{geometry_capnp, units_capnp, Drawing};

#[test]
fn imported_types_are_generated_in_modules_of_their_own() {
    let shape = geometry_capnp::Shape {
        center: Some(geometry_capnp::Point { x: 1.0, y: -2.0 }),
        unit: units_capnp::Unit::Inch,
        union: geometry_capnp::shape::Union::Circle(0.5),
    };
    let drawing = Drawing {
        title: Some("plan".to_string()),
        shapes: Some(vec![shape.clone()]),
        unit: units_capnp::Unit::Millimetre,
        origin: None,
    };
    let bytes = capnzero::to_bytes(&drawing).unwrap();
    let message = capnzero::read::<Drawing>(&bytes).unwrap();
    let root = message.root();
    assert_eq!(root.unit(), units_capnp::Unit::Millimetre);
    let shapes = root.get_shapes();
    assert_eq!(shapes.len(), 1);
    let first = shapes.get(0).unwrap();
    assert_eq!(first.get_center().y(), -2.0);
    assert_eq!(first.unit(), units_capnp::Unit::Inch);
    assert!(matches!(first.which(), geometry_capnp::shape::Which::Circle(r) if r == 0.5));
    assert_eq!(root.to_owned(), drawing);
    assert_eq!(drawing::DEFAULT_UNIT, units_capnp::Unit::Millimetre);
    // Imported files are generated whole, with their own IDs.
    assert_eq!(<geometry_capnp::Unused as capnzero::Struct>::TYPE_ID, geometry_unused_id());
}

/// `capnp compile -o- tests/schemas/imports/shapes/geometry.capnp`, decoded: the ID of `Unused`.
fn geometry_unused_id() -> u64 {
    15042245351844550217
}
