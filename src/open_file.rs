//! Opening a report in the browser (effects): a file chosen or dropped, read as bytes, decoded
//! by the rules of `core/decode.rs` with the browser's `TextDecoder`, then either read as a
//! report file (`.json`, on this thread: no parsing, only checks) or parsed from its text by the
//! reading worker (`src/bin/report-reader.rs`). Nothing is uploaded anywhere. Also the recent
//! list's storage (`core/recent.rs`).
//!
//! UTF-8 is checked by Rust's own `str::from_utf8`, which refuses exactly what a strict
//! (`fatal`) `TextDecoder("utf-8")` refuses, without a copy through JavaScript; UTF-16 and
//! GB18030 go through `TextDecoder` with `fatal`. The worker is started for each text and
//! stopped when it has answered; its script is cached by the browser after the first time.

use gloo::events::EventListener;
use gloo::utils::{document, window};
use wasm_bindgen::JsCast;
use web_sys::{File, MessageEvent, TextDecoder, TextDecoderOptions, Worker};
use yew::prelude::*;

use crate::core::decode::{decode_with, Decoders, LARGEST_FILE};
use crate::core::file;
use crate::core::recent::{self, Recent};
use crate::core::Content;
use crate::library::{Library, LibraryAction, Opened};
use crate::page::REPORT_DATA_ID;

/// The reading worker's loader script, under the site's public address.
const WORKER_SCRIPT: &str = "report-reader_loader.js";

/// The browser's strict decoders.
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

/// Reads `file` and shows it, or says why it cannot be shown (the shown report stays).
pub fn open_file(file: File, dispatch: UseReducerDispatcher<Library>) {
    let name = file.name();
    let fail = {
        let dispatch = dispatch.clone();
        let name = name.clone();
        move |message: String| dispatch.dispatch(LibraryAction::Failed { name, message })
    };
    if file.size() > LARGEST_FILE as f64 {
        fail("文件太大：报告正文通常不超过1 MB，这可能不是一份报告。".into());
        return;
    }
    dispatch.dispatch(LibraryAction::Reading(name.clone()));
    yew::platform::spawn_local(async move {
        let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
            Err(_) => return fail("浏览器没能读取这个文件，请再试一次。".into()),
        };
        let text = match decode_with(&bytes, &Browser) {
            Ok((text, _)) => text,
            Err(message) => return fail(message),
        };
        if text.trim_start().starts_with('{') {
            show(text, Vec::new(), name, dispatch);
        } else {
            read_in_worker(text, move |answer| match answer {
                Ok((json, warnings)) => show(json, warnings, name, dispatch),
                Err(message) => fail(message),
            });
        }
    });
}

/// Opens the recent report at `index` again.
pub fn open_recent(recent: &Recent, index: usize, dispatch: UseReducerDispatcher<Library>) {
    if let Some(report) = recent.reports.get(index) {
        show(
            report.file.clone(),
            Vec::new(),
            report.name.clone(),
            dispatch,
        );
    }
}

/// Reads the report file `json` and shows it, with the import's `warnings` and the file
/// check's notes.
fn show(json: String, mut warnings: Vec<String>, name: String, dispatch: UseReducerDispatcher<Library>) {
    match file::read(&json, crate::data::terms()) {
        Ok((content, notes)) => {
            warnings.extend(notes);
            // Lives as long as the page (see `library.rs`).
            let content: &'static Content = Box::leak(Box::new(content));
            crate::hooks::clear_hash();
            dispatch.dispatch(LibraryAction::Opened(Opened {
                content,
                name,
                opened: today(),
                notes: warnings,
                file: json,
            }));
        }
        Err(error) => dispatch.dispatch(LibraryAction::Failed {
            name,
            message: error.0,
        }),
    }
}

/// Parses `text` in a reading worker; `done` gets the report file and the warnings, or why not.
fn read_in_worker(text: String, done: impl FnOnce(Result<(String, Vec<String>), String>) + 'static) {
    const NOT_LOADED: &str = "读取程序没有加载成功，请检查网络后再试。";
    let base = document()
        .get_element_by_id(REPORT_DATA_ID)
        .and_then(|block| block.get_attribute("data-base"))
        .unwrap_or_else(|| "./".into());
    let worker = match Worker::new(&format!("{base}{WORKER_SCRIPT}")) {
        Ok(worker) => worker,
        Err(_) => return done(Err(NOT_LOADED.into())),
    };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let finish = {
        let worker = worker.clone();
        move |answer: Result<(String, Vec<String>), String>| {
            worker.terminate();
            if let Some(done) = done.borrow_mut().take() {
                done(answer);
            }
        }
    };
    let on_error = {
        let finish = finish.clone();
        EventListener::new(&worker, "error", move |_| finish(Err(NOT_LOADED.into())))
    };
    let mut text = Some(text);
    let on_message = EventListener::new(&worker.clone(), "message", move |event| {
        let Some(data) = event.dyn_ref::<MessageEvent>().map(MessageEvent::data) else {
            return;
        };
        if data.as_string().as_deref() == Some("ready") {
            if let Some(text) = text.take() {
                if worker.post_message(&text.into()).is_err() {
                    finish(Err(NOT_LOADED.into()));
                }
            }
            return;
        }
        let answer = js_sys::Array::from(&data);
        let part = |i: u32| answer.get(i).as_string().unwrap_or_default();
        finish(match part(0).as_str() {
            "ok" => Ok((
                part(1),
                part(2).lines().map(String::from).collect(),
            )),
            _ => Err(part(1)),
        });
    });
    // The worker is stopped after its answer, so neither fires again; both stay registered
    // for its short life (a few bytes per file opened).
    on_error.forget();
    on_message.forget();
}

/// Today in the reader's calendar, `2026-11-30`.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Reads the recent list at start-up, then writes it whenever the reader changes it (never
/// just for having read it: damaged data stays until a report is opened or forgotten).
#[hook]
pub fn use_recent_storage(library: UseReducerHandle<Library>) {
    {
        let dispatch = library.dispatcher();
        use_effect_with((), move |_| {
            let stored = storage().and_then(|s| s.get_item(recent::KEY).ok().flatten());
            dispatch.dispatch(LibraryAction::RecentLoaded(match stored {
                Some(stored) => Recent::parse(&stored),
                None => Ok(Recent::default()),
            }));
        });
    }
    let dispatch = library.dispatcher();
    let recent = library.recent.clone();
    use_effect_with(library.recent_changes, move |changes| {
        if *changes > 0 {
            let saved =
                storage().is_some_and(|s| s.set_item(recent::KEY, &recent.to_json()).is_ok());
            if !saved {
                dispatch.dispatch(LibraryAction::NotSaved);
            }
        }
    });
}
