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

/// The units file generated on its own, and the geometry file with its units taken from it.
mod units {
    capnzero::capnp_schema!("tests/schemas/imports/units.capnp");
}

mod geometry {
    capnzero::capnp_schema!(
        "tests/schemas/imports/shapes/geometry.capnp",
        imports = { "tests/schemas/imports/units.capnp": crate::units },
    );
}

/// The drawing with both imports taken from the modules above.
mod shared_drawing {
    capnzero::capnp_schema!(
        "tests/schemas/imports/main.capnp",
        imports = {
            "tests/schemas/imports/units.capnp": crate::units,
            "tests/schemas/imports/shapes/geometry.capnp": crate::geometry,
        }
    );
}

#[test]
fn mapped_imports_share_the_types_another_invocation_generated() {
    // One `Unit` type for all three invocations: a value of `units::Unit` is what the other
    // modules' fields hold, with no conversion.
    let point = geometry::Point { x: 3.0, y: 4.0 };
    let shape = geometry::Shape {
        center: Some(point.clone()),
        unit: units::Unit::Inch,
        union: geometry::shape::Union::Circle(2.0),
    };
    let drawing = shared_drawing::Drawing {
        title: Some("shared".to_string()),
        shapes: Some(vec![shape.clone()]),
        unit: units::Unit::Millimetre,
        origin: Some(point),
    };
    let bytes = capnzero::to_bytes(&drawing).unwrap();
    let message = capnzero::read::<shared_drawing::Drawing>(&bytes).unwrap();
    let root = message.root();
    let unit: units::Unit = root.unit();
    assert_eq!(unit, units::Unit::Millimetre);
    let first: geometry::ShapeReader<'_> = root.get_shapes().get(0).unwrap();
    assert_eq!(first.unit(), units::Unit::Inch);
    assert_eq!(first.to_owned(), shape);
    assert_eq!(root.to_owned(), drawing);
    // The same bytes read through the invocation that generated its own copies.
    let own = capnzero::read::<drawing::Drawing>(&bytes).unwrap();
    assert_eq!(own.root().unit(), drawing::units_capnp::Unit::Millimetre);
}

mod bound {
    capnzero::capnp_schema!("tests/schemas/imports/bound.capnp");
}

#[test]
fn a_generic_bound_to_an_imported_struct_generates_the_import() {
    use bound::{geometry_capnp, Boxed};
    let boxed = Boxed { point: Some(bound::Box { value: Some(geometry_capnp::Point { x: 3.0, y: 4.0 }) }) };
    let bytes = capnzero::to_bytes(&boxed).unwrap();
    let message = capnzero::read::<Boxed>(&bytes).unwrap();
    let point = message.root().get_point().value().unwrap();
    assert_eq!((point.x(), point.y()), (3.0, 4.0));
    assert_eq!(message.root().to_owned(), boxed);
}
