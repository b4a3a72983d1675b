closecodes::close_codes! {
    pub enum Codes = r#"
extends = "websocket"

[table]
repr = "u32"
"#;
}

fn main() {}
