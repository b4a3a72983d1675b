//! C#: one file for C# 7 (Debian's mono `mcs -warnaserror`, and today's .NET): `public enum AppCode
//! : ushort` (the table's repr; a C# enum is open, any number casts), a class `Entry`, and
//! `public static class AppCodeTable` with `Entries`, `Describe`, `FromWire`, `FromCode`, a
//! predicate per flag (`IsReconnectable`) and the same as extension methods on the enum; XML doc
//! comments from the descriptions; the lookups of `csharp/Runtime.cs`.

use std::fmt::Write as _;

use closecodes_spec::{Repr, RowKind, Words};

use super::{Language, RenderError, Text, View};

/// The C# target.
pub(crate) struct CSharp;

/// Keywords, and the names the file defines whatever the table.
const RESERVED: &[&str] = &[
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
    "Entry",
    "System",
];

impl CSharp {
    fn predicate(words: &Words) -> String {
        format!("Is{}", words.pascal())
    }

    /// The C# type of a repr.
    fn repr(repr: Repr) -> &'static str {
        match repr {
            Repr::U8 => "byte",
            Repr::U16 => "ushort",
            Repr::U32 => "uint",
            Repr::U64 => "ulong",
            Repr::I8 => "sbyte",
            Repr::I16 => "short",
            Repr::I32 => "int",
            Repr::I64 => "long",
        }
    }

    /// Whether `name` is a namespace: identifiers separated by dots, none a keyword.
    pub(crate) fn is_namespace(name: &str) -> bool {
        !name.is_empty()
            && name.split('.').all(|part| {
                part.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                    && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    && !RESERVED[..78].contains(&part)
            })
    }

    /// Text for an XML doc comment: `&`, `<` and `>` escaped.
    fn xml(text: &str) -> String {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    }
}

impl Language for CSharp {
    fn name(&self) -> &'static str {
        "C#"
    }

    fn reserved(&self) -> &'static [&'static str] {
        RESERVED
    }

    /// Nothing the table could be named: the lookups live in `<Name>Table`, never `<Name>`.
    fn defined(&self, _view: &View<'_>) -> Vec<String> {
        Vec::new()
    }

    fn string(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 2);
        out.push('"');
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                c if closecodes_spec::needs_escape(c) => {
                    let _ = write!(out, "\\u{:04x}", u32::from(c));
                }
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }

    /// `/// <summary>` lines, the text XML-escaped: `<` and `&` cannot break the XML.
    fn doc(&self, out: &mut Text, indent: &str, text: &str) {
        let text = CSharp::xml(&crate::docs::visible(text, true));
        writeln!(out, "{indent}/// <summary>");
        for line in text.split('\n') {
            if line.is_empty() {
                writeln!(out, "{indent}/// <para/>");
            } else {
                writeln!(out, "{indent}/// {line}");
            }
        }
        writeln!(out, "{indent}/// </summary>");
    }

    fn file(&self, view: &View<'_>) -> Result<String, RenderError> {
        if let Some(value) = view
            .rows
            .iter()
            .flat_map(|r| [r.start, r.end])
            .find(|v| i32::try_from(*v).is_err())
        {
            return Err(RenderError::Number {
                value,
                target: self.name(),
                largest: i128::from(i32::MAX),
            });
        }
        let name = view.name;
        let namespace = view.package.map_or_else(|| name.to_owned(), str::to_owned);
        let mut out = Text::new();
        writeln!(
            out,
            "// Generated by closecodes from `{}`; do not edit. Regenerate with\n// `closecodes render --to csharp`.\n",
            view.source
        );
        out.push("using System.Collections.Generic;\nusing System.Collections.ObjectModel;\n\n");
        writeln!(out, "namespace {namespace}\n{{");
        self.enum_decl(&mut out, view);
        self.entry_class(&mut out);
        self.table_class(&mut out, view);
        let runtime = include_str!("csharp/Runtime.cs");
        let body = runtime
            .split_once("        // closecodes: runtime\n")
            .and_then(|(_, rest)| rest.split_once("        // closecodes: end\n"))
            .map_or("", |(body, _)| body);
        out.push(body);
        out.push("    }\n}\n");
        Ok(out.into_string())
    }
}

impl CSharp {
    /// The enum of the named codes.
    fn enum_decl(&self, out: &mut Text, view: &View<'_>) {
        let name = view.name;
        let repr = CSharp::repr(view.table.repr);
        self.doc(
            out,
            "    ",
            &format!("{}{}", view.description, view.retired_text()),
        );
        writeln!(out, "    public enum {name} : {repr}\n    {{");
        for (i, code) in view.codes.iter().enumerate() {
            let reason = code
                .reason
                .as_deref()
                .map_or(String::new(), |r| format!(" {r}:"));
            self.doc(
                out,
                "        ",
                &format!("{}{reason} {}", code.value, code.description),
            );
            if let Some(note) = &code.deprecated {
                writeln!(out, "        [System.Obsolete({})]", self.string(note));
            }
            let comma = if i + 1 == view.codes.len() { "" } else { "," };
            writeln!(out, "        {} = {}{comma}", code.name, code.value);
        }
        out.push("    }\n\n");
    }

    /// The class `Entry`.
    fn entry_class(&self, out: &mut Text) {
        self.doc(
            out,
            "    ",
            "A named code, a range interval, or a code documented in a range.",
        );
        out.push("    public sealed class Entry\n    {\n");
        out.push("        internal Entry(string kind, string variant, int start, int end, string reason, string description, bool sendable, IReadOnlyDictionary<string, bool> flags)\n        {\n");
        out.push("            Kind = kind;\n            Variant = variant;\n            Start = start;\n            End = end;\n            Reason = reason;\n            Description = description;\n            Sendable = sendable;\n            Flags = flags;\n        }\n\n");
        for (field, ty, doc) in [
            ("Kind", "string", "\"code\", \"range\" or \"documented\"."),
            (
                "Variant",
                "string",
                "The variant that holds the code (the range's, for a range or a documented code).",
            ),
            ("Start", "int", "The first code."),
            ("End", "int", "The last code."),
            ("Reason", "string", "The registry's short name, or null."),
            ("Description", "string", "What the code means."),
            (
                "Sendable",
                "bool",
                "Whether the code may be sent on the wire.",
            ),
            (
                "Flags",
                "IReadOnlyDictionary<string, bool>",
                "The table's flags, by name.",
            ),
        ] {
            self.doc(out, "        ", doc);
            writeln!(out, "        public {ty} {field} {{ get; private set; }}\n");
        }
        out.push("    }\n\n");
    }

    /// `<Name>Table`: the rows, the lookups, the predicates.
    fn table_class(&self, out: &mut Text, view: &View<'_>) {
        let name = view.name;
        self.doc(
            out,
            "    ",
            &format!(
                "The rows and lookups of <see cref=\"{name}\"/>; any int is a valid argument."
            ),
        );
        // The `see` above is ours: written after the text was escaped.
        writeln!(out, "    public static class {name}Table\n    {{");
        let names: Vec<String> = view.flags.iter().map(|f| self.string(f.name)).collect();
        writeln!(
            out,
            "        private static readonly string[] FlagNames = {{ {} }};\n",
            names.join(", ")
        );
        out.push("        private static Entry E(string kind, string variant, int start, int end, string reason, string description, bool sendable, params bool[] flags)\n        {\n");
        out.push("            var map = new Dictionary<string, bool>();\n            for (int i = 0; i < FlagNames.Length; i++) map[FlagNames[i]] = flags[i];\n");
        out.push("            return new Entry(kind, variant, start, end, reason, description, sendable, new ReadOnlyDictionary<string, bool>(map));\n        }\n\n");
        self.doc(
            out,
            "        ",
            "Every named code, range interval and documented code, ordered by number.",
        );
        out.push("        public static readonly IReadOnlyList<Entry> Entries = new ReadOnlyCollection<Entry>(new[]\n        {\n");
        for row in &view.rows {
            let kind = match row.kind {
                RowKind::Code => "code",
                RowKind::Range => "range",
                RowKind::Documented => "documented",
            };
            let reason = row
                .reason
                .map_or_else(|| "null".to_owned(), |r| self.string(r));
            let mut args = vec![
                self.string(kind),
                self.string(row.variant),
                row.start.to_string(),
                row.end.to_string(),
                reason,
                self.string(row.description),
                row.sendable.to_string(),
            ];
            args.extend(row.flags.iter().map(ToString::to_string));
            writeln!(out, "            E({}),", args.join(", "));
        }
        out.push("        });\n\n");
        self.doc(out, "        ", "The entry of a named code of the enum.");
        writeln!(
            out,
            "        public static Entry Describe(this {name} code)\n        {{\n            return Describe((int)code);\n        }}\n"
        );
        for flag in &view.flags {
            let predicate = CSharp::predicate(&flag.words);
            let doc = format!(
                "{}\n\nFlag {}; codes that do not set it: {}. False for a number that is not a code.",
                flag.description, flag.name, flag.default
            );
            self.doc(out, "        ", &doc);
            writeln!(
                out,
                "        public static bool {predicate}(int code)\n        {{\n            var entry = Describe(code);\n            return entry != null && entry.Flags[{}];\n        }}\n",
                self.string(flag.name)
            );
            self.doc(out, "        ", &doc);
            writeln!(
                out,
                "        public static bool {predicate}(this {name} code)\n        {{\n            return {predicate}((int)code);\n        }}\n"
            );
        }
    }
}
