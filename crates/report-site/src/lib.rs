//! The native tools that make the static site from a report: the build step after Trunk
//! (`prerender`: the report into the built page, its policy, offline, icons, the single file)
//! and the importer (`report-import`). Nothing here reaches the browser.

pub mod page;
pub mod single_file;
pub mod source;
