//! A spec's text as it may appear in the user's rustdoc: it can neither run nor inject markup.
//! (Which characters a comment may hold is `crate::safe`'s to say.)
//!
//! Descriptions are Markdown, but they come from a data file, and rustdoc treats the enum's docs
//! as the user's own: a fenced block would become a doctest of the user's crate, and raw HTML
//! (`<script>`, an unclosed `<div>`) would pass into the page.

/// A multi-line text (a description) for a doc comment: fences become `text` blocks (shown, never
/// run), an unclosed fence is closed, a fence inside a list item or block quote is shown as text,
/// indentation cannot start an indented code block (also a doctest), `<` outside code is escaped,
/// and control characters (but the newline), line separators and bidirectional controls are
/// written as escapes.
pub(crate) fn block(text: &str) -> String {
    // Most descriptions are one plain sentence: nothing to change.
    if is_plain(text) {
        return text.to_owned();
    }
    let text = crate::safe::visible(text, true);
    let mut out = String::with_capacity(text.len() + 8);
    // The fence that opened the code block we are in: its character and length.
    let mut fence: Option<(char, usize)> = None;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        let marker = fence_marker(trimmed);
        match (fence, marker) {
            (Some((ch, len)), Some((m, n)))
                if m == ch && n >= len && trimmed[n * m.len_utf8()..].trim().is_empty() =>
            {
                fence = None;
                out.push_str(trimmed);
            }
            (Some(_), _) => out.push_str(line),
            (None, Some((m, n))) => {
                fence = Some((m, n));
                out.extend(std::iter::repeat_n(m, n));
                out.push_str("text");
            }
            (None, None) => {
                let indent = line.len() - trimmed.len();
                let columns: usize = line[..indent]
                    .chars()
                    .map(|c| if c == '\t' { 4 } else { 1 })
                    .sum();
                out.extend(std::iter::repeat_n(' ', columns.min(3)));
                let (containers, body) = containers(trimmed);
                out.push_str(&containers);
                if let Some((m, n)) = fence_marker(body) {
                    // A fence inside a list item or a block quote: shown as the characters.
                    for _ in 0..n {
                        out.push('\\');
                        out.push(m);
                    }
                    escape_html(&body[n * m.len_utf8()..], &mut out);
                } else {
                    escape_html(body, &mut out);
                }
            }
        }
    }
    if let Some((ch, len)) = fence {
        out.push('\n');
        out.extend(std::iter::repeat_n(ch, len));
    }
    out
}

/// A one-line text (a reason) for a doc comment or a cell of the doc table: newlines become
/// spaces, `|` cannot end the cell, `<` outside code is escaped, and control characters are
/// written as escapes.
pub(crate) fn inline(text: &str) -> String {
    if is_plain(text) && !text.contains('|') {
        return text.to_owned();
    }
    let line = crate::safe::visible(
        &text.split_whitespace().collect::<Vec<_>>().join(" "),
        false,
    );
    let mut out = String::with_capacity(line.len());
    escape_html(&line.replace('|', "\\|"), &mut out);
    out
}

/// Whether `text` is one line that starts with a letter and holds no character that Markdown or
/// a comment could read otherwise (`<`, a backtick, `~`, a tab, a control character, two spaces
/// in a row): `block` and `inline` leave such text as it is.
fn is_plain(text: &str) -> bool {
    text.starts_with(|c: char| c.is_alphabetic())
        && !text.contains("  ")
        && !text
            .chars()
            .any(|c| matches!(c, '<' | '`' | '~' | '\t' | '\n') || closecodes_spec::needs_escape(c))
}

/// The block quote and list markers that open `line` (`> - `), each followed by one space so that
/// what follows cannot be an indented code block, and the rest of the line.
fn containers(line: &str) -> (String, &str) {
    let mut prefix = String::new();
    let mut rest = line;
    loop {
        let bullet = rest.starts_with(['-', '*', '+'])
            && rest[1..].chars().next().is_none_or(char::is_whitespace);
        let marker_len = if rest.starts_with('>') || bullet {
            1
        } else {
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            let after = rest[digits..].chars().next();
            let next = rest[digits..].chars().nth(1);
            if (1..=9).contains(&digits)
                && matches!(after, Some('.' | ')'))
                && next.is_none_or(char::is_whitespace)
            {
                digits + 1
            } else {
                return (prefix, rest);
            }
        };
        prefix.push_str(&rest[..marker_len]);
        prefix.push(' ');
        rest = rest[marker_len..].trim_start();
    }
}

/// A fence (three or more backticks or tildes) opening `line`, as its character and count.
fn fence_marker(line: &str) -> Option<(char, usize)> {
    let ch = line.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = line.chars().take_while(|c| *c == ch).count();
    (n >= 3).then_some((ch, n))
}

/// `text` with `<` written as `&lt;` except inside inline code spans (where rustdoc shows text
/// as it is, and an entity would show literally). A run of backticks opens a code span only if a
/// run of the same length closes it later on the line, as in `CommonMark`: a lone backtick is
/// text, and `<` after it is escaped.
pub(crate) fn escape_html(text: &str, out: &mut String) {
    for (code, part) in code_spans(text) {
        if code {
            out.push_str(part);
        } else {
            out.push_str(&part.replace('<', "&lt;"));
        }
    }
}

/// `text` cut into pieces that are inside a code span (with its backticks) or not.
pub(crate) fn code_spans(text: &str) -> Vec<(bool, &str)> {
    if !text.contains('`') {
        return vec![(false, text)];
    }
    let runs: Vec<(usize, usize)> = {
        let mut runs = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'`' {
                let start = i;
                while i < bytes.len() && bytes[i] == b'`' {
                    i += 1;
                }
                runs.push((start, i - start));
            } else {
                i += 1;
            }
        }
        runs
    };
    let mut pieces = Vec::new();
    let mut done = 0;
    let mut r = 0;
    while r < runs.len() {
        let (start, len) = runs[r];
        let close = runs[r + 1..].iter().position(|(_, l)| *l == len);
        match close {
            Some(offset) => {
                let (close_start, _) = runs[r + 1 + offset];
                pieces.push((false, &text[done..start]));
                pieces.push((true, &text[start..close_start + len]));
                done = close_start + len;
                r += offset + 2;
            }
            None => r += 1,
        }
    }
    pieces.push((false, &text[done..]));
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_become_text_blocks_and_are_closed() {
        assert_eq!(
            block("Example:\n```rust\nfn main() {}\n```\nAfter."),
            "Example:\n```text\nfn main() {}\n```\nAfter."
        );
        assert_eq!(block("~~~~\n<b>\n~~~~"), "~~~~text\n<b>\n~~~~");
        assert_eq!(block("```\nnever closed"), "```text\nnever closed\n```");
        // A shorter fence does not close a longer one.
        assert_eq!(block("````\n```\n````"), "````text\n```\n````");
    }

    #[test]
    fn indentation_never_makes_a_code_block() {
        assert_eq!(
            block("Text.\n\n        let x = 1;"),
            "Text.\n\n   let x = 1;"
        );
        assert_eq!(block("\tTabbed."), "   Tabbed.");
        assert_eq!(block("- item\n  more"), "- item\n  more");
    }

    #[test]
    fn fences_in_list_items_and_quotes_are_text() {
        assert_eq!(
            block("- ```rust\n  fn main() {}"),
            "- \\`\\`\\`rust\n  fn main() {}"
        );
        assert_eq!(block("> ~~~\n> x"), "> \\~\\~\\~\n> x");
        assert_eq!(block("1.      indented"), "1. indented");
        assert_eq!(block(">     quoted code"), "> quoted code");
        assert_eq!(block("- >    - ```"), "- > - \\`\\`\\`");
    }

    #[test]
    fn a_lone_backtick_does_not_stop_escaping() {
        assert_eq!(block("a ` <script>"), "a ` &lt;script>");
        assert_eq!(block("``a<b`` and `<i>"), "``a<b`` and `&lt;i>");
    }

    #[test]
    fn control_and_bidirectional_characters_are_escaped() {
        assert_eq!(
            block("a\rb\u{202e}c\u{2028}d"),
            "a\\u{d}b\\u{202e}c\\u{2028}d"
        );
        assert_eq!(inline("x\ny\u{2066}"), "x y\\u{2066}");
    }

    #[test]
    fn html_is_escaped_outside_code() {
        assert_eq!(
            block("<script>alert(1)</script> and <div> but `a<b`"),
            "&lt;script>alert(1)&lt;/script> and &lt;div> but `a<b`"
        );
        assert_eq!(
            inline("Bad | Reason\nsplit <i>"),
            "Bad \\| Reason split &lt;i>"
        );
    }
}
