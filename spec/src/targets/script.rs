//! TypeScript and JavaScript (one namer: the two flavours of one module): names as the spec
//! writes them, predicates in camel case (`isBrowserClosable`).

use super::{Declared, Namer, Subject, ascii_identifier, getters, predicates, property_types};
use crate::model::Table;
use crate::names::Words;

/// The TypeScript and JavaScript namer.
pub struct Script;

/// Keywords of JavaScript and TypeScript (reserved in strict mode and as type names).
const KEYWORDS: &[&str] = &[
    "arguments",
    "await",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "eval",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "implements",
    "import",
    "in",
    "instanceof",
    "interface",
    "let",
    "new",
    "null",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "static",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "var",
    "void",
    "while",
    "with",
    "yield",
    "any",
    "bigint",
    "boolean",
    "never",
    "number",
    "object",
    "string",
    "symbol",
    "undefined",
    "unknown",
];

/// The globals a module may use (the standard built-in objects and the types TypeScript names),
/// and the module's own names.
const GLOBALS: &[&str] = &[
    "globalThis",
    "Array",
    "ArrayBuffer",
    "BigInt",
    "Boolean",
    "DataView",
    "Date",
    "Error",
    "EvalError",
    "Function",
    "Infinity",
    "Intl",
    "JSON",
    "Map",
    "Math",
    "NaN",
    "Number",
    "Object",
    "Promise",
    "Proxy",
    "RangeError",
    "Readonly",
    "ReadonlyArray",
    "ReadonlyMap",
    "Record",
    "ReferenceError",
    "Reflect",
    "RegExp",
    "Set",
    "String",
    "Symbol",
    "SyntaxError",
    "TypeError",
    "URIError",
    "WeakMap",
    "WeakSet",
    "WebSocket",
    "Entry",
    "Flags",
    "Properties",
    "Row",
    "ENTRIES",
    "POINTS",
    "RANGES",
    "describe",
    "fromWire",
    "frozen",
];

impl Namer for Script {
    fn language(&self) -> &'static str {
        "TypeScript and JavaScript"
    }

    fn keywords(&self) -> &'static [&'static str] {
        KEYWORDS
    }

    fn globals(&self) -> &'static [&'static str] {
        GLOBALS
    }

    fn is_identifier(&self, name: &str) -> bool {
        ascii_identifier(name, &['$'])
    }

    fn predicate(&self, flag: &Words) -> String {
        format!("is{}", flag.pascal())
    }

    fn getter(&self, property: &Words) -> String {
        property.camel()
    }

    /// The values are the spec's words, as strings.
    fn property_value(&self, _table: &str, _property: &Words, _value: &Words) -> Option<String> {
        None
    }

    fn scopes(&self, table: &Table, name: Option<&str>) -> Vec<Vec<Declared>> {
        let mut module: Vec<Declared> = Declared::fixed(GLOBALS).collect();
        module.extend(name.map(|n| Declared::new(n, Subject::Table)));
        module.extend(predicates(self, table));
        module.extend(getters(self, table));
        if let Some(name) = name {
            module.extend(property_types(self, table, name));
        }
        vec![module]
    }
}
