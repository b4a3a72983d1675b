//! `spec/schema.json` accepts every shipped table and fixture and rejects malformed specs.

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(root().join("spec/schema.json")).unwrap())
            .unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

fn as_json(path: &Path) -> serde_json::Value {
    toml::from_str(&fs::read_to_string(path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn tomls(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn shipped_tables_and_fixtures_are_valid() {
    let validator = validator();
    let mut files = tomls("spec/tables");
    files.extend(tomls("tests/codes"));
    assert!(files.len() >= 5, "{files:?}");
    for file in files {
        let errors: Vec<String> = validator
            .iter_errors(&as_json(&file))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    }
}

#[test]
fn malformed_specs_are_rejected() {
    let validator = validator();
    let files = tomls("tests/schema_bad");
    assert_eq!(files.len(), 8);
    for file in files {
        assert!(
            !validator.is_valid(&as_json(&file)),
            "{} should fail the schema",
            file.display()
        );
        // The macro rejects the same files.
        let source = closecodes_spec::Source::inline(fs::read_to_string(&file).unwrap());
        assert!(
            closecodes_spec::load(&source, &mut closecodes_spec::NoFiles).is_err(),
            "{}",
            file.display()
        );
    }
}
