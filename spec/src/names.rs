//! Rust names: keywords, case conversions, and the methods every generated table has.

/// Rust's keywords, strict and reserved: no name of a table may be one.
pub(crate) const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// `GoingAway` as `going_away`: the name of a range's constructor.
#[must_use]
pub fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, ch) in name.chars().enumerate() {
        if ch.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(ch.to_ascii_lowercase());
        } else {
            out.push(ch);
        }
    }
    out
}

/// The methods every generated table has besides `from_<repr>` and `as_<repr>` (inherent, or of a
/// trait it implements): a range's constructors may not take one of these names. The generation
/// library tests that every `fn` it emits is listed here or is a constructor.
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
];

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

/// Whether `name` can be a variant of a generated enum: an identifier (ASCII letters, digits and
/// `_`, starting with a letter) that is not a keyword.
pub(crate) fn is_variant_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !KEYWORDS.contains(&name)
}
