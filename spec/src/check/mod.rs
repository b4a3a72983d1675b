//! The checks of the spec format: every error collected with its place and its rule
//! ([`CheckRule`](crate::CheckRule)), one module per kind of entry, and here the order they run in.
//!
//! [`check`] runs them on a parsed spec and its checked base, then assembles the table. Rules
//! within one spec; the base is read and checked first (`resolve`).

mod codes;
mod flags;
mod names;
mod policies;
mod properties;
mod ranges;
mod retired;
mod rust;

use std::ops::Range;

pub(crate) use crate::assemble::Mode;
use crate::error::Report;
use crate::model::{Spec, Table};
use crate::{Error, Source, assemble};

/// The base a spec extends, as far as it could be read.
pub(crate) enum Base {
    /// The spec has no `extends`.
    Absent,
    /// The base, checked.
    Table(Box<Table>),
    /// The base could not be read or has errors (already reported): rules that need it are
    /// skipped rather than reported again, and no table is produced.
    Broken,
}

/// The state the rules share: where errors go, the base's name for messages, the mode.
pub(crate) struct Checker<'s> {
    pub(crate) report: Report<'s>,
    /// "`websocket`", as the spec names its base, for messages.
    base_name: String,
    pub(crate) mode: Mode,
}

/// What a name or code in the table is, for "already used by" messages.
#[derive(Clone)]
enum Owner {
    Local(Range<usize>),
    Base(String),
}

/// Every rule, in order; the table only if none found an error (errors go to `errors`).
pub(crate) fn check(
    spec: &Spec,
    source: &Source,
    base: Base,
    mode: Mode,
    errors: &mut Vec<Error>,
) -> Option<Table> {
    let start = errors.len();
    let mut checker = Checker {
        report: Report::new(source, errors),
        base_name: spec
            .extends
            .as_ref()
            .map_or_else(String::new, |e| format!("`{}`", e.value)),
        mode,
    };
    let (base, base_broken) = match base {
        Base::Absent => (None, false),
        Base::Table(table) => (Some(*table), false),
        Base::Broken => (None, true),
    };
    let repr = codes::check_repr(&mut checker, spec, base.as_ref());
    names::check_table_name(&mut checker, spec);
    codes::check_alias_names(&mut checker, spec);
    names::check_names(&mut checker, spec, base.as_ref());
    // Constructor names come from range names: checked only once every name is valid, so that
    // one bad name is not reported twice.
    if checker.report.count() == start {
        // A derived enum's ranges may re-declare its base's, constructors included.
        let base_ranges = base.as_ref().filter(|_| checker.mode == Mode::Extend);
        rust::check_constructors(&mut checker, repr, &spec.ranges, base_ranges);
    }
    flags::check_flags(&mut checker, repr, spec, base.as_ref());
    properties::check_properties(&mut checker, repr, spec, base.as_ref(), base_broken);
    codes::check_reason_lengths(&mut checker, spec, base.as_ref());
    codes::check_deprecated_names(&mut checker, spec);
    let retired = retired::retired_entries(&mut checker, repr, spec, base.as_ref());
    retired::check_retired_numbers_named_by_base(&mut checker, spec, base.as_ref());
    retired::check_retired_names_used_by_base(&mut checker, spec, base.as_ref());
    retired::check_retired_numbers_reused(&mut checker, spec, &retired);
    retired::check_retired_names_reused(&mut checker, spec, &retired);
    ranges::check_overlaps(&mut checker, repr, spec, base.as_ref());
    policies::check_policies(&mut checker, repr, spec, base.as_ref(), base_broken);
    let codes = codes::check_codes(&mut checker, repr, spec, base.as_ref(), base_broken);
    if checker.report.count() > start || base_broken {
        return None;
    }
    let table = assemble::assemble(&mut checker.report, checker.mode, spec, repr, base, codes);
    if let Some(table) = &table {
        names::check_targets(&mut checker, spec, table);
    }
    if checker.report.count() > start {
        return None;
    }
    table
}
