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
description = "Overlaps the base's Library range."
"#;
}

fn main() {}
