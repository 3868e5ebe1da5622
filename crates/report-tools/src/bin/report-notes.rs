//! 审议意见 (review notes) as a wasm module of its own, loaded on first use (`report_tools`
//! documents how). Trunk builds it with wasm-bindgen's ES-module glue (`data-type="worker"`
//! and `data-bindgen-target="web"` in `index.html`, only for the glue's shape: it runs on the
//! page) under fixed names, `report-notes.js` and `report-notes_bg.wasm`.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// A press on 写意见 or 我的意见, handed over by the page.
    #[wasm_bindgen]
    pub fn activate(target: web_sys::Element) {
        report_tools::notes::activate(target);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    report_tools::quiet_panics();
    report_tools::notes::start();
}

/// The module's allocator, as the page's.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::GlobalTlsf = rlsf::GlobalTlsf::new();

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the page's review-notes module; `trunk build` builds it.");
}
