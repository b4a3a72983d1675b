use closecodes::CloseCode;

// A private code written as a constant is checked when the crate compiles.
const SHUTDOWN: CloseCode = CloseCode::library(5001);

fn main() {
    let _ = SHUTDOWN;
}
