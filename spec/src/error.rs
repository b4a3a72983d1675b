//! The error type: one problem in a spec, with its place, and its rustc-style rendering.

use std::fmt;
use std::fmt::Write as _;
use std::ops::Range;

use crate::rules::CheckRule;
use crate::source::{Origin, Source, escaped, needs_escape};

/// One problem found in a spec, located at a line and column of its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// The source holding the problem.
    pub origin: Origin,
    /// The rule the spec breaks; `None` only for a problem of closecodes itself ("please report
    /// this").
    pub rule: Option<CheckRule>,
    /// What is wrong: lowercase, no trailing period.
    pub message: String,
    /// Byte range of the offending text in the source.
    pub span: Range<usize>,
    /// 1-based line of the start of `span`.
    pub line: usize,
    /// 1-based column (in characters) of the start of `span`.
    pub column: usize,
    /// The source line holding the start of `span`, as a snippet shows it: control characters
    /// escaped, and a long line clipped around the problem (`…` marks what is left out).
    pub line_text: String,
    /// Where the underline starts in `line_text`, in characters from its start.
    pub caret: usize,
    /// How many characters to underline, at least one.
    pub width: usize,
    /// Further notes ("first defined at line 3"), each lowercase.
    pub notes: Vec<String>,
}

impl Error {
    pub(crate) fn new(source: &Source, span: Range<usize>, message: String) -> Self {
        let (line, column) = source.line_col(span.start);
        let raw: Vec<char> = source.line_text(span.start).chars().collect();
        let on_line = raw.len().saturating_sub(column - 1);
        let width = source
            .text
            .get(span.clone())
            .map_or(1, |s| s.split('\n').next().unwrap_or("").chars().count())
            .clamp(1, on_line.max(1));
        let (line_text, caret, width) = shown(&raw, column - 1, width);
        Error {
            origin: source.origin.clone(),
            rule: None,
            message,
            span,
            line,
            column,
            line_text,
            caret,
            width,
            notes: Vec::new(),
        }
    }

    /// The same error, as one of `rule`.
    pub(crate) fn with_rule(mut self, rule: CheckRule) -> Self {
        self.rule = Some(rule);
        self
    }

    /// What the first line of the error says after its place: the message (control characters
    /// escaped), then the id of the rule in brackets, where a reader looks it up
    /// (`duplicate code 4001 [CODE_DUPLICATE]`).
    #[must_use]
    pub fn headline(&self) -> String {
        match self.rule {
            Some(rule) => format!("{} [{rule}]", escaped(&self.message)),
            None => escaped(&self.message).into_owned(),
        }
    }

    /// The snippet of the offending line with a caret under the problem, and the notes,
    /// in the layout rustc uses.
    #[must_use]
    pub fn snippet(&self) -> String {
        let number = self.line.to_string();
        let pad = " ".repeat(number.len());
        let mut out = format!("{pad} |\n{number} | {}\n{pad} | ", self.line_text);
        let indent: String = self
            .line_text
            .chars()
            .take(self.caret)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        out.push_str(&indent);
        out.push_str(&"^".repeat(self.width));
        for note in &self.notes {
            let _ = write!(out, "\n{pad} = note: {}", escaped(note));
        }
        out
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}\n{}",
            escaped(&self.origin.to_string()),
            self.line,
            self.column,
            self.headline(),
            self.snippet()
        )
    }
}

impl std::error::Error for Error {}

/// The errors found in one source, collected as they are found: the parser and the checker both
/// report through it, so that every error of a spec is reported at once.
pub(crate) struct Report<'s> {
    /// The source the errors are in.
    pub(crate) source: &'s Source,
    errors: &'s mut Vec<Error>,
}

impl<'s> Report<'s> {
    pub(crate) fn new(source: &'s Source, errors: &'s mut Vec<Error>) -> Self {
        Report { source, errors }
    }

    /// Reports that the spec breaks `rule` at `span`, saying `message`; the error is returned to
    /// add notes to.
    pub(crate) fn error(
        &mut self,
        rule: CheckRule,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> &mut Error {
        self.errors
            .push(self.source.error(span, message).with_rule(rule));
        let last = self.errors.len() - 1;
        &mut self.errors[last]
    }

    /// "line 3" (or "`file.toml` line 3"): where `span` is, for notes.
    pub(crate) fn place(&self, span: &Range<usize>) -> String {
        self.source.place(span)
    }

    /// How many errors have been reported so far (by any source of the run).
    pub(crate) fn count(&self) -> usize {
        self.errors.len()
    }

    /// The errors themselves, for the parser's clean-up of follow-up errors.
    pub(crate) fn errors_mut(&mut self) -> &mut Vec<Error> {
        self.errors
    }
}

/// The outcome of a run that collected `errors`: `value` if there were none. A run that found no
/// error and still produced nothing is a bug, reported rather than hidden.
pub(crate) fn finish<T>(
    errors: Vec<Error>,
    value: Option<T>,
    source: &Source,
) -> Result<T, Errors> {
    match (Errors::from_vec(errors), value) {
        (None, Some(value)) => Ok(value),
        (Some(errors), _) => Err(errors),
        (None, None) => Err(Errors::one(
            source.error(0..0, "the spec could not be checked; please report this"),
        )),
    }
}

/// Every problem found in a spec, in source order; never empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Errors(Vec<Error>);

impl Errors {
    /// Wraps a list of errors; `None` when the list is empty.
    #[must_use]
    pub fn from_vec(mut errors: Vec<Error>) -> Option<Self> {
        if errors.is_empty() {
            None
        } else {
            errors.sort_by(|a, b| {
                (origin_rank(&a.origin), &a.origin, a.span.start).cmp(&(
                    origin_rank(&b.origin),
                    &b.origin,
                    b.span.start,
                ))
            });
            errors.dedup();
            Some(Errors(cap_per_source(errors)))
        }
    }

    /// A single error.
    #[must_use]
    pub fn one(error: Error) -> Self {
        Errors(vec![error])
    }

    /// The errors, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Error> {
        self.0.iter()
    }

    /// The errors, in order.
    #[must_use]
    pub fn as_slice(&self) -> &[Error] {
        &self.0
    }

    /// How many errors there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always `false`: an `Errors` holds at least one error.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// At most this many errors are reported for one source: a file that is not a spec at all (a
/// binary, another format) would otherwise give one error per line.
pub const MAX_ERRORS_PER_SOURCE: usize = 50;

/// The first [`MAX_ERRORS_PER_SOURCE`] errors of each source (sorted by source), the last one
/// noting how many more there are.
fn cap_per_source(errors: Vec<Error>) -> Vec<Error> {
    let mut out: Vec<Error> = Vec::with_capacity(errors.len().min(4 * MAX_ERRORS_PER_SOURCE));
    let mut run = 0;
    let mut hidden = 0;
    for error in errors {
        let same_source = out.last().is_some_and(|last| last.origin == error.origin);
        if !same_source {
            note_hidden(&mut out, hidden);
            run = 0;
            hidden = 0;
        }
        run += 1;
        if run > MAX_ERRORS_PER_SOURCE {
            hidden += 1;
        } else {
            out.push(error);
        }
    }
    note_hidden(&mut out, hidden);
    out
}

fn note_hidden(out: &mut [Error], hidden: usize) {
    if let Some(last) = out.last_mut().filter(|_| hidden > 0) {
        let origin = match &last.origin {
            Origin::File(path) => format!("`{path}`"),
            other => other.to_string(),
        };
        last.notes.push(format!(
            "{hidden} more errors in {origin} are not shown; is it a spec file?"
        ));
    }
}

// Errors of base tables come after those of the spec being compiled; within a source, by offset.
fn origin_rank(origin: &Origin) -> u8 {
    match origin {
        Origin::Inline | Origin::Derive(_) => 0,
        Origin::File(_) => 1,
        Origin::Builtin(_) => 2,
    }
}

impl IntoIterator for Errors {
    type Item = Error;
    type IntoIter = std::vec::IntoIter<Error>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Errors {
    type Item = &'a Error;
    type IntoIter = std::slice::Iter<'a, Error>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n\n")?;
            }
            fmt::Display::fmt(error, f)?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}

/// The most characters of a source line a snippet shows; a longer line is clipped around the
/// problem, so that a 200 KB line gives a line of output, not 200 KB of it.
pub(crate) const SNIPPET_CHARS: usize = 240;

/// A source line as a snippet shows it, with where its underline starts and how wide it is:
/// control characters escaped (the underline covers their escapes), clipped to about
/// [`SNIPPET_CHARS`] characters around the underline.
fn shown(raw: &[char], column: usize, width: usize) -> (String, usize, usize) {
    // Clip first, in source characters, keeping the start of the underline in view.
    let end_of_span = (column + width).min(raw.len());
    let (from, to) = if raw.len() <= SNIPPET_CHARS {
        (0, raw.len())
    } else {
        let from = column.saturating_sub(SNIPPET_CHARS / 3);
        (from, (from + SNIPPET_CHARS).min(raw.len()))
    };
    let mut text = String::new();
    let mut caret = 0;
    let mut underline_end = 0;
    if from > 0 {
        text.push('…');
    }
    let mut count = text.chars().count();
    for (i, c) in raw.iter().enumerate().take(to).skip(from) {
        if i == column {
            caret = count;
        }
        if needs_escape(*c) {
            let escape: String = c.escape_default().collect();
            count += escape.chars().count();
            text.push_str(&escape);
        } else {
            count += 1;
            text.push(*c);
        }
        if i + 1 == end_of_span {
            underline_end = count;
        }
    }
    if column >= to {
        caret = count;
    }
    if end_of_span > to {
        underline_end = count;
    }
    if to < raw.len() {
        text.push('…');
    }
    let width = underline_end.saturating_sub(caret).max(1);
    (text, caret, width)
}
