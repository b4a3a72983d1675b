closecodes::close_codes! {
    pub enum Codes = r#"
[[range]]
name = "Exclusive"
codes = "4000..5000"
description = "Ranges are inclusive."

[[range]]
name = "Words"
codes = ["1..=2", "three"]
description = "Not a number."

[[range]]
name = "Empty"
codes = []
description = "No codes."
"#;
}

fn main() {}
