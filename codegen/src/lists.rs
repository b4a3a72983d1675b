//! Large tables through prettyplease without parsing every code. In lookup form (more than
//! `LOOKUP_ABOVE` named codes), the long, regular lists of an expansion — the enum's variants,
//! `as_repr`'s arms, the `ALL`, `__CODES`, `ENTRIES` and by-name arrays — are written as text one
//! element per line and left out of the tokens (`Plan::list`), so that syn parses and prettyplease
//! prints only the rest; the lists are put back, indented, in place of their placeholders.
//!
//! Parsing a 10,000-code expansion with syn took 142 ms of a 260 ms `closecodes render --to
//! rust`; these lists are nearly all of its tokens (BENCHMARKS.md).

use std::cell::RefCell;

/// What a list replaced by a placeholder holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// `[a, b, ...]`
    Array,
    /// An enum's `{ A, B(u16), ... }`, with docs as `///` lines.
    Variants,
    /// A `match`'s `{ Self::A => 1, ... }`.
    Arms,
}

/// The lists left out of the tokens: each placeholder's name and the list's text.
#[derive(Default)]
pub(crate) struct SetAside(RefCell<Vec<(String, String)>>);

impl SetAside {
    /// Keeps `text` and returns the placeholder that stands for it in the tokens.
    pub(crate) fn keep(&self, shape: Shape, text: String) -> String {
        let mut lists = self.0.borrow_mut();
        let n = lists.len();
        let (name, placeholder) = match shape {
            Shape::Array => (format!("__closecodes_set_aside_{n}"), None),
            Shape::Variants => (format!("ClosecodesSetAside{n}"), None),
            Shape::Arms => {
                let name = format!("__closecodes_set_aside_{n}");
                let arm = format!("_ => {name},");
                (name, Some(arm))
            }
        };
        let placeholder = placeholder.unwrap_or_else(|| name.clone());
        lists.push((name, text));
        placeholder
    }

    /// `text` (prettyplease's) with each placeholder replaced by its list, indented as the
    /// placeholder was.
    #[cfg(feature = "render")]
    pub(crate) fn restore(&self, text: &str) -> String {
        let lists = self.0.borrow();
        let mut out = String::with_capacity(
            text.len() + lists.iter().map(|(_, t)| t.len() * 2).sum::<usize>(),
        );
        let mut lists = lists.iter().peekable();
        for line in text.lines() {
            let found = lists
                .peek()
                .filter(|(name, _)| line.contains(name.as_str()));
            let Some((name, list)) = found else {
                out.push_str(line);
                out.push('\n');
                continue;
            };
            let indent = &line[..line.len() - line.trim_start().len()];
            // `&[placeholder]` on one line; otherwise the placeholder alone on its line.
            if let Some((before, after)) = line.split_once(&format!("[{name}]")) {
                out.push_str(before);
                out.push_str("[\n");
                push_indented(&mut out, list, &format!("{indent}    "));
                out.push_str(indent);
                out.push(']');
                out.push_str(after);
                out.push('\n');
            } else {
                push_indented(&mut out, list, indent);
            }
            lists.next();
        }
        out
    }
}

#[cfg(feature = "render")]
fn push_indented(out: &mut String, list: &str, indent: &str) {
    for line in list.lines().filter(|l| !l.is_empty()) {
        out.push_str(indent);
        out.push_str(line);
        out.push('\n');
    }
}
