//! The derive's helper attributes, parsed into plain values: `#[close_codes(...)]` on the enum,
//! `#[code]`, `#[codes]` and `#[reason]` on variants, and doc comments.

use closecodes_codegen::Conversion;
use closecodes_spec::Interval;
use proc_macro2::Span;
use quote::ToTokens;
use syn::{Attribute, LitInt, LitStr, Token};

/// `#[close_codes(extends = "...", repr = "...", crate = "...", convert = "...", try_convert = "...")]`.
#[derive(Default)]
pub(crate) struct Options {
    pub extends: Option<LitStr>,
    pub repr: Option<LitStr>,
    pub krate: Option<syn::Path>,
    pub conversions: Vec<Conversion>,
}

/// `convert = "path::Type"` or `try_convert = "path::Type"`, if `meta` is one.
///
/// # Errors
///
/// When the value is not a string holding a type.
pub(crate) fn conversion(meta: &syn::meta::ParseNestedMeta<'_>) -> syn::Result<Option<Conversion>> {
    let fallible = if meta.path.is_ident("convert") {
        false
    } else if meta.path.is_ident("try_convert") {
        true
    } else {
        return Ok(None);
    };
    let lit: LitStr = meta.value()?.parse()?;
    let ty: syn::Type = lit.parse().map_err(|_| {
        syn::Error::new(
            lit.span(),
            format!("`{}` is not a type; expected a path such as \"tungstenite::protocol::frame::coding::CloseCode\"", lit.value()),
        )
    })?;
    Ok(Some(Conversion { ty, fallible }))
}

/// The `#[close_codes(...)]` options of a `close_codes!` invocation (only conversions: the spec
/// holds the rest), and the attributes to forward to the enum.
pub(crate) fn macro_options(
    attrs: Vec<Attribute>,
) -> syn::Result<(Vec<Conversion>, Vec<Attribute>)> {
    let mut conversions = Vec::new();
    let mut forwarded = Vec::new();
    let mut errors: Option<syn::Error> = None;
    for attr in attrs {
        if !attr.path().is_ident("close_codes") {
            forwarded.push(attr);
            continue;
        }
        let result = attr.parse_nested_meta(|meta| match conversion(&meta) {
            Ok(Some(c)) => {
                conversions.push(c);
                Ok(())
            }
            // Reported, and the rest of the attribute still read.
            Err(e) => {
                gather(&mut errors, e);
                Ok(())
            }
            Ok(None) => {
                let key = meta.path.to_token_stream().to_string();
                Err(meta.error(format!(
                    "unknown option `{key}` in `#[close_codes(...)]`; expected `convert` or `try_convert` (the spec holds the table's other settings)"
                )))
            }
        });
        if let Err(e) = result {
            gather(&mut errors, e);
        }
    }
    match errors {
        Some(errors) => Err(errors),
        None => Ok((conversions, forwarded)),
    }
}

impl Options {
    /// Reads every `#[close_codes(...)]` of the enum; a malformed one is an error in `errors`.
    pub(crate) fn parse(attrs: &[Attribute], errors: &mut Vec<syn::Error>) -> Self {
        let mut options = Options::default();
        for attr in attrs.iter().filter(|a| a.path().is_ident("close_codes")) {
            let result = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("extends") {
                    options.extends = Some(meta.value()?.parse()?);
                } else if meta.path.is_ident("repr") {
                    options.repr = Some(meta.value()?.parse()?);
                } else if meta.path.is_ident("crate") {
                    let lit: LitStr = meta.value()?.parse()?;
                    options.krate = Some(lit.parse()?);
                } else if let Some(c) = conversion(&meta)? {
                    options.conversions.push(c);
                } else {
                    let key = meta.path.to_token_stream().to_string();
                    return Err(meta.error(format!(
                        "unknown option `{key}` in `#[close_codes(...)]`; expected `extends`, `repr`, `crate`, `convert` or `try_convert`"
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
}

/// The attributes of one variant.
#[derive(Default)]
pub(crate) struct VariantAttrs {
    /// `#[code(4001)]`, with the span of the number.
    pub code: Option<(i128, Span)>,
    /// `#[codes("4000..=4999", 5000)]`, each interval with its span.
    pub codes: Option<Vec<(Interval, Span)>>,
    /// `#[reason("...")]`.
    pub reason: Option<LitStr>,
    /// `#[flags(reconnectable, ...)]`: the flags (declared by the base table) the variant sets.
    pub flags: Option<Vec<syn::Ident>>,
    /// `#[set(action = "back_off", browser_closable = false)]`: the flags and properties
    /// (declared by the base table) the variant sets, each name with its value.
    pub set: Vec<(syn::Ident, closecodes_spec::SetValue, Span)>,
    /// A `#[code]` or `#[codes]` failed to parse (and was reported): the variant is then left out
    /// quietly rather than reported again as having no code.
    pub broken: bool,
}

impl VariantAttrs {
    /// Adds `name = value` from a `#[set(...)]`, or reports a name this variant already sets (in
    /// this or an earlier `#[set]`), as a TOML table reports a key written twice.
    fn push_set(
        &mut self,
        name: &syn::Ident,
        value: closecodes_spec::SetValue,
        span: Span,
        errors: &mut Vec<syn::Error>,
    ) {
        if self.set.iter().any(|(set, ..)| set == name) {
            errors.push(syn::Error::new(
                name.span(),
                format!(
                    "`{name}` is set twice on this variant; expected each flag or property once"
                ),
            ));
            return;
        }
        self.set.push((name.clone(), value, span));
    }

    pub(crate) fn parse(attrs: &[Attribute], errors: &mut Vec<syn::Error>) -> Self {
        let mut out = VariantAttrs::default();
        for attr in attrs {
            if attr.path().is_ident("code") {
                match attr.parse_args_with(parse_signed) {
                    Ok(v) => out.code = Some(v),
                    Err(e) => {
                        errors.push(e);
                        out.broken = true;
                    }
                }
            } else if attr.path().is_ident("codes") {
                match attr.parse_args_with(parse_intervals) {
                    Ok(v) => out.codes = Some(v),
                    Err(e) => {
                        errors.push(e);
                        out.broken = true;
                    }
                }
            } else if attr.path().is_ident("flags") {
                let parsed = attr.parse_args_with(
                    syn::punctuated::Punctuated::<syn::Ident, Token![,]>::parse_terminated,
                );
                match parsed {
                    Ok(_) if out.flags.is_some() => errors.push(syn::Error::new_spanned(
                        attr,
                        "a second `#[flags(...)]` on this variant; expected one, listing every flag it sets",
                    )),
                    Ok(names) => out.flags = Some(names.into_iter().collect()),
                    Err(e) => errors.push(syn::Error::new(
                        e.span(),
                        "expected flag names, as in `#[flags(reconnectable)]`",
                    )),
                }
            } else if attr.path().is_ident("set") {
                let parsed = attr.parse_args_with(
                    syn::punctuated::Punctuated::<syn::MetaNameValue, Token![,]>::parse_terminated,
                );
                let expected = "expected flags and properties with their values, as in `#[set(action = \"back_off\", browser_closable = false)]`";
                match parsed {
                    Ok(pairs) => {
                        for pair in pairs {
                            match (pair.path.get_ident(), &pair.value) {
                                (Some(name), syn::Expr::Lit(lit)) => {
                                    let value = set_value(&lit.lit, false);
                                    out.push_set(name, value, lit.lit.span(), errors);
                                }
                                (Some(_), syn::Expr::Unary(negative))
                                    if matches!(negative.op, syn::UnOp::Neg(_)) =>
                                {
                                    // `-5`: an integer literal with its sign.
                                    if let (Some(name), syn::Expr::Lit(lit)) =
                                        (pair.path.get_ident(), &*negative.expr)
                                        && let syn::Lit::Int(_) = &lit.lit
                                    {
                                        let value = set_value(&lit.lit, true);
                                        out.push_set(name, value, lit.lit.span(), errors);
                                    } else {
                                        errors.push(syn::Error::new(
                                            syn::spanned::Spanned::span(&pair.value),
                                            expected,
                                        ));
                                    }
                                }
                                _ => errors.push(syn::Error::new(
                                    syn::spanned::Spanned::span(&pair.value),
                                    expected,
                                )),
                            }
                        }
                    }
                    Err(e) => errors.push(syn::Error::new(e.span(), expected)),
                }
            } else if attr.path().is_ident("reason") {
                match attr.parse_args::<LitStr>() {
                    Ok(lit) if lit.value().trim().is_empty() => errors.push(syn::Error::new(
                        lit.span(),
                        "`reason` is empty; expected a short phrase such as \"Unauthorized\"",
                    )),
                    Ok(lit) => out.reason = Some(lit),
                    Err(e) => errors.push(syn::Error::new(
                        e.span(),
                        "expected a string, as in `#[reason(\"Unauthorized\")]`",
                    )),
                }
            }
        }
        out
    }
}

/// A literal of `#[set(...)]` (negated, after a `-`) as a spec would have written it.
fn set_value(lit: &syn::Lit, negative: bool) -> closecodes_spec::SetValue {
    use closecodes_spec::SetValue;
    match lit {
        syn::Lit::Bool(b) => SetValue::Boolean(b.value),
        syn::Lit::Str(s) => SetValue::Word(s.value()),
        syn::Lit::Int(i) => i.base10_parse::<i128>().map_or(
            SetValue::Other("an integer too large for any integer type"),
            |n| SetValue::Integer(if negative { -n } else { n }),
        ),
        syn::Lit::Float(_) => SetValue::Other("a float"),
        _ => SetValue::Other("a literal of another kind"),
    }
}

/// Adds `error` to those gathered so far.
fn gather(errors: &mut Option<syn::Error>, error: syn::Error) {
    match errors {
        Some(all) => all.combine(error),
        None => *errors = Some(error),
    }
}

/// The doc comment of an item, lines trimmed and joined; `None` if there is none.
pub(crate) fn docs(attrs: &[Attribute]) -> Option<String> {
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
