closecodes::close_codes! {
    pub enum Codes = r#"
[[code]]
code = 7
reason = "Lucky"
description = "No name and no range to live in."
"#;
}

fn main() {}
