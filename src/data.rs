//! The embedded report: the scraped source compiled into the binary and parsed once.

use std::sync::LazyLock;

use crate::core::{parse::parse, Report};

/// The scraped source file, as copied from `../shared/source/` (see data/README.md).
pub const SOURCE: &str = include_str!("../data/songshi-2024.scraped.txt");

static REPORT: LazyLock<Result<Report, String>> =
    LazyLock::new(|| parse(SOURCE).map_err(|e| e.to_string()));

/// The parsed report, or a readable message when the embedded text cannot be parsed.
/// (`tests/core.rs` proves that the embedded text parses.)
pub fn report() -> Result<&'static Report, &'static str> {
    REPORT.as_ref().map_err(String::as_str)
}
