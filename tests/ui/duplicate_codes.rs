closecodes::close_codes! {
    pub enum Codes = r#"
[[code]]
code = 7
name = "Seven"
description = "The first seven."

[[code]]
code = 7
name = "AlsoSeven"
description = "The second seven."
"#;
}

fn main() {}
