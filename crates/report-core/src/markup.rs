//! The names of the page's markup that more than one part of the product uses: element ids,
//! classes and data attributes that something other than the component drawing them reads.
//! Defined once here, as plain strings: the app's components (`report-app`) write them, the
//! reader's tools (`report-tools`, a wasm module of their own) and the build step
//! (`report-site`) find them, the tests look for them. Storage keys live with their models
//! (`notes`, `display`, `recent`).

/// The id of the element the app lives in (`index.html`); the build step writes the report's
/// HTML into it.
pub const APP_ROOT_ID: &str = "app";

/// The id of the data block that holds the report file
/// (`<script type="application/json" id="report-data">`, never run).
pub const REPORT_DATA_ID: &str = "report-data";

/// The whole report file (pretty, with its figures) beside the built page, for download.
pub const REPORT_FILE_NAME: &str = "report.json";

/// The id of the shown report's title (`<h1>`).
pub const REPORT_TITLE_ID: &str = "report-title";

/// A section's heading element carries the section's id; its body is `{id}-body` and carries
/// [`SECTION_BODY`] with the id.
pub fn body_id(section_id: &str) -> String {
    format!("{section_id}-body")
}

/// The attribute of a section's body naming its section: `data-section-body="sec-1-2"`.
pub const SECTION_BODY: &str = "data-section-body";

/// The class of a section's heading (`<h2 class="section__heading">`).
pub const SECTION_HEADING: &str = "section__heading";

/// The class of a heading's collapse toggle, which holds the heading's words.
pub const SECTION_TOGGLE: &str = "section__toggle";

/// The class of a paragraph of the report's text.
pub const PARAGRAPH: &str = "section__text";

/// The class of a sentence of the report's text (a span inside a paragraph).
pub const SENTENCE: &str = "sentence";

/// The class of the marker where the source stops (（原文在此中断）).
pub const CUT_MARKER: &str = "section__cut";

/// The class of the row of actions under a paragraph (写意见, 复制引用).
pub const PARAGRAPH_ACTIONS: &str = "paragraph-actions";

/// An attribute marking the app's own words inside the report's markup (markers, buttons,
/// notes): not the report's text, so never quoted or searched.
pub const CHROME: &str = "data-chrome";

/// 写意见 on a paragraph: `data-note-section` (its section's id) and `data-note-paragraph`
/// (its index among the section's own paragraphs).
pub const NOTE_SECTION: &str = "data-note-section";
pub const NOTE_PARAGRAPH: &str = "data-note-paragraph";

/// 我的意见, the list of the reader's notes.
pub const NOTES_OPEN: &str = "data-notes-open";

/// 朗读 on a heading: `data-read-section` (the section's id).
pub const READ_SECTION: &str = "data-read-section";

/// The 字号 control (a `<details>`), its radio inputs (`data-display="textSize"` or
/// `"theme"`).
pub const DISPLAY_SETTINGS: &str = "display-settings";
pub const DISPLAY_INPUT: &str = "data-display";
/// 字号's 完成, which closes its panel.
pub const DISPLAY_DONE: &str = "data-display-done";

/// The class of the top bar (read aloud keeps the sentence read below it).
pub const TOP_BAR: &str = "top-bar";

/// The `<html>` class the app adds once it runs (`effects::use_started`).
pub const APP_READY: &str = "app-ready";

/// A wasm module of the reader's tools (`report-tools`), loaded on first use: the build step
/// announces each to `static/boot.js` in a `<meta name="module">` ([`MODULE_META`]).
pub struct ToolsModule {
    /// Its files beside the page: `{name}.js` (wasm-bindgen's ES-module glue) and
    /// `{name}_bg.wasm`.
    pub name: &'static str,
    /// The attributes and classes of the buttons it handles: a press on one loads it and is
    /// handed to it (`activate`). See [`ToolsModule::press`].
    buttons: &'static [&'static str],
    /// When this browser holds a local storage key starting with this, it is loaded once the
    /// app runs.
    pub stored: Option<&'static str>,
}

impl ToolsModule {
    /// The CSS selector of its buttons.
    pub fn press(&self) -> String {
        self.buttons.join(",")
    }
}

/// The `name` of the `<meta>` that announces a module of the reader's tools.
pub const MODULE_META: &str = "module";

/// 下载 CSV / 下载 JSON in the figures' list: `data-export="csv"` or `"json"`.
pub const EXPORT: &str = "data-export";

/// The data block holding the report file of a report opened from a file (the page writes it
/// there as it shows it; a built page's own report is in [`REPORT_DATA_ID`]): the exports read
/// the shown report from it (`report-tools`, `export.rs`). An export button of an opened report
/// names it in `data-report`.
pub const OPENED_REPORT_ID: &str = "opened-report-data";

/// The modules of the reader's tools: 审议意见 (review notes), 字号 / 朗读 (text size and
/// colours, reading aloud; for older readers), and the figures' exports (CSV, JSON).
pub const TOOLS_MODULES: [ToolsModule; 3] = [
    ToolsModule {
        name: "report-notes",
        buttons: &["[data-note-section]", "[data-notes-open]"],
        stored: Some(crate::notes::KEY_PREFIX),
    },
    ToolsModule {
        name: "report-care",
        buttons: &["[data-read-section]", ".display-settings > summary"],
        stored: None,
    },
    ToolsModule {
        name: "report-export",
        buttons: &["[data-export]"],
        stored: None,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_modules_buttons_are_the_names_above() {
        assert_eq!(
            TOOLS_MODULES[0].press(),
            format!("[{NOTE_SECTION}],[{NOTES_OPEN}]")
        );
        assert_eq!(
            TOOLS_MODULES[1].press(),
            format!("[{READ_SECTION}],.{DISPLAY_SETTINGS} > summary")
        );
        assert_eq!(TOOLS_MODULES[2].press(), format!("[{EXPORT}]"));
    }
}
