//! Values written in schemas — defaults, constants, annotation arguments — checked against
//! their types and compiled into the model's [`Value`]s. Struct and list values are encoded as
//! single-segment messages (root pointer first), the form the model keeps them in.
//!
//! The translation itself is [`crate::translate`], shared with the text format; this module
//! gives it what the compiler knows: nodes (compiled on demand), enumerants, constants (names
//! resolved from the scope the value is written in) and embedded files (read when the files
//! were loaded).

use std::sync::Arc;

use crate::ast::{DeclId, DeclKind, Expr, ExprKind, Located};
use crate::diagnostic::Span;
use crate::model::{NodeKind, StructNode, Type, Value};
use crate::translate::{Context, Translator};

use super::entities::EntityKind;
use super::nodes::NodeCompiler;
use super::resolve::{Branded, ImplicitParams, Scope, Target};

impl NodeCompiler<'_, '_> {
    /// The default of a field with no default written: zero, or null.
    pub(super) fn default_default(ty: &Type) -> Value {
        match ty {
            Type::Void => Value::Void,
            Type::Bool => Value::Bool(false),
            Type::Int8 => Value::Int8(0),
            Type::Int16 => Value::Int16(0),
            Type::Int32 => Value::Int32(0),
            Type::Int64 => Value::Int64(0),
            Type::UInt8 => Value::UInt8(0),
            Type::UInt16 => Value::UInt16(0),
            Type::UInt32 => Value::UInt32(0),
            Type::UInt64 => Value::UInt64(0),
            Type::Float32 => Value::Float32(0.0),
            Type::Float64 => Value::Float64(0.0),
            Type::Text => Value::Text(None),
            Type::Data => Value::Data(None),
            Type::List(_) => Value::List(None),
            Type::Enum { .. } => Value::Enum(0),
            Type::Struct { .. } => Value::Struct(None),
            Type::Interface { .. } => Value::Interface,
            Type::AnyPointer(_) => Value::AnyPointer(None),
        }
    }

    /// Compiles `expr` as a value of type `ty`, seen from entity `scope` of file `file`.
    pub(super) fn compile_value(&mut self, scope: usize, file: usize, expr: &Expr, ty: &Type) -> Option<Value> {
        let mut context = ValueContext { compiler: self, scope, file };
        Translator::new(&mut context).value(expr, ty)
    }
}

/// The compiler as the translator's [`Context`], for one value written in entity `scope` of
/// file `file`.
struct ValueContext<'a, 't, 'f> {
    compiler: &'a mut NodeCompiler<'t, 'f>,
    scope: usize,
    file: usize,
}

impl Context for ValueContext<'_, '_, '_> {
    fn struct_node(&mut self, id: u64) -> Option<Arc<StructNode>> {
        let c = &mut *self.compiler;
        let node = match c.group_nodes.get(&id) {
            Some(&index) => c.all_nodes.get(index)?,
            None => {
                let &entity = c.table.by_id.get(&id)?;
                c.node(entity)?
            }
        };
        match &node.kind {
            NodeKind::Struct(s) => Some(Arc::new(s.clone())),
            _ => None,
        }
    }

    /// The enumerant's number is its place in the enum's list of enumerants, which is sorted
    /// by ordinal (as the official compiler lists them, truncating ordinals to 32 bits, code
    /// order among equals): the ordinal itself when the ordinals are right, not when some are
    /// missing or repeated (errors that still let the value be checked against its type).
    fn enumerant(&mut self, id: u64, name: &str) -> Option<u16> {
        let table = self.compiler.table;
        let &entity = table.by_id.get(&id)?;
        let decl = table.entities[entity].decl;
        let mut ordinals: Vec<(u32, &str)> = decl
            .nested
            .iter()
            .filter(|d| d.kind == DeclKind::Enumerant)
            .filter_map(|d| match &d.id {
                DeclId::Ordinal(o) => Some((o.value as u32, d.name.value.as_str())),
                _ => None,
            })
            .collect();
        ordinals.sort_by_key(|&(ordinal, _)| ordinal);
        let index = ordinals.iter().position(|&(_, n)| n == name)?;
        u16::try_from(index).ok()
    }

    fn node_name(&mut self, id: u64) -> String {
        let table = self.compiler.table;
        match table.by_id.get(&id) {
            Some(&e) => table.entities[e].decl.name.value.clone(),
            None => format!("@0x{id:x}"),
        }
    }

    fn constant(&mut self, expr: &Expr) -> Option<(Type, Value)> {
        let (scope, file) = (self.scope, self.file);
        let c = &mut *self.compiler;
        let brand = Scope::of_entity(c.table, scope);
        let resolver = c.resolver(file);
        let branded =
            resolver.decl_expression(scope, expr, &brand, ImplicitParams::default(), &mut c.diagnostics[file])?;
        let entity = match branded {
            Branded::Decl { target: Target::Entity(e), .. } if c.table.entities[e].kind == EntityKind::Const => e,
            _ => {
                let text = expr.to_string();
                c.diagnostics[file].error(expr.span, format!("'{text}' does not refer to a constant."));
                return None;
            }
        };
        let (ty, value) = match &c.node(entity)?.kind {
            NodeKind::Const { ty, value } => (ty.clone(), value.clone()),
            _ => return None,
        };
        // A bare name inside a list or struct value is as much an error as a bare name given
        // as the whole value (reported already, when it is one: each place is reported once).
        if let ExprKind::RelativeName(_) = &expr.kind {
            c.unqualified_constant(file, expr, entity);
        }
        Some((ty, value))
    }

    fn embed(&mut self, path: &Located<String>) -> Option<Vec<u8>> {
        let file = &self.compiler.files[self.file];
        match file.embeds.iter().find(|(p, _)| *p == path.value) {
            Some((_, Some(bytes))) => Some(bytes.clone()),
            _ => {
                let message = format!("Couldn't read file for embed: {}", path.value);
                self.compiler.diagnostics[self.file].error(path.span, message);
                None
            }
        }
    }

    fn error(&mut self, span: Span, message: String) {
        self.compiler.diagnostics[self.file].error(span, message);
    }
}
