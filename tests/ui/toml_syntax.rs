closecodes::close_codes! {
    pub enum Codes = r#"
[table]
name = "Codes"
repr =
description = "A table."
"#;
}

fn main() {}
