closecodes::close_codes! {
    pub enum Policy = r#"
extends = "websocket"

[[property]]
name = "action"
description = "What a client does."
values = ["stop", "back_off"]

[[property]]
name = "retry_after_ms"
description = "How long a client waits."
type = "u32"

[[code]]
code = 4001
name = "Busy"
description = "Busy."
set = { action = "backoff", retry_after_ms = -1 }
"#;
}

fn main() {
    // The stand-in keeps the uses of the table compiling: the errors are the spec's only.
    let action: PolicyAction = Policy::Busy.action();
    let wait: u32 = Policy::Busy.retry_after_ms();
    println!("{} {wait} {:?}", action.as_str(), PolicyAction::ALL);
}
