//! Go: one table per package; every name of the file is in the package's scope: the type,
//! a constant per named code prefixed with the table's name (`ChatCodeUnauthorized`), a
//! predicate per flag (`IsReconnectable`), and the file's own names.

use super::{
    Declared, Namer, Subject, codes, enumerated, getters, predicates, property_types,
    property_values,
};
use crate::model::Table;
use crate::names::Words;

/// The Go namer.
pub struct Go;

/// Go's keywords.
pub(crate) const KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

/// Predeclared identifiers, the packages the file imports, and the names it defines whatever
/// the table.
const GLOBALS: &[&str] = &[
    "any",
    "bool",
    "byte",
    "comparable",
    "complex64",
    "complex128",
    "error",
    "float32",
    "float64",
    "int",
    "int8",
    "int16",
    "int32",
    "int64",
    "rune",
    "string",
    "uint",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "uintptr",
    "true",
    "false",
    "iota",
    "nil",
    "append",
    "cap",
    "clear",
    "close",
    "complex",
    "copy",
    "delete",
    "imag",
    "len",
    "make",
    "max",
    "min",
    "new",
    "panic",
    "print",
    "println",
    "real",
    "recover",
    "sort",
    "strconv",
    "Entry",
    "Entries",
    "Flags",
    "Describe",
    "FromWire",
    "entries",
    "points",
    "ranges",
    "_",
];

impl Namer for Go {
    fn language(&self) -> &'static str {
        "Go"
    }

    fn keywords(&self) -> &'static [&'static str] {
        KEYWORDS
    }

    fn globals(&self) -> &'static [&'static str] {
        GLOBALS
    }

    fn code(&self, table: &str, code: &str) -> String {
        format!("{table}{code}")
    }

    fn predicate(&self, flag: &Words) -> String {
        format!("Is{}", flag.pascal())
    }

    fn getter(&self, property: &Words) -> String {
        property.pascal()
    }

    fn property_value(&self, table: &str, property: &Words, value: &Words) -> Option<String> {
        Some(format!("{table}{}{}", property.pascal(), value.pascal()))
    }

    fn package(&self, name: &str) -> Result<(), &'static str> {
        let valid = name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            && !KEYWORDS.contains(&name)
            // `package main` is a program, which no other package can import.
            && name != "main";
        if valid {
            Ok(())
        } else {
            Err("a lower-case identifier that is not a keyword, such as `chatcode`")
        }
    }

    /// The table's name in lower case, letters and digits only.
    fn default_package(&self, table: &str) -> Option<String> {
        Some(
            table
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect(),
        )
    }

    fn scopes(&self, table: &Table, name: Option<&str>) -> Vec<Vec<Declared>> {
        let mut package: Vec<Declared> = Declared::fixed(KEYWORDS)
            .chain(Declared::fixed(GLOBALS))
            .collect();
        if let Some(name) = name {
            package.push(Declared::new(name, Subject::Table));
            package.extend(codes(self, table, name));
            package.extend(property_types(self, table, name));
            for property in enumerated(table) {
                package.extend(property_values(self, property, name));
            }
        }
        package.extend(predicates(self, table));
        package.extend(getters(self, table));
        vec![package]
    }
}
