//! What an expansion decides once, before any token is written.

use closecodes_spec::{
    CodeRange, Interval, Methods, Property, PropertyKind, PropertyValue, Row, Table,
};
use proc_macro2::{Delimiter, Group, Ident, Span, TokenStream, TokenTree};

use crate::code::Code;
use crate::request::{Kind, Request};

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
    /// For the stand-in of a spec that has errors (module `stand_in`): no accessor finds
    /// anything, every body is a plain value of its type (`0`, `None`, `self`, the first
    /// variant), as the code never runs; the items, their names and types are the real ones.
    StandIn,
}

/// A long list of an expansion: its elements are one line each, and grow with the table. A file
/// rendered by `render` writes them as text beside prettyplease's output (see `render::rust::lists`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum List {
    /// The enum's variants, with their docs.
    Variants,
    /// `as_repr`'s arms.
    AsArms,
    /// `ALL`.
    All,
    /// `__CODES`, in lookup form.
    Codes,
    /// `CodeTable::ENTRIES`.
    Entries,
    /// `__PROPERTIES`: the distinct lists of property values of the `ENTRIES` rows.
    Properties,
    /// The by-name index of `parse_code`.
    ByName,
    /// The enum's docs, which end in a table of every code (a line each).
    Docs,
}

impl List {
    /// What encloses the list.
    pub(crate) fn delimiter(self) -> Delimiter {
        match self {
            List::Variants | List::AsArms | List::Docs => Delimiter::Brace,
            List::All | List::Codes | List::Entries | List::Properties | List::ByName => {
                Delimiter::Bracket
            }
        }
    }
}

/// Where the long lists of an expansion go when they are not tokens.
pub(crate) trait ListSink {
    /// Keeps the list's `text` and returns what stands in the tokens in its stead.
    fn write_as_text(&self, list: List, text: String) -> TokenStream;
}

/// One table's expansion, decided: the form, the rows, the names of the functions.
pub(crate) struct Plan<'t> {
    pub(crate) table: &'t Table,
    /// What the caller asked for: names, front end, runtime path, conversions.
    pub(crate) request: &'t Request<'t>,
    pub(crate) form: Form,
    /// Ordered by code ([`Table::rows`]).
    pub(crate) rows: Vec<Row<'t>>,
    /// Every name generated from the table: `from_u16`, constructors, predicates.
    pub(crate) methods: Methods,
    /// The interval `from_repr` tests before anything else; see [`widest_interval`].
    pub(crate) widest: Option<(&'t CodeRange, Interval)>,
    /// `::core::primitive::u16`: spelled in full, so that a user's `u16` in scope changes nothing.
    pub(crate) repr: TokenStream,
    /// `from_u16`
    pub(crate) from_fn: Ident,
    /// `as_u16`
    pub(crate) as_fn: Ident,
    /// The enum's name as text (`Type` for `r#Type`): `NAME`, messages and doc links.
    pub(crate) type_name: String,
    /// The table's properties, in its order: their getters and types.
    pub(crate) properties: Vec<PropertyPlan<'t>>,
    /// Where long lists go as text instead of tokens, when rendering a file.
    lists: Option<&'t dyn ListSink>,
}

impl<'t> Plan<'t> {
    pub(crate) fn new(request: &'t Request<'t>, table: &'t Table) -> Self {
        // A total table without ranges names every value, and needs no search.
        let form = if table.codes.len() > LOOKUP_ABOVE && !(table.total && table.ranges.is_empty())
        {
            Form::Lookup
        } else {
            Form::Match
        };
        let methods = Methods::of(table);
        Plan {
            table,
            request,
            form,
            rows: table.rows(),
            widest: widest_interval(table),
            repr: {
                let repr = Ident::new(table.repr.name(), Span::call_site());
                quote::quote!(::core::primitive::#repr)
            },
            from_fn: Ident::new(&methods.from_repr, Span::call_site()),
            as_fn: Ident::new(&methods.as_repr, Span::call_site()),
            properties: table
                .properties
                .iter()
                .zip(&methods.getters)
                .enumerate()
                .map(|(index, (property, getter))| {
                    PropertyPlan::new(property, index, getter, request.name)
                })
                .collect(),
            methods,
            type_name: syn::ext::IdentExt::unraw(request.name).to_string(),
            lists: None,
        }
    }

    /// The same plan, keeping the long lists of a table in lookup form in `lists`.
    #[cfg(feature = "render")]
    pub(crate) fn setting_aside(mut self, lists: &'t dyn ListSink) -> Self {
        self.lists = Some(lists).filter(|_| self.form == Form::Lookup);
        self
    }

    /// A list (one element per line in `code`) in its delimiters: its tokens, or what stands for
    /// it when it is kept as text.
    pub(crate) fn list(&self, code: Code, list: List) -> TokenTree {
        let tokens = match self.lists {
            Some(lists) => lists.write_as_text(list, code.into_text()),
            None => code.tokens(),
        };
        TokenTree::Group(Group::new(list.delimiter(), tokens))
    }

    /// Whether the enum's docs (`lines`, ending in the doc table) are kept as text rather than
    /// written as the enum's doc attribute, which syn would parse as one long string literal.
    pub(crate) fn keep_docs(&self, lines: &[String]) -> bool {
        match self.lists {
            Some(lists) => {
                lists.write_as_text(List::Docs, lines.join("\n"));
                true
            }
            None => false,
        }
    }

    /// `expr` as `from_repr` returns it: itself in a total table, in `Some` in a partial one.
    pub(crate) fn as_from_repr(&self, expr: &str) -> String {
        if self.table.total {
            expr.to_owned()
        } else {
            format!("::core::option::Option::Some({expr})")
        }
    }

    /// Whether the table converts to and from `closecodes::CloseCode`: it extends `websocket`
    /// and is not `CloseCode` itself.
    pub(crate) fn converts_with_close_code(&self) -> bool {
        self.request.kind != Kind::StandardCloseCode
            && self
                .table
                .builtins
                .contains(&closecodes_spec::Builtin::WebSocket)
            && self.table.repr == closecodes_spec::Repr::U16
    }
}

/// A property of the table, decided: its getter, and its type (an enum beside the table for an
/// enumerated property, an integer type otherwise).
pub(crate) struct PropertyPlan<'t> {
    pub(crate) property: &'t Property,
    /// Its position in the table's properties and in every entry's values.
    pub(crate) index: usize,
    /// `retry_after_ms`
    pub(crate) getter: Ident,
    /// `ChatCodeAction`, or `::core::primitive::u32`.
    pub(crate) ty: TokenStream,
    /// An enumerated property's type (`ChatCodeAction`) and its variants, one per word.
    pub(crate) words: Option<(Ident, Vec<Ident>)>,
}

impl<'t> PropertyPlan<'t> {
    fn new(property: &'t Property, index: usize, getter: &str, table: &Ident) -> Self {
        let getter = Ident::new(getter, Span::call_site());
        match &property.kind {
            PropertyKind::Words(words) => {
                let table = syn::ext::IdentExt::unraw(table).to_string();
                let name = Methods::property_type(&table, &property.name);
                let ty = Ident::new(&name, Span::call_site());
                let variants = words
                    .iter()
                    .map(|w| Ident::new(&Methods::property_variant(w), Span::call_site()))
                    .collect();
                PropertyPlan {
                    property,
                    index,
                    getter,
                    ty: quote::quote!(#ty),
                    words: Some((ty, variants)),
                }
            }
            PropertyKind::Integer(repr) => {
                let repr = Ident::new(repr.name(), Span::call_site());
                PropertyPlan {
                    property,
                    index,
                    getter,
                    ty: quote::quote!(::core::primitive::#repr),
                    words: None,
                }
            }
        }
    }

    /// `value` as a Rust expression of the getter's type: `ChatCodeAction::BackOff`, `1000`.
    pub(crate) fn value(&self, value: PropertyValue) -> String {
        match (&self.words, value) {
            (Some((ty, variants)), PropertyValue::Word(at)) => variants
                .get(at)
                .map_or_else(String::new, |v| format!("{ty}::{v}")),
            (_, PropertyValue::Integer(n)) => crate::code::Int(i128::from(n)).to_string(),
            (None, PropertyValue::Word(at)) => at.to_string(),
        }
    }

    /// The value of numbers that inherit none.
    pub(crate) fn default_value(&self) -> String {
        self.value(self.property.default)
    }
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
