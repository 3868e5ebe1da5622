//! Part of Yew 0.23.0, vendored unchanged but for one line (see vendor/yew/VENDORED.md).
mod into_prop_value;
pub use into_prop_value::*;
