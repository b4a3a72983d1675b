closecodes::close_codes! {
    pub enum Codes = r#"
extends = "websocket"

[[range]]
name = "Fine"
codes = "4500..=4599"
description = "A carve-out of Library: allowed."

[[range]]
name = "Across"
codes = "4900..=5100"
description = "Spans Library and Bad."

[[range]]
name = "Registered"
codes = "3500..=3599"
description = "Inside Iana, which is not assignable."

[[range]]
name = "Twice"
codes = "4550..=4650"
description = "Overlaps the carve-out above."
"#;
}

fn main() {}
