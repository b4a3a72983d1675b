//! Following `extends`: reading base specs (built-in tables and files), cycles, depth; the entry
//! points that parse, resolve and check.

use crate::check::{self, Base, Mode};
use crate::error::finish;
use crate::model::{BaseFile, Repr, Spanned, Spec, Table};
use crate::rules::CheckRule;
use crate::{Error, Errors, Origin, Source, parse};

/// Deepest `extends` chain followed before giving up (a cycle is reported before this).
const MAX_DEPTH: usize = 16;

/// Reads the specs that an `extends = "path.toml"` names.
pub trait Loader {
    /// Reads the spec at `path`, as written in the spec `from`.
    ///
    /// # Errors
    ///
    /// Why the file cannot be read.
    fn load(&mut self, path: &str, from: &Source) -> Result<Source, crate::ReadError>;
}

/// A loader for contexts without files: only built-in tables can be extended.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoFiles;

impl Loader for NoFiles {
    fn load(&mut self, path: &str, _from: &Source) -> Result<Source, crate::ReadError> {
        Err(crate::ReadError::Refused(format!(
            "cannot read `{}`: only built-in tables can be extended here",
            crate::escaped(path)
        )))
    }
}

/// Parses and checks a spec, following its `extends` chain, reporting every error at once.
///
/// # Errors
///
/// Every problem of the spec and of the specs it extends.
pub fn load(source: &Source, loader: &mut dyn Loader) -> Result<Table, Errors> {
    let mut errors = Vec::new();
    let table = load_inner(source, loader, &mut Stack::new(source), &mut errors);
    finish(errors, table, source)
}

/// The names a spec gives its variants, as far as they can be read from a spec that has errors:
/// what a stand-in enum declares, so that code using the variants adds no errors of its own.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sketch {
    /// The repr as written, else the base's, else `u16`.
    pub repr: Repr,
    /// Named codes (unit variants): the base's (if it could be checked), then this spec's.
    pub codes: Vec<String>,
    /// Ranges (variants carrying the value), in the same order.
    pub ranges: Vec<String>,
}

/// The variant names of a spec that may have errors (see [`Sketch`]): read from what parses, and
/// from its base if the base checks. Errors are not reported here; [`load`] reports them.
#[must_use]
pub fn sketch(source: &Source, loader: &mut dyn Loader) -> Sketch {
    let (spec, _) = parse::parse_recoverable(source);
    let mut errors = Vec::new();
    let base = match resolve(&spec, source, loader, &mut Stack::new(source), &mut errors) {
        Base::Table(table) => Some(*table),
        Base::Absent | Base::Broken => None,
    };
    let mut out = Sketch {
        repr: spec
            .table
            .repr
            .as_ref()
            .map(|r| r.value)
            .or(base.as_ref().map(|b| b.repr))
            .unwrap_or(Repr::U16),
        ..Sketch::default()
    };
    if let Some(base) = &base {
        out.codes.extend(base.codes.iter().map(|c| c.name.clone()));
        out.ranges
            .extend(base.ranges.iter().map(|r| r.name.clone()));
    }
    let valid = |name: &&str| crate::names::is_variant_name(name);
    out.codes.extend(
        spec.codes
            .iter()
            .filter_map(|c| c.name.as_ref())
            .map(|n| n.value.as_str())
            .filter(valid)
            .map(str::to_owned),
    );
    out.ranges.extend(
        spec.ranges
            .iter()
            .map(|r| r.name.value.as_str())
            .filter(valid)
            .map(str::to_owned),
    );
    // A name given twice would make the stand-in itself an error.
    let mut seen = std::collections::HashSet::new();
    out.codes.retain(|n| seen.insert(n.clone()));
    out.ranges.retain(|n| seen.insert(n.clone()));
    out
}

/// Checks a parsed spec, following its `extends` chain.
///
/// # Errors
///
/// Every rule the spec breaks, and every problem of the specs it extends.
pub fn check(spec: &Spec, source: &Source, loader: &mut dyn Loader) -> Result<Table, Errors> {
    check_with_base(spec, source, loader, Mode::Extend)
}

/// Checks the table written as a hand-written enum (`#[derive(CloseCodes)]`).
///
/// The enum is a *derived* table of its base: its codes obey every rule of an extending
/// spec, but its ranges may re-declare parts of the base's ranges (`#[codes("4000..=4999")]
/// Other(u16)`), and the returned table holds only the enum's own variants, so it is total only
/// if they cover every value.
///
/// # Errors
///
/// Every rule the enum breaks, and every problem of the specs it extends.
pub fn check_derive(
    spec: &Spec,
    source: &Source,
    loader: &mut dyn Loader,
) -> Result<Table, Errors> {
    check_with_base(spec, source, loader, Mode::Derive)
}

fn check_with_base(
    spec: &Spec,
    source: &Source,
    loader: &mut dyn Loader,
    mode: Mode,
) -> Result<Table, Errors> {
    let mut errors = Vec::new();
    let base = resolve(spec, source, loader, &mut Stack::new(source), &mut errors);
    let table = check::check(spec, source, base, mode, &mut errors);
    finish(errors, table, source)
}

/// The sources being read, outermost first, to find cycles: each source's key and how it is shown.
struct Stack(Vec<(String, String)>);

impl Stack {
    fn new(source: &Source) -> Self {
        Stack(vec![(source.key.clone(), source.origin.to_string())])
    }
}

/// Parses and checks one spec of a chain; the table only if neither found an error.
fn load_inner(
    source: &Source,
    loader: &mut dyn Loader,
    stack: &mut Stack,
    errors: &mut Vec<Error>,
) -> Option<Table> {
    let (spec, parse_errors) = parse::parse_recoverable(source);
    let had_errors = !parse_errors.is_empty();
    errors.extend(parse_errors);
    let base = resolve(&spec, source, loader, stack, errors);
    let table = check::check(&spec, source, base, Mode::Extend, errors);
    if had_errors { None } else { table }
}

/// The base a spec's `extends` names, checked.
fn resolve(
    spec: &Spec,
    source: &Source,
    loader: &mut dyn Loader,
    stack: &mut Stack,
    errors: &mut Vec<Error>,
) -> Base {
    match &spec.extends {
        Some(extends) => resolve_base(extends, source, loader, stack, errors)
            .map_or(Base::Broken, |t| Base::Table(Box::new(t))),
        None => Base::Absent,
    }
}

/// Reads and checks the base `extends` names; `None` if it cannot be read or has errors (which are
/// reported).
fn resolve_base(
    extends: &Spanned<String>,
    source: &Source,
    loader: &mut dyn Loader,
    stack: &mut Stack,
    errors: &mut Vec<Error>,
) -> Option<Table> {
    let name = extends.value.trim();
    let is_path = name.contains('/')
        || name.contains('\\')
        || std::path::Path::new(name)
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("toml"));
    let base_source = if is_path {
        match loader.load(name, source) {
            Ok(s) => s,
            Err(error) => {
                errors.push(
                    source
                        .error(extends.span.clone(), error.to_string())
                        .with_rule(CheckRule::ExtendsUnreadable),
                );
                return None;
            }
        }
    } else if let Some(s) = Source::builtin(name) {
        s
    } else {
        errors.push(source.error(
            extends.span.clone(),
            format!(
                "unknown built-in table \"{name}\"; expected one of {} or a path to a `.toml` file",
                crate::Builtin::ALL.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ")
            ),
        )
        .with_rule(CheckRule::ExtendsUnknownBuiltin));
        return None;
    };
    if let Some(at) = stack.0.iter().position(|(k, _)| *k == base_source.key) {
        let mut chain: Vec<&str> = stack.0[at..]
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
        )
        .with_rule(CheckRule::ExtendsCycle));
        return None;
    }
    if stack.0.len() >= MAX_DEPTH {
        errors.push(
            source
                .error(
                    extends.span.clone(),
                    format!("`extends` chain is deeper than {MAX_DEPTH} tables"),
                )
                .with_rule(CheckRule::ExtendsTooDeep),
        );
        return None;
    }
    stack
        .0
        .push((base_source.key.clone(), base_source.origin.to_string()));
    let before = errors.len();
    let table = load_inner(&base_source, loader, stack, errors);
    stack.0.pop();
    let Some(mut table) = table else {
        if errors.len() == before {
            errors.push(source.error(
                extends.span.clone(),
                "the base table could not be checked".to_owned(),
            ));
        }
        return None;
    };
    if let Origin::File(path) = &base_source.origin {
        table.base_files.push(BaseFile {
            written: path.clone(),
            resolved: base_source.key.clone(),
        });
    }
    Some(table)
}
