//! Code generation of `closecodes`: a checked [`Table`] becomes the enum and its impls, as tokens.
//!
//! A plain library, called by the proc macro (`closecodes-macros`), by build scripts and by the
//! CLI alike; unit-tested without rustc. Data flows one way: a checked `Table` and a [`Request`]
//! → a plan of the table, decided once → one function per generated item → tokens; or, behind
//! feature `render`, → one language-neutral view → one target's text (module `render`).
//!
//! Modules, each reading only those before it: `target` (what the caller asks for), `safe` (text
//! safety of every generated file), `code` and `docs` (writing Rust text and rustdoc), `plan` (what an expansion decides once), `body`
//! (the text that grows with the table), `enum_def` and `items` (one function per generated
//! item), `stand_in` (the table read from a spec that has errors), `expand` (the entry points),
//! then `render` and `build`.
//!
//! ```
//! use closecodes_codegen::{Declared, Kind, Request};
//! use closecodes_spec::{NoFiles, Source, load};
//! use quote::{format_ident, quote};
//!
//! let table = load(&Source::inline("extends = \"websocket\""), &mut NoFiles)?;
//! let (krate, name) = (quote!(::closecodes), format_ident!("ChatCode"));
//! let target = Request { krate: &krate, name: &name, kind: Kind::Macro, conversions: &[] };
//! let vis: syn::Visibility = syn::parse_quote!(pub);
//! let tokens = closecodes_codegen::close_codes(&target, &table, &Declared { attrs: &[], vis: &vis }, None);
//! assert!(tokens.to_string().contains("pub enum ChatCode"));
//! # Ok::<(), closecodes_spec::Errors>(())
//! ```
//!
//! Generated code follows one rule: what grows with the table (arms, rows, docs) is written as
//! text and lexed once (module `code`), what does not is `quote!`ed in its own function (module
//! `items`),
//! and what is the same logic for every table lives in the runtime's `__private` module.

// Inside rustc the generated text is lexed by the compiler itself (see `code::Code::tokens`).
extern crate proc_macro;

mod body;
#[cfg(feature = "render")]
pub mod build;
mod code;
mod docs;
mod enum_def;
mod expand;
#[doc(hidden)]
pub mod golden;
mod items;
mod plan;
mod properties;
#[cfg(feature = "render")]
pub mod render;
mod request;
mod safe;
mod stand_in;

pub use expand::{close_codes, derive, stand_in, stand_in_derive, tracking};
pub use plan::LOOKUP_ABOVE;
pub use request::{Conversion, Declared, Kind, Request, Tracked};
pub use stand_in::Partial;

#[doc(no_inline)]
pub use closecodes_spec::Table;

#[cfg(test)]
mod tests;
