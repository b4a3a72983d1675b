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
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Inline => f.write_str("<inline spec>"),
            Origin::File(path) => f.write_str(path),
            Origin::Builtin(name) => write!(f, "<built-in table `{name}`>"),
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
}

impl Source {
    /// A spec written inline in the macro invocation.
    #[must_use]
    pub fn inline(text: impl Into<String>) -> Self {
        Source {
            origin: Origin::Inline,
            text: text.into(),
            key: "<inline>".to_owned(),
        }
    }

    /// A spec read from `path` (as the user wrote it); `key` identifies the file uniquely.
    #[must_use]
    pub fn file(path: impl Into<String>, key: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            origin: Origin::File(path.into()),
            text: text.into(),
            key: key.into(),
        }
    }

    /// One of the tables shipped with the crate, if `name` is one.
    #[must_use]
    pub fn builtin(name: &str) -> Option<Self> {
        crate::builtin::get(name).map(|(name, text)| Source {
            origin: Origin::Builtin(name),
            text: text.to_owned(),
            key: format!("<builtin:{name}>"),
        })
    }

    /// The 1-based line and column (in characters) of byte `offset`.
    #[must_use]
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }

    /// The text of the line holding byte `offset`, without its line ending.
    #[must_use]
    pub fn line_text(&self, offset: usize) -> &str {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let start = self.text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let end = self.text[offset..]
            .find('\n')
            .map_or(self.text.len(), |i| offset + i);
        self.text[start..end].trim_end_matches('\r')
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
