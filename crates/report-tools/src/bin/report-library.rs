//! Search across a library of reports and the filters of its list, a wasm module of its own
//! loaded by the library page on the first press or focus of its search box or a filter, or at
//! once when the address holds a filter (`report_tools::library_search`,
//! `report_tools::library_filter`). Trunk builds it
//! with wasm-bindgen's ES-module glue under fixed names, `report-library.js` and
//! `report-library_bg.wasm`.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// A press or focus on the search box or a filter, handed over by the page (or the page
    /// itself, when its address holds a filter).
    #[wasm_bindgen]
    pub fn activate(target: web_sys::Element) {
        report_tools::library_filter::start();
        if target.id() == report_tools::library_search::INPUT_ID
            || report_tools::library_search::query_in_address().is_some()
        {
            report_tools::library_search::activate(target);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    report_tools::quiet_panics();
}

/// The module's allocator, as the page's.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::GlobalTlsf = rlsf::GlobalTlsf::new();

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the library page's search module; `trunk build` builds it.");
}
