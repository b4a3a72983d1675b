//! The table as a Markdown page for API docs: a title, the description, one row per code, range
//! interval and documented code, ordered by number.

use closecodes_spec::Table;

use crate::code::Code;

/// A table cell: no line break, no `|` that ends the cell early.
fn cell(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

/// The page.
pub(super) fn page(table: &Table, name: &str) -> String {
    let mut out = Code::new();
    writeln!(out, "# {name}\n");
    if let Some(description) = &table.description {
        writeln!(out, "{description}\n");
    }
    out.push("| Code | Name | Reason | Description | Sendable |");
    for flag in &table.flags {
        write!(out, " `{}` |", flag.name);
    }
    out.push("\n|---:|---|---|---|:-:|");
    for _ in &table.flags {
        out.push(":-:|");
    }
    out.line("");
    let mut rows: Vec<(i128, u8, String)> = Vec::new();
    let row = |code: String,
               name: String,
               reason: Option<&str>,
               description: &str,
               sendable: bool,
               flags: &[bool]| {
        let mut line = format!(
            "| {code} | {name} | {} | {} | {} |",
            cell(reason.unwrap_or("")),
            cell(description),
            yes_no(sendable)
        );
        for set in flags {
            line.push(' ');
            line.push_str(yes_no(*set));
            line.push_str(" |");
        }
        line
    };
    for code in &table.codes {
        let line = row(
            code.value.to_string(),
            format!("`{}`", code.name),
            code.reason.as_deref(),
            &code.description,
            code.sendable,
            &code.flags,
        );
        rows.push((code.value, 0, line));
    }
    for range in &table.ranges {
        for interval in &range.intervals {
            let line = row(
                if interval.start == interval.end {
                    interval.start.to_string()
                } else {
                    format!("{}–{}", interval.start, interval.end)
                },
                format!("`{}(_)`", range.name),
                range.reason.as_deref(),
                &range.description,
                range.sendable,
                &range.flags,
            );
            rows.push((interval.start, 1, line));
        }
        for documented in &range.documented {
            let line = row(
                documented.value.to_string(),
                format!("`{}({})`", range.name, documented.value),
                documented.reason.as_deref(),
                &documented.description,
                documented.sendable,
                &documented.flags,
            );
            rows.push((documented.value, 2, line));
        }
    }
    rows.sort_by_key(|(start, rank, _)| (*start, *rank));
    for (_, _, line) in rows {
        out.line(&line);
    }
    out.into_text()
}
