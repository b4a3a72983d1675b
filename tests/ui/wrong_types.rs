closecodes::close_codes! {
    pub enum Codes = r#"
[[code]]
code = "4001"
name = "Quoted"
description = "The code is a string."

[[code]]
code = 1.5
name = "Float"
description = "The code is a float."

[[code]]
code = 7
name = 7
description = true
"#;
}

fn main() {}
