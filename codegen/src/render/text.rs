//! A text being written (a `String` whose `write_fmt` cannot fail, so that `writeln!(out, ...)`
//! needs no `let _ =`), and how each language writes a comment into it.

use std::fmt;

/// A rendered file being written.
#[derive(Default)]
pub(crate) struct Text(String);

impl Text {
    pub(crate) fn new() -> Self {
        Text(String::with_capacity(4096))
    }

    /// What `write!` and `writeln!` call; writing to a `String` cannot fail.
    pub(crate) fn write_fmt(&mut self, args: fmt::Arguments<'_>) {
        // infallible: `fmt::Write for String` never returns an error
        let _ = fmt::Write::write_fmt(&mut self.0, args);
    }

    /// Fixed text, as it is.
    pub(crate) fn push(&mut self, text: &str) {
        self.0.push_str(text);
    }

    pub(crate) fn into_string(self) -> String {
        self.0
    }
}

/// How a language writes a doc comment: its first and last lines (if it has them), the prefix of
/// each line and of a blank line.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CommentStyle {
    /// The line that opens the comment (`/**`), or none.
    pub(crate) open: Option<&'static str>,
    /// The prefix of a line of text (` * `, `// `, `/// `).
    pub(crate) line: &'static str,
    /// A blank line (` *`, `//`).
    pub(crate) blank: &'static str,
    /// The line that closes the comment (` */`), or none.
    pub(crate) close: Option<&'static str>,
}

impl CommentStyle {
    /// `/** … */` with ` * ` lines: KDoc, Javadoc, `JSDoc`.
    pub(crate) const BLOCK: CommentStyle = CommentStyle {
        open: Some("/**"),
        line: " * ",
        blank: " *",
        close: Some(" */"),
    };

    /// `// ` lines: Go.
    pub(crate) const SLASHES: CommentStyle = CommentStyle {
        open: None,
        line: "// ",
        blank: "//",
        close: None,
    };

    /// `/// <summary>` … `/// </summary>`, a blank line as a paragraph break: C#'s XML docs.
    pub(crate) const XML: CommentStyle = CommentStyle {
        open: Some("/// <summary>"),
        line: "/// ",
        blank: "/// <para/>",
        close: Some("/// </summary>"),
    };

    /// Writes `text` (already made safe for the language) as a comment at `indent`, one line of
    /// the comment per line of the text.
    pub(crate) fn write(&self, out: &mut Text, indent: &str, text: &str) {
        if let Some(open) = self.open {
            writeln!(out, "{indent}{open}");
        }
        for line in text.split('\n') {
            if line.is_empty() {
                writeln!(out, "{indent}{}", self.blank);
            } else {
                writeln!(out, "{indent}{}{line}", self.line);
            }
        }
        if let Some(close) = self.close {
            writeln!(out, "{indent}{close}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{CommentStyle, Text};

    #[test]
    fn a_comment_has_a_line_per_line() {
        let mut out = Text::new();
        CommentStyle::BLOCK.write(&mut out, "  ", "one\n\ntwo");
        assert_eq!(
            out.into_string(),
            "  /**\n   * one\n   *\n   * two\n   */\n"
        );
    }
}
