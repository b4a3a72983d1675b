closecodes::close_codes! {
    pub enum Codes = r#"
[[range]]
name = "Low"
codes = "0..=99"
description = "Low codes."

[[range]]
name = "Middle"
codes = ["200..=299", "50..=150"]
description = "Overlaps Low."

[[range]]
name = "Twice"
codes = ["1000..=1010", "1005..=1020"]
description = "Overlaps itself."
"#;
}

fn main() {}
