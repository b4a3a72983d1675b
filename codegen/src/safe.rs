//! Text safety for every generated file (rustdoc and every rendered target), in one place: which
//! characters a comment or string may hold as they are ([`closecodes_spec::needs_escape`]
//! decides), string literals ([`quoted`]), comments written line by line in a
//! [`CommentStyle`](crate::render::CommentStyle), where lines start for each language's tools
//! (`LineBreaks`, `line_starts`), and the markup escapes of
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
/// The characters that end a line for a language's compiler and doc tools, where text is split
/// into lines before it is read as markup. JavaScript and TypeScript (`\n`, `\r`, U+2028,
/// U+2029), Java and C# need no rule at a line's start: their writers escape the markup
/// wherever it stands. Every break but `\n` is a character [`visible`] and [`escape_char`]
/// escape, so a comment holds no break of its own; in a Python docstring the escape is read
/// back into the value docutils and doctest split.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LineBreaks {
    /// `\n` only: Go's `go/doc`, `gofmt` and `go vet`.
    Newline,
    /// `\n` and `\r` (and `\r\n`): kotlinc and Dokka, javac.
    Jvm,
    /// Python's `str.splitlines()`, which docutils (and so Sphinx) and `inspect.cleandoc` split a
    /// docstring with: `\n`, `\r`, `\x0b`, `\x0c`, `\x1c`, `\x1d`, `\x1e`, U+0085, U+2028,
    /// U+2029.
    Python,
}

#[cfg(feature = "render")]
impl LineBreaks {
    /// Whether `c` ends a line.
    pub(crate) fn ends_line(self, c: char) -> bool {
        match self {
            LineBreaks::Newline => c == '\n',
            LineBreaks::Jvm => matches!(c, '\n' | '\r'),
            LineBreaks::Python => matches!(
                c,
                '\n' | '\r'
                    | '\u{0b}'
                    | '\u{0c}'
                    | '\u{1c}'
                    | '\u{1d}'
                    | '\u{1e}'
                    | '\u{85}'
                    | '\u{2028}'
                    | '\u{2029}'
            ),
        }
    }
}

#[cfg(feature = "render")]
/// Each line of `text` (lines as `breaks` ends them, each break kept as it is) with `escape`
/// applied to what starts it, after its indentation (whitespace and control characters, more
/// than any tool takes as indentation, so that the escape comes before whatever a tool reads):
/// for markup that only means something at a line's start.
pub(crate) fn line_starts(
    text: &str,
    breaks: LineBreaks,
    mut escape: impl FnMut(&str) -> Option<String>,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let end = rest.find(|c| breaks.ends_line(c)).unwrap_or(rest.len());
        let line = &rest[..end];
        let body = line.trim_start_matches(|c: char| c.is_whitespace() || c.is_control());
        match escape(body) {
            Some(escaped) => {
                out.push_str(&line[..line.len() - body.len()]);
                out.push_str(&escaped);
            }
            None => out.push_str(line),
        }
        let Some(brk) = rest[end..].chars().next() else {
            return out;
        };
        out.push(brk);
        rest = &rest[end + brk.len_utf8()..];
    }
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
    fn lines_start_at_every_break_of_the_language() {
        let mark = |line: &str| line.starts_with('>').then(|| format!("\\{line}"));
        let text = "a\u{2028}>x\u{c}  >y\r\n>z\u{85}>w";
        assert_eq!(
            line_starts(text, LineBreaks::Python, mark),
            "a\u{2028}\\>x\u{c}  \\>y\r\n\\>z\u{85}\\>w"
        );
        assert_eq!(
            line_starts(text, LineBreaks::Jvm, mark),
            "a\u{2028}>x\u{c}  >y\r\n\\>z\u{85}>w"
        );
        assert_eq!(
            line_starts(text, LineBreaks::Newline, mark),
            "a\u{2028}>x\u{c}  >y\r\n\\>z\u{85}>w"
        );
        // Indentation includes control characters, which no tool reads as the line's start.
        assert_eq!(
            line_starts("\u{1f}\t>v", LineBreaks::Newline, mark),
            "\u{1f}\t\\>v"
        );
    }

    #[test]
    fn python_breaks_are_those_of_str_splitlines() {
        // Python 3: [c for c in map(chr, range(0x110000)) if len(('a' + c + 'b').splitlines()) == 2]
        let splitlines = [
            '\n', '\u{b}', '\u{c}', '\r', '\u{1c}', '\u{1d}', '\u{1e}', '\u{85}', '\u{2028}',
            '\u{2029}',
        ];
        let found: Vec<char> = (0..=0x10_ffff)
            .filter_map(char::from_u32)
            .filter(|c| LineBreaks::Python.ends_line(*c))
            .collect();
        assert_eq!(found, splitlines);
    }

    #[test]
    fn every_break_but_a_newline_is_escaped_in_comments_and_strings() {
        for breaks in [LineBreaks::Newline, LineBreaks::Jvm, LineBreaks::Python] {
            for c in (0..=0x10_ffff).filter_map(char::from_u32) {
                if breaks.ends_line(c) && c != '\n' {
                    assert!(closecodes_spec::needs_escape(c), "{breaks:?} {c:?}");
                    assert!(!visible(&c.to_string(), true).contains(c), "{c:?}");
                }
            }
        }
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
