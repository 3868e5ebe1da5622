//! The reading worker: reads a file a reader opened — its bytes, its encoding, then a report
//! file (`.json`, checked) or the text of a report (parsed) — off the page's thread, so that a
//! long report never freezes the page and the decoders and the parser stay out of the page's
//! wasm (readers who never open a file never download them).
//!
//! Trunk builds it as a web worker (`data-type="worker"` in `index.html`) under fixed names,
//! `report-reader.js` and its wasm, started by `static/report-reader-loader.js`; `src/open_file.rs` starts one per file. The protocol:
//! the worker posts `"ready"` once it listens; the page then posts the `File`; the worker
//! answers once, with an array `["ok", report file JSON, notes joined by "\n"]` or
//! `["error", a sentence in Chinese]`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let answer = match event.data().dyn_into::<web_sys::File>() {
                Ok(file) => {
                    let mut clock = reading::Clock::start();
                    match reading::read(&file, &mut clock) {
                        Ok((json, notes)) => {
                            let answer = js_sys::Array::of3(
                                &"ok".into(),
                                &json.into(),
                                &notes.join("\n").into(),
                            );
                            answer.push(&clock.stages());
                            answer
                        }
                        Err(message) => js_sys::Array::of2(&"error".into(), &message.into()),
                    }
                }
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
    use report_core::{file, text_to_file_in_stages};
    use wasm_bindgen::JsCast;
    use web_sys::{File, FileReaderSync, Performance, TextDecoder, TextDecoderOptions};
    use web_sys::WorkerGlobalScope;

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

    /// The time each stage of reading a file took, in the browser's Performance panel (a
    /// `performance.measure` named `reader <stage>` each) and in the answer (the fourth item,
    /// an array `["read", 1.2, "decode", 0.3, …, "sent-at", 1733…]`, milliseconds; `sent-at` is
    /// the absolute time of the answer, `performance.timeOrigin + now()`, so that the page can
    /// tell the time the answer took to arrive). The benchmark of opening a report prints them.
    /// Numbers go to JavaScript as numbers: Rust's float formatting would add 8 KB gzip.
    pub struct Clock {
        performance: Option<Performance>,
        last: f64,
        /// The mark where the next stage starts.
        mark: String,
        stages: js_sys::Array,
    }

    impl Clock {
        pub fn start() -> Clock {
            let performance = js_sys::global()
                .unchecked_into::<WorkerGlobalScope>()
                .performance();
            let last = performance.as_ref().map_or(0.0, Performance::now);
            if let Some(performance) = &performance {
                let _ = performance.mark("reader start");
            }
            Clock {
                performance,
                last,
                mark: "reader start".into(),
                stages: js_sys::Array::new(),
            }
        }

        /// Marks the end of `stage`.
        pub fn stage(&mut self, stage: &str) {
            let Some(performance) = &self.performance else {
                return;
            };
            let now = performance.now();
            let mark = format!("reader {stage}");
            let _ = performance.mark(&mark);
            let _ = performance.measure_with_start_mark_and_end_mark(&mark, &self.mark, &mark);
            self.stages.push(&stage.into());
            self.stages.push(&(now - self.last).into());
            self.last = now;
            self.mark = mark;
        }

        /// The stages, and when the answer is sent.
        pub fn stages(&self) -> js_sys::Array {
            if let Some(performance) = &self.performance {
                self.stages.push(&"sent-at".into());
                self.stages
                    .push(&(performance.time_origin() + performance.now()).into());
            }
            self.stages.clone()
        }
    }

    /// The report file of `file` and what to check in it, or why it cannot be read.
    pub fn read(file: &File, clock: &mut Clock) -> Result<(String, Vec<String>), String> {
        if file.size() > LARGEST_FILE as f64 {
            return Err("文件太大：报告正文通常不超过1 MB，这可能不是一份报告。".into());
        }
        let buffer = FileReaderSync::new()
            .and_then(|reader| reader.read_as_array_buffer(file))
            .map_err(|_| "浏览器没能读取这个文件，请再试一次。".to_string())?;
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        clock.stage("read");
        let (text, _) = decode_with(&bytes, &Browser)?;
        clock.stage("decode");
        if text.trim_start().starts_with('{') {
            // Written again: with cards for a file that has none, in the compact form.
            let file = file::file_to_file(&text).map_err(|e| e.0);
            clock.stage("file");
            file
        } else {
            text_to_file_in_stages(&text, &mut |stage| clock.stage(stage))
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
