//! Large tables through prettyplease without parsing every code. In lookup form (more than
//! `LOOKUP_ABOVE` named codes), the long, regular lists of an expansion — the enum's variants,
//! `as_repr`'s arms, the `ALL`, `__CODES`, `ENTRIES` and by-name arrays — are written as text one
//! element per line and left out of the tokens (`Plan::list`), so that syn parses and prettyplease
//! prints only the rest; each list is put back, indented, where its placeholder stands.
//!
//! Parsing a 10,000-code expansion with syn took 142 ms of a 260 ms `closecodes render --to
//! rust`; these lists are nearly all of its tokens (BENCHMARKS.md).
//!
//! A placeholder is found by the list it stands for, not by the order lists were written in, and
//! only on a line of prettyplease's own: a line that is a comment, or that holds a string literal
//! (where spec text could spell a placeholder), is never one.

use std::cell::RefCell;
use std::collections::BTreeMap;

use proc_macro2::TokenStream;

use crate::plan::{List, ListSink};

/// The lists left out of the tokens, by list.
#[derive(Default)]
pub(crate) struct TextLists(RefCell<BTreeMap<List, String>>);

/// The enum's derive as prettyplease prints it, after the enum's docs.
const ENUM_DERIVE: &str =
    "#[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug)]";

/// What every placeholder starts with.
const PREFIX: &str = "__closecodes_list_of_";

/// Every placeholder: no table may take one of these names.
pub(crate) const PLACEHOLDERS: [&str; 8] = [
    "__closecodes_list_of_variants",
    "__closecodes_list_of_as_arms",
    "__closecodes_list_of_all",
    "__closecodes_list_of_codes",
    "__closecodes_list_of_entries",
    "__closecodes_list_of_by_name",
    "__closecodes_list_of_properties",
    // Never in the tokens: the docs go back before the enum's derive (`restore`).
    "__closecodes_list_of_docs",
];

/// The identifier that stands for `list` in the tokens.
fn placeholder(list: List) -> &'static str {
    let at = match list {
        List::Variants => 0,
        List::AsArms => 1,
        List::All => 2,
        List::Codes => 3,
        List::Entries => 4,
        List::ByName => 5,
        List::Properties => 6,
        List::Docs => 7,
    };
    PLACEHOLDERS[at]
}

impl ListSink for TextLists {
    fn write_as_text(&self, list: List, text: String) -> TokenStream {
        self.0.borrow_mut().insert(list, text);
        if list == List::Docs {
            return TokenStream::new();
        }
        let name = proc_macro2::Ident::new(placeholder(list), proc_macro2::Span::call_site());
        match list {
            // A `match` needs an arm, an enum a variant, an array an element.
            List::AsArms => quote::quote!(_ => #name,),
            List::Variants => quote::quote!(#name,),
            _ => quote::quote!(#name),
        }
    }
}

impl TextLists {
    /// `text` (prettyplease's) with each placeholder replaced by its list, indented as the
    /// placeholder was.
    pub(crate) fn restore(&self, text: &str) -> String {
        let lists = self.0.borrow();
        let mut out =
            String::with_capacity(text.len() + lists.values().map(|t| t.len() * 2).sum::<usize>());
        let mut doc_table = lists.get(&List::Docs);
        for line in text.lines() {
            // The enum's derive is the first line of the file that is this attribute (no `///`
            // line is): its docs go before it.
            if let Some(table) = doc_table.filter(|_| line == ENUM_DERIVE) {
                for row in table.lines() {
                    out.push_str("///");
                    if !row.is_empty() {
                        out.push(' ');
                        out.push_str(row);
                    }
                    out.push('\n');
                }
                doc_table = None;
            }
            // Most lines are docs and code of the skeleton: one search rules them out.
            let found = line
                .contains(PREFIX)
                .then(|| {
                    lists
                        .iter()
                        .find(|(list, _)| holds_placeholder(line, placeholder(**list)))
                })
                .flatten();
            let Some((list, items)) = found else {
                out.push_str(line);
                out.push('\n');
                continue;
            };
            let name = placeholder(*list);
            let indent = &line[..line.len() - line.trim_start().len()];
            // `&[placeholder]` on one line; otherwise the placeholder alone on its line.
            if let Some((before, after)) = line.split_once(&format!("[{name}]")) {
                out.push_str(before);
                out.push_str("[\n");
                push_indented(&mut out, items, &format!("{indent}    "));
                out.push_str(indent);
                out.push(']');
                out.push_str(after);
                out.push('\n');
            } else {
                push_indented(&mut out, items, indent);
            }
        }
        out
    }
}

/// Whether `line` is prettyplease's line holding the placeholder `name`: not a comment, no string
/// literal on it, and `name` as a whole identifier.
fn holds_placeholder(line: &str, name: &str) -> bool {
    let trimmed = line.trim_start();
    if trimmed.starts_with("//") || line.contains('"') {
        return false;
    }
    line.match_indices(name).any(|(at, _)| {
        let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
        !line[..at].ends_with(ident) && !line[at + name.len()..].starts_with(ident)
    })
}

/// The lines of `list`, each a doc attribute written as `///` comments, at `indent`.
fn push_indented(out: &mut String, list: &str, indent: &str) {
    for line in list.lines().filter(|l| !l.is_empty()) {
        if let Some(doc) = line
            .strip_prefix("#[doc = ")
            .and_then(|l| l.strip_suffix(']'))
        {
            for text in unescape(doc).split('\n') {
                out.push_str(indent);
                out.push_str("///");
                if !text.is_empty() {
                    out.push_str(text);
                }
                out.push('\n');
            }
            continue;
        }
        out.push_str(indent);
        out.push_str(line);
        out.push('\n');
    }
}

/// The value of a string literal as `{:?}` writes it (`Code::doc`): `"` around, `\"`, `\\`,
/// `\n`, `\r`, `\t`, `\0`, `\'` and `\u{..}` escapes. Doc text never holds a bare CR or a
/// bidirectional control (`docs` escapes them), so the comment it becomes is valid.
fn unescape(literal: &str) -> String {
    let inner = literal
        .strip_prefix('"')
        .and_then(|l| l.strip_suffix('"'))
        .unwrap_or(literal);
    if !inner.contains('\\') {
        return inner.to_owned();
    }
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('0') => out.push('\0'),
            Some('u') => {
                let hex: String = chars
                    .by_ref()
                    .skip_while(|c| *c == '{')
                    .take_while(|c| *c != '}')
                    .collect();
                out.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_placeholder_in_spec_text_is_not_one() {
        let name = placeholder(List::Entries);
        assert!(holds_placeholder(
            &format!("    const ENTRIES: &[E] = &[{name}];"),
            name
        ));
        assert!(!holds_placeholder(&format!("    /// see [{name}]"), name));
        assert!(!holds_placeholder(
            &format!("    description: \"&[{name}]\","),
            name
        ));
        assert!(!holds_placeholder(&format!("    x{name}"), name));
    }

    #[test]
    fn doc_literals_unescape() {
        assert_eq!(
            unescape(r#"" a \"b\" \\ c\nd \u{1f600}""#),
            " a \"b\" \\ c\nd \u{1f600}"
        );
    }
}
