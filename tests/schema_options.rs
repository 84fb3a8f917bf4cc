//! `$Rust.options`: extra derives on owned types, and boxed struct fields.

mod ordered {
    capnzero::capnp_schema!(
        inline = r#"
        @0xc2d4e6f8a0b1c3da;
        using Rust = import "/capnzero/annotate.capnp";
        $Rust.options(derive = "PartialOrd");

        struct Version {
          major @0 :UInt16;
          minor @1 :UInt16;
          tag :group {
            label @2 :Text;
          }
          union {
            stable @3 :Void;
            pre @4 :UInt8;
          }
        }

        struct Holder {
          big @0 :Version $Rust.options(boxed = on);
          small @1 :Version;
        }
        "#
    );
}

use ordered::*;

#[test]
fn file_derives_reach_structs_groups_and_unions() {
    let older = Version { major: 1, minor: 2, ..Default::default() };
    let newer = Version { major: 1, minor: 10, ..Default::default() };
    assert!(older < newer);
    assert!(version::Tag { label: Some("a".into()) } < version::Tag { label: Some("b".into()) });
    assert!(version::Union::Stable < version::Union::Pre(0));
    assert!(version::Union::Pre(1) < version::Union::Pre(2));
}

#[test]
fn a_boxed_field_holds_its_owned_value_in_a_box() {
    let version = Version { major: 3, ..Default::default() };
    let holder = Holder { big: Some(Box::new(version.clone())), small: Some(version.clone()) };
    let bytes = capnzero::to_bytes(&holder).unwrap();
    let message = capnzero::read::<Holder>(&bytes).unwrap();
    let owned = message.root().to_owned();
    let big: Option<Box<Version>> = owned.big.clone();
    assert_eq!(big.as_deref(), Some(&version));
    assert_eq!(owned, holder);
}
