//! The figures' exports, 下载 CSV（表格） and 下载 JSON, made when first pressed
//! (`report-export` module): the shown report's file is read from the page (the built report's
//! data block, or the block of a report opened from a file that the button names in
//! `data-report`), its cards made into the CSV or JSON of `report_core::export`, and given to
//! the browser as a download (a `data:` address: nothing is fetched, and it works in the single
//! file opened from disk). Links in an export point at the page's address, except for a report
//! opened from a file or a page opened from disk, which have none to share.
//!
//! They left the page's wasm in issue 19 (3 KB gzip, which the page needed for opening long
//! reports a screen first): docs/size-budget.md.

use gloo::utils::{document, window};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlAnchorElement};

use report_core::export::{data_url, to_csv, to_json};
use report_core::markup::{EXPORT, REPORT_DATA_ID};
use report_core::search::terms::Terms;

/// A press on an export button (`data-export="csv"` or `"json"`).
pub fn activate(button: Element) {
    let Some((name, url)) = export(&button) else {
        web_sys::console::error_1(&"无法生成下载文件：页面里没有这份报告的数据。".into());
        return;
    };
    let Some(link) = document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok())
    else {
        return;
    };
    link.set_href(&url);
    link.set_download(&name);
    link.click();
}

/// The file name and the `data:` address of the export `button` asks for.
fn export(button: &Element) -> Option<(String, String)> {
    let kind = button.get_attribute(EXPORT)?;
    let opened = button.get_attribute("data-report");
    let block = opened.as_deref().unwrap_or(REPORT_DATA_ID);
    let file = document().get_element_by_id(block)?.text_content()?;
    let (content, _) = report_core::file::read_own(&file, Terms::default()).ok()?;
    let cards = content.cards.as_ref().ok()?;
    let location = window().location();
    let base = match (&opened, location.protocol().ok().as_deref()) {
        (None, Some("http:" | "https:")) => location
            .href()
            .ok()?
            .split('#')
            .next()
            .unwrap_or("")
            .to_string(),
        _ => String::new(),
    };
    let title = &content.report.title;
    Some(match kind.as_str() {
        "json" => (
            format!("{title}·数据.json"),
            data_url("application/json", &to_json(cards, &content.report, &base)),
        ),
        _ => (
            format!("{title}·数据.csv"),
            data_url("text/csv", &to_csv(cards, &base)),
        ),
    })
}
