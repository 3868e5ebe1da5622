//! Part of Yew 0.23.0, vendored unchanged but for one line (see vendor/yew/VENDORED.md).
/// Base traits for sealed traits.
pub trait Sealed {}
