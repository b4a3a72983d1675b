//! `#[derive(CloseCodes)]`: a hand-written enum, checked against a table, gets the table's API.
//!
//! The enum is turned into a `Spec` whose spans are ids of its Rust tokens ([`SpanMap`]), checked
//! as a view of its base (`closecodes_spec::check_derive`), and generated like a macro table.

use closecodes_codegen::{Kind, Partial, Request};
use closecodes_spec::{
    CodeSpec, RangeSpec, Repr, Setting, Source, Spanned, Spec, Table, TableSpec,
};
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::spanned::Spanned as _;
use syn::{Data, DeriveInput, Fields, Variant};

use crate::attrs::{Options, VariantAttrs, docs};
use crate::load::FileLoader;
use crate::report;

/// Expands the derive; every problem becomes a `compile_error!` at the offending token.
pub(crate) fn derive(input: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error(),
    };
    let mut loader =
        FileLoader::from_env(report::location(input.ident.span()).and_then(|l| l.file));
    match expand_derive(&input, &mut loader) {
        Ok(tokens) => tokens,
        Err((errors, stand_in)) => {
            let mut out: TokenStream = errors.into_iter().map(|e| e.to_compile_error()).collect();
            out.extend(stand_in);
            out
        }
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

/// The field type of a range variant, checked against the table's repr once it is known.
struct RangeField<'a> {
    variant: &'a syn::Ident,
    ty: &'a syn::Type,
    /// Where in the error list the variant's errors end: a wrong type is reported there, so that
    /// errors stay in the order of the variants.
    at: usize,
}

/// The derive's impls, or its errors and the stand-in impls that keep the user's uses of the
/// table from adding errors of their own (none for what is not an enum, or a generic one).
pub(crate) fn expand_derive(
    input: &DeriveInput,
    loader: &mut FileLoader,
) -> Result<TokenStream, (Vec<syn::Error>, TokenStream)> {
    let Data::Enum(data) = &input.data else {
        return Err((
            vec![syn::Error::new(
                input.ident.span(),
                "`CloseCodes` can only be derived for an enum; expected `enum`",
            )],
            TokenStream::new(),
        ));
    };
    let mut errors = Vec::new();
    if !input.generics.params.is_empty() {
        errors.push(syn::Error::new(
            input.generics.span(),
            "a code table cannot be generic; expected an enum without type or lifetime parameters",
        ));
    }
    let options = Options::parse(&input.attrs, &mut errors);
    let mut map = SpanMap::default();
    let mut spec = table_spec(input, &options, &mut map, &mut errors);
    let mut fields = Vec::new();
    for variant in &data.variants {
        add_variant(variant, &mut spec, &mut fields, &mut map, &mut errors);
    }
    let source = Source::derive(input.ident.to_string(), map.labels.clone());
    let table = closecodes_spec::check_derive(&spec, &source, loader).map_err(|spec_errors| {
        errors.extend(report::derive_errors(
            &spec_errors,
            |span| map.get(span),
            options.extends.as_ref(),
        ));
    });
    // The fields must hold the table's repr; without a table (it had errors), the one written.
    let repr = match &table {
        Ok(table) => Some(table.repr),
        Err(()) => spec.table.repr.as_ref().map(|r| r.value),
    };
    if let Some(repr) = repr {
        check_fields(&fields, repr, &mut errors);
    }
    match table {
        Ok(table) if errors.is_empty() => Ok(generate(input, &options, &table)),
        _ if !input.generics.params.is_empty() => Err((errors, TokenStream::new())),
        _ => Err((
            errors,
            stand_in(input, &options, spec, &fields, &source, loader),
        )),
    }
}

/// The impls of the table as far as the enum could be read, for [`expand_derive`]'s errors.
fn stand_in(
    input: &DeriveInput,
    options: &Options,
    mut spec: Spec,
    fields: &[RangeField<'_>],
    source: &Source,
    loader: &mut FileLoader,
) -> TokenStream {
    let base = crate::load::base_table(&spec, source, loader);
    let repr = Partial {
        spec: &spec,
        base: base.as_ref(),
    }
    .repr();
    // A range variant whose field is not the repr cannot be built by the stand-in.
    spec.ranges.retain(|range| {
        fields
            .iter()
            .find(|field| *field.variant == range.name.value)
            .is_none_or(|field| holds_repr(field.ty, repr))
    });
    let krate = krate(options);
    let partial = Partial {
        spec: &spec,
        base: base.as_ref(),
    };
    closecodes_codegen::stand_in_derive(&target(input, options, &krate), partial, &input.vis)
}

/// The spec's `extends` and `[table]` from the enum's options and doc comment.
fn table_spec(
    input: &DeriveInput,
    options: &Options,
    map: &mut SpanMap,
    errors: &mut Vec<syn::Error>,
) -> Spec {
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
    Spec {
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
    }
}

/// One variant as a `[[code]]` (unit variant with `#[code]`) or a `[[range]]` (one field with
/// `#[codes]`); any other shape is an error at the variant.
fn add_variant<'a>(
    variant: &'a Variant,
    spec: &mut Spec,
    fields: &mut Vec<RangeField<'a>>,
    map: &mut SpanMap,
    errors: &mut Vec<syn::Error>,
) {
    let ident = &variant.ident;
    let label = format!("variant `{ident}`");
    let attrs = VariantAttrs::parse(&variant.attrs, errors);
    let description = docs(&variant.attrs);
    if description.is_none() {
        errors.push(syn::Error::new(
            ident.span(),
            format!("variant `{ident}` has no doc comment; expected `///` lines saying what the code means"),
        ));
    }
    let name = Spanned::new(ident.to_string(), map.add(ident.span(), &label));
    let description = Spanned::new(description.unwrap_or_default(), name.span.clone());
    let reason = attrs
        .reason
        .map(|lit| Spanned::new(lit.value(), map.add(lit.span(), &label)));
    let flags = attrs.flags.map(|names| {
        names
            .iter()
            .map(|n| Spanned::new(n.to_string(), map.add(n.span(), &label)))
            .collect::<Vec<_>>()
    });
    let set: Vec<Setting> = attrs
        .set
        .iter()
        .map(|(key, value, span)| Setting {
            key: Spanned::new(key.to_string(), map.add(key.span(), &label)),
            value: Spanned::new(value.clone(), map.add(*span, &label)),
        })
        .collect();
    let shapes =
        "expected `#[code(n)]` on a unit variant or `#[codes(\"a..=b\")]` on a one-field variant";
    match (attrs.code, attrs.codes, &variant.fields) {
        (Some(_), Some(_), _) => errors.push(syn::Error::new(
            ident.span(),
            format!("variant `{ident}` has both `#[code]` and `#[codes]`; {shapes}"),
        )),
        (None, None, _) if attrs.broken => {}
        (None, None, _) => errors.push(syn::Error::new(
            ident.span(),
            format!("variant `{ident}` has no code; {shapes}"),
        )),
        (Some((value, span)), None, Fields::Unit) => {
            if let Some((_, discriminant)) = &variant.discriminant {
                errors.push(syn::Error::new(
                    discriminant.span(),
                    "an explicit discriminant is not the code; expected the code in `#[code(n)]` only",
                ));
            }
            let span = map.add(span, &label);
            spec.codes.push(CodeSpec {
                span: span.clone(),
                code: Spanned::new(value, span.clone()),
                name: Some(name),
                reason,
                description,
                sendable: None,
                flags,
                set,
                aliases: Vec::new(),
                // The user's own `#[deprecated]` stays on their variant; the table knows of it,
                // so that its impls may name the variant without a warning.
                deprecated: variant
                    .attrs
                    .iter()
                    .any(|a| a.path().is_ident("deprecated"))
                    .then(|| Spanned::new("deprecated".to_owned(), span.clone())),
            });
        }
        (Some(_), None, shape) => errors.push(syn::Error::new(
            shape.span(),
            format!("variant `{ident}` has `#[code]` and fields; expected a unit variant, or `#[codes(...)]` for a variant that carries the value"),
        )),
        (None, Some(intervals), Fields::Unnamed(unnamed)) if unnamed.unnamed.len() == 1 => {
            fields.push(RangeField {
                variant: ident,
                ty: &unnamed.unnamed[0].ty,
                at: errors.len(),
            });
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
                flags,
                set,
            });
        }
        (None, Some(_), shape) => errors.push(syn::Error::new(
            if matches!(shape, Fields::Unit) { ident.span() } else { shape.span() },
            format!("variant `{ident}` has `#[codes]`; expected exactly one unnamed field holding the value, as in `{ident}(u16)`"),
        )),
    }
}

/// Each range variant's field is the table's repr: `u16`, or spelled in full as
/// `::core::primitive::u16` (where a module shadows `u16`).
fn check_fields(fields: &[RangeField<'_>], repr: Repr, errors: &mut Vec<syn::Error>) {
    for field in fields.iter().rev() {
        if !holds_repr(field.ty, repr) {
            let ty = field.ty.to_token_stream().to_string();
            errors.insert(
                field.at,
                syn::Error::new(
                    field.ty.span(),
                    format!(
                        "the field of `{}` is `{ty}`; expected `{repr}`, the table's repr",
                        field.variant
                    ),
                ),
            );
        }
    }
}

/// Whether a field of type `ty` holds `repr`: `u16`, or `u16` spelled in full.
fn holds_repr(ty: &syn::Type, repr: Repr) -> bool {
    let ty = ty.to_token_stream().to_string();
    let spelled: String = ty.split_whitespace().collect();
    let full = [
        format!("::core::primitive::{repr}"),
        format!("core::primitive::{repr}"),
        format!("::std::primitive::{repr}"),
        format!("std::primitive::{repr}"),
    ];
    ty == repr.name() || full.contains(&spelled)
}

fn generate(input: &DeriveInput, options: &Options, table: &Table) -> TokenStream {
    let krate = krate(options);
    closecodes_codegen::derive(&target(input, options, &krate), table, &input.vis)
}

/// The runtime's path: `crate = "..."`, else `::closecodes`.
fn krate(options: &Options) -> TokenStream {
    options
        .krate
        .as_ref()
        .map_or_else(|| quote!(::closecodes), ToTokens::to_token_stream)
}

fn target<'a>(input: &'a DeriveInput, options: &'a Options, krate: &'a TokenStream) -> Request<'a> {
    Request {
        krate,
        name: &input.ident,
        kind: Kind::Derive,
        conversions: &options.conversions,
    }
}
