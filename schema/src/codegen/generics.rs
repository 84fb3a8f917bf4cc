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

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::emit::{rt, Emitter};
use super::ir::Kind;
use super::names::plain;
use super::plan::Param;

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
    /// `depth` modules deep: its path, then `<lifetime, arguments>`. The arguments are `args`
    /// (what a brand binds, resolved in the IR); without them (a group, which shares its
    /// struct's parameters) they are the parameters in scope.
    pub(super) fn type_at(
        &self,
        depth: usize,
        id: u64,
        suffix: &str,
        args: Option<&[Kind]>,
        lifetime: Option<TokenStream>,
    ) -> TokenStream {
        let path = self.path(depth, id, suffix);
        let args: Vec<TokenStream> = match args {
            Some(args) => args.iter().map(|arg| self.element(depth, arg)).collect(),
            None => self.params_of(id).iter().map(|&param| self.in_scope_param(param)).collect(),
        };
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
