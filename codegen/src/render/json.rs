//! The resolved table as JSON, for tools: `extends` flattened, every code, documented code and
//! range with all its fields. `spec/table.schema.json` describes it.

use closecodes_spec::targets::Namer;
use serde_json::{Map, Value, json};

use super::language::Writer;
use super::view::{FlagView, PropertyView};
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

/// A number of the table as JSON: every repr's values fit `i64` or `u64`.
fn number(value: i128) -> Value {
    i64::try_from(value)
        .map(Value::from)
        .or_else(|_| u64::try_from(value).map(Value::from))
        .unwrap_or(Value::Null)
}

/// `{ "browser_closable": true, ... }`
fn flags(declared: &[FlagView<'_>], set: &[bool]) -> Value {
    let map: Map<String, Value> = declared
        .iter()
        .zip(set)
        .map(|(flag, set)| (flag.name.to_owned(), Value::Bool(*set)))
        .collect();
    Value::Object(map)
}

/// A property's value: the word, or the integer.
fn value(property: &PropertyView<'_>, value: closecodes_spec::PropertyValue) -> Value {
    match value {
        closecodes_spec::PropertyValue::Word(_) => Value::String(property.written(value)),
        closecodes_spec::PropertyValue::Integer(n) => Value::from(n),
    }
}

/// `{ "action": "back_off", "retry_after_ms": 1000 }`
fn properties(declared: &[PropertyView<'_>], values: &[closecodes_spec::PropertyValue]) -> Value {
    let map: Map<String, Value> = declared
        .iter()
        .zip(values)
        .map(|(property, v)| (property.name.to_owned(), value(property, *v)))
        .collect();
    Value::Object(map)
}

/// The document, pretty-printed, with a final newline.
fn document(view: &View<'_>) -> String {
    let name = view.name;
    let codes: Vec<Value> = view
        .codes
        .iter()
        .map(|c| {
            json!({
                "code": number(c.value),
                "name": c.name,
                "reason": c.reason,
                "description": c.description,
                "sendable": c.sendable,
                "flags": flags(&view.flags, &c.flags),
                "properties": properties(&view.properties, &c.properties),
                "aliases": c.aliases,
                "deprecated": c.deprecated,
            })
        })
        .collect();
    let ranges: Vec<Value> = view
        .ranges()
        .map(|r| {
            let intervals: Vec<Value> = r
                .intervals
                .iter()
                .map(|iv| json!({ "start": number(iv.start), "end": number(iv.end) }))
                .collect();
            let documented: Vec<Value> = r
                .documented
                .iter()
                .map(|d| {
                    json!({
                        "code": number(d.value),
                        "reason": d.reason,
                        "description": d.description,
                        "sendable": d.sendable,
                        "flags": flags(&view.flags, &d.flags),
                        "properties": properties(&view.properties, &d.properties),
                    })
                })
                .collect();
            json!({
                "name": r.name,
                "intervals": intervals,
                "reason": r.reason,
                "description": r.description,
                "sendable": r.sendable,
                "assignable": r.assignable,
                "flags": flags(&view.flags, &r.flags),
                "properties": properties(&view.properties, &r.properties),
                "documented": documented,
            })
        })
        .collect();
    let declared: Vec<Value> = view
        .flags
        .iter()
        .map(|f| json!({ "name": f.name, "description": f.description, "default": f.default }))
        .collect();
    let declared_properties: Vec<Value> = view
        .properties
        .iter()
        .map(|p| {
            let mut map = Map::new();
            map.insert("name".to_owned(), Value::from(p.name));
            map.insert("description".to_owned(), Value::from(p.description));
            match p.integer() {
                Some(repr) => map.insert("type".to_owned(), Value::from(repr.name())),
                None => map.insert(
                    "values".to_owned(),
                    Value::from(p.values.iter().map(|v| v.0).collect::<Vec<_>>()),
                ),
            };
            map.insert("default".to_owned(), value(p, p.default));
            Value::Object(map)
        })
        .collect();
    let retired: Vec<Value> = view
        .retired()
        .iter()
        .map(|r| {
            let codes: Vec<Value> = r
                .intervals
                .iter()
                .map(|iv| json!({ "start": number(iv.start), "end": number(iv.end) }))
                .collect();
            json!({ "codes": codes, "names": r.names, "note": r.note })
        })
        .collect();
    let document = json!({
        "name": name,
        "repr": view.repr().name(),
        "description": view.own_description(),
        "non_exhaustive": view.non_exhaustive(),
        "total": view.total(),
        "builtins": view.builtins(),
        "flags": declared,
        "properties": declared_properties,
        "codes": codes,
        "ranges": ranges,
        "retired": retired,
    });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}
