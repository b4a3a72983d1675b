//! Where a spec's text came from, and how byte offsets map to lines and columns.

use std::fmt;
use std::ops::Range;

/// Where a spec's text came from; used to name the place of every error.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Origin {
    /// A TOML string written inside the macro invocation.
    Inline,
    /// A file, named by the path as the user wrote it.
    File(String),
    /// A table shipped with the crate (`extends = "websocket"`).
    Builtin(&'static str),
    /// The variants of an enum with `#[derive(CloseCodes)]`, named by the enum.
    Derive(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Inline => f.write_str("<inline spec>"),
            Origin::File(path) => f.write_str(path),
            Origin::Builtin(name) => write!(f, "<built-in table `{name}`>"),
            Origin::Derive(name) => write!(f, "`{name}`"),
        }
    }
}

/// The text of one spec and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Where the text came from.
    pub origin: Origin,
    /// The TOML text.
    pub text: String,
    /// A key that identifies the source for cycle detection (a canonical path for files).
    pub key: String,
    /// Byte offset of the start of every line, for line and column look-ups in O(log n).
    line_starts: Vec<usize>,
    /// For a derive: what each span stands for (a variant or attribute), used in notes.
    labels: Vec<(Range<usize>, String)>,
}

impl Source {
    /// A spec written inline in the macro invocation.
    #[must_use]
    pub fn inline(text: impl Into<String>) -> Self {
        Source::new(Origin::Inline, text.into(), "<inline>".to_owned())
    }

    /// A spec read from `path` (as the user wrote it); `key` identifies the file uniquely.
    #[must_use]
    pub fn file(path: impl Into<String>, key: impl Into<String>, text: impl Into<String>) -> Self {
        Source::new(Origin::File(path.into()), text.into(), key.into())
    }

    /// The spec file at `path`, named `written` (as the user wrote it) in messages.
    ///
    /// # Errors
    ///
    /// When the file does not exist, is a directory, cannot be read or is not UTF-8, a message
    /// saying which.
    pub fn read_file(written: &str, path: &std::path::Path) -> Result<Self, String> {
        if path.is_dir() {
            return Err(format!("`{written}` is a directory; expected a spec file"));
        }
        let text = std::fs::read_to_string(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!("cannot find spec file `{written}`"),
            std::io::ErrorKind::InvalidData => format!(
                "cannot read spec file `{written}`: it is not UTF-8 text; expected a TOML file"
            ),
            _ => format!("cannot read spec file `{written}`: {e}"),
        })?;
        let key = path
            .canonicalize()
            .unwrap_or_else(|_| path.to_path_buf())
            .display()
            .to_string();
        Ok(Source::file(written, key, text))
    }

    /// One of the tables shipped with the crate, if `name` is one.
    #[must_use]
    pub fn builtin(name: &str) -> Option<Self> {
        crate::builtin::get(name).map(|(name, text)| {
            Source::new(
                Origin::Builtin(name),
                text.to_owned(),
                format!("<builtin:{name}>"),
            )
        })
    }

    fn new(origin: Origin, text: String, key: String) -> Self {
        // A spec checked out with CRLF line endings reads as with LF: multi-line strings
        // (descriptions) keep no `\r`, so every OS generates the same code.
        let text = if text.contains("\r\n") {
            text.replace("\r\n", "\n")
        } else {
            text
        };
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source {
            origin,
            text,
            key,
            line_starts,
            labels: Vec::new(),
        }
    }

    /// The variants of a derived enum: spans are opaque ranges, each with a label such as
    /// ``variant `Unauthorized` `` that notes use instead of a line number.
    #[must_use]
    pub fn derive(name: impl Into<String>, labels: Vec<(Range<usize>, String)>) -> Self {
        let name = name.into();
        let mut source = Source::new(
            Origin::Derive(name.clone()),
            String::new(),
            format!("<derive:{name}>"),
        );
        source.labels = labels;
        source
    }

    /// Where `span` is, for a note: "line 3", or the label of a derive's span.
    #[must_use]
    pub fn place(&self, span: &Range<usize>) -> String {
        if self.labels.is_empty() {
            format!("line {}", self.line_col(span.start).0)
        } else {
            self.labels
                .iter()
                .find(|(r, _)| r.start <= span.start && span.start < r.end.max(r.start + 1))
                .map_or_else(
                    || "an earlier variant".to_owned(),
                    |(_, label)| label.clone(),
                )
        }
    }

    /// The 0-based line index and the clamped byte offset of `offset`.
    fn locate(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let line = self
            .line_starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1);
        (line, offset)
    }

    /// The 1-based line and column (in characters) of byte `offset`.
    #[must_use]
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let (line, offset) = self.locate(offset);
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count())
            + 1;
        (line + 1, column)
    }

    /// The text of the line holding byte `offset`, without its line ending.
    #[must_use]
    pub fn line_text(&self, offset: usize) -> &str {
        let (line, _) = self.locate(offset);
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        let end = self
            .line_starts
            .get(line + 1)
            .map_or(self.text.len(), |next| next - 1);
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches('\r')
    }

    /// Builds an error at `span` of this source.
    pub(crate) fn error(&self, span: Range<usize>, message: impl Into<String>) -> crate::Error {
        crate::Error::new(self, span, message.into())
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}
