//! `#[derive(CloseCodes)]`: a hand-written enum, checked against a table, gets the table's API.

use closecodes_spec::{
    CodeSpec, Errors, Interval, Origin, RangeSpec, Repr, Source, Spanned, Spec, TableSpec,
};
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::spanned::Spanned as _;
use syn::{Attribute, Data, DeriveInput, Fields, LitInt, LitStr, Token};

use crate::expand::{self, Target};
use crate::load::FileLoader;

/// Expands the derive; every problem becomes a `compile_error!` at the offending token.
pub(crate) fn derive(input: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error(),
    };
    let mut loader =
        FileLoader::from_env(crate::invoke::location(input.ident.span()).and_then(|l| l.file));
    match expand_derive(&input, &mut loader) {
        Ok(tokens) => tokens,
        Err(errors) => errors.into_iter().map(|e| e.to_compile_error()).collect(),
    }
}

/// Spans of the Rust tokens behind a synthesized `Spec`: spec span `i..i+1` is `spans[i]`.
#[derive(Default)]
struct SpanMap {
    spans: Vec<Span>,
    labels: Vec<(std::ops::Range<usize>, String)>,
}

impl SpanMap {
    fn add(&mut self, span: Span, label: &str) -> std::ops::Range<usize> {
        let i = self.spans.len();
        self.spans.push(span);
        self.labels.push((i..i + 1, label.to_owned()));
        i..i + 1
    }

    fn get(&self, range: &std::ops::Range<usize>) -> Span {
        self.spans
            .get(range.start)
            .copied()
            .unwrap_or_else(Span::call_site)
    }
}

struct Options {
    extends: Option<LitStr>,
    repr: Option<LitStr>,
    krate: Option<syn::Path>,
}

#[allow(clippy::too_many_lines)]
pub(crate) fn expand_derive(
    input: &DeriveInput,
    loader: &mut FileLoader,
) -> Result<TokenStream, Vec<syn::Error>> {
    let mut errors = Vec::new();
    let Data::Enum(data) = &input.data else {
        return Err(vec![syn::Error::new(
            input.ident.span(),
            "`CloseCodes` can only be derived for an enum; expected `enum`",
        )]);
    };
    if !input.generics.params.is_empty() {
        errors.push(syn::Error::new(
            input.generics.span(),
            "a code table cannot be generic; expected an enum without type or lifetime parameters",
        ));
    }
    let options = options(&input.attrs, &mut errors);
    let mut map = SpanMap::default();
    let enum_name = input.ident.to_string();

    let repr = options.repr.as_ref().and_then(|lit| {
        let repr = Repr::from_name(&lit.value());
        if repr.is_none() {
            errors.push(syn::Error::new(
                lit.span(),
                format!(
                    "unknown `repr` \"{}\"; expected one of `u8`, `u16`, `u32`, `u64`, `i8`, `i16`, `i32`, `i64`",
                    lit.value()
                ),
            ));
        }
        repr.map(|r| Spanned::new(r, map.add(lit.span(), "`repr`")))
    });
    // The repr the field types must have: the one written, else the base's, else u16.
    let expected_repr = repr.as_ref().map(|r| r.value).or_else(|| {
        options.extends.as_ref().and_then(|e| {
            Source::builtin(&e.value())
                .and_then(|s| closecodes_spec::load(&s, &mut closecodes_spec::NoFiles).ok())
                .map(|t| t.repr)
        })
    });

    let mut spec = Spec {
        extends: options
            .extends
            .as_ref()
            .map(|lit| Spanned::new(lit.value(), map.add(lit.span(), "`extends`"))),
        table: TableSpec {
            repr,
            description: docs(&input.attrs)
                .map(|d| Spanned::new(d, map.add(input.ident.span(), "the enum"))),
            ..TableSpec::default()
        },
        ..Spec::default()
    };

    for variant in &data.variants {
        let ident = &variant.ident;
        let label = format!("variant `{ident}`");
        let mut code: Option<(i128, Span)> = None;
        let mut codes: Option<Vec<(Interval, Span)>> = None;
        let mut reason: Option<LitStr> = None;
        // An attribute that failed to parse was reported; the variant is then left out quietly.
        let mut broken = false;
        for attr in &variant.attrs {
            if attr.path().is_ident("code") {
                match attr.parse_args_with(parse_signed) {
                    Ok(v) => code = Some(v),
                    Err(e) => {
                        errors.push(e);
                        broken = true;
                    }
                }
            } else if attr.path().is_ident("codes") {
                match attr.parse_args_with(parse_intervals) {
                    Ok(v) => codes = Some(v),
                    Err(e) => {
                        errors.push(e);
                        broken = true;
                    }
                }
            } else if attr.path().is_ident("reason") {
                match attr.parse_args::<LitStr>() {
                    Ok(lit) if lit.value().trim().is_empty() => errors.push(syn::Error::new(
                        lit.span(),
                        "`reason` is empty; expected a short phrase such as \"Unauthorized\"",
                    )),
                    Ok(lit) => reason = Some(lit),
                    Err(e) => errors.push(syn::Error::new(
                        e.span(),
                        "expected a string, as in `#[reason(\"Unauthorized\")]`",
                    )),
                }
            }
        }
        let description = docs(&variant.attrs);
        if description.is_none() {
            errors.push(syn::Error::new(
                ident.span(),
                format!("variant `{ident}` has no doc comment; expected `///` lines saying what the code means"),
            ));
        }
        let name = Spanned::new(ident.to_string(), map.add(ident.span(), &label));
        let description = Spanned::new(description.unwrap_or_default(), name.span.clone());
        let reason = reason.map(|lit| Spanned::new(lit.value(), map.add(lit.span(), &label)));
        match (code, codes, &variant.fields) {
            (Some(_), Some(_), _) => errors.push(syn::Error::new(
                ident.span(),
                format!("variant `{ident}` has both `#[code]` and `#[codes]`; expected `#[code(n)]` on a unit variant or `#[codes(\"a..=b\")]` on a one-field variant"),
            )),
            (None, None, _) if broken => {}
            (None, None, _) => errors.push(syn::Error::new(
                ident.span(),
                format!("variant `{ident}` has no code; expected `#[code(n)]` on a unit variant or `#[codes(\"a..=b\")]` on a one-field variant"),
            )),
            (Some((value, span)), None, Fields::Unit) => {
                if let Some((_, discriminant)) = &variant.discriminant {
                    errors.push(syn::Error::new(
                        discriminant.span(),
                        "an explicit discriminant is not the code; expected the code in `#[code(n)]` only",
                    ));
                }
                let span_id = map.add(span, &label);
                spec.codes.push(CodeSpec {
                    span: span_id.clone(),
                    code: Spanned::new(value, span_id),
                    name: Some(name),
                    reason,
                    description,
                    sendable: None,
                });
            }
            (Some(_), None, fields) => errors.push(syn::Error::new(
                fields.span(),
                format!("variant `{ident}` has `#[code]` and fields; expected a unit variant, or `#[codes(...)]` for a variant that carries the value"),
            )),
            (None, Some(intervals), Fields::Unnamed(fields)) if fields.unnamed.len() == 1 => {
                let field = &fields.unnamed[0];
                let ty = field.ty.to_token_stream().to_string();
                if let Some(repr) = expected_repr.filter(|r| r.name() != ty) {
                    errors.push(syn::Error::new(
                        field.ty.span(),
                        format!("the field of `{ident}` is `{ty}`; expected `{repr}`, the table's repr"),
                    ));
                }
                let intervals = intervals
                    .into_iter()
                    .map(|(iv, span)| Spanned::new(iv, map.add(span, &label)))
                    .collect();
                spec.ranges.push(RangeSpec {
                    span: name.span.clone(),
                    name,
                    intervals,
                    reason,
                    description,
                    sendable: None,
                    assignable: None,
                });
            }
            (None, Some(_), fields) => errors.push(syn::Error::new(
                if matches!(fields, Fields::Unit) { ident.span() } else { fields.span() },
                format!("variant `{ident}` has `#[codes]`; expected exactly one unnamed field holding the value, as in `{ident}(u16)`"),
            )),
        }
    }

    let source = Source::derive(&enum_name, map.labels.clone());
    let table = match closecodes_spec::check_derive(&spec, &source, loader) {
        Ok(table) => Some(table),
        Err(spec_errors) => {
            errors.extend(to_syn_errors(&spec_errors, &map, options.extends.as_ref()));
            None
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let Some(table) = table else {
        return Err(vec![syn::Error::new(
            input.ident.span(),
            "the table could not be checked",
        )]);
    };
    let krate = options
        .krate
        .map_or_else(|| quote!(::closecodes), |p| p.to_token_stream());
    let name = &input.ident;
    let target = Target {
        krate: &krate,
        name,
        standard: false,
        derive: true,
    };
    let mut block = quote! {
        // The accessors take `self` by value: the enum must be `Copy`.
        fn assert_copy<T: ::core::marker::Copy>() {}
        let _ = assert_copy::<#name>;
    };
    block.extend(expand::impls(&target, &table));
    for (_, resolved) in &table.files {
        block.extend(quote!(
            const _: &[u8] = ::core::include_bytes!(#resolved);
        ));
    }
    let block = proc_macro2::Group::new(proc_macro2::Delimiter::Brace, block);
    Ok(quote!(const _: () = #block;))
}

fn options(attrs: &[Attribute], errors: &mut Vec<syn::Error>) -> Options {
    let mut options = Options {
        extends: None,
        repr: None,
        krate: None,
    };
    for attr in attrs.iter().filter(|a| a.path().is_ident("close_codes")) {
        let result = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("extends") {
                options.extends = Some(meta.value()?.parse()?);
            } else if meta.path.is_ident("repr") {
                options.repr = Some(meta.value()?.parse()?);
            } else if meta.path.is_ident("crate") {
                let lit: LitStr = meta.value()?.parse()?;
                options.krate = Some(lit.parse()?);
            } else {
                let key = meta.path.to_token_stream().to_string();
                return Err(meta.error(format!(
                    "unknown option `{key}` in `#[close_codes(...)]`; expected `extends`, `repr` or `crate`"
                )));
            }
            Ok(())
        });
        if let Err(e) = result {
            errors.push(e);
        }
    }
    options
}

/// The doc comment of an item, lines trimmed and joined; `None` if there is none.
fn docs(attrs: &[Attribute]) -> Option<String> {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    let text = lines
        .iter()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join("\n");
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// `4001` or `-1` in `#[code(...)]`.
fn parse_signed(input: syn::parse::ParseStream<'_>) -> syn::Result<(i128, Span)> {
    let negative = input.parse::<Option<Token![-]>>()?.is_some();
    let lit: LitInt = input.parse().map_err(|e| {
        syn::Error::new(e.span(), "expected an integer code, as in `#[code(4001)]`")
    })?;
    let value: i128 = lit.base10_parse()?;
    Ok((if negative { -value } else { value }, lit.span()))
}

/// `"4000..=4999"`, `4000`, or several of them, in `#[codes(...)]`.
fn parse_intervals(input: syn::parse::ParseStream<'_>) -> syn::Result<Vec<(Interval, Span)>> {
    let mut out = Vec::new();
    while !input.is_empty() {
        if input.peek(LitStr) {
            let lit: LitStr = input.parse()?;
            let interval = closecodes_spec::parse_interval(&lit.value())
                .map_err(|message| syn::Error::new(lit.span(), message))?;
            out.push((interval, lit.span()));
        } else {
            let (value, span) = parse_signed(input).map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "expected a range string such as \"4000..=4999\" or a code",
                )
            })?;
            out.push((
                Interval {
                    start: value,
                    end: value,
                },
                span,
            ));
        }
        if !input.is_empty() {
            input.parse::<Token![,]>()?;
        }
    }
    if out.is_empty() {
        return Err(input.error("expected at least one range, as in `#[codes(\"4000..=4999\")]`"));
    }
    Ok(out)
}

/// Spec errors at the Rust tokens they are about; errors inside a base file sit on `extends`.
fn to_syn_errors(errors: &Errors, map: &SpanMap, extends: Option<&LitStr>) -> Vec<syn::Error> {
    errors
        .iter()
        .map(|e| {
            if matches!(e.origin, Origin::Derive(_)) {
                let mut message = e.message.clone();
                for note in &e.notes {
                    message.push_str("\n= note: ");
                    message.push_str(note);
                }
                syn::Error::new(map.get(&e.span), message)
            } else {
                let span = extends.map_or_else(Span::call_site, LitStr::span);
                syn::Error::new(span, e.to_string())
            }
        })
        .collect()
}
