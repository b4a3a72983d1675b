closecodes::close_codes! {
    pub enum Codes = r#"
extends = "websocket"

[[code]]
code = 3999
name = "NotPrivate"
description = "In the IANA range."

[[code]]
code = 5000
name = "TooHigh"
description = "Past 4999."

[[code]]
code = 1014
name = "MyGateway"
description = "A registered code."
"#;
}

fn main() {}
