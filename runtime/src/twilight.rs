//! Conversions between [`DiscordGatewayCode`] and twilight-model 0.18's `gateway::CloseCode`,
//! with the feature `twilight-model-0_18` (which turns on `discord-gateway`).
//!
//! The feature needs Rust 1.89, twilight-model 0.18's `rust-version`, above the 1.88 of the rest
//! of this crate, and brings twilight-model's own dependencies (`serde`, `serde_repr`, `serde-value`,
//! `time`, `bitflags`, and `std`); the default build has none of them.
//!
//! Both directions go through the number. twilight's enum is `#[repr(u16)]` and
//! `#[non_exhaustive]`: outside twilight-model a `match` on its variants needs a wildcard arm, so
//! the compiler would not point at a variant twilight adds, while the number covers every variant,
//! present and future. [`DiscordGatewayCode`] is total (it extends `websocket`, which holds every
//! `u16`), so twilight's codes convert to it with `From`; the other way is `TryFrom`, since
//! twilight's enum holds only Discord's codes. `tests/protocols` checks both against
//! twilight-model on every variant and every `u16`.
//!
//! The variants that correspond have the same names except at 4007 and 4012, where twilight-model
//! writes `InvalidSequence` and `InvalidApiVersion` and this crate, as discord-api-types does,
//! `InvalidSeq` and `InvalidAPIVersion`.

use twilight_model_0_18::gateway::CloseCode as TwilightCloseCode;

use crate::{CodeError, DiscordGatewayCode};

/// The table name of the error when a code is not one of twilight-model's.
const TWILIGHT_TABLE: &str = "twilight_model::gateway::CloseCode";

/// twilight-model 0.18's close code as [`DiscordGatewayCode`], the variant of the same number:
/// `InvalidSequence` is `InvalidSeq`, `InvalidApiVersion` is `InvalidAPIVersion`, and every other
/// variant has the same name. Feature `twilight-model-0_18` (Rust 1.89).
///
/// ```
/// use closecodes::{DiscordGatewayCode, DiscordGatewayCodeAction};
/// # extern crate twilight_model_0_18 as twilight_model; // a user's `twilight-model = "0.18"`
/// use twilight_model::gateway::CloseCode;
///
/// let code = DiscordGatewayCode::from(CloseCode::InvalidSequence);
/// assert_eq!(code, DiscordGatewayCode::InvalidSeq);
/// assert_eq!(code.action(), DiscordGatewayCodeAction::Reconnect);
/// assert_eq!(CloseCode::try_from(code), Ok(CloseCode::InvalidSequence));
/// ```
impl From<TwilightCloseCode> for DiscordGatewayCode {
    #[inline]
    fn from(code: TwilightCloseCode) -> Self {
        // `as` gives the discriminant, which twilight-model sets to the code (`#[repr(u16)]`).
        DiscordGatewayCode::from_u16(code as u16)
    }
}

/// A [`DiscordGatewayCode`] as twilight-model 0.18's close code, if it is one of Discord's
/// (4000–4014 but 4006). The error is a [`CodeError`] of kind
/// [`Unknown`](crate::CodeErrorKind::Unknown) carrying the number, whose table is
/// `"twilight_model::gateway::CloseCode"`. Feature `twilight-model-0_18` (Rust 1.89).
///
/// ```
/// use closecodes::{CodeErrorKind, DiscordGatewayCode};
/// # extern crate twilight_model_0_18 as twilight_model; // a user's `twilight-model = "0.18"`
/// use twilight_model::gateway::CloseCode;
///
/// let theirs = CloseCode::try_from(DiscordGatewayCode::AuthenticationFailed).unwrap();
/// assert_eq!(theirs, CloseCode::AuthenticationFailed);
/// assert!(!theirs.can_reconnect());
///
/// let err = CloseCode::try_from(DiscordGatewayCode::Normal).unwrap_err();
/// assert_eq!((err.value(), err.kind()), (1000, CodeErrorKind::Unknown));
/// assert_eq!(
///     err.to_string(),
///     "1000 is not a code of `twilight_model::gateway::CloseCode`"
/// );
/// ```
impl TryFrom<DiscordGatewayCode> for TwilightCloseCode {
    type Error = CodeError<u16>;

    #[inline]
    fn try_from(code: DiscordGatewayCode) -> Result<Self, Self::Error> {
        let number = code.as_u16();
        TwilightCloseCode::try_from(number)
            .map_err(|_| crate::__private::unknown(number, TWILIGHT_TABLE))
    }
}
