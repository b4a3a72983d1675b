//! The table as a Markdown page for API docs: a title, the description, one row per code, range
//! interval and documented code ([`Table::rows`](closecodes_spec::Table::rows)), ordered by
//! number. No spec text can change the page's structure outside its place: cells are one line
//! with `|`, `\` and `<` escaped; the description cannot open a heading, an unclosed fence or
//! raw HTML.

use closecodes_spec::RowKind;

use closecodes_spec::targets::Namer;

use super::language::Writer;
use super::view::interval_text;
use super::{RenderError, Text, View};
use crate::docs::code_spans;
use crate::safe::visible;

/// The Markdown target.
pub(crate) struct Markdown;

fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

impl Markdown {
    /// A table cell: one line, no `|` that ends the cell early, no `\` that escapes our `|`, no
    /// HTML; code spans kept.
    fn cell(text: &str) -> String {
        let line = visible(
            &text.split_whitespace().collect::<Vec<_>>().join(" "),
            false,
        );
        let mut out = String::with_capacity(line.len());
        for (code, part) in code_spans(&line) {
            if code {
                out.push_str(&part.replace('|', "\\|"));
            } else {
                for c in part.chars() {
                    match c {
                        '\\' => out.push_str("\\\\"),
                        '|' => out.push_str("\\|"),
                        '<' => out.push_str("&lt;"),
                        _ => out.push(c),
                    }
                }
            }
        }
        out
    }

    /// A paragraph: the description's Markdown, with fences closed and shown as text, HTML
    /// escaped, and no line that becomes a heading or a rule.
    fn paragraph(out: &mut Text, text: &str) {
        for line in crate::docs::block(text).split('\n') {
            let body = line.trim_start();
            let structural = body.starts_with('#')
                || (!body.is_empty() && body.chars().all(|c| "=-*_ \t".contains(c)));
            if structural {
                writeln!(out, "\\{body}");
            } else {
                writeln!(out, "{line}");
            }
        }
        out.push("\n");
    }
}

impl Writer for Markdown {
    fn namer(&self) -> Option<&'static dyn Namer> {
        None
    }

    fn file(&self, view: &View<'_>) -> Result<String, RenderError> {
        let mut out = Text::new();
        writeln!(out, "# {}\n", view.name);
        Markdown::paragraph(&mut out, &view.description);
        out.push("| Code | Name | Reason | Description | Sendable |");
        for flag in &view.flags {
            write!(out, " `{}` |", flag.name);
        }
        for property in &view.properties {
            write!(out, " `{}` |", property.name);
        }
        out.push("\n|---:|---|---|---|:-:|");
        for _ in &view.flags {
            out.push(":-:|");
        }
        // Words to the left, numbers to the right.
        for property in &view.properties {
            out.push(if property.values.is_empty() {
                "---:|"
            } else {
                "---|"
            });
        }
        out.push("\n");
        for row in &view.rows {
            let (code, name) = match row.kind {
                RowKind::Code => (
                    row.start.to_string(),
                    match row.deprecated {
                        Some(note) => {
                            format!("`{}` (deprecated: {})", row.variant, Markdown::cell(note))
                        }
                        None => format!("`{}`", row.variant),
                    },
                ),
                _ if row.start == row.end => (
                    row.start.to_string(),
                    format!("`{}({})`", row.variant, row.start),
                ),
                _ => (
                    format!("{}–{}", row.start, row.end),
                    format!("`{}(_)`", row.variant),
                ),
            };
            write!(
                out,
                "| {code} | {name} | {} | {} | {} |",
                Markdown::cell(row.reason.unwrap_or("")),
                Markdown::cell(row.description),
                yes_no(row.sendable)
            );
            for set in row.flags {
                write!(out, " {} |", yes_no(*set));
            }
            for (property, value) in view.properties.iter().zip(row.properties) {
                match value {
                    closecodes_spec::PropertyValue::Word(_) => {
                        write!(out, " `{}` |", property.written(*value));
                    }
                    closecodes_spec::PropertyValue::Integer(n) => write!(out, " {n} |"),
                }
            }
            out.push("\n");
        }
        if !view.retired().is_empty() {
            out.push("\n## Retired\n\nNumbers and names never to be used again.\n\n| Codes | Names | Why |\n|---|---|---|\n");
            for retired in view.retired() {
                let codes: Vec<String> = retired.intervals.iter().map(interval_text).collect();
                let names: Vec<String> = retired.names.iter().map(|n| format!("`{n}`")).collect();
                writeln!(
                    out,
                    "| {} | {} | {} |",
                    codes.join(", "),
                    names.join(", "),
                    Markdown::cell(&retired.note)
                );
            }
        }
        Ok(out.into_string())
    }
}
