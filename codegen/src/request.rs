//! What a caller asks for: the table's name and front end, where the runtime lives, the user's
//! declaration and conversions. A leaf: every other module reads these, none is read here.

use proc_macro2::{Ident, TokenStream};

/// What the generated items are named and where the runtime lives.
#[derive(Clone, Copy)]
pub struct Request<'a> {
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
    StandardCloseCode,
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
