//! Kotlin: one file (Kotlin 1.3 and later, `kotlinc -Werror` clean), one table per package:
//! `enum class AppCode(val code: Int)` with an entry per named code under the spec's name, and
//! in its companion object `fromCode`, `ENTRIES`, `describe`, `fromWire` and a predicate per flag
//! (`isReconnectable`); `data class Entry` beside it; the lookups of `kotlin/Runtime.kt`.

use std::fmt::Write as _;

use closecodes_spec::{RowKind, Words};

use super::{Language, RenderError, Text, View};

/// The Kotlin target.
pub(crate) struct Kotlin;

/// Hard keywords, the types the file names, and the names it defines whatever the table.
const RESERVED: &[&str] = &[
    "as",
    "break",
    "class",
    "continue",
    "do",
    "else",
    "false",
    "for",
    "fun",
    "if",
    "in",
    "interface",
    "is",
    "null",
    "object",
    "package",
    "return",
    "super",
    "this",
    "throw",
    "true",
    "try",
    "typealias",
    "typeof",
    "val",
    "var",
    "when",
    "while",
    "Int",
    "String",
    "Boolean",
    "Map",
    "List",
    "Any",
    "Unit",
    "Nothing",
    "Entry",
    "Companion",
    "Entry_",
];

impl Kotlin {
    fn predicate(words: &Words) -> String {
        format!("is{}", words.pascal())
    }

    /// Whether `name` is a package name: identifiers separated by dots, none a hard keyword.
    pub(crate) fn is_package(name: &str) -> bool {
        !name.is_empty()
            && name.split('.').all(|part| {
                part.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                    && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    && !RESERVED[..28].contains(&part)
            })
    }

    /// The default package: the table's name in lower case.
    fn package(name: &str) -> String {
        name.to_ascii_lowercase()
    }
}

impl Language for Kotlin {
    fn name(&self) -> &'static str {
        "Kotlin"
    }

    fn reserved(&self) -> &'static [&'static str] {
        RESERVED
    }

    fn defined(&self, view: &View<'_>) -> Vec<String> {
        [
            "entry",
            "FLAG_NAMES",
            "BY_CODE",
            "POINTS",
            "RANGES",
            "fromCode",
            "describe",
            "fromWire",
        ]
        .into_iter()
        .map(str::to_owned)
        .chain(view.flags.iter().map(|f| Kotlin::predicate(&f.words)))
        .collect()
    }

    /// The rule of every language, and no code named like the table (an enum entry named like
    /// its enum does not compile).
    fn table_name(&self, name: &str, view: &View<'_>) -> Result<(), RenderError> {
        super::default_table_name(self, name, view)?;
        if let Some(code) = view.codes.iter().find(|c| c.name == name) {
            return Err(RenderError::Name {
                name: name.to_owned(),
                target: self.name(),
                reason: format!(
                    "code {} is named so, and a Kotlin enum entry cannot take its enum's name; expected another name",
                    code.value
                ),
            });
        }
        Ok(())
    }

    /// A string literal: `$` escaped (it starts a template), control characters, line
    /// separators and bidirectional controls as `\uXXXX`.
    fn string(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 2);
        out.push('"');
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '$' => out.push_str("\\$"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                c if closecodes_spec::needs_escape(c) => {
                    let _ = write!(out, "\\u{:04x}", u32::from(c));
                }
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }

    /// `KDoc`: every line prefixed; Kotlin's block comments nest, so neither `*/` nor `/*` of the
    /// text survives as such.
    fn doc(&self, out: &mut Text, indent: &str, text: &str) {
        let text = crate::docs::visible(text, true)
            .replace("*/", "* /")
            .replace("/*", "/ *");
        writeln!(out, "{indent}/**");
        for line in text.split('\n') {
            if line.is_empty() {
                writeln!(out, "{indent} *");
            } else {
                writeln!(out, "{indent} * {line}");
            }
        }
        writeln!(out, "{indent} */");
    }

    fn file(&self, view: &View<'_>) -> Result<String, RenderError> {
        if let Some(value) = view
            .rows
            .iter()
            .flat_map(|r| [r.start, r.end])
            .find(|v| i32::try_from(*v).is_err())
        {
            return Err(RenderError::Number {
                value,
                target: self.name(),
                largest: i128::from(i32::MAX),
            });
        }
        let name = view.name;
        let package = view
            .package
            .map_or_else(|| Kotlin::package(name), str::to_owned);
        let mut out = Text::new();
        writeln!(
            out,
            "// Generated by closecodes from `{}`; do not edit. Regenerate with\n// `closecodes render --to kotlin`.\n",
            view.source
        );
        writeln!(out, "package {package}\n");
        self.entry_class(&mut out, view);
        self.enum_decl(&mut out, view);
        self.companion(&mut out, view);
        let runtime = include_str!("kotlin/Runtime.kt");
        let body = runtime
            .split_once("    // closecodes: runtime\n")
            .and_then(|(_, rest)| rest.split_once("    // closecodes: end\n"))
            .map_or("", |(body, _)| body);
        for line in body.lines() {
            if line.is_empty() {
                out.push("\n");
            } else {
                writeln!(out, "    {line}");
            }
        }
        out.push("    }\n}\n");
        Ok(out.into_string())
    }
}

impl Kotlin {
    /// `data class Entry` and its private factory.
    fn entry_class(&self, out: &mut Text, view: &View<'_>) {
        self.doc(
            out,
            "",
            "A named code, a range interval, or a code documented in a range.",
        );
        out.push("data class Entry(\n    val kind: String,\n");
        out.push("    /** The variant that holds the code (the range's, for a range or a documented code). */\n    val variant: String,\n");
        out.push("    val start: Int,\n    val end: Int,\n    val reason: String?,\n    val description: String,\n");
        out.push(
            "    /** Whether the code may be sent on the wire. */\n    val sendable: Boolean,\n",
        );
        out.push(
            "    /** The table's flags, by name. */\n    val flags: Map<String, Boolean>\n)\n\n",
        );
        let names: Vec<String> = view.flags.iter().map(|f| self.string(f.name)).collect();
        writeln!(
            out,
            "private val FLAG_NAMES: List<String> = listOf({})\n\n// `Entry` inside the enum, where a code named `Entry` would shadow the class.\nprivate typealias Entry_ = Entry\n",
            names.join(", ")
        );
        out.push("private fun entry(\n    kind: String,\n    variant: String,\n    start: Int,\n    end: Int,\n    reason: String?,\n    description: String,\n    sendable: Boolean,\n    vararg flags: Boolean\n): Entry = Entry(kind, variant, start, end, reason, description, sendable, FLAG_NAMES.zip(flags.toList()).toMap())\n\n");
    }

    /// The enum and its entries.
    fn enum_decl(&self, out: &mut Text, view: &View<'_>) {
        let name = view.name;
        self.doc(
            out,
            "",
            &format!("{}{}", view.description, view.retired_text()),
        );
        writeln!(out, "enum class {name}(val code: Int) {{");
        for (i, code) in view.codes.iter().enumerate() {
            let reason = code
                .reason
                .as_deref()
                .map_or(String::new(), |r| format!(" {r}:"));
            self.doc(
                out,
                "    ",
                &format!("`{}`{reason} {}", code.value, code.description),
            );
            if let Some(note) = &code.deprecated {
                writeln!(out, "    @Deprecated({})", self.string(note));
            }
            let end = if i + 1 == view.codes.len() { ";" } else { "," };
            writeln!(out, "    {}({}){end}", code.name, code.value);
        }
        if view.codes.is_empty() {
            out.push("    ;\n");
        }
    }

    /// The companion object's data and predicates (the lookups follow).
    fn companion(&self, out: &mut Text, view: &View<'_>) {
        let name = view.name;
        out.push("\n    companion object {\n");
        out.push("        private val BY_CODE: Map<Int, ");
        writeln!(out, "{name}> = values().associateBy {{ it.code }}\n");
        self.doc(
            out,
            "        ",
            &format!("The named code [code], or `null` if it is not a named code of `{name}`."),
        );
        writeln!(
            out,
            "        @JvmStatic\n        fun fromCode(code: Int): {name}? = BY_CODE[code]\n"
        );
        self.doc(
            out,
            "        ",
            "Every named code, range interval and documented code, ordered by number.",
        );
        out.push("        @JvmField\n        val ENTRIES: List<Entry_> = listOf(\n");
        for (i, row) in view.rows.iter().enumerate() {
            let kind = match row.kind {
                RowKind::Code => "code",
                RowKind::Range => "range",
                RowKind::Documented => "documented",
            };
            let reason = row
                .reason
                .map_or_else(|| "null".to_owned(), |r| self.string(r));
            let mut args = vec![
                self.string(kind),
                self.string(row.variant),
                row.start.to_string(),
                row.end.to_string(),
                reason,
                self.string(row.description),
                row.sendable.to_string(),
            ];
            args.extend(row.flags.iter().map(ToString::to_string));
            let comma = if i + 1 == view.rows.len() { "" } else { "," };
            writeln!(out, "            entry({}){comma}", args.join(", "));
        }
        out.push("        )\n\n");
        for flag in &view.flags {
            self.doc(
                out,
                "        ",
                &format!(
                    "{}\n\nFlag `{}`; codes that do not set it: `{}`. False for a number that is not a code.",
                    flag.description, flag.name, flag.default
                ),
            );
            writeln!(
                out,
                "        @JvmStatic\n        fun {}(code: Int): Boolean = describe(code)?.flags?.get({}) ?: false\n",
                Kotlin::predicate(&flag.words),
                self.string(flag.name)
            );
        }
    }
}
