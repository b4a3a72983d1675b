closecodes::close_codes! {
    pub enum Codes = r#"
extends = "websocket"

[[flag]]
name = "Reconnectable"
description = "Not snake_case."

[[flag]]
name = "sendable"
description = "Its predicate would be is_sendable."

[[flag]]
name = "browser_closable"
description = "Declared by the base already."

[[flag]]
name = "retry"
description = "Fine."

[[code]]
code = 4001
name = "Unauthorized"
description = "Sets a flag nobody declared."
flags = ["retry", "reconnect"]
"#;
}

fn main() {}
