//! Tables used by the behaviour tests, compiled as a `#![no_std]` library to prove the generated
//! code needs only `core`.
#![no_std]

pub mod lints;

closecodes::close_codes! {
    /// Close codes of the chat application, read from `codes/chat.toml`.
    #[derive(Hash)]
    pub enum ChatCode from "codes/chat.toml";
}

closecodes::close_codes! {
    /// A table two files deep: `game.toml` extends `chat.toml`, which extends `websocket`.
    pub enum GameCode from "codes/game.toml";
}

closecodes::close_codes! {
    /// gRPC status codes, a partial `u8` table.
    pub enum GrpcStatus from "codes/grpc.toml";
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

closecodes::close_codes! {
    /// HTTP status codes, a partial `u16` table with one range per class.
    pub enum HttpStatus from "codes/http.toml";
}
