//! `render`'s text outputs checked against the table they come from: the JSON against
//! `spec/table.schema.json` and the spec files (read with the `toml` crate), the Markdown row by
//! row, every output deterministic.

use std::fs;
use std::path::{Path, PathBuf};

use closecodes_codegen::build::Files;
use closecodes_codegen::render::{Format, render};
use closecodes_spec::{Table, load};
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn table(path: &str) -> Table {
    let full = root().join(path);
    let source = closecodes_spec::Source::read_file(path, &full).expect("reads");
    load(&source, &mut Files).expect("checks")
}

const SPECS: &[&str] = &[
    "spec/tables/websocket.toml",
    // Every built-in: `pusher` carves websocket's `Library` out whole (a range of no interval).
    "spec/tables/http.toml",
    "spec/tables/grpc.toml",
    "spec/tables/graphql-transport-ws.toml",
    "spec/tables/discord-gateway.toml",
    "spec/tables/pusher.toml",
    "spec/tables/centrifugo.toml",
    "tests/codes/chat.toml",
    "tests/codes/game.toml",
    "tests/codes/discord.toml",
    "tests/codes/grpc.toml",
    "tests/codes/http.toml",
    "tests/codes/api_status.toml",
    "tests/codes/nasty.toml",
    "tests/golden/features/policy.toml",
];

#[test]
fn json_follows_its_schema_and_the_spec() {
    let schema: Value =
        serde_json::from_str(&fs::read_to_string(root().join("spec/table.schema.json")).unwrap())
            .unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    for spec in SPECS {
        let table = table(spec);
        let json: Value =
            serde_json::from_str(&render(Format::Json, &table, "Table", spec).unwrap()).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{spec}: {errors:#?}");
        assert_eq!(
            json["codes"].as_array().unwrap().len(),
            table.codes.len(),
            "{spec}"
        );
        assert_eq!(
            json["ranges"].as_array().unwrap().len(),
            table.ranges.len(),
            "{spec}"
        );
    }
    // The discord spec's own codes, read independently, are all there with their fields.
    let spec: toml::Table = fs::read_to_string(root().join("tests/codes/discord.toml"))
        .unwrap()
        .parse()
        .unwrap();
    let json: Value = serde_json::from_str(
        &render(
            Format::Json,
            &table("tests/codes/discord.toml"),
            "GatewayCode",
            "d",
        )
        .unwrap(),
    )
    .unwrap();
    for code in spec["code"].as_array().unwrap() {
        let number = code["code"].as_integer().unwrap();
        if code.get("name").is_none() {
            // A code documented in its range: among the range's.
            let found = json["ranges"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|r| r["documented"].as_array().unwrap())
                .find(|d| d["code"] == number)
                .unwrap_or_else(|| panic!("documented {number} missing"));
            assert_eq!(found["description"].as_str(), code["description"].as_str());
            continue;
        }
        let found = json["codes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == number)
            .unwrap_or_else(|| panic!("{number} missing"));
        assert_eq!(found["name"].as_str(), code["name"].as_str());
        assert_eq!(found["reason"].as_str(), code["reason"].as_str());
        assert_eq!(found["description"].as_str(), code["description"].as_str());
    }
    let game = &json["ranges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "Game")
        .unwrap();
    assert_eq!(game["intervals"][0]["start"], 4500);
    assert_eq!(game["values"][0]["flags"]["reconnectable"], true);
    // The properties: declared, and each entry's value, inherited or its own.
    assert_eq!(json["properties"][0]["name"], "action");
    assert_eq!(json["properties"][0]["default"], "stop");
    assert_eq!(json["properties"][1]["type"], "u32");
    assert_eq!(game["values"][0]["properties"]["action"], "reconnect");
    assert_eq!(game["values"][0]["properties"]["retry_after_ms"], 250);
    assert_eq!(game["documented"][0]["properties"]["retry_after_ms"], 30000);
    assert_eq!(game["documented"][0]["properties"]["action"], "reconnect");
    let match_over = json["codes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "MatchOver")
        .unwrap();
    assert_eq!(match_over["properties"]["action"], "stop");
    assert_eq!(match_over["properties"]["retry_after_ms"], 250);
}

/// A range that a `[[policy]]` covers in part has its values by number: `Reserved` of the golden
/// policy spec is `stop` at 1004 and 1016..=1999, and the default from 2000 on.
#[test]
fn json_gives_a_range_its_values_by_number() {
    let json: Value = serde_json::from_str(
        &render(
            Format::Json,
            &table("tests/golden/features/policy.toml"),
            "PolicyCode",
            "p",
        )
        .unwrap(),
    )
    .unwrap();
    let range = |name: &str| {
        json["ranges"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .unwrap()
            .clone()
    };
    let runs = |name: &str| -> Vec<(i64, i64, String, bool)> {
        range(name)["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|run| {
                (
                    run["start"].as_i64().unwrap(),
                    run["end"].as_i64().unwrap(),
                    run["properties"]["action"].as_str().unwrap().to_owned(),
                    run["flags"]["fatal"].as_bool().unwrap(),
                )
            })
            .collect()
    };
    let run = |a: i64, b: i64, action: &str, fatal: bool| (a, b, action.to_owned(), fatal);
    assert_eq!(
        runs("Reserved"),
        [
            run(1004, 1004, "stop", true),
            run(1016, 1999, "stop", true),
            run(2000, 2999, "back_off", false),
        ]
    );
    assert_eq!(
        runs("Library"),
        [
            run(4000, 4499, "reconnect", false),
            run(4600, 4999, "back_off", false),
        ]
    );
    let protocol = json["codes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == 1003)
        .unwrap();
    assert_eq!(protocol["properties"]["action"], "stop");
    assert_eq!(protocol["flags"]["fatal"], true);
    assert_eq!(protocol["flags"]["browser_closable"], false);
    assert_eq!(
        range("Reserved")["documented"][0]["properties"]["action"],
        "stop"
    );
}

#[test]
fn markdown_has_a_row_per_code_range_interval_and_documented_code() {
    for spec in SPECS {
        let table = table(spec);
        let page = render(Format::Markdown, &table, "Table", spec).unwrap();
        assert!(page.starts_with("# Table\n"), "{page}");
        let rows: Vec<&str> = page
            .lines()
            .take_while(|l| !l.starts_with("## Retired"))
            .filter(|l| l.starts_with("| ") && !l.starts_with("| Code"))
            .collect();
        // A row per row of the table: a one-code interval that is also documented (websocket's
        // 1004) is one row, as in the rustdoc table.
        assert_eq!(rows.len(), table.rows().len(), "{spec}");
        let merged = table
            .ranges
            .iter()
            .flat_map(|r| &r.intervals)
            .filter(|iv| iv.start == iv.end)
            .count();
        let expected = table.codes.len()
            + table
                .ranges
                .iter()
                .map(|r| r.values.len() + r.documented.len())
                .sum::<usize>();
        if spec.ends_with("websocket.toml") {
            assert_eq!(merged, 1, "1004");
            assert_eq!(rows.len(), expected - 1, "{spec}");
            assert_eq!(rows.iter().filter(|r| r.starts_with("| 1004 |")).count(), 1);
        }
        // Ordered by number.
        let starts: Vec<i128> = rows
            .iter()
            .map(|row| {
                let cell = row.split('|').nth(1).unwrap().trim();
                cell.split('–').next().unwrap().parse().unwrap()
            })
            .collect();
        assert!(
            starts.windows(2).all(|w| w[0] <= w[1]),
            "{spec}: {starts:?}"
        );
        // One column per flag and per property.
        let header = page.lines().find(|l| l.starts_with("| Code")).unwrap();
        assert_eq!(
            header.matches('|').count(),
            6 + table.flags.len() + table.properties.len(),
            "{header}"
        );
        for property in &table.properties {
            assert!(
                header.contains(&format!(" `{}` |", property.name)),
                "{header}"
            );
        }
    }
}

#[test]
fn every_output_is_deterministic() {
    for spec in SPECS {
        for format in Format::ALL {
            let once = render(format, &table(spec), "Table", spec).unwrap();
            let twice = render(format, &table(spec), "Table", spec).unwrap();
            assert_eq!(once, twice, "{spec} {format:?}");
        }
    }
}

#[test]
fn a_name_that_is_not_an_identifier_is_refused() {
    let error = render(
        Format::TypeScript,
        &table("tests/codes/chat.toml"),
        "not a name",
        "x",
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "`not a name` cannot name the table in TypeScript and JavaScript: it is not an identifier of TypeScript and JavaScript; expected ASCII letters, digits and `_`, starting with a letter, such as `ChatCode`"
    );
}
