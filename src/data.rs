//! The embedded report and its curated figures: compiled into the binary and parsed once.

use std::sync::LazyLock;

use crate::core::cards::Cards;
use crate::core::{Content, Report};

/// The scraped source file, as copied from `../shared/source/` (see data/README.md).
pub const SOURCE: &str = include_str!("../data/songshi-2024.scraped.txt");

/// Labels, themes and comparisons for the figures (see data/README.md).
pub const CURATION: &str = include_str!("../data/figures.tsv");

/// Everyday words for official terms, for search (see data/search-terms.tsv).
pub const SEARCH_TERMS: &str = include_str!("../data/search-terms.tsv");

static CONTENT: LazyLock<Result<Content, String>> =
    LazyLock::new(|| Content::load(SOURCE, CURATION, SEARCH_TERMS));

/// The report, its figures and cards, or a readable message when the embedded text cannot be
/// parsed. (`tests/core.rs` and `tests/figures.rs` prove that the embedded data loads.)
pub fn content() -> Result<&'static Content, &'static str> {
    CONTENT.as_ref().map_err(String::as_str)
}

/// The parsed report.
pub fn report() -> Result<&'static Report, &'static str> {
    content().map(|c| &c.report)
}

/// The checked metric cards, or why the curated data does not fit the text.
pub fn cards() -> Result<&'static Cards, &'static str> {
    content().and_then(|c| c.cards.as_ref().map_err(String::as_str))
}
