//! The report the page was built with: the report file (JSON) in the page's data block, which
//! the build step (`report-site`'s `prerender`) writes into the built `index.html`, read once
//! with serde_json. The wasm carries code only, the same for every report.
//!
//! In the browser only: natively (the server renderer, tests) there is no page, and the build
//! step gives the app its content in `AppProps` itself.

use std::sync::LazyLock;

use report_core::search::terms::Terms;
use report_core::{file, Content};

static CONTENT: LazyLock<Result<Content, String>> = LazyLock::new(|| {
    file::read_own(&report_file()?, Terms::builtin())
        .map(|(content, _)| content)
        .map_err(|e| e.to_string())
});

/// The text of the page's data block.
fn report_file() -> Result<String, String> {
    gloo::utils::document()
        .get_element_by_id(report_core::markup::REPORT_DATA_ID)
        .and_then(|block| block.text_content())
        .ok_or_else(|| "页面里没有报告数据（构建时没有写入）。".to_string())
}

/// The page's report, its figures and cards, or a readable message when its data block cannot
/// be read.
pub fn content() -> Result<&'static Content, &'static str> {
    CONTENT.as_ref().map_err(String::as_str)
}
