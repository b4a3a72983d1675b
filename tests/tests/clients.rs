//! Clients of a Rust server in other languages, for real: Python (`websockets`), Go
//! (gorilla/websocket and coder/websocket), Kotlin (`OkHttp` 3 on Kotlin 1.3; `OkHttp` 5 and Ktor 3
//! on Kotlin 2), Java (the JDK's own `java.net.http.WebSocket`, Java 17) and C# (mono's
//! `ClientWebSocket`) connect to a tungstenite server on 127.0.0.1 that closes with each sendable
//! code of an application table, and name every close through the file rendered for their
//! language; `from_wire` and every flag predicate agree with Rust's on all 65,536 values.
//! `mypy --strict`, `ruff check`, `gofmt`, `go vet`, `kotlinc -Werror` (1.3 and 2),
//! `javac -Xlint:all -Werror` and `mcs -warnaserror` pass on the rendered files and on the runtime
//! files as they stand.
//!
//! They need those toolchains, so `cargo test` lists them as ignored; `.ci/wire` installs them (a
//! venv from `PyPI`, the Go modules of `tests/clients/go` through the module proxy, Kotlin 2,
//! `OkHttp` 5 and Ktor 3 from Maven Central with `mvn`, the rest from Debian, `javac` 17 among
//! them) and runs them with `CLOSECODES_PYTHON`, `CLOSECODES_GO`, `CLOSECODES_KOTLIN_COMPILER` and
//! `CLOSECODES_KOTLIN_LIBS` pointing at them.

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

/// The Go command, offline: the modules of `tests/clients/go/go.sum` come from the module cache,
/// where `.ci/wire` put them with `go mod download`.
fn go(dir: &Path) -> Command {
    let mut command = Command::new(tool("CLOSECODES_GO"));
    command
        .current_dir(dir)
        .env("GOPROXY", "off")
        .env("GOFLAGS", "-mod=readonly")
        .env("GOTOOLCHAIN", "local")
        .env("GOCACHE", std::env::temp_dir().join("closecodes-gocache"));
    command
}

/// `gofmt` beside the Go command, or in its `GOROOT`.
fn gofmt(dir: &Path) -> PathBuf {
    let gofmt = tool("CLOSECODES_GO")
        .parent()
        .expect("go's directory")
        .join("gofmt");
    if gofmt.exists() {
        return gofmt;
    }
    let root = run(go(dir).args(["env", "GOROOT"]));
    PathBuf::from(String::from_utf8_lossy(&root.stdout).trim()).join("bin/gofmt")
}

/// `gofmt -l` lists nothing in `dir` and `go vet ./...` passes.
fn gofmt_and_vet(dir: &Path) {
    let listed = run(Command::new(gofmt(dir)).arg("-l").arg(dir));
    assert!(
        listed.stdout.is_empty(),
        "gofmt would change: {}",
        String::from_utf8_lossy(&listed.stdout)
    );
    run(go(dir).args(["vet", "./..."]));
}

/// Copies the files of `from` into `to`, folders and all.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("writes");
    for entry in std::fs::read_dir(from).expect("reads") {
        let entry = entry.expect("reads");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("reads").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copies");
        }
    }
}

/// The module of `tests/clients/go` (its `go.mod` and `go.sum` name gorilla/websocket and
/// coder/websocket) in `dir`, with the rendered discord table as its `gatewaycode` package;
/// `gofmt` and `go vet` pass on all of it, and each client is built as `dir/bin/<client>`.
fn go_clients(dir: &Path) {
    copy_tree(&root().join("tests/clients/go"), dir);
    let package = dir.join("gatewaycode");
    std::fs::create_dir_all(&package).expect("writes");
    std::fs::write(
        package.join("gatewaycode.go"),
        rendered("tests/codes/discord.toml", "GatewayCode", Format::Go),
    )
    .expect("writes");
    gofmt_and_vet(dir);
    for client in ["gorilla", "coder"] {
        let out = dir.join("bin").join(client);
        run(go(dir)
            .args(["build", "-o"])
            .arg(out)
            .arg(format!("./{client}")));
    }
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
        // The close's policy, where the client reports it (see `agrees_on_every_property`).
        if let Some(action) = line.get("action") {
            assert_eq!(action, code.action().as_str(), "{line}");
            assert_eq!(line["retryAfterMs"], code.retry_after_ms(), "{line}");
        }
    }
}

/// Every property getter of a client agrees with Rust's on every `u16` (the table holds a range's
/// values, a carve-out's, an override inside it and a documented code's), numbers that are no
/// code get the defaults, and every close the client named carries its policy (`closes`, its
/// output of the closes).
fn agrees_on_every_property(output: &str, closes: &str) {
    let out: Value = serde_json::from_str(output).expect("JSON");
    let (action, retry) = (
        out["action"].as_array().expect("an array of actions"),
        out["retryAfterMs"].as_array().expect("an array of delays"),
    );
    assert_eq!((action.len(), retry.len()), (65_536, 65_536));
    for value in 0..=u16::MAX {
        let (at, code) = (usize::from(value), GatewayCode::from_u16(value));
        assert_eq!(action[at], code.action().as_str(), "action({value})");
        assert_eq!(retry[at], code.retry_after_ms(), "retry_after_ms({value})");
    }
    for open in out["propertiesOpen"].as_array().expect("an array") {
        assert_eq!(open, &serde_json::json!(["stop", 0]), "{out}");
    }
    assert_eq!(GatewayCode::MatchOver.action().as_str(), "stop");
    assert_eq!(GatewayCode::from_u16(4598).retry_after_ms(), 30_000);
    for line in closes.lines() {
        let line: Value = serde_json::from_str(line).expect("a JSON line");
        assert!(
            line.get("rejected").is_some() || line.get("action").is_some(),
            "a close without its action: {line}"
        );
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
    gofmt_and_vet(&dir);
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
    let mut closes = String::new();
    names_every_close(
        |url, count| {
            let output = run(Command::new(&python)
                .arg(&client)
                .args(["closes"])
                .arg(&dir)
                .args([url, count]));
            closes = String::from_utf8(output.stdout).expect("UTF-8");
            closes.clone()
        },
        "member",
        &[],
    );
    let output = run(Command::new(&python)
        .arg(&client)
        .arg("from-wire")
        .arg(&dir));
    let output = String::from_utf8(output.stdout).expect("UTF-8");
    agrees_on_every_value(&output);
    agrees_on_every_property(&output, &closes);
}

/// A Go client built by `go_clients` names every close and agrees with Rust on every value.
fn go_client_agrees(dir: &Path, client: &str, refused: &[u16]) {
    let client = dir.join("bin").join(client);
    let mut closes = String::new();
    names_every_close(
        |url, count| {
            let output = run(Command::new(&client).args(["closes", url, count]));
            closes = String::from_utf8(output.stdout).expect("UTF-8");
            closes.clone()
        },
        "name",
        refused,
    );
    let output = run(Command::new(&client).arg("from-wire"));
    let output = String::from_utf8(output.stdout).expect("UTF-8");
    agrees_on_every_value(&output);
    agrees_on_every_property(&output, &closes);
}

#[test]
#[ignore = "needs Go and the modules of tests/clients/go: run .ci/wire"]
fn go_clients_name_every_close_and_agree_with_rust() {
    let dir = scratch("go-clients");
    go_clients(&dir);
    // gorilla/websocket 1.5.3 refuses a received 1014 (Bad Gateway, registered after RFC 6455),
    // as tungstenite 0.30 does; coder/websocket 1.8 takes every code up to 1014.
    go_client_agrees(&dir, "gorilla", &[1014]);
    go_client_agrees(&dir, "coder", &[]);
}

/// Debian's jars for the Kotlin 1.3 client: `OkHttp` 3.13, `Okio`, Kotlin's standard library.
const JARS: &[&str] = &[
    "/usr/share/java/okhttp.jar",
    "/usr/share/java/okio.jar",
    "/usr/share/java/kotlin-stdlib.jar",
];

/// The jars in `dir` (`.ci/wire` copies them there from Maven Central with `mvn`).
fn jars(dir: &Path) -> Vec<PathBuf> {
    let mut jars: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("`{}` cannot be read ({e}): run `.ci/wire`", dir.display()))
        .map(|entry| entry.expect("reads").path())
        .filter(|path| path.extension().is_some_and(|e| e == "jar"))
        .collect();
    jars.sort();
    assert!(
        !jars.is_empty(),
        "no jars in `{}`: run `.ci/wire`",
        dir.display()
    );
    jars
}

fn join(paths: impl IntoIterator<Item = PathBuf>) -> String {
    paths
        .into_iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(":")
}

/// Kotlin 1.3 (Debian's `kotlinc`), all warnings errors, with `classpath`.
fn kotlinc_1_3(classpath: &[PathBuf]) -> Command {
    let mut command = Command::new("kotlinc");
    command.arg("-Werror");
    if !classpath.is_empty() {
        command.arg("-cp").arg(join(classpath.iter().cloned()));
    }
    command
}

/// Kotlin 2 (the compiler of `tests/clients/kotlin/compiler/pom.xml`, whose jars are in
/// `CLOSECODES_KOTLIN_COMPILER`), all warnings errors, against the libraries of
/// `tests/clients/kotlin/pom.xml` (in `CLOSECODES_KOTLIN_LIBS`: its own standard library,
/// `OkHttp` 5, Ktor 3's client).
fn kotlinc_2() -> Command {
    let compiler = tool("CLOSECODES_KOTLIN_COMPILER");
    let mut command = Command::new("java");
    command
        .arg("-cp")
        .arg(join(jars(&compiler)))
        .arg("org.jetbrains.kotlin.cli.jvm.K2JVMCompiler")
        .args(["-Werror", "-no-stdlib", "-no-reflect", "-cp"])
        .arg(join(jars(&tool("CLOSECODES_KOTLIN_LIBS"))));
    command
}

#[test]
#[ignore = "needs kotlinc 1.3 and Kotlin 2 from Maven Central: run .ci/wire"]
fn kotlin_files_compile_with_warnings_as_errors_on_kotlin_1_3_and_2() {
    let dir = scratch("kotlin-lint");
    let mut kotlin = vec![root().join("codegen/src/render/kotlin/Runtime.kt")];
    for (spec, name, module) in TABLES {
        let kt = dir.join(format!("{module}.kt"));
        let package = format!("com.example.{}", module.replace('_', ""));
        std::fs::write(&kt, rendered_in(spec, name, Format::Kotlin, &package)).expect("writes");
        kotlin.push(kt);
    }
    run(kotlinc_1_3(&[])
        .arg("-d")
        .arg(dir.join("out-1.3"))
        .args(&kotlin));
    let version = run(kotlinc_2().arg("-version"));
    assert!(
        String::from_utf8_lossy(&version.stderr).contains("kotlinc-jvm 2."),
        "{}",
        String::from_utf8_lossy(&version.stderr)
    );
    run(kotlinc_2().arg("-d").arg(dir.join("out-2")).args(&kotlin));
}

/// A table of `count` named codes, 1000 and up (numbers that take the JVM's widest constants).
fn big_table(count: usize) -> closecodes_spec::Table {
    use std::fmt::Write as _;
    let mut text = String::from("[table]\nname = \"Big\"\n");
    for i in 0..count {
        let code = 1000 + i;
        let _ = write!(
            text,
            "\n[[code]]\ncode = {code}\nname = \"Code{code}\"\nreason = \"Reason {code}\"\ndescription = \"The code {code}.\"\n"
        );
    }
    let source = closecodes_spec::Source::file("big.toml", "big.toml", text);
    closecodes_spec::load(&source, &mut Files).expect("checks")
}

#[test]
#[ignore = "needs kotlinc 1.3 and Kotlin 2 from Maven Central: run .ci/wire"]
fn the_largest_kotlin_table_compiles_on_kotlin_1_3_and_2() {
    let options = closecodes_codegen::render::Options {
        name: "Big",
        source: "big.toml",
        package: Some("big"),
        ..closecodes_codegen::render::Options::default()
    };
    // 4,000 named codes are more than a JVM enum's initializer holds on Kotlin 1.3.31 (2,606 of
    // these) or 2.4.21 (3,422): the renderer refuses them, and says how many it takes.
    let refused =
        closecodes_codegen::render::render_with(Format::Kotlin, &big_table(4000), &options);
    let Err(closecodes_codegen::render::RenderError::TooLarge { max, .. }) = refused else {
        panic!("4000 named codes were not refused as too large: {refused:?}")
    };
    // A table of that many compiles on both compilers, warnings as errors, and loads.
    let dir = scratch("kotlin-largest");
    let table = dir.join("big.kt");
    let text = closecodes_codegen::render::render_with(Format::Kotlin, &big_table(max), &options)
        .expect("renders");
    std::fs::write(&table, text).expect("writes");
    let main = dir.join("Main.kt");
    std::fs::write(
        &main,
        "fun main() = println(\"${big.Big.ENTRIES.size} ${big.Big.fromCode(big.Big.ENTRIES.last().start)}\")\n",
    )
    .expect("writes");
    let expected = format!("{max} Code{}\n", 1000 + max - 1);
    let out = dir.join("out-1.3");
    run(kotlinc_1_3(&[]).arg("-d").arg(&out).arg(&table).arg(&main));
    let java = |classpath: String| {
        let output = run(Command::new("java").arg("-cp").arg(classpath).arg("MainKt"));
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    assert_eq!(java(join([out, PathBuf::from(JARS[2])])), expected);
    let out = dir.join("out-2");
    run(kotlinc_2().arg("-d").arg(&out).arg(&table).arg(&main));
    let libs = jars(&tool("CLOSECODES_KOTLIN_LIBS"));
    assert_eq!(java(join(std::iter::once(out).chain(libs))), expected);
}

#[test]
#[ignore = "needs mono's mcs: run .ci/wire"]
fn csharp_files_compile_with_warnings_as_errors() {
    let dir = scratch("csharp-lint");
    let mut csharp = vec![root().join("codegen/src/render/csharp/Runtime.cs")];
    for (spec, name, module) in TABLES {
        let cs = dir.join(format!("{module}.cs"));
        let namespace = format!("Example.{name}");
        std::fs::write(&cs, rendered_in(spec, name, Format::CSharp, &namespace)).expect("writes");
        csharp.push(cs);
    }
    run(Command::new("mcs")
        .args(["-warnaserror", "-target:library"])
        .arg(format!("-out:{}", dir.join("tables.dll").display()))
        .args(&csharp));
}

/// The discord table rendered as Kotlin into `dir/gatewaycode.kt`, and the sources of the Kotlin
/// client `client` (`tests/clients/kotlin/<client>/Client.kt` and the shared `Report.kt`).
fn kotlin_sources(dir: &Path, client: &str) -> Vec<PathBuf> {
    let table = dir.join("gatewaycode.kt");
    let text = rendered_in(
        "tests/codes/discord.toml",
        "GatewayCode",
        Format::Kotlin,
        "gatewaycode",
    );
    std::fs::write(&table, text).expect("writes");
    let clients = root().join("tests/clients/kotlin");
    vec![
        clients.join(client).join("Client.kt"),
        clients.join("Report.kt"),
        table,
    ]
}

/// A Kotlin client compiled into `out` names every close (but `refused`) and agrees with Rust on
/// every value, run on `classpath`.
fn kotlin_client_agrees(out: &Path, classpath: Vec<PathBuf>, refused: &[u16]) {
    let classpath = join(std::iter::once(out.to_owned()).chain(classpath));
    let java = |args: &[&str]| {
        let output = run(Command::new("java")
            .arg("-cp")
            .arg(&classpath)
            .arg("ClientKt")
            .args(args));
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    let mut closes = String::new();
    names_every_close(
        |url, count| {
            closes = java(&["closes", url, count]);
            closes.clone()
        },
        "name",
        refused,
    );
    let output = java(&["from-wire"]);
    agrees_on_every_value(&output);
    agrees_on_every_property(&output, &closes);
}

#[test]
#[ignore = "needs kotlinc 1.3, java and Debian's libokhttp-java: run .ci/wire"]
fn a_kotlin_1_3_okhttp_3_client_names_every_close_and_agrees_with_rust() {
    let dir = scratch("kotlin-okhttp3");
    let sources = kotlin_sources(&dir, "okhttp3");
    let out = dir.join("out");
    let jars: Vec<PathBuf> = JARS.iter().map(PathBuf::from).collect();
    run(kotlinc_1_3(&jars[..2]).arg("-d").arg(&out).args(&sources));
    // OkHttp 3.13 (Debian's) refuses to receive 1012, 1013 and 1014, registered after RFC 6455.
    kotlin_client_agrees(&out, jars, &[1012, 1013, 1014]);
}

#[test]
#[ignore = "needs Kotlin 2 and OkHttp 5 from Maven Central: run .ci/wire"]
fn a_kotlin_2_okhttp_5_client_names_every_close_and_agrees_with_rust() {
    let dir = scratch("kotlin-okhttp5");
    let sources = kotlin_sources(&dir, "okhttp5");
    let out = dir.join("out");
    run(kotlinc_2().arg("-d").arg(&out).args(&sources));
    // OkHttp 5 receives every code up to 1014.
    kotlin_client_agrees(&out, jars(&tool("CLOSECODES_KOTLIN_LIBS")), &[]);
}

#[test]
#[ignore = "needs Kotlin 2 and Ktor 3 from Maven Central: run .ci/wire"]
fn a_kotlin_2_ktor_3_client_names_every_close_and_agrees_with_rust() {
    let dir = scratch("kotlin-ktor");
    let sources = kotlin_sources(&dir, "ktor");
    let out = dir.join("out");
    run(kotlinc_2().arg("-d").arg(&out).args(&sources));
    // Ktor 3 receives every code up to 1014.
    kotlin_client_agrees(&out, jars(&tool("CLOSECODES_KOTLIN_LIBS")), &[]);
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
    let mut closes = String::new();
    names_every_close(
        |url, count| {
            closes = mono(&["closes", url, count]);
            closes.clone()
        },
        "name",
        &[1012, 1013, 1014],
    );
    let output = mono(&["from-wire"]);
    agrees_on_every_value(&output);
    agrees_on_every_property(&output, &closes);
}

/// `javac` 17, all lint warnings errors, into `out`.
fn javac(out: &Path) -> Command {
    let mut command = Command::new("javac");
    command.args(["-Xlint:all", "-Werror", "-d"]).arg(out);
    command
}

/// `file` rendered as Java into `package`, at `dir/<package path>/<name>.java`.
fn java_table(dir: &Path, spec: &str, name: &str, package: &str) -> PathBuf {
    let folder = dir.join(package.replace('.', "/"));
    std::fs::create_dir_all(&folder).expect("writes");
    let file = folder.join(format!("{name}.java"));
    std::fs::write(&file, rendered_in(spec, name, Format::Java, package)).expect("writes");
    file
}

#[test]
#[ignore = "needs javac 17: run .ci/wire"]
fn java_files_compile_with_xlint_all_werror() {
    let dir = scratch("java-lint");
    // The runtime file as it stands (its own package, `closecodes.runtime`), and the tables.
    let mut java = vec![root().join("codegen/src/render/java/Runtime.java")];
    for (spec, name, module) in TABLES {
        let package = format!("com.example.{}", module.replace('_', ""));
        java.push(java_table(&dir, spec, name, &package));
    }
    run(javac(&dir.join("out")).args(&java));
}

#[test]
#[ignore = "needs javac 17: run .ci/wire"]
fn the_largest_java_table_compiles_and_loads() {
    let options = closecodes_codegen::render::Options {
        name: "Big",
        source: "big.toml",
        package: Some("big"),
        ..closecodes_codegen::render::Options::default()
    };
    let refused = closecodes_codegen::render::render_with(Format::Java, &big_table(4000), &options);
    let Err(closecodes_codegen::render::RenderError::TooLarge { max, .. }) = refused else {
        panic!("4000 named codes were not refused as too large: {refused:?}")
    };
    let dir = scratch("java-largest");
    std::fs::create_dir_all(dir.join("big")).expect("writes");
    let table = dir.join("big/Big.java");
    let text = closecodes_codegen::render::render_with(Format::Java, &big_table(max), &options)
        .expect("renders");
    std::fs::write(&table, text).expect("writes");
    let main = dir.join("Main.java");
    std::fs::write(
        &main,
        "public final class Main {\n    private Main() {}\n\n    public static void main(String[] args) {\n        System.out.println(big.Big.ENTRIES.size() + \" \" + big.Big.fromCode(big.Big.ENTRIES.get(big.Big.ENTRIES.size() - 1).start()).orElseThrow());\n    }\n}\n",
    )
    .expect("writes");
    let out = dir.join("out");
    run(javac(&out).arg(&table).arg(&main));
    let output = run(Command::new("java").arg("-cp").arg(&out).arg("Main"));
    let code = 1000 + max - 1;
    assert_eq!(
        String::from_utf8(output.stdout).expect("UTF-8"),
        format!("{max} CODE{code}\n")
    );
}

#[test]
#[ignore = "needs javac and java 17: run .ci/wire"]
fn a_java_client_names_every_close_and_agrees_with_rust() {
    let dir = scratch("java-client");
    let table = java_table(
        &dir,
        "tests/codes/discord.toml",
        "GatewayCode",
        "gatewaycode",
    );
    let out = dir.join("out");
    run(javac(&out)
        .arg(root().join("tests/clients/java/Client.java"))
        .arg(&table));
    let java = |args: &[&str]| {
        let output = run(Command::new("java")
            .arg("-cp")
            .arg(&out)
            .arg("Client")
            .args(args));
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    // Of the codes sent, the JDK refuses to receive 1010 alone (see `jdk_17_receives`).
    let refused = [1010];
    let by_rule: Vec<u16> = sent()
        .iter()
        .map(|code| code.as_u16())
        .filter(|&code| !jdk_17_receives(code))
        .collect();
    assert_eq!(by_rule, refused);
    let mut closes = String::new();
    names_every_close(
        |url, count| {
            closes = java(&["closes", url, count]);
            closes.clone()
        },
        "member",
        &refused,
    );
    let output = java(&["from-wire"]);
    agrees_on_every_value(&output);
    agrees_on_every_property(&output, &closes);
    // What the JDK receives, at every edge of its rule: each code sent with a reason of its own.
    let edges: Vec<u16> = [0, 999]
        .into_iter()
        .chain(1000..=1016)
        .chain([2999, 3000, 3999, 4000, 4999, 5000, 65535])
        .collect();
    let closes = edges.iter().map(|&c| (c, format!("reason {c}"))).collect();
    let (port, server) = close_server(closes);
    let output = java(&[
        "closes",
        &format!("ws://127.0.0.1:{port}/"),
        &edges.len().to_string(),
    ]);
    server.join().expect("the server thread ends");
    let lines: Vec<Value> = output
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), edges.len(), "{output}");
    for (&code, line) in edges.iter().zip(&lines) {
        if jdk_17_receives(code) {
            // Received as sent, neither code nor reason rewritten.
            assert_eq!(line["code"], code, "{code}: {line}");
            assert_eq!(line["reason"], format!("reason {code}"), "{code}: {line}");
        } else {
            // `java.net.ProtocolException` to `onError`, whose message is null.
            let rejected = line["rejected"].as_str().unwrap_or_default();
            assert!(
                rejected.starts_with("java.net.ProtocolException"),
                "{code}: {line}"
            );
        }
    }
}

/// Whether `java.net.http.WebSocket` (JDK 17) takes a Close frame with `code` from a server: it
/// fails the connection with a `ProtocolException` on codes below 1000, on 1004–1006 and
/// 1015–2999 (reserved, or never on the wire), and on 1010 (Mandatory Extension, which only a
/// client sends); anything from 3000 on is received, 5000–65535 included (measured over 0–5100,
/// 9999, 40000 and 65535; `jdk.internal.net.http.websocket.StatusCodes.isLegalToReceiveFromServer`
/// says the same).
fn jdk_17_receives(code: u16) -> bool {
    !matches!(code, 0..=999 | 1004..=1006 | 1010 | 1015..=2999)
}

/// Properties whose descriptions try to break out of every JVM and .NET doc comment, values
/// named like the members of an enum (`values`, `ordinal`, `name`, `word`, `companion`) or like
/// keywords (`null`, `default`, `when`), a named code `Entry`, and integers at the edges of each
/// type (`-2147483648`, which Kotlin reads as a `Long` were it a literal).
const NASTY_PROPERTIES: &str = r#"extends = "websocket"

[table]
name = "NastyPolicy"
description = "Properties whose text tries to break out of every output."

[[property]]
name = "action"
description = "*/ @return {string} ends the comment?\n@deprecated not really\u2028@param nope </summary> <para> & [link] $template ${x} \\u000d \\u002a/"
values = ["none", "null", "default", "class", "object", "new", "when", "entry"]

[[property]]
name = "kind"
description = """
```kotlin
error("a fenced block")
```
/* nested /* comment
@suppress
"""
values = ["string", "int", "values", "value_of", "ordinal", "name", "companion", "word"]
default = "word"

[[property]]
name = "least"
description = "An i32 at its least."
type = "i32"
default = -2147483648

[[property]]
name = "most"
description = "A u32 at the most a JVM `Int` holds."
type = "u32"
default = 2147483647

[[property]]
name = "small"
description = "An i8."
type = "i8"
default = -128

[[property]]
name = "byte_sized"
description = "A u8."
type = "u8"
default = 255

[[property]]
name = "tiny"
description = "An i16."
type = "i16"
default = -32768

[[property]]
name = "wide"
description = "A u16."
type = "u16"
default = 65535

[[range]]
name = "Rules"
codes = "4000..=4099"
description = "*/ a range's description"
set = { action = "when", kind = "companion", least = 2147483647, most = 0, small = 127, byte_sized = 0, tiny = 32767, wide = 0 }

[[code]]
code = 4001
name = "Entry"
description = "A named code named Entry, with every value set."
set = { action = "entry", kind = "ordinal", least = -1, most = 1, small = -1, byte_sized = 1, tiny = -1, wide = 1 }

[[code]]
code = 4050
description = "A documented code."
set = { action = "null", kind = "values" }
"#;

/// The tables of the property tests: the feature case of the goldens, and [`NASTY_PROPERTIES`].
fn property_tables() -> Vec<(closecodes_spec::Table, &'static str)> {
    let case = "tests/golden/features/property.toml";
    let source = closecodes_spec::Source::read_file(case, &root().join(case)).expect("reads");
    let policy = closecodes_spec::load(&source, &mut Files).expect("checks");
    let source =
        closecodes_spec::Source::file("nasty.toml", "nasty.toml", NASTY_PROPERTIES.to_owned());
    let nasty = closecodes_spec::load(&source, &mut Files).expect("checks");
    vec![(policy, "PolicyCode"), (nasty, "NastyPolicy")]
}

/// `table` rendered as `format` into `package` (a namespace in C#).
fn rendered_table(
    format: Format,
    table: &closecodes_spec::Table,
    name: &str,
    package: &str,
) -> String {
    let options = closecodes_codegen::render::Options {
        name,
        source: "t.toml",
        package: Some(package),
        command: None,
    };
    closecodes_codegen::render::render_with(format, table, &options).expect("renders")
}

/// The numbers the property tests look up: every row's first and last code and their neighbours,
/// and numbers outside the table.
fn probes(table: &closecodes_spec::Table) -> Vec<i128> {
    let mut numbers: Vec<i128> = table
        .rows()
        .iter()
        .flat_map(|row| [row.start - 1, row.start, row.end, row.end + 1])
        .chain([-1, 70_000, i128::from(i32::MAX)])
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers
}

/// The value of property `at` at `number`, by the rule of Rust's `from_u16`: the named code, else
/// the documented code, else the range that holds it, else the property's default.
fn value_at(
    table: &closecodes_spec::Table,
    at: usize,
    number: i128,
) -> closecodes_spec::PropertyValue {
    use closecodes_spec::RowKind;
    let rows = table.rows();
    let found = [RowKind::Code, RowKind::Documented, RowKind::Range]
        .into_iter()
        .find_map(|kind| {
            rows.iter()
                .find(|r| r.kind == kind && r.start <= number && number <= r.end)
        });
    found.map_or(table.properties[at].default, |row| row.properties[at])
}

/// A line per probe, `number value…`, as every client prints it: an enumerated value as `word`
/// gives it (the spec's word; C#'s member name, `spell` of it), an integer as the number.
fn expected_values(table: &closecodes_spec::Table, spell: impl Fn(&str) -> String) -> String {
    use std::fmt::Write as _;
    let mut lines = String::new();
    for number in probes(table) {
        let values: Vec<String> = table
            .properties
            .iter()
            .enumerate()
            .map(|(at, property)| {
                let value = value_at(table, at, number);
                match value {
                    closecodes_spec::PropertyValue::Word(_) => spell(&property.written(value)),
                    closecodes_spec::PropertyValue::Integer(n) => n.to_string(),
                }
            })
            .collect();
        let _ = writeln!(lines, "{number} {}", values.join(" "));
    }
    lines
}

/// A program of `format` that prints [`expected_values`]' lines through the rendered getters of
/// `name` in `package`.
fn getters_program(
    format: Format,
    table: &closecodes_spec::Table,
    name: &str,
    package: &str,
) -> String {
    let numbers: Vec<String> = probes(table).iter().map(ToString::to_string).collect();
    let numbers = numbers.join(", ");
    let getter = |namer: &dyn closecodes_spec::targets::Namer, p: &closecodes_spec::Property| {
        namer.getter(&closecodes_spec::Words::of(&p.name))
    };
    match format {
        Format::Kotlin => {
            let values: Vec<String> = table
                .properties
                .iter()
                .map(|p| {
                    let call = format!(
                        "{package}.{name}.{}(code)",
                        getter(&closecodes_spec::targets::Kotlin, p)
                    );
                    if p.words().is_empty() {
                        call
                    } else {
                        format!("{call}.word")
                    }
                })
                .collect();
            format!(
                "fun main() {{\n    for (code in kotlin.collections.listOf({numbers})) {{\n        println(kotlin.collections.listOf<kotlin.Any>(code, {}).joinToString(\" \"))\n    }}\n}}\n",
                values.join(", ")
            )
        }
        Format::Java => {
            let values: Vec<String> = table
                .properties
                .iter()
                .map(|p| {
                    let call = format!(
                        "{package}.{name}.{}(code)",
                        getter(&closecodes_spec::targets::Java, p)
                    );
                    if p.words().is_empty() {
                        call
                    } else {
                        format!("{call}.word()")
                    }
                })
                .collect();
            format!(
                "public final class Main {{\n    private Main() {{}}\n\n    public static void main(String[] args) {{\n        for (int code : new int[] {{{numbers}}}) {{\n            System.out.println(code + \" \" + {});\n        }}\n    }}\n}}\n",
                values.join(" + \" \" + ")
            )
        }
        _ => {
            let values: Vec<String> = table
                .properties
                .iter()
                .map(|p| {
                    format!(
                        "{package}.{name}Table.{}(code)",
                        getter(&closecodes_spec::targets::CSharp, p)
                    )
                })
                .collect();
            format!(
                "public static class Program\n{{\n    public static void Main()\n    {{\n        foreach (int code in new[] {{ {numbers} }})\n        {{\n            System.Console.WriteLine(code + \" \" + {});\n        }}\n    }}\n}}\n",
                values.join(" + \" \" + ")
            )
        }
    }
}

#[test]
#[ignore = "needs kotlinc 1.3 and Kotlin 2 from Maven Central: run .ci/wire"]
fn kotlin_properties_compile_on_kotlin_1_3_and_2_and_agree_with_the_spec() {
    for (table, name) in property_tables() {
        let dir = scratch(&format!("kotlin-properties-{name}"));
        let package = name.to_ascii_lowercase();
        let sources = [
            root().join("codegen/src/render/kotlin/Runtime.kt"),
            dir.join("table.kt"),
            dir.join("Main.kt"),
        ];
        std::fs::write(
            &sources[1],
            rendered_table(Format::Kotlin, &table, name, &package),
        )
        .expect("writes");
        std::fs::write(
            &sources[2],
            getters_program(Format::Kotlin, &table, name, &package),
        )
        .expect("writes");
        let expected = expected_values(&table, str::to_owned);
        let java = |classpath: String| {
            let output = run(Command::new("java").arg("-cp").arg(classpath).arg("MainKt"));
            String::from_utf8(output.stdout).expect("UTF-8")
        };
        let out = dir.join("out-1.3");
        run(kotlinc_1_3(&[]).arg("-d").arg(&out).args(&sources));
        assert_eq!(
            java(join([out, PathBuf::from(JARS[2])])),
            expected,
            "{name}"
        );
        let out = dir.join("out-2");
        run(kotlinc_2().arg("-d").arg(&out).args(&sources));
        let libs = jars(&tool("CLOSECODES_KOTLIN_LIBS"));
        assert_eq!(
            java(join(std::iter::once(out).chain(libs))),
            expected,
            "{name}"
        );
    }
}

#[test]
#[ignore = "needs javac 17: run .ci/wire"]
fn java_properties_compile_with_xlint_all_werror_and_agree_with_the_spec() {
    for (table, name) in property_tables() {
        let dir = scratch(&format!("java-properties-{name}"));
        let package = name.to_ascii_lowercase();
        std::fs::create_dir_all(dir.join(&package)).expect("writes");
        let file = dir.join(&package).join(format!("{name}.java"));
        std::fs::write(&file, rendered_table(Format::Java, &table, name, &package))
            .expect("writes");
        let main = dir.join("Main.java");
        std::fs::write(&main, getters_program(Format::Java, &table, name, &package))
            .expect("writes");
        let out = dir.join("out");
        run(javac(&out)
            .arg(root().join("codegen/src/render/java/Runtime.java"))
            .arg(&file)
            .arg(&main));
        let output = run(Command::new("java").arg("-cp").arg(&out).arg("Main"));
        assert_eq!(
            String::from_utf8(output.stdout).expect("UTF-8"),
            expected_values(&table, str::to_owned),
            "{name}"
        );
    }
}

#[test]
#[ignore = "needs mono's mcs and mono: run .ci/wire"]
fn csharp_properties_compile_with_warnings_as_errors_and_agree_with_the_spec() {
    for (table, name) in property_tables() {
        let dir = scratch(&format!("csharp-properties-{name}"));
        let namespace = format!("Example.{name}");
        let file = dir.join("table.cs");
        std::fs::write(
            &file,
            rendered_table(Format::CSharp, &table, name, &namespace),
        )
        .expect("writes");
        let main = dir.join("Main.cs");
        std::fs::write(
            &main,
            getters_program(Format::CSharp, &table, name, &namespace),
        )
        .expect("writes");
        let exe = dir.join("main.exe");
        run(Command::new("mcs")
            .arg("-warnaserror")
            .arg(format!("-out:{}", exe.display()))
            .arg(root().join("codegen/src/render/csharp/Runtime.cs"))
            .arg(&file)
            .arg(&main));
        let output = run(Command::new("mono").arg(&exe));
        // C# names an enum's member, not the spec's word.
        let pascal = |word: &str| closecodes_spec::Words::of(word).pascal();
        assert_eq!(
            String::from_utf8(output.stdout).expect("UTF-8"),
            expected_values(&table, pascal),
            "{name}"
        );
    }
}

/// A table of `flags` flags and `properties` properties (half integers, half enumerated), and
/// `documented` codes documented in a range, each setting every flag and property: numbers from
/// 1,000,000 and values from 100,000, which take the JVM's widest constants.
fn big_with_properties(
    flags: usize,
    properties: usize,
    documented: usize,
) -> closecodes_spec::Table {
    use std::fmt::Write as _;
    let mut text = String::from("[table]\nname = \"Big\"\nrepr = \"i32\"\n");
    for i in 0..flags {
        let _ = write!(
            text,
            "\n[[flag]]\nname = \"f{i}\"\ndescription = \"Flag {i}.\"\n"
        );
    }
    for i in 0..properties {
        let kind = if i % 2 == 0 {
            "type = \"i32\"".to_owned()
        } else {
            "values = [\"a\", \"b\", \"c\"]".to_owned()
        };
        let _ = write!(
            text,
            "\n[[property]]\nname = \"p{i}\"\ndescription = \"Property {i}.\"\n{kind}\n"
        );
    }
    text.push_str(
        "\n[[range]]\nname = \"Docs\"\ncodes = \"1000000..=1999999\"\ndescription = \"d\"\n",
    );
    for code in 0..documented {
        let mut set: Vec<String> = (0..flags).map(|i| format!("f{i} = true")).collect();
        set.extend((0..properties).map(|i| {
            if i % 2 == 0 {
                format!("p{i} = {}", 100_000 + code * properties + i)
            } else {
                format!("p{i} = \"{}\"", ["a", "b", "c"][(code + i) % 3])
            }
        }));
        let _ = write!(
            text,
            "\n[[code]]\ncode = {}\nreason = \"Reason {code}\"\ndescription = \"Documented {code}.\"\nset = {{ {} }}\n",
            1_000_000 + code,
            set.join(", ")
        );
    }
    let source = closecodes_spec::Source::file("big.toml", "big.toml", text);
    closecodes_spec::load(&source, &mut Files).expect("checks")
}

/// The rows of each nested class (Java) or object (Kotlin) of rows of a rendered file.
fn rows_per_class(file: &str, row: &str) -> Vec<usize> {
    let mut classes = Vec::new();
    for line in file.lines() {
        if line.contains("class Rows") || line.starts_with("private object Rows") {
            classes.push(0);
        } else if line.trim_start().starts_with(row)
            && let Some(last) = classes.last_mut()
        {
            *last += 1;
        }
    }
    classes
}

/// With every flag a table may have and 32 properties, each nested class of rows stays within a
/// JVM method's 65,535 bytes by what `javap` measures a row to cost: 28 bytes (javac 17), 5 a
/// flag, 16 with one `Integer` property and 9 each further one (Kotlin 2: 25, 5, 18 and 9).
#[test]
fn jvm_rows_with_properties_fit_a_method() {
    let (flags, properties) = (64, 32);
    let table = big_with_properties(flags, properties, 1_500);
    for (format, row, bytes) in [
        (
            Format::Java,
            "row(",
            28 + 5 * flags + 16 + 9 * (properties - 1),
        ),
        (
            Format::Kotlin,
            "entryOf(",
            25 + 5 * flags + 18 + 9 * (properties - 1),
        ),
    ] {
        let file = rendered_table(format, &table, "Big", "big");
        let classes = rows_per_class(&file, row);
        assert_eq!(
            classes.iter().sum::<usize>(),
            table.rows().len(),
            "{format}"
        );
        assert!(
            classes.len() > 1,
            "{format}: one class of {} rows",
            table.rows().len()
        );
        for rows in classes {
            assert!(
                rows * bytes < 65_535,
                "{format}: {rows} rows of {bytes} bytes"
            );
        }
    }
}

#[test]
#[ignore = "needs javac 17, kotlinc 1.3 and Kotlin 2 from Maven Central: run .ci/wire"]
fn jvm_tables_with_every_flag_and_many_properties_compile_and_load() {
    let table = big_with_properties(64, 32, 1_500);
    let expected = format!("{}\n", table.rows().len());
    let dir = scratch("jvm-properties-largest");
    std::fs::create_dir_all(dir.join("big")).expect("writes");
    let java = dir.join("big/Big.java");
    std::fs::write(&java, rendered_table(Format::Java, &table, "Big", "big")).expect("writes");
    let main = dir.join("Main.java");
    std::fs::write(
        &main,
        "public final class Main {\n    private Main() {}\n\n    public static void main(String[] args) {\n        System.out.println(big.Big.ENTRIES.size());\n    }\n}\n",
    )
    .expect("writes");
    let out = dir.join("java-out");
    run(javac(&out).arg(&java).arg(&main));
    let output = run(Command::new("java").arg("-cp").arg(&out).arg("Main"));
    assert_eq!(String::from_utf8(output.stdout).expect("UTF-8"), expected);
    let kotlin = [dir.join("big.kt"), dir.join("Main.kt")];
    std::fs::write(
        &kotlin[0],
        rendered_table(Format::Kotlin, &table, "Big", "big"),
    )
    .expect("writes");
    std::fs::write(&kotlin[1], "fun main() = println(big.Big.ENTRIES.size)\n").expect("writes");
    let run_kotlin = |classpath: String| {
        let output = run(Command::new("java").arg("-cp").arg(classpath).arg("MainKt"));
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    let out = dir.join("out-1.3");
    run(kotlinc_1_3(&[])
        .env("JAVA_OPTS", "-Xmx3g")
        .arg("-d")
        .arg(&out)
        .args(&kotlin));
    assert_eq!(run_kotlin(join([out, PathBuf::from(JARS[2])])), expected);
    let out = dir.join("out-2");
    run(kotlinc_2().arg("-d").arg(&out).args(&kotlin));
    let libs = jars(&tool("CLOSECODES_KOTLIN_LIBS"));
    assert_eq!(run_kotlin(join(std::iter::once(out).chain(libs))), expected);
}

/// A table whose one enumerated property has `count` values, and code 1 set to the last.
fn many_values(count: usize) -> closecodes_spec::Table {
    let words: Vec<String> = (0..count).map(|i| format!("\"value_{i}\"")).collect();
    let text = format!(
        "[table]\nname = \"Big\"\n\n[[property]]\nname = \"action\"\ndescription = \"p\"\nvalues = [{}]\n\n[[code]]\ncode = 1\nname = \"One\"\ndescription = \"d\"\nset = {{ action = \"value_{}\" }}\n",
        words.join(", "),
        count - 1
    );
    let source = closecodes_spec::Source::file("big.toml", "big.toml", text);
    closecodes_spec::load(&source, &mut Files).expect("checks")
}

/// The most values a property's enum may have in each JVM target (the renderer refuses one more,
/// as `codegen/src/render/kotlin/mod.rs` tests): a table of exactly that many compiles and loads.
#[test]
#[ignore = "needs javac 17, kotlinc 1.3 and Kotlin 2 from Maven Central: run .ci/wire"]
fn the_largest_property_enums_compile_and_load() {
    let dir = scratch("jvm-property-enums");
    let refused = |format| match closecodes_codegen::render::render(
        format,
        &many_values(4_000),
        "Big",
        "big.toml",
    ) {
        Err(closecodes_codegen::render::RenderError::TooManyValues { max, .. }) => max,
        other => panic!("{format}: 4,000 values were not refused: {other:?}"),
    };
    let max = refused(Format::Java);
    std::fs::create_dir_all(dir.join("big")).expect("writes");
    let java = dir.join("big/Big.java");
    std::fs::write(
        &java,
        rendered_table(Format::Java, &many_values(max), "Big", "big"),
    )
    .expect("writes");
    let main = dir.join("Main.java");
    std::fs::write(
        &main,
        "public final class Main {\n    private Main() {}\n\n    public static void main(String[] args) {\n        System.out.println(big.Big.action(1).word() + \" \" + big.Big.Action.values().length);\n    }\n}\n",
    )
    .expect("writes");
    let out = dir.join("java-out");
    run(javac(&out).arg(&java).arg(&main));
    let output = run(Command::new("java").arg("-cp").arg(&out).arg("Main"));
    let last = |max: usize| format!("value_{} {max}\n", max - 1);
    assert_eq!(String::from_utf8(output.stdout).expect("UTF-8"), last(max));
    let max = refused(Format::Kotlin);
    let kotlin = [dir.join("big.kt"), dir.join("Main.kt")];
    std::fs::write(
        &kotlin[0],
        rendered_table(Format::Kotlin, &many_values(max), "Big", "big"),
    )
    .expect("writes");
    std::fs::write(
        &kotlin[1],
        "fun main() = println(\"${big.Big.action(1).word} ${big.BigAction.values().size}\")\n",
    )
    .expect("writes");
    let run_kotlin = |classpath: String| {
        let output = run(Command::new("java").arg("-cp").arg(classpath).arg("MainKt"));
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    let out = dir.join("out-1.3");
    run(kotlinc_1_3(&[])
        .env("JAVA_OPTS", "-Xmx3g")
        .arg("-d")
        .arg(&out)
        .args(&kotlin));
    assert_eq!(run_kotlin(join([out, PathBuf::from(JARS[2])])), last(max));
    let out = dir.join("out-2");
    run(kotlinc_2().arg("-d").arg(&out).args(&kotlin));
    let libs = jars(&tool("CLOSECODES_KOTLIN_LIBS"));
    assert_eq!(
        run_kotlin(join(std::iter::once(out).chain(libs))),
        last(max)
    );
}
