//! Rust: the items `close_codes!` generates, formatted with prettyplease, naming the runtime
//! `::closecodes`; the long lists of a large table are written beside prettyplease (`lists`).

use proc_macro2::{Ident, Span};
use quote::quote;

use closecodes_spec::targets::Namer;

use super::language::Writer;
use super::{RenderError, View};
use crate::plan::Plan;
use crate::request::{Declared, Kind, Request};
use lists::TextLists;

pub(crate) mod lists;

/// The Rust target.
pub(crate) struct Rust;

impl Writer for Rust {
    /// Rust's names are the spec's own: the format's rules are Rust's.
    fn namer(&self) -> Option<&'static dyn Namer> {
        None
    }

    /// The same enum and impls as `close_codes!`, without the rebuild tracking (a build script
    /// prints `cargo:rerun-if-changed` instead).
    fn file(&self, view: &View<'_>) -> Result<String, RenderError> {
        let reason = if closecodes_spec::KEYWORDS.contains(&view.name) {
            Some("it is a keyword of Rust; expected another name")
        } else if lists::PLACEHOLDERS.contains(&view.name) {
            Some("it is a name the Rust file uses or defines itself; expected another name")
        } else if !closecodes_spec::is_variant_name(view.name) {
            Some(
                "it is not an identifier of Rust; expected ASCII letters, digits and `_`, starting with a letter, such as `ChatCode`",
            )
        } else if !closecodes_spec::is_upper_camel_case(view.name) {
            // As the checks hold `[table] name`: rustc warns of `pub enum describe`
            // (`non_camel_case_types`), an error under `-D warnings`.
            Some("it is not UpperCamelCase; expected a name such as `ChatCode`")
        } else {
            None
        };
        if let Some(reason) = reason {
            return Err(RenderError::Name {
                name: view.name.to_owned(),
                target: "Rust",
                reason: reason.to_owned(),
            });
        }
        let krate = quote!(::closecodes);
        let name = Ident::new(view.name, Span::call_site());
        let target = Request {
            krate: &krate,
            name: &name,
            kind: Kind::Macro,
            conversions: &[],
        };
        let vis: syn::Visibility = syn::parse_quote!(pub);
        let declared = Declared {
            attrs: &[],
            vis: &vis,
        };
        let lists = TextLists::default();
        let plan = Plan::new(&target, view.table()).setting_aside(&lists);
        let tokens = crate::expand::standalone(&plan, &declared);
        let [made, again] = &view.header;
        let header = format!("// {made}\n// {again}\n\n");
        Ok(match syn::parse2::<syn::File>(tokens) {
            Ok(file) => header + &lists.restore(&prettyplease::unparse(&file)),
            // A checked table always generates valid Rust (the fuzz target and the no-panic
            // property hold it to that); should it not, the output says so rather than being empty.
            Err(e) => format!(
                "{header}::core::compile_error!(\"internal error in closecodes: the generated code does not parse ({e}); please report it\");\n"
            ),
        })
    }
}
