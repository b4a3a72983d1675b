closecodes::close_codes! {
    pub enum Codes = r#"
[table]
repr = "u8"

[[code]]
code = 256
name = "TooBig"
description = "Does not fit a u8."

[[code]]
code = -1
name = "Negative"
description = "u8 has no negative values."

[[range]]
name = "Wide"
codes = "200..=300"
description = "Runs past 255."
"#;
}

fn main() {}
