//! Go: one file, one table per package, `gofmt`-clean and `go vet`-clean: `type AppCode int` with
//! a typed constant per named code (`AppCodeUnauthorized`), `String()`, `type Entry struct`,
//! `Entries`, a predicate per flag (`IsReconnectable`), and the lookups of `go/runtime.go`:
//! `Describe`, `FromWire`. Open: any int is a valid argument.
//!
//! Doc comments are written in the form gofmt prints them: no line is indented (an indented line
//! would start a code block or a list, which gofmt rewrites), blank lines single.

use std::fmt::Write as _;

use closecodes_spec::Words;

use super::view::code_summary;
use super::{Language, RenderError, Text, View};

/// The marker line of the runtime file: the file holds what follows it.
const MARKER: &str = "// closecodes: runtime\n";

/// The Go target.
pub(crate) struct Go;

/// Go's keywords.
const KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

/// Predeclared identifiers, the packages the file imports, and the names it defines whatever
/// the table.
const GLOBALS: &[&str] = &[
    "any",
    "bool",
    "byte",
    "comparable",
    "complex64",
    "complex128",
    "error",
    "float32",
    "float64",
    "int",
    "int8",
    "int16",
    "int32",
    "int64",
    "rune",
    "string",
    "uint",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "uintptr",
    "true",
    "false",
    "iota",
    "nil",
    "append",
    "cap",
    "clear",
    "close",
    "complex",
    "copy",
    "delete",
    "imag",
    "len",
    "make",
    "max",
    "min",
    "new",
    "panic",
    "print",
    "println",
    "real",
    "recover",
    "sort",
    "strconv",
    "Entry",
    "Entries",
    "Flags",
    "Describe",
    "FromWire",
    "points",
    "ranges",
    "_",
];

impl Go {
    /// A flag's predicate and field: `IsBrowserClosable`, `BrowserClosable`.
    fn field(words: &Words) -> String {
        words.pascal()
    }

    /// The default package name for a table: its name in lower case, letters and digits only.
    fn default_package(name: &str) -> String {
        name.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    }

    /// A doc comment as gofmt prints it: `// ` lines, none indented, single blank lines.
    fn comment(out: &mut Text, indent: &str, text: &str) {
        let text = crate::docs::visible(text, true).replace('\t', " ");
        let mut blank = true; // no blank line first
        let mut pending_blank = false;
        for line in text.split('\n') {
            let line = line.trim();
            if line.is_empty() {
                pending_blank = !blank;
                continue;
            }
            if pending_blank {
                writeln!(out, "{indent}//");
                pending_blank = false;
            }
            writeln!(out, "{indent}// {line}");
            blank = false;
        }
    }
}

impl Language for Go {
    fn name(&self) -> &'static str {
        "Go"
    }

    fn keywords(&self) -> &'static [&'static str] {
        KEYWORDS
    }

    fn globals(&self) -> &'static [&'static str] {
        GLOBALS
    }

    fn package(&self, name: &str) -> Result<(), &'static str> {
        let valid = name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            && !KEYWORDS.contains(&name);
        if valid {
            Ok(())
        } else {
            Err("a lower-case identifier that is not a keyword, such as `chatcode`")
        }
    }

    fn defined(&self, view: &View<'_>) -> Vec<String> {
        view.flags
            .iter()
            .map(|f| format!("Is{}", Go::field(&f.words)))
            .collect()
    }

    /// The table's name, and every constant it prefixes (`AppCode` + `Unauthorized`), must differ
    /// from the names the file defines.
    fn table_name(&self, name: &str, view: &View<'_>) -> Result<(), RenderError> {
        super::default_table_name(self, name, view)?;
        let defined = self.defined(view);
        for code in view.codes {
            let constant = format!("{name}{}", code.name);
            if (KEYWORDS.contains(&constant.as_str()) || GLOBALS.contains(&constant.as_str()))
                || defined.contains(&constant)
            {
                return Err(RenderError::Name {
                    name: name.to_owned(),
                    target: self.name(),
                    reason: format!(
                        "the constant of code {} would be `{constant}`, a name the file defines; expected another name",
                        code.value
                    ),
                });
            }
        }
        Ok(())
    }

    fn string(&self, text: &str) -> String {
        super::quoted(text, &[])
    }

    fn doc(&self, out: &mut Text, indent: &str, text: &str) {
        Go::comment(out, indent, text);
    }

    fn file(&self, view: &View<'_>) -> Result<String, RenderError> {
        view.fits(self.name(), i128::from(i64::MIN), i128::from(i64::MAX))?;
        let name = view.name;
        let package = view
            .package
            .map_or_else(|| Go::default_package(name), str::to_owned);
        let mut out = Text::new();
        writeln!(
            out,
            "// Code generated by closecodes from `{}`; DO NOT EDIT.\n// Regenerate with `closecodes render --to go`.\n",
            view.source
        );
        self.doc(
            &mut out,
            "",
            &format!(
                "Package {package} holds the codes of {name}: {}{}",
                view.description,
                view.retired_text()
            ),
        );
        writeln!(out, "package {package}\n");
        out.push("import (\n\t\"sort\"\n\t\"strconv\"\n)\n\n");

        self.named_codes(&mut out, view);
        self.types(&mut out, view);
        self.entries(&mut out, view);
        self.predicates(&mut out, view);
        let runtime = include_str!("go/runtime.go");
        out.push(runtime.split_once(MARKER).map_or(runtime, |(_, r)| r));
        Ok(out.into_string())
    }
}

impl Go {
    /// The type, a constant per named code, `String()`.
    fn named_codes(&self, out: &mut Text, view: &View<'_>) {
        let name = view.name;
        self.doc(
            out,
            "",
            &format!(
                "{name} is a code of the table; any int converts to one, named or not.\n\n{}",
                view.description
            ),
        );
        writeln!(out, "type {name} int\n");
        if !view.codes.is_empty() {
            out.push("// The named codes.\nconst (\n");
            for (i, code) in view.codes.iter().enumerate() {
                if i > 0 {
                    out.push("\n");
                }
                let mut text = format!(
                    "{name}{} is {}",
                    code.name,
                    code_summary(code, |n| n.to_string())
                );
                if let Some(note) = &code.deprecated {
                    // Go's convention, which gopls and staticcheck read.
                    let _ = write!(text, "\n\nDeprecated: {note}");
                }
                self.doc(out, "\t", &text);
                writeln!(out, "\t{name}{} {name} = {}", code.name, code.value);
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
                    "\tcase {name}{}:\n\t\treturn {}",
                    code.name,
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

    /// `Flags` and `Entry`.
    fn types(&self, out: &mut Text, view: &View<'_>) {
        out.push("// Flags holds the table's flags of an entry.\ntype Flags struct {\n");
        for (i, flag) in view.flags.iter().enumerate() {
            if i > 0 {
                out.push("\n");
            }
            self.doc(out, "\t", flag.description);
            writeln!(out, "\t{} bool", Go::field(&flag.words));
        }
        out.push("}\n\n");

        out.push("// Entry is a named code, a range interval, or a code documented in a range.\ntype Entry struct {\n");
        out.push("\t// Kind is \"code\", \"range\" or \"documented\".\n\tKind string\n\n");
        out.push("\t// Variant is the variant that holds the code (the range's, for a range or a\n\t// documented code).\n\tVariant string\n\n");
        out.push("\t// Start is the first code.\n\tStart int\n\n\t// End is the last code.\n\tEnd int\n\n");
        out.push("\t// Reason is the registry's short name; empty when there is none.\n\tReason string\n\n");
        out.push("\t// Description says what the code means.\n\tDescription string\n\n");
        out.push(
            "\t// Sendable says whether the code may be sent on the wire.\n\tSendable bool\n\n",
        );
        out.push("\t// Flags holds the table's flags.\n\tFlags Flags\n}\n\n");
    }

    /// `Entries`, ordered by number.
    fn entries(&self, out: &mut Text, view: &View<'_>) {
        out.push("// Entries holds every named code, range interval and documented code, ordered by number.\nvar Entries = []Entry{\n");
        for row in &view.rows {
            let kind = super::kind_name(row.kind);
            let flags: Vec<String> = view
                .flags
                .iter()
                .zip(row.flags)
                .map(|(f, set)| format!("{}: {set}", Go::field(&f.words)))
                .collect();
            writeln!(
                out,
                "\t{{Kind: \"{kind}\", Variant: \"{}\", Start: {}, End: {}, Reason: {}, Description: {}, Sendable: {}, Flags: Flags{{{}}}}},",
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
            let field = Go::field(&flag.words);
            self.doc(
                out,
                "",
                &format!(
                    "Is{field} reports flag {} of code: {}\n\nCodes that do not set it: {}. False for a number that is not a code.",
                    flag.name, flag.description, flag.default
                ),
            );
            writeln!(
                out,
                "func Is{field}(code int) bool {{\n\te, ok := Describe(code)\n\treturn ok && e.Flags.{field}\n}}\n"
            );
        }
    }
}
