closecodes::close_codes! {
    pub enum Codes = r#"
extends = "websocket"

[[code]]
code = 4001
name = "Verbose"
reason = "This reason is far too long for a WebSocket Close frame, whose payload holds two bytes of code and at most 123 bytes of reason"
description = "A reason that cannot be sent."
"#;
}

fn main() {}
