//! `close_codes!` end to end: invocation → spec text → checked table → tokens, or located errors.

use std::fmt::Write as _;

use closecodes_spec::{Error, Errors, Origin, Source};
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::LitStr;

use crate::expand::{self, Target};
use crate::input::{Invocation, SpecRef};
use crate::load::{FileLoader, Found};

/// Expands one `close_codes!` invocation; every problem becomes a `compile_error!` at its place.
pub(crate) fn close_codes(input: TokenStream) -> TokenStream {
    match syn::parse2::<Invocation>(input) {
        Ok(inv) => {
            let source_file = location(inv.spec.lit().span()).and_then(|l| l.file);
            let mut loader = FileLoader::from_env(source_file);
            expand_invocation(&inv, &mut loader)
        }
        Err(e) => e.to_compile_error(),
    }
}

pub(crate) fn expand_invocation(inv: &Invocation, loader: &mut FileLoader) -> TokenStream {
    let lit = inv.spec.lit();
    let (source, tracking) = match &inv.spec {
        SpecRef::Inline(lit) => (Source::inline(lit.value()), TokenStream::new()),
        SpecRef::File(lit) => match loader.load_root(&lit.value()) {
            Ok((source, found)) => {
                let path = lit.value();
                let include = match found {
                    Found::ManifestDir => {
                        quote!(::core::include_bytes!(
                            ::core::concat!(::core::env!("CARGO_MANIFEST_DIR"), "/", #path)
                        ))
                    }
                    Found::SourceDir => quote!(::core::include_bytes!(#path)),
                };
                (source, quote!(const _: &[u8] = #include;))
            }
            Err(message) => {
                let error = syn::Error::new(lit.span(), message).to_compile_error();
                let stand_in = expand::stand_in(&inv.name, &inv.attrs, &inv.vis);
                return quote!(#error #stand_in);
            }
        },
    };
    match closecodes_spec::load(&source, loader) {
        Ok(table) => {
            let target = Target {
                krate: &inv.krate,
                name: &inv.name,
                standard: inv.standard,
                derive: false,
            };
            let def = expand::enum_def(&target, &table, &inv.attrs, &inv.vis);
            let mut block = expand::impls(&target, &table);
            block.extend(tracking);
            for (_, resolved) in &table.files {
                block.extend(quote!(
                    const _: &[u8] = ::core::include_bytes!(#resolved);
                ));
            }
            let block = proc_macro2::Group::new(proc_macro2::Delimiter::Brace, block);
            // The impls sit in an anonymous const so that a `#[cfg]` on the enum covers them too.
            let cfgs = inv.attrs.iter().filter(|a| a.path().is_ident("cfg"));
            let mut out = def;
            out.extend(quote!(#(#cfgs)* const _: () = #block;));
            out
        }
        Err(errors) => {
            let errors = to_compile_errors(&errors, lit, matches!(inv.spec, SpecRef::Inline(_)));
            let stand_in = expand::stand_in(&inv.name, &inv.attrs, &inv.vis);
            quote!(#errors #stand_in #tracking)
        }
    }
}

/// One `compile_error!` per spec error, on the spec's literal, naming `file:line:col`.
pub(crate) fn to_compile_errors(errors: &Errors, lit: &LitStr, inline: bool) -> TokenStream {
    let mut out = TokenStream::new();
    for error in errors {
        let message = if inline && error.origin == Origin::Inline {
            inline_message(error, lit)
        } else {
            error.to_string()
        };
        out.extend(syn::Error::new(lit.span(), message).to_compile_error());
    }
    out
}

/// Where a span starts, as the compiler knows it.
pub(crate) struct Location {
    /// The source file, if it is a real file on disk.
    pub file: Option<std::path::PathBuf>,
    /// 1-based.
    pub line: usize,
    /// 0-based, in characters.
    pub column: usize,
}

/// The compiler's location of `span`; `None` outside a proc macro (unit tests), where there is no
/// compiler to ask. Read through `proc_macro` rather than `proc_macro2`'s `span-locations`
/// feature, which would make the fallback lexer record a position for every token it makes.
pub(crate) fn location(span: Span) -> Option<Location> {
    if !proc_macro::is_available() {
        return None;
    }
    // `Span::unwrap` converts to the compiler's span, not `Option::unwrap`.
    let span = span.unwrap(); // infallible: inside a proc macro, checked just above

    Some(Location {
        file: span.local_file(),
        line: span.line(),
        column: span.column().saturating_sub(1),
    })
}

/// For an inline spec: the line and column inside the string, and where that is in the Rust file.
fn inline_message(error: &Error, lit: &LitStr) -> String {
    let token = lit.token().to_string();
    let prefix = token.find('"').map_or(1, |i| i + 1);
    let mut message = format!("inline spec, line {}, column {}", error.line, error.column);
    if let Some(start) = location(lit.span()) {
        let (line, column) = if error.line == 1 {
            (start.line, start.column + prefix + error.column)
        } else {
            (start.line + error.line - 1, error.column)
        };
        match start.file {
            Some(file) => {
                let _ = write!(message, " ({}:{line}:{column})", file.display());
            }
            None => {
                let _ = write!(message, " (line {line}, column {column} of this file)");
            }
        }
    }
    let _ = write!(message, ": {}\n{}", error.message, error.snippet());
    message
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// A fresh directory under the target dir holding `files`.
    fn fixture(name: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../target/invoke-tests")
            .join(name);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (file, text) in files {
            std::fs::write(dir.join(file), text).unwrap();
        }
        dir
    }

    fn expand(dir: PathBuf, tokens: TokenStream) -> String {
        let inv: Invocation = syn::parse2(tokens).unwrap();
        let mut loader = FileLoader {
            manifest_dir: Some(dir),
            source_dir: None,
        };
        expand_invocation(&inv, &mut loader).to_string()
    }

    #[test]
    fn file_specs_and_their_bases_are_tracked_for_rebuilds() {
        let dir = fixture(
            "tracked",
            &[
                (
                    "base.toml",
                    "extends = \"websocket\"\n[[code]]\ncode = 4001\nname = \"A\"\ndescription = \"a\"\n",
                ),
                (
                    "app.toml",
                    "extends = \"base.toml\"\n[[code]]\ncode = 4002\nname = \"B\"\ndescription = \"b\"\n",
                ),
            ],
        );
        let out = expand(
            dir.clone(),
            quote!([::closecodes] pub enum App from "app.toml";),
        );
        assert!(
            out.contains(":: core :: include_bytes ! (:: core :: concat ! (:: core :: env ! (\"CARGO_MANIFEST_DIR\") , \"/\" , \"app.toml\"))"),
            "{out}"
        );
        let base = dir.join("base.toml").canonicalize().unwrap();
        assert!(
            out.contains(&format!(
                "include_bytes ! ({:?})",
                base.display().to_string()
            )),
            "{out}"
        );
        assert!(
            out.contains("B ,") && out.contains("A ,"),
            "both levels' codes are variants"
        );
    }

    #[test]
    fn a_missing_file_is_an_error_on_the_path_with_a_stand_in_enum() {
        let dir = fixture("missing", &[]);
        let out = expand(dir, quote!([::closecodes] pub enum App from "nope.toml";));
        assert!(
            out.contains("compile_error ! { \"cannot find spec file `nope.toml`"),
            "{out}"
        );
        assert!(out.contains("pub enum App { }"), "{out}");
    }

    #[test]
    fn spec_errors_are_all_reported_with_file_line_and_column() {
        let dir = fixture(
            "errors",
            &[(
                "bad.toml",
                "[[code]]\ncode = 1\nname = \"x\"\ndescription = \"d\"\n[[code]]\ncode = 1\nname = \"Y\"\ndescription = \"d\"\n",
            )],
        );
        let out = expand(dir, quote!([::closecodes] pub enum Bad from "bad.toml";));
        assert_eq!(out.matches("compile_error !").count(), 2, "{out}");
        assert!(
            out.contains("bad.toml:3:8: code name `x` is not UpperCamelCase"),
            "{out}"
        );
        assert!(out.contains("bad.toml:6:8: duplicate code 1"), "{out}");
    }
}
