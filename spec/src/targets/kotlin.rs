//! Kotlin: one table per package, `enum class AppCode(val code: Int)` with an entry per named
//! code under its spec name, and in its companion object the lookups and a predicate per flag
//! (`isReconnectable`). The file qualifies every type and annotation it uses (`kotlin.Int`,
//! `@kotlin.jvm.JvmStatic`), so that no name of the table shadows one.

use super::{
    Declared, Namer, Subject, codes, dotted_package, enumerated, getters, predicates,
    property_types, property_values,
};
use crate::model::Table;
use crate::names::Words;

/// The Kotlin namer.
pub struct Kotlin;

impl Kotlin {
    /// The rows per private object that builds part of the rows: a JVM method holds at most
    /// 64 KiB of bytecode, and one `listOf` of 10,000 rows breaks it.
    pub const ROWS_PER_OBJECT: usize = 400;

    /// How many such objects (`Rows0`, `Rows1`, …) a file of `rows` rows has: at least one.
    #[must_use]
    pub fn row_functions(rows: usize) -> usize {
        rows.div_ceil(Self::ROWS_PER_OBJECT).max(1)
    }
}

/// Kotlin's hard keywords.
const KEYWORDS: &[&str] = &[
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
];

/// The roots of the qualified names the file writes, and the file's top-level names.
const GLOBALS: &[&str] = &[
    "kotlin",
    "java",
    "Entry",
    "entryType",
    "entryOf",
    "FLAG_NAMES",
    "PROPERTY_NAMES",
    "propertiesOf",
];

/// The names of the companion object (the enum's scope), whatever the table.
const COMPANION: &[&str] = &[
    "Companion",
    "BY_CODE",
    "ROWS",
    "POINTS",
    "RANGES",
    "ENTRIES",
    "fromCode",
    "describe",
    "fromWire",
    "values",
    "valueOf",
    "entries",
];

impl Namer for Kotlin {
    fn language(&self) -> &'static str {
        "Kotlin"
    }

    fn keywords(&self) -> &'static [&'static str] {
        KEYWORDS
    }

    fn globals(&self) -> &'static [&'static str] {
        GLOBALS
    }

    fn predicate(&self, flag: &Words) -> String {
        format!("is{}", flag.pascal())
    }

    fn getter(&self, property: &Words) -> String {
        property.camel()
    }

    /// Kotlin's packages: dotted identifiers, none a keyword, not under `kotlin` (the standard
    /// library's, which kotlinc refuses to compile into).
    /// Dotted identifiers, none a keyword nor underscores alone (`_`, `__`: Kotlin takes them
    /// only in backticks), not under `kotlin`, `java` or `javax`.
    fn package(&self, name: &str) -> Result<(), &'static str> {
        if name
            .split('.')
            .any(|part| !part.is_empty() && part.chars().all(|c| c == '_'))
        {
            return Err(
                "identifiers separated by dots, none a keyword nor only underscores, such as `com.example.chat`",
            );
        }
        dotted_package(name, KEYWORDS, &["kotlin", "java", "javax"])
    }

    /// The table's name in lower case.
    fn default_package(&self, table: &str) -> Option<String> {
        Some(table.to_ascii_lowercase())
    }

    fn scopes(&self, table: &Table, name: Option<&str>) -> Vec<Vec<Declared>> {
        let mut file: Vec<Declared> = Declared::fixed(GLOBALS).collect();
        // The objects of rows (`Rows0`, `Rows1`, …) are the file's own.
        if let Some(name) = name.filter(|n| super::rows_class(n)) {
            file.push(Declared::new(name, Subject::Fixed));
        }
        // The enum's entries share its scope with the companion's members; an entry may not
        // take the enum's own name.
        let mut enum_scope: Vec<Declared> = Declared::fixed(COMPANION).collect();
        if let Some(name) = name {
            file.push(Declared::new(name, Subject::Table));
            enum_scope.push(Declared::new(name, Subject::Table));
        }
        enum_scope.extend(codes(self, table, name.unwrap_or("")));
        enum_scope.extend(predicates(self, table));
        enum_scope.extend(getters(self, table));
        let mut scopes = vec![file, enum_scope];
        if let Some(name) = name {
            scopes[0].extend(property_types(self, table, name));
            // Each `enum class`'s entries; an entry may not take its class's name.
            scopes.extend(enumerated(table).map(|p| {
                let mut entries: Vec<Declared> = property_types(self, table, name)
                    .filter(|t| t.subject == Subject::Property(p.name.clone()))
                    .collect();
                entries.extend(property_values(self, p, name));
                entries
            }));
        }
        scopes
    }
}
