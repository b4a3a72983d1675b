//! The other sides of the wire, for real: the generated TypeScript passes `tsc`, a Node client
//! (the `ws` package) names every close of a Rust server through the generated JavaScript, and
//! headless Chromium loads a page that imports the module, receives a close and calls
//! `WebSocket.close(code)`.
//!
//! They need Node packages and Chromium, so `cargo test` lists them as ignored; `.ci/wire`
//! installs what they need and runs them (CI always does: a missing browser fails there).

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::Command;
use std::thread;
use std::time::Duration;
use support::close_server;

use closecodes::{CloseCode, CodeTable};
use closecodes_codegen::build::Files;
use closecodes_codegen::render::{Format, render};
use closecodes_tests::GatewayCode;
use serde_json::Value;
use tungstenite::protocol::CloseFrame;
use tungstenite::protocol::frame::coding::CloseCode as WireCode;

/// `tests/wire`, where `npm ci` installed `ws`, `playwright-core` and `typescript`.
fn wire_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("wire");
    assert!(
        dir.join("node_modules").is_dir(),
        "tests/wire/node_modules is missing: run `.ci/wire`, which installs the Node packages and Chromium"
    );
    dir
}

/// A fresh directory for generated modules, outside the checkout.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir()
        .join(format!("closecodes-wire-{}", std::process::id()))
        .join(name);
    std::fs::create_dir_all(&dir).expect("the temporary directory is writable");
    dir
}

/// Renders the spec at `spec` (relative to this crate, or `websocket`) as `format`.
fn rendered(spec: &str, name: &str, format: Format) -> String {
    let table = if spec == "websocket" {
        let source = closecodes_spec::Source::builtin("websocket").expect("built in");
        closecodes_spec::load(&source, &mut closecodes_spec::NoFiles).expect("checks")
    } else {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(spec);
        let source = closecodes_spec::Source::read_file(spec, &path).expect("the spec reads");
        closecodes_spec::load(&source, &mut Files).expect("the spec checks")
    };
    render(format, &table, name, spec).expect("renders")
}

fn node(args: &[&str]) -> String {
    let output = Command::new("node")
        .args(args)
        .current_dir(wire_dir())
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "node {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// A module that uses the generated types the way a client would: a row, a predicate, and an
/// exhaustive `switch` on a property (a value it missed would fail the `never` check).
const USE_TS: &str = "import { GatewayCode, action, describe, isReconnectable, retryAfterMs, type Entry, type GatewayCodeAction } from \"./gateway_code.ts\";\n\
         const code: GatewayCode = GatewayCode.SessionTimedOut;\n\
         const entry: Entry | undefined = describe(code);\n\
         export const retry: boolean = isReconnectable(code) && entry?.kind === \"code\";\n\
         export const policy: GatewayCodeAction | undefined = entry?.properties.action;\n\
         export function next(code: number): string {\n\
           const what = action(code);\n\
           switch (what) {\n\
             case \"stop\": return \"stay closed\";\n\
             case \"resume\": return `resume in ${retryAfterMs(code)} ms`;\n\
             case \"reconnect\": return \"reconnect\";\n\
             default: { const unreachable: never = what; return unreachable; }\n\
           }\n\
         }\n";

#[test]
#[ignore = "needs tests/wire/node_modules: run .ci/wire"]
fn generated_typescript_type_checks_strictly() {
    let dir = scratch("tsc");
    let files = [
        (
            "close_code.ts",
            rendered("websocket", "CloseCode", Format::TypeScript),
        ),
        (
            "gateway_code.ts",
            rendered("codes/discord.toml", "GatewayCode", Format::TypeScript),
        ),
        // `extends = "http"`: ranges and flags per class (a module that did not parse once).
        (
            "api_status.ts",
            rendered("codes/api_status.toml", "ApiStatus", Format::TypeScript),
        ),
        // Spec text that tries to end comments, start tags and break lines.
        (
            "nasty_code.ts",
            rendered("codes/nasty.toml", "NastyCode", Format::TypeScript),
        ),
        // The same modules as JavaScript, checked through their JSDoc types.
        (
            "api_status.js",
            rendered("codes/api_status.toml", "ApiStatus", Format::JavaScript),
        ),
        (
            "nasty_code.js",
            rendered("codes/nasty.toml", "NastyCode", Format::JavaScript),
        ),
        // Properties, typed through JSDoc.
        (
            "gateway_code.js",
            rendered("codes/discord.toml", "GatewayCode", Format::JavaScript),
        ),
    ];
    for (file, text) in &files {
        std::fs::write(dir.join(file), text).expect("writes");
    }
    // The fixed logic of the TypeScript and JavaScript targets, as it stands in the repository.
    let runtime = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../codegen/src/render/script");
    let tsc = wire_dir().join("node_modules/.bin/tsc");
    for checked in files
        .iter()
        .map(|(file, _)| dir.join(file))
        .chain([runtime.join("runtime.ts"), runtime.join("runtime.js")])
    {
        let output = Command::new(&tsc)
            .args([
                "--strict",
                "--noEmit",
                "--erasableSyntaxOnly",
                "--noUncheckedIndexedAccess",
                "--allowJs",
                "--checkJs",
                "--target",
                "es2022",
                "--module",
                "esnext",
            ])
            .arg(&checked)
            .output()
            .expect("tsc runs");
        assert!(
            output.status.success(),
            "tsc rejected {}: {}",
            checked.display(),
            String::from_utf8_lossy(&output.stdout)
        );
    }
    // A module that uses the generated types the way a client would.
    std::fs::write(dir.join("use.ts"), USE_TS).expect("writes");
    let status = Command::new(wire_dir().join("node_modules/.bin/tsc"))
        .args([
            "--strict",
            "--noEmit",
            "--erasableSyntaxOnly",
            "--allowImportingTsExtensions",
        ])
        .args([
            "--target",
            "es2022",
            "--module",
            "esnext",
            "--moduleResolution",
            "bundler",
        ])
        .arg(dir.join("use.ts"))
        .status()
        .expect("tsc runs");
    assert!(
        status.success(),
        "tsc rejected a client of the generated module"
    );
}

#[test]
#[ignore = "needs tests/wire/node_modules: run .ci/wire"]
fn entries_are_frozen_all_the_way_down_and_describe_is_open() {
    let dir = scratch("frozen");
    for (spec, name) in [
        ("websocket", "CloseCode"),
        ("codes/discord.toml", "GatewayCode"),
    ] {
        let module = dir.join(format!("{name}.js"));
        std::fs::write(&module, rendered(spec, name, Format::JavaScript)).expect("writes");
        let out: Value = serde_json::from_str(&node(&[
            "client.mjs",
            "frozen",
            module.to_str().expect("UTF-8 path"),
        ]))
        .expect("JSON");
        let properties = (name == "GatewayCode").then_some("entryProperties");
        for attempt in ["entriesPush", "entryField", "entryFlags", "namedCode"]
            .into_iter()
            .chain(properties)
        {
            assert_eq!(
                out["threw"][attempt], true,
                "{name}: {attempt} changed the module"
            );
        }
        assert!(
            out["notCodes"]
                .as_array()
                .expect("a list")
                .iter()
                .all(Value::is_null),
            "{name}: a number that is not a code was described: {out}"
        );
    }
}

#[test]
#[ignore = "needs tests/wire/node_modules: run .ci/wire"]
fn a_node_client_names_every_close_through_the_generated_module() {
    let dir = scratch("node");
    let module = dir.join("gateway_code.js");
    std::fs::write(
        &module,
        rendered("codes/discord.toml", "GatewayCode", Format::JavaScript),
    )
    .expect("writes");
    let sent: Vec<GatewayCode> = GatewayCode::ALL
        .iter()
        .copied()
        .filter(|code| code.is_sendable())
        .collect();
    let closes = sent
        .iter()
        .map(|code| (code.as_u16(), code.reason().unwrap_or("").to_owned()))
        .collect();
    let (port, server) = close_server(closes);
    let module_arg = module.display().to_string();
    let url = format!("ws://127.0.0.1:{port}/");
    let count = sent.len().to_string();
    let output = node(&["client.mjs", "closes", &module_arg, &url, &count]);
    server.join().expect("the server thread ends");
    let lines: Vec<Value> = output
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), sent.len(), "{output}");
    for (code, line) in sent.iter().zip(&lines) {
        assert_eq!(line["code"], code.as_u16(), "{line}");
        assert_eq!(line["variant"], format!("{code:?}"), "{line}");
        assert_eq!(line["named"], true, "{line}");
        assert_eq!(line["registryReason"].as_str(), code.reason(), "{line}");
        assert_eq!(
            line["reason"].as_str(),
            Some(code.reason().unwrap_or("")),
            "{line}"
        );
        // The policy of the close, as the generated getters give it.
        assert_eq!(line["action"], code.action().as_str(), "{line}");
        assert_eq!(line["retryAfterMs"], code.retry_after_ms(), "{line}");
    }

    // `fromWire`, `isBrowserClosable` and the property getters in JavaScript agree with Rust on
    // every value.
    let output = node(&["client.mjs", "from-wire", &module_arg]);
    let js: Value = serde_json::from_str(&output).expect("JSON");
    let (from_wire, closable) = (
        js["fromWire"].as_array().expect("an array"),
        js["browserClosable"].as_array().expect("an array"),
    );
    assert_eq!((from_wire.len(), closable.len()), (65_536, 65_536));
    for value in 0..=u16::MAX {
        let rust = GatewayCode::from_wire(value).ok().map(|code| {
            code.range()
                .map_or_else(|| format!("{code:?}"), str::to_owned)
        });
        let at = usize::from(value);
        assert_eq!(from_wire[at].as_str(), rust.as_deref(), "fromWire({value})");
        let closable_in_rust = GatewayCode::from_u16(value).is_browser_closable();
        assert_eq!(closable[at], closable_in_rust, "isBrowserClosable({value})");
        assert_eq!(
            closable_in_rust,
            value == 1000 || (3000..=4999).contains(&value)
        );
        let code = GatewayCode::from_u16(value);
        assert_eq!(js["action"][at], code.action().as_str(), "action({value})");
        assert_eq!(
            js["retryAfterMs"][at],
            code.retry_after_ms(),
            "retryAfterMs({value})"
        );
    }
    for open in js["open"].as_array().expect("an array") {
        assert_eq!(open, &serde_json::json!(["stop", 0]), "{js}");
    }
    // The table holds every kind of value the getters follow: an override in a carve-out, a
    // documented code's own, a range's.
    assert_eq!(GatewayCode::MatchOver.action().as_str(), "stop");
    assert_eq!(GatewayCode::from_u16(4598).retry_after_ms(), 30_000);
    assert_eq!(GatewayCode::from_u16(4501).action().as_str(), "reconnect");
}

/// The page: imports the generated module, shows the name and reason of the close it receives,
/// and records whether `WebSocket.close(code)` throws for a sample of codes.
fn page(ws_port: u16) -> String {
    format!(
        r##"<!doctype html>
<meta charset="utf-8">
<title>closecodes in a browser</title>
<p>Closed with <span id="name"></span>: <span id="reason"></span>; next: <span id="action"></span></p>
<pre id="closes"></pre>
<script type="module">
import {{ action, describe, isBrowserClosable }} from "./codes.js";
const closes = {{}};
for (const code of [0, 999, 1000, 1001, 1005, 2999, 3000, 4000, 4999, 5000]) {{
  const socket = new WebSocket("ws://127.0.0.1:{ws_port}/unused");
  let threw = false;
  try {{ socket.close(code); }} catch {{ threw = true; }}
  closes[code] = {{ threw, closable: isBrowserClosable(code) }};
}}
document.querySelector("#closes").textContent = JSON.stringify(closes);
const ws = new WebSocket("ws://127.0.0.1:{ws_port}/");
ws.onclose = (event) => {{
  const entry = describe(event.code);
  document.querySelector("#name").textContent = entry?.variant ?? "unknown";
  document.querySelector("#reason").textContent = entry?.reason ?? "";
  document.querySelector("#action").textContent = action(event.code);
  const done = document.createElement("p");
  done.id = "done";
  document.body.append(done);
}};
</script>
"##
    )
}

/// A minimal HTTP server on 127.0.0.1 for the page and the module, until `requests` are served.
fn http_server(files: Vec<(&'static str, &'static str, String)>, requests: usize) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("binds");
    let port = listener.local_addr().expect("has an address").port();
    thread::spawn(move || {
        for stream in listener.incoming().take(requests) {
            let Ok(mut stream) = stream else { continue };
            let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
            let _ = serve(&mut stream, &files);
        }
    });
    port
}

fn serve(stream: &mut TcpStream, files: &[(&str, &str, String)]) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/");
    let (status, kind, body) = match files.iter().find(|(p, _, _)| *p == path) {
        Some((_, kind, body)) => ("200 OK", *kind, body.as_str()),
        None => ("404 Not Found", "text/plain", "not found"),
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let _ = reader.read_to_end(&mut Vec::new());
    Ok(())
}

#[test]
#[ignore = "needs Chromium and tests/wire/node_modules: run .ci/wire"]
fn chromium_shows_the_close_and_throws_exactly_for_codes_it_may_not_send() {
    let sent = GatewayCode::SessionTimedOut;
    let main = (sent.as_u16(), sent.reason().unwrap_or("").to_owned());
    // The page's ten sample sockets may connect too before the one it listens on.
    let (ws_port, _server) = close_server_for_page(11, main);
    let module = rendered("codes/discord.toml", "GatewayCode", Format::JavaScript);
    let http = http_server(
        vec![
            ("/", "text/html", page(ws_port)),
            ("/codes.js", "text/javascript", module),
        ],
        4,
    );
    let output = node(&["browser.mjs", &format!("http://127.0.0.1:{http}/")]);
    let shown: Value = serde_json::from_str(output.trim()).expect("JSON from the driver");
    assert_eq!(shown["errors"], Value::Array(Vec::new()), "{shown}");
    assert_eq!(shown["name"], "SessionTimedOut", "{shown}");
    assert_eq!(shown["reason"], "Session Timed Out", "{shown}");
    // The policy of the close, through the module's getter in the browser.
    assert_eq!(shown["action"], sent.action().as_str(), "{shown}");
    assert_eq!(sent.action().as_str(), "reconnect");
    let closes = shown["closes"].as_object().expect("the close() results");
    assert_eq!(closes.len(), 10, "{shown}");
    for (code, result) in closes {
        let code: u16 = code.parse().expect("a code");
        let closable = CloseCode::from_u16(code).is_browser_closable();
        assert_eq!(
            result["closable"], closable,
            "isBrowserClosable({code}) against Rust"
        );
        assert_eq!(
            result["threw"], !closable,
            "WebSocket.close({code}) throws exactly when isBrowserClosable says false"
        );
    }
    assert!(
        <CloseCode as CodeTable>::FLAGS
            .iter()
            .any(|f| f.name == "browser_closable")
    );
}

/// A tungstenite server for the page: the connection to `/` gets the close `main`; the page's
/// sample sockets (path `/unused`), if they connect at all, a normal close. At most `connections`
/// are accepted.
fn close_server_for_page(connections: usize, main: (u16, String)) -> (u16, thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("binds");
    let port = listener.local_addr().expect("has an address").port();
    let (main, reason) = main;
    let handle = thread::spawn(move || {
        for _ in 0..connections {
            let Ok((stream, _)) = listener.accept() else {
                return;
            };
            let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
            let mut path = String::new();
            // tungstenite's callback type returns its (large) error response by value.
            #[allow(clippy::result_large_err)]
            let callback =
                |request: &tungstenite::handshake::server::Request,
                 response: tungstenite::handshake::server::Response| {
                    request.uri().path().clone_into(&mut path);
                    Ok(response)
                };
            let Ok(mut ws) = tungstenite::accept_hdr(stream, callback) else {
                continue;
            };
            let (code, text) = if path == "/" {
                (main, reason.clone())
            } else {
                (1000, String::new())
            };
            let frame = CloseFrame {
                code: WireCode::from(code),
                reason: text.into(),
            };
            let _ = ws.close(Some(frame));
            while ws.read().is_ok() {}
            if path == "/" {
                return;
            }
        }
    });
    (port, handle)
}
