//! The text that grows with the table: function bodies with an arm per code, the constant arrays.
//!
//! Each function writes one piece and returns it as a single token tree, for `items` to place.

use closecodes_spec::{CodeRange, Interval, PropertyValue, RowKind};
use proc_macro2::{TokenStream, TokenTree};

use crate::code::{Code, Int, Match, OptionLiteral, Pattern};
use crate::plan::{Form, List, Plan};

/// The body of `from_repr`: the widest interval first (see `plan::widest_interval`), then named
/// codes, as they take precedence inside ranges, then the ranges. A plain `match` measured as fast
/// as a dense lookup array for the named block (LLVM lowers it to a jump table; see
/// BENCHMARKS.md), so the generated code stays readable.
pub(crate) fn from_repr(plan: &Plan<'_>) -> TokenTree {
    let table = plan.table;
    let mut code = Code::new();
    if plan.form == Form::StandIn {
        // A total table has a variant (see `stand_in::table`).
        let first = match (table.codes.first(), table.ranges.first()) {
            (_, Some(range)) if table.total => format!("Self::{}(value)", range.name),
            (Some(named), _) if table.total => format!("{{ let _ = value; Self::{} }}", named.name),
            _ => "{ let _ = value; ::core::option::Option::None }".to_owned(),
        };
        code.line(&first);
        return code.braced();
    }
    if let Some((range, interval)) = plan.widest {
        writeln!(
            code,
            "if ::core::matches!(value, {}) {{\nreturn {};\n}}",
            Pattern(std::slice::from_ref(&interval)),
            plan.as_from_repr(&format!("Self::{}(value)", range.name))
        );
    }
    if plan.form == Form::Lookup {
        writeln!(
            code,
            "if let ::core::option::Option::Some(at) = __closecodes::__private::find_{}(__CODES, value) {{\nreturn {};\n}}",
            plan.table.repr,
            plan.as_from_repr("Self::ALL[at]")
        );
    }
    // In lookup form, a table without ranges has returned every code it holds: the rest is
    // `None`, not a `match` of one `_` arm (`clippy::match_single_binding`).
    if plan.form == Form::Lookup
        && !table.total
        && table.ranges.iter().all(|r| r.intervals.is_empty())
    {
        code.line("::core::option::Option::None");
        return code.braced();
    }
    code.line("match value {");
    if plan.form == Form::Match {
        for named in &table.codes {
            let variant = format!("Self::{}", named.name);
            writeln!(
                code,
                "{} => {},",
                Int(named.value),
                plan.as_from_repr(&variant)
            );
        }
    }
    // A range that carve-outs took whole holds no value to match.
    let mut ranges = table
        .ranges
        .iter()
        .filter(|r| !r.intervals.is_empty())
        .peekable();
    while let Some(range) = ranges.next() {
        let body = plan.as_from_repr(&format!("Self::{}(value)", range.name));
        // A total table in lookup form has returned every named code already, so the values
        // left are exactly those of the ranges: the last range takes them all.
        if plan.form == Form::Lookup && table.total && ranges.peek().is_none() {
            writeln!(code, "_ => {body},");
        } else {
            writeln!(code, "{} => {body},", Pattern(&range.intervals));
        }
    }
    if !table.total {
        code.line("_ => ::core::option::Option::None,");
    }
    code.line("}");
    code.braced()
}

/// The body of `as_repr`. Written out rather than through `Match`: every code has its own
/// number and every range the same body, so there is nothing to group but the ranges (and
/// thousands of codes are quicker to write than to sort into groups).
pub(crate) fn as_repr(plan: &Plan<'_>) -> TokenTree {
    let mut code = Code::new();
    if plan.form == Form::StandIn {
        code.line("0");
        return code.braced();
    }
    for named in &plan.table.codes {
        writeln!(code, "Self::{} => {},", named.name, Int(named.value));
    }
    let bindings: Vec<String> = plan
        .table
        .ranges
        .iter()
        .map(|range| format!("Self::{}(value)", range.name))
        .collect();
    if !bindings.is_empty() {
        writeln!(code, "{} => value,", bindings.join(" | "));
    }
    let arms = plan.list(code, List::AsArms);
    TokenTree::Group(proc_macro2::Group::new(
        proc_macro2::Delimiter::Brace,
        quote::quote!(match self #arms),
    ))
}

/// A per-code value that an accessor returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Column {
    Reason,
    Description,
    Sendable,
    /// The flags as bits, in the order of the table's flags.
    Flags,
    /// The value of the property at this index of the table's properties.
    Property(usize),
}

/// What an entry (a named code, a range, a documented code) holds, for [`Column::value`].
pub(crate) struct Cells<'a> {
    pub(crate) reason: Option<&'a str>,
    pub(crate) description: &'a str,
    pub(crate) sendable: bool,
    pub(crate) flags: &'a [bool],
    pub(crate) properties: &'a [PropertyValue],
}

impl Column {
    /// How a named code's value is read in lookup form: its `ENTRIES` row's field, or for a
    /// property its element of the property's array (see [`property_values`]).
    fn lookup(self, plan: &Plan<'_>) -> String {
        let field = match self {
            Column::Reason => "reason",
            Column::Description => "description",
            Column::Sendable => "sendable",
            Column::Flags => "flags",
            Column::Property(index) => {
                let property = &plan.properties[index];
                let at = format!("__VALUES_{index}[at]");
                let found = match &property.words {
                    Some((ty, _)) => format!("{ty}::ALL[{at}]"),
                    None => at,
                };
                return format!(
                    "match __closecodes::__private::find_{}(__CODES, self.{}()) {{ ::core::option::Option::Some(at) => {found}, ::core::option::Option::None => {} }}",
                    plan.table.repr,
                    plan.as_fn,
                    property.default_value()
                );
            }
        };
        format!(
            "__closecodes::__private::row_{}(<Self as __closecodes::CodeTable>::ENTRIES, self.{}()).{field}",
            plan.table.repr, plan.as_fn,
        )
    }

    /// The value as Rust.
    fn value(self, plan: &Plan<'_>, cells: &Cells<'_>) -> String {
        match self {
            Column::Reason => OptionLiteral(cells.reason).to_string(),
            Column::Description => format!("{:?}", cells.description),
            Column::Sendable => cells.sendable.to_string(),
            Column::Flags => format!("{:#b}", mask(cells.flags)),
            Column::Property(index) => {
                let property = &plan.properties[index];
                cells
                    .properties
                    .get(index)
                    .map_or_else(|| property.default_value(), |v| property.value(*v))
            }
        }
    }
}

/// Flags as bits: bit `i` is flag `i`.
pub(crate) fn mask(flags: &[bool]) -> u64 {
    flags
        .iter()
        .enumerate()
        .filter(|(_, set)| **set)
        .fold(0, |mask, (i, _)| mask | 1 << i)
}

/// The body of an accessor: a `match self` with one value per code, where a range variant matches
/// its documented codes by value; a hand-built `Library(1006)` answers as `Abnormal`, since the
/// match is on the canonical code. In lookup form, named codes read their `ENTRIES` row.
pub(crate) fn column(plan: &Plan<'_>, column: Column) -> TokenTree {
    if plan.form == Form::StandIn {
        let mut code = Code::new();
        code.line(&column.value(
            plan,
            &Cells {
                reason: None,
                description: "",
                sendable: false,
                flags: &[],
                properties: &[],
            },
        ));
        return code.braced();
    }
    let mut arms = Match::default();
    if plan.form == Form::Match {
        for named in &plan.table.codes {
            let value = column.value(
                plan,
                &Cells {
                    reason: named.reason.as_deref(),
                    description: &named.description,
                    sendable: named.sendable,
                    flags: &named.flags,
                    properties: &named.properties,
                },
            );
            arms.push(format!("Self::{}", named.name), false, value);
        }
    }
    // A hand-built range variant holding another variant's value answers as that variant: the
    // accessor matches on the canonical code. (Measured against answering a range variant by its
    // value, and against a branch-free choice: this costs the common path least; BENCHMARKS.md.)
    let many_variants = plan.table.codes.len() + plan.table.ranges.len() > 1;
    for range in &plan.table.ranges {
        let (whole, inner) = range_arms(plan, column, range);
        if inner.is_empty() {
            arms.push(format!("Self::{}(_)", range.name), false, whole);
        } else {
            let mut body = Code::new();
            inner.finish_with(&mut body, "value", Some(&whole));
            arms.push(
                format!("Self::{}(value)", range.name),
                true,
                body.into_text(),
            );
        }
    }
    let scrutinee = if many_variants {
        "self.canonical()"
    } else {
        "self"
    };
    let mut code = Code::new();
    match plan.form {
        Form::Lookup => {
            let read = column.lookup(plan);
            if arms.is_empty() {
                code.line(&read);
            } else {
                arms.finish_with(&mut code, scrutinee, Some(&read));
            }
        }
        Form::Match | Form::StandIn => arms.finish(&mut code, scrutinee),
    }
    code.braced()
}

/// A range variant's value in `column`: the value most of its numbers have (the range's, unless
/// a `[[policy]]` of an extension covers most of it), and the arms of its other numbers (its
/// documented codes, and runs of its values that a policy sets), matched on `value`. The runs
/// are cut around the documented codes, so that no two patterns share a number and arms of one
/// value may be joined in any order.
fn range_arms(plan: &Plan<'_>, column: Column, range: &CodeRange) -> (String, Match) {
    let default_flags: Vec<bool> = plan.table.flags.iter().map(|f| f.default).collect();
    let default_properties: Vec<PropertyValue> =
        plan.table.properties.iter().map(|p| p.default).collect();
    let cells = |flags, properties| Cells {
        reason: range.reason.as_deref(),
        description: &range.description,
        sendable: range.sendable,
        flags,
        properties,
    };
    let mut pieces: Vec<(Interval, String)> = Vec::new();
    let mut numbers: Vec<(String, i128)> = Vec::new();
    for run in &range.values {
        let value = column.value(plan, &cells(&run.flags, &run.properties));
        let (from, to) = (
            range
                .documented
                .partition_point(|d| d.value < run.interval.start),
            range
                .documented
                .partition_point(|d| d.value <= run.interval.end),
        );
        let mut at = run.interval.start;
        for documented in range.documented.get(from..to).unwrap_or_default() {
            if documented.value > at {
                pieces.push((
                    Interval {
                        start: at,
                        end: documented.value - 1,
                    },
                    value.clone(),
                ));
            }
            let own = column.value(
                plan,
                &Cells {
                    reason: documented.reason.as_deref(),
                    description: &documented.description,
                    sendable: documented.sendable,
                    flags: &documented.flags,
                    properties: &documented.properties,
                },
            );
            pieces.push((
                Interval {
                    start: documented.value,
                    end: documented.value,
                },
                own,
            ));
            at = documented.value + 1;
        }
        if at <= run.interval.end {
            pieces.push((
                Interval {
                    start: at,
                    end: run.interval.end,
                },
                value.clone(),
            ));
        }
        match numbers.iter_mut().find(|(v, _)| *v == value) {
            Some((_, count)) => *count += run.interval.end - run.interval.start + 1,
            None => numbers.push((value, run.interval.end - run.interval.start + 1)),
        }
    }
    // The first of the values most numbers have; a range that carve-outs took whole holds no
    // number, and answers with the defaults (it is never matched: `canonical()` comes first).
    let whole = numbers
        .iter()
        .rev()
        .max_by_key(|(_, count)| *count)
        .map_or_else(
            || column.value(plan, &cells(&default_flags, &default_properties)),
            |(value, _)| value.clone(),
        );
    let mut inner = Match::default();
    for (interval, value) in pieces {
        if value != whole {
            inner.push(
                Pattern(std::slice::from_ref(&interval)).to_string(),
                false,
                value,
            );
        }
    }
    (whole, inner)
}

/// The body of `canonical()`: a range variant becomes what `from_repr` gives for its value (in a
/// partial table, a value outside every range stays as it is); a named code is itself.
pub(crate) fn canonical(plan: &Plan<'_>) -> TokenTree {
    let ranges = &plan.table.ranges;
    let mut code = Code::new();
    if ranges.is_empty() || plan.form == Form::StandIn {
        code.line("self");
        return code.braced();
    }
    let bindings: Vec<String> = ranges
        .iter()
        .map(|range| format!("Self::{}(value)", range.name))
        .collect();
    code.line("match self {");
    if plan.table.total {
        writeln!(
            code,
            "{} => Self::{}(value),",
            bindings.join(" | "),
            plan.from_fn
        );
    } else {
        writeln!(
            code,
            "{} => match Self::{}(value) {{ ::core::option::Option::Some(code) => code, ::core::option::Option::None => self }},",
            bindings.join(" | "),
            plan.from_fn
        );
    }
    if !plan.table.codes.is_empty() {
        code.line("_ => self,");
    }
    code.line("}");
    code.braced()
}

/// The body of `range()`: the name of the range variant. Named codes have none: one arm for one
/// code, the final `_` when the table has many variants.
pub(crate) fn range_name(plan: &Plan<'_>) -> TokenTree {
    let codes = &plan.table.codes;
    let mut code = Code::new();
    if plan.form == Form::StandIn {
        code.line(&OptionLiteral(None).to_string());
        return code.braced();
    }
    // No range: no code has one (a `match` of one `_` arm is `clippy::match_single_binding`).
    if plan.table.ranges.is_empty() {
        code.line(&OptionLiteral(None).to_string());
        return code.braced();
    }
    let many_variants = codes.len() + plan.table.ranges.len() > 1;
    writeln!(
        code,
        "match {} {{",
        if many_variants {
            "self.canonical()"
        } else {
            "self"
        }
    );
    if let [only] = codes.as_slice() {
        writeln!(code, "Self::{} => {},", only.name, OptionLiteral(None));
    }
    for range in &plan.table.ranges {
        writeln!(
            code,
            "Self::{}(_) => {},",
            range.name,
            OptionLiteral(Some(&range.name))
        );
    }
    if codes.len() > 1 {
        writeln!(code, "_ => {},", OptionLiteral(None));
    }
    code.line("}");
    code.braced()
}

/// For each range, `const fn library(value)`, which fails const evaluation out of range, and
/// `try_library(value)`.
pub(crate) fn constructors(plan: &Plan<'_>) -> TokenStream {
    let table = plan.table;
    let mut code = Code::new();
    for (range, (snake, fallible)) in table.ranges.iter().zip(&plan.methods.constructors) {
        let (name, repr, pattern) = (&range.name, table.repr, Pattern(&range.intervals));
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
            .map(|c| format!("{} => Self::{},", Int(c.value), c.name))
            .collect();
        let build = if inside.is_empty() || plan.form == Form::StandIn {
            format!("Self::{name}(value)")
        } else {
            format!(
                "match value {{ {} _ => Self::{name}(value), }}",
                inside.concat()
            )
        };
        if range.intervals.is_empty() {
            // A base range that the extension's carve-outs took whole: the variant stays (for
            // code written against the base's names), but no number is its own.
            let message = format!("range `{name}` holds no code in this table");
            code.doc(&[
                &format!("Never returns: range `{name}` holds no code in this table."),
                "",
                "# Panics",
                "",
                "Always; in a `const` this is a compile error.",
            ]);
            writeln!(
                code,
                "#[must_use]\npub const fn {snake}(value: ::core::primitive::{repr}) -> Self {{\nlet _ = value;\n::core::panic!({message:?})\n}}"
            );
            code.doc(&[format!(
                "Always `None`: range `{name}` holds no code in this table."
            )]);
            writeln!(
                code,
                "#[must_use]\npub const fn {fallible}(value: ::core::primitive::{repr}) -> ::core::option::Option<Self> {{\nlet _ = value;\n::core::option::Option::None\n}}"
            );
            continue;
        }
        code.doc(&[
            &format!(
                "The code `value` of range `{name}` ({intervals}); a code the range names is returned as its own variant."
            ),
            "",
            "# Panics",
            "",
            "If `value` is outside the range; in a `const` this is a compile error.",
        ]);
        let message = format!("the code is not in range `{name}` ({intervals})");
        let (check, fallible_body) = if plan.form == Form::StandIn {
            (
                String::new(),
                format!("::core::option::Option::Some({build})"),
            )
        } else {
            (
                format!("::core::assert!(::core::matches!(value, {pattern}), {message:?});\n"),
                format!(
                    "if ::core::matches!(value, {pattern}) {{ ::core::option::Option::Some({build}) }} else {{ ::core::option::Option::None }}"
                ),
            )
        };
        writeln!(
            code,
            "#[must_use]\npub const fn {snake}(value: ::core::primitive::{repr}) -> Self {{\n{check}{build}\n}}"
        );
        code.doc(&[format!(
            "The code `value` of range `{name}` ({intervals}), or `None` if it is outside the range."
        )]);
        writeln!(
            code,
            "#[must_use]\npub const fn {fallible}(value: ::core::primitive::{repr}) -> ::core::option::Option<Self> {{\n{fallible_body}\n}}"
        );
    }
    code.tokens()
}

/// `[Self::Normal, …]`: the named codes, ordered by code.
pub(crate) fn all(plan: &Plan<'_>) -> TokenTree {
    let mut code = Code::new();
    for named in &plan.table.codes {
        writeln!(code, "Self::{},", named.name);
    }
    plan.list(code, List::All)
}

/// The rows of `CodeTable::ENTRIES`, each a call to one of the runtime's row constructors: a
/// dozen tokens a row, against thirty for a struct literal. (Measured both ways, and as tuples
/// turned into rows by a `const` loop: rustc checks a 10,000-code crate in the same time with any
/// of the three; fewer tokens are quicker to expand.)
pub(crate) fn entries(plan: &Plan<'_>) -> TokenTree {
    let mut code = Code::new();
    let (sets, set_of_row) = property_sets(plan);
    let shared = shared_sets(sets.len(), &set_of_row);
    for (at, row) in plan
        .rows
        .iter()
        .enumerate()
        .filter(|_| plan.form != Form::StandIn)
    {
        // A reason is never empty (the checks reject it); the row constructors read "" as none.
        let reason = row.reason.unwrap_or("");
        let (variant, description, sendable) = (row.variant, row.description, row.sendable);
        let flags = mask(row.flags);
        let (with, set) = match set_of_row.get(at) {
            Some(&set) if shared.get(set) == Some(&true) => {
                ("_with", format!(", __PROPERTIES_{set}"))
            }
            Some(set) => ("_with", format!(", __PROPERTIES[{set}]")),
            None => ("", String::new()),
        };
        match row.kind {
            RowKind::Range => writeln!(
                code,
                "__range{with}({variant:?}, {}, {}, {reason:?}, {description:?}, {sendable}, {flags}{set}),",
                Int(row.start),
                Int(row.end)
            ),
            RowKind::Code => writeln!(
                code,
                "__code{with}({variant:?}, {}, {reason:?}, {description:?}, {sendable}, {flags}{set}),",
                Int(row.start)
            ),
            RowKind::Documented => writeln!(
                code,
                "__documented{with}({variant:?}, {}, {reason:?}, {description:?}, {sendable}, {flags}{set}),",
                Int(row.start)
            ),
        }
    }
    plan.list(code, List::Entries)
}

/// `__PROPERTIES`: the distinct lists of property values of the rows (`sets`), a line each, as
/// the runtime's `PropertyValue`s.
pub(crate) fn property_list(plan: &Plan<'_>, sets: &[&[PropertyValue]]) -> TokenTree {
    let mut code = Code::new();
    for set in sets {
        write!(code, "&[");
        for (property, value) in plan.properties.iter().zip(set.iter()) {
            match value {
                PropertyValue::Word(at) => {
                    let word = property
                        .property
                        .words()
                        .get(*at)
                        .map_or("", String::as_str);
                    write!(code, "__closecodes::PropertyValue::Word({word:?}), ");
                }
                PropertyValue::Integer(n) => {
                    write!(
                        code,
                        "__closecodes::PropertyValue::Integer({}), ",
                        Int(i128::from(*n))
                    );
                }
            }
        }
        code.line("],");
    }
    plan.list(code, List::Properties)
}

/// The distinct lists of property values among the rows, in the order they first appear, and for
/// each row the position of its list: rows share a `const` per list (`__PROPERTIES_0`), since a
/// few lists (a range's, the default) hold most rows. Both empty for a table without properties.
pub(crate) fn property_sets<'t>(plan: &Plan<'t>) -> (Vec<&'t [PropertyValue]>, Vec<usize>) {
    if plan.table.properties.is_empty() || plan.form == Form::StandIn {
        return (Vec::new(), Vec::new());
    }
    let mut sets: Vec<&'t [PropertyValue]> = Vec::new();
    let mut seen = std::collections::HashMap::new();
    let of_row = plan
        .rows
        .iter()
        .map(|row| {
            *seen.entry(row.properties).or_insert_with(|| {
                sets.push(row.properties);
                sets.len() - 1
            })
        })
        .collect();
    (sets, of_row)
}

/// For each of the lists of [`property_sets`], whether more than one row has it: such a list gets
/// a `const` of its own (`__PROPERTIES_3`), which its rows name; a row with a list of its own
/// indexes `__PROPERTIES` instead, so that a table whose codes each set their own values does not
/// add a `const` item per code (prettyplease formats each item of a rendered file).
pub(crate) fn shared_sets(sets: usize, of_row: &[usize]) -> Vec<bool> {
    let mut rows = vec![0_usize; sets];
    for &set in of_row {
        if let Some(count) = rows.get_mut(set) {
            *count += 1;
        }
    }
    rows.into_iter().map(|count| count > 1).collect()
}

/// In lookup form, a property's value at each named code, in the order of `ALL` (`__CODES`): the
/// index of its word in the property type's `ALL`, or the integer. Two tokens a code, where an
/// arm per code would be a dozen.
pub(crate) fn property_values(plan: &Plan<'_>, index: usize) -> TokenTree {
    let mut code = Code::new();
    for named in &plan.table.codes {
        match named.properties.get(index) {
            Some(PropertyValue::Word(at)) => writeln!(code, "{at},"),
            Some(PropertyValue::Integer(n)) => writeln!(code, "{},", Int(i128::from(*n))),
            None => code.line("0,"),
        }
    }
    TokenTree::Group(proc_macro2::Group::new(
        proc_macro2::Delimiter::Bracket,
        code.tokens(),
    ))
}

/// `[0, 1, 2, …]`: the named codes in the order of `ALL`, searched by the lookup form.
pub(crate) fn codes(plan: &Plan<'_>) -> TokenTree {
    let mut code = Code::new();
    for named in &plan.table.codes {
        writeln!(code, "{},", Int(named.value));
    }
    plan.list(code, List::Codes)
}

/// The positions of the named codes' `ENTRIES` rows, sorted by variant name: `FromStr` finds a
/// name by binary search (a `match` on 10,000 strings is slow to compile; this is two tokens a
/// code).
pub(crate) fn by_name(plan: &Plan<'_>) -> TokenTree {
    let mut named: Vec<(&str, usize)> = plan
        .rows
        .iter()
        .enumerate()
        .filter(|(_, row)| row.kind == RowKind::Code && plan.form != Form::StandIn)
        .map(|(at, row)| (row.variant, at))
        .collect();
    named.sort_unstable();
    let mut code = Code::new();
    for (_, at) in named {
        writeln!(code, "{at},");
    }
    plan.list(code, List::ByName)
}
