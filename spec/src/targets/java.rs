//! Java (17): one file, one public type: `public enum AppCode` with a constant per named code in
//! upper case (`UNAUTHORIZED`), a nested `record Entry`, and static lookups and predicates
//! (`isReconnectable`). The file qualifies what it uses from `java.util`.

use super::{
    Declared, Namer, Subject, codes, dotted_package, enumerated, getters, predicates,
    property_types, property_values,
};
use crate::model::Table;
use crate::names::Words;

/// The Java namer.
pub struct Java;

/// Java's keywords and literals, and the restricted identifiers that cannot name a type.
const KEYWORDS: &[&str] = &[
    "abstract",
    "assert",
    "boolean",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "class",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extends",
    "final",
    "finally",
    "float",
    "for",
    "goto",
    "if",
    "implements",
    "import",
    "instanceof",
    "int",
    "interface",
    "long",
    "native",
    "new",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "short",
    "static",
    "strictfp",
    "super",
    "switch",
    "synchronized",
    "this",
    "throw",
    "throws",
    "transient",
    "try",
    "void",
    "volatile",
    "while",
    "true",
    "false",
    "null",
    "_",
    "var",
    "yield",
    "record",
    "sealed",
    "permits",
    "exports",
    "module",
    "non",
];

/// The `java.lang` types the file names unqualified, the roots of its qualified names, and its
/// nested type.
const GLOBALS: &[&str] = &[
    "String",
    "Integer",
    "Object",
    "Boolean",
    "Override",
    "Deprecated",
    "SuppressWarnings",
    "Math",
    "java",
    "javax",
    "Entry",
];

/// The enum's members whatever the table.
const MEMBERS: &[&str] = &[
    "code",
    "CODE",
    "ENTRIES",
    "ROWS",
    "BY_CODE",
    "POINTS",
    "RANGES",
    "FLAG_NAMES",
    "PROPERTY_NAMES",
    "propertiesOf",
    "row",
    "points",
    "fromCode",
    "describe",
    "fromWire",
    "values",
    "valueOf",
    "Entry",
];

impl Namer for Java {
    fn language(&self) -> &'static str {
        "Java"
    }

    fn keywords(&self) -> &'static [&'static str] {
        KEYWORDS
    }

    fn globals(&self) -> &'static [&'static str] {
        GLOBALS
    }

    fn code(&self, _table: &str, code: &str) -> String {
        Words::of(code).screaming()
    }

    fn predicate(&self, flag: &Words) -> String {
        format!("is{}", flag.pascal())
    }

    fn getter(&self, property: &Words) -> String {
        property.camel()
    }

    /// A nested enum of the table's class: `ChatCode.Action`.
    fn property_type(&self, _table: &str, property: &Words) -> String {
        property.pascal()
    }

    fn property_value(&self, _table: &str, _property: &Words, value: &Words) -> Option<String> {
        Some(value.screaming())
    }

    /// Dotted identifiers, none a keyword, not under `java` or `javax` (the platform's, which the
    /// class loader refuses).
    fn package(&self, name: &str) -> Result<(), &'static str> {
        dotted_package(name, KEYWORDS, &["java", "javax"])
    }

    /// The table's name in lower case.
    fn default_package(&self, table: &str) -> Option<String> {
        Some(table.to_ascii_lowercase())
    }

    fn scopes(&self, table: &Table, name: Option<&str>) -> Vec<Vec<Declared>> {
        let mut members: Vec<Declared> = Declared::fixed(MEMBERS).collect();
        if let Some(name) = name {
            // The nested classes of rows (`Rows0`, `Rows1`, …) are the file's own.
            if super::rows_class(name) {
                members.push(Declared::new(name, Subject::Fixed));
            }
            members.push(Declared::new(name, Subject::Table));
        }
        members.extend(codes(self, table, name.unwrap_or("")));
        members.extend(predicates(self, table));
        members.extend(getters(self, table));
        let mut scopes = Vec::new();
        if let Some(name) = name {
            members.extend(property_types(self, table, name));
            scopes.extend(enumerated(table).map(|p| property_values(self, p, name)));
        }
        scopes.insert(0, members);
        scopes
    }
}
