//! The default report as the page shows it, for the tests that read the real Songshi text: its
//! source and curation (`data/`), through the whole pipeline and the report file the build
//! writes into the page, read back as the browser reads it.

#![allow(dead_code)]

use std::sync::LazyLock;

use report_core::cards::Cards;
use report_core::search::terms::Terms;
use report_core::{file, Content, Report};

pub const SOURCE: &str = include_str!("../../../../data/songshi-2024.scraped.txt");
pub const CURATION: &str = include_str!("../../../../data/figures.tsv");

static CONTENT: LazyLock<Result<Content, String>> = LazyLock::new(|| {
    let (built, _) = Content::from_text(SOURCE, Some(CURATION), Terms::builtin())?;
    file::read_own(&file::to_embedded_json(&built), Terms::builtin())
        .map(|(content, _)| content)
        .map_err(|e| e.to_string())
});

/// The report, its figures and cards, as the page reads them.
pub fn content() -> Result<&'static Content, &'static str> {
    CONTENT.as_ref().map_err(String::as_str)
}

pub fn report() -> Result<&'static Report, &'static str> {
    content().map(|c| &c.report)
}

pub fn cards() -> Result<&'static Cards, &'static str> {
    content().and_then(|c| c.cards.as_ref().map_err(String::as_str))
}
