//! Python: members in upper case by their words (`SESSION_TIMED_OUT`), predicates in snake case;
//! the module imports what it needs under private names.

use super::{
    Declared, Namer, Subject, codes, enumerated, getters, predicates, property_types,
    property_values,
};
use crate::model::Table;
use crate::names::Words;

/// The Python namer.
pub struct Python;

/// Keywords, soft keywords included (`match`, `case`, `type`).
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield", "match", "case", "type", "_",
];

/// The module's own names, its private imports, the builtins it calls and the module attributes
/// Python gives it.
const GLOBALS: &[&str] = &[
    "ENTRIES",
    "Entry",
    "describe",
    "from_wire",
    "annotations",
    "_enum",
    "_bisect_left",
    "_Mapping",
    "_dataclass",
    "_MappingProxyType",
    "_Final",
    "_Literal",
    "_flags",
    "_FLAG_NAMES",
    "_field",
    "_StrEnum",
    "_NO_PROPERTIES",
    "_properties",
    "_PROPERTY_NAMES",
    "_POINTS",
    "_RANGES",
    "_RANGE_ENDS",
    "int",
    "str",
    "bool",
    "dict",
    "tuple",
    "zip",
    "len",
    "object",
    "super",
    "property",
    "isinstance",
    "__all__",
    "__name__",
    "__doc__",
    "__file__",
    "__spec__",
    "__loader__",
    "__package__",
    "__builtins__",
    "__annotations__",
];

impl Namer for Python {
    fn language(&self) -> &'static str {
        "Python"
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
        format!("is_{}", flag.snake())
    }

    fn getter(&self, property: &Words) -> String {
        property.snake()
    }

    fn property_value(&self, _table: &str, _property: &Words, value: &Words) -> Option<String> {
        Some(value.screaming())
    }

    fn scopes(&self, table: &Table, name: Option<&str>) -> Vec<Vec<Declared>> {
        let mut module: Vec<Declared> = Declared::fixed(GLOBALS).collect();
        module.extend(name.map(|n| Declared::new(n, Subject::Table)));
        module.extend(predicates(self, table));
        module.extend(getters(self, table));
        let mut classes = Vec::new();
        if let Some(name) = name {
            module.extend(property_types(self, table, name));
            // Each `StrEnum`'s members, in its class.
            classes.extend(enumerated(table).map(|p| property_values(self, p, name)));
        }
        // The members: an `IntEnum`'s names may not start with `_`, and `name` and `value` are
        // its own properties (upper case never meets them).
        let members = codes(self, table, name.unwrap_or("")).collect();
        let mut scopes = vec![module, members];
        scopes.extend(classes);
        scopes
    }
}
