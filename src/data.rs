//! The embedded report: the report file (JSON, schema 1) that `build.rs` makes from the source
//! text and its curation file, read once with serde_json.
//!
//! Natively (tests, the `prerender` build step) it is compiled in. In the browser it is read
//! from the page's data block (`src/page.rs`), which the `prerender` step writes into the built
//! `index.html`: the wasm carries code only.

use std::sync::LazyLock;

use crate::core::cards::Cards;
use crate::core::file;
use crate::core::search::terms::Terms;
use crate::core::{Content, Report};

/// The scraped source file of the default report, as copied from `../shared/source/` (see
/// data/README.md). Tests read it; the app embeds [`REPORT_FILE`].
pub const SOURCE: &str = include_str!("../data/songshi-2024.scraped.txt");

/// Labels, themes and comparisons for the figures of the default report (see data/README.md).
pub const CURATION: &str = include_str!("../data/figures.tsv");

/// The report the app shows: the report file made by `build.rs` (from [`SOURCE`] and
/// [`CURATION`] unless the build was given another report).
#[cfg(not(target_arch = "wasm32"))]
pub const REPORT_FILE: &str = include_str!(concat!(env!("OUT_DIR"), "/report.json"));

/// Everyday words for official terms, for search (see data/search-terms.tsv).
pub const SEARCH_TERMS: &str = include_str!("../data/search-terms.tsv");

static CONTENT: LazyLock<Result<Content, String>> = LazyLock::new(|| {
    let terms = Terms::parse(SEARCH_TERMS)?;
    file::read(&report_file()?, terms)
        .map(|(content, _)| content)
        .map_err(|e| e.to_string())
});

#[cfg(not(target_arch = "wasm32"))]
fn report_file() -> Result<String, String> {
    Ok(REPORT_FILE.to_string())
}

/// The text of the page's data block.
#[cfg(target_arch = "wasm32")]
fn report_file() -> Result<String, String> {
    gloo::utils::document()
        .get_element_by_id(crate::page::REPORT_DATA_ID)
        .and_then(|block| block.text_content())
        .ok_or_else(|| "页面里没有报告数据（构建时没有写入）。".to_string())
}

/// The everyday words for search, for a report opened in the browser.
pub fn terms() -> Terms {
    Terms::parse(SEARCH_TERMS).unwrap_or_default()
}

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
