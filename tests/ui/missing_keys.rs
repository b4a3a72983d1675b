closecodes::close_codes! {
    pub enum Codes = r#"
[[range]]
name = "Private"

[[code]]
name = "NoNumber"
description = "This code has no number."
"#;
}

fn main() {}
