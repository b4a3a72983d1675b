closecodes::close_codes! {
    pub enum Codes = r#"
[[code]]
code = 999999999999999999999999999999999999999999
name = "Huge"
description = "Larger than any integer type."
"#;
}

fn main() {}
