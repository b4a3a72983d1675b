//! C#: `enum AppCode : ushort` and `static class AppCodeTable` in a namespace; the file names
//! what it uses from `System` as `global::System…`, so that no namespace or name of the table
//! shadows it.

use super::{
    Declared, Namer, Subject, codes, dotted_package, enumerated, getters, predicates,
    property_types, property_values,
};
use crate::model::Table;
use crate::names::Words;

/// The C# namer.
pub struct CSharp;

/// C#'s keywords, and the contextual keywords that cannot name a type the file declares or uses
/// (`var` and `dynamic` would change what `var x = …` means; `record`, `file`, `required` and
/// `scoped` are refused or warned about as type names by today's compilers).
pub(crate) const KEYWORDS: &[&str] = &[
    "abstract",
    "as",
    "base",
    "bool",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "checked",
    "class",
    "const",
    "continue",
    "decimal",
    "default",
    "delegate",
    "do",
    "double",
    "else",
    "enum",
    "event",
    "explicit",
    "extern",
    "false",
    "finally",
    "fixed",
    "float",
    "for",
    "foreach",
    "goto",
    "if",
    "implicit",
    "in",
    "int",
    "interface",
    "internal",
    "is",
    "lock",
    "long",
    "namespace",
    "new",
    "null",
    "object",
    "operator",
    "out",
    "override",
    "params",
    "private",
    "protected",
    "public",
    "readonly",
    "ref",
    "return",
    "sbyte",
    "sealed",
    "short",
    "sizeof",
    "stackalloc",
    "static",
    "string",
    "struct",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "uint",
    "ulong",
    "unchecked",
    "unsafe",
    "ushort",
    "using",
    "virtual",
    "void",
    "volatile",
    "while",
    "var",
    "dynamic",
    "record",
    "file",
    "required",
    "scoped",
    "nameof",
    "global",
    "value",
    "notnull",
    "unmanaged",
];

/// The names the file declares whatever the table, besides the members of its class.
const GLOBALS: &[&str] = &["Entry"];

/// The members of `<Name>Table` whatever the table.
const TABLE_CLASS: &[&str] = &[
    "FlagNames",
    "PropertyNames",
    "PropertiesOf",
    "Row",
    "Entries",
    "Describe",
    "FromWire",
    "Points",
    "Ranges",
    "BuildPoints",
    "BuildRanges",
];

impl Namer for CSharp {
    fn language(&self) -> &'static str {
        "C#"
    }

    fn keywords(&self) -> &'static [&'static str] {
        KEYWORDS
    }

    fn globals(&self) -> &'static [&'static str] {
        GLOBALS
    }

    /// .NET's compiler warns about type names of lower-case letters only (CS8981), an error
    /// under `TreatWarningsAsErrors`.
    fn refuse_shape(&self, name: &str) -> Option<String> {
        name.chars().all(|c| c.is_ascii_lowercase()).then(|| {
            "it has only lower-case letters, which .NET's compiler warns about in a type name (CS8981); expected a name with an upper-case letter".to_owned()
        })
    }

    fn predicate(&self, flag: &Words) -> String {
        format!("Is{}", flag.pascal())
    }

    fn getter(&self, property: &Words) -> String {
        property.pascal()
    }

    fn package(&self, name: &str) -> Result<(), &'static str> {
        dotted_package(name, KEYWORDS, &[])
    }

    /// The table's name.
    fn default_package(&self, table: &str) -> Option<String> {
        Some(table.to_owned())
    }

    fn scopes(&self, table: &Table, name: Option<&str>) -> Vec<Vec<Declared>> {
        let mut namespace: Vec<Declared> = Declared::fixed(GLOBALS).collect();
        let mut members: Vec<Declared> = Vec::new();
        let mut class: Vec<Declared> = Declared::fixed(TABLE_CLASS).collect();
        if let Some(name) = name {
            namespace.push(Declared::new(name, Subject::Table));
            namespace.push(Declared::new(format!("{name}Table"), Subject::Table));
            // A member may not take its enclosing type's name (CS0542).
            members.push(Declared::new(name, Subject::Table));
            class.push(Declared::new(format!("{name}Table"), Subject::Table));
        }
        members.extend(codes(self, table, name.unwrap_or("")));
        class.extend(predicates(self, table));
        class.extend(getters(self, table));
        let mut scopes = vec![namespace, members, class];
        if let Some(name) = name {
            scopes[0].extend(property_types(self, table, name));
            // Each enum's members; a member may not take its enum's name (CS0542).
            scopes.extend(enumerated(table).map(|p| {
                let mut members: Vec<Declared> = property_types(self, table, name)
                    .filter(|t| t.subject == Subject::Property(p.name.clone()))
                    .collect();
                members.extend(property_values(self, p, name));
                members
            }));
        }
        scopes
    }
}
