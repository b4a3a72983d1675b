#[derive(Clone, Copy, closecodes::CloseCodes)]
struct NotAnEnum {
    code: u16,
}

fn main() {}
