//! The entry points: the items of one table, assembled in a short list, and the wrapping both
//! front ends share.

use closecodes_spec::{Sketch, Table};
use proc_macro2::{Delimiter, Group, Ident, TokenStream};
use quote::quote;

use crate::plan::Plan;
use crate::target::{Declared, Target, Tracked};
use crate::{enum_def, items};

/// The full expansion of `close_codes!`: the enum, then its impls in an anonymous const that
/// also tracks `root` and every base file of the table.
#[must_use]
pub fn close_codes(
    target: &Target<'_>,
    table: &Table,
    declared: &Declared<'_>,
    root: Option<&Tracked>,
) -> TokenStream {
    let plan = Plan::new(target, table);
    let mut block = impls(&plan);
    block.extend(tracking(root));
    block.extend(base_files(table));
    // A `#[cfg]` on the enum covers its impls too.
    let cfgs = declared.attrs.iter().filter(|a| a.path().is_ident("cfg"));
    let mut out = enum_def::enum_def(&plan, declared);
    out.extend(quote!(#(#cfgs)*));
    out.extend(wrap_table(table, block));
    out
}

/// The enum and its impls in an anonymous const, without rebuild tracking: what `close_codes!`
/// generates, for text outputs (`render`), from a plan it built.
#[cfg(feature = "render")]
pub(crate) fn standalone(plan: &Plan<'_>, declared: &Declared<'_>) -> TokenStream {
    let mut out = enum_def::enum_def(plan, declared);
    out.extend(wrap_table(plan.table, impls(plan)));
    out
}

/// The expansion of `#[derive(CloseCodes)]`: the impls, and a check that the enum is `Copy`.
#[must_use]
pub fn derive(target: &Target<'_>, table: &Table) -> TokenStream {
    let name = target.name;
    let mut block = quote! {
        // The accessors take `self` by value: the enum must be `Copy`.
        fn assert_copy<T: ::core::marker::Copy>() {}
        let _ = assert_copy::<#name>;
    };
    block.extend(impls(&Plan::new(target, table)));
    block.extend(base_files(table));
    wrap_table(table, block)
}

/// Every impl of a table, as the items of one block: what is the same for every table is called
/// in the runtime's `__private` module, the rest is generated here.
fn impls(plan: &Plan<'_>) -> TokenStream {
    let mut out = items::prelude(plan);
    out.extend([
        items::inherent(plan),
        items::repr_conversions(plan),
        items::comparisons(plan),
        items::display(plan),
        items::from_str(plan),
        items::code_table(plan),
        items::close_code_conversions(plan),
        items::user_conversions(plan),
        items::serde(plan),
    ]);
    out
}

/// The stand-in emitted next to errors, so that uses of the enum do not add errors of their own.
/// With a sketch of the spec (its TOML parsed), it has the variants the spec names and the
/// accessors whose types do not depend on the table, so that `ChatCode::Unauthorized` or
/// `code.reason()` in the user's code compiles while the spec's own errors are reported.
#[must_use]
pub fn stand_in(name: &Ident, declared: &Declared<'_>, sketch: Option<&Sketch>) -> TokenStream {
    let attrs = declared
        .attrs
        .iter()
        .filter_map(enum_def::strip_builtin_derives);
    let vis = declared.vis;
    let Some(sketch) = sketch else {
        return quote! {
            #(#attrs)*
            #vis enum #name {}
        };
    };
    let repr = Ident::new(sketch.repr.name(), proc_macro2::Span::call_site());
    let as_fn = quote::format_ident!("as_{}", sketch.repr.name());
    let codes = sketch
        .codes
        .iter()
        .map(|c| Ident::new(c, proc_macro2::Span::call_site()));
    let ranges = sketch
        .ranges
        .iter()
        .map(|r| Ident::new(r, proc_macro2::Span::call_site()));
    quote! {
        #(#attrs)*
        #[derive(
            ::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug, ::core::cmp::PartialEq,
            ::core::cmp::Eq, ::core::hash::Hash, ::core::cmp::PartialOrd, ::core::cmp::Ord
        )]
        #[allow(dead_code)]
        #vis enum #name {
            #(#codes,)*
            #(#ranges(::core::primitive::#repr),)*
        }

        #[allow(dead_code, clippy::unused_self)]
        impl #name {
            #vis const fn #as_fn(self) -> ::core::primitive::#repr { ::core::unreachable!() }
            #vis const fn reason(self) -> ::core::option::Option<&'static ::core::primitive::str> { ::core::unreachable!() }
            #vis const fn description(self) -> &'static ::core::primitive::str { ::core::unreachable!() }
            #vis const fn is_sendable(self) -> ::core::primitive::bool { ::core::unreachable!() }
        }
    }
}

/// `const _: &[u8] = include_bytes!(...);` for the spec file a macro names, so that cargo
/// rebuilds the crate when it changes.
#[must_use]
pub fn tracking(root: Option<&Tracked>) -> TokenStream {
    let include = match root {
        None => return TokenStream::new(),
        Some(Tracked::ManifestRelative(path)) => quote!(::core::include_bytes!(
            ::core::concat!(::core::env!("CARGO_MANIFEST_DIR"), "/", #path)
        )),
        Some(Tracked::SourceRelative(path) | Tracked::Resolved(path)) => {
            quote!(::core::include_bytes!(#path))
        }
    };
    quote!(const _: &[::core::primitive::u8] = #include;)
}

/// The tracking of every base file a table extends.
fn base_files(table: &Table) -> TokenStream {
    table
        .base_files
        .iter()
        .map(|file| tracking(Some(&Tracked::Resolved(file.resolved.clone()))))
        .collect()
}

/// [`wrap`], allowing the table's own uses of its deprecated variants (a deprecated code warns
/// where the user names it, never in the impls that match on every variant).
fn wrap_table(table: &Table, items: TokenStream) -> TokenStream {
    let wrapped = wrap(items);
    if table.codes.iter().any(|c| c.deprecated.is_some()) {
        quote!(#[allow(deprecated)] #wrapped)
    } else {
        wrapped
    }
}

/// `const _: () = { items };`: the items' names (the runtime alias, `__CODES`) stay local to the
/// block, as serde's `wrap_in_const` keeps `_serde`.
fn wrap(items: TokenStream) -> TokenStream {
    let block = Group::new(Delimiter::Brace, items);
    quote!(const _: () = #block;)
}
