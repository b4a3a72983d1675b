//! The build-script form: `codes/chat.toml` rendered to Rust in `OUT_DIR`, included by
//! `src/lib.rs` as `built::ChatCode`, next to the macro's `ChatCode` of the same spec.

fn main() {
    if let Err(errors) = closecodes_codegen::build::Build::new("codes/chat.toml")
        .name("ChatCode")
        .generate("chat_code.rs")
    {
        eprintln!("{errors}");
        std::process::exit(1);
    }
}
