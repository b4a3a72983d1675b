//! Spec errors as compile errors, for both front ends: each at its place, `file:line:col` and the
//! TOML line in the message where the place is inside a spec.

use std::fmt::Write as _;

use closecodes_spec::{Error, Errors, Origin};
use proc_macro2::{Span, TokenStream};
use syn::LitStr;

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

/// `close_codes!`: one `compile_error!` per spec error, on the spec's literal, naming
/// `file:line:col` (or, for an inline spec, the line and column inside the string and in the
/// Rust file).
pub(crate) fn spec_errors(
    errors: &Errors,
    lit: &LitStr,
    inline: bool,
    help: Option<&str>,
) -> TokenStream {
    let mut out = TokenStream::new();
    for (i, error) in errors.iter().enumerate() {
        let mut message = if inline && error.origin == Origin::Inline {
            inline_message(error, lit)
        } else {
            error.to_string()
        };
        if let Some(help) = help.filter(|_| i == 0) {
            message.push_str("\n= help: ");
            message.push_str(help);
        }
        out.extend(syn::Error::new(lit.span(), message).to_compile_error());
    }
    out
}

/// The derive: errors about the enum at the Rust tokens they are about (`span_of` maps a spec
/// span to its token), errors inside a base file on the `extends` option.
pub(crate) fn derive_errors(
    errors: &Errors,
    span_of: impl Fn(&std::ops::Range<usize>) -> Span,
    extends: Option<&LitStr>,
) -> Vec<syn::Error> {
    errors
        .iter()
        .map(|e| {
            if matches!(e.origin, Origin::Derive(_)) {
                let mut message = e.headline();
                for note in &e.notes {
                    message.push_str("\n= note: ");
                    message.push_str(note);
                }
                syn::Error::new(span_of(&e.span), message)
            } else {
                let span = extends.map_or_else(Span::call_site, LitStr::span);
                syn::Error::new(span, e.to_string())
            }
        })
        .collect()
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
    let _ = write!(message, ": {}\n{}", error.headline(), error.snippet());
    message
}
