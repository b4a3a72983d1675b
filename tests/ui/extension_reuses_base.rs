closecodes::close_codes! {
    pub enum Codes = r#"
extends = "websocket"

[[code]]
code = 4001
name = "Normal"
description = "A base variant name."

[[range]]
name = "Mine"
codes = "4500..=4599"
description = "A carve-out of Library, which is allowed."
"#;
}

fn main() {}
