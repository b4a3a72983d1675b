//! A spec's text as it may appear in the user's rustdoc: it can neither run nor inject markup.
//!
//! Descriptions are Markdown, but they come from a data file, and rustdoc treats the enum's docs
//! as the user's own: a fenced block would become a doctest of the user's crate, and raw HTML
//! (`<script>`, an unclosed `<div>`) would pass into the page.

/// A multi-line text (a description) for a doc comment: fences become `text` blocks (shown, never
/// run), an unclosed fence is closed, indentation cannot start an indented code block (also a
/// doctest), and `<` outside code is escaped.
pub(crate) fn block(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // The fence that opened the code block we are in: its character and length.
    let mut fence: Option<(char, usize)> = None;
    for (i, line) in text.lines().enumerate() {
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
                escape_html(trimmed, &mut out);
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
/// spaces, `|` cannot end the cell, and `<` outside code is escaped.
pub(crate) fn inline(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(line.len());
    escape_html(&line.replace('|', "\\|"), &mut out);
    out
}

/// A fence (three or more backticks or tildes) opening `line`, as its character and count.
fn fence_marker(line: &str) -> Option<(char, usize)> {
    let ch = line.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = line.chars().take_while(|c| *c == ch).count();
    (n >= 3).then_some((ch, n))
}

/// `text` with `<` written as `&lt;` except inside inline code spans (where rustdoc shows text
/// as it is, and an entity would show literally).
fn escape_html(text: &str, out: &mut String) {
    let mut in_code = false;
    for c in text.chars() {
        match c {
            '`' => {
                in_code = !in_code;
                out.push(c);
            }
            '<' if !in_code => out.push_str("&lt;"),
            _ => out.push(c),
        }
    }
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
