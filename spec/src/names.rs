//! Names: a name as its words, case conversions, Rust's keywords, and every name generated for a
//! table (its methods, constructors, predicates), computed by one function each and used by both
//! the checks (clashes) and the generators.

use std::fmt;

use crate::Repr;
use crate::model::Table;

/// Rust's keywords, strict and reserved: no name of a table may be one.
pub const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// A name as its words, so that every target can spell it in its own case: `IOError` is `IO` and
/// `Error` (`io_error`, `isIoError`, `IO_ERROR`), `browser_closable` is `browser` and `closable`.
///
/// Words split where the case changes: before an upper-case letter that follows a lower-case
/// letter or a digit, and before the last upper-case letter of a run followed by a lower-case one
/// (`HTTPUpgrade` is `HTTP` `Upgrade`); underscores, spaces and hyphens separate words; digits stay
/// with the word before them (`Http2Error` is `Http2` `Error`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Words(Vec<String>);

impl Words {
    /// The words of `name`, in any case.
    #[must_use]
    pub fn of(name: &str) -> Self {
        let mut words: Vec<String> = Vec::new();
        for part in name.split(|c: char| c == '_' || c == '-' || c.is_whitespace()) {
            // Slices of `part`, not a string built char by char: the checks spell every named
            // code in every target, so this runs tens of thousands of times for a large table.
            let mut start = 0;
            let mut prev: Option<char> = None;
            let mut chars = part.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                let next = chars.peek().map(|&(_, n)| n);
                let boundary = c.is_uppercase()
                    && prev.is_some_and(|p| {
                        p.is_lowercase()
                            || p.is_ascii_digit()
                            || (p.is_uppercase() && next.is_some_and(char::is_lowercase))
                    });
                if boundary && i > start {
                    words.push(part[start..i].to_owned());
                    start = i;
                }
                prev = Some(c);
            }
            if start < part.len() {
                words.push(part[start..].to_owned());
            }
        }
        Words(words)
    }

    /// The words, as written.
    #[must_use]
    pub fn as_slice(&self) -> &[String] {
        &self.0
    }

    /// `io_error`
    #[must_use]
    pub fn snake(&self) -> String {
        self.join("_", push_lower)
    }

    /// `IO_ERROR`
    #[must_use]
    pub fn screaming(&self) -> String {
        self.join("_", push_upper)
    }

    /// `IoError`
    #[must_use]
    pub fn pascal(&self) -> String {
        self.join("", push_capitalized)
    }

    /// `ioError`
    #[must_use]
    pub fn camel(&self) -> String {
        let mut out = String::with_capacity(self.len());
        for (i, word) in self.0.iter().enumerate() {
            if i == 0 {
                push_lower(&mut out, word);
            } else {
                push_capitalized(&mut out, word);
            }
        }
        out
    }

    /// The words in lower case without separators: two names with the same key are spelled the
    /// same in some target (`x2` and `x_2` are both `isX2` in camelCase).
    #[must_use]
    pub fn key(&self) -> String {
        self.join("", push_lower)
    }

    /// `Words::of(name).key()`, without splitting `name` into words: the key is the name's
    /// letters and digits in lower case.
    #[must_use]
    pub fn key_of(name: &str) -> String {
        name.chars()
            .filter(|c| !(*c == '_' || *c == '-' || c.is_whitespace()))
            .flat_map(char::to_lowercase)
            .collect()
    }

    /// The words' bytes, separators aside: what a spelling of them takes at least.
    fn len(&self) -> usize {
        self.0.iter().map(String::len).sum()
    }

    fn join(&self, separator: &str, case: impl Fn(&mut String, &str)) -> String {
        let mut out = String::with_capacity(self.len() + separator.len() * self.0.len());
        for (i, word) in self.0.iter().enumerate() {
            if i > 0 {
                out.push_str(separator);
            }
            case(&mut out, word);
        }
        out
    }
}

impl fmt::Display for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.join(" "))
    }
}

/// `word` in lower case, onto `out` (ASCII without a string of its own; other text as
/// `str::to_lowercase` has it, a final sigma included).
fn push_lower(out: &mut String, word: &str) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// `word` in upper case, onto `out`.
fn push_upper(out: &mut String, word: &str) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_uppercase())));
    } else {
        out.push_str(&word.to_uppercase());
    }
}

/// `error` as `Error`, `IO` as `Io`, onto `out`.
fn push_capitalized(out: &mut String, word: &str) {
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.extend(chars.flat_map(char::to_lowercase));
    }
}

/// `GoingAway` as `going_away`, `IOError` as `io_error`: a name in Rust's `snake_case`.
#[must_use]
pub fn snake_case(name: &str) -> String {
    Words::of(name).snake()
}

/// The methods every generated table has besides `from_<repr>` and `as_<repr>` (inherent, or of a
/// trait it implements): a range's constructors may not take one of these names. The generation
/// library tests that every `fn` it emits is listed here or is one of [`Methods`].
pub const RESERVED_METHODS: &[&str] = &[
    "reason",
    "description",
    "is_sendable",
    "from_wire",
    "range",
    "code",
    "try_from_code",
    "parse_code",
    "from",
    "into",
    "try_from",
    "try_into",
    "from_str",
    "fmt",
    "eq",
    "cmp",
    "partial_cmp",
    "hash",
    "clone",
    "canonical",
    "flags",
    "flag",
    "property",
    "property_at",
];

/// The methods every table has from traits beyond those of [`RESERVED_METHODS`]: `ToString`
/// (through `Display`), `PartialEq`, `PartialOrd`, `Ord`, `Clone` and `Any`. A property's getter,
/// an inherent method, would hide one (`code.to_string()` would return the property), so no
/// property takes these names; a range's constructor, an associated function without `self`,
/// hides nothing and may (`Max`, `Min`).
pub const TRAIT_METHODS: &[&str] = &[
    "to_string",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
    "max",
    "min",
    "clamp",
    "clone_from",
    "type_id",
];

/// Every method name generated for a table that depends on the table: `from_<repr>`, `as_<repr>`,
/// a pair of constructors per range, a predicate per flag. The checks refuse a table whose names
/// clash; the generators take the names from here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Methods {
    /// `from_u16`
    pub from_repr: String,
    /// `as_u16`
    pub as_repr: String,
    /// Per range, in the table's order: `(library, try_library)`.
    pub constructors: Vec<(String, String)>,
    /// Per flag, in the table's order: `is_browser_closable`.
    pub predicates: Vec<String>,
    /// Per property, in the table's order: `retry_after_ms`.
    pub getters: Vec<String>,
}

impl Methods {
    /// The methods of `table`.
    #[must_use]
    pub fn of(table: &Table) -> Self {
        Methods {
            from_repr: Methods::from_repr(table.repr),
            as_repr: Methods::as_repr(table.repr),
            constructors: table
                .ranges
                .iter()
                .map(|r| Methods::constructors(&r.name))
                .collect(),
            predicates: table
                .flags
                .iter()
                .map(|f| Methods::predicate(&f.name))
                .collect(),
            getters: table
                .properties
                .iter()
                .map(|p| Methods::getter(&p.name))
                .collect(),
        }
    }

    /// `from_u16`
    #[must_use]
    pub fn from_repr(repr: Repr) -> String {
        format!("from_{repr}")
    }

    /// `as_u16`
    #[must_use]
    pub fn as_repr(repr: Repr) -> String {
        format!("as_{repr}")
    }

    /// A range's constructors: `library` and `try_library` for `Library`, `io_error` and
    /// `try_io_error` for `IOError`.
    #[must_use]
    pub fn constructors(range: &str) -> (String, String) {
        let snake = snake_case(range);
        let fallible = format!("try_{snake}");
        (snake, fallible)
    }

    /// A flag's predicate: `is_browser_closable`.
    #[must_use]
    pub fn predicate(flag: &str) -> String {
        format!("is_{}", Words::of(flag).snake())
    }
}

impl Methods {
    /// A property's getter: `retry_after_ms`.
    #[must_use]
    pub fn getter(property: &str) -> String {
        Words::of(property).snake()
    }

    /// The type of an enumerated property, beside the table named `table`: `ChatCodeAction`.
    #[must_use]
    pub fn property_type(table: &str, property: &str) -> String {
        format!("{table}{}", Words::of(property).pascal())
    }

    /// A value's variant of an enumerated property's type: `BackOff` for `back_off`.
    #[must_use]
    pub fn property_variant(word: &str) -> String {
        Words::of(word).pascal()
    }
}

/// `going_away`, `going away` or `GOING_AWAY` as `GoingAway`.
pub(crate) fn camel_case(name: &str) -> String {
    let all_upper = !name.chars().any(|ch| ch.is_ascii_lowercase());
    name.split(|ch: char| !ch.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            let first = chars.next().map(|ch| ch.to_ascii_uppercase());
            let rest: String = if all_upper {
                chars.map(|ch| ch.to_ascii_lowercase()).collect()
            } else {
                chars.collect()
            };
            first.into_iter().chain(rest.chars()).collect::<String>()
        })
        .collect()
}

/// Whether `name` is a `snake_case` Rust identifier: lowercase ASCII letters, digits and single
/// underscores, starting with a letter.
pub(crate) fn is_snake_case(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !name.contains("__")
        && !name.ends_with('_')
}

/// Whether `name` is in `UpperCamelCase` as Rust's lints want a type: an upper-case first letter,
/// no `_`, and not all capitals (`HTTP`; a single letter may be).
#[must_use]
pub fn is_upper_camel_case(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && !name.contains('_')
        && (name.chars().filter(char::is_ascii_alphabetic).count() <= 1
            || name.chars().any(|c| c.is_ascii_lowercase()))
}

/// Whether `name` can be a variant of a generated enum: an identifier (ASCII letters, digits and
/// `_`, starting with a letter) that is not a keyword.
#[must_use]
pub fn is_variant_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !KEYWORDS.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_acronyms_together() {
        let cases = [
            ("IOError", "io_error", "ioError", "IO_ERROR"),
            (
                "HTTPUpgradeRejected",
                "http_upgrade_rejected",
                "httpUpgradeRejected",
                "HTTP_UPGRADE_REJECTED",
            ),
            (
                "SessionTimedOut",
                "session_timed_out",
                "sessionTimedOut",
                "SESSION_TIMED_OUT",
            ),
            ("Http2Error", "http2_error", "http2Error", "HTTP2_ERROR"),
            (
                "browser_closable",
                "browser_closable",
                "browserClosable",
                "BROWSER_CLOSABLE",
            ),
            ("x_2", "x_2", "x2", "X_2"),
            ("Tls", "tls", "tls", "TLS"),
            ("A", "a", "a", "A"),
        ];
        for (name, snake, camel, screaming) in cases {
            let words = Words::of(name);
            assert_eq!(
                (
                    words.snake().as_str(),
                    words.camel().as_str(),
                    words.screaming().as_str()
                ),
                (snake, camel, screaming),
                "{name}"
            );
        }
        assert_eq!(Words::of("x2").key(), Words::of("x_2").key());
        for name in [
            "IOError",
            "x_2",
            "HTTPUpgrade",
            "browser_closable",
            "Http2Error",
        ] {
            assert_eq!(Words::key_of(name), Words::of(name).key(), "{name}");
        }
        assert_eq!(Words::of("IOError").pascal(), "IoError");
    }

    #[test]
    fn methods_come_from_the_words() {
        assert_eq!(
            Methods::constructors("IOError"),
            ("io_error".to_owned(), "try_io_error".to_owned())
        );
        assert_eq!(
            Methods::predicate("browser_closable"),
            "is_browser_closable"
        );
        assert_eq!(Methods::from_repr(Repr::I64), "from_i64");
    }
}
