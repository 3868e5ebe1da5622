//! Copying text to the clipboard, where the browser allows it.

use gloo::utils::window;

/// Copies text to the clipboard, then reports whether it worked. Browsers without the
/// asynchronous clipboard (in-app browsers, pages served over plain HTTP) report failure
/// instead of throwing.
pub fn copy_text(text: String, done: impl FnOnce(bool) + 'static) {
    let navigator = window().navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        done(false);
        return;
    }
    let promise = navigator.clipboard().write_text(&text);
    yew::platform::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        done(ok);
    });
}
