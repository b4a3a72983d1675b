//! The entry points: the items of one table, assembled in a short list, and the wrapping both
//! front ends share.

use closecodes_spec::{Sketch, Table};
use proc_macro2::{Delimiter, Group, Ident, TokenStream};
use quote::quote;

use crate::plan::Plan;
use crate::{enum_def, items};

/// What the generated items are named and where the runtime lives.
#[derive(Clone, Copy)]
pub struct Target<'a> {
    /// Path of the runtime crate: `::closecodes`, `$crate`, or `crate` inside the runtime.
    pub krate: &'a TokenStream,
    /// The enum's name.
    pub name: &'a Ident,
    /// Which front end the items are for.
    pub kind: Kind,
    /// Conversions into types the user already has (`#[close_codes(convert = "...")]`).
    pub conversions: &'a [Conversion],
}

/// A conversion between the table and a type of the user's (tungstenite's `CloseCode`,
/// `http::StatusCode`), through the repr: the user names the type, so closecodes pins no version
/// of its crate.
pub struct Conversion {
    /// The type, as the user wrote its path.
    pub ty: syn::Type,
    /// `try_convert`: the type has only `TryFrom<repr>`; `convert`: it has `From<repr>`.
    pub fallible: bool,
}

/// Which front end a table is generated for; each changes what is emitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `close_codes!` (and build scripts, and the CLI): the enum and every impl.
    Macro,
    /// The runtime's own `CloseCode`: as `Macro`, without conversions to itself.
    Standard,
    /// `#[derive(CloseCodes)]`: impls only; the user's derives (`Debug`, `PartialEq`, …) stay
    /// theirs, so no comparison impls, and the enum must be `Copy`.
    Derive,
}

/// The enum as the user declared it in `close_codes!`.
#[derive(Clone, Copy)]
pub struct Declared<'a> {
    /// Attributes on the enum, doc comments included, in order.
    pub attrs: &'a [syn::Attribute],
    /// Its visibility.
    pub vis: &'a syn::Visibility,
}

/// A spec file the build must depend on, so that editing it rebuilds the crate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tracked {
    /// A path relative to `CARGO_MANIFEST_DIR`, as `from "..."` is written.
    ManifestRelative(String),
    /// A path relative to the invoking source file (the fallback the macro takes when the file
    /// is not under the manifest directory).
    SourceRelative(String),
    /// A path as resolved on this machine (base files).
    Resolved(String),
}

/// The full expansion of `close_codes!`: the enum, then its impls in an anonymous const that
/// also tracks `root` and every base file of the table.
#[must_use]
pub fn close_codes(
    target: &Target<'_>,
    table: &Table,
    declared: &Declared<'_>,
    root: Option<&Tracked>,
) -> TokenStream {
    let mut block = impls(target, table);
    block.extend(tracking(root));
    block.extend(base_files(table));
    // A `#[cfg]` on the enum covers its impls too.
    let cfgs = declared.attrs.iter().filter(|a| a.path().is_ident("cfg"));
    let mut out = enum_def::enum_def(&Plan::new(target, table), declared);
    out.extend(quote!(#(#cfgs)*));
    out.extend(wrap(block));
    out
}

/// The enum and its impls in an anonymous const, without rebuild tracking: what `close_codes!`
/// generates, for text outputs.
#[must_use]
pub fn standalone(target: &Target<'_>, table: &Table, declared: &Declared<'_>) -> TokenStream {
    let mut out = enum_def::enum_def(&Plan::new(target, table), declared);
    out.extend(wrap(impls(target, table)));
    out
}

/// As [`standalone`], with the long lists of a table in lookup form kept in `lists` as text and
/// placeholders in their stead (see `lists`).
#[cfg(feature = "render")]
pub(crate) fn standalone_setting_aside(
    target: &Target<'_>,
    table: &Table,
    declared: &Declared<'_>,
    lists: &crate::lists::SetAside,
) -> TokenStream {
    let plan = Plan::new(target, table).setting_aside(lists);
    let mut out = enum_def::enum_def(&plan, declared);
    out.extend(wrap(impls_of(&plan)));
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
    block.extend(impls(target, table));
    block.extend(base_files(table));
    wrap(block)
}

/// Every impl of a table, as the items of one block: what is the same for every table is called
/// in the runtime's `__private` module, the rest is generated here.
#[must_use]
pub fn impls(target: &Target<'_>, table: &Table) -> TokenStream {
    impls_of(&Plan::new(target, table))
}

fn impls_of(plan: &Plan<'_>) -> TokenStream {
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

/// `const _: () = { items };`: the items' names (the runtime alias, `__CODES`) stay local to the
/// block, as serde's `wrap_in_const` keeps `_serde`.
fn wrap(items: TokenStream) -> TokenStream {
    let block = Group::new(Delimiter::Brace, items);
    quote!(const _: () = #block;)
}
