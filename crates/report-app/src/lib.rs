//! The app: thin Yew components over the pure core (`report-core`), two pure reducers
//! (`state.rs`: how the report is read; `shown_report.rs`: which report is shown) and the browser
//! effects that react to them. The same components render in the browser (the page's wasm,
//! `src/main.rs`, hydrating the built page) and on the server (the build step, `report-site`).

pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod data;
pub mod effects;
pub mod open_file;
pub mod shown_report;
pub mod state;
