//! The reader's tools (审议意见, 朗读, 字号) as a wasm module of their own, loaded on first use:
//! readers who never use them never download them, and the page's wasm stays within its
//! budget. Trunk builds it with wasm-bindgen's `no-modules` glue (`data-type="worker"` in
//! `index.html`, only for the glue's shape: it runs on the page) under fixed names,
//! `report-tools.js` and `report-tools_bg.wasm`; `static/boot.js` loads both, then calls
//! [`activate`] with each press of a button that carries `data-tools`. See
//! `report_app::tools`.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// A press the page hands over (see `report_app::tools::activate`).
    #[wasm_bindgen]
    pub fn activate(target: web_sys::Element) {
        report_app::tools::activate(target);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::set_custom_panic_hook(Box::new(|info| {
        // The page goes on working: the tools say so in the console only.
        web_sys::console::error_1(&format!("reader tools: {info}").into());
    }));
    report_app::tools::start();
}

/// The tools' allocator, as the page's (see `src/main.rs`).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::GlobalTlsf = rlsf::GlobalTlsf::new();

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the page's on-demand tools module; `trunk build` builds it.");
}
