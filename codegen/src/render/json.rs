//! The resolved table as JSON, for tools: `extends` flattened, every code, documented code and
//! range with all its fields. `spec/table.schema.json` describes it.
//!
//! The document is written as it goes (no tree of values to build and drop: a 10,000-code table
//! with properties has as many small objects), as `serde_json`'s pretty printer would print it:
//! two spaces of indentation, the keys of every object in order, strings escaped by
//! `serde_json`.

use closecodes_spec::targets::Namer;
use closecodes_spec::{Interval, PropertyValue};

use serde_json::ser::{Formatter as _, PrettyFormatter};

use super::language::Writer;
use super::view::PropertyView;
use super::{RenderError, View};

/// The JSON target.
pub(crate) struct Json;

impl Writer for Json {
    fn namer(&self) -> Option<&'static dyn Namer> {
        None
    }

    fn file(&self, view: &View<'_>) -> Result<String, RenderError> {
        Ok(document(view))
    }
}

/// A JSON writer over `serde_json`'s pretty printer: objects and arrays opened and closed in
/// turn, each key written by the caller in the document's order.
struct Out {
    /// The document so far (UTF-8: `serde_json` writes into it).
    text: Vec<u8>,
    /// Indentation and separators, as `serde_json::to_string_pretty` prints them.
    pretty: PrettyFormatter<'static>,
    /// For each open object or array, whether it has an entry yet.
    open: Vec<bool>,
}

impl Out {
    /// Whether the innermost object or array has an entry yet; it has one from now on.
    fn next(&mut self) -> bool {
        self.open
            .last_mut()
            .is_some_and(|has| std::mem::replace(has, true))
    }

    // Writes into a `Vec` do not fail: the `io::Result`s are dropped.
    fn begin(&mut self, bracket: u8) {
        let _ = if bracket == b'{' {
            self.pretty.begin_object(&mut self.text)
        } else {
            self.pretty.begin_array(&mut self.text)
        };
        self.open.push(false);
    }

    fn end(&mut self, bracket: u8) {
        let had = self.open.pop() == Some(true);
        let _ = if bracket == b'}' {
            if had {
                let _ = self.pretty.end_object_value(&mut self.text);
            }
            self.pretty.end_object(&mut self.text)
        } else {
            if had {
                let _ = self.pretty.end_array_value(&mut self.text);
            }
            self.pretty.end_array(&mut self.text)
        };
    }

    fn key(&mut self, key: &str) {
        if self.next() {
            let _ = self.pretty.end_object_value(&mut self.text);
            let _ = self.pretty.begin_object_key(&mut self.text, false);
        } else {
            let _ = self.pretty.begin_object_key(&mut self.text, true);
        }
        self.string(key);
        let _ = self.pretty.end_object_key(&mut self.text);
        let _ = self.pretty.begin_object_value(&mut self.text);
    }

    /// An element of the innermost array.
    fn element(&mut self) {
        let first = !self.next();
        if !first {
            let _ = self.pretty.end_array_value(&mut self.text);
        }
        let _ = self.pretty.begin_array_value(&mut self.text, first);
    }

    fn string(&mut self, text: &str) {
        // serde_json's escapes, written into the document.
        let _ = serde_json::to_writer(&mut self.text, text);
    }

    fn optional(&mut self, text: Option<&str>) {
        match text {
            Some(text) => self.string(text),
            None => self.text.extend_from_slice(b"null"),
        }
    }

    fn boolean(&mut self, value: bool) {
        self.text
            .extend_from_slice(if value { b"true" } else { b"false" });
    }

    /// A number of the table: every repr's values fit `i64` or `u64`.
    fn number(&mut self, value: i128) {
        use std::io::Write as _;
        if i64::try_from(value).is_ok() || u64::try_from(value).is_ok() {
            let _ = write!(self.text, "{value}");
        } else {
            self.text.extend_from_slice(b"null");
        }
    }

    /// `[ { "end": …, "start": … }, … ]`
    fn intervals(&mut self, intervals: &[Interval]) {
        self.begin(b'[');
        for iv in intervals {
            self.element();
            self.begin(b'{');
            self.key("end");
            self.number(iv.end);
            self.key("start");
            self.number(iv.start);
            self.end(b'}');
        }
        self.end(b']');
    }

    fn strings(&mut self, items: &[String]) {
        self.begin(b'[');
        for item in items {
            self.element();
            self.string(item);
        }
        self.end(b']');
    }
}

/// The keys of an entry's `flags` and `properties` objects, in the document's (byte) order, each
/// with its position in the table's order.
struct Keys<'v> {
    flags: Vec<(&'v str, usize)>,
    properties: Vec<(&'v PropertyView<'v>, usize)>,
}

impl Keys<'_> {
    /// `{ "browser_closable": true, … }`
    fn flags(&self, out: &mut Out, set: &[bool]) {
        out.begin(b'{');
        for (name, at) in &self.flags {
            out.key(name);
            out.boolean(set.get(*at).copied().unwrap_or(false));
        }
        out.end(b'}');
    }

    /// `{ "action": "back_off", "retry_after_ms": 1000 }`
    fn properties(&self, out: &mut Out, values: &[PropertyValue]) {
        out.begin(b'{');
        for (property, at) in &self.properties {
            out.key(property.name);
            if let Some(value) = values.get(*at) {
                value_of(out, property, *value);
            }
        }
        out.end(b'}');
    }
}

/// A property's value: the word, or the integer.
fn value_of(out: &mut Out, property: &PropertyView<'_>, value: PropertyValue) {
    match value {
        PropertyValue::Word(_) => out.string(&property.written(value)),
        PropertyValue::Integer(n) => out.number(i128::from(n)),
    }
}

/// The document, pretty-printed, with a final newline.
fn document(view: &View<'_>) -> String {
    let mut flags: Vec<(&str, usize)> = view
        .flags
        .iter()
        .enumerate()
        .map(|(i, f)| (f.name, i))
        .collect();
    flags.sort_unstable();
    let mut properties: Vec<(&PropertyView<'_>, usize)> = view
        .properties
        .iter()
        .enumerate()
        .map(|(i, p)| (p, i))
        .collect();
    properties.sort_unstable_by_key(|(p, _)| p.name);
    let keys = Keys { flags, properties };
    let mut out = Out {
        text: Vec::with_capacity(256 + view.rows.len() * 320),
        pretty: PrettyFormatter::new(),
        open: Vec::new(),
    };
    out.begin(b'{');
    out.key("builtins");
    out.begin(b'[');
    for builtin in view.builtins() {
        out.element();
        out.string(builtin);
    }
    out.end(b']');
    out.key("codes");
    codes(&mut out, &keys, view);
    out.key("description");
    out.optional(view.own_description());
    out.key("flags");
    declared_flags(&mut out, view);
    out.key("name");
    out.string(view.name);
    out.key("non_exhaustive");
    out.boolean(view.non_exhaustive());
    out.key("properties");
    declared_properties(&mut out, view);
    out.key("ranges");
    ranges(&mut out, &keys, view);
    out.key("repr");
    out.string(view.repr().name());
    out.key("retired");
    out.begin(b'[');
    for r in view.retired() {
        out.element();
        out.begin(b'{');
        out.key("codes");
        out.intervals(&r.intervals);
        out.key("names");
        out.strings(&r.names);
        out.key("note");
        out.string(&r.note);
        out.end(b'}');
    }
    out.end(b']');
    out.key("total");
    out.boolean(view.total());
    out.end(b'}');
    out.text.push(b'\n');
    // Every byte is a `str`'s, or serde_json's escape of one.
    String::from_utf8(out.text).unwrap_or_default()
}

/// The named codes.
fn codes(out: &mut Out, keys: &Keys<'_>, view: &View<'_>) {
    out.begin(b'[');
    for c in view.codes {
        out.element();
        out.begin(b'{');
        out.key("aliases");
        out.strings(&c.aliases);
        out.key("code");
        out.number(c.value);
        out.key("deprecated");
        out.optional(c.deprecated.as_deref());
        out.key("description");
        out.string(&c.description);
        out.key("flags");
        keys.flags(out, &c.flags);
        out.key("name");
        out.string(&c.name);
        out.key("properties");
        keys.properties(out, &c.properties);
        out.key("reason");
        out.optional(c.reason.as_deref());
        out.key("sendable");
        out.boolean(c.sendable);
        out.end(b'}');
    }
    out.end(b']');
}

/// The ranges, each with its documented codes.
fn ranges(out: &mut Out, keys: &Keys<'_>, view: &View<'_>) {
    out.begin(b'[');
    for r in view.ranges() {
        out.element();
        out.begin(b'{');
        out.key("assignable");
        out.boolean(r.assignable);
        out.key("description");
        out.string(&r.description);
        out.key("documented");
        out.begin(b'[');
        for d in &r.documented {
            out.element();
            out.begin(b'{');
            out.key("code");
            out.number(d.value);
            out.key("description");
            out.string(&d.description);
            out.key("flags");
            keys.flags(out, &d.flags);
            out.key("properties");
            keys.properties(out, &d.properties);
            out.key("reason");
            out.optional(d.reason.as_deref());
            out.key("sendable");
            out.boolean(d.sendable);
            out.end(b'}');
        }
        out.end(b']');
        out.key("intervals");
        out.intervals(&r.intervals);
        out.key("name");
        out.string(&r.name);
        out.key("reason");
        out.optional(r.reason.as_deref());
        out.key("sendable");
        out.boolean(r.sendable);
        // The values by number: a run per interval, or several where a `[[policy]]` of an
        // extension covers part of one.
        out.key("values");
        out.begin(b'[');
        for run in &r.values {
            out.element();
            out.begin(b'{');
            out.key("end");
            out.number(run.interval.end);
            out.key("flags");
            keys.flags(out, &run.flags);
            out.key("properties");
            keys.properties(out, &run.properties);
            out.key("start");
            out.number(run.interval.start);
            out.end(b'}');
        }
        out.end(b']');
        out.end(b'}');
    }
    out.end(b']');
}

/// The declared flags.
fn declared_flags(out: &mut Out, view: &View<'_>) {
    out.begin(b'[');
    for f in &view.flags {
        out.element();
        out.begin(b'{');
        out.key("default");
        out.boolean(f.default);
        out.key("description");
        out.string(f.description);
        out.key("name");
        out.string(f.name);
        out.end(b'}');
    }
    out.end(b']');
}

/// The declared properties: an integer one's `type`, an enumerated one's `values`.
fn declared_properties(out: &mut Out, view: &View<'_>) {
    out.begin(b'[');
    for p in &view.properties {
        out.element();
        out.begin(b'{');
        out.key("default");
        value_of(out, p, p.default);
        out.key("description");
        out.string(p.description);
        out.key("name");
        out.string(p.name);
        if let Some(repr) = p.integer() {
            out.key("type");
            out.string(repr.name());
        } else {
            out.key("values");
            out.begin(b'[');
            for (word, _) in &p.values {
                out.element();
                out.string(word);
            }
            out.end(b']');
        }
        out.end(b'}');
    }
    out.end(b']');
}
