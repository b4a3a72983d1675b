closecodes::close_codes! {
    pub enum Codes = r#"
colour = "red"

[table]
repr = "u7"

[[code]]
code = 1
name = "lower"
description = "A bad name."

[[code]]
code = 1
name = "Dup"
description = "A duplicate code."

[[range]]
name = "Inverted"
codes = "9..=3"
description = "Inverted."
"#;
}

fn main() {}
