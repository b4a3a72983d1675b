//! Go: one file, one table per package, `gofmt`-clean and `go vet`-clean: `type AppCode int` with
//! a typed constant per named code (`AppCodeUnauthorized`) and per alias, `String()`, `Flags`,
//! `Entries`, a predicate per flag (`IsReconnectable`), and from `go/runtime.go` the type
//! `Entry` and the lookups `Describe` and `FromWire`, which read rows of their own (a change to
//! `Entries` changes no lookup). Open: any int is a valid argument.
//!
//! Doc comments are written in the form gofmt prints them: no line is indented (an indented line
//! would start a code block or a list, which gofmt rewrites), blank lines single, and no spec
//! text reads as go/doc's markup (a heading, a link definition, a `Deprecated:` paragraph, which
//! gopls and staticcheck read as ours, curly quotes) or as a build constraint of go vet's: see
//! `doc_text` and `doc` below.

use closecodes_spec::targets::Namer;

use super::language::{CodeWriter, Runtime};
use super::view::{ValueSpelling, wording};
use super::{CommentStyle, Text, View};
use crate::safe::{LineBreaks, line_starts, quoted, visible};

/// The Go target.
pub(crate) struct Go;

const NAMER: closecodes_spec::targets::Go = closecodes_spec::targets::Go;

/// The no-break space, which go/doc, gofmt and go vet read as text where their markup needs an
/// ASCII space.
const NBSP: &str = "\u{a0}";

/// `text` with a no-break space inside each pair go/doc reads as a curly quote: every `''`, and
/// a run of exactly two backticks (go/doc leaves a longer run, a Markdown fence, as it is).
fn quotes_apart(text: &str) -> String {
    if !text.contains("''") && !text.contains("``") {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\'' && c != '`' {
            out.push(c);
            continue;
        }
        let mut run = 1;
        while chars.next_if_eq(&c).is_some() {
            run += 1;
        }
        let apart = c == '\'' || run == 2;
        for i in 0..run {
            if i > 0 && apart {
                out.push_str(NBSP);
            }
            out.push(c);
        }
    }
    out
}

/// Whether line `at` of a doc comment's `lines` (blank lines empty, as [`Go::doc`] writes them)
/// is what go/doc reads as an old-style heading: a line alone in its paragraph, after a
/// paragraph and before another (no line is indented), that starts with a capital letter, ends
/// with a letter or digit, and holds no punctuation but `(`, `)`, `,`, a `'` of `'s` and a `.`
/// inside a word.
fn old_heading(lines: &[&str], at: usize) -> bool {
    if at == 0 || !lines[at - 1].is_empty() || at + 2 >= lines.len() || !lines[at + 1].is_empty() {
        return false;
    }
    let line = lines[at].trim();
    let starts = line.chars().next().is_some_and(char::is_uppercase);
    let ends = line.chars().next_back().is_some_and(char::is_alphanumeric);
    if !starts || !ends || line.contains(|c| ";:!?+*/=[]{}_^°&§~%#@<\">\\".contains(c)) {
        return false;
    }
    // What follows each `'` and each `.`, to the end of the line.
    let after = |c: char| line.match_indices(c).map(|(i, _)| &line[i + 1..]);
    after('\'').all(|rest| rest == "s" || rest.starts_with("s "))
        && after('.').all(|rest| !rest.is_empty() && !rest.starts_with(' '))
}

impl Go {
    fn package(view: &View<'_>) -> String {
        view.package
            .clone()
            .unwrap_or_else(|| view.name.to_ascii_lowercase())
    }

    /// A property's value as Go writes it: the constant of its type, or the integer.
    fn value(
        view: &View<'_>,
        property: &super::view::PropertyView<'_>,
        value: closecodes_spec::PropertyValue,
    ) -> String {
        match value {
            closecodes_spec::PropertyValue::Word(at) => property
                .values
                .get(at)
                .and_then(|(_, words)| NAMER.property_value(view.name, &property.words, words))
                .unwrap_or_default(),
            closecodes_spec::PropertyValue::Integer(n) => n.to_string(),
        }
    }
}

impl CodeWriter for Go {
    fn namer(&self) -> &'static dyn Namer {
        &closecodes_spec::targets::Go
    }

    fn bounds(&self) -> (i128, i128) {
        (i128::from(i64::MIN), i128::from(i64::MAX))
    }

    fn comment_style(&self) -> CommentStyle {
        CommentStyle::SLASHES
    }

    /// Lines without indentation or tabs, and nothing `go/doc`, `gofmt` or `go vet` reads at a
    /// line's start or in a line (Go's doc comments have no escape: the text changes as little as
    /// it can, and reads the same). A paragraph of spec text that would start with `Deprecated:`
    /// starts with `Deprecated —` instead; where go/doc would read a heading (`# Title`) or a
    /// link definition (`[x]: https://…`), and where go vet would read a build constraint (a
    /// first word `+build` or `go:build`), a no-break space (U+00A0) stands in for the space or
    /// comes after the `+` or `:` that they need; and so it does between two apostrophes and inside
    /// a pair of backticks, which go/doc (and gofmt with it) turns into curly quotes. [`Go::doc`] sees to the
    /// single-line paragraphs go/doc reads as headings.
    fn doc_text(&self, text: &str) -> String {
        let text = visible(text, true).replace('\t', " ");
        let text = text
            .split('\n')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("\n");
        let mut paragraph_start = true;
        line_starts(&quotes_apart(&text), LineBreaks::Newline, |line| {
            let at_start = std::mem::replace(&mut paragraph_start, line.is_empty());
            if at_start && let Some(rest) = line.strip_prefix("Deprecated:") {
                Some(format!("Deprecated —{rest}"))
            } else if line.starts_with("# ") {
                Some(line.replacen(' ', NBSP, 1))
            } else if line.starts_with('[') && line.contains("]: ") {
                Some(line.replacen("]: ", &format!("]:{NBSP}"), 1))
            } else if line == "+build" || line.starts_with("+build ") {
                Some(format!("+{NBSP}{}", &line[1..]))
            } else if line == "go:build" || line.starts_with("go:build ") {
                Some(format!("go:{NBSP}{}", &line[3..]))
            } else {
                None
            }
        })
    }

    fn string(&self, text: &str) -> String {
        quoted(text, &[])
    }

    fn runtime(&self) -> Runtime {
        Runtime {
            text: include_str!("runtime.go"),
            comment: "//",
        }
    }

    /// Go's form of the header, which tools recognise: `// Code generated … DO NOT EDIT.`; a
    /// `+build` of the file's name or command as `\u{2b}build` (go vet reads any `+build` of the
    /// comments before the package's doc as a malformed build constraint).
    fn header(&self, out: &mut Text, view: &View<'_>) {
        let inert = |line: &str| line.replace("+build", "\\u{2b}build");
        let again = inert(&view.header[1]);
        let source = inert(
            view.header[0]
                .strip_prefix("Generated by closecodes from ")
                .and_then(|s| s.strip_suffix("; do not edit."))
                .unwrap_or_default(),
        );
        writeln!(
            out,
            "// Code generated by closecodes from {source}; DO NOT EDIT.\n// {again}\n"
        );
    }

    /// A doc comment as gofmt prints it: single blank lines, none first or last; and a line
    /// that go/doc would read as an old-style heading (which gofmt rewrites as `# Title`) ends
    /// with a `.`, which it cannot end with.
    fn doc(&self, out: &mut Text, indent: &str, text: &str) {
        let mut lines: Vec<&str> = Vec::new();
        for line in text.split('\n') {
            if !line.is_empty() || lines.last().is_some_and(|l| !l.is_empty()) {
                lines.push(line);
            }
        }
        while lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        for (at, line) in lines.iter().enumerate() {
            if line.is_empty() {
                writeln!(out, "{indent}//");
            } else if old_heading(&lines, at) {
                writeln!(out, "{indent}// {line}.");
            } else {
                writeln!(out, "{indent}// {line}");
            }
        }
    }

    fn preamble(&self, out: &mut Text, view: &View<'_>) {
        let package = Go::package(view);
        let text = format!(
            "Package {package} holds the codes of {}: {}{}",
            view.name,
            self.doc_text(&view.description),
            self.retired_paragraph(view)
        );
        self.doc(out, "", &text);
        writeln!(out, "package {package}\n");
        out.push("import (\n\t\"sort\"\n\t\"strconv\"\n)\n\n");
    }

    /// `Flags`: a field per flag.
    fn table_types(&self, out: &mut Text, view: &View<'_>) {
        out.push("// Flags holds the table's flags of an entry.\ntype Flags struct {\n");
        for (i, flag) in view.flags.iter().enumerate() {
            if i > 0 {
                out.push("\n");
            }
            self.doc(out, "\t", &self.doc_text(flag.description));
            writeln!(out, "\t{} bool", flag.words.pascal());
        }
        out.push("}\n\n");
        for property in &view.properties {
            if property.values.is_empty() {
                continue;
            }
            let ty = NAMER.property_type(view.name, &property.words);
            let text = format!(
                "{ty} is a value of property {}: {}\n\n{}",
                property.name,
                self.doc_text(property.description),
                wording::property_type(property.name, &NAMER.getter(&property.words))
            );
            self.doc(out, "", &text);
            writeln!(out, "type {ty} string\n\n// The values of {ty}.\nconst (");
            let constants: Vec<String> = property
                .values
                .iter()
                .map(|(_, words)| {
                    NAMER
                        .property_value(view.name, &property.words, words)
                        .unwrap_or_default()
                })
                .collect();
            // gofmt's alignment of the column of types.
            let width = constants.iter().map(String::len).max().unwrap_or(0);
            for ((word, _), constant) in property.values.iter().zip(&constants) {
                writeln!(out, "\t{constant:width$} {ty} = {}", self.string(word));
            }
            out.push(")\n\n");
        }
    }

    /// The type, a constant per named code and alias, `String()`.
    fn codes(&self, out: &mut Text, view: &View<'_>) {
        let name = view.name;
        let text = format!(
            "{name} is a code of the table; any int converts to one, named or not.\n\n{}",
            self.doc_text(&view.description)
        );
        self.doc(out, "", &text);
        writeln!(out, "type {name} int\n");
        if !view.codes.is_empty() {
            out.push("// The named codes.\nconst (\n");
            for (i, code) in view.codes.iter().enumerate() {
                if i > 0 {
                    out.push("\n");
                }
                let constant = NAMER.code(name, &code.name);
                let mut text = format!(
                    "{constant} is {}",
                    self.code_summary(code, &code.value.to_string())
                );
                if let Some(note) = &code.deprecated {
                    // Go's convention, which gopls and staticcheck read.
                    text = format!("{text}\n\nDeprecated: {}", self.doc_text(note));
                }
                self.doc(out, "\t", &text);
                writeln!(out, "\t{constant} {name} = {}", code.value);
                for alias in &code.aliases {
                    let old = NAMER.code(name, alias);
                    let text = format!(
                        "{old} is {constant} under its former name.\n\nDeprecated: {}",
                        wording::alias(&constant)
                    );
                    out.push("\n");
                    self.doc(out, "\t", &text);
                    writeln!(out, "\t{old} {name} = {constant}");
                }
            }
            out.push(")\n\n");
        }
        writeln!(
            out,
            "// String returns the name of the code in the table, or {name}(N) for a number that is not a\n// named code.\nfunc (c {name}) String() string {{"
        );
        if !view.codes.is_empty() {
            out.push("\tswitch c {\n");
            for code in view.codes {
                writeln!(
                    out,
                    "\tcase {}:\n\t\treturn {}",
                    NAMER.code(name, &code.name),
                    self.string(&code.name)
                );
            }
            out.push("\t}\n");
        }
        writeln!(
            out,
            "\treturn \"{name}(\" + strconv.Itoa(int(c)) + \")\"\n}}\n"
        );
    }

    /// The rows the lookups read, ordered by number (`Entries` is a copy of them).
    fn entries(&self, out: &mut Text, view: &View<'_>) {
        out.push("// entries holds every row, ordered by number; the lookups read it.\n");
        if view.rows.is_empty() {
            // gofmt's form of an empty literal.
            out.push("var entries = []Entry{}\n\n");
            return;
        }
        out.push("var entries = []Entry{\n");
        let spelling = ValueSpelling::new(
            view,
            |i, p| {
                format!(
                    "{}{}: ",
                    if i == 0 { "" } else { ", " },
                    self.string(p.name)
                )
            },
            |p, at| Go::value(view, p, closecodes_spec::PropertyValue::Word(at)),
        );
        for row in &view.rows {
            let flags: Vec<String> = view
                .flags
                .iter()
                .zip(row.flags)
                .map(|(f, set)| format!("{}: {set}", f.words.pascal()))
                .collect();
            let mut properties = String::new();
            if !view.properties.is_empty() {
                properties.push_str(", Properties: map[string]any{");
                spelling.write(&mut properties, row.properties);
                properties.push('}');
            }
            writeln!(
                out,
                "\t{{Kind: \"{}\", Variant: \"{}\", Start: {}, End: {}, Reason: {}, Description: {}, Sendable: {}, Flags: Flags{{{}}}{properties}}},",
                super::kind_name(row.kind),
                row.variant,
                row.start,
                row.end,
                self.string(row.reason.unwrap_or("")),
                self.string(row.description),
                row.sendable,
                flags.join(", ")
            );
        }
        out.push("}\n\n");
    }

    /// `IsReconnectable(code)` per flag.
    fn predicates(&self, out: &mut Text, view: &View<'_>) {
        for flag in &view.flags {
            let predicate = NAMER.predicate(&flag.words);
            let text = format!(
                "{predicate} reports flag {} of code: {}\n\n{}",
                flag.name,
                self.doc_text(flag.description),
                wording::flag(flag.name, &flag.default.to_string(), str::to_owned)
            );
            self.doc(out, "", &text);
            writeln!(
                out,
                "func {predicate}(code int) bool {{\n\te, ok := Describe(code)\n\treturn ok && e.Flags.{}\n}}\n",
                flag.words.pascal()
            );
        }
        for property in &view.properties {
            let getter = NAMER.getter(&property.words);
            let ty = if property.values.is_empty() {
                "int".to_owned()
            } else {
                NAMER.property_type(view.name, &property.words)
            };
            let text = format!(
                "{getter} returns property {} of code: {}\n\n{}",
                property.name,
                self.doc_text(property.description),
                wording::property(
                    property.name,
                    &property.written(property.default),
                    str::to_owned
                )
            );
            self.doc(out, "", &text);
            writeln!(
                out,
                "func {getter}(code int) {ty} {{\n\tif e, ok := Describe(code); ok {{\n\t\treturn e.Properties[{}].({ty})\n\t}}\n\treturn {}\n}}\n",
                self.string(property.name),
                Go::value(view, property, property.default)
            );
        }
    }
}
