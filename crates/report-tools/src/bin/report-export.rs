//! The figures' exports (下载 CSV, 下载 JSON) as a wasm module of its own, loaded on first use
//! (`report_tools` documents how; the exports themselves are `report_tools::export`). Trunk
//! builds it with wasm-bindgen's ES-module glue under fixed names, `report-export.js` and
//! `report-export_bg.wasm`.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// A press on 下载 CSV or 下载 JSON, handed over by the page.
    #[wasm_bindgen]
    pub fn activate(target: web_sys::Element) {
        report_tools::export::activate(target);
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
    eprintln!("This is the page's module for the figures' exports; `trunk build` builds it.");
}
