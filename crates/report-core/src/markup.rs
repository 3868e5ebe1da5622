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

/// The attribute that hands a press to the reader's tools, loaded on first use
/// (`static/boot.js` loads the module and passes the element to `report_tools::activate`).
pub const TOOLS: &str = "data-tools";

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

/// The class of the top bar (read aloud keeps the sentence read below it).
pub const TOP_BAR: &str = "top-bar";

/// The `<html>` class the app adds once it runs (`effects::use_started`).
pub const APP_READY: &str = "app-ready";
