//! The table as an ES module, TypeScript or JavaScript (one target, two flavours): a frozen
//! object of the named codes, the rows (`ENTRIES`), a predicate per flag, and the lookups of
//! `ts/runtime.ts` (or `.js`): `describe`, `fromWire`.
//!
//! The TypeScript has no `enum` and no other syntax with runtime semantics, so it type-checks
//! under `tsc --strict --erasableSyntaxOnly`; the JavaScript is the same module typed with `JSDoc`.
//!
//! Rendered targets have no range predicates: a range is found by `describe(code)?.variant`,
//! as a `match` on the variant does it in Rust, so that a range and a flag never compete for a
//! name (the built-in `http` table has both a range and a flag per class).

use std::fmt::Write as _;

use closecodes_spec::RowKind;

use super::{Language, MAX_SAFE_INTEGER, RenderError, Text, View};

/// The marker line of a runtime file: the module holds what follows it.
const MARKER: &str = "// closecodes: runtime\n";

/// The TypeScript or JavaScript target.
pub(crate) struct Script {
    ts: bool,
}

impl Script {
    pub(crate) const TYPESCRIPT: Script = Script { ts: true };
    pub(crate) const JAVASCRIPT: Script = Script { ts: false };

    /// The fixed logic of the flavour, from its marker on.
    fn runtime(&self) -> &'static str {
        let file = if self.ts {
            include_str!("ts/runtime.ts")
        } else {
            include_str!("ts/runtime.js")
        };
        file.split_once(MARKER).map_or(file, |(_, runtime)| runtime)
    }

    /// A flag's predicate: `isBrowserClosable`.
    fn predicate(words: &closecodes_spec::Words) -> String {
        format!("is{}", words.pascal())
    }
}

/// Keywords of JavaScript and TypeScript (reserved in strict mode and as type names), and the
/// globals the module uses.
const RESERVED: &[&str] = &[
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
    "globalThis",
    "Object",
    "Map",
    "ReadonlyMap",
    "Readonly",
    "Record",
    "Number",
    "Array",
    "ReadonlyArray",
    "Entry",
];

impl Language for Script {
    fn name(&self) -> &'static str {
        if self.ts { "TypeScript" } else { "JavaScript" }
    }

    fn reserved(&self) -> &'static [&'static str] {
        RESERVED
    }

    fn defined(&self, view: &View<'_>) -> Vec<String> {
        [
            "ENTRIES", "POINTS", "RANGES", "describe", "fromWire", "frozen",
        ]
        .into_iter()
        .map(str::to_owned)
        .chain(view.flags.iter().map(|f| Script::predicate(&f.words)))
        .collect()
    }

    fn is_identifier(&self, name: &str) -> bool {
        name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_' || c == '$')
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
    }

    /// A string literal: control characters, line separators (which end a line in a script
    /// before ES2019) and bidirectional controls (which can make code read other than it runs)
    /// as `\uXXXX` escapes.
    fn string(&self, text: &str) -> String {
        if text.is_ascii() {
            // JSON's escapes, which cover every ASCII control character.
            return serde_json::Value::String(text.to_owned()).to_string();
        }
        let mut out = String::with_capacity(text.len() + 2);
        out.push('"');
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                c if closecodes_spec::needs_escape(c) => {
                    let _ = write!(out, "\\u{:04x}", u32::from(c));
                }
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }

    /// A `JSDoc` comment: every line prefixed, no `*/` that ends it early, no `@` that starts a
    /// tag (`@returns`, at a line's start or after a space), no line break the comment does not
    /// see (U+2028 is escaped).
    fn doc(&self, out: &mut Text, indent: &str, text: &str) {
        Script::jsdoc(out, indent, text, &[]);
    }
    fn file(&self, view: &View<'_>) -> Result<String, RenderError> {
        if let Some(value) = view
            .rows
            .iter()
            .flat_map(|r| [r.start, r.end])
            .find(|v| v.abs() > MAX_SAFE_INTEGER)
        {
            return Err(RenderError::Number {
                value,
                target: self.name(),
                largest: MAX_SAFE_INTEGER,
            });
        }
        let mut out = Text::new();
        writeln!(
            out,
            "// Generated by closecodes from `{}`; do not edit. Regenerate with\n// `closecodes render --to {}`.\n",
            view.source,
            if self.ts { "ts" } else { "js" }
        );
        self.named_codes(&mut out, view);
        self.entry_type(&mut out, view);
        self.entries(&mut out, view);
        self.predicates(&mut out, view);
        out.push(self.runtime());
        Ok(out.into_string())
    }
}

impl Script {
    /// A `JSDoc` comment of `text` (made safe), then `tags` (the module's own, as they are).
    fn jsdoc(out: &mut Text, indent: &str, text: &str, tags: &[&str]) {
        let text = crate::docs::visible(text, true).replace("*/", "*\\/");
        let lines: Vec<String> = text
            .split('\n')
            .map(|line| {
                if !line.contains('@') {
                    return line.to_owned();
                }
                // `@` at the start of a line or after whitespace starts a tag in tsc's parser.
                let mut out = String::with_capacity(line.len());
                let mut after_space = true;
                for c in line.chars() {
                    if c == '@' && after_space {
                        out.push('\\');
                    }
                    after_space = c.is_whitespace();
                    out.push(c);
                }
                out
            })
            .chain(tags.iter().map(|t| (*t).to_owned()))
            .collect();
        if let [line] = lines.as_slice() {
            writeln!(out, "{indent}/** {line} */");
            return;
        }
        writeln!(out, "{indent}/**");
        for line in lines {
            if line.is_empty() {
                writeln!(out, "{indent} *");
            } else {
                writeln!(out, "{indent} * {line}");
            }
        }
        writeln!(out, "{indent} */");
    }

    /// `export const ChatCode = Object.freeze({ Normal: 1000, … })`, and its type.
    fn named_codes(&self, out: &mut Text, view: &View<'_>) {
        let name = view.name;
        self.doc(
            out,
            "",
            &format!(
                "{}\n\nThe named codes, by variant name.{}",
                view.description,
                view.retired_text()
            ),
        );
        writeln!(out, "export const {name} = Object.freeze({{");
        for code in view.codes {
            let reason = code
                .reason
                .as_deref()
                .map_or(String::new(), |r| format!(" {r}:"));
            let text = format!("`{}`{reason} {}", code.value, code.description);
            match &code.deprecated {
                // The tag is ours; the note is text after it, on one line.
                Some(note) => {
                    let note = note.split_whitespace().collect::<Vec<_>>().join(" ");
                    let mut tagged = Text::new();
                    Script::jsdoc(&mut tagged, "  ", &format!("{text}\n\n{note}"), &[]);
                    // Written safely first, then the note becomes the tag's text.
                    let tagged = tagged.into_string();
                    out.push(&deprecate(&tagged));
                }
                None => self.doc(out, "  ", &text),
            }
            writeln!(out, "  {}: {},", code.name, code.value);
        }
        writeln!(out, "}}{});\n", if self.ts { " as const" } else { "" });
        if self.ts {
            writeln!(out, "/** A named code of `{name}`. */");
            writeln!(
                out,
                "export type {name} = (typeof {name})[keyof typeof {name}];\n"
            );
        }
    }

    /// The type of a row: `Entry` (TypeScript) or a `JSDoc` `@typedef`.
    fn entry_type(&self, out: &mut Text, view: &View<'_>) {
        let flags: Vec<String> = view
            .flags
            .iter()
            .map(|f| format!("readonly {}: boolean", f.name))
            .collect();
        let flags = format!("{{ {} }}", flags.join("; "));
        if self.ts {
            out.push("/** A named code, a range interval, or a code documented in a range. */\n");
            out.push("export interface Entry {\n");
            out.push("  readonly kind: \"code\" | \"range\" | \"documented\";\n");
            out.push("  /** The variant that holds the code (the range's, for a range or a documented code). */\n");
            out.push(
                "  readonly variant: string;\n  readonly start: number;\n  readonly end: number;\n",
            );
            out.push("  readonly reason: string | undefined;\n  readonly description: string;\n");
            out.push("  /** Whether the code may be sent on the wire. */\n  readonly sendable: boolean;\n");
            writeln!(out, "  readonly flags: {flags};\n}}\n");
        } else {
            out.push("/**\n * A named code, a range interval, or a code documented in a range.\n");
            out.push(" * @typedef {{ readonly kind: \"code\" | \"range\" | \"documented\", readonly variant: string, readonly start: number, readonly end: number, readonly reason: string | undefined, readonly description: string, readonly sendable: boolean, readonly flags: ");
            writeln!(out, "{flags} }}}} Entry\n */\n");
        }
    }

    /// `ENTRIES`, ordered by number, frozen.
    fn entries(&self, out: &mut Text, view: &View<'_>) {
        out.push(
            "/** Every named code, range interval and documented code, ordered by number. */\n",
        );
        if self.ts {
            out.push("export const ENTRIES: readonly Entry[] = frozen<Entry>([\n");
        } else {
            out.push("/** @type {readonly Entry[]} */\nexport const ENTRIES = frozen([\n");
        }
        for row in &view.rows {
            let kind = match row.kind {
                RowKind::Code => "code",
                RowKind::Range => "range",
                RowKind::Documented => "documented",
            };
            let flags: Vec<String> = view
                .flags
                .iter()
                .zip(row.flags)
                .map(|(flag, set)| format!("{}: {set}", flag.name))
                .collect();
            let reason = row
                .reason
                .map_or_else(|| "undefined".to_owned(), |r| self.string(r));
            writeln!(
                out,
                "  {{ kind: \"{kind}\", variant: \"{}\", start: {}, end: {}, reason: {reason}, description: {}, sendable: {}, flags: {{ {} }} }},",
                row.variant,
                row.start,
                row.end,
                self.string(row.description),
                row.sendable,
                flags.join(", ")
            );
        }
        out.push("]);\n\n");
    }

    /// `isBrowserClosable(code)` per flag.
    fn predicates(&self, out: &mut Text, view: &View<'_>) {
        let (param, ret) = if self.ts {
            ("code: number", ": boolean")
        } else {
            ("code", "")
        };
        for flag in &view.flags {
            let doc = format!(
                "{}\n\nFlag `{}`; codes that do not set it: `{}`. False for a number that is not a code.",
                flag.description, flag.name, flag.default
            );
            let tags: &[&str] = if self.ts {
                &[]
            } else {
                &["@param {number} code", "@returns {boolean}"]
            };
            Script::jsdoc(out, "", &doc, tags);
            writeln!(
                out,
                "export function {}({param}){ret} {{\n  return describe(code)?.flags.{} ?? false;\n}}\n",
                Script::predicate(&flag.words),
                flag.name
            );
        }
    }
}

/// A `JSDoc` comment whose last line (a deprecation note, made safe) becomes `@deprecated note`.
fn deprecate(comment: &str) -> String {
    let mut lines: Vec<&str> = comment.lines().collect();
    // `  /**`, …, `   * note`, `   */`: the note is the line before the last.
    let at = lines.len().saturating_sub(2);
    let tagged = lines
        .get(at)
        .and_then(|l| l.split_once("* "))
        .map(|(indent, note)| format!("{indent}* @deprecated {note}"));
    let mut out = String::with_capacity(comment.len() + 16);
    if let Some(tagged) = &tagged {
        lines[at] = tagged;
    }
    for line in lines {
        out.push_str(line);
        out.push('\n');
    }
    out
}
