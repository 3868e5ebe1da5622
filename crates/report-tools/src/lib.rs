//! The reader's tools, in wasm modules of their own, each loaded on first use: readers
//! who never use them never download them, and the page's wasm stays within its budget.
//!
//! - **report-notes** (`src/bin/report-notes.rs`): 审议意见, the review notes ([`notes`]);
//! - **report-care** (`src/bin/report-care.rs`): for older readers, 字号 (text size and
//!   colours, [`display`]) and 朗读 (reading aloud, [`read_aloud`]);
//! - **report-export** (`src/bin/report-export.rs`): the figures' exports, 下载 CSV and 下载
//!   JSON ([`export`]), made on the first press;
//! - **report-library** (`src/bin/report-library.rs`): on a library's page only, the search
//!   across all its reports (`library_search`) and the filters of its list (`library_filter`).
//!
//! Two modules rather than one: each is a Yew app with its own copy of Yew, and all three tools
//! in one module would weigh more than the 120 KB gzip a module may (docs/size-budget.md).
//!
//! The page's wasm carries only their buttons' markup. `static/boot.js` loads a module when one
//! of its buttons is first pressed (the notes also at start when this browser holds notes),
//! then hands it every press (`activate`, exported by each module); the build step names the
//! modules, their buttons and the notes' storage key in `<meta name="module">` from their one
//! definition, `report_core::markup::TOOLS_MODULES`.
//!
//! A module mounts its own Yew app in an element after the page's `#app`: it draws its
//! dialogs and bars there, and the notes under their paragraphs through portals into hosts it
//! places in the page (`notes/views.rs`). It reads the shown report from the page's markup
//! (`page.rs`), starts only once the page's app runs (`app-ready`: the built page must be
//! hydrated exactly as it was built), and keeps its state in pure models of `report-core`
//! (`notes`, `display`, `spoken`).

pub mod display;
#[cfg(target_arch = "wasm32")]
pub mod export;
#[cfg(target_arch = "wasm32")]
pub mod library_filter;
#[cfg(target_arch = "wasm32")]
pub mod library_search;
pub mod notes;
pub mod page;
pub mod read_aloud;

use gloo::utils::document;
use web_sys::Element;

/// The element a module's app lives in (after `#app`), made when it is not there yet.
pub fn root(id: &str) -> Option<Element> {
    if let Some(root) = document().get_element_by_id(id) {
        return Some(root);
    }
    let root = document().create_element("div").ok()?;
    root.set_id(id);
    document().body()?.append_child(&root).ok()?;
    Some(root)
}

/// The panic hook of a module: the page goes on working without it, and says so in the
/// console only, in a fixed sentence rather than the panic's own words (docs/size-budget.md).
pub fn quiet_panics() {
    yew::set_custom_panic_hook(Box::new(|_| {
        web_sys::console::error_1(&"报告工具出错，已停止（审议意见、朗读或字号）。".into());
    }));
}

/// Runs `start` once the page's app runs (`app-ready` on `<html>`): before that the built
/// page is being hydrated, and the app must find it exactly as it was built. On a site the
/// modules load after that anyway; in the single file they come inside the page and run early.
pub fn when_app_ready(start: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(html) = document().document_element() else {
        return;
    };
    if html.class_list().contains(report_core::markup::APP_READY) {
        return start();
    }
    let start = std::cell::RefCell::new(Some(start));
    let watch = Closure::<dyn FnMut(js_sys::Array, web_sys::MutationObserver)>::new(
        move |_: js_sys::Array, observer: web_sys::MutationObserver| {
            let ready = document()
                .document_element()
                .is_some_and(|h| h.class_list().contains(report_core::markup::APP_READY));
            if ready {
                observer.disconnect();
                if let Some(start) = start.borrow_mut().take() {
                    start();
                }
            }
        },
    );
    if let Ok(observer) = web_sys::MutationObserver::new(watch.as_ref().unchecked_ref()) {
        let options = web_sys::MutationObserverInit::new();
        options.set_attributes(true);
        let filter = js_sys::Array::of1(&"class".into());
        options.set_attribute_filter(&filter);
        let _ = observer.observe_with_options(&html, &options);
    }
    // Called at most once, for the page's life.
    watch.forget();
}
