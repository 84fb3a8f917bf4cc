//! `$Rust.options(…)`: code generation settings on a file, a struct or a field.
//!
//! - `derive = "PartialOrd, serde::Serialize"` adds derives to the owned types of structs,
//!   groups and unions, adding up from the file through the enclosing structs to the struct.
//! - `boxed = on` on a field of struct type holds its owned value as `Box<T>`.
//! - `reflection` is not applied yet: turning it off is a compile error.

use std::collections::HashMap;

use capnzero_runtime::PointerReader;

use crate::model::{Annotation, FieldKind, NodeKind, Type, Value};

use super::{At, GenerateError, Plan};

/// The settings of one `$Rust.options` annotation.
#[derive(Debug, Default)]
struct Options {
    derive: Vec<String>,
    /// `Switch`: 0 inherit, 1 off, 2 on.
    reflection: u16,
    boxed: u16,
}

const OFF: u16 = 1;
const ON: u16 = 2;

/// Traits the generator implements itself, or which a key decides.
const GIVEN: [&str; 6] = ["Default", "Clone", "Debug", "PartialEq", "Eq", "Hash"];

impl Plan<'_> {
    /// The options a list of annotations sets, if one is `$Rust.options`.
    fn options_in(&self, annotations: &[Annotation]) -> Option<Options> {
        annotations.iter().find_map(|a| {
            let decl = self.nodes.get(&a.id)?;
            if decl.display_name != "capnzero/annotate.capnp:options" {
                return None;
            }
            let Value::Struct(words) = &a.value else { return Some(Options::default()) };
            let words = words.as_deref().unwrap_or(&[]);
            let Ok(Some(st)) = PointerReader::constant(words).get_struct() else { return Some(Options::default()) };
            let derive = st.pointer(0).get_text().ok().flatten().and_then(|t| t.as_str().ok().map(str::to_string));
            let derive =
                derive.unwrap_or_default().split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
            Some(Options { derive, reflection: st.get::<u16>(0), boxed: st.get::<u16>(1) })
        })
    }

    /// Fills `derives` and adds the fields `boxed = on` boxes to `boxed`; an error for each
    /// setting that cannot be applied.
    pub(super) fn plan_options(&mut self) {
        let mut derives: HashMap<u64, Vec<String>> = HashMap::new();
        let mut boxed = Vec::new();
        let mut errors = Vec::new();
        for (&id, _) in self.locs.iter() {
            let Some(node) = self.nodes.get(&id) else { continue };
            let NodeKind::Struct(st) = &node.kind else { continue };
            // The scopes from the file down to the struct.
            let mut chain = Vec::new();
            let mut at = Some(*node);
            for _ in 0..self.nodes.len() {
                let Some(scope) = at else { break };
                chain.push(scope);
                at = self.nodes.get(&scope.scope_id).copied();
            }
            let mut list: Vec<String> = Vec::new();
            for scope in chain.iter().rev() {
                let Some(options) = self.options_in(&scope.annotations) else { continue };
                if scope.id == id && options.reflection == OFF {
                    errors.push(GenerateError::new(
                        At::Node(scope.id),
                        format!("{}: capnzero does not generate `$options(reflection = off)` yet", scope.display_name),
                    ));
                }
                for path in options.derive {
                    if GIVEN.contains(&path.as_str()) {
                        errors.push(GenerateError::new(
                            At::Node(scope.id),
                            format!(
                            "{}: `{path}` in `$options(derive = …)`: capnzero implements it already (for `PartialEq`, \
                             `Eq` and `Hash` use a key)",
                            scope.display_name
                        ),
                        ));
                    } else if path.parse::<proc_macro2::TokenStream>().is_err() {
                        errors.push(GenerateError::new(
                            At::Node(scope.id),
                            format!("{}: `{path}` in `$options(derive = …)` is not a Rust path", scope.display_name),
                        ));
                    } else if !list.contains(&path) {
                        list.push(path);
                    }
                }
            }
            if !list.is_empty() {
                derives.insert(id, list);
            }
            for (index, field) in st.fields.iter().enumerate() {
                let Some(options) = self.options_in(&field.annotations) else { continue };
                let at = format!("{}.{}", node.display_name, field.name);
                if !options.derive.is_empty() || options.reflection != 0 {
                    errors.push(GenerateError::new(
                        At::Member(id, index),
                        format!("{at}: on a field, `$options` takes only `boxed`"),
                    ));
                }
                if options.boxed == ON {
                    match &field.kind {
                        FieldKind::Slot { ty: Type::Struct { .. }, .. } => boxed.push((id, index)),
                        _ => errors.push(GenerateError::new(
                            At::Member(id, index),
                            format!("{at}: `$options(boxed = on)` applies to struct fields only"),
                        )),
                    }
                }
            }
        }
        self.derives = derives;
        self.boxed.extend(boxed);
        self.errors.extend(errors);
    }
}
