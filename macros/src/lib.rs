//! Procedural macros of `closecodes`; use them through the `closecodes` crate, which documents them.
//!
//! Each entry point only converts tokens and calls one function written against `proc_macro2`.

mod expand;
mod input;
mod invoke;
mod load;

use proc_macro::TokenStream;

/// The engine of `closecodes::close_codes!`; call that macro instead, which passes its own path.
#[doc(hidden)]
#[proc_macro]
pub fn close_codes(input: TokenStream) -> TokenStream {
    invoke::close_codes(input.into()).into()
}

#[cfg(test)]
mod no_panic;
