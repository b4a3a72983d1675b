closecodes::close_codes! {
    pub enum Codes = r#"
[[code]]
code = 1
name = "Same"
description = "First."

[[code]]
code = 2
name = "Same"
description = "Second."

[[range]]
name = "Same"
codes = "10..=20"
description = "A range with a code's name."
"#;
}

fn main() {}
