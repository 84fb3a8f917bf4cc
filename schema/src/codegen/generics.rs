//! Generic structs (`struct Map(Key, Value)`) as Rust generics.
//!
//! A generated struct takes one type parameter per generic parameter its owned value uses —
//! its own, and its enclosing scopes' (a struct nested in `Map` that names `Value` is generic
//! over it too) — each bounded by `capnzero::Pointee` and defaulting to
//! `capnzero::kind::AnyPointer`, which is what an unbound parameter is in Cap'n Proto. A
//! parameter nothing uses is left out (Rust refuses unused type parameters), so `Map(Text,
//! Person)` is `Map<kind::Text, Person>` and a struct that does not use its parameter is not
//! generic in Rust. Bindings follow the brands the compiler records: a bound parameter becomes
//! its type's marker (`Text` → `kind::Text`, `List(Int32)` → `kind::List<i32>`, a struct →
//! the struct), an inherited one stays the enclosing parameter, and an unbound one (or a
//! generic type named without parameters) is `kind::AnyPointer`.

use std::collections::{BTreeSet, HashMap, HashSet};

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::model::{AnyPointer, Binding, Brand, FieldKind, NodeKind, Type};

use super::emit::{rt, Emitter};
use super::names::{plain, Scope};
use super::plan::{At, GenerateError, Param, Plan};

/// What a brand binds a parameter to.
enum Bound<'b> {
    Type(&'b Type),
    Inherit,
    Unbound,
}

fn bound(brand: &Brand, param: Param) -> Bound<'_> {
    match brand.scopes.iter().find(|scope| scope.scope_id == param.0) {
        None => Bound::Unbound,
        Some(scope) => match &scope.bind {
            None => Bound::Inherit,
            Some(bindings) => match bindings.get(param.1 as usize) {
                Some(Binding::Type(ty)) => Bound::Type(ty),
                _ => Bound::Unbound,
            },
        },
    }
}

impl Plan<'_> {
    /// The Rust name of a generic parameter: its schema name, unless a parameter of an
    /// enclosing scope has that name (`struct G(T) { struct H(T) {} }`), then the next free name
    /// with a trailing `_` (H's `T_`): the enclosing scopes' parameters claim first, outermost
    /// first, so a parameter has one Rust name in every struct that uses it.
    pub fn param_name(&self, param: Param) -> String {
        let mut chain = Vec::new();
        let mut at = param.0;
        while let Some(node) = self.nodes.get(&at) {
            chain.push(node);
            if node.scope_id == 0 || chain.len() > self.nodes.len() {
                break;
            }
            at = node.scope_id;
        }
        let mut taken = HashSet::new();
        for node in chain.iter().rev() {
            for (index, name) in node.parameters.iter().enumerate() {
                let name = Scope::claim_in(&mut taken, name, |n| vec![n.to_string()]);
                if node.id == param.0 && index == param.1 as usize {
                    return name;
                }
            }
        }
        format!("P{}", param.1)
    }

    /// Fills `generics` and `union_generics`: which parameters each struct's fields use,
    /// through groups and the brands of the struct types they name, to a fixed point (a struct
    /// may name itself).
    pub(super) fn find_generics(&mut self) {
        let mut structs: Vec<u64> = self
            .locs
            .keys()
            .copied()
            .filter(|id| matches!(self.nodes.get(id).map(|n| &n.kind), Some(NodeKind::Struct(_))))
            .collect();
        structs.sort_unstable();
        let mut uses: HashMap<u64, BTreeSet<Param>> = HashMap::new();
        loop {
            let mut changed = false;
            for &id in &structs {
                let mut found = BTreeSet::new();
                self.fields_use(id, &uses, |_| true, &mut found);
                if uses.get(&id) != Some(&found) {
                    uses.insert(id, found);
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        for &id in &structs {
            let mut in_union = BTreeSet::new();
            self.fields_use(
                id,
                &uses,
                |discriminant| discriminant != crate::model::Field::NO_DISCRIMINANT,
                &mut in_union,
            );
            if !in_union.is_empty() {
                self.union_generics.insert(id, self.ordered(id, in_union));
            }
        }
        for (id, found) in uses {
            if !found.is_empty() {
                let ordered = self.ordered(id, found);
                self.generics.insert(id, ordered);
            }
        }
    }

    /// The parameters the fields of struct `id` (those whose discriminant `keep` accepts) use.
    fn fields_use(
        &self,
        id: u64,
        uses: &HashMap<u64, BTreeSet<Param>>,
        keep: impl Fn(u16) -> bool,
        out: &mut BTreeSet<Param>,
    ) {
        let Some(NodeKind::Struct(st)) = self.nodes.get(&id).map(|n| &n.kind) else { return };
        for field in st.fields.iter().filter(|f| keep(f.discriminant_value)) {
            match &field.kind {
                FieldKind::Slot { ty, .. } => type_uses(ty, uses, out),
                FieldKind::Group { type_id } => out.extend(uses.get(type_id).into_iter().flatten().copied()),
            }
        }
    }

    /// `params` in the order the Rust type parameters take: outermost scope first, then by
    /// position. A scope outside the node's chain (the interface of a method's parameter
    /// struct) comes first.
    fn ordered(&self, id: u64, params: BTreeSet<Param>) -> Vec<Param> {
        let mut chain = Vec::new();
        let mut at = id;
        for _ in 0..self.nodes.len() {
            chain.push(at);
            match self.nodes.get(&at) {
                Some(node) if node.scope_id != 0 => at = node.scope_id,
                _ => break,
            }
        }
        let depth = |scope: u64| chain.iter().rev().position(|&s| s == scope).map_or(0, |d| d + 1);
        let mut params: Vec<Param> = params.into_iter().collect();
        params.sort_by_key(|&(scope, index)| (depth(scope), scope, index));
        params
    }

    /// What generic structs cannot have yet.
    pub(super) fn check_generics(&mut self) {
        let mut errors = Vec::new();
        for id in self.generics.keys() {
            let Some(node) = self.nodes.get(id) else { continue };
            if self.keys.contains_key(id) {
                errors.push(GenerateError::new(
                    At::Node(node.id),
                    format!("{}: capnzero does not generate keys on generic structs yet", node.display_name),
                ));
            }
            if self.nullable.contains_key(id) {
                errors.push(GenerateError::new(
                    At::Node(node.id),
                    format!("{}: capnzero does not generate generic nullable groups yet", node.display_name),
                ));
            }
            if self.virtual_groups.keys().any(|(container, _)| container == id) {
                errors.push(GenerateError::new(
                    At::Node(node.id),
                    format!("{}: capnzero does not generate virtual groups in generic structs yet", node.display_name),
                ));
            }
        }
        self.errors.extend(errors);
        self.errors.sort();
        self.errors.dedup();
    }
}

/// The parameters a field of type `ty` makes its struct use.
fn type_uses(ty: &Type, uses: &HashMap<u64, BTreeSet<Param>>, out: &mut BTreeSet<Param>) {
    match ty {
        Type::AnyPointer(AnyPointer::Parameter { scope_id, index }) => {
            out.insert((*scope_id, *index));
        }
        Type::List(inner) => type_uses(inner, uses, out),
        Type::Struct { type_id, brand } => {
            for &param in uses.get(type_id).into_iter().flatten() {
                match bound(brand, param) {
                    Bound::Type(bound_ty) => type_uses(bound_ty, uses, out),
                    Bound::Inherit => {
                        out.insert(param);
                    }
                    Bound::Unbound => {}
                }
            }
        }
        _ => {}
    }
}

impl Emitter<'_, '_> {
    /// The Rust type parameters of struct `id` (empty when it is not generic).
    pub(super) fn params_of(&self, id: u64) -> &[Param] {
        self.plan.generics.get(&id).map_or(&[], Vec::as_slice)
    }

    pub(super) fn param_ident(&self, param: Param) -> Ident {
        plain(&self.plan.param_name(param))
    }

    /// `<'a, T: Pointee = kind::AnyPointer, …>` for a type declaration (`lifetime` when it has
    /// one); nothing when it has neither.
    pub(super) fn decl_generics(&self, params: &[Param], lifetime: bool) -> TokenStream {
        let rt = rt();
        let params = params.iter().map(|&p| {
            let name = self.param_ident(p);
            quote!(#name: #rt::Pointee = #rt::kind::AnyPointer)
        });
        self.angle(lifetime.then(|| quote!('a)), params)
    }

    /// `<'a, T: Pointee, …>` for an `impl` block.
    pub(super) fn impl_generics(&self, params: &[Param], lifetime: bool) -> TokenStream {
        let rt = rt();
        let params = params.iter().map(|&p| {
            let name = self.param_ident(p);
            quote!(#name: #rt::Pointee)
        });
        self.angle(lifetime.then(|| quote!('a)), params)
    }

    /// `<'a, T, …>`: the parameters themselves as arguments, after `lifetime` if given.
    pub(super) fn own_args(&self, params: &[Param], lifetime: Option<TokenStream>) -> TokenStream {
        let params = params.iter().map(|&p| {
            let name = self.param_ident(p);
            quote!(#name)
        });
        self.angle(lifetime, params)
    }

    fn angle(&self, lifetime: Option<TokenStream>, params: impl Iterator<Item = TokenStream>) -> TokenStream {
        let items: Vec<TokenStream> = lifetime.into_iter().chain(params).collect();
        if items.is_empty() {
            TokenStream::new()
        } else {
            quote!(<#(#items),*>)
        }
    }

    /// The type `id` (with `suffix`: `""`, `"Reader"`, `"Builder"`) in type position from code
    /// `depth` modules deep: its path, then `<lifetime, arguments>`. The arguments come from
    /// `brand`; without one (a group, which shares its struct's parameters) they are the
    /// parameters in scope.
    pub(super) fn type_at(
        &self,
        depth: usize,
        id: u64,
        suffix: &str,
        brand: Option<&Brand>,
        lifetime: Option<TokenStream>,
    ) -> TokenStream {
        let path = self.path(depth, id, suffix);
        let args: Vec<TokenStream> = self
            .params_of(id)
            .iter()
            .map(|&param| match brand.map(|b| bound(b, param)) {
                Some(Bound::Type(ty)) => self.element(depth, ty),
                None | Some(Bound::Inherit) => self.in_scope_param(param),
                Some(Bound::Unbound) => {
                    let rt = rt();
                    quote!(#rt::kind::AnyPointer)
                }
            })
            .collect();
        let args = self.angle(lifetime, args.into_iter());
        quote!(#path #args)
    }

    /// A parameter named where it is in scope; `kind::AnyPointer` where it is not.
    pub(super) fn in_scope_param(&self, param: Param) -> TokenStream {
        if self.in_scope.contains(&param) {
            let name = self.param_ident(param);
            quote!(#name)
        } else {
            let rt = rt();
            quote!(#rt::kind::AnyPointer)
        }
    }
}

/// The generics of a struct's declarations and impls, each empty (or lifetime only) when the
/// struct is not generic.
#[derive(Clone)]
pub(super) struct Generics {
    /// `<T: Pointee = kind::AnyPointer>` on the owned type.
    pub owned_decl: TokenStream,
    /// `<'a, T: Pointee = kind::AnyPointer>` on the reader and builder.
    pub reader_decl: TokenStream,
    /// `<T: Pointee>` on impls of the owned type (and impls naming `'_`).
    pub impl_plain: TokenStream,
    /// `<'a, T: Pointee>` on impls of the reader and builder.
    pub impl_a: TokenStream,
    /// `<T>`.
    pub args: TokenStream,
    /// `<'a, T>`.
    pub args_a: TokenStream,
    /// `<'_, T>`.
    pub args_anon: TokenStream,
    /// The reader's and builder's marker field, when generic.
    pub phantom: TokenStream,
    /// Its initializer.
    pub phantom_init: TokenStream,
}

impl Generics {
    pub(super) fn new(emitter: &Emitter<'_, '_>, params: &[Param]) -> Generics {
        let rt = rt();
        let (phantom, phantom_init) = if params.is_empty() {
            (TokenStream::new(), TokenStream::new())
        } else {
            let names = params.iter().map(|&p| emitter.param_ident(p));
            (quote!(params: #rt::PhantomData<fn() -> (#(#names,)*)>,), quote!(params: #rt::PhantomData,))
        };
        Generics {
            owned_decl: emitter.decl_generics(params, false),
            reader_decl: emitter.decl_generics(params, true),
            impl_plain: emitter.impl_generics(params, false),
            impl_a: emitter.impl_generics(params, true),
            args: emitter.own_args(params, None),
            args_a: emitter.own_args(params, Some(quote!('a))),
            args_anon: emitter.own_args(params, Some(quote!('_))),
            phantom,
            phantom_init,
        }
    }
}
