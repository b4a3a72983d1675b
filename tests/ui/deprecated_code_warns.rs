// A deprecated code warns where the user names it, with the spec's note, and nowhere in the
// table's own impls (`deny` turns the one warning into the one error below).
#![deny(deprecated)]

closecodes::close_codes! {
    pub enum ChatCode = r#"
extends = "websocket"

[[code]]
code = 4001
name = "Unauthorized"
description = "The client did not log in."
aliases = ["NotLoggedIn"]
deprecated = "use SessionExpired (4003)"

[[code]]
code = 4003
name = "SessionExpired"
description = "The session expired."
"#;
}

fn main() {
    let _ = ChatCode::SessionExpired;
    let _ = ChatCode::Unauthorized;
}
