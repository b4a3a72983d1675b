//! The table as an ES module, TypeScript or JavaScript (one writer, two flavours): a frozen
//! object of the named codes (an alias is a deprecated key of the same value), the rows
//! (`ENTRIES`), a predicate per flag, and from `script/runtime.ts` (or `.js`) the type `Entry` and
//! the lookups `describe` and `fromWire`.
//!
//! The TypeScript has no `enum` and no other syntax with runtime semantics, so it type-checks
//! under `tsc --strict --erasableSyntaxOnly`; the JavaScript is the same module typed with `JSDoc`.
//!
//! Rendered targets have no range predicates: a range is found by `describe(code)?.variant`,
//! as a `match` on the variant does it in Rust, so that a range and a flag never compete for a
//! name (the built-in `http` table has both a range and a flag per class).

use closecodes_spec::targets::Namer;

use super::language::{CodeWriter, Runtime};
use super::view::{ValueSpelling, wording};
use super::{CommentStyle, MAX_SAFE_INTEGER, Text, View};
use crate::safe::{block_comment_text, quoted, visible};

/// What the two flavours write differently: types as TypeScript syntax or as `JSDoc`.
pub(crate) trait Flavour: Sync {
    /// The runtime file of the flavour.
    const RUNTIME: &'static str;
    /// The flags' type: `export interface Flags` or a `@typedef`.
    fn flags_type(&self, fields: &str) -> String;
    /// After the named codes' object: ` as const` and the type of a code, or nothing.
    fn codes_end(&self, name: &str) -> String;
    /// The start of `ENTRIES`' declaration.
    fn entries_start(&self) -> &'static str;
    /// A predicate's signature after its name, and its `JSDoc` tags.
    fn predicate(&self) -> (&'static str, &'static [&'static str]);
    /// An enumerated property's type `name`, the union of `words` (string literals), with its
    /// doc (safe already).
    fn property_type(&self, out: &mut Text, doc: &str, name: &str, words: &str);
    /// The properties' type (`fields`: ` readonly action: ChatCodeAction;` each) and the field
    /// `properties` of `Entry`: TypeScript merges a declaration of `Entry`, the JavaScript's
    /// `Entry` typedef of the runtime file has none (its getters read rows as `Row`s).
    fn properties_type(&self, fields: &[String]) -> String;
    /// A getter's signature after its name (`ty`: its type), and its `JSDoc` tags.
    fn getter(&self, ty: &str) -> (String, Vec<String>);
    /// The entry of `code`, whose `properties` the getter reads.
    fn described(&self) -> &'static str;
}

/// TypeScript.
pub(crate) struct Ts;
/// JavaScript typed with `JSDoc`.
pub(crate) struct Js;

impl Flavour for Ts {
    const RUNTIME: &'static str = include_str!("runtime.ts");

    fn flags_type(&self, fields: &str) -> String {
        format!("/** The table's flags of an entry. */\nexport interface Flags {{{fields}}}\n\n")
    }

    fn codes_end(&self, name: &str) -> String {
        format!(
            " as const);\n\n/** A named code of `{name}`. */\nexport type {name} = (typeof {name})[keyof typeof {name}];\n\n"
        )
    }

    fn entries_start(&self) -> &'static str {
        "export const ENTRIES: readonly Entry[] = frozen<Entry>([\n"
    }

    fn predicate(&self) -> (&'static str, &'static [&'static str]) {
        ("(code: number): boolean", &[])
    }

    fn property_type(&self, out: &mut Text, doc: &str, name: &str, words: &str) {
        Script::<Self>::jsdoc(out, "", doc, &[]);
        writeln!(out, "export type {name} = {words};\n");
    }

    fn properties_type(&self, fields: &[String]) -> String {
        format!(
            "/** The table's properties of an entry. */\nexport interface Properties {{{} }}\n\n/** An entry's properties, beside its flags. */\nexport interface Entry {{ readonly properties: Properties; }}\n\n",
            fields.join("")
        )
    }

    fn getter(&self, ty: &str) -> (String, Vec<String>) {
        (format!("(code: number): {ty}"), Vec::new())
    }

    fn described(&self) -> &'static str {
        "describe(code)"
    }
}

impl Flavour for Js {
    const RUNTIME: &'static str = include_str!("runtime.js");

    fn flags_type(&self, fields: &str) -> String {
        format!(
            "/**\n * The table's flags of an entry.\n * @typedef {{{{{fields}}}}} Flags\n */\n\n"
        )
    }

    fn codes_end(&self, _name: &str) -> String {
        ");\n\n".to_owned()
    }

    fn entries_start(&self) -> &'static str {
        "/** @type {readonly Entry[]} */\nexport const ENTRIES = frozen([\n"
    }

    fn predicate(&self) -> (&'static str, &'static [&'static str]) {
        ("(code)", &["@param {number} code", "@returns {boolean}"])
    }

    fn property_type(&self, out: &mut Text, doc: &str, name: &str, words: &str) {
        Script::<Self>::jsdoc(out, "", doc, &[&format!("@typedef {{{words}}} {name}")]);
        out.push("\n");
    }

    fn properties_type(&self, fields: &[String]) -> String {
        format!(
            "/**\n * The table's properties of an entry.\n * @typedef {{{{{} }}}} Properties\n */\n\n/**\n * An entry with its properties: every entry of the table.\n * @typedef {{Entry & {{ readonly properties: Properties }}}} Row\n */\n\n",
            fields.join("")
        )
    }

    fn getter(&self, ty: &str) -> (String, Vec<String>) {
        (
            "(code)".to_owned(),
            vec![
                "@param {number} code".to_owned(),
                format!("@returns {{{ty}}}"),
            ],
        )
    }

    fn described(&self) -> &'static str {
        "/** @type {Row | undefined} */ (describe(code))"
    }
}

/// The module writer of a flavour.
pub(crate) struct Script<F>(F);

/// The TypeScript target.
pub(crate) static TYPESCRIPT: Script<Ts> = Script(Ts);
/// The JavaScript target.
pub(crate) static JAVASCRIPT: Script<Js> = Script(Js);

impl<F: Flavour> Script<F> {
    /// A `JSDoc` comment of `text` (safe already), then `tags`; one line if it is one.
    fn jsdoc(out: &mut Text, indent: &str, text: &str, tags: &[&str]) {
        let mut lines: Vec<&str> = text.split('\n').collect();
        if !tags.is_empty() {
            lines.push("");
            lines.extend(tags);
        }
        if let [line] = lines.as_slice() {
            writeln!(out, "{indent}/** {line} */");
            return;
        }
        CommentStyle::BLOCK.write(out, indent, &lines.join("\n"));
    }
}

impl<F: Flavour> CodeWriter for Script<F> {
    fn namer(&self) -> &'static dyn Namer {
        &closecodes_spec::targets::Script
    }

    fn bounds(&self) -> (i128, i128) {
        (-MAX_SAFE_INTEGER, MAX_SAFE_INTEGER)
    }

    fn comment_style(&self) -> CommentStyle {
        CommentStyle::BLOCK
    }

    /// `JSDoc` text: no `*/` that ends the comment, no `@` that tsc would start a tag or an
    /// inline tag at (every `@` is escaped), no line break the comment does not see (U+2028 is
    /// escaped).
    /// `JSDoc` text: no `*/`, no `@` that starts a tag, and no run of three backticks, which
    /// TypeScript reads as a code fence that swallows the `@param` and `@returns` tags after
    /// the text when it is not closed (written `&#96;`, which an editor shows as a backtick).
    fn doc_text(&self, text: &str) -> String {
        let text = block_comment_text(&visible(text, true)).replace('@', "\\@");
        if !text.contains("```") {
            return text;
        }
        let mut fenced = String::with_capacity(text.len() + 16);
        let mut rest = text.as_str();
        while let Some(at) = rest.find('`') {
            fenced.push_str(&rest[..at]);
            let run = rest[at..].chars().take_while(|&c| c == '`').count();
            if run >= 3 {
                fenced.push_str(&"&#96;".repeat(run));
            } else {
                fenced.push_str(&"`".repeat(run));
            }
            rest = &rest[at + run..];
        }
        fenced.push_str(rest);
        fenced
    }

    /// A string literal: control characters, line separators (which end a line in a script
    /// before ES2019) and bidirectional controls as `\uXXXX` escapes.
    fn string(&self, text: &str) -> String {
        if text.is_ascii() {
            // JSON's escapes, which cover every ASCII control character.
            return serde_json::Value::String(text.to_owned()).to_string();
        }
        quoted(text, &[])
    }

    fn runtime(&self) -> Runtime {
        Runtime {
            text: F::RUNTIME,
            comment: "//",
        }
    }

    fn doc(&self, out: &mut Text, indent: &str, text: &str) {
        Self::jsdoc(out, indent, text, &[]);
    }

    fn preamble(&self, _out: &mut Text, _view: &View<'_>) {}

    fn table_types(&self, out: &mut Text, view: &View<'_>) {
        let fields: Vec<String> = view
            .flags
            .iter()
            .map(|f| format!(" readonly {}: boolean;", f.name))
            .collect();
        let fields = if fields.is_empty() {
            String::new()
        } else {
            format!("{} ", fields.join(""))
        };
        out.push(&self.0.flags_type(&fields));
        if view.properties.is_empty() {
            return;
        }
        let namer = closecodes_spec::targets::Script;
        let mut fields = Vec::new();
        for property in &view.properties {
            let ty = if property.values.is_empty() {
                "number".to_owned()
            } else {
                let ty = namer.property_type(view.name, &property.words);
                let words: Vec<String> = property.values.iter().map(|v| self.string(v.0)).collect();
                let doc = format!(
                    "{}\n\n{}",
                    self.doc_text(property.description),
                    wording::property_type(
                        &format!("`{}`", property.name),
                        &format!("`{}`", namer.getter(&property.words))
                    )
                );
                self.0.property_type(out, &doc, &ty, &words.join(" | "));
                ty
            };
            fields.push(format!(" readonly {}: {ty};", property.name));
        }
        out.push(&self.0.properties_type(&fields));
    }

    /// `export const ChatCode = Object.freeze({ Normal: 1000, … })`, and its type.
    fn codes(&self, out: &mut Text, view: &View<'_>) {
        let name = view.name;
        out.push("\n");
        self.doc(
            out,
            "",
            &format!(
                "{}\n\nThe named codes, by variant name.{}",
                self.doc_text(&view.description),
                self.retired_paragraph(view)
            ),
        );
        writeln!(out, "export const {name} = Object.freeze({{");
        for code in view.codes {
            let text = self.code_summary(code, &format!("`{}`", code.value));
            match &code.deprecated {
                // The tag is ours; the note is text after it, on one line.
                Some(note) => {
                    let note = note.split_whitespace().collect::<Vec<_>>().join(" ");
                    let tag = format!("@deprecated {}", self.doc_text(&note));
                    Self::jsdoc(out, "  ", &text, &[&tag]);
                }
                None => self.doc(out, "  ", &text),
            }
            writeln!(out, "  {}: {},", code.name, code.value);
            for alias in &code.aliases {
                let tag = format!(
                    "@deprecated {}",
                    wording::alias(&format!("`{}`", code.name))
                );
                Self::jsdoc(
                    out,
                    "  ",
                    &format!("`{}` under its former name.", code.value),
                    &[&tag],
                );
                writeln!(out, "  {alias}: {},", code.value);
            }
        }
        out.push("}");
        out.push(&self.0.codes_end(name));
    }

    /// `ENTRIES`, ordered by number, frozen.
    fn entries(&self, out: &mut Text, view: &View<'_>) {
        writeln!(out, "/** {} */", wording::ENTRIES);
        out.push(self.0.entries_start());
        let spelling = ValueSpelling::new(
            view,
            |i, p| format!("{}{}: ", if i == 0 { "" } else { ", " }, p.name),
            |p, at| self.string(p.values[at].0),
        );
        for row in &view.rows {
            let flags: Vec<String> = view
                .flags
                .iter()
                .zip(row.flags)
                .map(|(flag, set)| format!("{}: {set}", flag.name))
                .collect();
            let reason = row
                .reason
                .map_or_else(|| "undefined".to_owned(), |r| self.string(r));
            let mut properties = String::new();
            if !view.properties.is_empty() {
                properties.push_str(", properties: { ");
                spelling.write(&mut properties, row.properties);
                properties.push_str(" }");
            }
            writeln!(
                out,
                "  {{ kind: \"{}\", variant: \"{}\", start: {}, end: {}, reason: {reason}, description: {}, sendable: {}, flags: {{ {} }}{properties} }},",
                super::kind_name(row.kind),
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
        let (signature, tags) = self.0.predicate();
        let namer = closecodes_spec::targets::Script;
        for flag in &view.flags {
            let doc = format!(
                "{}\n\n{}",
                self.doc_text(flag.description),
                wording::flag(flag.name, &flag.default.to_string(), |n| format!("`{n}`"))
            );
            Self::jsdoc(out, "", &doc, tags);
            writeln!(
                out,
                "export function {}{signature} {{\n  return describe(code)?.flags.{} ?? false;\n}}\n",
                namer.predicate(&flag.words),
                flag.name
            );
        }
        for property in &view.properties {
            let ty = if property.values.is_empty() {
                "number".to_owned()
            } else {
                namer.property_type(view.name, &property.words)
            };
            let default = property.written(property.default);
            let doc = format!(
                "{}\n\n{}",
                self.doc_text(property.description),
                wording::property(property.name, &default, |n| format!("`{n}`"))
            );
            let (signature, tags) = self.0.getter(&ty);
            let tags: Vec<&str> = tags.iter().map(String::as_str).collect();
            Self::jsdoc(out, "", &doc, &tags);
            let default = if property.values.is_empty() {
                default
            } else {
                self.string(&default)
            };
            writeln!(
                out,
                "export function {}{signature} {{\n  return {}?.properties.{} ?? {default};\n}}\n",
                namer.getter(&property.words),
                self.0.described(),
                property.name
            );
        }
    }
}
