closecodes::close_codes! {
    pub enum Codes = r#"
[[code]]
code = 1
name = "going_away"
description = "snake_case."

[[code]]
code = 2
name = "Self"
description = "A keyword."

[[code]]
code = 3
name = "Going Away"
description = "Has a space."

[[code]]
code = 4
name = "4xx"
description = "Starts with a digit."

[[code]]
code = 5
name = "TLS"
description = "All capitals."
"#;
}

fn main() {}
