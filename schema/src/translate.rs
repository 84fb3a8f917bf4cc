//! Translating value expressions into message contents.
//!
//! One translator serves both places where Cap'n Proto values are written as text: the
//! compiler's defaults, constants and annotation arguments, and the text format that
//! `capnp encode` reads. The official tool does the same with one `ValueTranslator`; this
//! module follows its rules:
//!
//! - an expression is evaluated with the expected type as a hint (a bare name is an
//!   enumerant when an enum is expected, else `void`, `true`, `false`, `nan` or `inf`, else a
//!   constant), and the result is then checked against the type ("Type mismatch; expected
//!   T.");
//! - integers are checked against the range of the type (an out-of-range value is reported
//!   and clamped), any integer converts to a float type, a string is Data where Data is
//!   expected;
//! - struct values fill the fields named, setting union discriminants as members are set; a
//!   group is cleared before it is filled; a list or struct with bad elements is still
//!   written, with the bad elements left zero;
//! - a constant is read as its stored value: one of an enum type is its number, one of an
//!   interface type is Void;
//! - a value whose type is a generic parameter that is not bound cannot be interpreted.
//!
//! What differs between the two uses goes through [`Context`]: finding nodes, resolving names
//! that are constants (the text format has none), reading embedded files (the text format has
//! none), and reporting errors.

use std::sync::Arc;

use capnzero_runtime::{
    canonicalize, ElementSize, ListBuilder, MessageBuilder, MessageReader, PointerBuilder, ReaderOptions, StructBuilder,
};

use crate::ast::{Expr, ExprKind, Located, TupleElement};
use crate::diagnostic::Span;
use crate::model::{AnyPointer, Binding, Brand, BrandScope, Field, FieldKind, StructNode, Type, Value};
use crate::type_name::{type_name, AnyPointers};

/// What the translator needs from the place it works for.
pub(crate) trait Context {
    /// The struct or group node `id`: its layout and fields.
    fn struct_node(&mut self, id: u64) -> Option<Arc<StructNode>>;

    /// The ordinal of the enumerant `name` of the enum `id`, if it has one by that name.
    fn enumerant(&mut self, id: u64, name: &str) -> Option<u16>;

    /// The name of the struct, enum or interface `id` as error messages give it.
    fn node_name(&mut self, id: u64) -> String;

    /// The type and value of the constant `expr` names. `None` when it names none, after
    /// reporting why.
    fn constant(&mut self, expr: &Expr) -> Option<(Type, Value)>;

    /// The bytes of the file an `embed` names. `None` when it cannot be read, after reporting
    /// why.
    fn embed(&mut self, path: &Located<String>) -> Option<Vec<u8>>;

    /// Reports an error at `span`.
    fn error(&mut self, span: Span, message: String);
}

pub(crate) use capnzero_model::model::UNLIMITED;

const UNBOUND_PARAMETER: &str = "Cannot interpret value because the type is a generic type parameter which is not \
                                 yet bound. We don't know what type to expect here.";

/// Evaluates expressions and writes them into messages, reporting errors to its context.
pub(crate) struct Translator<'c, C: Context + ?Sized> {
    ctx: &'c mut C,
}

impl<'c, C: Context + ?Sized> Translator<'c, C> {
    /// A translator working for `ctx`.
    pub(crate) fn new(ctx: &'c mut C) -> Translator<'c, C> {
        Translator { ctx }
    }

    fn mismatch<T>(&mut self, span: Span, ty: &Type) -> Option<T> {
        let name = type_name(ty, AnyPointers::Unconstrained, &mut |id| self.ctx.node_name(id));
        let message = format!("Type mismatch; expected {name}.");
        self.ctx.error(span, message);
        None
    }

    /// Reports (and says) whether `ty` is a generic parameter no brand binds.
    fn unbound(&mut self, expr: &Expr, ty: &Type) -> bool {
        let unbound =
            matches!(ty, Type::AnyPointer(AnyPointer::Parameter { .. } | AnyPointer::ImplicitMethodParameter { .. }));
        if unbound {
            self.ctx.error(expr.span, UNBOUND_PARAMETER.into());
        }
        unbound
    }

    /// The value of `expr` as a `ty`. Text and Data are [`Value::Text`] and [`Value::Data`];
    /// structs and lists are messages in canonical form (see [`Value::Struct`]). `None` after
    /// an error that leaves no value; a struct or list with errors inside is still a value.
    pub(crate) fn value(&mut self, expr: &Expr, ty: &Type) -> Option<Value> {
        if self.unbound(expr, ty) {
            return None;
        }
        match &expr.kind {
            ExprKind::Unknown => None,
            ExprKind::RelativeName(name) => self.name_value(expr, &name.value, ty),
            ExprKind::AbsoluteName(_)
            | ExprKind::Import(_)
            | ExprKind::Application { .. }
            | ExprKind::Member { .. } => self.constant(expr, ty),
            ExprKind::Embed(path) => {
                if matches!(ty, Type::Struct { .. }) {
                    return self.pointer_value(expr, ty);
                }
                let bytes = self.ctx.embed(path)?;
                match ty {
                    Type::Text => self.text(expr.span, bytes),
                    Type::Data => Some(Value::Data(Some(bytes))),
                    _ => {
                        self.ctx.error(
                            expr.span,
                            "Embeds can only be used when Text, Data, or a struct is expected.".into(),
                        );
                        None
                    }
                }
            }
            ExprKind::PositiveInt(v) => self.integer(expr.span, *v as i128, ty),
            ExprKind::NegativeInt(v) => {
                if *v > 1u64 << 63 {
                    self.ctx.error(expr.span, "Integer is too big to be negative.".into());
                    return None;
                }
                self.integer(expr.span, -(*v as i128), ty)
            }
            ExprKind::Float(f) => self.float(expr.span, *f, ty),
            ExprKind::String(bytes) => match ty {
                Type::Data => Some(Value::Data(Some(bytes.clone()))),
                Type::Text => self.text(expr.span, bytes.clone()),
                _ => self.mismatch(expr.span, ty),
            },
            ExprKind::Binary(bytes) => match ty {
                Type::Data => Some(Value::Data(Some(bytes.clone()))),
                _ => self.mismatch(expr.span, ty),
            },
            ExprKind::List(_) if matches!(ty, Type::List(_)) => self.pointer_value(expr, ty),
            ExprKind::Tuple(_) if matches!(ty, Type::Struct { .. }) => self.pointer_value(expr, ty),
            ExprKind::List(_) | ExprKind::Tuple(_) => self.mismatch(expr.span, ty),
        }
    }

    /// Text from bytes, which must be UTF-8 (capnzero reads Text as `str`).
    fn text(&mut self, span: Span, bytes: Vec<u8>) -> Option<Value> {
        match String::from_utf8(bytes) {
            Ok(text) => Some(Value::Text(Some(text))),
            Err(_) => {
                self.ctx.error(span, "Text must be valid UTF-8.".into());
                None
            }
        }
    }

    /// A bare name: an enumerant, a literal name, or a constant.
    fn name_value(&mut self, expr: &Expr, name: &str, ty: &Type) -> Option<Value> {
        if let Type::Enum { type_id, .. } = ty {
            if let Some(ordinal) = self.ctx.enumerant(*type_id, name) {
                return Some(Value::Enum(ordinal));
            }
        } else {
            match name {
                "void" if *ty == Type::Void => return Some(Value::Void),
                "true" | "false" if *ty == Type::Bool => return Some(Value::Bool(name == "true")),
                "nan" => return self.float(expr.span, f64::NAN, ty),
                "inf" => return self.float(expr.span, f64::INFINITY, ty),
                "void" | "true" | "false" => return self.mismatch(expr.span, ty),
                _ => {}
            }
        }
        self.constant(expr, ty)
    }

    /// The value of the constant `expr` names, converted to `ty` as a literal would be.
    ///
    /// As the official compiler, which reads a constant as the member of `schema.capnp`'s
    /// Value it is stored in: a constant of an enum type is its number (a UInt16), which
    /// converts to the integer and float types it fits and matches no enum type, its own
    /// included; a constant of an interface type is Void.
    fn constant(&mut self, expr: &Expr, ty: &Type) -> Option<Value> {
        let (const_ty, value) = self.ctx.constant(expr)?;
        let number = match value {
            Value::Enum(v) => Some(v as i128),
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
        if let Some(n) = number {
            return self.integer(expr.span, n, ty);
        }
        match (value, ty) {
            (Value::Interface, Type::Void) => Some(Value::Void),
            (Value::Interface, _) => self.mismatch(expr.span, ty),
            (Value::Float32(f), _) => self.float(expr.span, f as f64, ty),
            (Value::Float64(f), _) => self.float(expr.span, f, ty),
            (value, _) if const_ty == *ty => Some(value),
            // The official compiler does not tell the constrained AnyPointers apart here: a
            // struct or list constant is an AnyStruct, AnyList or Capability value as well.
            (
                Value::Struct(bytes) | Value::List(bytes) | Value::AnyPointer(bytes),
                Type::AnyPointer(AnyPointer::AnyKind | AnyPointer::Struct | AnyPointer::List | AnyPointer::Capability),
            ) => Some(Value::AnyPointer(bytes)),
            _ => self.mismatch(expr.span, ty),
        }
    }

    fn float(&mut self, span: Span, f: f64, ty: &Type) -> Option<Value> {
        match ty {
            Type::Float32 => Some(Value::Float32(f as f32)),
            Type::Float64 => Some(Value::Float64(f)),
            _ => self.mismatch(span, ty),
        }
    }

    /// An integer as a `ty`: range-checked (out of range is reported and clamped, as the
    /// official compiler does), any integer converts to a float.
    fn integer(&mut self, span: Span, v: i128, ty: &Type) -> Option<Value> {
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
            _ => return self.mismatch(span, ty),
        };
        let v = if v < min || v > max {
            self.ctx.error(span, "Integer value out of range.".into());
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

    /// A struct or list value built in a message of its own, in canonical form.
    fn pointer_value(&mut self, expr: &Expr, ty: &Type) -> Option<Value> {
        let mut message = MessageBuilder::default();
        if !self.write_pointer(expr, ty, message.root()) {
            return None;
        }
        let segments = message.segments();
        let reader = MessageReader::from_segments(&segments, UNLIMITED).ok()?;
        let bytes = canonicalize(reader.root()).ok()?;
        Some(match ty {
            Type::List(_) => Value::List(Some(bytes)),
            _ => Value::Struct(Some(bytes)),
        })
    }

    /// Writes the value `expr` of the pointer type `ty` into `dest`. Whether a value was
    /// written (possibly with errors inside); nothing is written after an error that leaves
    /// no value.
    pub(crate) fn write_pointer(&mut self, expr: &Expr, ty: &Type, dest: PointerBuilder<'_>) -> bool {
        if self.unbound(expr, ty) {
            return false;
        }
        match (&expr.kind, ty) {
            (ExprKind::List(items), Type::List(element)) => {
                self.write_list(items, element, dest);
                true
            }
            (ExprKind::Tuple(elements), Type::Struct { type_id, brand }) => {
                let Some(node) = self.ctx.struct_node(*type_id) else { return false };
                let mut builder = dest.init_struct(node.data_word_count, node.pointer_count);
                self.fill_struct(&node, brand, elements, &mut builder);
                true
            }
            (ExprKind::Embed(path), Type::Struct { .. }) => {
                let Some(bytes) = self.ctx.embed(path) else { return false };
                self.write_embedded_struct(expr.span, &bytes, dest)
            }
            _ => match self.value(expr, ty) {
                Some(value) => {
                    write_value(dest, &value);
                    true
                }
                None => false,
            },
        }
    }

    /// A struct from an embedded file: a message in the standard framing (as `capnp encode`
    /// writes it; bytes after it are ignored), whose root is copied.
    fn write_embedded_struct(&mut self, span: Span, bytes: &[u8], dest: PointerBuilder<'_>) -> bool {
        let invalid = |this: &mut Self| {
            this.ctx.error(span, "Embedded file is not a valid Cap'n Proto message.".into());
            false
        };
        if bytes.len() % 8 != 0 {
            return invalid(self);
        }
        let Ok((message, _)) = MessageReader::from_bytes_prefix(bytes, ReaderOptions::DEFAULT) else {
            return invalid(self);
        };
        let root = message.root();
        match root.get_struct() {
            Ok(Some(_)) => match dest.set_copy_of(root) {
                Ok(()) => true,
                Err(_) => invalid(self),
            },
            Ok(None) => {
                dest.init_struct(0, 0);
                true
            }
            Err(_) => invalid(self),
        }
    }

    /// Sets the fields `elements` name in `builder`, a struct (or the struct holding a group)
    /// laid out as `node`, seen through `brand`.
    pub(crate) fn fill_struct(
        &mut self,
        node: &StructNode,
        brand: &Brand,
        elements: &[TupleElement],
        builder: &mut StructBuilder<'_>,
    ) {
        for element in elements {
            let Some(name) = &element.name else {
                self.ctx.error(element.value.span, "Missing field name.".into());
                continue;
            };
            let Some(field) = node.fields.iter().find(|f| f.name == name.value) else {
                self.ctx.error(name.span, format!("Struct has no field named '{}'.", name.value));
                continue;
            };
            match &field.kind {
                FieldKind::Group { type_id } => {
                    let ExprKind::Tuple(inner) = &element.value.kind else {
                        self.ctx.error(element.value.span, "Type mismatch; expected group.".into());
                        continue;
                    };
                    let Some(group) = self.ctx.struct_node(*type_id) else { continue };
                    set_discriminant(node, field, builder);
                    self.clear_group(&group, builder);
                    self.fill_struct(&group, brand, inner, builder);
                }
                FieldKind::Slot { offset, ty, default_value, .. } => {
                    let ty = substitute(ty, brand);
                    if is_pointer(&ty) {
                        let Some(dest) = builder.pointer(*offset as u16) else { continue };
                        if self.write_pointer(&element.value, &ty, dest) {
                            set_discriminant(node, field, builder);
                        }
                    } else if let Some(value) = self.value(&element.value, &ty) {
                        set_discriminant(node, field, builder);
                        write_primitive(builder, *offset as usize, &value, default_value);
                    }
                }
            }
        }
    }

    /// Resets a group before it is filled, as the official builder's `init` of a group does:
    /// its union to the member with discriminant 0, its other fields to their defaults.
    fn clear_group(&mut self, group: &StructNode, builder: &mut StructBuilder<'_>) {
        if group.discriminant_count > 0 {
            if let Some(first) = group.fields.iter().find(|f| f.discriminant_value == 0) {
                self.clear_field(group, first, builder);
            }
        }
        for field in group.fields.iter().filter(|f| f.discriminant_value == Field::NO_DISCRIMINANT) {
            self.clear_field(group, field, builder);
        }
    }

    fn clear_field(&mut self, node: &StructNode, field: &Field, builder: &mut StructBuilder<'_>) {
        set_discriminant(node, field, builder);
        match &field.kind {
            FieldKind::Slot { offset, ty, .. } => {
                let offset = *offset as usize;
                match ty {
                    Type::Void => {}
                    Type::Bool => builder.set_bool(offset, false),
                    Type::Int8 | Type::UInt8 => builder.set::<u8>(offset, 0),
                    Type::Int16 | Type::UInt16 | Type::Enum { .. } => builder.set::<u16>(offset, 0),
                    Type::Int32 | Type::UInt32 | Type::Float32 => builder.set::<u32>(offset, 0),
                    Type::Int64 | Type::UInt64 | Type::Float64 => builder.set::<u64>(offset, 0),
                    _ => {
                        if let Some(mut pointer) = builder.pointer(offset as u16) {
                            pointer.clear();
                        }
                    }
                }
            }
            FieldKind::Group { type_id } => {
                if let Some(group) = self.ctx.struct_node(*type_id) {
                    self.clear_group(&group, builder);
                }
            }
        }
    }

    /// Writes a list of `element`s into `dest`; elements with errors stay zero.
    fn write_list(&mut self, items: &[Expr], element: &Type, dest: PointerBuilder<'_>) {
        let Ok(count) = u32::try_from(items.len()) else { return };
        if let Type::Struct { type_id, brand } = element {
            let Some(node) = self.ctx.struct_node(*type_id) else { return };
            let Ok(mut list) = dest.init_struct_list(count, node.data_word_count, node.pointer_count) else { return };
            for (i, item) in items.iter().enumerate() {
                let Ok(mut builder) = list.get_struct(i as u32) else { continue };
                match &item.kind {
                    ExprKind::Tuple(elements) => self.fill_struct(&node, brand, elements, &mut builder),
                    _ => {
                        if let Some(Value::Struct(Some(bytes))) = self.value(item, element) {
                            copy_struct_content(&bytes, &mut builder);
                        }
                    }
                }
            }
            return;
        }
        if is_pointer(element) {
            let Ok(mut list) = dest.init_list(ElementSize::Pointer, count) else { return };
            for (i, item) in items.iter().enumerate() {
                if let Ok(slot) = list.get_pointer(i as u32) {
                    self.write_pointer(item, element, slot);
                }
            }
            return;
        }
        let Ok(mut list) = dest.init_list(primitive_element_size(element), count) else { return };
        for (i, item) in items.iter().enumerate() {
            if let Some(value) = self.value(item, element) {
                set_list_element(&mut list, i as u32, &value);
            }
        }
    }
}

/// Whether values of `ty` live behind a pointer.
pub(crate) fn is_pointer(ty: &Type) -> bool {
    matches!(
        ty,
        Type::Text | Type::Data | Type::List(_) | Type::Struct { .. } | Type::Interface { .. } | Type::AnyPointer(_)
    )
}

/// A field's type as seen through the brand of the struct value being written: generic
/// parameters bound by the brand become their bound types, parameters of scopes the brand
/// leaves unbound become AnyPointer, and parameters the brand inherits stay parameters
/// (a value of such a type cannot be interpreted).
pub(crate) fn substitute(ty: &Type, brand: &Brand) -> Type {
    match ty {
        Type::AnyPointer(AnyPointer::Parameter { scope_id, index }) => {
            match brand.scopes.iter().find(|s| s.scope_id == *scope_id) {
                Some(BrandScope { bind: Some(bindings), .. }) => match bindings.get(*index as usize) {
                    Some(Binding::Type(bound)) => bound.clone(),
                    _ => Type::AnyPointer(AnyPointer::AnyKind),
                },
                Some(BrandScope { bind: None, .. }) => ty.clone(),
                None => Type::AnyPointer(AnyPointer::AnyKind),
            }
        }
        Type::List(element) => Type::List(Box::new(substitute(element, brand))),
        Type::Struct { type_id, brand: inner } => {
            Type::Struct { type_id: *type_id, brand: substitute_brand(inner, brand) }
        }
        Type::Enum { type_id, brand: inner } => Type::Enum { type_id: *type_id, brand: substitute_brand(inner, brand) },
        Type::Interface { type_id, brand: inner } => {
            Type::Interface { type_id: *type_id, brand: substitute_brand(inner, brand) }
        }
        other => other.clone(),
    }
}

/// The brand `inner` (of a type named inside a generic scope) with the parameters it refers to
/// replaced through `outer`, and its inherited scopes taken from `outer`.
fn substitute_brand(inner: &Brand, outer: &Brand) -> Brand {
    let scopes = inner
        .scopes
        .iter()
        .map(|scope| match &scope.bind {
            Some(bindings) => BrandScope {
                scope_id: scope.scope_id,
                bind: Some(
                    bindings
                        .iter()
                        .map(|b| match b {
                            Binding::Type(t) => Binding::Type(substitute(t, outer)),
                            Binding::Unbound => Binding::Unbound,
                        })
                        .collect(),
                ),
            },
            None => {
                outer.scopes.iter().find(|s| s.scope_id == scope.scope_id).cloned().unwrap_or_else(|| scope.clone())
            }
        })
        .collect();
    Brand { scopes }
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

fn set_discriminant(node: &StructNode, field: &Field, builder: &mut StructBuilder<'_>) {
    if field.discriminant_value != Field::NO_DISCRIMINANT {
        builder.set::<u16>(node.discriminant_offset as usize, field.discriminant_value);
    }
}

fn set_list_element(list: &mut ListBuilder<'_>, i: u32, value: &Value) {
    // The list was made for the element type, so the index is in range and sizes agree.
    let _ = match *value {
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
fn write_primitive(builder: &mut StructBuilder<'_>, offset: usize, value: &Value, default: &Value) {
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

/// Writes an evaluated pointer value (Text, Data, or a canonical message) into `dest`.
fn write_value(dest: PointerBuilder<'_>, value: &Value) {
    // Values were made by this module: a value too large for a message is the only failure,
    // and it leaves the pointer null.
    let _ = match value {
        Value::Text(Some(text)) => dest.set_text(text),
        Value::Data(Some(data)) => dest.set_data(data),
        Value::List(Some(bytes)) | Value::Struct(Some(bytes)) | Value::AnyPointer(Some(bytes)) => {
            MessageReader::from_flat(bytes, UNLIMITED).and_then(|message| dest.set_copy_of(message.root()))
        }
        _ => Ok(()),
    };
}

/// Copies a struct value into a struct already allocated (a list element): the data section
/// as far as both have it, then the pointers.
fn copy_struct_content(bytes: &[u8], builder: &mut StructBuilder<'_>) {
    let Ok(message) = MessageReader::from_flat(bytes, UNLIMITED) else { return };
    let Ok(Some(source)) = message.root().get_struct() else { return };
    let data = source.data_section();
    let target = builder.data_section_mut();
    let n = data.len().min(target.len());
    target[..n].copy_from_slice(&data[..n]);
    for i in 0..source.pointer_count().min(builder.pointer_count()) {
        if let Some(dest) = builder.pointer(i) {
            let _ = dest.set_copy_of(source.pointer(i));
        }
    }
}
