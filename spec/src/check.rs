//! `Spec` to `Table`: every rule of the spec format, every error collected with its place.

use std::collections::HashMap;
use std::ops::Range;

use crate::model::{
    CodeRange, CodeSpec, DocumentedCode, Interval, NamedCode, Repr, Spanned, Spec, Table,
};
use crate::{Error, Errors, Origin, Source, parse};

/// Deepest `extends` chain followed before giving up (a cycle is reported before this).
const MAX_DEPTH: usize = 16;

/// Reads the specs that an `extends = "path.toml"` names.
pub trait Loader {
    /// Reads the spec at `path`, as written in the spec `from`.
    ///
    /// # Errors
    ///
    /// A message saying why the file cannot be read, lowercase, with the path it tried.
    fn load(&mut self, path: &str, from: &Source) -> Result<Source, String>;
}

/// A loader for contexts without files: only built-in tables can be extended.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoFiles;

impl Loader for NoFiles {
    fn load(&mut self, path: &str, _from: &Source) -> Result<Source, String> {
        Err(format!(
            "cannot read `{path}`: only built-in tables can be extended here"
        ))
    }
}

/// Parses and checks a spec, following its `extends` chain, reporting every error at once.
///
/// # Errors
///
/// Every problem of the spec and of the specs it extends.
pub fn load(source: &Source, loader: &mut dyn Loader) -> Result<Table, Errors> {
    let mut errors = Vec::new();
    let table = load_inner(
        source,
        loader,
        &mut vec![(source.key.clone(), source.origin.to_string())],
        &mut errors,
    );
    match (Errors::from_vec(errors), table) {
        (None, Some(table)) => Ok(table),
        (Some(errors), _) => Err(errors),
        (None, None) => Err(Errors::one(
            source.error(0..0, "the spec could not be checked".to_owned()),
        )),
    }
}

/// Checks a parsed spec, following its `extends` chain.
///
/// # Errors
///
/// Every rule the spec breaks, and every problem of the specs it extends.
pub fn check(spec: &Spec, source: &Source, loader: &mut dyn Loader) -> Result<Table, Errors> {
    check_mode(spec, source, loader, false)
}

/// Checks the table written as a hand-written enum (`#[derive(CloseCodes)]`).
///
/// The enum is a *view* of its base: its codes obey every rule of an extending spec, but its
/// ranges may re-declare parts of the base's ranges (`#[codes("4000..=4999")] Other(u16)`), and the
/// returned table holds only the enum's own variants, so it is total only if they cover every value.
///
/// # Errors
///
/// Every rule the enum breaks, and every problem of the specs it extends.
pub fn check_derive(
    spec: &Spec,
    source: &Source,
    loader: &mut dyn Loader,
) -> Result<Table, Errors> {
    check_mode(spec, source, loader, true)
}

fn check_mode(
    spec: &Spec,
    source: &Source,
    loader: &mut dyn Loader,
    view: bool,
) -> Result<Table, Errors> {
    let mut errors = Vec::new();
    let table = check_inner(
        spec,
        source,
        loader,
        &mut vec![(source.key.clone(), source.origin.to_string())],
        &mut errors,
        view,
    );
    match (Errors::from_vec(errors), table) {
        (None, Some(table)) => Ok(table),
        (Some(errors), _) => Err(errors),
        (None, None) => Err(Errors::one(
            source.error(0..0, "the spec could not be checked".to_owned()),
        )),
    }
}

fn load_inner(
    source: &Source,
    loader: &mut dyn Loader,
    stack: &mut Vec<(String, String)>,
    errors: &mut Vec<Error>,
) -> Option<Table> {
    let (spec, parse_errors) = parse::parse_recoverable(source);
    let had_errors = !parse_errors.is_empty();
    errors.extend(parse_errors);
    let table = check_inner(&spec, source, loader, stack, errors, false);
    if had_errors { None } else { table }
}

struct Checker<'s> {
    source: &'s Source,
    errors: &'s mut Vec<Error>,
    /// "`websocket`", as the spec names its base, for messages.
    base_name: String,
    /// Checking a derived enum: a view of its base, not an extension (see [`check_derive`]).
    view: bool,
}

impl Checker<'_> {
    fn error(&mut self, span: Range<usize>, message: String) -> &mut Error {
        self.errors.push(self.source.error(span, message));
        let last = self.errors.len() - 1;
        &mut self.errors[last]
    }

    fn place(&self, span: &Range<usize>) -> String {
        self.source.place(span)
    }
}

/// What a name or code in the table is, for "already used by" messages.
#[derive(Clone)]
enum Owner {
    Local(Range<usize>),
    Base(String),
}

/// The intervals of a table's ranges, sorted, to find the range holding a code in O(log n).
struct IntervalIndex(Vec<(Interval, usize)>);

impl IntervalIndex {
    fn new(ranges: &[CodeRange]) -> Self {
        let mut index: Vec<(Interval, usize)> = ranges
            .iter()
            .enumerate()
            .flat_map(|(i, r)| r.intervals.iter().map(move |iv| (*iv, i)))
            .collect();
        index.sort();
        IntervalIndex(index)
    }

    /// The index of the range holding `value`, if any.
    fn find(&self, value: i128) -> Option<usize> {
        let at = self.0.partition_point(|(iv, _)| iv.start <= value);
        at.checked_sub(1)
            .and_then(|p| self.0.get(p))
            .filter(|(iv, _)| iv.contains(value))
            .map(|(_, i)| *i)
    }
}

/// Every rule, phase by phase; the table only if no phase found an error.
fn check_inner(
    spec: &Spec,
    source: &Source,
    loader: &mut dyn Loader,
    stack: &mut Vec<(String, String)>,
    errors: &mut Vec<Error>,
    view: bool,
) -> Option<Table> {
    let start_len = errors.len();
    let (base, base_failed) = match &spec.extends {
        Some(extends) => resolve_base(extends, source, loader, stack, errors),
        None => (None, false),
    };
    let mut chk = Checker {
        source,
        errors,
        base_name: spec
            .extends
            .as_ref()
            .map_or_else(String::new, |e| format!("`{}`", e.value)),
        view,
    };
    let repr = check_repr(&mut chk, spec, base.as_ref());
    if let Some(name) = &spec.table.name {
        check_ident(&mut chk, name, "table name");
    }
    check_names(&mut chk, spec, base.as_ref());
    if chk.errors.len() == start_len {
        let base_ranges = base.as_ref().filter(|_| !view);
        check_constructors(&mut chk, repr, &spec.ranges, base_ranges);
    }
    check_overlaps(&mut chk, repr, spec, base.as_ref());
    let codes = check_codes(&mut chk, repr, spec, base.as_ref(), base_failed);
    if chk.errors.len() > start_len || base_failed {
        return None;
    }
    let table = assemble(&mut chk, spec, repr, base, codes);
    if chk.errors.len() > start_len {
        return None;
    }
    table
}

/// The table's repr: as written, or the base's; an extension may not change it.
fn check_repr(chk: &mut Checker<'_>, spec: &Spec, base: Option<&Table>) -> Repr {
    match (&spec.table.repr, base) {
        (Some(r), Some(b)) if r.value != b.repr => {
            let base_name = chk.base_name.clone();
            chk.error(
                r.span.clone(),
                format!(
                    "`repr` is {} but the base table {base_name} uses {}; an extending table keeps its base's repr",
                    r.value, b.repr
                ),
            );
            b.repr
        }
        (Some(r), _) => r.value,
        (None, Some(b)) => b.repr,
        (None, None) => Repr::U16,
    }
}

/// Names are identifiers, unique across codes and ranges, and new to the base.
fn check_names(chk: &mut Checker<'_>, spec: &Spec, base: Option<&Table>) {
    let mut names: HashMap<&str, Owner> = HashMap::new();
    if let Some(b) = base {
        for code in &b.codes {
            names.insert(
                &code.name,
                Owner::Base(format!("code {} `{}`", code.value, code.name)),
            );
        }
        // A derived enum may re-declare a base range under the same name.
        for range in b.ranges.iter().filter(|_| !chk.view) {
            names.insert(&range.name, Owner::Base(format!("range `{}`", range.name)));
        }
    }
    let mut local_names: Vec<(&Spanned<String>, &str)> = spec
        .ranges
        .iter()
        .map(|r| (&r.name, "range"))
        .chain(
            spec.codes
                .iter()
                .filter_map(|k| k.name.as_ref().map(|n| (n, "code"))),
        )
        .collect();
    local_names.sort_by_key(|(n, _)| n.span.start);
    for (name, kind) in local_names {
        if !check_ident(chk, name, kind) {
            continue;
        }
        match names.get(name.value.as_str()).cloned() {
            Some(Owner::Local(first)) => {
                let place = chk.place(&first);
                chk.error(
                    name.span.clone(),
                    format!("duplicate name `{}`", name.value),
                )
                .notes
                .push(format!("first defined at {place}"));
            }
            Some(Owner::Base(what)) => {
                let base_name = chk.base_name.clone();
                chk.error(
                    name.span.clone(),
                    format!(
                        "name `{}` is already used by {what} of the base table {base_name}; expected a new name",
                        name.value
                    ),
                );
            }
            None => {
                names.insert(&name.value, Owner::Local(name.span.clone()));
            }
        }
    }
}

/// Intervals fit the repr, and no two ranges share a code: one sweep over the intervals sorted
/// by start, each compared with the one reaching furthest so far (O(n log n)). A derived enum's
/// ranges may re-declare its base's, so only an extension is checked against the base.
fn check_overlaps(chk: &mut Checker<'_>, repr: Repr, spec: &Spec, base: Option<&Table>) {
    // (interval, owning range, span of a local interval)
    let mut spans: Vec<(Interval, usize, Option<Range<usize>>)> = Vec::new();
    let base_ranges = base.map_or(0, |b| b.ranges.len());
    if let Some(b) = base.filter(|_| !chk.view) {
        for (i, r) in b.ranges.iter().enumerate() {
            spans.extend(r.intervals.iter().map(|iv| (*iv, i, None)));
        }
    }
    for (i, r) in spec.ranges.iter().enumerate() {
        for iv in &r.intervals {
            if fits(chk, repr, iv.value.start, &iv.span) && fits(chk, repr, iv.value.end, &iv.span)
            {
                spans.push((iv.value, base_ranges + i, Some(iv.span.clone())));
            }
        }
    }
    spans.sort_by_key(|(iv, _, span)| (iv.start, span.as_ref().map_or(0, |s| s.start)));
    let range_name = |i: usize| -> String {
        match i.checked_sub(base_ranges) {
            Some(local) => spec.ranges.get(local).map(|r| r.name.value.clone()),
            None => base.and_then(|b| b.ranges.get(i)).map(|r| r.name.clone()),
        }
        .unwrap_or_default()
    };
    let mut widest: Option<usize> = None;
    for k in 0..spans.len() {
        let Some(w) = widest else {
            widest = Some(k);
            continue;
        };
        let (a, b) = (spans[w].clone(), spans[k].clone());
        if b.0.start <= a.0.end {
            // Reported on the entry written later; base entries are always written earlier.
            let a_is_later = match (&a.2, &b.2) {
                (None, None) => None,
                (Some(sa), Some(sb)) => Some(sa.start > sb.start),
                (local_a, _) => Some(local_a.is_some()),
            };
            let ordered = a_is_later.map(|later| {
                if later {
                    (a.clone(), b.clone())
                } else {
                    (b.clone(), a.clone())
                }
            });
            if let Some((
                (later_iv, later_owner, Some(later_span)),
                (earlier_iv, earlier_owner, earlier_span),
            )) = ordered
            {
                let shared = Interval {
                    start: b.0.start,
                    end: b.0.end.min(a.0.end),
                };
                let (later_name, earlier_name) =
                    (range_name(later_owner), range_name(earlier_owner));
                if later_owner == earlier_owner {
                    chk.error(
                        later_span,
                        format!("range `{later_name}` lists {later_iv} and {earlier_iv}, which overlap at {shared}; expected disjoint intervals"),
                    );
                } else {
                    let where_first = match &earlier_span {
                        Some(s) => format!("defined at {}", chk.place(s)),
                        None => format!("defined by the base table {}", chk.base_name),
                    };
                    chk.error(
                        later_span,
                        format!("range `{later_name}` ({later_iv}) overlaps range `{earlier_name}` ({earlier_iv}) at {shared}; expected ranges that share no code"),
                    )
                    .notes
                    .push(format!("`{earlier_name}` is {where_first}"));
                }
            }
        }
        if b.0.end > a.0.end {
            widest = Some(k);
        }
    }
}

/// Codes fit the repr, are unique, and in an extension lie in an assignable base range.
/// Returns the codes that passed, in document order.
fn check_codes<'a>(
    chk: &mut Checker<'_>,
    repr: Repr,
    spec: &'a Spec,
    base: Option<&Table>,
    base_failed: bool,
) -> Vec<&'a CodeSpec> {
    let mut codes: HashMap<i128, Owner> = HashMap::new();
    if let Some(b) = base {
        for code in &b.codes {
            codes.insert(code.value, Owner::Base(format!("`{}`", code.name)));
        }
        for range in &b.ranges {
            for doc in &range.documented {
                codes.insert(
                    doc.value,
                    Owner::Base(format!("a documented code of `{}`", range.name)),
                );
            }
        }
    }
    let assignable: Vec<String> = base
        .iter()
        .flat_map(|b| b.ranges.iter().filter(|r| r.assignable))
        .map(|r| format!("`{}` ({})", r.name, r.intervals_text()))
        .collect();
    let allowed = if assignable.is_empty() {
        "the base table has no assignable range".to_owned()
    } else {
        format!("new codes must lie in {}", assignable.join(" or "))
    };
    let base_index = base.map(|b| IntervalIndex::new(&b.ranges));
    let base_name = chk.base_name.clone();
    let mut local_codes: Vec<&CodeSpec> = spec.codes.iter().collect();
    local_codes.sort_by_key(|k| k.code.span.start);
    let mut valid = Vec::new();
    for k in local_codes {
        let (value, span) = (k.code.value, &k.code.span);
        if !fits(chk, repr, value, span) {
            continue;
        }
        match codes.get(&value).cloned() {
            Some(Owner::Local(first)) => {
                let place = chk.place(&first);
                chk.error(span.clone(), format!("duplicate code {value}"))
                    .notes
                    .push(format!("first defined at {place}"));
                continue;
            }
            Some(Owner::Base(what)) => {
                chk.error(
                    span.clone(),
                    format!("code {value} is already defined by the base table {base_name} as {what}; {allowed}"),
                );
                continue;
            }
            None => {
                codes.insert(value, Owner::Local(span.clone()));
            }
        }
        if let (Some(b), Some(index)) = (base, &base_index) {
            match index.find(value).and_then(|i| b.ranges.get(i)) {
                Some(r) if r.assignable => {}
                Some(r) => {
                    chk.error(
                        span.clone(),
                        format!(
                            "code {value} lies in range `{}` ({}) of the base table {base_name}, which does not accept new codes; {allowed}",
                            r.name,
                            r.intervals_text()
                        ),
                    );
                    continue;
                }
                None if !base_failed => {
                    chk.error(
                        span.clone(),
                        format!("code {value} lies outside every range of the base table {base_name}; {allowed}"),
                    );
                    continue;
                }
                None => {}
            }
        }
        valid.push(k);
    }
    valid
}

/// The checked table: the base's entries (none for a derived enum's view), then this spec's.
/// Reports the one rule that needs the assembled ranges: an unnamed code must lie in one.
fn assemble(
    chk: &mut Checker<'_>,
    spec: &Spec,
    repr: Repr,
    base: Option<Table>,
    codes: Vec<&CodeSpec>,
) -> Option<Table> {
    let mut table = match base {
        Some(b) if chk.view => Table {
            name: None,
            description: None,
            codes: Vec::new(),
            ranges: Vec::new(),
            ..b
        },
        Some(b) => b,
        None => Table {
            name: None,
            repr,
            description: None,
            non_exhaustive: true,
            codes: Vec::new(),
            ranges: Vec::new(),
            total: false,
            builtins: Vec::new(),
            files: Vec::new(),
        },
    };
    for code in &mut table.codes {
        code.inherited = true;
    }
    for range in &mut table.ranges {
        range.inherited = true;
    }
    if let Some(name) = &spec.table.name {
        table.name = Some(name.value.clone());
    }
    if let Some(d) = &spec.table.description {
        table.description = Some(d.value.trim().to_owned());
    }
    if let Some(n) = &spec.table.non_exhaustive {
        table.non_exhaustive = n.value;
    }
    for r in &spec.ranges {
        let mut intervals: Vec<Interval> = r.intervals.iter().map(|i| i.value).collect();
        intervals.sort();
        table.ranges.push(CodeRange {
            name: r.name.value.clone(),
            intervals,
            reason: text(r.reason.as_ref()),
            description: r.description.value.trim().to_owned(),
            sendable: r.sendable.as_ref().is_none_or(|s| s.value),
            assignable: r.assignable.as_ref().is_some_and(|s| s.value),
            documented: Vec::new(),
            inherited: false,
        });
    }
    let index = IntervalIndex::new(&table.ranges);
    let mut placed = true;
    for k in codes {
        let description = k.description.value.trim().to_owned();
        let reason = text(k.reason.as_ref());
        if let Some(name) = &k.name {
            table.codes.push(NamedCode {
                name: name.value.clone(),
                value: k.code.value,
                reason,
                description,
                sendable: k.sendable.as_ref().is_none_or(|s| s.value),
                inherited: false,
            });
        } else if let Some(range) = index
            .find(k.code.value)
            .and_then(|r| table.ranges.get_mut(r))
        {
            range.documented.push(DocumentedCode {
                value: k.code.value,
                reason,
                description,
                sendable: k.sendable.as_ref().map_or(range.sendable, |s| s.value),
            });
        } else {
            placed = false;
            chk.error(
                k.code.span.clone(),
                format!(
                    "code {} has no `name` and lies in no range; expected a `name` for its own variant, or a `[[range]]` that holds it",
                    k.code.value
                ),
            );
        }
    }
    if !placed {
        return None;
    }
    table.codes.sort_by_key(|k| k.value);
    for range in &mut table.ranges {
        range.documented.sort_by_key(|d| d.value);
    }
    table.total = covers(repr, &index, &table.codes);
    if let Origin::Builtin(name) = chk.source.origin {
        table.builtins.push(name);
    }
    Some(table)
}

fn resolve_base(
    extends: &Spanned<String>,
    source: &Source,
    loader: &mut dyn Loader,
    stack: &mut Vec<(String, String)>,
    errors: &mut Vec<Error>,
) -> (Option<Table>, bool) {
    let name = extends.value.trim();
    let is_path = name.contains('/')
        || name.contains('\\')
        || std::path::Path::new(name)
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("toml"));
    let base_source = if is_path {
        match loader.load(name, source) {
            Ok(s) => s,
            Err(message) => {
                errors.push(source.error(extends.span.clone(), message));
                return (None, true);
            }
        }
    } else if let Some(s) = Source::builtin(name) {
        s
    } else {
        errors.push(source.error(
            extends.span.clone(),
            format!(
                "unknown built-in table \"{name}\"; expected one of {} or a path to a `.toml` file",
                crate::builtin::NAMES.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ")
            ),
        ));
        return (None, true);
    };
    if let Some(at) = stack.iter().position(|(k, _)| *k == base_source.key) {
        let mut chain: Vec<&str> = stack[at..]
            .iter()
            .map(|(_, shown)| shown.as_str())
            .collect();
        let shown = base_source.origin.to_string();
        chain.push(&shown);
        errors.push(source.error(
            extends.span.clone(),
            format!(
                "`extends` cycle: {}; expected a chain that ends in a table without `extends`",
                chain.join(" extends ")
            ),
        ));
        return (None, true);
    }
    if stack.len() >= MAX_DEPTH {
        errors.push(source.error(
            extends.span.clone(),
            format!("`extends` chain is deeper than {MAX_DEPTH} tables"),
        ));
        return (None, true);
    }
    stack.push((base_source.key.clone(), base_source.origin.to_string()));
    let before = errors.len();
    let table = load_inner(&base_source, loader, stack, errors);
    stack.pop();
    let Some(mut table) = table else {
        if errors.len() == before {
            errors.push(source.error(
                extends.span.clone(),
                "the base table could not be checked".to_owned(),
            ));
        }
        return (None, true);
    };
    if let Origin::File(path) = &base_source.origin {
        table.files.push((path.clone(), base_source.key.clone()));
    }
    (Some(table), false)
}

fn text(s: Option<&Spanned<String>>) -> Option<String> {
    s.map(|s| s.value.trim().to_owned())
}

fn fits(c: &mut Checker<'_>, repr: Repr, value: i128, span: &Range<usize>) -> bool {
    if repr.contains(value) {
        return true;
    }
    let found = if value < 0 && repr.min() == 0 {
        format!("negative code {value}, but `{repr}` has no negative values")
    } else {
        format!("code {value} does not fit `{repr}`")
    };
    c.error(
        span.clone(),
        format!(
            "{found}; expected a code in {}..={}",
            repr.min(),
            repr.max()
        ),
    );
    false
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

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Checks that `name` is a valid `UpperCamelCase` identifier that is not a keyword.
fn check_ident(c: &mut Checker<'_>, name: &Spanned<String>, kind: &str) -> bool {
    let n = name.value.as_str();
    let problem = if KEYWORDS.contains(&n) {
        Some(format!(
            "{kind} name `{n}` is a Rust keyword; expected another name"
        ))
    } else if !n.chars().next().is_some_and(|ch| ch.is_ascii_alphabetic())
        || !n.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
    {
        let suggestion = camel_case(n);
        Some(
            if suggestion.is_empty() || !suggestion.starts_with(|ch: char| ch.is_ascii_alphabetic())
            {
                format!(
                    "{kind} name \"{n}\" is not a Rust identifier; expected an UpperCamelCase name that starts with a letter"
                )
            } else {
                format!(
                    "{kind} name \"{n}\" is not a Rust identifier; expected an UpperCamelCase name such as `{suggestion}`"
                )
            },
        )
    } else if !n.starts_with(|ch: char| ch.is_ascii_uppercase())
        || n.contains('_')
        || (n.chars().filter(char::is_ascii_alphabetic).count() > 1
            && !n.chars().any(|ch| ch.is_ascii_lowercase()))
    {
        Some(format!(
            "{kind} name `{n}` is not UpperCamelCase; expected `{}`",
            camel_case(n)
        ))
    } else {
        None
    };
    match problem {
        Some(message) => {
            c.error(name.span.clone(), message);
            false
        }
        None => true,
    }
}

/// `GoingAway` as `going_away`: the name of a range's constructor.
#[must_use]
pub fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, ch) in name.chars().enumerate() {
        if ch.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(ch.to_ascii_lowercase());
        } else {
            out.push(ch);
        }
    }
    out
}

/// Methods every table has; a range constructor may not take one of these names.
const METHODS: &[&str] = &[
    "reason",
    "description",
    "is_sendable",
    "from_wire",
    "range",
    "code",
    "try_from_code",
    "parse_code",
    "from",
    "into",
    "try_from",
    "try_into",
    "from_str",
    "fmt",
    "eq",
    "cmp",
    "partial_cmp",
    "hash",
    "clone",
];

/// Checks that the constructors generated for ranges (`library`, `try_library`) collide with no
/// method of the table, no keyword and no other range's.
fn check_constructors(
    chk: &mut Checker<'_>,
    repr: Repr,
    ranges: &[crate::model::RangeSpec],
    base: Option<&Table>,
) {
    let mut taken: HashMap<String, String> = METHODS
        .iter()
        .map(|m| ((*m).to_owned(), "a method of every table".to_owned()))
        .collect();
    for m in [format!("from_{repr}"), format!("as_{repr}")] {
        taken.insert(m, "a method of every table".to_owned());
    }
    for r in base.iter().flat_map(|b| b.ranges.iter()) {
        let snake = snake_case(&r.name);
        taken.insert(
            format!("try_{snake}"),
            format!("the constructor of range `{}`", r.name),
        );
        taken.insert(snake, format!("the constructor of range `{}`", r.name));
    }
    for r in ranges {
        let snake = snake_case(&r.name.value);
        let names = [snake.clone(), format!("try_{snake}")];
        let clash = names.iter().find_map(|n| {
            if KEYWORDS.contains(&n.as_str()) {
                Some(format!("`{n}`, a Rust keyword"))
            } else {
                taken.get(n).map(|owner| format!("`{n}`, which is {owner}"))
            }
        });
        if let Some(clash) = clash {
            chk.error(
                r.name.span.clone(),
                format!(
                    "range name `{}` would generate the constructor {clash}; expected another name",
                    r.name.value
                ),
            );
        } else {
            for n in names {
                taken.insert(n, format!("the constructor of range `{}`", r.name.value));
            }
        }
    }
}

/// `going_away`, `going away` or `GOING_AWAY` as `GoingAway`.
fn camel_case(name: &str) -> String {
    let all_upper = !name.chars().any(|ch| ch.is_ascii_lowercase());
    name.split(|ch: char| !ch.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            let first = chars.next().map(|ch| ch.to_ascii_uppercase());
            let rest: String = if all_upper {
                chars.map(|ch| ch.to_ascii_lowercase()).collect()
            } else {
                chars.collect()
            };
            first.into_iter().chain(rest.chars()).collect::<String>()
        })
        .collect()
}
