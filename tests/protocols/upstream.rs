//! What the upstream packages say, for `tests/parity.rs`: runs `parity.mjs` (node, with the npm
//! packages of `package.json` installed by `npm ci --prefix tests/protocols`) and parses its
//! lines.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// The lines `parity.mjs` prints, split into their kind, their number and the rest.
///
/// # Panics
///
/// When the npm packages are not installed, node fails, or a line is not `kind number rest`.
pub fn upstream() -> Vec<(String, u16, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(
        dir.join("node_modules/graphql-ws").is_dir(),
        "the npm packages are not installed: run `npm ci --prefix tests/protocols` first"
    );
    let output = Command::new("node")
        .arg("parity.mjs")
        .current_dir(dir)
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "parity.mjs failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("parity.mjs prints UTF-8")
        .lines()
        .map(|line| {
            let mut words = line.splitn(3, ' ');
            let kind = words.next().expect("a kind").to_owned();
            let code = words.next().expect("a number").parse().expect("a u16");
            (kind, code, words.next().unwrap_or("").to_owned())
        })
        .collect()
}

/// The lines of one kind, by number.
#[must_use]
pub fn of_kind(lines: &[(String, u16, String)], kind: &str) -> BTreeMap<u16, String> {
    lines
        .iter()
        .filter(|(k, _, _)| k == kind)
        .map(|(_, code, rest)| (*code, rest.clone()))
        .collect()
}
