//! A checked spec and its base become the `Table` code is generated from: defaults decided once,
//! entries ordered, totality computed.

use crate::Origin;
use crate::error::Report;
use crate::model::{
    CodeRange, CodeSpec, DocumentedCode, Flag, Interval, IntervalIndex, NamedCode, Own, Property,
    PropertyKind, PropertySpec, PropertyValue, RangeValues, Repr, SetValue, Setting, Spanned, Spec,
    Table,
};
use crate::rules::CheckRule;

/// What kind of table a spec is checked as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A spec (`close_codes!`, a base file, a built-in table): it extends its base.
    Extend,
    /// A hand-written enum (`#[derive(CloseCodes)]`): a *derived* table of its base. Four rules differ:
    /// its ranges may take the names of the base's ranges (`check_names`) and re-declare the
    /// base's intervals (`check_overlaps`), their constructors are not checked against the base's
    /// (`check_constructors`), and the table holds only the enum's own variants (`assemble`).
    Derive,
}

/// The checked table: the base's entries (none for a derived enum), then this spec's.
/// Reports the one rule that needs the assembled ranges: an unnamed code must lie in one.
pub(crate) fn assemble(
    report: &mut Report<'_>,
    mode: Mode,
    spec: &Spec,
    repr: Repr,
    base: Option<Table>,
    codes: Vec<&CodeSpec>,
) -> Option<Table> {
    let (mut table, left_out) = start(mode, base, repr);
    let source = report.source;
    add_flags(&mut table, spec, source);
    add_properties(&mut table, spec, source);
    add_policies(&mut table, spec, source);
    table.locations = crate::TableLocations {
        name: spec.table.name.as_ref().map(|n| source.location(&n.span)),
        repr: spec.table.repr.as_ref().map(|r| source.location(&r.span)),
        non_exhaustive: spec
            .table
            .non_exhaustive
            .as_ref()
            .map(|n| source.location(&n.span)),
        spec: source.location(&(0..0)),
    };
    table.retired.extend(spec.retired.iter().map(|r| {
        let mut intervals: Vec<Interval> = r.intervals.iter().map(|i| i.value).collect();
        intervals.sort();
        crate::Retired {
            intervals,
            names: r.names.iter().map(|n| n.value.clone()).collect(),
            note: r.note.value.trim().to_owned(),
            location: source.location(&r.span),
        }
    }));
    let left_out = Inherited::new(left_out.0, left_out.1, &table);
    if let Some(name) = &spec.table.name {
        table.name = Some(name.value.clone());
    }
    if let Some(d) = &spec.table.description {
        table.description = Some(d.value.trim().to_owned());
    }
    if let Some(n) = &spec.table.non_exhaustive {
        table.non_exhaustive = n.value;
    }
    add_ranges(&mut table, spec, &left_out, source);
    if mode == Mode::Derive {
        check_derived_ranges(report, &table, spec, &left_out);
    }
    if !place_codes(report, &mut table, codes, &left_out) {
        return None;
    }
    if mode == Mode::Derive {
        adopt_documented(&mut table, &left_out);
    }
    table.codes.sort_by_key(|k| k.value);
    for range in &mut table.ranges {
        range.documented.sort_by_key(|d| d.value);
    }
    table.total = covers(repr, &IntervalIndex::new(&table.ranges), &table.codes);
    if let Origin::Builtin(name) = report.source.origin {
        table.builtins.push(name);
    }
    Some(table)
}

/// The table to build on, and, for a derived enum, the base's ranges it leaves out: a derived
/// table holds only the enum's own variants, but its codes take their flags from the base's
/// ranges that hold them, as in the base.
fn start(mode: Mode, base: Option<Table>, repr: Repr) -> (Table, LeftOut) {
    match base {
        Some(mut b) if mode == Mode::Derive => {
            let left_out = (std::mem::take(&mut b.ranges), std::mem::take(&mut b.codes));
            let table = Table {
                name: None,
                description: None,
                codes: Vec::new(),
                ..b
            };
            (table, left_out)
        }
        // An extension describes itself: the base's description is the base's.
        Some(b) => (
            Table {
                description: None,
                ..b
            },
            (Vec::new(), Vec::new()),
        ),
        None => {
            let table = Table {
                name: None,
                repr,
                description: None,
                non_exhaustive: true,
                codes: Vec::new(),
                ranges: Vec::new(),
                total: false,
                builtins: Vec::new(),
                flags: Vec::new(),
                properties: Vec::new(),
                base_files: Vec::new(),
                retired: Vec::new(),
                policies: Vec::new(),
                locations: crate::TableLocations::default(),
            };
            (table, (Vec::new(), Vec::new()))
        }
    }
}

/// The base's ranges and named codes a derived table leaves out.
type LeftOut = (Vec<CodeRange>, Vec<NamedCode>);

/// Ranges looked up by number for the flags and properties a code or range inside them inherits:
/// the base's ranges (a carve-out's), or those a derived table leaves out.
struct Inherited {
    ranges: Vec<CodeRange>,
    /// The named codes a derived table leaves out (none otherwise).
    codes: Vec<NamedCode>,
    index: IntervalIndex,
}

impl Inherited {
    /// `ranges`, with the values of the flags and properties `table` adds to them (their defaults).
    fn new(mut ranges: Vec<CodeRange>, mut codes: Vec<NamedCode>, table: &Table) -> Self {
        let (flags, properties) = defaults(table);
        for range in &mut ranges {
            extend_range(range, &flags, &properties);
        }
        for code in &mut codes {
            extend_values(
                &mut code.flags,
                &mut code.properties,
                &mut code.own,
                &flags,
                &properties,
            );
        }
        let index = IntervalIndex::new(&ranges);
        Inherited {
            ranges,
            codes,
            index,
        }
    }

    /// The values of the range holding `value` there, if one does.
    fn at(&self, value: i128) -> Option<Values<'_>> {
        let run = self.ranges.get(self.index.find(value)?)?.values_at(value)?;
        Some((&run.flags, &run.properties))
    }

    /// The runs of values of these ranges that share a number with `interval`, ordered by
    /// number, each with the range that holds it.
    fn runs(&self, interval: Interval) -> Vec<(&RangeValues, &CodeRange)> {
        let mut runs: Vec<(&RangeValues, &CodeRange)> = self
            .ranges
            .iter()
            .flat_map(|r| r.values.iter().map(move |run| (run, r)))
            .filter(|(run, _)| {
                run.interval.start <= interval.end && interval.start <= run.interval.end
            })
            .collect();
        runs.sort_by_key(|(run, _)| run.interval);
        runs
    }
}

/// An entry's flags and properties, in the table's order.
type Values<'a> = (&'a [bool], &'a [PropertyValue]);

/// The defaults of the table's flags and properties: what an entry inherits where nothing holds it.
fn defaults(table: &Table) -> (Vec<bool>, Vec<PropertyValue>) {
    (
        table.flags.iter().map(|f| f.default).collect(),
        table.properties.iter().map(|p| p.default).collect(),
    )
}

/// Gives an entry the values of the flags and properties declared after it (their defaults, not
/// its own).
fn extend_values(
    flags: &mut Vec<bool>,
    properties: &mut Vec<PropertyValue>,
    own: &mut Own,
    flag_defaults: &[bool],
    property_defaults: &[PropertyValue],
) {
    flags.extend(flag_defaults.get(flags.len()..).unwrap_or_default());
    properties.extend(
        property_defaults
            .get(properties.len()..)
            .unwrap_or_default(),
    );
    own.flags.resize(flags.len(), false);
    own.properties.resize(properties.len(), false);
}

/// Gives a range's runs the values of the flags and properties declared after it (their
/// defaults).
fn extend_range(
    range: &mut CodeRange,
    flag_defaults: &[bool],
    property_defaults: &[PropertyValue],
) {
    for run in &mut range.values {
        let mut own = Own::default();
        extend_values(
            &mut run.flags,
            &mut run.properties,
            &mut own,
            flag_defaults,
            property_defaults,
        );
    }
    range.own.flags.resize(flag_defaults.len(), false);
    range.own.properties.resize(property_defaults.len(), false);
}

/// The values of an entry that lists `listed` (`flags = [...]`: set true) and `set`, inheriting
/// every flag and property it does not set from `inherited`.
fn decide(
    table: &Table,
    listed: Option<&[Spanned<String>]>,
    set: &[Setting],
    (flags, properties): Values<'_>,
) -> (Vec<bool>, Vec<PropertyValue>, Own) {
    let mut own = Own {
        flags: vec![false; table.flags.len()],
        properties: vec![false; table.properties.len()],
    };
    let mut flag_values = flags.to_vec();
    let mut property_values = properties.to_vec();
    for (i, flag) in table.flags.iter().enumerate() {
        if listed.is_some_and(|l| l.iter().any(|n| n.value == flag.name)) {
            flag_values[i] = true;
            own.flags[i] = true;
        }
        if let Some(SetValue::Boolean(value)) = setting(set, &flag.name) {
            flag_values[i] = *value;
            own.flags[i] = true;
        }
    }
    for (i, property) in table.properties.iter().enumerate() {
        if let Some(value) = setting(set, &property.name).and_then(|v| value_of(property, v)) {
            property_values[i] = value;
            own.properties[i] = true;
        }
    }
    (flag_values, property_values, own)
}

/// The value `set` gives `name`, if it gives one.
fn setting<'s>(set: &'s [Setting], name: &str) -> Option<&'s SetValue> {
    set.iter()
        .find(|s| s.key.value == name)
        .map(|s| &s.value.value)
}

/// `value` as a value of `property`: one of its words, or an integer of its type.
pub(crate) fn value_of(property: &Property, value: &SetValue) -> Option<PropertyValue> {
    match (&property.kind, value) {
        (PropertyKind::Words(words), SetValue::Word(word)) => words
            .iter()
            .position(|w| w == word)
            .map(PropertyValue::Word),
        (PropertyKind::Integer(repr), SetValue::Integer(n)) if repr.contains(*n) => {
            i64::try_from(*n).ok().map(PropertyValue::Integer)
        }
        _ => None,
    }
}

/// A derived enum's range variant holds numbers to which the base gives one value of every flag
/// and property the variant does not set itself: numbers of two base ranges that differ, or of
/// one base range whose values a `[[policy]]` of the base sets at some of its numbers, need a
/// variant each.
fn check_derived_ranges(report: &mut Report<'_>, table: &Table, spec: &Spec, base: &Inherited) {
    for (written, range) in spec.ranges.iter().zip(&table.ranges) {
        let runs: Vec<(&RangeValues, &CodeRange)> = range
            .intervals
            .iter()
            .flat_map(|iv| base.runs(*iv))
            .collect();
        let Some(&(first, first_range)) = runs.first() else {
            continue;
        };
        let differs = |run: &RangeValues| -> Vec<String> {
            let flag_names = table.flags.iter().enumerate().filter(|(i, _)| {
                !range.own.flags.get(*i).copied().unwrap_or(false)
                    && run.flags.get(*i) != first.flags.get(*i)
            });
            let property_names = table.properties.iter().enumerate().filter(|(i, _)| {
                !range.own.properties.get(*i).copied().unwrap_or(false)
                    && run.properties.get(*i) != first.properties.get(*i)
            });
            flag_names
                .map(|(_, f)| format!("`{}`", f.name))
                .chain(property_names.map(|(_, p)| format!("`{}`", p.name)))
                .collect()
        };
        let other = runs.iter().find_map(|(run, b)| {
            let names = differs(run);
            (!names.is_empty()).then_some((*run, *b, names))
        });
        let Some((run, other, names)) = other else {
            continue;
        };
        let message = if other.name == first_range.name {
            format!(
                "range variant `{}` holds codes to which the base's range `{}` gives different values of {} ({} and {}: a `[[policy]]` of the base sets them); expected a variant for each, or the values set on the variant",
                range.name,
                other.name,
                names.join(", "),
                first.interval,
                run.interval
            )
        } else {
            format!(
                "range variant `{}` holds codes of the base's ranges `{}` and `{}`, which differ in {}; expected a variant for each, or the values set on the variant",
                range.name,
                first_range.name,
                other.name,
                names.join(", ")
            )
        };
        report.error(
            CheckRule::DerivedRangeMixesValues,
            written.name.span.clone(),
            message,
        );
    }
}

/// A derived enum's range variants document the base's named and documented codes they hold
/// (those the enum does not name), so that every number reads as in the base: its reason,
/// description, sendability, flags and properties, but for what the variant sets itself.
fn adopt_documented(table: &mut Table, base: &Inherited) {
    let named: Vec<i128> = table.codes.iter().map(|c| c.value).collect();
    let index = IntervalIndex::new(&table.ranges);
    let base_named = base.codes.iter().map(|c| DocumentedCode {
        value: c.value,
        reason: c.reason.clone(),
        description: c.description.clone(),
        sendable: c.sendable,
        flags: c.flags.clone(),
        properties: c.properties.clone(),
        own: c.own.clone(),
        location: c.location.clone(),
    });
    let base_documented = base
        .ranges
        .iter()
        .flat_map(|r| r.documented.iter().cloned());
    for documented in base_named.chain(base_documented) {
        if named.contains(&documented.value) {
            continue;
        }
        let Some(range) = index
            .find(documented.value)
            .and_then(|at| table.ranges.get_mut(at))
        else {
            continue;
        };
        let mut adopted = documented;
        let own = adopted.own.clone();
        let Some(at) = range.values_at(adopted.value).cloned() else {
            continue;
        };
        // What the code sets itself stays; what it inherits, the variant may set.
        for (i, value) in adopted.flags.iter_mut().enumerate() {
            let set_by_range = range.own.flags.get(i).copied().unwrap_or(false);
            let set_by_code = own.flags.get(i).copied().unwrap_or(false);
            if let (true, false, Some(now)) = (set_by_range, set_by_code, at.flags.get(i)) {
                *value = *now;
            }
        }
        for (i, value) in adopted.properties.iter_mut().enumerate() {
            let set_by_range = range.own.properties.get(i).copied().unwrap_or(false);
            let set_by_code = own.properties.get(i).copied().unwrap_or(false);
            if let (true, false, Some(now)) = (set_by_range, set_by_code, at.properties.get(i)) {
                *value = *now;
            }
        }
        range.documented.push(adopted);
    }
}

/// This spec's ranges, after the base's; a carve-out takes its codes from the base range it is
/// cut from, and every flag and property it does not set from that range.
fn add_ranges(table: &mut Table, spec: &Spec, left_out: &Inherited, source: &crate::Source) {
    let base_ranges = table.ranges.len();
    let base = Inherited::new(table.ranges.clone(), Vec::new(), table);
    let (flag_defaults, property_defaults) = defaults(table);
    for r in &spec.ranges {
        let mut intervals: Vec<Interval> = r.intervals.iter().map(|i| i.value).collect();
        intervals.sort();
        // Every run of the base's values the range lies on (a carve-out's, or those of the ranges
        // a derived table leaves out), with what the range sets itself.
        let mut own = Own::default();
        let mut values = Vec::new();
        for iv in &intervals {
            let mut outer = base.runs(*iv);
            if outer.is_empty() {
                outer = left_out.runs(*iv);
            }
            let under = cover(*iv, &outer, (&flag_defaults, &property_defaults));
            for (interval, inherited) in under {
                let (flags, properties, set) = decide(table, r.flags.as_deref(), &r.set, inherited);
                own = set;
                values.push(RangeValues {
                    interval,
                    flags,
                    properties,
                });
            }
        }
        if intervals.is_empty() {
            own = decide(
                table,
                r.flags.as_deref(),
                &r.set,
                (&flag_defaults, &property_defaults),
            )
            .2;
        }
        table.ranges.push(CodeRange {
            name: r.name.value.clone(),
            intervals,
            reason: trimmed(r.reason.as_ref()),
            description: r.description.value.trim().to_owned(),
            sendable: r.sendable.as_ref().is_none_or(|s| s.value),
            assignable: r.assignable.as_ref().is_some_and(|s| s.value),
            documented: Vec::new(),
            values: merged(values),
            own,
            location: source.location(&r.name.span),
        });
    }
    carve_out(table, base_ranges);
}

/// This spec's codes: named ones as variants, unnamed ones documented in the range that holds
/// them (a code without `reason`, `sendable`, a flag or a property takes its range's). False if
/// an unnamed code lies in no range (reported).
fn place_codes(
    report: &mut Report<'_>,
    table: &mut Table,
    codes: Vec<&CodeSpec>,
    left_out: &Inherited,
) -> bool {
    let index = IntervalIndex::new(&table.ranges);
    let source = report.source;
    let mut placed = true;
    let (flag_defaults, property_defaults) = defaults(table);
    for k in codes {
        let location = source.location(&k.code.span);
        let description = k.description.value.trim().to_owned();
        let reason = trimmed(k.reason.as_ref());
        let inherited = index
            .find(k.code.value)
            .and_then(|r| table.ranges.get(r))
            .and_then(|r| r.values_at(k.code.value))
            .map(|run| (run.flags.as_slice(), run.properties.as_slice()))
            .or_else(|| left_out.at(k.code.value))
            .unwrap_or((&flag_defaults, &property_defaults));
        let (flags, properties, own) = decide(table, k.flags.as_deref(), &k.set, inherited);
        if let Some(name) = &k.name {
            table.codes.push(NamedCode {
                name: name.value.clone(),
                value: k.code.value,
                reason,
                description,
                sendable: k.sendable.as_ref().is_none_or(|s| s.value),
                flags,
                properties,
                own,
                aliases: k.aliases.iter().map(|a| a.value.clone()).collect(),
                deprecated: k.deprecated.as_ref().map(|d| d.value.trim().to_owned()),
                location,
            });
        } else if let Some(range) = index
            .find(k.code.value)
            .and_then(|r| table.ranges.get_mut(r))
        {
            range.documented.push(DocumentedCode {
                value: k.code.value,
                reason: reason.or_else(|| range.reason.clone()),
                description,
                sendable: k.sendable.as_ref().map_or(range.sendable, |s| s.value),
                flags,
                properties,
                own,
                location,
            });
        } else {
            placed = false;
            report.error(
                CheckRule::UnnamedCodeOutsideRange,
                k.code.span.clone(),
                format!(
                    "code {} has no `name` and lies in no range; expected a `name` for its own variant, or a `[[range]]` that holds it",
                    k.code.value
                ),
            );
        }
    }
    placed
}

/// The table's flags: the base's, then this spec's; entries of the base take the new flags'
/// defaults.
fn add_flags(table: &mut Table, spec: &Spec, source: &crate::Source) {
    table.flags.extend(spec.flags.iter().map(|f| Flag {
        name: f.name.value.clone(),
        description: f.description.value.trim().to_owned(),
        default: f.default.as_ref().is_some_and(|d| d.value),
        location: source.location(&f.name.span),
    }));
    extend_entries(table);
}

/// The table's properties: the base's, then this spec's; entries of the base take the new
/// properties' defaults.
fn add_properties(table: &mut Table, spec: &Spec, source: &crate::Source) {
    table
        .properties
        .extend(spec.properties.iter().filter_map(|p| property(p, source)));
    extend_entries(table);
}

/// A checked `[[property]]`: its kind, and its default (the first word, or 0, when not written).
fn property(spec: &PropertySpec, source: &crate::Source) -> Option<Property> {
    let kind = match (&spec.values, &spec.integer) {
        (Some(values), None) => {
            PropertyKind::Words(values.value.iter().map(|w| w.value.clone()).collect())
        }
        (None, Some(integer)) => PropertyKind::Integer(Repr::from_name(&integer.value)?),
        _ => return None,
    };
    let mut property = Property {
        name: spec.name.value.clone(),
        description: spec.description.value.trim().to_owned(),
        default: match kind {
            PropertyKind::Words(_) => PropertyValue::Word(0),
            PropertyKind::Integer(_) => PropertyValue::Integer(0),
        },
        kind,
        location: source.location(&spec.name.span),
    };
    if let Some(default) = spec
        .default
        .as_ref()
        .and_then(|d| value_of(&property, &d.value))
    {
        property.default = default;
    }
    Some(property)
}

/// Every entry of the table gets the defaults of the flags and properties it has no value for.
fn extend_entries(table: &mut Table) {
    let (flags, properties) = defaults(table);
    for code in &mut table.codes {
        extend_values(
            &mut code.flags,
            &mut code.properties,
            &mut code.own,
            &flags,
            &properties,
        );
    }
    for range in &mut table.ranges {
        extend_range(range, &flags, &properties);
        for d in &mut range.documented {
            extend_values(
                &mut d.flags,
                &mut d.properties,
                &mut d.own,
                &flags,
                &properties,
            );
        }
    }
}

/// An extension's ranges that lie inside a base range (checked: an assignable one) take their
/// codes from it: the base range keeps the rest, and its documented codes there move to the new
/// range. `table.ranges[..base]` are the base's. The base's codes inside a new range (documented
/// or named) take the new range's value of every flag and property they do not set themselves:
/// it is now the innermost range that holds them.
fn carve_out(table: &mut Table, base: usize) {
    let (bases, locals) = table.ranges.split_at_mut(base);
    for local in locals.iter_mut() {
        for carved in local.intervals.clone() {
            for outer in bases.iter_mut() {
                if !outer
                    .intervals
                    .iter()
                    .any(|iv| iv.start <= carved.start && carved.end <= iv.end)
                {
                    continue;
                }
                outer.intervals = outer
                    .intervals
                    .iter()
                    .flat_map(|iv| subtract(*iv, carved))
                    .collect();
                outer.values = outer
                    .values
                    .iter()
                    .flat_map(|run| {
                        subtract(run.interval, carved)
                            .into_iter()
                            .map(|interval| RangeValues {
                                interval,
                                ..run.clone()
                            })
                    })
                    .collect();
                let (moved, kept) = std::mem::take(&mut outer.documented)
                    .into_iter()
                    .partition(|d| carved.contains(d.value));
                outer.documented = kept;
                local.documented.extend::<Vec<DocumentedCode>>(moved);
            }
        }
        for d in &mut local.documented {
            if let Some(run) = local
                .values
                .iter()
                .find(|run| run.interval.contains(d.value))
            {
                inherit(&mut d.flags, &mut d.properties, &d.own, run);
            }
        }
        for code in &mut table.codes {
            if let Some(run) = local.values_at(code.value) {
                inherit(&mut code.flags, &mut code.properties, &code.own, run);
            }
        }
    }
}

/// An entry's values of the flags and properties it does not set itself, from `values`.
fn inherit(flags: &mut [bool], properties: &mut [PropertyValue], own: &Own, from: &RangeValues) {
    let (from_flags, from_properties) = (&from.flags, &from.properties);
    for ((value, own), from) in flags.iter_mut().zip(&own.flags).zip(from_flags) {
        if !own {
            *value = *from;
        }
    }
    for ((value, own), from) in properties
        .iter_mut()
        .zip(&own.properties)
        .zip(from_properties)
    {
        if !own {
            *value = *from;
        }
    }
}

/// `interval` cut by the runs `under` (ordered by number, each sharing a number with it): each
/// piece with the values of the run it lies on, or `fill` where none does.
fn cover<'a>(
    interval: Interval,
    under: &[(&'a RangeValues, &CodeRange)],
    fill: Values<'a>,
) -> Vec<(Interval, Values<'a>)> {
    let mut out = Vec::new();
    let mut at = interval.start;
    for (run, _) in under {
        let start = run.interval.start.max(at);
        let end = run.interval.end.min(interval.end);
        if start > end {
            continue;
        }
        if start > at {
            out.push((
                Interval {
                    start: at,
                    end: start - 1,
                },
                fill,
            ));
        }
        out.push((
            Interval { start, end },
            (run.flags.as_slice(), run.properties.as_slice()),
        ));
        at = end.saturating_add(1);
        if end >= interval.end {
            return out;
        }
    }
    if at <= interval.end {
        out.push((
            Interval {
                start: at,
                end: interval.end,
            },
            fill,
        ));
    }
    out
}

/// Runs ordered by number, with adjacent runs of equal values joined: one run per interval
/// where nothing sets other values at some of its numbers.
fn merged(runs: Vec<RangeValues>) -> Vec<RangeValues> {
    let mut out: Vec<RangeValues> = Vec::with_capacity(runs.len());
    for run in runs {
        if let Some(last) = out.last_mut()
            && last.interval.end.checked_add(1) == Some(run.interval.start)
            && last.flags == run.flags
            && last.properties == run.properties
        {
            last.interval.end = run.interval.end;
            continue;
        }
        out.push(run);
    }
    out
}

/// This spec's `[[policy]]` entries (checked: at numbers the base holds, outside this spec's own
/// codes and ranges, setting only this table's own flags and properties) give their values to the
/// base's entries at their numbers: named codes, documented codes, and the runs of the base's
/// ranges, which are cut where a policy covers part of one.
fn add_policies(table: &mut Table, spec: &Spec, source: &crate::Source) {
    let mut policies = Vec::new();
    for written in &spec.policies {
        let mut intervals: Vec<Interval> = written.intervals.iter().map(|i| i.value).collect();
        intervals.sort();
        let flags = table
            .flags
            .iter()
            .enumerate()
            .filter_map(|(at, flag)| match setting(&written.set, &flag.name) {
                Some(SetValue::Boolean(value)) => Some((at, *value)),
                _ => None,
            })
            .collect();
        let properties = table
            .properties
            .iter()
            .enumerate()
            .filter_map(|(at, property)| {
                setting(&written.set, &property.name)
                    .and_then(|v| value_of(property, v))
                    .map(|value| (at, value))
            })
            .collect();
        policies.push(crate::PolicyPlace {
            intervals,
            flags,
            properties,
            location: source.location(&written.span),
        });
    }
    if policies.is_empty() {
        return;
    }
    let covering = |value: i128| policies.iter().find(|p| p.covers(value));
    for code in &mut table.codes {
        if let Some(policy) = covering(code.value) {
            policy.apply(&mut code.flags, &mut code.properties);
        }
    }
    let mut cuts: Vec<(Interval, usize)> = policies
        .iter()
        .enumerate()
        .flat_map(|(at, p)| p.intervals.iter().map(move |iv| (*iv, at)))
        .collect();
    cuts.sort();
    for range in &mut table.ranges {
        for d in &mut range.documented {
            if let Some(policy) = covering(d.value) {
                policy.apply(&mut d.flags, &mut d.properties);
            }
        }
        let mut runs = Vec::with_capacity(range.values.len());
        for run in &range.values {
            let mut at = run.interval.start;
            let first = cuts.partition_point(|(iv, _)| iv.end < run.interval.start);
            for (cut, policy) in cuts[first..]
                .iter()
                .take_while(|(iv, _)| iv.start <= run.interval.end)
            {
                let start = cut.start.max(at);
                let end = cut.end.min(run.interval.end);
                if start > at {
                    runs.push(RangeValues {
                        interval: Interval {
                            start: at,
                            end: start - 1,
                        },
                        ..run.clone()
                    });
                }
                let mut piece = RangeValues {
                    interval: Interval { start, end },
                    ..run.clone()
                };
                policies[*policy].apply(&mut piece.flags, &mut piece.properties);
                runs.push(piece);
                at = end.saturating_add(1);
            }
            if at <= run.interval.end {
                runs.push(RangeValues {
                    interval: Interval {
                        start: at,
                        end: run.interval.end,
                    },
                    ..run.clone()
                });
            }
        }
        range.values = merged(runs);
    }
    table.policies.extend(policies);
}

/// `outer` without the codes of `hole`: none, one or two intervals.
fn subtract(outer: Interval, hole: Interval) -> Vec<Interval> {
    if hole.end < outer.start || outer.end < hole.start {
        return vec![outer];
    }
    let mut out = Vec::new();
    if outer.start < hole.start {
        out.push(Interval {
            start: outer.start,
            end: hole.start - 1,
        });
    }
    if hole.end < outer.end {
        out.push(Interval {
            start: hole.end + 1,
            end: outer.end,
        });
    }
    out
}

/// A string value as the table holds it: trimmed.
fn trimmed(s: Option<&Spanned<String>>) -> Option<String> {
    s.map(|s| s.value.trim().to_owned())
}

/// Whether the ranges (sorted in `index`) and named codes cover every value of `repr`.
fn covers(repr: Repr, index: &IntervalIndex, codes: &[NamedCode]) -> bool {
    let mut all: Vec<Interval> = index.0.iter().map(|(iv, _)| *iv).collect();
    all.extend(codes.iter().map(|k| Interval {
        start: k.value,
        end: k.value,
    }));
    all.sort();
    let mut next = repr.min(); // first value not yet covered
    for iv in all {
        if iv.start > next {
            return false;
        }
        if iv.end >= next {
            if iv.end >= repr.max() {
                return true;
            }
            next = iv.end + 1;
        }
    }
    false
}
