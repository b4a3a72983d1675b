//! Java 17: one file, one public type, `javac -Xlint:all -Werror` clean: `public enum AppCode`
//! with a constant per named code in upper case (`UNAUTHORIZED`), `code()`, a deprecated static
//! field per alias, `fromCode`, a predicate per flag (`isReconnectable(int)`), the rows, and from
//! `java/Runtime.java` the nested `record Entry` and the lookups `describe` and `fromWire`, which
//! return `Optional<Entry>`. The rows are built in nested classes of at most 400 rows each (fewer
//! with many flags), so that no method or constant pool of a class reaches the JVM's limits.

use std::fmt::Write as _;

use closecodes_spec::targets::Namer;
use closecodes_spec::{PropertyKind, PropertyValue};

use super::language::{CodeWriter, RowCost, RowProperties, Runtime, Section};
use super::view::{PropertyView, wording};
use super::{CommentStyle, Text, View};
use crate::safe::{escape_char, html, visible};

/// The Java target.
pub(crate) struct Java;

/// The constants first (Java's rule), then the flags' names, `Entry`, the rows and the lookups.
const ORDER: &[Section] = &[
    Section::Header,
    Section::Preamble,
    Section::Codes,
    Section::TableTypes,
    Section::RuntimeTypes,
    Section::Entries,
    Section::Predicates,
    Section::Lookups,
    Section::End,
];

/// A row's bytecode in a nested class's initializer, as javac 17 writes it: 28 bytes, and 5 a
/// flag (measured: 27.75 and 5 a row); a table's properties add `propertiesOf` and its array, 16
/// bytes a row with one `Integer` property and 9 each further one, 13 with one enumerated
/// property (measured with `javap` on rows from 40,000 with values from 100,000).
const ROW_COST: RowCost = RowCost {
    row: 32,
    flag: 5,
    property: 18,
};

/// The most named codes and aliases of a Java enum: it builds its constants (and the aliases) in
/// one static initializer, which holds at most 64 KiB of bytecode. A constant takes 19 bytes of
/// it, an alias 6 (measured with `javap` on javac 17 and codes from 100,000: 3,400 constants
/// compile, 3,500 do not).
const MAX_CODES: usize = 3_000;

const NAMER: closecodes_spec::targets::Java = closecodes_spec::targets::Java;

impl Java {
    /// The rows per nested class.
    fn per_class(view: &View<'_>) -> usize {
        ROW_COST.rows_per_method(view.flags.len(), view.properties.len())
    }

    /// The type a getter of `property` returns: its nested enum, or `int`.
    fn property_type(view: &View<'_>, property: &PropertyView<'_>) -> String {
        match property.kind {
            PropertyKind::Words(_) => NAMER.property_type(view.name, &property.words),
            PropertyKind::Integer(_) => "int".to_owned(),
        }
    }

    /// The name of the constant of `property`'s enum for the word at `at`: `BACK_OFF`.
    fn constant(view: &View<'_>, property: &PropertyView<'_>, at: usize) -> String {
        property
            .values
            .get(at)
            .and_then(|(_, words)| NAMER.property_value(view.name, &property.words, words))
            .unwrap_or_default()
    }

    /// `value` of `property` as a Java expression: `Action.BACK_OFF`, `1000`.
    fn value(view: &View<'_>, property: &PropertyView<'_>, value: PropertyValue) -> String {
        match value {
            PropertyValue::Word(at) => format!(
                "{}.{}",
                Java::property_type(view, property),
                Java::constant(view, property, at)
            ),
            PropertyValue::Integer(n) => n.to_string(),
        }
    }

    fn classes(view: &View<'_>) -> usize {
        view.rows.len().div_ceil(Java::per_class(view)).max(1)
    }
}

impl CodeWriter for Java {
    fn namer(&self) -> &'static dyn Namer {
        &closecodes_spec::targets::Java
    }

    fn bounds(&self) -> (i128, i128) {
        (i128::from(i32::MIN), i128::from(i32::MAX))
    }

    fn comment_style(&self) -> CommentStyle {
        CommentStyle::BLOCK
    }

    /// The header's lines with every `\` written `\u005c`: javac reads `\u` escapes before
    /// comments, so a path such as `x\u000apackage p;…` would end the comment and add code. A
    /// backslash that javac makes of `\u005c` starts no escape, so the comment holds the path.
    fn header(&self, out: &mut Text, view: &View<'_>) {
        for line in &view.header {
            writeln!(
                out,
                "{} {}",
                self.line_comment(),
                line.replace('\\', "\\u005c")
            );
        }
        out.push("\n");
    }

    /// Javadoc text: HTML escaped, no `@` that starts a tag (`@return`, `{@code}`), no `*/`, and
    /// no `\` (javac reads `\u` escapes before comments, so `\u002a/` would end one).
    fn doc_text(&self, text: &str) -> String {
        html(&visible(text, true))
            .replace('\\', "&#92;")
            .replace('@', "&#64;")
            .replace("*/", "*&#47;")
    }

    /// A string literal whose escapes survive javac's `\u` pass: characters below U+0100 that need
    /// an escape are octal (`\15` for a carriage return, which `\u000d` would turn into a line
    /// break before the literal is read).
    fn string(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 2);
        out.push('"');
        for c in text.chars() {
            if closecodes_spec::needs_escape(c) && u32::from(c) < 0x100 && c != '\n' {
                let _ = write!(out, "\\{:03o}", u32::from(c));
            } else {
                escape_char(&mut out, c, &[]);
            }
        }
        out.push('"');
        out
    }

    fn runtime(&self) -> Runtime {
        Runtime {
            text: include_str!("Runtime.java"),
            comment: "//",
        }
    }

    fn max_codes(&self) -> Option<usize> {
        Some(MAX_CODES)
    }

    /// A getter of an integer property returns an `int`.
    fn property_bounds(&self) -> Option<(i64, i64)> {
        Some((i64::from(i32::MIN), i64::from(i32::MAX)))
    }

    fn order(&self) -> &'static [Section] {
        ORDER
    }

    fn preamble(&self, out: &mut Text, view: &View<'_>) {
        let package = view.package.clone().unwrap_or_default();
        writeln!(out, "package {package};\n");
    }

    /// The enum, its constants, `code()`, the aliases and `fromCode`.
    fn codes(&self, out: &mut Text, view: &View<'_>) {
        let name = view.name;
        self.doc(
            out,
            "",
            &format!(
                "{}{}",
                self.doc_text(&view.description),
                self.retired_paragraph(view)
            ),
        );
        writeln!(out, "public enum {name} {{");
        let mut constants = Vec::new();
        for code in view.codes {
            let mut constant = Text::new();
            let mut text = self.code_summary(code, &format!("{{@code {}}}", code.value));
            if let Some(note) = &code.deprecated {
                text = format!("{text}\n\n@deprecated {}", self.doc_text(note));
            }
            self.doc(&mut constant, "    ", &text);
            if code.deprecated.is_some() {
                constant.push("    @Deprecated\n");
            }
            write!(
                constant,
                "    {}({})",
                NAMER.code(name, &code.name),
                code.value
            );
            constants.push(constant.into_string());
        }
        writeln!(out, "{};\n", constants.join(",\n"));
        for code in view.codes {
            let constant = NAMER.code(name, &code.name);
            for alias in &code.aliases {
                let text = format!(
                    "{}\n\n@deprecated renamed to {{@link #{constant}}}",
                    wording::alias(&format!("{{@link #{constant}}}"))
                );
                self.doc(out, "    ", &text);
                writeln!(
                    out,
                    "    @Deprecated\n    public static final {name} {} = {constant};\n",
                    NAMER.code(name, alias)
                );
            }
        }
        writeln!(
            out,
            "    private static final java.util.Map<Integer, {name}> BY_CODE = java.util.Arrays.stream(values())\n            .collect(java.util.stream.Collectors.toUnmodifiableMap(c -> c.code, c -> c));\n"
        );
        out.push("    private final int code;\n\n");
        writeln!(
            out,
            "    {name}(int code) {{\n        this.code = code;\n    }}\n"
        );
        self.doc(out, "    ", "The code.\n\n@return the code's number");
        out.push("    public int code() {\n        return code;\n    }\n\n");
        self.doc(
            out,
            "    ",
            &format!("The named code {{@code code}}, if it is one.\n\n@param code any number\n@return the named code of {{@code {name}}}, if it is one"),
        );
        writeln!(
            out,
            "    public static java.util.Optional<{name}> fromCode(int code) {{\n        return java.util.Optional.ofNullable(BY_CODE.get(code));\n    }}\n"
        );
    }

    /// The flags' names; with properties, their names, `propertiesOf` (a row's values by name),
    /// and a nested enum per enumerated property, a constant per value, with `word()`.
    fn table_types(&self, out: &mut Text, view: &View<'_>) {
        let names: Vec<String> = view.flags.iter().map(|f| self.string(f.name)).collect();
        writeln!(
            out,
            "    private static final java.util.List<String> FLAG_NAMES = java.util.List.of({});\n",
            names.join(", ")
        );
        let properties = &view.properties;
        if properties.is_empty() {
            return;
        }
        let names: Vec<String> = properties.iter().map(|p| self.string(p.name)).collect();
        writeln!(
            out,
            "    private static final java.util.List<String> PROPERTY_NAMES = java.util.List.of({});\n",
            names.join(", ")
        );
        out.push("    private static java.util.Map<String, Object> propertiesOf(Object... values) {\n        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();\n        for (int i = 0; i < PROPERTY_NAMES.size(); i++) {\n            map.put(PROPERTY_NAMES.get(i), values[i]);\n        }\n        return map;\n    }\n\n");
        for property in properties {
            let PropertyKind::Words(words) = &property.kind else {
                continue;
            };
            let ty = Java::property_type(view, property);
            let getter = NAMER.getter(&property.words);
            let text = format!(
                "{}\n\n{}",
                self.doc_text(property.description),
                wording::property_type(
                    &format!("{{@code {}}}", property.name),
                    &format!("{{@link #{getter}(int)}}")
                ),
            );
            self.doc(out, "    ", &text);
            writeln!(out, "    public enum {ty} {{");
            let constants: Vec<String> = words
                .iter()
                .enumerate()
                .map(|(at, word)| {
                    let mut constant = Text::new();
                    self.doc(&mut constant, "        ", &format!("{{@code {word}}}"));
                    write!(
                        constant,
                        "        {}({})",
                        Java::constant(view, property, at),
                        self.string(word)
                    );
                    constant.into_string()
                })
                .collect();
            writeln!(out, "{};\n", constants.join(",\n"));
            out.push("        private final String word;\n\n");
            writeln!(
                out,
                "        {ty}(String word) {{\n            this.word = word;\n        }}\n"
            );
            self.doc(
                out,
                "        ",
                "The value as the spec writes it.\n\n@return the spec's word",
            );
            out.push(
                "        public String word() {\n            return word;\n        }\n    }\n\n",
            );
        }
    }

    /// The rows, from nested classes of at most 400 rows, fewer with many flags (each class has
    /// its own constant pool, and its initializer at most 64 KiB of bytecode: see
    /// [`RowCost::rows_per_method`]).
    fn entries(&self, out: &mut Text, view: &View<'_>) {
        let parts: Vec<String> = (0..Java::classes(view))
            .map(|at| format!("Rows{at}.ROWS.stream()"))
            .collect();
        let mut stream = parts[0].clone();
        for part in &parts[1..] {
            stream = format!("java.util.stream.Stream.concat({stream}, {part})");
        }
        writeln!(
            out,
            "    private static final java.util.List<Entry> ROWS = {stream}.toList();\n"
        );
        let row_values = RowProperties::new(view, Java::value, "propertiesOf");
        for at in 0..Java::classes(view) {
            let rows: Vec<String> = view
                .rows
                .iter()
                .skip(at * Java::per_class(view))
                .take(Java::per_class(view))
                .map(|row| {
                    let values = row_values.of(view, row);
                    format!("                row({})", self.row_arguments(row, values))
                })
                .collect();
            writeln!(
                out,
                "    private static final class Rows{at} {{\n        static final java.util.List<Entry> ROWS = java.util.List.of(\n{});\n    }}\n",
                rows.join(",\n")
            );
        }
    }

    fn predicates(&self, out: &mut Text, view: &View<'_>) {
        for flag in &view.flags {
            let doc = format!(
                "{}\n\n{}\n\n@param code any number\n@return the flag's value at {{@code code}}",
                self.doc_text(flag.description),
                wording::flag(flag.name, &flag.default.to_string(), |n| format!(
                    "{{@code {n}}}"
                ))
            );
            self.doc(out, "    ", &doc);
            writeln!(
                out,
                "    public static boolean {}(int code) {{\n        return describe(code).map(e -> e.flags().get({})).orElse(false);\n    }}\n",
                NAMER.predicate(&flag.words),
                self.string(flag.name)
            );
        }
        for property in &view.properties {
            let default = property.written(property.default);
            let doc = format!(
                "{}\n\n{}\n\n@param code any number\n@return the property's value at {{@code code}}",
                self.doc_text(property.description),
                wording::property(property.name, &default, |n| format!("{{@code {n}}}"))
            );
            self.doc(out, "    ", &doc);
            let ty = Java::property_type(view, property);
            let boxed = match property.kind {
                PropertyKind::Words(_) => ty.clone(),
                PropertyKind::Integer(_) => "Integer".to_owned(),
            };
            writeln!(
                out,
                "    public static {ty} {}(int code) {{\n        return describe(code).map(e -> ({boxed}) e.properties().get({})).orElse({});\n    }}\n",
                NAMER.getter(&property.words),
                self.string(property.name),
                Java::value(view, property, property.default)
            );
        }
    }

    fn end(&self, out: &mut Text, _view: &View<'_>) {
        out.push("}\n");
    }
}
