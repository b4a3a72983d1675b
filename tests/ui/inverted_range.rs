closecodes::close_codes! {
    pub enum Codes = r#"
[[range]]
name = "Backwards"
codes = "5000..=4000"
description = "Starts after it ends."
"#;
}

fn main() {}
