//! The built page and the report inside it (pure; used by the `prerender` build step and by
//! `data.rs` in the browser).
//!
//! The report file travels in the page as a data block,
//! `<script type="application/json" id="report-data">…</script>`: the browser never runs it, the
//! app reads its text at start-up. Keeping it out of the wasm keeps the code the same for every
//! report and leaves the wasm's size budget to code.

/// The whole report file (pretty, with its figures) beside the built page, for download.
pub const REPORT_FILE_NAME: &str = "report.json";

/// The id of the data block that holds the report file.
pub const REPORT_DATA_ID: &str = "report-data";

/// `html` with the report file `json` written before `</body>`. Every `<` of the JSON becomes
/// `\u003c` (the same JSON to a parser), so nothing in a report's text can close the block.
/// `base` is the site's public address (`/` or `/sub/path/`), kept as the block's `data-base`
/// for what the app loads later (the reading worker).
pub fn with_report_data(html: &str, json: &str, base: &str) -> Result<String, String> {
    if html.contains(&format!("id=\"{REPORT_DATA_ID}\"")) {
        return Err("the page already holds a report".into());
    }
    let end = html
        .rfind("</body>")
        .ok_or_else(|| "the page has no </body>".to_string())?;
    let block = format!(
        "<script type=\"application/json\" id=\"{REPORT_DATA_ID}\" data-base=\"{}\">{}</script>",
        attribute(base),
        json.replace('<', "\\u003c")
    );
    Ok(format!("{}{block}{}", &html[..end], &html[end..]))
}

/// Text as an attribute value between double quotes.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_goes_before_the_end_of_the_body_and_cannot_close_its_block() {
        let json = r#"{"title":"</script><script>alert(1)</script><!--"}"#;
        let html = with_report_data("<html><body><p>x</p></body></html>", json, "/a\"b/").unwrap();
        assert!(html.contains("data-base=\"/a&quot;b/\""));
        assert!(html.ends_with("</script></body></html>"));
        assert_eq!(html.matches("</script>").count(), 1);
        assert!(!html.contains("<!--"));
        let start = html.find("/\">").unwrap() + 3;
        let inside = &html[start..html.rfind("</script>").unwrap()];
        let back: serde_json::Value = serde_json::from_str(inside).unwrap();
        assert_eq!(back["title"], "</script><script>alert(1)</script><!--");
    }

    #[test]
    fn a_page_without_a_body_or_with_a_report_already_is_refused() {
        assert!(with_report_data("<html></html>", "{}", "/").is_err());
        let once = with_report_data("<body></body>", "{}", "/").unwrap();
        assert!(with_report_data(&once, "{}", "/").is_err());
    }
}
