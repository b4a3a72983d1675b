//! A text being written: a `String` whose `write_fmt` cannot fail, so that `writeln!(out, ...)`
//! needs no `let _ =`.

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
