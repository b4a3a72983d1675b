//! Kotlin: one file (Kotlin 1.3 and later, `kotlinc -Werror` clean), one table per package:
//! `enum class AppCode(val code: Int)` with an entry per named code under the spec's name, and
//! in its companion object `fromCode`, a deprecated alias per former name, `ENTRIES`, a predicate
//! per flag (`isReconnectable`) and the lookups of `kotlin/Runtime.kt`, which also gives
//! `data class Entry`. Every type and annotation is named in full (`kotlin.Int`,
//! `@kotlin.jvm.JvmStatic`), so that no name of the table shadows one; the rows the lookups read
//! are private, `ENTRIES` and every `Entry.flags` read-only.

use closecodes_spec::targets::Namer;
use closecodes_spec::{PropertyKind, PropertyValue};

use super::language::{CodeWriter, RowCost, RowProperties, Runtime, Section};
use super::view::{PropertyView, wording};
use super::{CommentStyle, Text, View};
use crate::safe::{LineBreaks, block_comment_text, line_starts, quoted, visible};

/// The Kotlin target.
pub(crate) struct Kotlin;

/// The flags' names, then `Entry`, then the enum.
const ORDER: &[Section] = &[
    Section::Header,
    Section::Preamble,
    Section::TableTypes,
    Section::RuntimeTypes,
    Section::Codes,
    Section::Entries,
    Section::Predicates,
    Section::Lookups,
    Section::End,
];

/// The most named codes and aliases of a Kotlin table: a JVM enum builds its entries (and its
/// class the aliases) in one static initializer, which holds at most 64 KiB of bytecode. An entry
/// takes 25.4 bytes of it on Kotlin 1.3 and 19.5 on Kotlin 2, an alias 6 (measured with `javap`
/// on codes from 100,000: 2,606 entries compile on Kotlin 1.3.31, 3,422 on Kotlin 2.4.21).
const MAX_CODES: usize = 2_500;

/// A row's bytecode in a `rows()` of an object of rows, as kotlinc 1.3 and 2 write it: 25 bytes,
/// and 5 a flag (measured: 64.1 a row with 8 flags, 182 with 32, on Kotlin 2.4); a table's
/// properties add `propertiesOf` and its array, 18 bytes a row with one `Int` property and 9 each
/// further one, 15 with one enumerated property (measured with `javap` on rows from 40,000 with
/// values from 100,000: Kotlin 2.4.21; Kotlin 1.3.31 writes 2 bytes less).
const ROW_COST: RowCost = RowCost {
    row: 32,
    flag: 5,
    property: 20,
};

const NAMER: closecodes_spec::targets::Kotlin = closecodes_spec::targets::Kotlin;

impl Kotlin {
    /// The rows per object of rows.
    fn per_object(view: &View<'_>) -> usize {
        ROW_COST.rows_per_method(view.flags.len(), view.properties.len())
    }

    /// The type a getter of `property` returns: its enum class, or `kotlin.Int`.
    fn property_type(view: &View<'_>, property: &PropertyView<'_>) -> String {
        match property.kind {
            PropertyKind::Words(_) => NAMER.property_type(view.name, &property.words),
            PropertyKind::Integer(_) => "kotlin.Int".to_owned(),
        }
    }

    /// `value` of `property` as a Kotlin expression: `GatewayCodeAction.BackOff`, `1000`.
    fn value(view: &View<'_>, property: &PropertyView<'_>, value: PropertyValue) -> String {
        match value {
            PropertyValue::Word(at) => format!(
                "{}.{}",
                NAMER.property_type(view.name, &property.words),
                value_name(view, property, at)
            ),
            // `-2147483648` would be a `Long` (the literal is read before its sign).
            PropertyValue::Integer(n) if n == i64::from(i32::MIN) => {
                "kotlin.Int.MIN_VALUE".to_owned()
            }
            PropertyValue::Integer(n) => n.to_string(),
        }
    }

    /// How many objects of rows (`Rows0`, `Rows1`, …) the file has: at least one.
    fn rows_functions(view: &View<'_>) -> usize {
        view.rows.len().div_ceil(Kotlin::per_object(view)).max(1)
    }
}

impl CodeWriter for Kotlin {
    fn namer(&self) -> &'static dyn Namer {
        &closecodes_spec::targets::Kotlin
    }

    fn bounds(&self) -> (i128, i128) {
        (i128::from(i32::MIN), i128::from(i32::MAX))
    }

    fn comment_style(&self) -> CommentStyle {
        CommentStyle::BLOCK
    }

    /// `KDoc` text: no `*/` or `/*` (Kotlin's comments nest), no block tag at a line's start
    /// (`@return`, `@suppress`), no `[` that links a symbol.
    fn doc_text(&self, text: &str) -> String {
        let text = block_comment_text(&visible(text, true)).replace('[', "\\[");
        line_starts(&text, LineBreaks::Jvm, |line| {
            line.strip_prefix('@').map(|rest| format!("&#64;{rest}"))
        })
    }

    /// A string literal: `$` escaped (it starts a template).
    fn string(&self, text: &str) -> String {
        quoted(text, &[('$', "\\$")])
    }

    fn runtime(&self) -> Runtime {
        Runtime {
            text: include_str!("Runtime.kt"),
            comment: "//",
        }
    }

    fn max_codes(&self) -> Option<usize> {
        Some(MAX_CODES)
    }

    /// A getter of an integer property returns an `Int`.
    fn property_bounds(&self) -> Option<(i64, i64)> {
        Some((i64::from(i32::MIN), i64::from(i32::MAX)))
    }

    fn order(&self) -> &'static [Section] {
        ORDER
    }

    fn preamble(&self, out: &mut Text, view: &View<'_>) {
        let package = view.package.clone().unwrap_or_default();
        writeln!(out, "package {package}\n");
    }

    /// The flags' names; with properties, their names, `propertiesOf` (a row's values by name),
    /// and an enum class per enumerated property, an entry per value.
    fn table_types(&self, out: &mut Text, view: &View<'_>) {
        let names: Vec<String> = view.flags.iter().map(|f| self.string(f.name)).collect();
        writeln!(
            out,
            "private val FLAG_NAMES: kotlin.collections.List<kotlin.String> = kotlin.collections.listOf({})\n",
            names.join(", ")
        );
        let properties = &view.properties;
        if properties.is_empty() {
            return;
        }
        let names: Vec<String> = properties.iter().map(|p| self.string(p.name)).collect();
        writeln!(
            out,
            "private val PROPERTY_NAMES: kotlin.collections.List<kotlin.String> = kotlin.collections.listOf({})\n",
            names.join(", ")
        );
        out.push("private fun propertiesOf(vararg values: kotlin.Any): kotlin.collections.Map<kotlin.String, kotlin.Any> =\n    PROPERTY_NAMES.zip(values).toMap()\n\n");
        for property in properties {
            if property.values.is_empty() {
                continue;
            }
            let ty = Kotlin::property_type(view, property);
            let text = format!(
                "{}\n\n{} `word` is the value as the spec writes it.",
                self.doc_text(property.description),
                wording::property_type(
                    &format!("`{}`", property.name),
                    &format!("[{}.{}]", view.name, NAMER.getter(&property.words))
                ),
            );
            self.doc(out, "", &text);
            writeln!(out, "enum class {ty}(val word: kotlin.String) {{");
            let entries: Vec<String> = property
                .values
                .iter()
                .enumerate()
                .map(|(at, (word, _))| {
                    let mut entry = Text::new();
                    self.doc(&mut entry, "    ", &format!("`{word}`"));
                    let name = value_name(view, property, at);
                    write!(entry, "    {name}({})", self.string(word));
                    entry.into_string()
                })
                .collect();
            writeln!(out, "{};\n}}\n", entries.join(",\n"));
        }
    }

    /// The enum, its entries, and the start of its companion: `fromCode` and the aliases.
    fn codes(&self, out: &mut Text, view: &View<'_>) {
        let name = view.name;
        out.push("\n");
        self.doc(
            out,
            "",
            &format!(
                "{}{}",
                self.doc_text(&view.description),
                self.retired_paragraph(view)
            ),
        );
        writeln!(out, "enum class {name}(val code: kotlin.Int) {{");
        for (i, code) in view.codes.iter().enumerate() {
            self.doc(
                out,
                "    ",
                &self.code_summary(code, &format!("`{}`", code.value)),
            );
            if let Some(note) = &code.deprecated {
                writeln!(out, "    @kotlin.Deprecated({})", self.string(note));
            }
            let end = if i + 1 == view.codes.len() { ";" } else { "," };
            writeln!(out, "    {}({}){end}", code.name, code.value);
        }
        if view.codes.is_empty() {
            out.push("    ;\n");
        }
        out.push("\n    companion object {\n");
        writeln!(
            out,
            "        private val BY_CODE: kotlin.collections.Map<kotlin.Int, {name}> = values().associateBy {{ it.code }}\n"
        );
        self.doc(
            out,
            "        ",
            &format!("The named code [code], or `null` if it is not a named code of `{name}`."),
        );
        writeln!(
            out,
            "        @kotlin.jvm.JvmStatic\n        fun fromCode(code: kotlin.Int): {name}? = BY_CODE[code]\n"
        );
        for code in view.codes {
            for alias in &code.aliases {
                self.doc(
                    out,
                    "        ",
                    &wording::alias(&format!("[{}]", code.name)),
                );
                writeln!(
                    out,
                    "        @kotlin.Deprecated({}, kotlin.ReplaceWith({}))\n        @kotlin.Suppress(\"DEPRECATION\")\n        @kotlin.jvm.JvmField\n        val {alias}: {name} = {}\n",
                    self.string(&format!("renamed to {}", code.name)),
                    self.string(&code.name),
                    code.name
                );
            }
        }
    }

    /// The rows the lookups read, from objects of rows (see [`CodeWriter::end`]).
    fn entries(&self, out: &mut Text, view: &View<'_>) {
        let chunks: Vec<String> = (0..Kotlin::rows_functions(view))
            .map(|at| format!("Rows{at}.rows()"))
            .collect();
        writeln!(
            out,
            "        private val ROWS: kotlin.collections.List<entryType> = {}\n",
            chunks.join(" + ")
        );
    }

    fn predicates(&self, out: &mut Text, view: &View<'_>) {
        let namer = closecodes_spec::targets::Kotlin;
        for flag in &view.flags {
            let text = format!(
                "{}\n\n{}",
                self.doc_text(flag.description),
                wording::flag(flag.name, &flag.default.to_string(), |n| format!("`{n}`"))
            );
            self.doc(out, "        ", &text);
            writeln!(
                out,
                "        @kotlin.jvm.JvmStatic\n        fun {}(code: kotlin.Int): kotlin.Boolean = describe(code)?.flags?.get({}) ?: false\n",
                namer.predicate(&flag.words),
                self.string(flag.name)
            );
        }
        for property in &view.properties {
            let default = property.written(property.default);
            let text = format!(
                "{}\n\n{}",
                self.doc_text(property.description),
                wording::property(property.name, &default, |n| format!("`{n}`"))
            );
            self.doc(out, "        ", &text);
            let ty = Kotlin::property_type(view, property);
            writeln!(
                out,
                "        @kotlin.jvm.JvmStatic\n        fun {}(code: kotlin.Int): {ty} =\n            describe(code)?.properties?.get({}) as {ty}? ?: {}\n",
                NAMER.getter(&property.words),
                self.string(property.name),
                Kotlin::value(view, property, property.default)
            );
        }
    }

    /// The end of the companion and the enum, then the rows, in private objects of at most 400
    /// rows each, fewer with many flags ([`RowCost::rows_per_method`]): a JVM method holds at
    /// most 64 KiB of bytecode (one `listOf` of 10,000 rows breaks it), and a class at most
    /// 65,535 constants (each object is a class of its own, so tens of thousands of documented
    /// codes fit).
    fn end(&self, out: &mut Text, view: &View<'_>) {
        out.push("    }\n}\n");
        let row_values = RowProperties::new(view, Kotlin::value, "propertiesOf");
        let per = Kotlin::per_object(view);
        for at in 0..Kotlin::rows_functions(view) {
            let chunk = view.rows.iter().skip(at * per).take(per);
            writeln!(
                out,
                "\nprivate object Rows{at} {{\n    fun rows(): kotlin.collections.List<entryType> = kotlin.collections.listOf("
            );
            let rows: Vec<String> = chunk
                .map(|row| {
                    let values = row_values.of(view, row);
                    format!("        entryOf({})", self.row_arguments(row, values))
                })
                .collect();
            if !rows.is_empty() {
                writeln!(out, "{}", rows.join(",\n"));
            }
            out.push("    )\n}\n");
        }
    }
}

/// The name of the value at `at` of an enumerated property, as the namer spells it: `BackOff`.
fn value_name(view: &View<'_>, property: &PropertyView<'_>, at: usize) -> String {
    property
        .values
        .get(at)
        .and_then(|(_, words)| NAMER.property_value(view.name, &property.words, words))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use closecodes_spec::{NoFiles, Source, load};

    use crate::render::{Format, RenderError, render};

    /// A `u32` property's value above `Int`'s greatest is refused by the JVM targets, whose
    /// getters return an `Int`, with the property and the value named; C# returns a `uint`.
    #[test]
    fn a_u32_value_past_an_int_is_refused_on_the_jvm() {
        let spec = |value: u64| {
            format!(
                "[[property]]\nname = \"retry_after_ms\"\ndescription = \"p\"\ntype = \"u32\"\n[[code]]\ncode = 1\nname = \"One\"\ndescription = \"d\"\nset = {{ retry_after_ms = {value} }}\n"
            )
        };
        let past = load(&Source::inline(spec(2_147_483_648)), &mut NoFiles).expect("checks");
        for format in [Format::Kotlin, Format::Java] {
            let refused = render(format, &past, "Chat", "c.toml");
            let Err(RenderError::PropertyValue {
                property, value, ..
            }) = &refused
            else {
                panic!("{format}: {refused:?}")
            };
            assert_eq!(
                (property.as_str(), *value),
                ("retry_after_ms", 2_147_483_648)
            );
            let message = refused.unwrap_err().to_string();
            assert!(message.contains("2147483648"), "{message}");
        }
        let csharp = render(Format::CSharp, &past, "Chat", "c.toml").expect("renders");
        assert!(csharp.contains("(uint)2147483648"), "{csharp}");
        // The greatest `Int` renders, as `2147483647`.
        let most = load(&Source::inline(spec(2_147_483_647)), &mut NoFiles).expect("checks");
        for format in [Format::Kotlin, Format::Java] {
            let text = render(format, &most, "Chat", "c.toml").expect("renders");
            assert!(text.contains("propertiesOf(2147483647)"), "{format}");
        }
    }

    /// A property's enum is a JVM enum too: more values than the target's named codes are
    /// refused (2,500 in Kotlin, 3,000 in Java); C# takes any number.
    #[test]
    fn an_enum_of_more_values_than_a_jvm_enum_holds_is_refused() {
        let spec = |count: usize| {
            let words: Vec<String> = (0..count).map(|i| format!("\"v{i}\"")).collect();
            let text = format!(
                "[[property]]\nname = \"action\"\ndescription = \"p\"\nvalues = [{}]\n",
                words.join(", ")
            );
            load(&Source::inline(text), &mut NoFiles).expect("checks")
        };
        let (kotlin, java) = (spec(2_501), spec(3_001));
        for (format, table, max) in [
            (Format::Kotlin, &kotlin, 2_500),
            (Format::Java, &java, 3_000),
        ] {
            let refused = render(format, table, "Chat", "c.toml");
            let Err(RenderError::TooManyValues {
                values, max: most, ..
            }) = refused
            else {
                panic!("{format}: {refused:?}")
            };
            assert_eq!((values, most), (max + 1, max), "{format}");
        }
        render(Format::Java, &kotlin, "Chat", "c.toml").expect("Java takes 2,501 values");
        render(Format::CSharp, &java, "Chat", "c.toml").expect("C# takes 3,001 values");
    }
}
