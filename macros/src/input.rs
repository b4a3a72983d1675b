//! The grammar of a `close_codes!` invocation: `[$crate] #[attrs] vis enum Name from "path";` or `= "toml";`.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Ident, LitStr, Token, Visibility};

/// Where the spec's text comes from.
pub(crate) enum SpecRef {
    /// `from "path.toml"`: a file, relative to `CARGO_MANIFEST_DIR`.
    File(LitStr),
    /// `= "toml"`: the spec written inline.
    Inline(LitStr),
}

impl SpecRef {
    pub(crate) fn lit(&self) -> &LitStr {
        match self {
            SpecRef::File(lit) | SpecRef::Inline(lit) => lit,
        }
    }
}

/// A parsed `close_codes!` invocation.
pub(crate) struct Invocation {
    /// The path of the runtime crate (`$crate` from the front-door `macro_rules!`).
    pub krate: TokenStream,
    /// Set only by the runtime for its own `CloseCode`: no conversions to itself.
    pub standard: bool,
    /// Attributes on the enum, doc comments included, in order; `#[close_codes(...)]` taken out.
    pub attrs: Vec<Attribute>,
    /// `#[close_codes(convert = "...")]` and `try_convert`.
    pub conversions: Vec<closecodes_codegen::Conversion>,
    pub vis: Visibility,
    pub name: Ident,
    pub spec: SpecRef,
}

mod kw {
    syn::custom_keyword!(from);
    syn::custom_keyword!(__standard);
}

impl Parse for Invocation {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        // The front door passes `[$crate]`; a direct call may omit it and get `::closecodes`.
        let krate = if input.peek(syn::token::Bracket) && !input.peek(Token![#]) {
            let content;
            syn::bracketed!(content in input);
            let mut krate = TokenStream::new();
            while !content.is_empty() {
                krate.extend([content.parse::<TokenTree>()?]);
            }
            krate
        } else {
            quote::quote!(::closecodes)
        };
        let standard = if input.peek(kw::__standard) {
            input.parse::<kw::__standard>()?;
            true
        } else {
            false
        };
        let (conversions, attrs) =
            crate::attrs::macro_options(input.call(Attribute::parse_outer)?)?;
        let vis: Visibility = input.parse()?;
        if !input.peek(Token![enum]) {
            return Err(
                input.error("expected `enum`, as in `pub enum CloseCode from \"codes.toml\";`")
            );
        }
        input.parse::<Token![enum]>()?;
        let name: Ident = input.parse()?;
        let spec = if input.peek(kw::from) {
            input.parse::<kw::from>()?;
            SpecRef::File(parse_lit(
                input,
                "a path string after `from`, as in `from \"codes.toml\"`",
            )?)
        } else if input.peek(Token![=]) {
            input.parse::<Token![=]>()?;
            SpecRef::Inline(parse_lit(
                input,
                "a TOML string after `=`, as in `= r#\"...\"#`",
            )?)
        } else {
            return Err(
                input.error("expected `from \"path.toml\"` or `= r#\"...\"#` after the enum name")
            );
        };
        if input.is_empty() {
            return Err(syn::Error::new(
                Span::call_site(),
                "expected `;` after the spec",
            ));
        }
        input.parse::<Token![;]>()?;
        if !input.is_empty() {
            return Err(
                input.error("unexpected tokens after `;`; expected one enum per `close_codes!`")
            );
        }
        Ok(Invocation {
            krate,
            standard,
            attrs,
            conversions,
            vis,
            name,
            spec,
        })
    }
}

fn parse_lit(input: ParseStream<'_>, expected: &str) -> syn::Result<LitStr> {
    if input.peek(LitStr) {
        input.parse()
    } else {
        Err(input.error(format!("expected {expected}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    #[test]
    fn parses_file_form_with_attrs_and_krate() {
        let inv: Invocation = syn::parse2(quote! {
            [::my_cc] #[doc = " Chat."] #[derive(Hash)] pub(crate) enum Chat from "codes/chat.toml";
        })
        .unwrap();
        assert_eq!(inv.krate.to_string(), ":: my_cc");
        assert_eq!(inv.attrs.len(), 2);
        assert_eq!(inv.name, "Chat");
        assert!(matches!(inv.vis, Visibility::Restricted(_)));
        assert!(matches!(&inv.spec, SpecRef::File(l) if l.value() == "codes/chat.toml"));
        assert!(!inv.standard);
    }

    #[test]
    fn parses_inline_form_and_standard_flag() {
        let inv: Invocation = syn::parse2(
            quote! { [crate] __standard pub enum CloseCode = "extends = \"websocket\""; },
        )
        .unwrap();
        assert!(inv.standard);
        assert!(matches!(&inv.spec, SpecRef::Inline(l) if l.value().contains("websocket")));
        assert_eq!(inv.krate.to_string(), "crate");
    }

    #[test]
    fn rejects_bad_forms_with_what_is_expected() {
        let cases = [
            (quote! { pub struct X from "a.toml"; }, "expected `enum`"),
            (
                quote! { pub enum X "a.toml"; },
                "expected `from \"path.toml\"`",
            ),
            (quote! { pub enum X from a; }, "expected a path string"),
            (quote! { pub enum X = 5; }, "expected a TOML string"),
            (quote! { pub enum X from "a.toml" }, "expected `;`"),
            (
                quote! { pub enum X from "a.toml"; pub enum Y from "b.toml"; },
                "one enum per",
            ),
        ];
        for (tokens, expected) in cases {
            let err = syn::parse2::<Invocation>(tokens).err().unwrap().to_string();
            assert!(
                err.contains(expected),
                "{err:?} should contain {expected:?}"
            );
        }
    }
}
