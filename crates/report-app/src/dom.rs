//! The names the page, its build step and its tests share: element ids, data attributes,
//! files beside the page. Defined once here; `report-site` writes them into the built page and
//! the app finds them there.

/// The id of the element the app lives in (`index.html`); the build step writes the report's
/// HTML into it.
pub const APP_ROOT_ID: &str = "app";

/// The id of the data block that holds the report file
/// (`<script type="application/json" id="report-data">`, never run).
pub const REPORT_DATA_ID: &str = "report-data";

/// The whole report file (pretty, with its figures) beside the built page, for download.
pub const REPORT_FILE_NAME: &str = "report.json";
