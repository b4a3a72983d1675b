//! What an expansion decides once, before any token is written.

use closecodes_spec::{CodeRange, Interval, Table};
use proc_macro2::{Delimiter, Group, Ident, Span, TokenStream, TokenTree};
use quote::format_ident;

use crate::code::{Code, DocStyle};
use crate::expand::{Kind, Target};
use crate::lists::{SetAside, Shape};

/// Above this many named codes, a table is generated in *lookup form*: named codes are found by a
/// binary search over a sorted `const` array, and their reason, description and sendability read
/// from their `ENTRIES` row, instead of an arm per code in each `match` (see BENCHMARKS.md).
pub const LOOKUP_ABOVE: usize = 256;

/// How the accessors find a named code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// An arm per named code in every `match`; LLVM turns them into jump tables.
    Match,
    /// For tables of more than [`LOOKUP_ABOVE`] named codes. Four things differ: `from_repr`
    /// finds a named code by binary search over a sorted `const` array of the codes (`__CODES`,
    /// emitted only in this form), and `reason`, `description` and `is_sendable` of a named code
    /// read its `ENTRIES` row, instead of an arm per code. A named code then costs about 40 tokens
    /// instead of about 130, which keeps expansion and compilation of tables with thousands of
    /// codes fast (see BENCHMARKS.md). The match form writes each description twice (`ENTRIES`
    /// and the `description` arms); the lookup form once.
    Lookup,
}

/// What a row of the table's listing describes. Declaration order is row order at one number:
/// a named code, then a range interval, then a code documented in that range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum RowKind {
    Code,
    Range,
    Documented,
}

/// One row of the table's listing: a named code, a range interval, or a code documented in a
/// range. The same rows feed `ENTRIES`, the enum's doc table and the by-name index.
pub(crate) struct Row<'t> {
    pub(crate) start: i128,
    pub(crate) end: i128,
    pub(crate) kind: RowKind,
    pub(crate) variant: &'t str,
    pub(crate) reason: Option<&'t str>,
    pub(crate) description: &'t str,
    pub(crate) sendable: bool,
    pub(crate) flags: &'t [bool],
}

/// One table's expansion, decided: the form, the rows, the names of the functions.
pub(crate) struct Plan<'t> {
    pub(crate) table: &'t Table,
    pub(crate) krate: &'t TokenStream,
    pub(crate) name: &'t Ident,
    pub(crate) kind: Kind,
    pub(crate) conversions: &'t [crate::expand::Conversion],
    pub(crate) form: Form,
    /// Ordered by code; see [`RowKind`] for the order at one number.
    pub(crate) rows: Vec<Row<'t>>,
    /// The interval `from_repr` tests before anything else; see [`widest_interval`].
    pub(crate) widest: Option<(&'t CodeRange, Interval)>,
    /// `::core::primitive::u16`: spelled in full, so that a user's `u16` in scope changes nothing.
    pub(crate) repr: TokenStream,
    /// `from_u16`
    pub(crate) from_fn: Ident,
    /// `as_u16`
    pub(crate) as_fn: Ident,
    /// The enum's name as text (`Type` for `r#Type`): `NAME`, messages and doc links.
    pub(crate) name_text: String,
    /// Where long lists go as text instead of tokens, when rendering a file (see `lists`).
    lists: Option<&'t SetAside>,
}

impl<'t> Plan<'t> {
    pub(crate) fn new(target: &Target<'t>, table: &'t Table) -> Self {
        // A total table without ranges names every value, and needs no search.
        let form = if table.codes.len() > LOOKUP_ABOVE && !(table.total && table.ranges.is_empty())
        {
            Form::Lookup
        } else {
            Form::Match
        };
        let repr = table.repr.name();
        Plan {
            table,
            krate: target.krate,
            name: target.name,
            kind: target.kind,
            conversions: target.conversions,
            form,
            rows: rows(table),
            widest: widest_interval(table),
            repr: {
                let repr = Ident::new(repr, Span::call_site());
                quote::quote!(::core::primitive::#repr)
            },
            from_fn: format_ident!("from_{repr}"),
            as_fn: format_ident!("as_{repr}"),
            name_text: syn::ext::IdentExt::unraw(target.name).to_string(),
            lists: None,
        }
    }

    /// The same plan, keeping the long lists of a table in lookup form in `lists`.
    #[cfg(feature = "render")]
    pub(crate) fn setting_aside(mut self, lists: &'t SetAside) -> Self {
        self.lists = Some(lists);
        self
    }

    /// Whether long lists are kept as text (see `lists`).
    fn sets_aside(&self) -> Option<&'t SetAside> {
        self.lists.filter(|_| self.form == Form::Lookup)
    }

    /// A writer for a list of `shape`: with `///` docs when the list is kept as text.
    pub(crate) fn list_writer(&self) -> Code {
        if self.sets_aside().is_some() {
            Code::with_docs(DocStyle::Comment)
        } else {
            Code::new()
        }
    }

    /// A list (one element per line in `code`) as the group `delimiter` encloses: its tokens, or
    /// a placeholder when it is kept as text.
    pub(crate) fn list(&self, code: Code, shape: Shape) -> TokenTree {
        let delimiter = match shape {
            Shape::Array => Delimiter::Bracket,
            Shape::Variants | Shape::Arms => Delimiter::Brace,
        };
        let tokens = match self.sets_aside() {
            Some(lists) => lists
                .keep(shape, code.into_text())
                .parse()
                .unwrap_or_default(),
            None => code.tokens(),
        };
        TokenTree::Group(Group::new(delimiter, tokens))
    }

    /// `expr` as `from_repr` returns it: itself in a total table, in `Some` in a partial one.
    pub(crate) fn found(&self, expr: &str) -> String {
        if self.table.total {
            expr.to_owned()
        } else {
            format!("::core::option::Option::Some({expr})")
        }
    }

    /// Whether the table converts to and from `closecodes::CloseCode`: it extends `websocket`
    /// and is not `CloseCode` itself.
    pub(crate) fn converts_with_close_code(&self) -> bool {
        self.kind != Kind::Standard
            && self.table.builtins.contains(&closecodes_spec::Builtin::WebSocket)
            && self.table.repr == closecodes_spec::Repr::U16
    }
}

/// Every row, ordered by code, then by [`RowKind`], then by end.
pub(crate) fn rows(table: &Table) -> Vec<Row<'_>> {
    let mut rows: Vec<Row<'_>> = Vec::new();
    for code in &table.codes {
        rows.push(Row {
            start: code.value,
            end: code.value,
            kind: RowKind::Code,
            variant: &code.name,
            reason: code.reason.as_deref(),
            description: &code.description,
            sendable: code.sendable,
            flags: &code.flags,
        });
    }
    for range in &table.ranges {
        for interval in &range.intervals {
            rows.push(Row {
                start: interval.start,
                end: interval.end,
                kind: RowKind::Range,
                variant: &range.name,
                reason: range.reason.as_deref(),
                description: &range.description,
                sendable: range.sendable,
                flags: &range.flags,
            });
        }
        for documented in &range.documented {
            rows.push(Row {
                start: documented.value,
                end: documented.value,
                kind: RowKind::Documented,
                variant: &range.name,
                reason: documented.reason.as_deref(),
                description: &documented.description,
                sendable: documented.sendable,
                flags: &documented.flags,
            });
        }
    }
    rows.sort_by_key(|row| (row.start, row.kind, row.end));
    rows
}

/// The interval of a range that covers more than half of the repr's values and holds no named
/// code, if there is one (`Bad`'s 5000..=65535). `from_repr` tests it before anything else: LLVM
/// orders a `match` by value, so a value there otherwise passes every other test first (four
/// compares for `CloseCode`). Measured: a sweep over every `u16` takes 2.2x less time with the test
/// first (1.09x a plain array lookup), the realistic mix of mostly 1000 and 1001 takes 19 % more
/// (still 0.80x tungstenite's time); see BENCHMARKS.md.
fn widest_interval(table: &Table) -> Option<(&CodeRange, Interval)> {
    let values = table.repr.max() - table.repr.min() + 1;
    table
        .ranges
        .iter()
        .flat_map(|range| range.intervals.iter().map(move |iv| (range, *iv)))
        .filter(|(_, iv)| (iv.end - iv.start + 1) * 2 > values)
        .find(|(_, iv)| {
            let first = table.codes.partition_point(|c| c.value < iv.start);
            table.codes.get(first).is_none_or(|c| c.value > iv.end)
        })
}
