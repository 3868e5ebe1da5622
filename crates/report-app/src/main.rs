//! Browser entry point: brings the page to life. A built page already holds the report as HTML
//! (written by `src/bin/prerender.rs` with the same components), which the app hydrates: it
//! attaches to the elements that are there instead of drawing them again, so nothing moves
//! or flashes. A page without that HTML (`trunk serve` before the build step, a page written
//! by hand) is rendered from scratch.

#[cfg(target_arch = "wasm32")]
fn main() {
    use report_app::components::app::{App, AppProps};
    use report_core::markup::APP_ROOT_ID;

    // A panic must not leave a blank or frozen page: say so in words the reader understands.
    yew::set_custom_panic_hook(Box::new(|info| {
        let document = gloo::utils::document();
        let message = document.create_element("p");
        if let Ok(message) = message {
            message.set_class_name("load-error");
            message.set_attribute("role", "alert").ok();
            message.set_text_content(Some(
                "页面出错了，请刷新重试。如果问题依旧，请换用其他浏览器。",
            ));
            document.body().map(|b| b.prepend_with_node_1(&message));
        }
        web_sys::console::error_1(&info.to_string().into());
    }));

    let document = gloo::utils::document();
    if let Some(boot) = document.get_element_by_id("boot") {
        boot.remove();
    }
    let Some(root) = document.get_element_by_id(APP_ROOT_ID) else {
        web_sys::console::error_1(&"the page has no #app element".into());
        return;
    };
    // The stored list and the session's opened report are applied after the first render
    // (`App`), so that the first render is the page as built.
    let (recent, restored) = report_app::open_file::remembered();
    let props = AppProps {
        content: report_app::data::content(),
        recent,
        restored,
    };
    // A report opened from a file before a reload is not the page as built: drawn anew.
    let built = root.first_element_child().is_some() && props.restored.is_none();
    // The report's data was read above; the page comes to life in the next task, so that no
    // one task holds both (issue 19: the start-up's one long task, docs/speed.md).
    let start = move || {
        let renderer = yew::Renderer::<App>::with_root_and_props(root.clone(), props);
        if built {
            renderer.hydrate();
        } else {
            root.set_inner_html("");
            renderer.render();
        }
    };
    let start = wasm_bindgen::closure::Closure::once_into_js(start);
    let _ = gloo::utils::window()
        .set_timeout_with_callback(wasm_bindgen::JsCast::unchecked_ref(&start));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the browser app: build it with `trunk build --release` or run `cargo xtask serve`.");
}

/// The page's allocator (see Cargo.toml).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::GlobalTlsf = rlsf::GlobalTlsf::new();
