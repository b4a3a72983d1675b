//! Compile-fail cases: every spec rule and invocation mistake, with the message and span a user sees.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("*.rs");
}
