//! The reading worker: turns the text of a report a reader opened into a report file, off the
//! page's thread, so that a long report never freezes the page and the parser stays out of the
//! page's wasm (readers who never open a file never download it).
//!
//! Trunk builds it as a web worker (`data-type="worker"` in `index.html`) under fixed names,
//! `report-reader_loader.js` and its wasm; `src/open_file.rs` starts one per text. The protocol:
//! the worker posts `"ready"` once it listens; the page then posts the text (a string); the
//! worker answers once, with an array `["ok", report file JSON, warnings joined by "\n"]` or
//! `["error", a sentence in Chinese]` (see [`songshi_report::core::text_to_file`]).

#[cfg(target_arch = "wasm32")]
fn main() {
    use songshi_report::core::text_to_file;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let answer = match event.data().as_string() {
            Some(text) => match text_to_file(&text) {
                Ok((json, warnings)) => {
                    js_sys::Array::of3(&"ok".into(), &json.into(), &warnings.join("\n").into())
                }
                Err(message) => js_sys::Array::of2(&"error".into(), &message.into()),
            },
            None => js_sys::Array::of2(&"error".into(), &"没有收到文字。".into()),
        };
        // Nothing is left to do if the page has gone.
        let _ = reply.post_message(&answer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&"ready".into());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the browser's reading worker; `trunk build` builds it.");
}
