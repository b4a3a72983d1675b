//! Rust source written as text and lexed once: the parts of an expansion that grow with the table.
//!
//! Inside rustc every token that `quote!` builds is a call across the proc-macro bridge, which made
//! a 1,000-code table cost about 230 ms to expand; a piece written as text is one call (see
//! BENCHMARKS.md, "Inside rustc").

use std::collections::HashMap;
use std::fmt;

use closecodes_spec::Interval;
use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use quote::quote;

/// A piece of Rust source being written: a `String` whose `write_fmt` cannot fail, so that
/// `writeln!(code, ...)` needs no `let _ =`.
pub(crate) struct Code(String);

impl Code {
    pub(crate) fn new() -> Self {
        Code(String::with_capacity(1024))
    }

    /// What `write!` and `writeln!` call; writing to a `String` cannot fail.
    pub(crate) fn write_fmt(&mut self, args: fmt::Arguments<'_>) {
        // infallible: `fmt::Write for String` never returns an error
        let _ = fmt::Write::write_fmt(&mut self.0, args);
    }

    /// Fixed text and a newline, with no `{{ }}` doubling.
    pub(crate) fn line(&mut self, text: &str) {
        self.0.push_str(text);
        self.0.push('\n');
    }

    /// One `#[doc = "..."]` attribute holding `lines` as `///` comments would (each non-empty line
    /// after a space). One attribute rather than one per line keeps large tables quick to compile.
    pub(crate) fn doc<S: AsRef<str>>(&mut self, lines: &[S]) {
        let mut text = String::new();
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            let line = line.as_ref();
            if !line.is_empty() {
                text.push(' ');
                text.push_str(line);
            }
        }
        writeln!(self, "#[doc = {text:?}]");
    }

    /// The text itself, to nest in another piece.
    pub(crate) fn into_text(self) -> String {
        self.0
    }

    /// The text as tokens.
    pub(crate) fn tokens(self) -> TokenStream {
        lex(&self.0)
    }

    /// `{ text }` as one token tree: `quote!` then shares the group instead of copying its
    /// tokens, which keeps expansion linear with a small constant on large tables.
    pub(crate) fn braced(self) -> TokenTree {
        TokenTree::Group(Group::new(Delimiter::Brace, self.tokens()))
    }
}

/// Lexes Rust source. Inside rustc the compiler lexes it directly: `proc_macro2` would first lex
/// the whole text again with its own lexer to validate it. Elsewhere (build scripts, the CLI,
/// tests) `proc_macro2`'s own lexer does the work.
fn lex(text: &str) -> TokenStream {
    if proc_macro::is_available()
        && let Ok(tokens) = text.parse::<proc_macro::TokenStream>()
    {
        return tokens.into();
    }
    text.parse().unwrap_or_else(|e: proc_macro2::LexError| {
        let message = format!(
            "internal error in closecodes: generated code did not lex ({e}); please report it"
        );
        quote!(::core::compile_error!(#message);)
    })
}

/// `::core::option::Option::Some("text")`, or `::core::option::Option::None`.
pub(crate) struct OptionLiteral<'a>(pub(crate) Option<&'a str>);

impl fmt::Display for OptionLiteral<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(text) => write!(f, "::core::option::Option::Some({text:?})"),
            None => f.write_str("::core::option::Option::None"),
        }
    }
}

/// An integer as generated code writes it: digits in groups of three from the sixth on
/// (`100_000`, `-2_147_483_648`), as `clippy::unreadable_literal` asks of a file a user reads
/// (the build-script and rendered forms); shorter ones as they are (`65535`).
#[derive(Clone, Copy)]
pub(crate) struct Int(pub(crate) i128);

impl fmt::Display for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Most numbers (every `u16`) are short: written without a `String` of their digits.
        if self.0.unsigned_abs() < 100_000 {
            return write!(f, "{}", self.0);
        }
        let digits = self.0.unsigned_abs().to_string();
        if self.0 < 0 {
            f.write_str("-")?;
        }
        if digits.len() < 6 {
            return f.write_str(&digits);
        }
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                f.write_str("_")?;
            }
            write!(f, "{digit}")?;
        }
        Ok(())
    }
}

/// A range's intervals as a pattern: `1004 | 1016..=2999`.
pub(crate) struct Pattern<'a>(pub(crate) &'a [Interval]);

impl fmt::Display for Pattern<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, interval) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" | ")?;
            }
            if interval.start == interval.end {
                write!(f, "{}", Int(interval.start))?;
            } else {
                write!(f, "{}..={}", Int(interval.start), Int(interval.end))?;
            }
        }
        Ok(())
    }
}

/// Match arms as text, the patterns that share a body grouped into one arm (as
/// `clippy::match_same_arms` asks), in the order each body first appears.
#[derive(Default)]
pub(crate) struct Match {
    order: Vec<String>,
    arms: HashMap<String, Arm>,
}

#[derive(Default)]
struct Arm {
    patterns: Vec<String>,
    /// Whether a pattern binds `value`: such an arm cannot become the wildcard.
    binds: bool,
}

impl Match {
    /// Adds `pattern => body`; `binds` says whether the pattern binds `value`.
    pub(crate) fn push(&mut self, pattern: String, binds: bool, body: String) {
        if !self.arms.contains_key(&body) {
            self.order.push(body.clone());
        }
        let arm = self.arms.entry(body).or_default();
        arm.patterns.push(pattern);
        arm.binds |= binds;
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// `match scrutinee { ... }` with the arms, and `wildcard` as the body of a final `_` arm.
    pub(crate) fn finish_with(mut self, code: &mut Code, scrutinee: &str, wildcard: Option<&str>) {
        writeln!(code, "match {scrutinee} {{");
        for body in &self.order {
            if let Some(arm) = self.arms.remove(body) {
                writeln!(code, "{} => {body},", arm.patterns.join(" | "));
            }
        }
        if let Some(body) = wildcard {
            writeln!(code, "_ => {body},");
        }
        code.line("}");
    }

    /// `match scrutinee { ... }` over every variant: the largest group of patterns that binds
    /// nothing (if it has more than one) becomes the final `_` arm. A `Self::A | Self::B | …`
    /// alternative of thousands of variants is slow for rustc to check; a wildcard is not. No
    /// wildcard when an arm binds `value` (a range with documented codes, whose inner `match`
    /// ends in its own `_`): an outer `_` with the same body as that inner one is what
    /// `clippy::collapsible_match` flags (two ranges without a reason did it).
    pub(crate) fn finish(mut self, code: &mut Code, scrutinee: &str) {
        if self.arms.values().any(|arm| arm.binds) {
            return self.finish_with(code, scrutinee, None);
        }
        let largest = self
            .order
            .iter()
            .filter_map(|body| self.arms.get(body).map(|arm| (body, arm)))
            .filter(|(_, arm)| !arm.binds)
            .max_by_key(|(_, arm)| arm.patterns.len())
            .filter(|(_, arm)| arm.patterns.len() > 1)
            .map(|(body, _)| body.clone());
        match largest {
            Some(body) => {
                self.order.retain(|b| *b != body);
                self.arms.remove(&body);
                // Every pattern has one body: the body alone, not a `match` of one `_` arm
                // (`clippy::match_single_binding`, as in `reason()` of a table without reasons).
                if self.order.is_empty() {
                    writeln!(code, "{{ let _ = {scrutinee}; {body} }}");
                    return;
                }
                // Two arms, `true` and `false`: `matches!`, as `clippy::match_like_matches_macro`
                // asks of hand-written code.
                if let [other] = self.order.as_slice()
                    && let Some(arm) = self.arms.get(other)
                    && !arm.binds
                    && matches!(
                        (other.as_str(), body.as_str()),
                        ("true", "false") | ("false", "true")
                    )
                {
                    let not = if other == "false" { "!" } else { "" };
                    writeln!(
                        code,
                        "{not}::core::matches!({scrutinee}, {})",
                        arm.patterns.join(" | ")
                    );
                    return;
                }
                self.finish_with(code, scrutinee, Some(&body));
            }
            None => self.finish_with(code, scrutinee, None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_bodies_share_an_arm_and_the_largest_group_becomes_the_wildcard() {
        let mut arms = Match::default();
        arms.push("Self::A".into(), false, "1".into());
        arms.push("Self::B".into(), false, "2".into());
        arms.push("Self::C".into(), false, "1".into());
        arms.push("Self::D(_)".into(), false, "3".into());
        let mut code = Code::new();
        arms.finish(&mut code, "self");
        assert_eq!(
            code.0,
            "match self {\nSelf::B => 2,\nSelf::D(_) => 3,\n_ => 1,\n}\n"
        );
    }

    #[test]
    fn no_wildcard_beside_an_arm_that_binds() {
        let mut arms = Match::default();
        arms.push("Self::A(_)".into(), false, "None".into());
        arms.push("Self::B(_)".into(), false, "None".into());
        let inner = "match value { 1 => Some(1), _ => None }";
        arms.push("Self::C(value)".into(), true, inner.into());
        let mut code = Code::new();
        arms.finish(&mut code, "self");
        assert_eq!(
            code.0,
            format!(
                "match self {{\nSelf::A(_) | Self::B(_) => None,\nSelf::C(value) => {inner},\n}}\n"
            )
        );
    }

    #[test]
    fn a_true_or_false_match_is_written_as_matches() {
        let mut arms = Match::default();
        arms.push("Self::A".into(), false, "true".into());
        arms.push("Self::B".into(), false, "false".into());
        arms.push("Self::C".into(), false, "true".into());
        let mut code = Code::new();
        arms.finish(&mut code, "self");
        assert_eq!(code.0, "!::core::matches!(self, Self::B)\n");
    }

    #[test]
    fn arms_that_bind_never_become_the_wildcard() {
        let mut arms = Match::default();
        arms.push("Self::A(value)".into(), true, "f(value)".into());
        arms.push("Self::B(value)".into(), true, "f(value)".into());
        arms.push("Self::C".into(), false, "0".into());
        let mut code = Code::new();
        arms.finish(&mut code, "self");
        assert_eq!(
            code.0,
            "match self {\nSelf::A(value) | Self::B(value) => f(value),\nSelf::C => 0,\n}\n"
        );
    }

    #[test]
    fn docs_are_one_attribute_with_a_space_before_each_line() {
        let mut code = Code::new();
        code.doc(&["Head.", "", "Body \"quoted\"."]);
        assert_eq!(code.0, "#[doc = \" Head.\\n\\n Body \\\"quoted\\\".\"]\n");
        assert!(code.tokens().to_string().starts_with("# [doc ="));
    }

    #[test]
    fn patterns_and_optional_strings_are_written_as_rust() {
        let intervals = [
            Interval {
                start: 1004,
                end: 1004,
            },
            Interval {
                start: -3,
                end: 2999,
            },
        ];
        assert_eq!(Pattern(&intervals).to_string(), "1004 | -3..=2999");
        let ints: Vec<String> = [0, 65535, -12345, 100_000, 4_294_967_295, -2_147_483_648]
            .map(|n| Int(n).to_string())
            .to_vec();
        assert_eq!(
            ints,
            [
                "0",
                "65535",
                "-12345",
                "100_000",
                "4_294_967_295",
                "-2_147_483_648"
            ]
        );
        let wide = [Interval {
            start: 99_999,
            end: 1_000_000,
        }];
        assert_eq!(Pattern(&wide).to_string(), "99999..=1_000_000");
        assert_eq!(
            OptionLiteral(Some("a\"b")).to_string(),
            "::core::option::Option::Some(\"a\\\"b\")"
        );
        assert_eq!(
            OptionLiteral(None).to_string(),
            "::core::option::Option::None"
        );
    }

    #[test]
    fn text_that_does_not_lex_becomes_a_compile_error() {
        assert!(lex("\"open").to_string().contains("compile_error"));
    }
}
