//! Nothing: the tests are in `tests/parity.rs`.
