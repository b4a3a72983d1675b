closecodes::close_codes! {
    pub enum Codes = r#"
[[code]]
code = 1
name = ""
description = "   "
"#;
}

fn main() {}
