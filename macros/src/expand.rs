//! Token generation: a checked `Table` becomes the enum, its `const fn`s, trait impls and rustdoc.

use std::collections::HashMap;
use std::fmt::Write as _;

use closecodes_spec::{CodeRange, Interval, Repr, Table};
use proc_macro2::{Delimiter, Ident, Span, TokenStream, TokenTree};
use quote::{format_ident, quote};

/// What the generated items are named and where the runtime lives.
pub(crate) struct Target<'a> {
    /// Path of the runtime crate.
    pub krate: &'a TokenStream,
    /// The enum's name.
    pub name: &'a Ident,
    /// True only for the runtime's own `CloseCode`.
    pub standard: bool,
    /// True for `#[derive(CloseCodes)]`: the user's derives stay theirs, so no comparison impls.
    pub derive: bool,
}

/// The enum definition: user attributes, generated docs, variants with their docs.
pub(crate) fn enum_def(
    target: &Target<'_>,
    table: &Table,
    attrs: &[syn::Attribute],
    vis: &syn::Visibility,
) -> TokenStream {
    let name = target.name;
    let has_user_docs = attrs.iter().any(|a| a.path().is_ident("doc"));
    let mut docs = Vec::new();
    if !has_user_docs {
        match &table.description {
            Some(d) => docs.push(d.clone()),
            None => docs.push(format!("Codes of the `{name}` table.")),
        }
    }
    docs.push(String::new());
    docs.extend(
        doc_table(&name.to_string(), table)
            .lines()
            .map(str::to_owned),
    );
    let attrs = attrs.iter().filter_map(strip_builtin_derives);
    let non_exhaustive = table.non_exhaustive.then(|| quote!(#[non_exhaustive]));
    let mut variants = String::new();
    for c in &table.codes {
        let mut head = format!("`{}`", c.value);
        if let Some(reason) = &c.reason {
            let _ = write!(head, " {reason}");
        }
        let mut lines = vec![head, String::new(), c.description.clone()];
        if !c.sendable {
            lines.extend([String::new(), "Never sent on the wire.".to_owned()]);
        }
        push_docs(&mut variants, &lines);
        let _ = writeln!(variants, "{},", c.name);
    }
    for r in &table.ranges {
        let list: Vec<String> = r.intervals.iter().map(|i| format!("`{i}`")).collect();
        let mut head = format!("Codes {}", list.join(", "));
        if let Some(reason) = &r.reason {
            let _ = write!(head, ": {reason}");
        }
        head.push('.');
        let mut lines = vec![head, String::new(), r.description.clone()];
        if !r.documented.is_empty() {
            lines.extend([
                String::new(),
                "Codes documented in this range:".to_owned(),
                String::new(),
            ]);
            for d in &r.documented {
                let reason = d
                    .reason
                    .as_deref()
                    .map_or(String::new(), |r| format!(" {r}"));
                lines.push(format!("- `{}`{reason}: {}", d.value, d.description));
            }
        }
        if !r.sendable {
            lines.extend([String::new(), "Never sent on the wire.".to_owned()]);
        }
        push_docs(&mut variants, &lines);
        let _ = writeln!(variants, "{}({}),", r.name, table.repr);
    }
    let mut doc_text = String::new();
    push_docs(&mut doc_text, &docs);
    let docs = rust(&doc_text);
    let variants = braced(rust(&variants));
    quote! {
        #(#attrs)*
        #docs
        #[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug)]
        #non_exhaustive
        #vis enum #name #variants
    }
}

/// The stand-in emitted next to errors, so that uses of the enum do not add errors of their own.
pub(crate) fn stand_in(
    name: &Ident,
    attrs: &[syn::Attribute],
    vis: &syn::Visibility,
) -> TokenStream {
    let attrs = attrs.iter().filter_map(strip_builtin_derives);
    quote! {
        #(#attrs)*
        #vis enum #name {}
    }
}

/// Every impl of a table: inherent `const fn`s, conversions, comparisons, formatting, the trait.
#[allow(clippy::too_many_lines)]
pub(crate) fn impls(target: &Target<'_>, table: &Table) -> TokenStream {
    let Target { krate, name, .. } = *target;
    let name_str = name.to_string();
    let repr = repr_ident(table.repr);
    let from_fn = format_ident!("from_{}", table.repr.name());
    let as_fn = format_ident!("as_{}", table.repr.name());
    let repr_name = table.repr.name();

    let from_body = braced(rust(&from_body(table, lookup_form(table))));
    let from_ret = if table.total {
        quote!(Self)
    } else {
        quote!(::core::option::Option<Self>)
    };
    let from_doc = if table.total {
        format!(
            "The code with number `value`; every `{repr_name}` is a code of this table, in a range variant if it has no name."
        )
    } else {
        "The code with number `value`, or `None` if it is not a code of this table.".to_owned()
    };

    // as_repr, reason, description, is_sendable, range: one `match self` each, built as text.
    // Written out directly rather than through `Arms`: every code has its own number, and every
    // range the same body, so there is nothing to group but the ranges (and thousands of codes
    // are quicker to write than to sort into groups).
    let mut as_text = String::from("match self {\n");
    for c in &table.codes {
        let _ = writeln!(as_text, "Self::{} => {},", c.name, c.value);
    }
    if !table.ranges.is_empty() {
        let patterns: Vec<String> = table
            .ranges
            .iter()
            .map(|r| format!("Self::{}(value)", r.name))
            .collect();
        let _ = writeln!(as_text, "{} => value,", patterns.join(" | "));
    }
    as_text.push('}');
    let as_body = braced(rust(&as_text));
    let lookup = lookup_form(table);
    let reason = braced(rust(&per_code(
        table,
        lookup.then_some("reason"),
        |c| option_str(c.reason.as_deref()),
        |r| option_str(r.reason.as_deref()),
        |d, r| option_str(d.reason.as_deref().or(r.reason.as_deref())),
    )));
    let description = braced(rust(&per_code(
        table,
        lookup.then_some("description"),
        |c| format!("{:?}", c.description),
        |r| format!("{:?}", r.description),
        |d, _| format!("{:?}", d.description),
    )));
    let sendable = braced(rust(&per_code(
        table,
        lookup.then_some("sendable"),
        |c| c.sendable.to_string(),
        |r| r.sendable.to_string(),
        |d, _| d.sendable.to_string(),
    )));
    let lookup_fns = if lookup {
        let codes = table
            .codes
            .iter()
            .map(|c| c.value.to_string())
            .collect::<Vec<_>>();
        let codes = TokenTree::Group(proc_macro2::Group::new(
            Delimiter::Bracket,
            rust(&codes.join(",")),
        ));
        let fns = rust(&lookup_fns(name, table));
        let doc = format!("The named codes, ordered as `{name}::ALL`.");
        quote! {
            #[doc = #doc]
            const __CODES: &[#repr] = &#codes;
            #fns
        }
    } else {
        TokenStream::new()
    };
    // Named codes have no range: one arm for one code, the final `_` for several.
    let mut range_text = String::from("match self {\n");
    if let [only] = table.codes.as_slice() {
        let _ = writeln!(range_text, "Self::{} => {},", only.name, option_str(None));
    }
    for r in &table.ranges {
        let _ = writeln!(
            range_text,
            "Self::{}(_) => {},",
            r.name,
            option_str(Some(&r.name))
        );
    }
    if table.codes.len() > 1 {
        let _ = writeln!(range_text, "_ => {},", option_str(None));
    }
    range_text.push('}');
    let range_body = braced(rust(&range_text));
    let mut constructors = String::new();
    for r in &table.ranges {
        range_constructors(&mut constructors, table, r);
    }
    let constructors = rust(&constructors);
    let all = TokenTree::Group(proc_macro2::Group::new(
        Delimiter::Bracket,
        rust(
            &table
                .codes
                .iter()
                .map(|c| format!("Self::{}", c.name))
                .collect::<Vec<_>>()
                .join(", "),
        ),
    ));

    let lookup = if table.total {
        quote!(let code = Self::#from_fn(value);)
    } else {
        quote! {
            let ::core::option::Option::Some(code) = Self::#from_fn(value) else {
                return ::core::result::Result::Err(#krate::CodeError::new(value, #name_str, #krate::CodeErrorKind::Unknown));
            };
        }
    };

    let conversion = if table.total {
        quote! {
            #[automatically_derived]
            impl ::core::convert::From<#repr> for #name {
                #[inline]
                fn from(value: #repr) -> Self {
                    Self::#from_fn(value)
                }
            }
        }
    } else {
        quote! {
            #[automatically_derived]
            impl ::core::convert::TryFrom<#repr> for #name {
                type Error = #krate::CodeError<#repr>;

                #[inline]
                fn try_from(value: #repr) -> ::core::result::Result<Self, Self::Error> {
                    <Self as #krate::CodeTable>::try_from_code(value)
                }
            }
        }
    };
    let try_from_code = if table.total {
        quote!(::core::result::Result::Ok(Self::#from_fn(value)))
    } else {
        quote! {
            match Self::#from_fn(value) {
                ::core::option::Option::Some(code) => ::core::result::Result::Ok(code),
                ::core::option::Option::None => ::core::result::Result::Err(
                    #krate::CodeError::new(value, #name_str, #krate::CodeErrorKind::Unknown),
                ),
            }
        }
    };

    // Named codes by name: the positions of their `ENTRIES` rows, sorted by name and searched in
    // O(log n) (a `match` on 10,000 strings is slow to compile; this is two tokens per code).
    let by_name = if table.codes.is_empty() {
        TokenStream::new()
    } else {
        let rows = rows(table);
        let mut named: Vec<(&str, usize)> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.kind == "Code")
            .map(|(at, r)| (r.variant, at))
            .collect();
        named.sort_unstable();
        // One block, so that `quote!` interpolates a single token tree rather than copying them all.
        let mut code = String::from("{\nconst BY_NAME: &[usize] = &[");
        for (_, at) in named {
            let _ = write!(code, "{at},");
        }
        code.push_str(
            "];\nlet rows = __ENTRIES;\n\
             let name_of = |at: &usize| rows.get(*at).map_or(\"\", |row| row.variant);\n\
             if let ::core::result::Result::Ok(at) = BY_NAME.binary_search_by(|at| ::core::cmp::Ord::cmp(name_of(at), text)) {\n\
             if let ::core::option::Option::Some(row) = BY_NAME.get(at).and_then(|at| rows.get(*at)) {\n\
             if let ::core::result::Result::Ok(code) = <Self as __closecodes::CodeTable>::try_from_code(row.start) {\n\
             return ::core::result::Result::Ok(code);\n}\n}\n}\n}",
        );
        TokenStream::from(braced(rust(&code)))
    };

    let entries = TokenTree::Group(proc_macro2::Group::new(
        Delimiter::Bracket,
        rust(&entries(table)),
    ));
    let standard_conversions = (table.builtins.contains(&"websocket")
        && !target.standard
        && table.repr == Repr::U16)
        .then(|| {
            let from_standard = if table.total {
                quote! {
                    #[automatically_derived]
                    impl ::core::convert::From<#krate::CloseCode> for #name {
                        #[inline]
                        fn from(code: #krate::CloseCode) -> Self {
                            Self::from_u16(code.as_u16())
                        }
                    }
                }
            } else {
                quote! {
                    #[automatically_derived]
                    impl ::core::convert::TryFrom<#krate::CloseCode> for #name {
                        type Error = #krate::CodeError<u16>;

                        #[inline]
                        fn try_from(code: #krate::CloseCode) -> ::core::result::Result<Self, Self::Error> {
                            <Self as #krate::CodeTable>::try_from_code(code.as_u16())
                        }
                    }
                }
            };
            quote! {
                #from_standard

                #[automatically_derived]
                impl ::core::convert::From<#name> for #krate::CloseCode {
                    #[inline]
                    fn from(code: #name) -> Self {
                        #krate::CloseCode::from_u16(code.as_u16())
                    }
                }
            }
        });
    // A derive leaves comparisons to the user's own `#[derive(...)]`.
    let comparisons = if target.derive {
        TokenStream::new()
    } else {
        quote! {

        #[automatically_derived]
        impl ::core::cmp::PartialEq for #name {
            #[inline]
            fn eq(&self, other: &Self) -> bool {
                self.#as_fn() == other.#as_fn()
            }
        }

        #[automatically_derived]
        impl ::core::cmp::Eq for #name {}

        #[automatically_derived]
        impl ::core::cmp::PartialOrd for #name {
            #[inline]
            fn partial_cmp(&self, other: &Self) -> ::core::option::Option<::core::cmp::Ordering> {
                ::core::option::Option::Some(::core::cmp::Ord::cmp(self, other))
            }
        }

        #[automatically_derived]
        impl ::core::cmp::Ord for #name {
            #[inline]
            fn cmp(&self, other: &Self) -> ::core::cmp::Ordering {
                ::core::cmp::Ord::cmp(&self.#as_fn(), &other.#as_fn())
            }
        }

        #[automatically_derived]
        impl ::core::hash::Hash for #name {
            #[inline]
            fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
                ::core::hash::Hash::hash(&self.#as_fn(), state);
            }
        }

        }
    };
    let total = table.total;
    let as_doc = format!("The number of the code, as a `{repr_name}`.");

    quote! {
        // Code generated as text cannot spell `$crate`; it names the runtime through these
        // aliases, local to the block the impls sit in.
        #[allow(unused_imports)]
        use #krate as __closecodes;
        #[allow(unused_imports)]
        use #krate::__private::{code as __code, documented as __documented, range as __range};

        /// Every named code, range interval and documented code, ordered by code.
        const __ENTRIES: &[#krate::Entry<#repr>] = &#entries;

        #lookup_fns

        impl #name {
            /// Every named code of the table, ordered by code.
            pub const ALL: &'static [Self] = &#all;

            #[doc = #from_doc]
            #[must_use]
            #[inline]
            pub const fn #from_fn(value: #repr) -> #from_ret #from_body

            #[doc = #as_doc]
            #[must_use]
            #[inline]
            pub const fn #as_fn(self) -> #repr #as_body

            /// The registry's short name of the code ("Normal Closure"), if it has one.
            #[must_use]
            pub const fn reason(self) -> ::core::option::Option<&'static str> #reason

            /// What the code means, from the table's description.
            #[must_use]
            pub const fn description(self) -> &'static str #description

            /// Whether the code may be sent on the wire.
            #[must_use]
            #[inline]
            pub const fn is_sendable(self) -> bool #sendable

            /// The code with number `value`, as read from the wire: only codes that may be sent.
            ///
            /// # Errors
            ///
            /// A [`CodeError`](#krate::CodeError) that carries `value`, of kind `Unknown` if it is
            /// not a code of the table and `NotSendable` if it is one that is never sent.
            #[inline]
            pub const fn from_wire(value: #repr) -> ::core::result::Result<Self, #krate::CodeError<#repr>> {
                #lookup
                if code.is_sendable() {
                    ::core::result::Result::Ok(code)
                } else {
                    ::core::result::Result::Err(
                        #krate::CodeError::new(value, #name_str, #krate::CodeErrorKind::NotSendable)
                            .with_range(code.range()),
                    )
                }
            }

            /// The name of the range variant holding the code, or `None` for a named code.
            #[must_use]
            pub const fn range(self) -> ::core::option::Option<&'static str> #range_body

            #constructors
        }

        #conversion

        #[automatically_derived]
        impl ::core::convert::From<#name> for #repr {
            #[inline]
            fn from(code: #name) -> Self {
                code.#as_fn()
            }
        }

        #comparisons

        #[automatically_derived]
        impl ::core::fmt::Display for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self.reason() {
                    ::core::option::Option::Some(reason) => ::core::write!(f, "{} {}", self.#as_fn(), reason),
                    ::core::option::Option::None => ::core::write!(f, "{}", self.#as_fn()),
                }
            }
        }

        #[automatically_derived]
        impl ::core::str::FromStr for #name {
            type Err = #krate::ParseCodeError<#repr>;

            #[inline]
            fn from_str(text: &str) -> ::core::result::Result<Self, Self::Err> {
                <Self as #krate::CodeTable>::parse_code(text)
            }
        }

        #[automatically_derived]
        impl #krate::CodeTable for #name {
            type Repr = #repr;
            const NAME: &'static str = #name_str;
            const ALL: &'static [Self] = Self::ALL;
            const ENTRIES: &'static [#krate::Entry<#repr>] = __ENTRIES;
            const TOTAL: bool = #total;

            #[inline]
            fn code(self) -> #repr {
                self.#as_fn()
            }

            #[inline]
            fn reason(self) -> ::core::option::Option<&'static str> {
                self.reason()
            }

            #[inline]
            fn description(self) -> &'static str {
                self.description()
            }

            #[inline]
            fn is_sendable(self) -> bool {
                self.is_sendable()
            }

            #[inline]
            fn try_from_code(value: #repr) -> ::core::result::Result<Self, #krate::CodeError<#repr>> {
                #try_from_code
            }

            #[inline]
            fn from_wire(value: #repr) -> ::core::result::Result<Self, #krate::CodeError<#repr>> {
                Self::from_wire(value)
            }

            fn parse_code(text: &str) -> ::core::result::Result<Self, #krate::ParseCodeError<#repr>> {
                let text = text.trim();
                #by_name
                let (number, rest) = match text.split_once(' ') {
                    ::core::option::Option::Some((number, rest)) => (number, ::core::option::Option::Some(rest.trim())),
                    ::core::option::Option::None => (text, ::core::option::Option::None),
                };
                let ::core::result::Result::Ok(value) = number.parse::<#repr>() else {
                    return ::core::result::Result::Err(#krate::ParseCodeError::new(
                        ::core::option::Option::None, #name_str, #krate::ParseCodeErrorKind::Unrecognized,
                    ));
                };
                let ::core::result::Result::Ok(code) = <Self as #krate::CodeTable>::try_from_code(value) else {
                    return ::core::result::Result::Err(#krate::ParseCodeError::new(
                        ::core::option::Option::Some(value), #name_str, #krate::ParseCodeErrorKind::Unknown,
                    ));
                };
                match rest {
                    ::core::option::Option::Some(rest) if code.reason() != ::core::option::Option::Some(rest) => {
                        ::core::result::Result::Err(#krate::ParseCodeError::new(
                            ::core::option::Option::Some(value), #name_str, #krate::ParseCodeErrorKind::WrongReason,
                        ))
                    }
                    _ => ::core::result::Result::Ok(code),
                }
            }
        }

        #standard_conversions

        #krate::__impl_serde!(#name, #repr);
    }
}

/// Rust source for one piece of the expansion, lexed in one go. Inside rustc every token that
/// `quote!` builds is a call across the proc-macro bridge, which made a 1,000-code table cost
/// about 230 ms to expand; lexing the per-code parts as text is one call per piece.
fn rust(code: &str) -> TokenStream {
    // Inside rustc, lex with the compiler directly: proc_macro2 would first lex the whole text
    // again with its own lexer to validate it.
    if proc_macro::is_available()
        && let Ok(tokens) = code.parse::<proc_macro::TokenStream>()
    {
        return tokens.into();
    }
    code.parse().unwrap_or_else(|e: proc_macro2::LexError| {
        let message = format!(
            "internal error in closecodes: generated code did not lex ({e}); please report it"
        );
        quote!(::core::compile_error!(#message);)
    })
}

/// One `#[doc = "..."]` attribute holding `lines`, as `///` comments would (each line after a
/// space), appended to `out`. One attribute rather than one per line keeps large tables quick to
/// compile.
fn push_docs(out: &mut String, lines: &[String]) {
    let mut text = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        if !line.is_empty() {
            text.push(' ');
            text.push_str(line);
        }
    }
    let _ = writeln!(out, "#[doc = {text:?}]");
}

/// The body of `from_repr`: named codes first, as they take precedence inside ranges, then the
/// ranges. A plain `match` measured as fast as a dense lookup array for the named block (LLVM
/// already lowers it to a jump table; see BENCHMARKS.md), so the generated code stays readable.
fn from_body(table: &Table, lookup: bool) -> String {
    let wrap = |code: String| {
        if table.total {
            code
        } else {
            format!("::core::option::Option::Some({code})")
        }
    };
    let mut out = String::new();
    if let Some((range, interval)) = widest_interval(table) {
        let _ = writeln!(
            out,
            "if ::core::matches!(value, {}) {{\nreturn {};\n}}",
            pattern(&[interval]),
            wrap(format!("Self::{}(value)", range.name))
        );
    }
    if lookup {
        let _ = writeln!(
            out,
            "if let ::core::option::Option::Some(at) = __find(value) {{\nreturn {};\n}}",
            wrap("Self::ALL[at]".to_owned())
        );
    }
    out.push_str("match value {\n");
    if !lookup {
        for c in &table.codes {
            let _ = writeln!(out, "{} => {},", c.value, wrap(format!("Self::{}", c.name)));
        }
    }
    let mut ranges = table.ranges.iter().peekable();
    while let Some(r) = ranges.next() {
        let body = wrap(format!("Self::{}(value)", r.name));
        // A total table in lookup form has returned every named code already, so the values
        // left are exactly those of the ranges: the last range takes them all.
        if lookup && table.total && ranges.peek().is_none() {
            let _ = writeln!(out, "_ => {body},");
        } else {
            let _ = writeln!(out, "{} => {body},", pattern(&r.intervals));
        }
    }
    if !table.total {
        out.push_str("_ => ::core::option::Option::None,\n");
    }
    out.push('}');
    out
}

/// The interval of a range that covers more than half of the repr's values and holds no named
/// code, if there is one (`Bad`'s 5000..=65535). `from_repr` tests it before anything else: LLVM
/// orders a `match` by value, so a value there otherwise passes every other test first (four
/// compares for `CloseCode`). Measured: a sweep over every `u16` takes 2.2x less time with the test
/// first (now 1.09x a plain array lookup), the realistic mix of mostly 1000 and 1001 takes 19 %
/// more (still 0.80x tungstenite's time); see BENCHMARKS.md.
fn widest_interval(table: &Table) -> Option<(&CodeRange, Interval)> {
    let values = table.repr.max() - table.repr.min() + 1;
    table
        .ranges
        .iter()
        .flat_map(|r| r.intervals.iter().map(move |iv| (r, *iv)))
        .filter(|(_, iv)| (iv.end - iv.start + 1) * 2 > values)
        .find(|(_, iv)| {
            let first = table.codes.partition_point(|c| c.value < iv.start);
            table.codes.get(first).is_none_or(|c| c.value > iv.end)
        })
}

/// Above this many named codes, a table is generated in lookup form: named codes are found by a
/// binary search over a sorted array, and their reason, description and sendability are read
/// from their `ENTRIES` row, instead of an arm per code in each `match`. Each named code then
/// costs about 40 tokens instead of about 130, which keeps expansion and compilation of tables
/// with thousands of codes fast; small tables keep the plain `match`es, which LLVM turns into
/// jump tables (see BENCHMARKS.md).
pub(crate) const LOOKUP_ABOVE: usize = 256;

/// Whether a table is generated in lookup form.
fn lookup_form(table: &Table) -> bool {
    // A total table without ranges names every value, and needs no search.
    table.codes.len() > LOOKUP_ABOVE && !(table.total && table.ranges.is_empty())
}

/// The name of `as_repr`.
fn as_fn(table: &Table) -> String {
    format!("as_{}", table.repr.name())
}

/// The lookup form's functions, private to the block the impls sit in: `__find` (binary search
/// of `__CODES` for a named code's position in `ALL`) and `__row` (a named code's `ENTRIES` row).
fn lookup_fns(name: &Ident, table: &Table) -> String {
    let repr = table.repr;
    format!(
        "/// The position of the named code `value` in `{name}::ALL`, by binary search.
const fn __find(value: {repr}) -> ::core::option::Option<usize> {{
    let (mut low, mut high) = (0, __CODES.len());
    while low < high {{
        let middle = low + (high - low) / 2;
        let code = __CODES[middle];
        if code == value {{
            return ::core::option::Option::Some(middle);
        }}
        if code < value {{
            low = middle + 1;
        }} else {{
            high = middle;
        }}
    }}
    ::core::option::Option::None
}}

/// The `ENTRIES` row of the named code `value`: the first row at `value`, as a code's row comes
/// before a range's or a documented code's at the same number.
const fn __row(value: {repr}) -> &'static __closecodes::Entry<{repr}> {{
    let rows = __ENTRIES;
    let (mut low, mut high) = (0, rows.len());
    while low < high {{
        let middle = low + (high - low) / 2;
        if rows[middle].start < value {{
            low = middle + 1;
        }} else {{
            high = middle;
        }}
    }}
    &rows[low]
}}
"
    )
}

/// `const fn library(value)`, which fails const evaluation out of range, and `try_library(value)`.
fn range_constructors(out: &mut String, table: &Table, range: &CodeRange) {
    let snake = closecodes_spec::snake_case(&range.name);
    let (name, repr, pat) = (&range.name, table.repr, pattern(&range.intervals));
    let intervals = range.intervals_text();
    // Named codes inside the range, found by binary search: `table.codes` is sorted by code.
    let inside: Vec<String> = range
        .intervals
        .iter()
        .flat_map(|iv| {
            let from = table.codes.partition_point(|c| c.value < iv.start);
            let to = table.codes.partition_point(|c| c.value <= iv.end);
            table.codes.get(from..to).unwrap_or_default()
        })
        .map(|c| format!("{} => Self::{},", c.value, c.name))
        .collect();
    let build = if inside.is_empty() {
        format!("Self::{name}(value)")
    } else {
        format!(
            "match value {{ {} _ => Self::{name}(value), }}",
            inside.concat()
        )
    };
    push_docs(
        out,
        &[
            format!(
                "The code `value` of range `{name}` ({intervals}); a code the range names is returned as its own variant."
            ),
            String::new(),
            "# Panics".to_owned(),
            String::new(),
            "If `value` is outside the range; in a `const` this is a compile error.".to_owned(),
        ],
    );
    let message = format!("the code is not in range `{name}` ({intervals})");
    let _ = writeln!(
        out,
        "#[must_use]\npub const fn {snake}(value: {repr}) -> Self {{\n::core::assert!(::core::matches!(value, {pat}), {message:?});\n{build}\n}}"
    );
    push_docs(
        out,
        &[format!(
            "The code `value` of range `{name}` ({intervals}), or `None` if it is outside the range."
        )],
    );
    let _ = writeln!(
        out,
        "#[must_use]\npub const fn try_{snake}(value: {repr}) -> ::core::option::Option<Self> {{\nif ::core::matches!(value, {pat}) {{ ::core::option::Option::Some({build}) }} else {{ ::core::option::Option::None }}\n}}"
    );
}

/// Match arms as text, the patterns that share a body grouped into one arm (as
/// `clippy::match_same_arms` asks), in the order each body first appears. An arm that binds
/// `value` always mentions it in its body, so it never shares a body with one that does not.
#[derive(Default)]
struct Arms {
    order: Vec<String>,
    arms: HashMap<String, Vec<String>>,
}

impl Arms {
    fn push(&mut self, pattern: String, body: String) {
        if !self.arms.contains_key(&body) {
            self.order.push(body.clone());
        }
        self.arms.entry(body).or_default().push(pattern);
    }

    /// `match scrutinee { ... }` with the arms, and `tail` (such as a wildcard arm) last.
    fn into_match_with(mut self, scrutinee: &str, tail: &str) -> String {
        let mut out = format!("match {scrutinee} {{\n");
        for body in &self.order {
            if let Some(patterns) = self.arms.remove(body) {
                let _ = writeln!(out, "{} => {body},", patterns.join(" | "));
            }
        }
        out.push_str(tail);
        out.push('}');
        out
    }

    /// `match scrutinee { ... }` over every variant: the largest group of patterns (if it has
    /// more than one) becomes the final `_` arm. A `Self::A | Self::B | …` alternative of
    /// thousands of variants is slow for rustc to check; a wildcard is not.
    fn into_match(mut self, scrutinee: &str) -> String {
        let largest = self
            .order
            .iter()
            .filter(|body| {
                self.arms
                    .get(*body)
                    .is_some_and(|p| !p.iter().any(|p| p.ends_with("(value)")))
            })
            .max_by_key(|body| self.arms.get(*body).map_or(0, Vec::len))
            .cloned()
            // Patterns that bind `value` cannot become a wildcard.
            .filter(|body| {
                self.arms
                    .get(body)
                    .is_some_and(|p| p.len() > 1 && !p.iter().any(|p| p.ends_with("(value)")))
            });
        match largest {
            Some(body) => {
                self.order.retain(|b| *b != body);
                self.arms.remove(&body);
                self.into_match_with(scrutinee, &format!("_ => {body},\n"))
            }
            None => self.into_match_with(scrutinee, ""),
        }
    }
}

/// A `match self` computing one value per code: named codes, ranges, and codes documented in ranges.
fn per_code(
    table: &Table,
    field: Option<&str>,
    code: impl Fn(&closecodes_spec::NamedCode) -> String,
    range: impl Fn(&CodeRange) -> String,
    documented: impl Fn(&closecodes_spec::DocumentedCode, &CodeRange) -> String,
) -> String {
    let mut arms = Arms::default();
    if field.is_none() {
        for c in &table.codes {
            arms.push(format!("Self::{}", c.name), code(c));
        }
    }
    for r in &table.ranges {
        let whole = range(r);
        let mut inner = Arms::default();
        for d in &r.documented {
            let body = documented(d, r);
            if body != whole {
                inner.push(d.value.to_string(), body);
            }
        }
        if inner.order.is_empty() {
            arms.push(format!("Self::{}(_)", r.name), whole);
        } else {
            let inner = inner.into_match_with("value", &format!("_ => {whole},\n"));
            arms.push(format!("Self::{}(value)", r.name), inner);
        }
    }
    match field {
        // Lookup form: the named codes read their row of `ENTRIES`.
        Some(field) => {
            let read = format!("__row(self.{}()).{field}", as_fn(table));
            if arms.order.is_empty() {
                read
            } else {
                arms.into_match_with("self", &format!("_ => {read},\n"))
            }
        }
        None => arms.into_match("self"),
    }
}

/// One row of a table's listing: a named code, a range interval, or a code documented in a range.
struct Row<'a> {
    start: i128,
    end: i128,
    kind: &'static str,
    variant: &'a str,
    reason: Option<&'a str>,
    description: &'a str,
    sendable: bool,
}

/// Every row, ordered by code, ranges before the codes documented inside them: the order of both
/// `CodeTable::ENTRIES` and the table in the enum's documentation.
fn rows(table: &Table) -> Vec<Row<'_>> {
    let mut rows: Vec<Row<'_>> = Vec::new();
    for c in &table.codes {
        rows.push(Row {
            start: c.value,
            end: c.value,
            kind: "Code",
            variant: &c.name,
            reason: c.reason.as_deref(),
            description: &c.description,
            sendable: c.sendable,
        });
    }
    for r in &table.ranges {
        for iv in &r.intervals {
            rows.push(Row {
                start: iv.start,
                end: iv.end,
                kind: "Range",
                variant: &r.name,
                reason: r.reason.as_deref(),
                description: &r.description,
                sendable: r.sendable,
            });
        }
        for d in &r.documented {
            rows.push(Row {
                start: d.value,
                end: d.value,
                kind: "Documented",
                variant: &r.name,
                reason: d.reason.as_deref().or(r.reason.as_deref()),
                description: &d.description,
                sendable: d.sendable,
            });
        }
    }
    // "Code" < "Documented" < "Range" alphabetically would put documented codes first.
    let rank = |kind: &str| match kind {
        "Code" => 0,
        "Range" => 1,
        _ => 2,
    };
    rows.sort_by_key(|r| (r.start, rank(r.kind), r.end));
    rows
}

/// The rows of `CodeTable::ENTRIES`, each a call to one of the runtime's row constructors: a dozen
/// tokens a row, against thirty for a struct literal. (Measured both ways, and as tuples turned
/// into rows by a `const` loop: rustc checks a 10,000-code crate in the same time with any of
/// the three, 10.5–13 s per build on this machine; fewer tokens are quicker to expand.)
fn entries(table: &Table) -> String {
    let mut out = String::new();
    for r in rows(table) {
        // A reason is never empty (the checks reject it); the row constructors read "" as none.
        let reason = r.reason.unwrap_or("");
        let (variant, description, sendable) = (r.variant, r.description, r.sendable);
        let _ = match r.kind {
            "Range" => writeln!(
                out,
                "__range({variant:?}, {}, {}, {reason:?}, {description:?}, {sendable}),",
                r.start, r.end
            ),
            "Code" => writeln!(
                out,
                "__code({variant:?}, {}, {reason:?}, {description:?}, {sendable}),",
                r.start
            ),
            _ => writeln!(
                out,
                "__documented({variant:?}, {}, {reason:?}, {description:?}, {sendable}),",
                r.start
            ),
        };
    }
    out
}

/// The Markdown table of every code and range that heads the enum's documentation. A one-code
/// interval that is also documented (1004) is listed once, with its reason.
fn doc_table(name: &str, table: &Table) -> String {
    let rows = rows(table);
    let mut out = String::from("| Code | Variant | Reason | Sendable |\n|---:|---|---|:-:|\n");
    for (i, r) in rows.iter().enumerate() {
        let documented_next = rows.get(i + 1).is_some_and(|next| {
            next.kind == "Documented" && next.start == r.start && next.variant == r.variant
        });
        if r.kind == "Range" && r.start == r.end && documented_next {
            continue;
        }
        let code = Interval {
            start: r.start,
            end: r.end,
        };
        let _ = writeln!(
            out,
            "| `{code}` | [`{n}`]({name}::{n}) | {} | {} |",
            md(r.reason.unwrap_or("")),
            if r.sendable { "yes" } else { "no" },
            n = r.variant
        );
    }
    out
}

fn md(text: &str) -> String {
    text.replace('|', "\\|")
}

/// Drops from a user's `#[derive(...)]` the traits that the macro implements itself.
fn strip_builtin_derives(attr: &syn::Attribute) -> Option<TokenStream> {
    const OURS: &[&str] = &[
        "Clone",
        "Copy",
        "Debug",
        "PartialEq",
        "Eq",
        "Hash",
        "PartialOrd",
        "Ord",
    ];
    if !attr.path().is_ident("derive") {
        return Some(quote!(#attr));
    }
    let Ok(paths) = attr.parse_args_with(
        syn::punctuated::Punctuated::<syn::Path, syn::Token![,]>::parse_terminated,
    ) else {
        return Some(quote!(#attr));
    };
    let kept: Vec<&syn::Path> = paths
        .iter()
        .filter(|p| {
            p.segments
                .last()
                .is_none_or(|s| !OURS.contains(&s.ident.to_string().as_str()))
        })
        .collect();
    if kept.is_empty() {
        None
    } else {
        Some(quote!(#[derive(#(#kept),*)]))
    }
}

/// `{ tokens }` as one token tree. Interpolating a group into `quote!` shares its contents instead of
/// copying them, which keeps expansion linear with a small constant on large tables.
fn braced(tokens: TokenStream) -> TokenTree {
    TokenTree::Group(proc_macro2::Group::new(Delimiter::Brace, tokens))
}

fn repr_ident(repr: Repr) -> Ident {
    Ident::new(repr.name(), Span::call_site())
}

/// `a..=b | c` for a range's intervals.
fn pattern(intervals: &[Interval]) -> String {
    let parts: Vec<String> = intervals
        .iter()
        .map(|iv| {
            if iv.start == iv.end {
                iv.start.to_string()
            } else {
                format!("{}..={}", iv.start, iv.end)
            }
        })
        .collect();
    parts.join(" | ")
}

/// `::core::option::Option::Some("text")`, or `None`.
fn option_str(text: Option<&str>) -> String {
    text.map_or_else(
        || "::core::option::Option::None".to_owned(),
        |t| format!("::core::option::Option::Some({t:?})"),
    )
}

/// The enum and its impls for `pub enum #name` with the runtime at `::closecodes`, as a pair:
/// what unit tests, the no-panic property and the expansion benchmark look at.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn standalone(
    table: &Table,
    name: &str,
    attrs: &[syn::Attribute],
) -> (TokenStream, TokenStream) {
    let krate = quote!(::closecodes);
    let name = Ident::new(name, Span::call_site());
    let target = Target {
        krate: &krate,
        name: &name,
        standard: false,
        derive: false,
    };
    let vis: syn::Visibility = syn::parse_quote!(pub);
    (enum_def(&target, table, attrs, &vis), impls(&target, table))
}

#[cfg(test)]
mod tests {
    use super::*;
    use closecodes_spec::{NoFiles, Source, load};

    fn table(text: &str) -> Table {
        load(&Source::inline(text), &mut NoFiles).unwrap()
    }

    fn expand_all(text: &str) -> (String, String) {
        let attrs: Vec<syn::Attribute> = vec![syn::parse_quote!(#[derive(Hash, Default)])];
        let (def, impls) = standalone(&table(text), "Test", &attrs);
        // Both halves must be valid Rust items.
        syn::parse2::<syn::File>(def.clone()).unwrap();
        syn::parse2::<syn::File>(impls.clone()).unwrap();
        (def.to_string(), impls.to_string())
    }

    const SMALL: &str = r#"
        [table]
        repr = "u8"
        description = "A small table."
        [[code]]
        code = 1
        name = "One"
        reason = "Uno"
        description = "The first."
        [[code]]
        code = 2
        name = "Two"
        description = "The second."
        sendable = false
        [[range]]
        name = "Many"
        codes = ["3..=9", "200..=255"]
        description = "More."
        [[code]]
        code = 7
        reason = "Lucky"
        description = "A documented code in a range."
    "#;

    #[test]
    fn enum_has_variants_docs_and_deduplicated_derives() {
        let (def, _) = expand_all(SMALL);
        assert!(def.contains("pub enum Test { # [doc = \" `1`"), "{def}");
        assert!(def.contains("One ,"));
        assert!(def.contains("Many (u8) ,"));
        assert!(
            def.contains("# [derive (Default)]"),
            "user derive kept without Hash: {def}"
        );
        assert!(!def.contains("derive (Hash"), "{def}");
        assert!(
            def.contains("| `1` | [`One`](Test::One) | Uno | yes |"),
            "{def}"
        );
        assert!(
            def.contains("| `200..=255` | [`Many`](Test::Many) |  | yes |"),
            "{def}"
        );
        assert!(
            def.contains("| `7` | [`Many`](Test::Many) | Lucky | yes |"),
            "{def}"
        );
        assert!(def.contains("Never sent on the wire."));
        assert!(def.contains("# [non_exhaustive]"));
        assert!(
            def.contains(" A small table."),
            "spec description used when the user wrote no doc"
        );
    }

    #[test]
    fn partial_table_gets_option_and_try_from() {
        let (_, impls) = expand_all(SMALL);
        assert!(
            impls.contains(
                "pub const fn from_u8 (value : u8) -> :: core :: option :: Option < Self >"
            ),
            "{impls}"
        );
        assert!(impls.contains("1 => :: core :: option :: Option :: Some (Self :: One)"));
        assert!(impls.contains("3 ..= 9 | 200 ..= 255 => :: core :: option :: Option :: Some (Self :: Many (value))"), "{impls}");
        assert!(impls.contains("_ => :: core :: option :: Option :: None"));
        assert!(impls.contains("impl :: core :: convert :: TryFrom < u8 > for Test"));
        assert!(!impls.contains("impl :: core :: convert :: From < u8 > for Test"));
        assert!(
            !impls.contains("CloseCode"),
            "no standard conversions without `extends = \"websocket\"`"
        );
    }

    #[test]
    fn reason_of_a_range_value_consults_documented_codes() {
        let (_, impls) = expand_all(SMALL);
        assert!(impls.contains("Self :: Many (value) => match value { 7 => :: core :: option :: Option :: Some (\"Lucky\") , _ => :: core :: option :: Option :: None , }"), "{impls}");
        // Arms with the same body are grouped (clippy::match_same_arms), and the largest group
        // becomes the wildcard arm.
        assert!(
            impls.contains("match self { Self :: Two => false , _ => true , }"),
            "{impls}"
        );
    }

    #[test]
    fn total_table_gets_from_and_no_wildcard() {
        let (_, impls) = expand_all(
            "extends = \"websocket\"\n[[code]]\ncode = 4001\nname = \"Auth\"\ndescription = \"x\"\n",
        );
        assert!(impls.contains("pub const fn from_u16 (value : u16) -> Self"));
        assert!(impls.contains("4001 => Self :: Auth"));
        assert!(
            impls.contains("1004 | 1016 ..= 2999 => Self :: Reserved (value)"),
            "{impls}"
        );
        let from = &impls[impls.find("fn from_u16").unwrap()..impls.find("fn as_u16").unwrap()];
        assert!(
            !from.contains("_ =>"),
            "a total match needs no wildcard: {from}"
        );
        assert!(impls.contains("impl :: core :: convert :: From < u16 > for Test"));
        assert!(
            impls.contains(
                "impl :: core :: convert :: From < :: closecodes :: CloseCode > for Test"
            )
        );
        assert!(
            impls.contains(
                "impl :: core :: convert :: From < Test > for :: closecodes :: CloseCode"
            )
        );
    }

    #[test]
    fn the_widest_interval_is_tested_first() {
        let (_, impls) = expand_all("extends = \"websocket\"");
        let from = &impls[impls.find("fn from_u16").unwrap()..impls.find("fn as_u16").unwrap()];
        assert!(
            from.contains(
                "{ if :: core :: matches ! (value , 5000 ..= 65535) { return Self :: Bad (value) ; } match value {"
            ),
            "{from}"
        );
        // No interval covers half the values, or the wide one holds a named code: no test first.
        let from_u8 = |impls: &str| {
            impls[impls.find("fn from_u8").unwrap()..impls.find("fn as_u8").unwrap()].to_owned()
        };
        let (_, impls) = expand_all(SMALL);
        assert!(from_u8(&impls).contains("{ match value {"), "{impls}");
        let (_, impls) = expand_all(
            "[table]\nrepr = \"u8\"\n[[range]]\nname = \"Most\"\ncodes = \"0..=200\"\ndescription = \"x\"\n[[code]]\ncode = 100\nname = \"Inside\"\ndescription = \"x\"\n",
        );
        assert!(from_u8(&impls).contains("{ match value {"), "{impls}");
        let (_, impls) = expand_all(
            "[table]\nrepr = \"u8\"\n[[range]]\nname = \"Most\"\ncodes = \"0..=200\"\ndescription = \"x\"\n[[code]]\ncode = 201\nname = \"Outside\"\ndescription = \"x\"\n",
        );
        assert!(
            impls.contains("if :: core :: matches ! (value , 0 ..= 200) { return :: core :: option :: Option :: Some (Self :: Most (value)) ; }"),
            "{impls}"
        );
    }

    #[test]
    fn negative_codes_are_emitted_with_a_sign() {
        let (_, impls) = expand_all(
            "[table]\nrepr = \"i8\"\n[[range]]\nname = \"Neg\"\ncodes = \"-128..=-1\"\ndescription = \"x\"\n",
        );
        assert!(impls.contains("- 128 ..=- 1 =>"), "{impls}");
    }

    fn count_tokens(tokens: TokenStream) -> usize {
        tokens
            .into_iter()
            .map(|t| match t {
                TokenTree::Group(g) => 1 + count_tokens(g.stream()),
                _ => 1,
            })
            .sum()
    }

    /// A `u32` table of `n` named codes and one range.
    fn many_codes(n: usize) -> String {
        let mut text = String::from(
            "[table]\nrepr = \"u32\"\n[[range]]\nname = \"High\"\ncodes = \"100000..=199999\"\ndescription = \"x\"\n",
        );
        for i in 0..n {
            let _ = write!(
                text,
                "[[code]]\ncode = {i}\nname = \"C{i}\"\nreason = \"R {i}\"\ndescription = \"Code {i}.\"\n"
            );
        }
        text
    }

    #[test]
    fn large_tables_take_the_lookup_form() {
        let (_, small) = expand_all(&many_codes(LOOKUP_ABOVE));
        assert!(
            !small.contains("__find"),
            "{LOOKUP_ABOVE} codes: plain match"
        );
        assert!(small.contains("5 => :: core :: option :: Option :: Some (Self :: C5)"));

        let (_, large) = expand_all(&many_codes(LOOKUP_ABOVE + 1));
        assert!(large.contains("const fn __find (value : u32)"), "{large}");
        assert!(large.contains("const __CODES : & [u32] = & [0 , 1 , 2 ,"));
        assert!(
            !large.contains("5 => :: core :: option :: Option :: Some (Self :: C5)"),
            "no arm per code"
        );
        assert!(
            large.contains(
                "Self :: High (_) => \"x\" , _ => __row (self . as_u32 ()) . description"
            ),
            "{large}"
        );
        // Far fewer tokens per named code (about 39 against 86 here).
        let tokens = |text: &str| text.parse::<TokenStream>().map_or(0, count_tokens);
        let (small, large) = (tokens(&small), tokens(&large));
        assert!(
            large * 3 < small * 2,
            "{large} tokens in lookup form, {small} in match form"
        );
    }

    #[test]
    fn expansion_is_deterministic() {
        assert_eq!(expand_all(SMALL), expand_all(SMALL));
    }
}
