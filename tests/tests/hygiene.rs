//! Generated code names everything by absolute path: it compiles without the prelude, when the
//! user shadows `core`, `Option`, `Result`, `From` and friends or the primitive types, and when
//! variants are named after the associated items the generated code mentions.

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
    // The primitive types, shadowed by items of the same name.
    pub struct str;
    pub struct bool;
    pub struct usize;
    pub struct u8;
    pub struct u16;
    pub struct u32;
    pub struct u64;
    pub struct i8;
    pub struct i16;
    pub struct i32;
    pub struct i64;
    pub struct char;

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

    /// A type of the user's with `From<u16>` both ways, for `convert`.
    #[derive(
        ::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug, ::core::cmp::PartialEq,
    )]
    pub struct Wire(pub ::core::primitive::u16);

    impl ::core::convert::From<::core::primitive::u16> for Wire {
        fn from(value: ::core::primitive::u16) -> Self {
            Wire(value)
        }
    }

    impl ::core::convert::From<Wire> for ::core::primitive::u16 {
        fn from(wire: Wire) -> Self {
            wire.0
        }
    }

    ::closecodes::close_codes! {
        /// A partial table with a user conversion: `TryFrom<Wire>`, `From<Self> for Wire`.
        #[close_codes(convert = "Wire")]
        pub enum PartialConverted = r#"
            [[code]]
            code = 7
            name = "Seven"
            description = "Seven."
        "#;
    }

    /// The derive form, partial and extending `websocket`: `TryFrom<CloseCode>`, the user's
    /// conversion, every impl with the prelude gone and the primitives shadowed.
    #[derive(
        ::core::clone::Clone,
        ::core::marker::Copy,
        ::core::fmt::Debug,
        ::core::cmp::PartialEq,
        ::closecodes::CloseCodes,
    )]
    #[close_codes(extends = "websocket", convert = "Wire")]
    pub enum Derived {
        /// Mine.
        #[code(4001)]
        Mine,
        /// Others.
        #[codes("4100..=4199")]
        Other(::core::primitive::u16),
    }
}

closecodes::close_codes! {
    /// Variants named after every associated item and type that generated code mentions: the
    /// associated types of `FromStr` (`Err`), `TryFrom` (`Error`) and `CodeTable` (`Repr`), and
    /// the names of the prelude's variants and the traits it implements.
    pub enum Named = r#"
        [table]
        repr = "u8"
        [[code]]
        code = 0
        name = "Err"
        description = "Named like `FromStr::Err`."
        [[code]]
        code = 1
        name = "Error"
        description = "Named like `TryFrom::Error`."
        [[code]]
        code = 2
        name = "Repr"
        description = "Named like `CodeTable::Repr`."
        [[code]]
        code = 3
        name = "Ok"
        description = "x"
        [[code]]
        code = 4
        name = "Some"
        description = "x"
        [[code]]
        code = 5
        name = "None"
        description = "x"
        [[code]]
        code = 6
        name = "Output"
        description = "x"
        [[code]]
        code = 7
        name = "Target"
        description = "x"
        [[code]]
        code = 8
        name = "Item"
        description = "x"
        [[code]]
        code = 9
        name = "Entry"
        description = "x"
        [[range]]
        name = "Result"
        codes = "10..=19"
        description = "A range named like `Result`."
        [[range]]
        name = "Option"
        codes = "20..=29"
        description = "A range named like `Option`."
    "#;
}

use shadowed::{Derived, Partial, PartialConverted, Shadowed, Wire};

#[test]
fn variants_named_like_associated_items_work() {
    assert_eq!(Named::try_from(0), Ok(Named::Err));
    assert_eq!(Named::try_from(1), Ok(Named::Error));
    assert_eq!("Repr".parse::<Named>(), Ok(Named::Repr));
    assert_eq!(Named::from_u8(15), Some(Named::Result(15)));
    assert!(Named::try_from(30).is_err());
    assert_eq!(u8::from(Named::Option(21)), 21);
}

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

#[test]
fn derived_and_converted_tables_work_shadowed() {
    assert_eq!(
        PartialConverted::try_from(Wire(7)),
        Ok(PartialConverted::Seven)
    );
    assert!(PartialConverted::try_from(Wire(8)).is_err());
    assert_eq!(Wire::from(PartialConverted::Seven), Wire(7));
    assert_eq!(
        Derived::try_from(closecodes::CloseCode::Library(4001)),
        Ok(Derived::Mine)
    );
    assert!(Derived::try_from(closecodes::CloseCode::Normal).is_err());
    assert_eq!(Derived::try_from(Wire(4150)), Ok(Derived::Other(4150)));
    assert_eq!(Wire::from(Derived::Mine), Wire(4001));
}
