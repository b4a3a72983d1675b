//! The enum definition: the user's attributes, the generated docs and doc table, the variants.

use proc_macro2::TokenStream;
use quote::quote;

use crate::code::Code;
use crate::docs;
use crate::plan::{List, Plan};
use crate::request::Declared;

/// The enum with its docs: the user's (or the spec's description), then the table of every code.
pub(crate) fn enum_def(plan: &Plan<'_>, declared: &Declared<'_>) -> TokenStream {
    let (name, table) = (plan.request.name, plan.table);
    let has_user_docs = declared.attrs.iter().any(|a| a.path().is_ident("doc"));
    let mut lines = Vec::new();
    if !has_user_docs {
        lines.push(table.description.as_deref().map_or_else(
            || {
                let base = table
                    .builtins
                    .first()
                    .map(|b| format!(", which extends the built-in `{}` table", b.name()))
                    .unwrap_or_default();
                format!("Codes of the `{}` table{base}.", plan.type_name)
            },
            docs::block,
        ));
    }
    lines.push(String::new());
    lines.extend(doc_table(plan).lines().map(str::to_owned));
    if !table.retired.is_empty() {
        lines.extend([
            String::new(),
            "Retired, never to be used again:".to_owned(),
            String::new(),
        ]);
        lines.extend(
            table
                .retired
                .iter()
                .map(|r| format!("- {}", docs::inline(&r.summary()))),
        );
    }
    let docs = if plan.keep_docs(&lines) {
        TokenStream::new()
    } else {
        let mut docs = Code::new();
        docs.doc(&lines);
        docs.tokens()
    };
    let attrs = declared.attrs.iter().filter_map(strip_builtin_derives);
    let non_exhaustive = table.non_exhaustive.then(|| quote!(#[non_exhaustive]));
    let variants = variants(plan);
    let vis = declared.vis;
    quote! {
        #(#attrs)*
        #docs
        #[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug)]
        #non_exhaustive
        #vis enum #name #variants
    }
}

/// `{ Normal, …, Reserved(u16), … }`, each variant with its code, reason and description.
fn variants(plan: &Plan<'_>) -> proc_macro2::TokenTree {
    let table = plan.table;
    let mut code = Code::new();
    for named in &table.codes {
        let mut head = format!("`{}`", named.value);
        if let Some(reason) = &named.reason {
            head.push(' ');
            head.push_str(&docs::inline(reason));
        }
        let mut lines = vec![head, String::new(), docs::block(&named.description)];
        if !named.sendable {
            lines.extend([String::new(), "Never sent on the wire.".to_owned()]);
        }
        code.doc(&lines);
        if let Some(note) = &named.deprecated {
            // The note as rustc shows it in the warning: one line, no control character.
            let note = crate::safe::visible(
                &note.split_whitespace().collect::<Vec<_>>().join(" "),
                false,
            );
            writeln!(code, "#[deprecated(note = {note:?})]");
        }
        writeln!(code, "{},", named.name);
    }
    for range in &table.ranges {
        let list: Vec<String> = range.intervals.iter().map(|i| format!("`{i}`")).collect();
        // A base range that carve-outs took whole keeps its variant but holds no code.
        let mut head = if list.is_empty() {
            "No code of this table (its carve-outs hold them all)".to_owned()
        } else {
            format!("Codes {}", list.join(", "))
        };
        if let Some(reason) = &range.reason {
            head.push_str(": ");
            head.push_str(&docs::inline(reason));
        }
        head.push('.');
        let mut lines = vec![head, String::new(), docs::block(&range.description)];
        if !range.documented.is_empty() {
            lines.extend([
                String::new(),
                "Codes documented in this range:".to_owned(),
                String::new(),
            ]);
            for documented in &range.documented {
                let reason = documented
                    .reason
                    .as_deref()
                    .map_or(String::new(), |r| format!(" {}", docs::inline(r)));
                // Continuation lines are indented to stay in the list item.
                let description = docs::block(&documented.description).replace('\n', "\n  ");
                lines.push(format!("- `{}`{reason}: {description}", documented.value));
            }
        }
        if !range.sendable {
            lines.extend([String::new(), "Never sent on the wire.".to_owned()]);
        }
        code.doc(&lines);
        writeln!(code, "{}(::core::primitive::{}),", range.name, table.repr);
    }
    plan.list(code, List::Variants)
}

/// The Markdown table of every code and range that heads the enum's documentation, a line per
/// row of the table.
fn doc_table(plan: &Plan<'_>) -> String {
    let name = &plan.type_name;
    let rows = &plan.rows;
    let flags = &plan.table.flags;
    let mut out = Code::new();
    write!(out, "| Code | Variant | Reason | Sendable |");
    let properties = &plan.table.properties;
    for flag in flags {
        write!(out, " `{}` |", flag.name);
    }
    for property in properties {
        write!(out, " `{}` |", property.name);
    }
    write!(out, "\n|---:|---|---|:-:|");
    for _ in flags {
        write!(out, ":-:|");
    }
    for property in properties {
        match property.kind {
            closecodes_spec::PropertyKind::Words(_) => write!(out, "---|"),
            closecodes_spec::PropertyKind::Integer(_) => write!(out, "---:|"),
        }
    }
    out.line("");
    for row in rows {
        let code = row.interval();
        let deprecated = if row.deprecated.is_some() {
            " (deprecated)"
        } else {
            ""
        };
        write!(
            out,
            "| `{code}` | [`{n}`]({name}::{n}){deprecated} | {} | {} |",
            docs::inline(row.reason.unwrap_or("")),
            yes_no(row.sendable),
            n = row.variant
        );
        for set in row.flags {
            write!(out, " {} |", yes_no(*set));
        }
        for (property, value) in properties.iter().zip(row.properties) {
            write!(out, " `{}` |", property.written(*value));
        }
        out.line("");
    }
    out.into_text()
}

fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

/// Drops from a user's `#[derive(...)]` the traits that the macro implements itself.
pub(crate) fn strip_builtin_derives(attr: &syn::Attribute) -> Option<TokenStream> {
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
