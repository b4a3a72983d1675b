//! Procedural macros of `closecodes`; use them through the `closecodes` crate, which documents them.
//!
//! Each entry point only converts tokens and calls one function written against `proc_macro2`.

mod attrs;
mod derive;
mod input;
mod invoke;
mod load;
mod report;

use proc_macro::TokenStream;

/// The engine of `closecodes::close_codes!`; call that macro instead, which passes its own path.
#[doc(hidden)]
#[proc_macro]
pub fn close_codes(input: TokenStream) -> TokenStream {
    invoke::close_codes(input.into()).into()
}

/// Checks a hand-written enum against a code table and gives it the table's API; see
/// `closecodes::CloseCodes`, which documents it.
#[proc_macro_derive(CloseCodes, attributes(close_codes, code, codes, reason, flags, set))]
pub fn close_codes_derive(input: TokenStream) -> TokenStream {
    derive::derive(input.into()).into()
}

#[cfg(test)]
mod golden;
#[cfg(test)]
mod no_panic;
