// The spec has one error (a duplicate code); the code below uses the enum's variants and
// accessors, and adds no errors of its own.
closecodes::close_codes! {
    pub enum ChatCode = r#"
extends = "websocket"

[[code]]
code = 4001
name = "Unauthorized"
description = "The client did not log in."

[[code]]
code = 4001
name = "Banned"
description = "A duplicate code."
"#;
}

fn main() {
    let code = ChatCode::Unauthorized;
    let _ = (code.as_u16(), code.reason(), code.description(), code.is_sendable());
    let _ = [ChatCode::Normal, ChatCode::Library(4500), ChatCode::Banned];
    assert_eq!(code, ChatCode::Unauthorized);
}
