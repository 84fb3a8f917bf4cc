//! Values written in schemas — defaults, constants, annotation arguments — checked against
//! their types and compiled into the model's [`Value`]s. Struct and list values are encoded as
//! single-segment messages (root pointer first), the form the model keeps them in.

use capnzero_runtime::{ElementSize, MessageBuilder, PointerBuilder, PointerReader};

use crate::ast::{Expr, ExprKind};
use crate::diagnostic::Span;
use crate::model::{AnyPointer, Binding, Brand, Field, FieldKind, NodeKind, Type, Value};

use super::entities::EntityKind;
use super::nodes::NodeCompiler;
use super::resolve::{Branded, ImplicitParams, Scope, Target};

impl NodeCompiler<'_, '_> {
    /// The name of a type as error messages give it.
    pub(super) fn type_name(&self, ty: &Type) -> String {
        match ty {
            Type::Void => "Void".into(),
            Type::Bool => "Bool".into(),
            Type::Int8 => "Int8".into(),
            Type::Int16 => "Int16".into(),
            Type::Int32 => "Int32".into(),
            Type::Int64 => "Int64".into(),
            Type::UInt8 => "UInt8".into(),
            Type::UInt16 => "UInt16".into(),
            Type::UInt32 => "UInt32".into(),
            Type::UInt64 => "UInt64".into(),
            Type::Float32 => "Float32".into(),
            Type::Float64 => "Float64".into(),
            Type::Text => "Text".into(),
            Type::Data => "Data".into(),
            Type::List(element) => format!("List({})", self.type_name(element)),
            Type::Enum { type_id, .. } | Type::Struct { type_id, .. } | Type::Interface { type_id, .. } => {
                match self.table.by_id.get(type_id) {
                    Some(&e) => self.table.entities[e].decl.name.value.clone(),
                    None => format!("@0x{type_id:x}"),
                }
            }
            Type::AnyPointer(_) => "AnyPointer".into(),
        }
    }

    fn mismatch(&mut self, file: usize, span: Span, ty: &Type) {
        let message = format!("Type mismatch; expected {}.", self.type_name(ty));
        self.diagnostics[file].error(span, message);
    }

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
        match &expr.kind {
            ExprKind::Unknown => None,
            ExprKind::PositiveInt(v) => self.integer(file, expr.span, *v as i128, ty),
            ExprKind::NegativeInt(v) => {
                if *v > 1u64 << 63 {
                    self.diagnostics[file].error(expr.span, "Integer is too big to be negative.");
                    return None;
                }
                self.integer(file, expr.span, -(*v as i128), ty)
            }
            ExprKind::Float(f) => match ty {
                Type::Float32 => Some(Value::Float32(*f as f32)),
                Type::Float64 => Some(Value::Float64(*f)),
                _ => {
                    self.mismatch(file, expr.span, ty);
                    None
                }
            },
            ExprKind::String(s) => match ty {
                Type::Text => match String::from_utf8(s.clone()) {
                    Ok(text) => Some(Value::Text(Some(text))),
                    Err(_) => {
                        self.diagnostics[file].error(expr.span, "Text must be valid UTF-8.");
                        None
                    }
                },
                Type::Data => Some(Value::Data(Some(s.clone()))),
                _ => {
                    self.mismatch(file, expr.span, ty);
                    None
                }
            },
            ExprKind::Binary(bytes) => match ty {
                Type::Data => Some(Value::Data(Some(bytes.clone()))),
                _ => {
                    self.mismatch(file, expr.span, ty);
                    None
                }
            },
            ExprKind::List(_) | ExprKind::Tuple(_) => {
                let mut message = MessageBuilder::default();
                if !self.write_pointer(scope, file, expr, ty, message.root()) {
                    return None;
                }
                let bytes = capnzero_runtime::canonicalize(message.as_reader().root()).ok()?;
                Some(match ty {
                    Type::List(_) => Value::List(Some(bytes)),
                    _ => Value::Struct(Some(bytes)),
                })
            }
            ExprKind::RelativeName(name) if self.named_value(ty, &name.value).is_some() => {
                self.named_value(ty, &name.value)
            }
            ExprKind::RelativeName(_)
            | ExprKind::AbsoluteName(_)
            | ExprKind::Member { .. }
            | ExprKind::Import(_)
            | ExprKind::Application { .. } => self.constant_value(scope, file, expr, ty),
            ExprKind::Embed(path) => {
                self.diagnostics[file].error(path.span, format!("Couldn't read file for embed: {}", path.value));
                None
            }
        }
    }

    /// `void`, `true`, `false`, `inf`, `nan` and enumerant names.
    fn named_value(&self, ty: &Type, name: &str) -> Option<Value> {
        if let Type::Enum { type_id, .. } = ty {
            let &entity = self.table.by_id.get(type_id)?;
            let decl = self.table.entities[entity].decl;
            return self.enumerant_ordinal(decl, name).map(Value::Enum);
        }
        match (name, ty) {
            ("void", Type::Void) => Some(Value::Void),
            ("true", Type::Bool) => Some(Value::Bool(true)),
            ("false", Type::Bool) => Some(Value::Bool(false)),
            ("inf", Type::Float32) => Some(Value::Float32(f32::INFINITY)),
            ("inf", Type::Float64) => Some(Value::Float64(f64::INFINITY)),
            ("nan", Type::Float32) => Some(Value::Float32(f32::NAN)),
            ("nan", Type::Float64) => Some(Value::Float64(f64::NAN)),
            _ => None,
        }
    }

    fn enumerant_ordinal(&self, decl: &crate::ast::Declaration, name: &str) -> Option<u16> {
        decl.nested.iter().find(|e| e.name.value == name).and_then(|e| match &e.id {
            crate::ast::DeclId::Ordinal(o) => Some(o.value as u16),
            _ => None,
        })
    }

    /// A name that refers to a constant: its value, if its type is `ty`.
    fn constant_value(&mut self, scope: usize, file: usize, expr: &Expr, ty: &Type) -> Option<Value> {
        let brand = Scope::of_entity(self.table, scope);
        let resolver = self.resolver(file);
        let branded =
            resolver.decl_expression(scope, expr, &brand, ImplicitParams::default(), &mut self.diagnostics[file])?;
        let entity = match branded {
            Branded::Decl { target: Target::Entity(e), .. } if self.table.entities[e].kind == EntityKind::Const => e,
            _ => {
                let text = super::resolve::expression_string(expr);
                self.diagnostics[file].error(expr.span, format!("'{text}' does not refer to a constant."));
                return None;
            }
        };
        let node = self.node(entity)?;
        let NodeKind::Const { ty: const_ty, value } = &node.kind else { return None };
        if const_ty == ty {
            return Some(value.clone());
        }
        // Numbers convert as literals would: integers to any integer type they fit and to
        // floats, floats between float types.
        let value = value.clone();
        let number = match value {
            Value::Int8(v) => Some(v as i128),
            Value::Int16(v) => Some(v as i128),
            Value::Int32(v) => Some(v as i128),
            Value::Int64(v) => Some(v as i128),
            Value::UInt8(v) => Some(v as i128),
            Value::UInt16(v) => Some(v as i128),
            Value::UInt32(v) => Some(v as i128),
            Value::UInt64(v) => Some(v as i128),
            _ => None,
        };
        match (number, value, ty) {
            (Some(n), _, _) => self.integer(file, expr.span, n, ty),
            (None, Value::Float32(f), Type::Float64) => Some(Value::Float64(f as f64)),
            (None, Value::Float64(f), Type::Float32) => Some(Value::Float32(f as f32)),
            _ => {
                self.mismatch(file, expr.span, ty);
                None
            }
        }
    }

    fn integer(&mut self, file: usize, span: Span, v: i128, ty: &Type) -> Option<Value> {
        let (min, max): (i128, i128) = match ty {
            Type::Int8 => (i8::MIN as i128, i8::MAX as i128),
            Type::Int16 => (i16::MIN as i128, i16::MAX as i128),
            Type::Int32 => (i32::MIN as i128, i32::MAX as i128),
            Type::Int64 => (i64::MIN as i128, i64::MAX as i128),
            Type::UInt8 => (0, u8::MAX as i128),
            Type::UInt16 => (0, u16::MAX as i128),
            Type::UInt32 => (0, u32::MAX as i128),
            Type::UInt64 => (0, u64::MAX as i128),
            Type::Float32 => return Some(Value::Float32(v as f32)),
            Type::Float64 => return Some(Value::Float64(v as f64)),
            _ => {
                self.mismatch(file, span, ty);
                return None;
            }
        };
        let v = if v < min || v > max {
            self.diagnostics[file].error(span, "Integer value out of range.");
            v.clamp(min, max)
        } else {
            v
        };
        Some(match ty {
            Type::Int8 => Value::Int8(v as i8),
            Type::Int16 => Value::Int16(v as i16),
            Type::Int32 => Value::Int32(v as i32),
            Type::Int64 => Value::Int64(v as i64),
            Type::UInt8 => Value::UInt8(v as u8),
            Type::UInt16 => Value::UInt16(v as u16),
            Type::UInt32 => Value::UInt32(v as u32),
            _ => Value::UInt64(v as u64),
        })
    }

    /// Writes the pointer value `expr` of type `ty` into `dest`. False on error (reported).
    fn write_pointer(&mut self, scope: usize, file: usize, expr: &Expr, ty: &Type, dest: PointerBuilder<'_>) -> bool {
        match (&expr.kind, ty) {
            (ExprKind::List(items), Type::List(element)) => self.write_list(scope, file, items, element, dest),
            (ExprKind::Tuple(elements), Type::Struct { type_id, brand }) => {
                let Some(&entity) = self.table.by_id.get(type_id) else { return false };
                let Some(node) = self.node(entity).cloned() else { return false };
                let NodeKind::Struct(s) = &node.kind else { return false };
                let mut builder = dest.init_struct(s.data_word_count, s.pointer_count);
                self.fill_struct(scope, file, &node, brand, elements, &mut builder)
            }
            _ => match self.compile_value(scope, file, expr, ty) {
                Some(value) => write_compiled(dest, &value),
                None => false,
            },
        }
    }

    fn fill_struct(
        &mut self,
        scope: usize,
        file: usize,
        node: &crate::model::Node,
        brand: &Brand,
        elements: &[crate::ast::TupleElement],
        builder: &mut capnzero_runtime::StructBuilder<'_>,
    ) -> bool {
        let NodeKind::Struct(s) = &node.kind else { return false };
        let mut ok = true;
        for element in elements {
            let Some(name) = &element.name else {
                self.diagnostics[file].error(element.value.span, "Missing field name.");
                ok = false;
                continue;
            };
            let Some(field) = s.fields.iter().find(|f| f.name == name.value) else {
                self.diagnostics[file].error(name.span, format!("Struct has no field named '{}'.", name.value));
                ok = false;
                continue;
            };
            if field.discriminant_value != Field::NO_DISCRIMINANT {
                builder.set::<u16>(s.discriminant_offset as usize, field.discriminant_value);
            }
            match &field.kind {
                FieldKind::Group { type_id } => {
                    let ExprKind::Tuple(inner) = &element.value.kind else {
                        self.diagnostics[file].error(element.value.span, "Type mismatch; expected group.");
                        ok = false;
                        continue;
                    };
                    let Some(&group_node) = self.group_nodes.get(type_id) else { continue };
                    let group = self.all_nodes[group_node].clone();
                    ok &= self.fill_struct(scope, file, &group, brand, inner, builder);
                }
                FieldKind::Slot { offset, ty, default_value, .. } => {
                    let offset = *offset;
                    let ty = &substitute(ty, brand);
                    if is_pointer_type(ty) {
                        let Some(dest) = builder.pointer(offset as u16) else { continue };
                        ok &= self.write_pointer(scope, file, &element.value, ty, dest);
                    } else if let Some(value) = self.compile_value(scope, file, &element.value, ty) {
                        write_primitive(builder, offset as usize, &value, default_value);
                    } else {
                        ok = false;
                    }
                }
            }
        }
        ok
    }

    fn write_list(
        &mut self,
        scope: usize,
        file: usize,
        items: &[Expr],
        element: &Type,
        dest: PointerBuilder<'_>,
    ) -> bool {
        let count = items.len() as u32;
        if let Type::Struct { type_id, brand } = element {
            let Some(&entity) = self.table.by_id.get(type_id) else { return false };
            let Some(node) = self.node(entity).cloned() else { return false };
            let NodeKind::Struct(s) = &node.kind else { return false };
            let Ok(mut list) = dest.init_struct_list(count, s.data_word_count, s.pointer_count) else { return false };
            let mut ok = true;
            for (i, item) in items.iter().enumerate() {
                let ExprKind::Tuple(elements) = &item.kind else {
                    self.mismatch(file, item.span, element);
                    ok = false;
                    continue;
                };
                let Ok(mut builder) = list.get_struct(i as u32) else { continue };
                ok &= self.fill_struct(scope, file, &node, brand, elements, &mut builder);
            }
            return ok;
        }
        if is_pointer_type(element) {
            let Ok(mut list) = dest.init_list(ElementSize::Pointer, count) else { return false };
            let mut ok = true;
            for (i, item) in items.iter().enumerate() {
                let Ok(slot) = list.get_pointer(i as u32) else { continue };
                ok &= self.write_pointer(scope, file, item, element, slot);
            }
            return ok;
        }
        let size = primitive_element_size(element);
        let Ok(mut list) = dest.init_list(size, count) else { return false };
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match self.compile_value(scope, file, item, element) {
                Some(value) => {
                    set_list_element(&mut list, i as u32, &value);
                }
                None => ok = false,
            }
        }
        ok
    }
}

fn is_pointer_type(ty: &Type) -> bool {
    matches!(
        ty,
        Type::Text | Type::Data | Type::List(_) | Type::Struct { .. } | Type::Interface { .. } | Type::AnyPointer(_)
    )
}

fn primitive_element_size(ty: &Type) -> ElementSize {
    match ty {
        Type::Void => ElementSize::Void,
        Type::Bool => ElementSize::Bit,
        Type::Int8 | Type::UInt8 => ElementSize::Byte,
        Type::Int16 | Type::UInt16 | Type::Enum { .. } => ElementSize::TwoBytes,
        Type::Int32 | Type::UInt32 | Type::Float32 => ElementSize::FourBytes,
        _ => ElementSize::EightBytes,
    }
}

fn set_list_element(list: &mut capnzero_runtime::ListBuilder<'_>, i: u32, value: &Value) {
    let _ = match *value {
        Value::Void => Ok(()),
        Value::Bool(v) => list.set_bool(i, v),
        Value::Int8(v) => list.set(i, v),
        Value::Int16(v) => list.set(i, v),
        Value::Int32(v) => list.set(i, v),
        Value::Int64(v) => list.set(i, v),
        Value::UInt8(v) => list.set(i, v),
        Value::UInt16(v) => list.set(i, v),
        Value::UInt32(v) => list.set(i, v),
        Value::UInt64(v) => list.set(i, v),
        Value::Float32(v) => list.set(i, v),
        Value::Float64(v) => list.set(i, v),
        Value::Enum(v) => list.set(i, v),
        _ => Ok(()),
    };
}

/// Stores a primitive field value, XORed with the field's default as the wire requires.
fn write_primitive(builder: &mut capnzero_runtime::StructBuilder<'_>, offset: usize, value: &Value, default: &Value) {
    match (value, default) {
        (Value::Bool(v), Value::Bool(d)) => builder.set_bool_or(offset, *v, *d),
        (Value::Int8(v), Value::Int8(d)) => builder.set_or(offset, *v, *d),
        (Value::Int16(v), Value::Int16(d)) => builder.set_or(offset, *v, *d),
        (Value::Int32(v), Value::Int32(d)) => builder.set_or(offset, *v, *d),
        (Value::Int64(v), Value::Int64(d)) => builder.set_or(offset, *v, *d),
        (Value::UInt8(v), Value::UInt8(d)) => builder.set_or(offset, *v, *d),
        (Value::UInt16(v), Value::UInt16(d)) => builder.set_or(offset, *v, *d),
        (Value::UInt32(v), Value::UInt32(d)) => builder.set_or(offset, *v, *d),
        (Value::UInt64(v), Value::UInt64(d)) => builder.set_or(offset, *v, *d),
        (Value::Float32(v), Value::Float32(d)) => builder.set_or(offset, *v, *d),
        (Value::Float64(v), Value::Float64(d)) => builder.set_or(offset, *v, *d),
        (Value::Enum(v), Value::Enum(d)) => builder.set_or(offset, *v, *d),
        _ => {}
    }
}

/// Writes an already compiled pointer value into `dest`.
fn write_compiled(dest: PointerBuilder<'_>, value: &Value) -> bool {
    match value {
        Value::Text(Some(text)) => dest.set_text(text).is_ok(),
        Value::Data(Some(data)) => dest.set_data(data).is_ok(),
        Value::List(Some(bytes)) | Value::Struct(Some(bytes)) | Value::AnyPointer(Some(bytes)) => {
            dest.set_copy_of(PointerReader::constant(bytes)).is_ok()
        }
        _ => true,
    }
}

/// A field's type as seen through the brand of the struct value being written: generic
/// parameters bound by the brand become their bound types.
fn substitute(ty: &Type, brand: &Brand) -> Type {
    match ty {
        Type::AnyPointer(AnyPointer::Parameter { scope_id, index }) => {
            let bound = brand
                .scopes
                .iter()
                .find(|s| s.scope_id == *scope_id)
                .and_then(|s| s.bind.as_ref())
                .and_then(|bindings| bindings.get(*index as usize));
            match bound {
                Some(Binding::Type(t)) => t.clone(),
                Some(Binding::Unbound) => Type::AnyPointer(AnyPointer::AnyKind),
                None => ty.clone(),
            }
        }
        Type::List(element) => Type::List(Box::new(substitute(element, brand))),
        other => other.clone(),
    }
}
