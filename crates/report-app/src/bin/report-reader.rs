//! The reading worker: reads a file a reader opened — its bytes, its encoding, then a report
//! file (`.json`, checked) or the text of a report (parsed) — off the page's thread, so that a
//! long report never freezes the page and the decoders and the parser stay out of the page's
//! wasm (readers who never open a file never download them).
//!
//! Trunk builds it as a web worker (`data-type="worker"` in `index.html`) under fixed names,
//! `report-reader.js` and its wasm, started by `static/report-reader-loader.js`; `src/open_file.rs`
//! starts one for the page and keeps it. The protocol:
//! the worker posts `"ready"` once it listens; the page then posts a `File` at a time (one
//! worker reads every file of a page: `src/open_file.rs`); the worker answers each, in order,
//! with an array `["ok", report file JSON, notes joined by "\n"]` or `["error", a sentence in
//! Chinese]`.
//!
//! Its speed (issue 19, docs/speed.md): a kept worker reads a 34,000-character report in about
//! the time of the same code natively; the time of each stage is measured natively
//! (`report_core::text_to_file_in_stages`, `cargo bench --bench import`). A clock of its own in
//! the worker cost 1.4 KB gzip, which its budget does not have.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let answer = match event.data().dyn_into::<web_sys::File>() {
                Ok(file) => match reading::read(&file) {
                    Ok((json, notes)) => {
                        js_sys::Array::of3(&"ok".into(), &json.into(), &notes.join("\n").into())
                    }
                    Err(message) => js_sys::Array::of2(&"error".into(), &message.into()),
                },
                Err(_) => js_sys::Array::of2(&"error".into(), &"没有收到文件。".into()),
            };
            // Nothing is left to do if the page has gone.
            let _ = reply.post_message(&answer);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&"ready".into());
}

#[cfg(target_arch = "wasm32")]
mod reading {
    use report_core::decode::{decode_with, Decoders, LARGEST_FILE};
    use report_core::{file, text_to_file};
    use web_sys::{File, FileReaderSync, TextDecoder, TextDecoderOptions};

    /// The browser's strict decoders. UTF-8 is checked by Rust's own `str::from_utf8` in
    /// `decode_with`, which refuses exactly what a strict (`fatal`) `TextDecoder("utf-8")`
    /// refuses, without a copy through JavaScript.
    struct Browser;

    impl Browser {
        fn decode(label: &str, bytes: &[u8]) -> Option<String> {
            let options = TextDecoderOptions::new();
            options.set_fatal(true);
            let decoder = TextDecoder::new_with_label_and_options(label, &options).ok()?;
            decoder.decode_with_u8_array(bytes).ok()
        }
    }

    impl Decoders for Browser {
        fn utf16(&self, bytes: &[u8], big_endian: bool) -> Option<String> {
            Self::decode(if big_endian { "utf-16be" } else { "utf-16le" }, bytes)
        }

        fn gb18030(&self, bytes: &[u8]) -> Option<String> {
            Self::decode("gb18030", bytes)
        }
    }

    /// The report file of `file` and what to check in it, or why it cannot be read.
    pub fn read(file: &File) -> Result<(String, Vec<String>), String> {
        if file.size() > LARGEST_FILE as f64 {
            return Err("文件太大：报告正文通常不超过1 MB，这可能不是一份报告。".into());
        }
        let buffer = FileReaderSync::new()
            .and_then(|reader| reader.read_as_array_buffer(file))
            .map_err(|_| "浏览器没能读取这个文件，请再试一次。".to_string())?;
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        let (text, _) = decode_with(&bytes, &Browser)?;
        if text.trim_start().starts_with('{') {
            // Written again: with cards for a file that has none, in the compact form.
            file::file_to_file(&text).map_err(|e| e.0)
        } else {
            text_to_file(&text)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the browser's reading worker; `trunk build` builds it.");
}

/// The worker's allocator, the page's (TLSF, `rlsf`): about 3 KB gzip less code than Rust's
/// default for wasm (docs/size-budget.md).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::GlobalTlsf = rlsf::GlobalTlsf::new();
