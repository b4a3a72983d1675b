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
    Builtin(crate::Builtin),
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

    /// The spec file at `path`, named `written` (as the user wrote it) in messages. Only a regular
    /// file of at most [`MAX_SPEC_BYTES`] is read: a FIFO, a device (`/dev/zero`) or a directory
    /// is refused before it is opened.
    ///
    /// # Errors
    ///
    /// When the file does not exist, is not a regular file, is too large, cannot be read or is not
    /// UTF-8, saying which.
    pub fn read_file(written: &str, path: &std::path::Path) -> Result<Self, ReadError> {
        let text = read_regular(written, path)?;
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
        crate::Builtin::from_name(name).map(|builtin| {
            Source::new(
                Origin::Builtin(builtin),
                builtin.text().to_owned(),
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

    /// Where `span` is: this source, its line and column, and the line with the span underlined
    /// as an error's snippet underlines it.
    #[must_use]
    pub fn location(&self, span: &Range<usize>) -> crate::Location {
        let (line, column) = self.line_col(span.start);
        let text = self.line_text(span.start);
        // Most lines are shown as they are (short, nothing to escape): no snippet to build.
        if text.len() <= crate::error::SNIPPET_CHARS && !text.chars().any(needs_escape) {
            let on_line = text.chars().count().saturating_sub(column - 1);
            let width = self
                .text
                .get(span.clone())
                .map_or(1, |s| s.split('\n').next().unwrap_or("").chars().count())
                .clamp(1, on_line.max(1));
            return crate::Location {
                origin: Some(self.origin.clone()),
                line,
                column,
                line_text: text.to_owned(),
                caret: column - 1,
                width,
            };
        }
        let at = crate::Error::new(self, span.clone(), String::new());
        crate::Location {
            origin: Some(self.origin.clone()),
            line: at.line,
            column: at.column,
            line_text: at.line_text,
            caret: at.caret,
            width: at.width,
        }
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

/// The text of the regular file at `path`, named `written` in errors, as it is (line endings
/// kept): what [`Source::read_file`] reads, for the other files a tool reads beside specs (a
/// rendered file it compares). A FIFO, a device or a directory is refused before it is opened,
/// a file of more than [`MAX_SPEC_BYTES`] before it is read.
///
/// # Errors
///
/// When the file does not exist, is not a regular file, is too large, cannot be read or is not
/// UTF-8, saying which.
pub fn read_regular(written: &str, path: &std::path::Path) -> Result<String, ReadError> {
    use std::io::Read as _;
    let path_text = written.to_owned();
    let io = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound {
            path: path_text.clone(),
        },
        std::io::ErrorKind::InvalidData => ReadError::NotUtf8 {
            path: path_text.clone(),
        },
        _ => ReadError::Io {
            path: path_text.clone(),
            error: e.to_string(),
        },
    };
    let metadata = std::fs::metadata(path).map_err(io)?;
    if metadata.is_dir() {
        return Err(ReadError::Directory { path: path_text });
    }
    if !metadata.is_file() {
        return Err(ReadError::NotAFile { path: path_text });
    }
    if metadata.len() > MAX_SPEC_BYTES {
        return Err(ReadError::TooLarge {
            path: path_text,
            bytes: metadata.len(),
        });
    }
    let mut text = String::new();
    std::fs::File::open(path)
        .map_err(io)?
        // A file that grew since it was measured is still read no further than the limit.
        .take(MAX_SPEC_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(io)?;
    if text.len() as u64 > MAX_SPEC_BYTES {
        return Err(ReadError::TooLarge {
            path: path_text,
            bytes: text.len() as u64,
        });
    }
    Ok(text)
}

/// The largest spec file read: 16 MiB, a hundred times a 10,000-code table.
pub const MAX_SPEC_BYTES: u64 = 16 * 1024 * 1024;

/// Why a spec file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReadError {
    /// Nothing is at the path.
    NotFound {
        /// The path as written.
        path: String,
    },
    /// The path is a directory.
    Directory {
        /// The path as written.
        path: String,
    },
    /// The path is a FIFO, a socket or a device.
    NotAFile {
        /// The path as written.
        path: String,
    },
    /// The file is larger than [`MAX_SPEC_BYTES`].
    TooLarge {
        /// The path as written.
        path: String,
        /// Its size, as far as it was read.
        bytes: u64,
    },
    /// The file is not UTF-8 text.
    NotUtf8 {
        /// The path as written.
        path: String,
    },
    /// The operating system refused.
    Io {
        /// The path as written.
        path: String,
        /// What it said.
        error: String,
    },
    /// The path is absolute; specs name their bases relative to themselves.
    Absolute {
        /// The path as written.
        path: String,
    },
    /// A loader's own reason (only built-in tables can be extended here; where it looked).
    Refused(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotFound { path } => write!(f, "cannot find spec file `{}`", escaped(path)),
            ReadError::Directory { path } => {
                write!(
                    f,
                    "`{}` is a directory; expected a spec file",
                    escaped(path)
                )
            }
            ReadError::NotAFile { path } => write!(
                f,
                "`{}` is not a regular file (a FIFO, socket or device); expected a spec file",
                escaped(path)
            ),
            ReadError::TooLarge { path, bytes } => write!(
                f,
                "spec file `{}` is {bytes} bytes or more; expected at most {MAX_SPEC_BYTES}",
                escaped(path)
            ),
            ReadError::NotUtf8 { path } => write!(
                f,
                "cannot read spec file `{}`: it is not UTF-8 text; expected a TOML file",
                escaped(path)
            ),
            ReadError::Io { path, error } => {
                write!(f, "cannot read spec file `{}`: {error}", escaped(path))
            }
            ReadError::Absolute { path } => write!(
                f,
                "spec path `{}` is absolute; expected a path relative to the spec that names it",
                escaped(path)
            ),
            ReadError::Refused(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for ReadError {}

/// `text` with control characters, line and paragraph separators and bidirectional controls
/// written as escapes (`\n`, `\u{202e}`), so that text from a spec or a path cannot break or
/// disguise a line of a message.
#[must_use]
pub fn escaped(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Whether `c` is a control character (tab aside), a line or paragraph separator, a
/// bidirectional control, a byte-order mark (Go refuses U+FEFF anywhere but a file's start) or a
/// noncharacter (XML refuses U+FFFE and U+FFFF): the characters no rendered comment, string or
/// message holds as they are.
#[must_use]
pub fn needs_escape(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_control() && c != '\t';
    }
    (c.is_control() && c != '\t')
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{feff}'
        )
        || ('\u{fdd0}'..='\u{fdef}').contains(&c)
        || matches!(c, '\u{fffe}' | '\u{ffff}')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}
