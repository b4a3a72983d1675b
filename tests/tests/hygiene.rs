//! Generated code names everything by absolute path: it compiles without the prelude and when the
//! user shadows `core`, `Option`, `Result`, `From` and friends.

#[no_implicit_prelude]
mod shadowed {
    #![allow(dead_code, non_camel_case_types, unreachable_pub)]

    mod core {}
    mod closecodes {}
    pub struct Option;
    pub struct Result;
    pub struct Some;
    pub struct None;
    pub struct Ok;
    pub struct Err;
    pub trait From {}
    pub trait Into {}
    pub trait TryFrom {}
    pub trait Clone {}
    pub trait Default {}
    pub struct String;
    pub struct str_;

    ::closecodes::close_codes! {
        /// A total table with every kind of entry, compiled with the prelude gone.
        pub enum Shadowed = r#"
            extends = "websocket"
            [[code]]
            code = 4001
            name = "Mine"
            reason = "Mine"
            description = "A private code."
        "#;
    }

    ::closecodes::close_codes! {
        /// A partial table: `TryFrom`, `Option` and `Result` paths are exercised.
        pub enum Partial = r#"
            [table]
            repr = "i32"
            [[code]]
            code = -1
            name = "Minus"
            description = "Minus one."
            [[range]]
            name = "Small"
            codes = "0..=9"
            description = "Small numbers."
        "#;
    }
}

use shadowed::{Partial, Shadowed};

#[test]
fn shadowed_tables_work() {
    assert_eq!(Shadowed::from_u16(4001), Shadowed::Mine);
    assert_eq!(closecodes::CloseCode::from(Shadowed::Mine).as_u16(), 4001);
    assert_eq!("Mine".parse::<Shadowed>(), Ok(Shadowed::Mine));
    assert_eq!(Partial::try_from(-1), Ok(Partial::Minus));
    assert_eq!(Partial::try_from(5), Ok(Partial::Small(5)));
    assert!(Partial::try_from(10).is_err());
    assert_eq!(Partial::Small(3).to_string(), "3");
}
