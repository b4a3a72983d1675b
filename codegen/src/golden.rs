//! Golden files, for the test suites of this workspace (the macro's expansions and the rendered
//! targets): compare a text with its file, or rewrite the file under `CLOSECODES_BLESS=1`. Not
//! part of the API (hidden): one bless mechanism and one "first differing line" for both suites.

use std::path::Path;

/// The first line (1-based) at which `expected` and `actual` differ, if they do.
#[must_use]
pub fn first_difference(expected: &str, actual: &str) -> Option<usize> {
    if expected == actual {
        return None;
    }
    let line = expected
        .lines()
        .zip(actual.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
    Some(line + 1)
}

/// Compares `text` with the file at `path`, or writes it there when `CLOSECODES_BLESS` is set.
///
/// # Errors
///
/// When the file differs (or is missing): the path and the first differing line, for a message.
pub fn compare(path: &Path, text: &str) -> Result<(), String> {
    if std::env::var_os("CLOSECODES_BLESS").is_some() {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        return std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()));
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    match first_difference(&expected, text) {
        None => Ok(()),
        Some(line) => Err(format!("{} (line {line})", path.display())),
    }
}
