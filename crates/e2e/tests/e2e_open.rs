//! End-to-end tests of 打开报告: a reader opens another report in the page — a text in UTF-8 or
//! GBK, a report file (.json), by the button or by dropping it on the page — and everything the
//! viewer does works on it; a file that is no report is refused in Chinese and the shown report
//! stays; reports opened before are remembered, can be opened again and forgotten, and damaged
//! stored data never breaks the page. The files are made-up reports of `tests/reports/`.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use report_core::search::terms::Terms;
use report_core::{file, Content};
use serde_json::json;
use support::fidelity::assert_same_text;
use support::{env, file_with, serial, Page, OTHER_PATH};

const COUNTY: &str = include_str!("../../../tests/reports/county-2030.txt");
const TOWN_PDF: &str = include_str!("../../../tests/reports/town-pdf-2030.txt");
const COUNTY_TITLE: &str = "二〇三〇年某县政府工作报告";
const EMBEDDED_TITLE: &str = "2024年嵩市镇政府工作报告";
const TOWN_TITLE: &str = "某镇2030年政府工作报告";

macro_rules! setup {
    () => {{
        let env = env();
        (env, serial())
    }};
}

trait Opening {
    fn wait_opened(&self, name: &str);
    fn title(&self) -> String;
}

impl Opening for Page {
    /// Waits until the file `name` is shown.
    fn wait_opened(&self, name: &str) {
        self.driver.wait_for(
            &format!("{name} to be shown"),
            &format!(
                "const n = document.querySelector('[data-testid=opened-notice]');
                 return n !== null && n.textContent.includes({}) && !document.querySelector('[data-testid=report][aria-busy]');",
                json!(name)
            ),
        );
    }

    fn title(&self) -> String {
        self.texts("[data-testid=report-title]").join("")
    }
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn a_text_file_opens_with_its_outline_figures_cards_and_search() {
    let (env, _serial) = setup!();
    let page = Page::desktop(env);
    page.open("/#sec-1-1");
    assert_eq!(page.title(), EMBEDDED_TITLE);
    page.choose_file(&file_with("某县报告.txt", COUNTY.as_bytes()));
    page.wait_opened("某县报告.txt");
    assert_eq!(page.title(), COUNTY_TITLE);
    // Every character of the file, nothing of the last report.
    assert_same_text(&page.page_report_text(), COUNTY);
    assert!(
        !page
            .js("return location.hash;")
            .as_str()
            .unwrap_or("")
            .contains("sec-1-1"),
        "the last report's address is forgotten"
    );
    assert_eq!(
        page.js("return document.activeElement.id;"),
        json!("report-title"),
        "focus moves to the new title"
    );
    let title = page.js("return document.title;");
    assert!(title.as_str().unwrap_or("").contains("某县"), "{title}");
    assert_eq!(page.count(".section--part"), 2);
    assert_eq!(page.count(".section--annex"), 1);
    // Its address would open the built-in report anywhere else: no link to share, and none in
    // the exports.
    assert_eq!(page.count("[data-testid^=link-]"), 0);
    page.driver.click("[data-testid=figures-toggle]");
    let (json, _) = page.download("export-json");
    let json: serde_json::Value = serde_json::from_str(&json).expect("the JSON export");
    assert_eq!(json["report"], json!(COUNTY_TITLE));
    let links: serde_json::Value = json["figures"]
        .as_array()
        .map(|f| f.iter().map(|f| f["link"].clone()).collect())
        .unwrap_or_default();
    assert!(
        links
            .as_array()
            .is_some_and(|l| !l.is_empty() && l.iter().all(|v| v.is_null())),
        "{links}"
    );
    assert!(page.count("[data-testid=outline] a") >= 8);
    assert!(page.count("[data-testid=report] data.figure") >= 10);
    // Main indicators only: 地区生产总值, 一般公共预算收入, 城镇新增就业, 接待游客.
    assert_eq!(page.count("[data-testid=headline-row] .metric-card"), 4);
    page.search("低保");
    page.driver.wait_for(
        "低保 to be found in the opened report",
        "return document.querySelector('[data-testid=search-status]').textContent.startsWith('共3处');",
    );
    // A link inside the opened report goes to its own section.
    page.driver
        .click("[data-testid=outline] a[href='#annex-1']");
    page.wait_heading_at_top("annex-1");
    page.screenshot("desktop-opened-report");
    page.driver.click("[data-testid=show-embedded]");
    page.driver.wait_for(
        "the built-in report to come back",
        &format!(
            "return document.querySelector('[data-testid=report-title]').textContent === {};",
            json!(EMBEDDED_TITLE)
        ),
    );
    assert_eq!(page.count("[data-testid=opened-notice]"), 0);
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn a_gbk_text_and_a_report_file_open_too() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    let (gbk, _, _) = encoding_rs::GBK.encode(TOWN_PDF);
    page.choose_file(&file_with("镇报告-gbk.txt", &gbk));
    page.wait_opened("镇报告-gbk.txt");
    assert_same_text(&page.page_report_text(), TOWN_PDF);
    // The text stops mid-sentence: the reader is told what to check.
    assert!(page.count("[data-testid=import-notes] li") >= 1);
    page.driver.click("[data-testid=import-notes] summary");
    page.screenshot("phone-opened-gbk");

    let (content, _) = Content::from_text(COUNTY, None, Terms::default()).unwrap();
    page.choose_file(&file_with(
        "county.json",
        file::to_json(&content).as_bytes(),
    ));
    page.wait_opened("county.json");
    assert_eq!(page.title(), COUNTY_TITLE);
    assert_same_text(&page.page_report_text(), COUNTY);
    // Main indicators only: 地区生产总值, 一般公共预算收入, 城镇新增就业, 接待游客.
    assert_eq!(page.count("[data-testid=headline-row] .metric-card"), 4);
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn a_file_that_is_no_report_is_refused_in_chinese_and_the_report_stays() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    let refused = |name: &str, bytes: &[u8], says: &str| {
        page.choose_file(&file_with(name, bytes));
        page.driver.wait_for(
            &format!("{name} to be refused"),
            &format!(
                "const e = document.querySelector('[data-testid=open-error]');
                 return e !== null && e.textContent.includes({});",
                json!(name)
            ),
        );
        let message = page.texts("[data-testid=open-error]").join("");
        assert!(
            message.contains(name) && message.contains(says),
            "{name}: {message}"
        );
        assert_eq!(page.title(), EMBEDDED_TITLE);
        assert_eq!(page.count("[data-testid=opened-notice]"), 0);
    };
    refused("照片.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG 图片");
    page.screenshot("phone-open-refused");
    page.driver.click("[data-testid=open-error] button");
    assert_eq!(page.count("[data-testid=open-error]"), 0);
    assert_eq!(
        page.js("return document.activeElement.id;"),
        json!("open-report"),
        "the keyboard is back on 打开报告"
    );
    refused("压缩包.zip", b"PK\x03\x04....", "压缩包");
    page.driver.keys("\u{E00C}");
    page.driver.wait_for(
        "Esc to close the message",
        "return document.querySelector('[data-testid=open-error]') === null;",
    );
    refused("坏.json", b"{\"schema\": 1, \"meta\": {", "报告文件");
    refused("新版.json", br#"{"schema": 9, "meta": {}}"#, "版本是9");
    refused("空.txt", b"  \n ", "空的");
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn opened_reports_are_remembered_opened_again_and_forgotten() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    page.js("localStorage.clear();");
    page.choose_file(&file_with("某县报告.txt", COUNTY.as_bytes()));
    page.wait_opened("某县报告.txt");
    page.choose_file(&file_with("镇.txt", TOWN_PDF.as_bytes()));
    page.wait_opened("镇.txt");
    // A reload shows the opened report again, at the same place.
    page.js("location.hash = '#sec-1';");
    page.driver.refresh();
    page.wait_opened("镇.txt");
    assert_eq!(page.title(), TOWN_TITLE);
    page.wait_heading_at_top("sec-1");
    assert_eq!(page.count("[data-testid=not-found]"), 0);
    // Back to the built-in report, which a reload keeps.
    page.driver.click("[data-testid=show-embedded]");
    page.driver.refresh();
    page.open("/");
    assert_eq!(page.title(), EMBEDDED_TITLE);
    assert_eq!(page.count("[data-testid=opened-notice]"), 0);
    // Both files are listed, newest first.
    page.driver.click("[data-testid=recent-reports] summary");
    let listed = page.texts("[data-testid=recent-report] .open-report__reopen");
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert_eq!(listed[1], COUNTY_TITLE);
    page.screenshot("phone-recent-reports");
    page.driver
        .click("[data-testid=recent-report]:nth-child(2) .open-report__reopen");
    page.wait_opened("某县报告.txt");
    assert_eq!(page.title(), COUNTY_TITLE);
    // Opening it again put it first; forgetting it leaves the other.
    page.driver.click("[data-testid=recent-reports] summary");
    assert!(page
        .texts("[data-testid=recent-report]:nth-child(1)")
        .join("")
        .contains("正在显示"));
    page.driver
        .click("[data-testid=recent-report]:nth-child(1) .open-report__forget");
    assert_eq!(page.count("[data-testid=recent-report]"), 1);
    assert_eq!(
        page.js("return document.activeElement.id;"),
        json!("recent-reports-summary"),
        "never the next 删除"
    );
    assert!(page
        .texts("[data-testid=open-status]")
        .join("")
        .contains("已从"));
    let stored = page.js(
        "return JSON.parse(localStorage.getItem('songshi-report.recent')).reports.map(r => r.name);",
    );
    assert_eq!(stored, json!(["镇.txt"]));
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn damaged_stored_data_never_breaks_the_page() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    for damaged in [
        "{not json",
        r#"{"version": 99, "reports": []}"#,
        r#"{"version": 1, "reports": [{"title": "x", "name": "x.txt", "opened": "今天", "file": "{\"schema\":1}"}]}"#,
    ] {
        page.js(&format!(
            "localStorage.setItem('songshi-report.recent', {});",
            json!(damaged)
        ));
        page.driver.refresh();
        page.open("/");
        assert_eq!(page.title(), EMBEDDED_TITLE, "{damaged}");
    }
    // A stored report that cannot be read says so when opened; the page goes on.
    page.driver.click("[data-testid=recent-reports] summary");
    page.driver
        .click("[data-testid=recent-report] .open-report__reopen");
    page.driver.wait_for(
        "the damaged report to be refused",
        "return document.querySelector('[data-testid=open-error]') !== null;",
    );
    assert_eq!(page.title(), EMBEDDED_TITLE);
    // Damaged data is explained, and replaced only when the reader opens a report.
    page.js("localStorage.setItem('songshi-report.recent', '{not json');");
    page.driver.refresh();
    page.open("/");
    assert!(page
        .texts("[data-testid=recent-note]")
        .join("")
        .contains("损坏"));
    assert_eq!(
        page.js("return localStorage.getItem('songshi-report.recent');"),
        json!("{not json")
    );
    page.choose_file(&file_with("镇.txt", TOWN_PDF.as_bytes()));
    page.wait_opened("镇.txt");
    let stored =
        page.js("return JSON.parse(localStorage.getItem('songshi-report.recent')).reports.length;");
    assert_eq!(stored, json!(1));
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn a_file_dropped_on_the_page_opens() {
    let (env, _serial) = setup!();
    let page = Page::desktop(env);
    page.open("/");
    // WebDriver cannot drag a file from the desktop: the test makes the events a browser
    // makes, with a real File in a real DataTransfer.
    page.driver.js(
        "const t = new DataTransfer();
         t.items.add(new File([arguments[0]], '拖进来的.txt', {type: 'text/plain'}));
         window.__drop = t;
         document.querySelector('main').dispatchEvent(new DragEvent('dragenter', {dataTransfer: t, bubbles: true, cancelable: true}));
         document.querySelector('main').dispatchEvent(new DragEvent('dragover', {dataTransfer: t, bubbles: true, cancelable: true}));",
        json!([COUNTY]),
    );
    page.driver.wait_for(
        "the drop zone to show",
        "return document.querySelector('[data-testid=drop-zone]') !== null;",
    );
    page.screenshot("desktop-drop-zone");
    page.js(
        "document.querySelector('main').dispatchEvent(new DragEvent('drop', {dataTransfer: window.__drop, bubbles: true, cancelable: true}));",
    );
    page.wait_opened("拖进来的.txt");
    assert_eq!(page.title(), COUNTY_TITLE);
    assert_eq!(page.count("[data-testid=drop-zone]"), 0);
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn a_file_opens_under_a_sub_path() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open(OTHER_PATH);
    page.choose_file(&file_with("镇.txt", TOWN_PDF.as_bytes()));
    page.wait_opened("镇.txt");
    assert_same_text(&page.page_report_text(), TOWN_PDF);
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn a_report_without_numbered_parts_says_so_in_the_outline() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    let text = "某村2030年工作报告\n各位代表：\n今年村里修路3公里，新建文化广场1个。\n明年计划再修路5公里。\n";
    page.choose_file(&file_with("村.txt", text.as_bytes()));
    page.wait_opened("村.txt");
    assert_same_text(&page.page_report_text(), text);
    page.open_drawer();
    assert!(page
        .texts("[data-testid=outline-empty]")
        .join("")
        .contains("没有分出编号的部分"));
    assert_eq!(page.count("[data-testid=expand-all]"), 0);
    page.screenshot("phone-opened-no-parts");
    page.assert_no_console_errors();
}

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn the_whole_report_file_is_offered_for_the_built_in_report_only() {
    let (env, _serial) = setup!();
    let page = Page::desktop(env);
    page.open("/");
    page.driver.click("[data-testid=figures-toggle]");
    page.js(
        "window.__file = undefined;
         fetch(document.querySelector('[data-testid=export-report]').href)
           .then(r => r.json()).then(f => { window.__file = f; }, e => { window.__file = String(e); });",
    );
    page.driver.wait_for(
        "the report file to download",
        "return window.__file !== undefined;",
    );
    let file = page.js("return window.__file;");
    assert_eq!(file["schema"], json!(2), "{file}");
    assert_eq!(file["meta"]["title"], json!(EMBEDDED_TITLE));
    assert!(file["figures"].as_array().is_some_and(|f| f.len() >= 40));
    assert!(page
        .attr("[data-testid=export-report]", "download")
        .is_some_and(|d| d.ends_with("报告文件.json")));
    page.choose_file(&file_with("某县报告.txt", COUNTY.as_bytes()));
    page.wait_opened("某县报告.txt");
    page.driver.click("[data-testid=figures-toggle]");
    assert!(
        page.count("[data-testid=export-json]") == 1,
        "the panel is open"
    );
    assert_eq!(page.count("[data-testid=export-report]"), 0);
    page.assert_no_console_errors();
}

const PROVINCE: &str = include_str!("../../../tests/reports/province-2031.txt");

#[test]
#[ignore = "end to end: needs the release builds and Chromium (cargo xtask test runs it)"]
fn a_reports_targets_stand_beside_last_years_results_with_labels_that_hold() {
    let (env, _serial) = setup!();
    let page = Page::phone(env);
    page.open("/");
    assert_eq!(
        page.count("#targets"),
        0,
        "the built-in report states no targets"
    );
    page.choose_file(&file_with("省报告.txt", PROVINCE.as_bytes()));
    page.wait_opened("省报告.txt");
    assert_same_text(&page.page_report_text(), PROVINCE);
    // The outline holds: two parts without numbers, （一） again in each, the glossary.
    assert_eq!(page.count(".section--part"), 2);
    assert_eq!(page.count(".section--subsection"), 4);
    assert_eq!(page.count(".section--annex"), 1);
    // 主要目标: a table, a row per indicator, the target in plain words, last year beside it.
    assert_eq!(page.count("#targets table"), 1);
    assert_eq!(page.count("#targets tbody tr"), 7);
    let indicators = page.texts("#targets tbody th");
    assert_eq!(indicators[0], "地区生产总值");
    let plain = page.texts("#targets tbody td:nth-of-type(1) small");
    assert!(
        plain.contains(&"增长5.0%至5.5%之间".to_string()),
        "{plain:?}"
    );
    assert!(plain.contains(&"不超过5.5%".to_string()), "{plain:?}");
    let results = page.texts("#targets tbody td:nth-of-type(2)");
    assert!(
        results[0].contains("5.3%左右") && results[0].contains("预计"),
        "{results:?}"
    );
    assert_eq!(
        page.texts("#targets thead th"),
        ["指标", "2031年目标", "2030年结果"]
    );
    assert!(plain.iter().any(|p| p.contains("力争4%")), "{plain:?}");
    // Each value leads to its sentence.
    let href = page
        .attr("#targets td a", "href")
        .expect("the target links to its sentence");
    page.driver.click("#targets td a");
    page.driver.wait_for(
        "the target's sentence to be shown",
        &format!(
            "const f = document.getElementById({});
             const r = f && f.getBoundingClientRect();
             return r !== null && r.top >= 0 && r.bottom <= innerHeight;",
            json!(href.trim_start_matches('#'))
        ),
    );
    // Cards: each value of a list has its own item; meetings and titles have no card.
    let labels = page.texts("[data-testid=headline-row] .metric-card__label");
    assert_eq!(labels[0], "地区生产总值", "{labels:?}");
    page.driver.click("[data-testid=figures-toggle]");
    let all = page.texts("#figures-all .metric-card__label");
    assert!(
        all.contains(&"农村居民人均可支配收入".to_string()),
        "{all:?}"
    );
    assert!(
        !all.iter().any(|l| l.contains("全会") || l == "数据"),
        "{all:?}"
    );
    // A long list on a phone: the themes fold, 只看目标 and 紧凑列表.
    assert_eq!(
        page.js("return document.querySelector('.figures__fold').open;"),
        json!(false)
    );
    page.driver.click("[data-testid=only-targets]");
    let shown = page.js(
        "return [...document.querySelectorAll('#figures-all .metric-card')]
           .filter(c => c.offsetParent !== null)
           .map(c => c.classList.contains('metric-card--target'));",
    );
    let shown = shown.as_array().cloned().unwrap_or_default();
    assert!(
        !shown.is_empty() && shown.iter().all(|t| t == &json!(true)),
        "{shown:?}"
    );
    page.driver.click("[data-testid=compact-list]");
    page.js("document.getElementById('figures-all').scrollIntoView();");
    page.screenshot("phone-cards-targets-compact");
    page.driver.click("[data-testid=only-targets]");
    page.driver.click("[data-testid=figures-toggle]");
    // A search hit says which part it is in (the review's subsection, the plan's own text).
    page.search("居民");
    page.driver.click("[data-testid=search-list-toggle]");
    let places = page.texts(".search__place");
    assert!(
        places.iter().any(|p| p.starts_with("2030年工作回顾 › ")),
        "{places:?}"
    );
    assert!(
        places.iter().any(|p| p.starts_with("2031年工作安排")),
        "{places:?}"
    );
    page.driver.click("[data-testid=search-list-toggle]");
    page.js("document.getElementById('targets').scrollIntoView();");
    page.screenshot("phone-targets");
    page.driver.color_scheme("dark");
    page.screenshot("phone-targets-dark");
    page.assert_no_console_errors();

    // 200 % page zoom: one column, nothing cut.
    let zoomed = Page::new(env, 195, 422);
    zoomed.open("/");
    zoomed.choose_file(&file_with("省报告.txt", PROVINCE.as_bytes()));
    zoomed.wait_opened("省报告.txt");
    zoomed.js("document.getElementById('targets').scrollIntoView();");
    let overflow = zoomed.js("const t = document.querySelector('#targets table');
         return t.scrollWidth <= t.parentElement.clientWidth + 1;");
    assert_eq!(overflow, json!(true), "the table fits the width at 200 %");
    zoomed.screenshot("phone-zoom-200-targets");
    zoomed.assert_no_console_errors();
}
