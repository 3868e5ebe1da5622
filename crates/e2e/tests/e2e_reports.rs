//! End-to-end tests of a build with another report (`cargo xtask build --report FILE`): the
//! made-up county report of `tests/reports/`, built by `cargo xtask test` into
//! `target/dist-other` and served under `/other/`. Every character of its text is on the page;
//! its front matter, parts, subsections, items, annex, figures, automatic cards and search work.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::fidelity::assert_same_text;
use support::{env, serial, Page, OTHER_PATH};

const COUNTY: &str = include_str!("../../../tests/reports/county-2030.txt");

macro_rules! setup {
    () => {{
        let env = env();
        (env, serial())
    }};
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn another_report_is_shown_whole_with_its_structure() {
    let (env, _serial) = setup!();
    let page = Page::desktop(env);
    page.open(OTHER_PATH);
    assert_same_text(&page.page_report_text(), COUNTY);
    assert_eq!(
        page.texts("[data-testid=report-title]").join(""),
        "二〇三〇年某县政府工作报告"
    );
    let front = page.texts(".report-header__front");
    assert_eq!(front.len(), 4, "notice ×2, meeting, speaker: {front:?}");
    assert_eq!(page.count(".section--part"), 2);
    assert_eq!(page.count(".section--subsection"), 2);
    assert_eq!(
        page.count(".section--item"),
        4,
        "1. 2. of part two and of the annex"
    );
    assert_eq!(page.count(".section--annex"), 1);
    assert!(page.count("[data-testid=report] data.figure") >= 10);
    // Main indicators only: 地区生产总值, 一般公共预算收入, 城镇新增就业, 接待游客.
    assert_eq!(page.count("[data-testid=headline-row] .metric-card"), 4);
    // Paragraphs stay paragraphs: part one's own text is two.
    assert_eq!(page.count("#sec-1-body > .section__text"), 2);
    let title = page.js("return document.title;");
    assert!(title.as_str().unwrap_or("").contains("某县"), "{title}");
    page.screenshot("desktop-other-report");
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn another_report_can_be_searched_and_followed_by_links() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open(&format!("{OTHER_PATH}#annex-1-2"));
    page.wait_heading_at_top("annex-1-2");
    page.search("低保");
    page.driver.wait_for(
        "低保 to find 最低生活保障 too",
        "const s = document.querySelector('[data-testid=search-status]').textContent;
         return s.startsWith('共3处') && s.includes('包括“最低生活保障”');",
    );
    page.screenshot("phone-other-report");
    page.assert_no_console_errors();
}
