//! End-to-end tests of the built site live in `tests/` (WebDriver against the release build on
//! 127.0.0.1, see README.md "Tests, layer by layer"); this crate has no code of its own.
