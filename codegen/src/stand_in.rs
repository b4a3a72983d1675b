//! The table a stand-in is generated from: a spec that has errors, as far as it could be read.
//!
//! When a spec has errors, the front ends emit the errors and a stand-in (`serde_derive`'s
//! `dummy.rs`, thiserror's `fallback.rs`): the enum and every item of the real table, so that the
//! user's code that names them adds no errors of its own. The stand-in goes through the same
//! plan and item functions as the real table, in [`Form::StandIn`](crate::plan::Form), whose
//! bodies are plain values of their types; only the names, the shapes and the types must be
//! right, and they are read here, leniently: what the checks would refuse is left out, so that
//! the stand-in itself never adds an error.

use std::collections::HashSet;

use closecodes_spec::{
    CodeRange, Flag, Interval, KEYWORDS, Location, Methods, NamedCode, Own, Property, PropertyKind,
    PropertyValue, RESERVED_METHODS, RangeValues, Repr, Spanned, Spec, Table, is_variant_name,
};

/// A spec that has errors, as far as it could be read: what a stand-in is generated from.
#[derive(Clone, Copy)]
pub struct Partial<'a> {
    /// The entries that parsed (`closecodes_spec::parse_recoverable`, or the derive's variants).
    pub spec: &'a Spec,
    /// The base its `extends` names, if it could be read and checked.
    pub base: Option<&'a Table>,
}

impl Partial<'_> {
    /// The repr the stand-in has: the one written, else the base's, else `u16`.
    #[must_use]
    pub fn repr(&self) -> Repr {
        self.spec
            .table
            .repr
            .as_ref()
            .map(|r| r.value)
            .or(self.base.map(|b| b.repr))
            .unwrap_or_default()
    }
}

/// The table the stand-in of `partial` is generated from (an empty `u16` table when nothing could
/// be read). `view` is the derive's reading: the table holds only the spec's own variants.
///
/// Names are kept only if they are valid and unused (a variant, constructor or predicate given
/// twice would be an error of the stand-in's own); values are kept as written, since stand-in
/// bodies never use them. The table is total if its ranges and codes as written cover the repr,
/// or, when the base could not be read, if it has a variant to return (most tables extend a total
/// base): either guess keeps some user code compiling, and this one keeps the common case.
pub(crate) fn table(partial: Option<Partial<'_>>, view: bool) -> Table {
    let Some(partial) = partial else {
        return empty(Repr::default(), None);
    };
    let (spec, repr) = (partial.spec, partial.repr());
    let base = partial.base.filter(|_| !view);
    let mut table = empty(repr, partial.base);
    let mut taken = Taken::new(repr);
    if let Some(base) = base {
        for code in &base.codes {
            taken.variant(&code.name);
        }
        for range in &base.ranges {
            taken.range(&range.name);
        }
        table.codes.clone_from(&base.codes);
        table.ranges.clone_from(&base.ranges);
    }
    add_flags(&mut table, spec, &mut taken);
    add_properties(&mut table, spec, &mut taken);
    add_entries(&mut table, spec, &mut taken);
    let has_variant = !(table.codes.is_empty() && table.ranges.is_empty());
    table.total = has_variant
        && if spec.extends.is_some() && partial.base.is_none() {
            true
        } else {
            // Every range and code as written, even one whose name is left out: once the name
            // is fixed, it is there.
            let own = spec
                .ranges
                .iter()
                .flat_map(|r| r.intervals.iter().map(|i| i.value));
            let inherited = base
                .into_iter()
                .flat_map(|b| b.ranges.iter().flat_map(|r| r.intervals.iter().copied()));
            let named = table
                .codes
                .iter()
                .map(|c| c.value)
                .chain(spec.codes.iter().map(|c| c.code.value))
                .map(|value| Interval {
                    start: value,
                    end: value,
                });
            covers(repr, own.chain(inherited).chain(named).collect())
        };
    if let Some(name) = &spec.table.name {
        table.name = Some(name.value.clone());
    }
    if let Some(description) = &spec.table.description {
        table.description = Some(description.value.trim().to_owned());
    }
    if let Some(non_exhaustive) = &spec.table.non_exhaustive {
        table.non_exhaustive = non_exhaustive.value;
    }
    table
}

/// The spec's flags whose predicates are free, after the base's; the base's entries get their
/// defaults, as every entry has a value per flag.
fn add_flags(table: &mut Table, spec: &Spec, taken: &mut Taken) {
    for flag in &table.flags {
        taken.method(&Methods::predicate(&flag.name));
    }
    for flag in &spec.flags {
        let name = &flag.name.value;
        let predicate = Methods::predicate(name);
        // An entry holds the flags in a `u64` (the checks refuse more).
        if table.flags.len() < 64 && is_method_name(&predicate) && taken.method(&predicate) {
            table.flags.push(Flag {
                name: name.clone(),
                description: flag.description.value.trim().to_owned(),
                default: flag.default.as_ref().is_some_and(|d| d.value),
                location: Location::default(),
            });
        }
    }
    let defaults: Vec<bool> = table.flags.iter().map(|f| f.default).collect();
    let entries = (table.codes.iter_mut().map(|c| &mut c.flags)).chain(
        (table.ranges.iter_mut()).flat_map(|r| r.values.iter_mut().map(|run| &mut run.flags)),
    );
    for flags in entries {
        flags.extend(defaults.get(flags.len()..).unwrap_or_default());
    }
}

/// The spec's properties whose getters and types are free and whose kind could be read, after
/// the base's; the base's entries get their defaults. Values are left at the defaults: stand-in
/// bodies never read them.
fn add_properties(table: &mut Table, spec: &Spec, taken: &mut Taken) {
    for property in &table.properties {
        taken.method(&Methods::getter(&property.name));
        taken.property_type(&property.name);
    }
    for property in &spec.properties {
        let name = &property.name.value;
        let getter = Methods::getter(name);
        let kind = match (&property.values, &property.integer) {
            (Some(values), None) => {
                let mut words: Vec<String> = Vec::new();
                for word in &values.value {
                    let variant = Methods::property_variant(&word.value);
                    if is_type_name(&variant)
                        && !words
                            .iter()
                            .any(|w| Methods::property_variant(w) == variant)
                    {
                        words.push(word.value.clone());
                    }
                }
                (!words.is_empty()).then_some(PropertyKind::Words(words))
            }
            (None, Some(integer)) => Repr::from_name(&integer.value)
                .filter(|r| r.max() <= i128::from(u32::MAX) && r.min() >= i128::from(i32::MIN))
                .map(PropertyKind::Integer),
            _ => None,
        };
        let Some(kind) = kind else { continue };
        if is_method_name(&getter)
            && is_type_name(&Methods::property_type("T", name))
            && !taken.methods.contains(&getter)
            && taken.property_type(name)
        {
            taken.method(&getter);
            table.properties.push(Property {
                name: name.clone(),
                description: property.description.value.trim().to_owned(),
                default: match kind {
                    PropertyKind::Words(_) => PropertyValue::Word(0),
                    PropertyKind::Integer(_) => PropertyValue::Integer(0),
                },
                kind,
                location: Location::default(),
            });
        }
    }
    let defaults: Vec<PropertyValue> = table.properties.iter().map(|p| p.default).collect();
    let entries = (table.codes.iter_mut().map(|c| &mut c.properties)).chain(
        (table.ranges.iter_mut()).flat_map(|r| r.values.iter_mut().map(|run| &mut run.properties)),
    );
    for properties in entries {
        properties.extend(defaults.get(properties.len()..).unwrap_or_default());
    }
}

/// The spec's ranges and named codes whose names are free, after the base's.
fn add_entries(table: &mut Table, spec: &Spec, taken: &mut Taken) {
    let flags_of = |set: Option<&Vec<Spanned<String>>>| -> Vec<bool> {
        table
            .flags
            .iter()
            .map(|flag| {
                set.is_some_and(|set| set.iter().any(|s| s.value == flag.name)) || flag.default
            })
            .collect()
    };
    let property_defaults: Vec<PropertyValue> =
        table.properties.iter().map(|p| p.default).collect();
    let ranges: Vec<CodeRange> = (spec.ranges.iter())
        .filter(|range| taken.range(&range.name.value))
        .map(|range| CodeRange {
            name: range.name.value.clone(),
            intervals: range.intervals.iter().map(|i| i.value).collect(),
            values: (range.intervals.iter())
                .map(|i| RangeValues {
                    interval: i.value,
                    flags: flags_of(range.flags.as_ref()),
                    properties: property_defaults.clone(),
                })
                .collect(),
            reason: range.reason.as_ref().map(|r| r.value.clone()),
            description: range.description.value.trim().to_owned(),
            sendable: range.sendable.as_ref().is_none_or(|s| s.value),
            assignable: range.assignable.as_ref().is_some_and(|a| a.value),
            documented: Vec::new(),
            own: Own::default(),
            location: Location::default(),
        })
        .collect();
    let mut codes = Vec::new();
    for code in &spec.codes {
        let Some(name) = code.name.as_ref().filter(|n| taken.variant(&n.value)) else {
            continue;
        };
        codes.push(NamedCode {
            name: name.value.clone(),
            value: code.code.value,
            reason: code.reason.as_ref().map(|r| r.value.clone()),
            description: code.description.value.trim().to_owned(),
            sendable: code.sendable.as_ref().is_none_or(|s| s.value),
            flags: flags_of(code.flags.as_ref()),
            properties: property_defaults.clone(),
            own: Own::default(),
            aliases: (code.aliases.iter())
                .map(|a| a.value.clone())
                .filter(|a| taken.variant(a))
                .collect(),
            deprecated: code.deprecated.as_ref().map(|d| d.value.clone()),
            location: Location::default(),
        });
    }
    table.ranges.extend(ranges);
    table.codes.extend(codes);
    table.codes.sort_by_key(|c| c.value);
}

/// A table without entries: the base's settings, flags and built-ins if there is one.
fn empty(repr: Repr, base: Option<&Table>) -> Table {
    Table {
        name: None,
        repr,
        description: base.and_then(|b| b.description.clone()),
        non_exhaustive: base.is_none_or(|b| b.non_exhaustive),
        codes: Vec::new(),
        ranges: Vec::new(),
        total: false,
        builtins: base.map(|b| b.builtins.clone()).unwrap_or_default(),
        flags: base.map(|b| b.flags.clone()).unwrap_or_default(),
        properties: base.map(|b| b.properties.clone()).unwrap_or_default(),
        base_files: base.map(|b| b.base_files.clone()).unwrap_or_default(),
        retired: Vec::new(),
        policies: Vec::new(),
        locations: closecodes_spec::TableLocations::default(),
    }
}

/// The names the stand-in has given so far: variants and associated constants, methods, the
/// types of properties (by their words).
struct Taken {
    items: HashSet<String>,
    methods: HashSet<String>,
    property_types: HashSet<String>,
}

impl Taken {
    fn new(repr: Repr) -> Self {
        Taken {
            items: HashSet::from(["ALL".to_owned()]),
            methods: RESERVED_METHODS
                .iter()
                .map(|m| (*m).to_owned())
                .chain([Methods::from_repr(repr), Methods::as_repr(repr)])
                .collect(),
            property_types: HashSet::new(),
        }
    }

    /// Takes a variant or constant name if it is valid and free.
    fn variant(&mut self, name: &str) -> bool {
        is_type_name(name) && self.items.insert(name.to_owned())
    }

    /// Takes the type of property `name` (`<Table><Name>`) if it is free.
    fn property_type(&mut self, name: &str) -> bool {
        self.property_types.insert(Methods::property_type("", name))
    }

    /// Takes a method name if it is free.
    fn method(&mut self, name: &str) -> bool {
        self.methods.insert(name.to_owned())
    }

    /// Takes a range's variant name and its constructors' names if all three are valid and free.
    fn range(&mut self, name: &str) -> bool {
        let (constructor, fallible) = Methods::constructors(name);
        let free = is_type_name(name)
            && !self.items.contains(name)
            && is_method_name(&constructor)
            && !self.methods.contains(&constructor)
            && !self.methods.contains(&fallible);
        if free {
            self.items.insert(name.to_owned());
            self.methods.extend([constructor, fallible]);
        }
        free
    }
}

/// Whether `name` can name a variant without rustc's `non_camel_case_types` warning.
fn is_type_name(name: &str) -> bool {
    is_variant_name(name)
        && name.starts_with(|c: char| c.is_ascii_uppercase())
        && !name.contains('_')
}

/// Whether `name` can name a method: a `snake_case` identifier, not a keyword.
fn is_method_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
        && name != "_"
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !KEYWORDS.contains(&name)
}

/// Whether `intervals` together cover every value of `repr`.
fn covers(repr: Repr, mut intervals: Vec<Interval>) -> bool {
    intervals.sort();
    let mut next = repr.min();
    for interval in intervals {
        if interval.start > next {
            return false;
        }
        next = next.max(interval.end.saturating_add(1));
    }
    next > repr.max()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::fmt::Write as _;

    use closecodes_spec::{NoFiles, Source, load, parse_recoverable};
    use quote::{ToTokens, format_ident, quote};

    use super::Partial;
    use crate::{Conversion, Declared, Kind, Request};

    /// A spec with one of everything: a base with a flag, a flag, a carve-out, codes, an alias.
    const SPEC: &str = r#"
extends = "websocket"

[[flag]]
name = "reconnectable"
description = "The client may reconnect."

[[range]]
name = "Retry"
codes = "4100..=4199"
description = "Try again later."
flags = ["reconnectable"]

[[code]]
code = 4001
name = "Unauthorized"
reason = "Unauthorized"
description = "The client did not log in."
aliases = ["NotLoggedIn"]

[[code]]
code = 4002
name = "Overloaded"
description = "Too many clients."
"#;

    /// Every item's shape in `tokens`, bodies and docs left out: the variants, each impl's
    /// header, and the signature of each `fn` and `const` in it.
    fn surface(tokens: proc_macro2::TokenStream) -> BTreeSet<String> {
        let file: syn::File = syn::parse2(tokens).unwrap_or_else(|e| panic!("not Rust: {e}"));
        let mut out = BTreeSet::new();
        let mut items: Vec<syn::Item> = file.items;
        while let Some(item) = items.pop() {
            match item {
                syn::Item::Enum(e) => {
                    for v in e.variants {
                        out.insert(format!("variant {}{}", v.ident, v.fields.to_token_stream()));
                    }
                }
                syn::Item::Const(c) => match *c.expr {
                    syn::Expr::Block(block) => {
                        items.extend(block.block.stmts.into_iter().filter_map(|s| match s {
                            syn::Stmt::Item(item) => Some(item),
                            _ => None,
                        }));
                    }
                    _ => {
                        out.insert(format!("const {}", c.ident));
                    }
                },
                syn::Item::Impl(i) => {
                    let header = format!(
                        "impl {} for {}",
                        i.trait_
                            .as_ref()
                            .map_or_else(String::new, |t| t.1.to_token_stream().to_string()),
                        i.self_ty.to_token_stream()
                    );
                    for item in i.items {
                        let shape = match item {
                            syn::ImplItem::Fn(f) => f.sig.to_token_stream().to_string(),
                            syn::ImplItem::Const(c) => {
                                format!("const {}: {}", c.ident, c.ty.to_token_stream())
                            }
                            syn::ImplItem::Type(t) => {
                                format!("type {} = {}", t.ident, t.ty.to_token_stream())
                            }
                            other => other.to_token_stream().to_string(),
                        };
                        out.insert(format!("{header}: {shape}"));
                    }
                    out.insert(header);
                }
                other => {
                    out.insert(other.to_token_stream().to_string());
                }
            }
        }
        out
    }

    fn websocket() -> closecodes_spec::Table {
        let source = Source::builtin("websocket").expect("a built-in table");
        load(&source, &mut NoFiles).unwrap_or_else(|e| panic!("{e}"))
    }

    /// The real expansion of `text` and the stand-in of `broken`, for `close_codes!`.
    fn both(text: &str, broken: &str, conversions: &[Conversion]) -> [BTreeSet<String>; 2] {
        let (krate, name) = (quote!(::closecodes), format_ident!("ChatCode"));
        let target = Request {
            krate: &krate,
            name: &name,
            kind: Kind::Macro,
            conversions,
        };
        let vis: syn::Visibility = syn::parse_quote!(pub);
        let declared = Declared {
            attrs: &[],
            vis: &vis,
        };
        let table = load(&Source::inline(text), &mut NoFiles).unwrap_or_else(|e| panic!("{e}"));
        let real = crate::close_codes(&target, &table, &declared, None);
        let source = Source::inline(broken);
        assert!(load(&source, &mut NoFiles).is_err(), "{broken} has errors");
        let (spec, _) = parse_recoverable(&source);
        let base = spec.extends.as_ref().map(|_| websocket());
        let partial = Partial {
            spec: &spec,
            base: base.as_ref(),
        };
        let stand_in = crate::stand_in(&target, &declared, Some(partial));
        [surface(real), surface(stand_in)]
    }

    /// One mistake at a time, each leaving every entry readable: the stand-in has every item of
    /// the real table, with the same signature.
    #[test]
    fn a_stand_in_has_the_api_of_the_table_it_stands_for() {
        let conversions = [
            Conversion {
                ty: syn::parse_quote!(crate::Wire),
                fallible: false,
            },
            Conversion {
                ty: syn::parse_quote!(::core::num::NonZeroU16),
                fallible: true,
            },
        ];
        let partial_table = "[[range]]\nname = \"Low\"\ncodes = \"0..=9\"\ndescription = \"d\"\n\
            [[flag]]\nname = \"fatal\"\ndescription = \"d\"\n\
            [[code]]\ncode = 20\nname = \"High\"\ndescription = \"d\"\nflags = [\"fatal\"]\n";
        let mistakes = [
            (SPEC, "flags = [\"reconectable\"]\n", ""),
            (
                SPEC,
                "",
                "[[code]]\ncode = 4002\nname = \"Again\"\ndescription = \"d\"\n",
            ),
            (SPEC, "reason = \"\"\n", ""),
            (partial_table, "sendable = \"yes\"\n", ""),
            (
                partial_table,
                "",
                "[table]\nrepr = \"u16\"\nnon_exhaustive = 3\n",
            ),
        ];
        for (text, into_last, after) in mistakes {
            let broken = format!("{text}{into_last}{after}");
            let [real, stand_in] = both(text, &broken, &conversions);
            let missing: Vec<_> = real.difference(&stand_in).collect();
            let extra: Vec<_> = stand_in.difference(&real).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "for {broken}\nmissing from the stand-in: {missing:#?}\nonly in the stand-in: {extra:#?}"
            );
        }
    }

    /// What cannot be read is left out, and nothing is given twice.
    #[test]
    fn names_that_would_clash_or_are_invalid_are_left_out() {
        let broken = r#"
[[flag]]
name = "sendable"
description = "would be `is_sendable`"
[[flag]]
name = "fatal"
description = "d"
[[range]]
name = "Reason"
codes = "10..=19"
description = "its constructor would be `reason`"
[[range]]
name = "Low"
codes = "0..=9"
description = "d"
[[code]]
code = 1
name = "Low"
description = "the range's name again"
[[code]]
code = 2
name = "bad_name"
description = "not a variant name"
[[code]]
code = 3
name = "One"
description = "d"
aliases = ["One", "ALL"]
"#;
        let (spec, _) = parse_recoverable(&Source::inline(broken));
        let table = super::table(
            Some(Partial {
                spec: &spec,
                base: None,
            }),
            false,
        );
        let names = |it: &mut dyn Iterator<Item = &String>| it.cloned().collect::<Vec<_>>();
        assert_eq!(names(&mut table.flags.iter().map(|f| &f.name)), ["fatal"]);
        let mut many = String::new();
        for i in 0..70 {
            let _ = writeln!(many, "[[flag]]\nname = \"f{i}\"\ndescription = \"d\"");
        }
        let (spec, _) = parse_recoverable(&Source::inline(&many));
        let partial = Some(Partial {
            spec: &spec,
            base: None,
        });
        assert_eq!(
            super::table(partial, false).flags.len(),
            64,
            "the bits of a `u64`"
        );
        assert_eq!(names(&mut table.ranges.iter().map(|r| &r.name)), ["Low"]);
        assert_eq!(names(&mut table.codes.iter().map(|c| &c.name)), ["One"]);
        assert!(table.codes[0].aliases.is_empty());
        assert_eq!(table.codes[0].flags, [false]);
        assert!(!table.total);
    }

    /// Totality as written: ranges whose names are left out still count, a base that cannot be
    /// read makes a table with a variant total, a table without one is never total.
    #[test]
    fn a_stand_in_is_total_as_the_spec_is_written() {
        let total = |text: &str, base: Option<&closecodes_spec::Table>| {
            let (spec, _) = parse_recoverable(&Source::inline(text));
            super::table(Some(Partial { spec: &spec, base }), false).total
        };
        let halves = "[table]\nrepr = \"u8\"\n\
            [[range]]\nname = \"Low\"\ncodes = \"0..=99\"\ndescription = \"d\"\n\
            [[range]]\nname = \"high\"\ncodes = \"100..=255\"\ndescription = \"d\"\n";
        assert!(total(halves, None));
        assert!(!total(&halves.replace("100..=255", "101..=255"), None));
        let code = "[[code]]\ncode = 100\nname = \"low\"\ndescription = \"d\"\n";
        assert!(total(
            &format!("{}{code}", halves.replace("100..=255", "101..=255")),
            None
        ));
        let base = websocket();
        assert!(total(SPEC, Some(&base)));
        assert!(total(SPEC, None), "the base could not be read");
        assert!(!total("extends = \"nope\"\n", None));
        assert!(!super::table(None, false).total);
    }
}
