//! The `closecodes` crate documentation (what docs.rs shows) teaches the whole spec format.

/// Every key of the JSON Schema of the format appears in the crate docs' example spec, and the
/// docs have the sections a user looks for.
#[test]
fn crate_docs_cover_every_spec_key() {
    let lib = include_str!("../../runtime/src/lib.rs");
    let docs: String = lib
        .lines()
        .filter_map(|line| line.strip_prefix("//!"))
        .collect::<Vec<_>>()
        .join("\n");
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../spec/schema.json")).expect("the schema is JSON");
    let mut keys = Vec::new();
    collect_properties(&schema, &mut keys);
    assert!(keys.len() >= 10, "{keys:?}");
    for key in keys {
        let written = format!("\n{key} = ");
        let header = format!("[{key}]");
        assert!(
            docs.contains(&written.replace('\n', "\n ")) || docs.contains(&header),
            "the crate docs do not show the spec key `{key}`"
        );
    }
    for section in [
        "# The spec format",
        "# Rules",
        "# The macro forms",
        "# What every table has",
    ] {
        assert!(docs.contains(section), "no section {section:?}");
    }
}

fn collect_properties(value: &serde_json::Value, keys: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (name, inner) in map {
                if name == "properties"
                    && let serde_json::Value::Object(properties) = inner
                {
                    keys.extend(properties.keys().cloned());
                }
                collect_properties(inner, keys);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| collect_properties(i, keys)),
        _ => {}
    }
}
