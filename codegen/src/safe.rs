//! Text safety for every generated file (rustdoc and every rendered target), in one place: which characters a comment or string
//! may hold as they are ([`closecodes_spec::needs_escape`] decides), string literals
//! ([`quoted`]), comments written line by line in a [`CommentStyle`], and the markup escapes of
//! each language's doc tools (a spec's text read by rustdoc, Sphinx, gopls, Dokka, `JSDoc`,
//! Javadoc or an XML doc reader is text, never markup or code of theirs).
//!
//! The rule every writer follows: spec text goes through its language's `doc_text` (or
//! [`quoted`]) before it is put beside the writer's own markup, never after.

#[cfg(feature = "render")]
use std::fmt::Write as _;

/// `text` with every character that may not appear in a comment, or could disguise one, written
/// as an escape (`\u{202e}`): see [`closecodes_spec::needs_escape`]; `\n` is kept if `newlines`.
pub(crate) fn visible(text: &str, newlines: bool) -> String {
    if !text
        .chars()
        .any(|c| closecodes_spec::needs_escape(c) && !(c == '\n' && newlines))
    {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if (c == '\n' && newlines) || !closecodes_spec::needs_escape(c) {
            out.push(c);
        } else {
            out.extend(c.escape_unicode());
        }
    }
    out
}

#[cfg(feature = "render")]
/// `text` as a double-quoted string literal of a C-like language (and Python's): `"` and `\`
/// escaped, a newline and a tab as `\n` and `\t`, `extra` characters as given (Kotlin's `$`), and
/// every character [`closecodes_spec::needs_escape`] names as `\uXXXX` (all of them are in the
/// Basic Multilingual Plane).
pub(crate) fn quoted(text: &str, extra: &[(char, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        escape_char(&mut out, c, extra);
    }
    out.push('"');
    out
}

#[cfg(feature = "render")]
/// `c` as the inside of a string literal of [`quoted`].
pub(crate) fn escape_char(out: &mut String, c: char, extra: &[(char, &str)]) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        c if closecodes_spec::needs_escape(c) => {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        }
        c => match extra.iter().find(|(e, _)| *e == c) {
            Some((_, escape)) => out.push_str(escape),
            None => out.push(c),
        },
    }
}

#[cfg(feature = "render")]
/// Spec text for a block comment (`KDoc`, Javadoc, `JSDoc`): no `*/` that ends it, no `/*` that
/// opens a nested one (Kotlin's comments nest).
pub(crate) fn block_comment_text(text: &str) -> String {
    text.replace("*/", "*\u{2215}").replace("/*", "\u{2215}*")
}

#[cfg(feature = "render")]
/// `&`, `<` and `>` as entities: text for XML docs, Javadoc's HTML, and Markdown cells.
pub(crate) fn html(text: &str) -> String {
    if !text.contains(['&', '<', '>']) {
        return text.to_owned();
    }
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(feature = "render")]
/// Each line of `text` with `escape` applied to what starts it (after its indentation): for
/// markup that only means something at a line's start.
pub(crate) fn line_starts(text: &str, escape: impl Fn(&str) -> Option<String>) -> String {
    text.split('\n')
        .map(|line| {
            let body = line.trim_start();
            match escape(body) {
                Some(escaped) => format!("{}{escaped}", &line[..line.len() - body.len()]),
                None => line.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(feature = "render")]
/// Whether `line` is made of one punctuation character repeated (a reST section adornment, a
/// Markdown rule), two or more times.
pub(crate) fn is_adornment(line: &str) -> bool {
    let mut chars = line.trim_end().chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_ascii_punctuation() && line.trim_end().len() >= 2 && chars.all(|c| c == first)
}

#[cfg(all(test, feature = "render"))]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_what_a_compiler_refuses() {
        assert_eq!(quoted("a\"b\\c\n", &[]), r#""a\"b\\c\n""#);
        assert_eq!(
            quoted("\u{feff}\u{fffe}\u{ffff}", &[]),
            r#""\ufeff\ufffe\uffff""#
        );
        assert_eq!(quoted("$x", &[('$', "\\$")]), r#""\$x""#);
    }

    #[test]
    fn comments_end_only_where_the_writer_ends_them() {
        assert_eq!(
            block_comment_text("a */ b /* c"),
            "a *\u{2215} b \u{2215}* c"
        );
        assert_eq!(html("<a & b>"), "&lt;a &amp; b&gt;");
        assert!(is_adornment("===="));
        assert!(!is_adornment("=a="));
    }
}
