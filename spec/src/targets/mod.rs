//! One namer per rendered target: what names the target's file can spell and which it takes
//! itself (keywords, globals, the case of each kind of name, predicates, packages, the scopes of
//! the file), and the target's own refusal rules. [`check_target`] runs one namer over a checked
//! table; the spec's checks run every namer in [`NAMERS`] (so `close_codes!` refuses what any
//! target cannot spell, naming the target), and the renderers take every name from here.

mod csharp;
mod go;
mod java;
mod kotlin;
mod python;
mod script;

pub use csharp::CSharp;
pub use go::Go;
pub use java::Java;
pub use kotlin::Kotlin;
pub use python::Python;
pub use script::Script;

use crate::model::Table;
use crate::names::Words;

/// Every rendered target's namer, in the order messages list them.
pub static NAMERS: &[&dyn Namer] = &[&Script, &Python, &Go, &Kotlin, &CSharp, &Java];

/// What a name in a rendered file stands for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Subject {
    /// The table's own name, or a type or package made from it (`ChatCodeTable`).
    Table,
    /// The named code with this value (a constant, member or entry of the file).
    Code(i128),
    /// The flag of this name (its predicate).
    Flag(String),
    /// The property of this name (its getter or its type).
    Property(String),
    /// A value of the property of this name (`(property, word)`).
    PropertyValue(String, String),
    /// A name the file defines or uses whatever the table.
    Fixed,
}

/// A name the file declares in one of its scopes, and what it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Declared {
    /// The name as the file spells it.
    pub name: String,
    /// What it stands for.
    pub subject: Subject,
}

impl Declared {
    /// `name` for `subject`.
    pub fn new(name: impl Into<String>, subject: Subject) -> Self {
        Declared {
            name: name.into(),
            subject,
        }
    }

    /// Each of `names`, fixed.
    pub fn fixed(names: &[&str]) -> impl Iterator<Item = Declared> {
        names.iter().map(|n| Declared::new(*n, Subject::Fixed))
    }
}

/// Why a target cannot spell a table: what is refused, and why (lowercase, "expected …" last).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// What the refusal is about: the table name, a code, a flag.
    pub subject: Subject,
    /// Why, naming the target, and what is expected.
    pub reason: String,
}

/// The naming rules of one target language.
pub trait Namer: Sync {
    /// The language, for messages: `Python`, `TypeScript and JavaScript`.
    fn language(&self) -> &'static str;

    /// The language's keywords: they name neither the table nor a package segment.
    fn keywords(&self) -> &'static [&'static str];

    /// Names the file uses or defines whatever the table (imports, builtins it calls, its fixed
    /// types and functions): the table may not take one.
    fn globals(&self) -> &'static [&'static str];

    /// Whether `name` has the shape of an identifier of the language (keywords aside).
    fn is_identifier(&self, name: &str) -> bool {
        ascii_identifier(name, &[])
    }

    /// Why the language warns about or refuses `name` as a type name though it is an
    /// identifier, if it does.
    fn refuse_shape(&self, _name: &str) -> Option<String> {
        None
    }

    /// A named code's name in the file: `Unauthorized`, Python's `UNAUTHORIZED`, Go's
    /// `ChatCodeUnauthorized`.
    fn code(&self, _table: &str, code: &str) -> String {
        code.to_owned()
    }

    /// A flag's predicate: `isBrowserClosable`, `is_browser_closable`, `IsBrowserClosable`.
    fn predicate(&self, flag: &Words) -> String;

    /// A property's getter: `action`, `retryAfterMs`, `RetryAfterMs`.
    fn getter(&self, property: &Words) -> String;

    /// The type of an enumerated property: `ChatCodeAction` (Java's nested `Action`).
    fn property_type(&self, table: &str, property: &Words) -> String {
        format!("{table}{}", property.pascal())
    }

    /// The name of a value of an enumerated property in the file (`BackOff`, Python's `BACK_OFF`,
    /// Go's `ChatCodeActionBackOff`), or `None` where the value is the spec's word itself.
    fn property_value(&self, _table: &str, _property: &Words, value: &Words) -> Option<String> {
        Some(value.pascal())
    }

    /// Whether `name` can be the file's package or namespace; languages without packages take
    /// any (and write none).
    ///
    /// # Errors
    ///
    /// What a package of the language looks like, for the message.
    fn package(&self, _name: &str) -> Result<(), &'static str> {
        Ok(())
    }

    /// The package or namespace the file declares when none is given, made from the table's name.
    fn default_package(&self, _table: &str) -> Option<String> {
        None
    }

    /// The scopes of the file for `table` named `name` (`None`: names that depend on the table's
    /// name are left out), each with every name declared in it: no two may be the same.
    fn scopes(&self, table: &Table, name: Option<&str>) -> Vec<Vec<Declared>>;
}

/// Whether `name` is `Rows` and digits: the JVM targets' classes of rows.
pub(crate) fn rows_class(name: &str) -> bool {
    name.strip_prefix("Rows")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Whether `name` is ASCII letters, digits, `_` and `extra`, not starting with a digit.
pub(crate) fn ascii_identifier(name: &str, extra: &[char]) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_' || extra.contains(&c))
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || extra.contains(&c))
}

/// Whether `name` is a dotted package: identifiers separated by dots, none one of `keywords`,
/// the first not one of `reserved_roots` (`kotlin`, `java`).
pub(crate) fn dotted_package(
    name: &str,
    keywords: &[&str],
    reserved_roots: &[&str],
) -> Result<(), &'static str> {
    let valid = !name.is_empty()
        && name
            .split('.')
            .all(|part| ascii_identifier(part, &[]) && !keywords.contains(&part))
        && !reserved_roots.contains(&name.split('.').next().unwrap_or(""));
    if valid {
        Ok(())
    } else if reserved_roots.is_empty() {
        Err("identifiers separated by dots, none a keyword, such as `com.example.chat`")
    } else {
        Err(
            "identifiers separated by dots, none a keyword, not in the language's own packages, such as `com.example.chat`",
        )
    }
}

/// The named codes and their aliases as `namer` spells them, each for its code.
pub(crate) fn codes<'a>(
    namer: &'a dyn Namer,
    table: &'a Table,
    name: &'a str,
) -> impl Iterator<Item = Declared> + 'a {
    table.codes.iter().flat_map(move |c| {
        std::iter::once(&c.name)
            .chain(&c.aliases)
            .map(move |n| Declared::new(namer.code(name, n), Subject::Code(c.value)))
    })
}

/// The predicates of `table`'s flags as `namer` spells them, each for its flag.
pub(crate) fn predicates<'a>(
    namer: &'a dyn Namer,
    table: &'a Table,
) -> impl Iterator<Item = Declared> + 'a {
    table.flags.iter().map(move |f| {
        Declared::new(
            namer.predicate(&Words::of(&f.name)),
            Subject::Flag(f.name.clone()),
        )
    })
}

/// The getters of `table`'s properties as `namer` spells them, each for its property.
pub(crate) fn getters<'a>(
    namer: &'a dyn Namer,
    table: &'a Table,
) -> impl Iterator<Item = Declared> + 'a {
    table.properties.iter().map(move |p| {
        Declared::new(
            namer.getter(&Words::of(&p.name)),
            Subject::Property(p.name.clone()),
        )
    })
}

/// The types of `table`'s enumerated properties as `namer` spells them, for a table named `name`.
pub(crate) fn property_types<'a>(
    namer: &'a dyn Namer,
    table: &'a Table,
    name: &'a str,
) -> impl Iterator<Item = Declared> + 'a {
    enumerated(table).map(move |p| {
        Declared::new(
            namer.property_type(name, &Words::of(&p.name)),
            Subject::Property(p.name.clone()),
        )
    })
}

/// The names of one enumerated property's values as `namer` spells them (none where the
/// values are the spec's words).
pub(crate) fn property_values(
    namer: &dyn Namer,
    property: &crate::Property,
    name: &str,
) -> Vec<Declared> {
    let words = Words::of(&property.name);
    property
        .words()
        .iter()
        .filter_map(|w| {
            let spelled = namer.property_value(name, &words, &Words::of(w))?;
            Some(Declared::new(
                spelled,
                Subject::PropertyValue(property.name.clone(), w.clone()),
            ))
        })
        .collect()
}

/// The table's enumerated properties, which have a type and values of their own.
pub(crate) fn enumerated(table: &Table) -> impl Iterator<Item = &crate::Property> {
    table
        .properties
        .iter()
        .filter(|p| matches!(p.kind, crate::PropertyKind::Words(_)))
}

/// Why `namer`'s target cannot take `name` as the table's name: it is an identifier of the
/// language, no keyword or global, and its default package is a package.
#[must_use]
pub fn refuse_name(namer: &dyn Namer, name: &str) -> Option<Refusal> {
    let language = namer.language();
    let reason = if !namer.is_identifier(name) {
        format!(
            "it is not an identifier of {language}; expected ASCII letters, digits and `_`, starting with a letter, such as `ChatCode`"
        )
    } else if namer.keywords().contains(&name) {
        format!("it is a keyword of {language}; expected another name")
    } else if namer.globals().contains(&name) {
        format!("it is a name the {language} file uses or defines itself; expected another name")
    } else if let Some(reason) = namer.refuse_shape(name) {
        reason
    } else if let Some(package) = namer.default_package(name)
        && namer.package(&package).is_err()
    {
        format!(
            "its {language} package would be `{package}`, which is not a package name; expected another name, or an explicit package"
        )
    } else {
        return None;
    };
    Some(Refusal {
        subject: Subject::Table,
        reason,
    })
}

/// Why `namer`'s target cannot spell `table` named `name` (`None`: names that depend on the
/// table's name are left out): no two names of one scope of the file are the same.
#[must_use]
pub fn refuse_scopes(namer: &dyn Namer, table: &Table, name: Option<&str>) -> Vec<Refusal> {
    let language = namer.language();
    let mut refusals = Vec::new();
    for scope in namer.scopes(table, name) {
        // A getter is a method or function of its own name, which no keyword can be (Java's
        // `short`, Kotlin's `when`, Python's `lambda`: none a Rust keyword, which the checks
        // refuse); the other names of a property are spelled with capitals or the table's name.
        for declared in &scope {
            if matches!(declared.subject, Subject::Property(_))
                && namer.keywords().contains(&declared.name.as_str())
            {
                refusals.push(Refusal {
                    subject: declared.subject.clone(),
                    reason: format!(
                        "{language} would spell it `{}`, a keyword of {language}; expected another name",
                        declared.name
                    ),
                });
            }
        }
        // Sorted by name (stably: each name's first declaration leads its group) rather than
        // hashed: the checks run this for every target over every named code.
        let mut order: Vec<usize> = (0..scope.len()).collect();
        order.sort_by(|&a, &b| scope[a].name.cmp(&scope[b].name));
        let mut found = Vec::new();
        for same in order.chunk_by(|&a, &b| scope[a].name == scope[b].name) {
            let first = &scope[same[0]].subject;
            for &later in &same[1..] {
                let declared = &scope[later];
                let (subject, other) = match (first, &declared.subject) {
                    (Subject::Fixed, Subject::Fixed) => continue,
                    // What the user named is refused, not the file's own name.
                    (Subject::Fixed, s) | (s, Subject::Fixed) => {
                        (s.clone(), "a name of the file's own".to_owned())
                    }
                    (a, b) => (b.clone(), describe(a)),
                };
                found.push((
                    later,
                    Refusal {
                        subject,
                        reason: format!(
                            "{language} would spell it `{}`, as it spells {other}; expected a name with other words",
                            declared.name
                        ),
                    },
                ));
            }
        }
        // In the order the file declares them, as before.
        found.sort_by_key(|&(at, _)| at);
        refusals.extend(found.into_iter().map(|(_, refusal)| refusal));
    }
    refusals
}

/// Every reason `namer`'s target cannot spell `table` named `name`: [`refuse_name`], then
/// [`refuse_scopes`].
#[must_use]
pub fn check_target(namer: &dyn Namer, table: &Table, name: &str) -> Vec<Refusal> {
    match refuse_name(namer, name) {
        Some(refusal) => vec![refusal],
        None => refuse_scopes(namer, table, Some(name)),
    }
}

/// What a subject is, for "as it spells …" messages.
fn describe(subject: &Subject) -> String {
    match subject {
        Subject::Table => "the table's name".to_owned(),
        Subject::Code(value) => format!("code {value}"),
        Subject::Flag(name) => format!("the predicate of flag `{name}`"),
        Subject::Property(name) => format!("the getter or type of property `{name}`"),
        Subject::PropertyValue(property, word) => {
            format!("value `{word}` of property `{property}`")
        }
        Subject::Fixed => "a name of the file's own".to_owned(),
    }
}

#[cfg(test)]
mod tests;
