//! The name of a type as messages give it: `Int32`, `List(Text)`, a declared type by the name
//! its caller knows it by. One function for the compiler's and the text format's messages
//! ("Type mismatch; expected List(Foo).") and for the dynamic API's errors.

use crate::model::{AnyPointer, Type};

/// How the constrained AnyPointers (`AnyStruct`, `AnyList`, `Capability`) are named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnyPointers {
    /// All as `AnyPointer`, as the official compiler's messages name them.
    Unconstrained,
    /// Each by its own name.
    Constrained,
}

/// The name of `ty`; a struct, enum or interface is named by `node_name` of its ID.
pub fn type_name(ty: &Type, any_pointers: AnyPointers, node_name: &mut dyn FnMut(u64) -> String) -> String {
    let name = match ty {
        Type::Void => "Void",
        Type::Bool => "Bool",
        Type::Int8 => "Int8",
        Type::Int16 => "Int16",
        Type::Int32 => "Int32",
        Type::Int64 => "Int64",
        Type::UInt8 => "UInt8",
        Type::UInt16 => "UInt16",
        Type::UInt32 => "UInt32",
        Type::UInt64 => "UInt64",
        Type::Float32 => "Float32",
        Type::Float64 => "Float64",
        Type::Text => "Text",
        Type::Data => "Data",
        Type::List(element) => return format!("List({})", type_name(element, any_pointers, node_name)),
        Type::Enum { type_id, .. } | Type::Struct { type_id, .. } | Type::Interface { type_id, .. } => {
            return node_name(*type_id)
        }
        Type::AnyPointer(any) => match (any_pointers, any) {
            (AnyPointers::Constrained, AnyPointer::Struct) => "AnyStruct",
            (AnyPointers::Constrained, AnyPointer::List) => "AnyList",
            (AnyPointers::Constrained, AnyPointer::Capability) => "Capability",
            _ => "AnyPointer",
        },
    };
    name.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_are_named_as_schemas_write_them() {
        let mut node_name = |id: u64| format!("Node{id}");
        let list = Type::List(Box::new(Type::List(Box::new(Type::Struct { type_id: 7, brand: Default::default() }))));
        assert_eq!(type_name(&list, AnyPointers::Unconstrained, &mut node_name), "List(List(Node7))");
        assert_eq!(type_name(&Type::UInt16, AnyPointers::Unconstrained, &mut node_name), "UInt16");
        let any_struct = Type::AnyPointer(AnyPointer::Struct);
        assert_eq!(type_name(&any_struct, AnyPointers::Unconstrained, &mut node_name), "AnyPointer");
        assert_eq!(type_name(&any_struct, AnyPointers::Constrained, &mut node_name), "AnyStruct");
        let parameter = Type::AnyPointer(AnyPointer::Parameter { scope_id: 1, index: 0 });
        assert_eq!(type_name(&parameter, AnyPointers::Constrained, &mut node_name), "AnyPointer");
    }
}
