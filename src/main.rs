//! Browser entry point: replaces the loading message with the app for the embedded report.

#[cfg(target_arch = "wasm32")]
fn main() {
    use songshi_report::components::app::{App, AppProps};

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

    if let Some(boot) = gloo::utils::document().get_element_by_id("boot") {
        boot.remove();
    }
    let (recent, restored) = songshi_report::open_file::remembered();
    yew::Renderer::<App>::with_props(AppProps {
        content: songshi_report::data::content(),
        recent,
        restored,
    })
    .render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the browser app: build it with `trunk build --release` or run `cargo xtask serve`.");
}
