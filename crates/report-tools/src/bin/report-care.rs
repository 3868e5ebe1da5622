//! 字号 (text size and colours) and 朗读 (reading aloud) as a wasm module of its own, loaded on
//! first use (`report_tools` documents how). Trunk builds it with wasm-bindgen's ES-module
//! glue under fixed names, `report-care.js` and `report-care_bg.wasm`.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// A press on 朗读 or on 字号's summary, handed over by the page.
    #[wasm_bindgen]
    pub fn activate(target: web_sys::Element) {
        report_tools::read_aloud::activate(target);
    }

    /// What a listener hears for a passage (`report_core::spoken::spoken`), for the
    /// end-to-end tests to check the words in the browser.
    #[wasm_bindgen]
    pub fn spoken(text: &str) -> String {
        report_core::spoken::spoken(text)
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    report_tools::quiet_panics();
    report_tools::when_app_ready(report_tools::display::start);
    report_tools::read_aloud::start();
}

/// The module's allocator, as the page's.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::GlobalTlsf = rlsf::GlobalTlsf::new();

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the page's module for 字号 and 朗读; `trunk build` builds it.");
}
