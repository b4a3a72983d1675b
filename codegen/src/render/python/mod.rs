//! Python: one module for Python 3.10 and later, clean under `mypy --strict` and `ruff check`:
//! an `enum.IntEnum` of the named codes (members in Python's style, `SESSION_TIMED_OUT`; aliases
//! as members of the same value), `ENTRIES`, a predicate per flag (`is_reconnectable`), and from
//! `python/runtime.py` the imports (under private names, so that no name of the table shadows
//! them), the frozen dataclass `Entry` and the lookups `describe` and `from_wire`. Open: any int
//! is a valid argument.

use std::cmp::Ordering;

use closecodes_spec::targets::Namer;

use super::language::{CodeWriter, Runtime, Section};
use super::view::{ValueSpelling, wording};
use super::{CommentStyle, Text, View};
use crate::safe::{LineBreaks, escape_char, is_adornment, line_starts, quoted};

/// The Python target.
pub(crate) struct Python;

/// What a string or docstring escapes besides [`closecodes_spec::needs_escape`]'s characters:
/// the zero-width space, which ruff refuses as itself in a string (`PLE2515`; the other
/// characters of `PLE2510`–`PLE2514`, backspace, SUB, ESC and NUL, are control characters). A
/// docstring is not raw, so its value keeps the character.
const EXTRA: &[(char, &str)] = &[('\u{200b}', "\\u200b")];

/// Header and docstring first, then the imports (ruff's E402), then `__all__` and the data.
const ORDER: &[Section] = &[
    Section::Header,
    Section::Preamble,
    Section::RuntimeTypes,
    Section::TableTypes,
    Section::Codes,
    Section::Entries,
    Section::Predicates,
    Section::Lookups,
];

impl Python {
    /// A name as code in a docstring.
    fn code(name: &str) -> String {
        format!("`{name}`")
    }

    /// `_PROPERTY_NAMES` for `Entry.properties`, and a `StrEnum` per enumerated property.
    fn property_types(&self, out: &mut Text, view: &View<'_>) {
        if view.properties.is_empty() {
            return;
        }
        let keys: Vec<String> = view
            .properties
            .iter()
            .map(|p| self.string(p.name))
            .collect();
        writeln!(
            out,
            "_PROPERTY_NAMES: _Final[tuple[str, ...]] = ({}{})\n",
            keys.join(", "),
            if keys.len() == 1 { "," } else { "" }
        );
        out.push("\n");
        let namer = closecodes_spec::targets::Python;
        for property in &view.properties {
            if property.values.is_empty() {
                continue;
            }
            writeln!(
                out,
                "class {}(_StrEnum):",
                namer.property_type(view.name, &property.words)
            );
            let doc = format!(
                "{}\n\n{}",
                self.doc_text(property.description),
                wording::property_type(
                    &Python::code(property.name),
                    &Python::code(&namer.getter(&property.words))
                )
            );
            self.doc(out, "    ", &doc);
            out.push("\n");
            for (word, words) in &property.values {
                writeln!(
                    out,
                    "    {} = {}",
                    namer
                        .property_value(view.name, &property.words, words)
                        .unwrap_or_default(),
                    self.string(word)
                );
            }
            out.push("\n\n");
        }
    }

    /// The public names the flags and properties add: predicates, getters, property types.
    fn names(view: &View<'_>) -> Vec<String> {
        let namer = closecodes_spec::targets::Python;
        view.flags
            .iter()
            .map(|f| namer.predicate(&f.words))
            .chain(view.properties.iter().flat_map(|p| {
                let ty = (!p.values.is_empty()).then(|| namer.property_type(view.name, &p.words));
                std::iter::once(namer.getter(&p.words)).chain(ty)
            }))
            .collect()
    }

    /// A property's value as Python writes it: the member of its enum, or the integer.
    fn value(
        view: &View<'_>,
        property: &super::view::PropertyView<'_>,
        value: closecodes_spec::PropertyValue,
    ) -> String {
        let namer = closecodes_spec::targets::Python;
        match value {
            closecodes_spec::PropertyValue::Word(at) => {
                let words = property.values.get(at).map(|v| &v.1);
                format!(
                    "{}.{}",
                    namer.property_type(view.name, &property.words),
                    words
                        .and_then(|w| namer.property_value(view.name, &property.words, w))
                        .unwrap_or_default()
                )
            }
            closecodes_spec::PropertyValue::Integer(n) => n.to_string(),
        }
    }
}

/// ruff's RUF022 order of `__all__` (isort's): constants, then classes, then the rest, each in
/// natural order (`is_x2` before `is_x10`).
fn isort_key(name: &str) -> u8 {
    let cased = name.chars().any(|c| c.is_ascii_alphabetic());
    if name.len() > 1 && cased && !name.chars().any(|c| c.is_ascii_lowercase()) {
        0
    } else if name.starts_with(|c: char| c.is_ascii_uppercase()) {
        1
    } else {
        2
    }
}

/// Natural order: runs of digits compare as numbers.
fn natural(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        match (a.chars().next(), b.chars().next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let da = a.len() - a.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                let db = b.len() - b.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                let (na, nb) = (
                    a[..da].trim_start_matches('0'),
                    b[..db].trim_start_matches('0'),
                );
                let order = na.len().cmp(&nb.len()).then_with(|| na.cmp(nb));
                if order != Ordering::Equal {
                    return order;
                }
                (a, b) = (&a[da..], &b[db..]);
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(&y);
                }
                (a, b) = (&a[x.len_utf8()..], &b[y.len_utf8()..]);
            }
        }
    }
}

impl CodeWriter for Python {
    fn namer(&self) -> &'static dyn Namer {
        &closecodes_spec::targets::Python
    }

    fn bounds(&self) -> (i128, i128) {
        (i128::MIN, i128::MAX)
    }

    fn line_comment(&self) -> &'static str {
        "#"
    }

    /// Docstrings are not comments: [`CodeWriter::doc`] writes them.
    fn comment_style(&self) -> CommentStyle {
        CommentStyle::SLASHES
    }

    /// Text inside a docstring: `\` and `"` escaped (no text ends it), control characters and the
    /// zero-width space as escapes (see [`EXTRA`]); and for Sphinx and doctest, no line (at any
    /// break of `str.splitlines()`, U+2028 included) that starts a doctest (`>>>`), a directive
    /// or comment (`..`) or a section adornment, and no backtick or `|` that starts a role,
    /// interpreted text or a substitution (each backslash-escaped, as reST reads them).
    fn doc_text(&self, text: &str) -> String {
        // The docstring's value, as reST reads it.
        let mut value = String::with_capacity(text.len() + 8);
        for c in text.chars() {
            match c {
                '\\' => value.push_str("\\\\"),
                '`' | '|' => {
                    value.push('\\');
                    value.push(c);
                }
                c => value.push(c),
            }
        }
        // Lines as docutils and doctest split the value, at any of Python's line breaks.
        let value = line_starts(&value, LineBreaks::Python, |line| {
            (line.starts_with(">>>") || line.starts_with("..") || is_adornment(line))
                .then(|| format!("\\{line}"))
        });
        // The value as the inside of a string literal; newlines stay.
        let mut out = String::with_capacity(value.len() + 8);
        for c in value.chars() {
            if c == '\n' {
                out.push('\n');
            } else {
                escape_char(&mut out, c, EXTRA);
            }
        }
        out
    }

    fn string(&self, text: &str) -> String {
        quoted(text, EXTRA)
    }

    fn runtime(&self) -> Runtime {
        Runtime {
            text: include_str!("runtime.py"),
            comment: "#",
        }
    }

    fn order(&self) -> &'static [Section] {
        ORDER
    }

    /// A docstring at `indent`: continuation lines at the indentation of the quotes, blank lines
    /// without trailing spaces.
    fn doc(&self, out: &mut Text, indent: &str, text: &str) {
        let body = text
            .split('\n')
            .enumerate()
            .map(|(i, line)| {
                if i == 0 || line.is_empty() {
                    line.to_owned()
                } else {
                    format!("{indent}{line}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        if body.contains('\n') {
            writeln!(out, "{indent}\"\"\"{body}\n{indent}\"\"\"");
        } else {
            writeln!(out, "{indent}\"\"\"{body}\"\"\"");
        }
    }

    fn preamble(&self, out: &mut Text, view: &View<'_>) {
        let text = format!(
            "{}\n\nThe named codes are {}; `describe`, `from_wire` and the predicates take any int.{}",
            self.doc_text(&view.description),
            Python::code(view.name),
            self.retired_paragraph(view)
        );
        self.doc(out, "", &text);
        out.push("\n");
    }

    /// `__all__`, and the flags' names for `Entry.flags`.
    fn table_types(&self, out: &mut Text, view: &View<'_>) {
        let mut public: Vec<String> = ["ENTRIES", "Entry", "describe", "from_wire"]
            .into_iter()
            .map(str::to_owned)
            .chain([view.name.to_owned()])
            .chain(Python::names(view))
            .collect();
        public.sort_by(|a, b| isort_key(a).cmp(&isort_key(b)).then_with(|| natural(a, b)));
        let listed: Vec<String> = public.iter().map(|p| format!("\"{p}\"")).collect();
        writeln!(out, "\n__all__ = [{}]\n", listed.join(", "));
        let names: Vec<String> = view.flags.iter().map(|f| self.string(f.name)).collect();
        writeln!(
            out,
            "_FLAG_NAMES: _Final[tuple[str, ...]] = ({}{})\n\n",
            names.join(", "),
            if names.len() == 1 { "," } else { "" }
        );
        Python::property_types(self, out, view);
    }

    /// The `IntEnum` of the named codes; an alias is a member of the same value.
    fn codes(&self, out: &mut Text, view: &View<'_>) {
        let namer = closecodes_spec::targets::Python;
        writeln!(out, "class {}(_enum.IntEnum):", view.name);
        self.doc(out, "    ", &self.doc_text(&view.description));
        for code in view.codes {
            let member = namer.code(view.name, &code.name);
            writeln!(out, "\n    {member} = {}", code.value);
            let mut text = self.code_summary(code, &format!("`{}`", code.value));
            if let Some(note) = &code.deprecated {
                text = format!("{text}\n\nDeprecated: {}", self.doc_text(note));
            }
            self.doc(out, "    ", &text);
            for alias in &code.aliases {
                writeln!(
                    out,
                    "\n    {} = {}",
                    namer.code(view.name, alias),
                    code.value
                );
                self.doc(
                    out,
                    "    ",
                    &format!("Deprecated. {}", wording::alias(&Python::code(&member))),
                );
            }
        }
        out.push("\n\n");
    }

    fn entries(&self, out: &mut Text, view: &View<'_>) {
        out.push("ENTRIES: _Final[tuple[Entry, ...]] = (\n");
        let spelling = ValueSpelling::new(
            view,
            |_, _| ", ".to_owned(),
            |p, at| Python::value(view, p, closecodes_spec::PropertyValue::Word(at)),
        );
        for row in &view.rows {
            let reason = row
                .reason
                .map_or_else(|| "None".to_owned(), |r| self.string(r));
            let flags: String = row
                .flags
                .iter()
                .map(|set| if *set { ", True" } else { ", False" })
                .collect();
            let mut properties = String::new();
            if !view.properties.is_empty() {
                properties.push_str(", _properties(_PROPERTY_NAMES");
                spelling.write(&mut properties, row.properties);
                properties.push(')');
            }
            writeln!(
                out,
                "    Entry(\"{}\", \"{}\", {}, {}, {reason}, {}, {}, _flags(_FLAG_NAMES{flags}){properties}),",
                super::kind_name(row.kind),
                row.variant,
                row.start,
                row.end,
                self.string(row.description),
                if row.sendable { "True" } else { "False" },
            );
        }
        out.push(")\n");
        self.doc(out, "", wording::ENTRIES);
        out.push("\n");
    }

    fn predicates(&self, out: &mut Text, view: &View<'_>) {
        let namer = closecodes_spec::targets::Python;
        for flag in &view.flags {
            writeln!(
                out,
                "\ndef {}(code: int) -> bool:",
                namer.predicate(&flag.words)
            );
            let default = if flag.default { "True" } else { "False" };
            let text = format!(
                "{}\n\n{}",
                self.doc_text(flag.description),
                wording::flag(flag.name, default, Python::code)
            );
            self.doc(out, "    ", &text);
            writeln!(
                out,
                "    entry = describe(code)\n    return entry is not None and entry.flags[{}]\n",
                self.string(flag.name)
            );
        }
        for property in &view.properties {
            let enumerated = !property.values.is_empty();
            let ty = if enumerated {
                namer.property_type(view.name, &property.words)
            } else {
                "int".to_owned()
            };
            writeln!(
                out,
                "\ndef {}(code: int) -> {ty}:",
                namer.getter(&property.words)
            );
            let text = format!(
                "{}\n\n{}",
                self.doc_text(property.description),
                wording::property(
                    property.name,
                    &property.written(property.default),
                    Python::code
                )
            );
            self.doc(out, "    ", &text);
            let default = Python::value(view, property, property.default);
            let key = self.string(property.name);
            writeln!(
                out,
                "    entry = describe(code)\n    if entry is None:\n        return {default}"
            );
            if enumerated {
                writeln!(out, "    return {ty}(str(entry.properties[{key}]))\n");
            } else {
                writeln!(out, "    return int(entry.properties[{key}])\n");
            }
        }
        out.push("\n");
    }
}

#[cfg(test)]
mod tests {
    use super::natural;
    use std::cmp::Ordering;

    #[test]
    fn natural_order_compares_numbers() {
        assert_eq!(natural("is_x2", "is_x10"), Ordering::Less);
        assert_eq!(natural("a", "b"), Ordering::Less);
        assert_eq!(natural("x10", "x10"), Ordering::Equal);
    }
}
